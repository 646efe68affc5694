"""Family 9 hand-written tables: where TF2 code goes when TensorFlow only kept a TF1 name in
`tf.compat.v1`, what removed modules became, why keywords were dropped, and which names kept
their spelling but changed meaning.

Canonical names throughout (no `tf.` prefix). The generated tables in
`tf2lint/data/generated/` say *what* changed; these say *what to write instead*.
"""

from __future__ import annotations

from typing import Dict, FrozenSet, NamedTuple, Optional, Tuple

# ----- removed names: the idiomatic TF2 route -------------------------------------------------

_KERAS_INIT = "`tf.keras.initializers.{}()` (an object; call it with `(shape, dtype)`)"
_OPTIMIZER = "`tf.keras.optimizers.{}` (created once, `apply_gradients` inside a `GradientTape` loop, or `model.compile`)"
_DECAY = "`tf.keras.optimizers.schedules.{}` passed as the optimizer's `learning_rate` (re-evaluated every step)"
_SESSION_HANDLE = "Keep the eager tensor in a Python variable: TF2 has no session to hold it between runs."
_PROTO = (
    "The protocol buffer lives on only as `tf.compat.v1.{name}`; TF2 code rarely builds it by hand "
    "(`tf.summary` writes events, `tf.saved_model.save` writes graphs and signatures)."
)
_ALWAYS_ON = "Delete the check: it is always true in TF2."
_PARTITIONER = (
    "`tf.distribute.experimental.ParameterServerStrategy(cluster_resolver, variable_partitioner="
    "tf.distribute.experimental.partitioners.{}(...))`"
)
_ACCUMULATOR = (
    "Accumulate into a `tf.Variable` with `assign_add` (or a Python list); distribution strategies aggregate gradients themselves."
)
_SCATTER = (
    "`var.{0}(tf.IndexedSlices(updates, indices))` on the `tf.Variable`, "
    "or `tf.tensor_scatter_nd_{1}(tensor, indices[:, None], updates)` for a tensor"
)
_RESIZE = "`tf.image.resize(images, size, method='{}')` (no `align_corners`: border pixels differ slightly from TF1)"
_RNN = (
    "`tf.keras.layers.RNN(cell, return_sequences=True, return_state=True)` with a Keras cell "
    "(`tf.keras.layers.LSTMCell`, ...); for time-major input, transpose to batch-major first"
)

ROUTES: Dict[str, str] = {
    # ops and helpers
    "Print": "`tf.print(message, *tensors)`: it prints when it runs and returns nothing to chain (no identity op).",
    "div": "`x // y` (`tf.math.floordiv`) for integer tensors, which is what TF1's `div` did; `tf.math.divide(x, y)` for floats.",
    "Dimension": "A plain `int` (or `None`): `x.shape[i]` is already an int in TF2.",
    "assign": "`var.assign(value)` on the `tf.Variable`.",
    "assign_add": "`var.assign_add(delta)` on the `tf.Variable`.",
    "assign_sub": "`var.assign_sub(delta)` on the `tf.Variable`.",
    "scatter_add": _SCATTER.format("scatter_add", "add"),
    "scatter_sub": _SCATTER.format("scatter_sub", "sub"),
    "scatter_max": _SCATTER.format("scatter_max", "max"),
    "scatter_min": _SCATTER.format("scatter_min", "min"),
    "scatter_mul": "`var.scatter_mul(tf.IndexedSlices(updates, indices))` on the `tf.Variable`",
    "scatter_div": "`var.scatter_div(tf.IndexedSlices(updates, indices))` on the `tf.Variable`",
    "scatter_update": _SCATTER.format("scatter_update", "update"),
    "scatter_nd_add": "`var.scatter_nd_add(indices, updates)`, or `tf.tensor_scatter_nd_add(tensor, indices, updates)` for a tensor",
    "scatter_nd_sub": "`var.scatter_nd_sub(indices, updates)`, or `tf.tensor_scatter_nd_sub(tensor, indices, updates)` for a tensor",
    "scatter_nd_update": (
        "`var.scatter_nd_update(indices, updates)`, or `tf.tensor_scatter_nd_update(tensor, indices, updates)` for a tensor"
    ),
    "batch_scatter_update": "`tf.tensor_scatter_nd_update(tensor, indices, updates)` with batch indices stacked in `indices`",
    "count_up_to": "`var.assign_add(1)` with an explicit `tf.debugging.assert_less(var, limit)` where the bound matters.",
    "batch_gather": "`tf.gather(params, indices, batch_dims=1)`",
    "clip_by_average_norm": "`tf.clip_by_norm(t, clip_norm * tf.cast(tf.size(t), t.dtype))` (the same bound on the average L2 norm).",
    "convert_to_tensor_or_indexed_slices": "`tf.convert_to_tensor(value)`, passing `tf.IndexedSlices` values through unchanged.",
    "convert_to_tensor_or_sparse_tensor": "`tf.convert_to_tensor(value)`, passing `tf.sparse.SparseTensor` values through unchanged.",
    "colocate_with": "Delete it: TF2 places ops itself; pin a device with `with tf.device(...)` where needed.",
    "container": "Delete it: resource containers belong to TF1 sessions; TF2 objects live as long as their Python references.",
    "add_check_numerics_ops": "`tf.debugging.enable_check_numerics()` (checks every op as it runs).",
    "get_seed": "Pass explicit `seed=` arguments, or set the global seed once with `tf.random.set_seed(seed)`.",
    "random.get_seed": "Pass explicit `seed=` arguments, or set the global seed once with `tf.random.set_seed(seed)`.",
    "random.set_random_seed": "`tf.random.set_seed(seed)`",
    "setdiff1d": (
        "`tf.sparse.to_dense(tf.sets.difference(x[None, :], y[None, :]))[0]` (sorted values; TF1's "
        "`setdiff1d` kept the order of `x` and also returned indices)."
    ),
    "sparse_to_dense": "`tf.sparse.to_dense(tf.sparse.reorder(tf.sparse.SparseTensor(indices, values, dense_shape)))`",
    "string_split": "`tf.strings.split(source, sep)`: it returns a `tf.RaggedTensor` (`.to_sparse()` gives TF1's SparseTensor).",
    "sparse.reduce_max_sparse": "`tf.sparse.reduce_max(sp_input, axis, output_is_sparse=True)`",
    "sparse_reduce_max_sparse": "`tf.sparse.reduce_max(sp_input, axis, output_is_sparse=True)`",
    "sparse.reduce_sum_sparse": "`tf.sparse.reduce_sum(sp_input, axis, output_is_sparse=True)`",
    "sparse_reduce_sum_sparse": "`tf.sparse.reduce_sum(sp_input, axis, output_is_sparse=True)`",
    "SparseTensorValue": "`tf.sparse.SparseTensor(indices, values, dense_shape)`: eager sparse tensors hold their values.",
    "ragged.RaggedTensorValue": "`tf.RaggedTensor` (eager ragged tensors hold their values; `.to_list()` for Python lists).",
    "ragged.constant_value": "`tf.ragged.constant(pylist)` (`.to_list()` gives the Python value back).",
    "image.resize_area": _RESIZE.format("area"),
    "image.resize_bicubic": _RESIZE.format("bicubic"),
    "image.resize_bilinear": _RESIZE.format("bilinear"),
    "image.resize_nearest_neighbor": _RESIZE.format("nearest"),
    "image.resize_image_with_pad": "`tf.image.resize_with_pad(image, target_height, target_width)`",
    "no_regularizer": "Pass `None` (or no regularizer) to the layer.",
    "op_scope": "`tf.name_scope(name)`",
    "wrap_function": "`tf.function` for new code; `tf.compat.v1.wrap_function` only to run TF1 graph-building code inside TF2.",
    "executing_eagerly_outside_functions": "`tf.executing_eagerly()` (outside a `tf.function` it is always True in TF2).",
    "control_flow_v2_enabled": _ALWAYS_ON,
    "resource_variables_enabled": _ALWAYS_ON,
    "experimental.output_all_intermediates": "Delete the call: TF2 control flow keeps what its gradients need.",
    "delete_session_tensor": _SESSION_HANDLE,
    "get_session_handle": _SESSION_HANDLE,
    "get_session_tensor": _SESSION_HANDLE,
    "ConditionalAccumulator": _ACCUMULATOR,
    "ConditionalAccumulatorBase": _ACCUMULATOR,
    "SparseConditionalAccumulator": _ACCUMULATOR,
    "sparse.SparseConditionalAccumulator": _ACCUMULATOR,
    "create_partitioned_variables": _PARTITIONER.format("FixedShardsPartitioner"),
    "fixed_size_partitioner": _PARTITIONER.format("FixedShardsPartitioner"),
    "variable_axis_size_partitioner": _PARTITIONER.format("MaxSizePartitioner"),
    "min_max_variable_partitioner": _PARTITIONER.format("MinSizePartitioner"),
    "distribute.get_loss_reduction": "Scale per-example losses with `tf.nn.compute_average_loss(losses, global_batch_size=...)`.",
    "data.make_one_shot_iterator": "`iter(dataset)` (or `for batch in dataset:`)",
    "data.make_initializable_iterator": "`iter(dataset)`: a new iterator starts over; no initializer op to run",
    "data.get_output_types": "`dataset.element_spec` (each spec has `.dtype`)",
    "data.get_output_shapes": "`dataset.element_spec` (each spec has `.shape`)",
    "data.get_output_classes": "`dataset.element_spec` (the spec types say Tensor, SparseTensor, ...)",
    "data.experimental.map_and_batch_with_legacy_function": "`dataset.map(fn).batch(batch_size)`",
    "data.Iterator.from_structure": "`iter(dataset)` for each dataset (a reinitializable iterator is not needed in eager code).",
    "data.Iterator.from_string_handle": "Pass the dataset (or its iterator) as a Python value; feedable iterators need a session.",
    # initializers (classes in Keras)
    "glorot_uniform_initializer": _KERAS_INIT.format("GlorotUniform"),
    "glorot_normal_initializer": _KERAS_INIT.format("GlorotNormal"),
    "orthogonal_initializer": _KERAS_INIT.format("Orthogonal"),
    "truncated_normal_initializer": _KERAS_INIT.format("TruncatedNormal") + " (TF1's default stddev was 1.0, Keras's is 0.05)",
    "variance_scaling_initializer": (
        _KERAS_INIT.format("VarianceScaling") + " (TF1's `distribution='normal'` is Keras's `'truncated_normal'`)"
    ),
    "uniform_unit_scaling_initializer": "`tf.keras.initializers.VarianceScaling(scale=factor, mode='fan_in', distribution='uniform')`",
    "initializers.uniform_unit_scaling": "`tf.keras.initializers.VarianceScaling(scale=factor, mode='fan_in', distribution='uniform')`",
    "keras.initializers.normal": _KERAS_INIT.format("RandomNormal"),
    "keras.initializers.uniform": _KERAS_INIT.format("RandomUniform"),
    "initializers.global_variables": "Delete it: TF2 variables are initialized when created.",
    "initializers.local_variables": "Delete it: TF2 variables are initialized when created.",
    "initializers.variables": "Delete it: TF2 variables are initialized when created.",
    "initializers.tables_initializer": "Delete it: TF2 lookup tables are initialized when created.",
    # nn
    "nn.xw_plus_b": "`tf.matmul(x, weights) + biases` (or a `tf.keras.layers.Dense` layer)",
    "nn.relu_layer": "`tf.nn.relu(tf.matmul(x, weights) + biases)` (or `tf.keras.layers.Dense(units, activation='relu')`)",
    "nn.dynamic_rnn": _RNN,
    "nn.static_rnn": _RNN + " (stack the list of inputs along axis 1)",
    "nn.static_state_saving_rnn": "`tf.keras.layers.RNN(cell, stateful=True)` keeps the state between calls",
    "nn.bidirectional_dynamic_rnn": "`tf.keras.layers.Bidirectional(tf.keras.layers.RNN(cell, return_sequences=True))`",
    "nn.static_bidirectional_rnn": "`tf.keras.layers.Bidirectional(tf.keras.layers.RNN(cell, return_sequences=True))`",
    "nn.raw_rnn": "A Python loop (or `tf.while_loop` inside `tf.function`) calling the Keras cell step by step",
    "nn.fused_batch_norm": "`tf.keras.layers.BatchNormalization` (it uses the fused kernel itself) or `tf.nn.batch_normalization`",
    "nn.depthwise_conv2d_native": "`tf.nn.depthwise_conv2d(input, filter, strides, padding)`",
    "nn.conv2d_backprop_filter": "The filter gradient of `tf.nn.conv2d` from a `tf.GradientTape` (or `tf.raw_ops.Conv2DBackpropFilter`)",
    "nn.conv3d_backprop_filter": "The filter gradient of `tf.nn.conv3d` from a `tf.GradientTape` (or `tf.raw_ops.Conv3DBackpropFilterV2`)",
    "nn.conv3d_backprop_filter_v2": (
        "The filter gradient of `tf.nn.conv3d` from a `tf.GradientTape` (or `tf.raw_ops.Conv3DBackpropFilterV2`)"
    ),
    "nn.ctc_loss_v2": "`tf.nn.ctc_loss` (the same function under its TF2 name)",
    # I/O
    "io.tf_record_iterator": "`tf.data.TFRecordDataset(path)`, iterated directly: `for record in dataset:`",
    "io.TFRecordCompressionType": "`tf.io.TFRecordOptions(compression_type='GZIP')` (or `'ZLIB'`, `''`)",
    "python_io.tf_record_iterator": "`tf.data.TFRecordDataset(path)`, iterated directly: `for record in dataset:`",
    "python_io.TFRecordCompressionType": "`tf.io.TFRecordOptions(compression_type='GZIP')` (or `'ZLIB'`, `''`)",
    "gfile.FastGFile": "`tf.io.gfile.GFile(path, mode)`",
    "graph_util.convert_variables_to_constants": (
        "Export a SavedModel with `tf.saved_model.save(obj, path)`; serving and the TFLite converter read "
        "SavedModels, so a frozen GraphDef is no longer needed."
    ),
    "graph_util.extract_sub_graph": "Trace only the computation you need with `tf.function(...).get_concrete_function(...)`.",
    "graph_util.remove_training_nodes": "Export a SavedModel with `tf.saved_model.save`: it contains only the traced functions.",
    "train.summary_iterator": "`tf.data.TFRecordDataset(path)`, parsing each record with `tf.compat.v1.Event.FromString(record.numpy())`",
    "train.NewCheckpointReader": "`tf.train.load_checkpoint(path)` (the same reader: `get_tensor`, `get_variable_to_shape_map`)",
    "train.checkpoint_exists": "`tf.train.latest_checkpoint(directory) is not None`, or `tf.io.gfile.exists(prefix + '.index')`",
    "train.get_checkpoint_mtimes": "`tf.io.gfile.stat(prefix + '.index').mtime_nsec` for each checkpoint prefix",
    "train.remove_checkpoint": "`tf.train.CheckpointManager(checkpoint, directory, max_to_keep=n)` deletes old checkpoints itself",
    "train.update_checkpoint_state": "`tf.train.CheckpointManager` maintains the `checkpoint` state file itself",
    "train.generate_checkpoint_state_proto": "`tf.train.CheckpointManager` maintains the `checkpoint` state file itself",
    "train.warm_start": "`tf.train.Checkpoint(model=model).read(path)` (or `model.load_weights(path)`) before training",
    "train.match_filenames_once": "`tf.io.gfile.glob(pattern)`",
    "train.LooperThread": "A `threading.Thread` running the loop body",
    "train.SecondOrStepTimer": "Time the training loop in Python, or use a `tf.keras.callbacks.Callback`",
    "train.basic_train_loop": "A Python `for` loop calling the (`@tf.function`) training step",
    "train.NanLossDuringTrainingError": "`tf.keras.callbacks.TerminateOnNaN()`, or check `tf.math.is_nan(loss)` in a custom loop",
    "train.replica_device_setter": "`tf.distribute.experimental.ParameterServerStrategy(cluster_resolver)` places variables itself",
    "train.SyncReplicasOptimizer": "`tf.distribute.MirroredStrategy` / `MultiWorkerMirroredStrategy`: synchronous training by construction",
    "train.do_quantize_training_on_graphdef": "`tfmot.quantization.keras.quantize_model(model)` (TensorFlow Model Optimization Toolkit)",
    "train.experimental.enable_mixed_precision_graph_rewrite": "`tf.keras.mixed_precision.set_global_policy('mixed_float16')`",
    "train.experimental.disable_mixed_precision_graph_rewrite": "`tf.keras.mixed_precision.set_global_policy('float32')`",
    "train.experimental.MixedPrecisionLossScaleOptimizer": "`tf.keras.mixed_precision.LossScaleOptimizer(optimizer)`",
    "train.experimental.LossScale": "`tf.keras.mixed_precision.LossScaleOptimizer(optimizer)` (dynamic loss scaling built in)",
    "train.experimental.DynamicLossScale": "`tf.keras.mixed_precision.LossScaleOptimizer(optimizer)` (dynamic loss scaling built in)",
    "train.experimental.FixedLossScale": "`tf.keras.mixed_precision.LossScaleOptimizer(optimizer, dynamic=False, initial_scale=scale)`",
    "train.GradientDescentOptimizer": _OPTIMIZER.format("SGD"),
    "train.MomentumOptimizer": _OPTIMIZER.format("SGD") + " with `momentum=` (`use_nesterov` -> `nesterov`)",
    "train.AdamOptimizer": _OPTIMIZER.format("Adam") + " (`beta1`/`beta2` -> `beta_1`/`beta_2`; epsilon default 1e-7, TF1's 1e-8)",
    "train.RMSPropOptimizer": _OPTIMIZER.format("RMSprop") + " (`decay` -> `rho`; slot initialisation differs, so results differ)",
    "train.AdadeltaOptimizer": _OPTIMIZER.format("Adadelta"),
    "train.AdagradOptimizer": _OPTIMIZER.format("Adagrad"),
    "train.FtrlOptimizer": _OPTIMIZER.format("Ftrl"),
    "train.exponential_decay": _DECAY.format("ExponentialDecay"),
    "train.piecewise_constant": _DECAY.format("PiecewiseConstantDecay"),
    "train.piecewise_constant_decay": _DECAY.format("PiecewiseConstantDecay"),
    "train.polynomial_decay": _DECAY.format("PolynomialDecay"),
    "train.inverse_time_decay": _DECAY.format("InverseTimeDecay"),
    "train.cosine_decay": _DECAY.format("CosineDecay"),
    "train.cosine_decay_restarts": _DECAY.format("CosineDecayRestarts"),
    "train.natural_exp_decay": _DECAY.format("ExponentialDecay") + " with `decay_rate=math.exp(-rate)`",
    "train.get_global_step": "`optimizer.iterations`, or an own `tf.Variable(0, trainable=False, dtype=tf.int64)`",
    "train.get_or_create_global_step": "`optimizer.iterations`, or an own `tf.Variable(0, trainable=False, dtype=tf.int64)`",
    "train.create_global_step": "`optimizer.iterations`, or an own `tf.Variable(0, trainable=False, dtype=tf.int64)`",
    "train.global_step": "`int(step_variable)` (read the step variable directly)",
    "train.Saver": "`tf.train.Checkpoint(model=model, optimizer=optimizer)` with a `tf.train.CheckpointManager`",
    "train.SessionRunHook": "A `tf.keras.callbacks.Callback` (or plain code in a custom training loop)",
    # tests, profiling, tools
    "test.get_temp_dir": "`self.get_temp_dir()` in a `tf.test.TestCase`, or `tempfile.mkdtemp()`",
    "test.compute_gradient_error": (
        "`theoretical, numerical = tf.test.compute_gradient(f, [x])` and the largest absolute difference between them"
    ),
    "test.StubOutForTesting": "`unittest.mock.patch`",
    "profiler.profile": "`tf.profiler.experimental.start(logdir)` ... `tf.profiler.experimental.stop()`, viewed in TensorBoard",
    "profiler.Profiler": "`tf.profiler.experimental.start(logdir)` ... `tf.profiler.experimental.stop()`, viewed in TensorBoard",
    "profiler.advise": "`tf.profiler.experimental.start(logdir)` ... `tf.profiler.experimental.stop()`, viewed in TensorBoard",
    "profiler.ProfileOptionBuilder": "`tf.profiler.experimental.ProfilerOptions(...)` passed to `tf.profiler.experimental.start`",
    "tpu.CrossShardOptimizer": "A Keras optimizer under `tf.distribute.TPUStrategy`: the strategy aggregates gradients across replicas",
    "tpu.rewrite": "`strategy.run(step_fn, args)` with a `tf.distribute.TPUStrategy`",
    "tpu.replicate": "`strategy.run(step_fn, args)` with a `tf.distribute.TPUStrategy`",
    "tpu.shard": "`strategy.run(step_fn, args)` with a `tf.distribute.TPUStrategy`",
    "tpu.batch_parallel": "`strategy.run(step_fn, args)` with a `tf.distribute.TPUStrategy`",
    "tpu.outside_compilation": "Host computations move to the input pipeline or outside `strategy.run` (which compiles the step)",
    "tpu.initialize_system": "`tf.tpu.experimental.initialize_tpu_system(resolver)`",
    "tpu.shutdown_system": "`tf.tpu.experimental.shutdown_tpu_system(resolver)`",
    "tpu.cross_replica_sum": "`tf.distribute.get_replica_context().all_reduce('sum', value)`",
    "tpu.experimental.embedding_column": "`tf.tpu.experimental.embedding.TPUEmbedding` with a `FeatureConfig`",
    "tpu.experimental.shared_embedding_columns": "`tf.tpu.experimental.embedding.TPUEmbedding` with shared `TableConfig`s",
    # lite
    "lite.TocoConverter": (
        "`tf.lite.TFLiteConverter.from_saved_model(path)` (or `from_concrete_functions`, `from_keras_model`)"
    ),
    "lite.toco_convert": "`tf.lite.TFLiteConverter.from_concrete_functions([fn.get_concrete_function()]).convert()`",
    "lite.TFLiteConverter.from_session": "`tf.lite.TFLiteConverter.from_concrete_functions([fn.get_concrete_function()])`",
    "lite.TFLiteConverter.from_frozen_graph": "`tf.lite.TFLiteConverter.from_saved_model(path)` on an exported SavedModel",
    "lite.TFLiteConverter.from_keras_model_file": (
        "`tf.lite.TFLiteConverter.from_keras_model(tf.keras.models.load_model(path))`"
    ),
    # keras shims
    "keras.backend.get_session": "Delete it: TF2 Keras runs eagerly, without a session.",
    "keras.backend.set_session": "Delete it: TF2 Keras runs eagerly, without a session; configure devices with `tf.config`.",
    "keras.layers.CuDNNLSTM": "`tf.keras.layers.LSTM` (it uses the cuDNN kernel by itself with the default arguments)",
    "keras.layers.CuDNNGRU": "`tf.keras.layers.GRU(..., reset_after=True)` (cuDNN kernel with the default arguments)",
    "keras.layers.enable_v2_dtype_behavior": "Delete the call: TF2 layers always follow the v2 dtype behaviour.",
    "keras.layers.disable_v2_dtype_behavior": "Set layer dtypes explicitly (`dtype=` or a `tf.keras.mixed_precision` policy).",
    "keras.utils.track_tf1_style_variables": "A Keras layer (or `tf.Module`) that creates its variables once in `__init__`/`build`",
    "keras.utils.get_or_create_layer": "Create the layer once in `__init__` and keep it as an attribute",
    "keras.utils.DeterministicRandomTestTool": "Seeded `tf.random.Generator.from_seed(seed)` draws in the test",
    "keras.models.LinearModel": "A one-layer Keras model: `tf.keras.Sequential([tf.keras.layers.Dense(units)])`",
    "keras.models.WideDeepModel": "A functional Keras model concatenating a linear (wide) and a deep branch",
}

# Names with no TF2 name that a generated table cannot list: attributes of classes TF2 kept.
EXTRA_REMOVED: FrozenSet[str] = frozenset(
    {
        "data.Iterator.from_structure",
        "data.Iterator.from_string_handle",
        "lite.TFLiteConverter.from_session",
        "lite.TFLiteConverter.from_frozen_graph",
        "lite.TFLiteConverter.from_keras_model_file",
    }
)

# Protocol buffers TF1 exposed at the top level; routed with _PROTO.
PROTOS: FrozenSet[str] = frozenset(
    {
        "AttrValue", "Event", "GraphDef", "HistogramProto", "LogMessage", "MetaGraphDef", "NameAttrList",
        "NodeDef", "SessionLog", "Summary", "SummaryMetadata", "TensorInfo", "summary.Event", "summary.SessionLog",
        "summary.Summary", "summary.SummaryDescription", "summary.TaggedRunMetadata", "profiler.AdviceProto",
        "profiler.GraphNodeProto", "profiler.MultiGraphNodeProto", "profiler.OpLogProto", "train.SaverDef",
    }
)


def proto_route(name: str) -> str:
    return _PROTO.format(name=name)


# Routes for every name under a prefix (checked after ROUTES).
PREFIX_ROUTES: Dict[str, str] = {
    "metrics": "A `tf.keras.metrics` object (`update_state` each batch, `result()` at the end, `reset_state()` between epochs)",
    "losses": (
        "A `tf.keras.losses` object or function (the reduction differs: TF1 defaulted to SUM_BY_NONZERO_WEIGHTS, "
        "Keras to SUM_OVER_BATCH_SIZE)"
    ),
    "summary": "`tf.summary.create_file_writer(logdir)` as default writer, then `tf.summary.scalar(name, data, step=step)`",
    "saved_model": "`tf.saved_model.save(obj, export_dir, signatures=...)` and `tf.saved_model.load(export_dir)`",
    "estimator": "A Keras model (`compile`/`fit`/`evaluate`) or a custom `GradientTape` loop",
    "profiler": "`tf.profiler.experimental.start(logdir)` ... `tf.profiler.experimental.stop()`, viewed in TensorBoard",
    "tpu": "`tf.distribute.TPUStrategy(resolver)` with `strategy.run(step_fn, args)`",
}

# ----- removed modules ----------------------------------------------------------------------

_ABSL_FLAGS = "`absl.flags` (`from absl import flags`; `flags.DEFINE_string(...)`, `FLAGS = flags.FLAGS`) or `argparse`"
_ABSL_LOGGING = "`absl.logging` (`from absl import logging`) or the standard logger `tf.get_logger()`"

MODULE_ROUTES: Dict[str, str] = {
    "app": "`absl.app` (`from absl import app; app.run(main)`)",
    "app.flags": _ABSL_FLAGS,
    "flags": _ABSL_FLAGS,
    "logging": _ABSL_LOGGING,
    "gfile": "`tf.io.gfile` (functions in lower case: `tf.io.gfile.exists`, `tf.io.gfile.GFile`, `tf.io.gfile.makedirs`, ...)",
    "python_io": "`tf.io.TFRecordWriter` / `tf.io.TFRecordOptions` to write, `tf.data.TFRecordDataset` to read",
    "resource_loader": "`importlib.resources`, or paths relative to `os.path.dirname(__file__)`",
    "spectral": "`tf.signal` (`tf.signal.fft`, `tf.signal.dct`, ...)",
    "manip": "the same functions at the top level (`tf.reshape`, `tf.roll`, `tf.tile`, ...)",
    "distributions": "TensorFlow Probability: `tfp.distributions` (`pip install tensorflow-probability`)",
    "user_ops": "a custom op library loaded with `tf.load_op_library(path)`",
    "mixed_precision": "`tf.keras.mixed_precision` (`set_global_policy('mixed_float16')`, `LossScaleOptimizer`)",
    "mixed_precision.experimental": "`tf.keras.mixed_precision` (`set_global_policy('mixed_float16')`, `LossScaleOptimizer`)",
    "lite.constants": "the TensorFlow dtypes (`tf.float32`, `tf.int8`, `tf.uint8`, ...)",
    "test.mock": "`unittest.mock`",
    "layers": "the matching `tf.keras.layers` class, created once and then called",
    "nn.rnn_cell": (
        "Keras cells (`tf.keras.layers.LSTMCell`, `GRUCell`, `SimpleRNNCell`, `StackedRNNCells`) "
        "run by `tf.keras.layers.RNN`"
    ),
    "saved_model.builder": "`tf.saved_model.save(obj, export_dir, signatures=...)`",
    "saved_model.loader": "`tf.saved_model.load(export_dir)` (returns an object; call its `signatures`)",
    "saved_model.main_op": "Delete it: `tf.saved_model.save` initializes tables and variables on load itself",
    "saved_model.signature_def_utils": "the `signatures=` argument of `tf.saved_model.save` (concrete functions)",
    "saved_model.utils": "`tf.TensorSpec` in the `input_signature` of the exported `tf.function`",
    "saved_model.constants": "`tf.saved_model.*` constants (`tf.saved_model.ASSETS_DIRECTORY`, ...)",
    "saved_model.signature_constants": "`tf.saved_model.*` constants (`tf.saved_model.DEFAULT_SERVING_SIGNATURE_DEF_KEY`, ...)",
    "saved_model.tag_constants": "`tf.saved_model.SERVING` / `tf.saved_model.TRAINING` / `tf.saved_model.GPU` / `tf.saved_model.TPU`",
    "train.queue_runner": "a `tf.data` input pipeline (queue runners do not run in TF2)",
    "contrib": (
        "`tf.contrib` is gone from TF2, even from `tf.compat.v1`: each submodule moved to core TF, Keras, "
        "TF Addons (end of life) or a separate package (TF602 names the destination)"
    ),
    "contrib.cudnn_rnn": "`tf.keras.layers.LSTM` / `GRU` (they use the cuDNN kernel by themselves)",
    "contrib.rnn": "Keras RNN layers and cells (`tf.keras.layers.LSTMCell`, `RNN`, `Bidirectional`)",
    "contrib.distribute": "`tf.distribute` (`MirroredStrategy`, `MultiWorkerMirroredStrategy`, `TPUStrategy`)",
    "contrib.seq2seq": "KerasNLP / TF Addons `tfa.seq2seq` (end of life since May 2024)",
}

# Member-specific routes inside removed modules (checked before MODULE_ROUTES).
_ABSL = "`logging.{0}(...)` with `from absl import logging`, or `tf.get_logger().{1}(...)`"
_LEVEL = "`absl.logging.{0}` (`from absl import logging`), or the standard `logging.{1}` for `tf.get_logger()`"
MODULE_MEMBER_ROUTES: Dict[str, str] = {
    "app.run": "`app.run(main)` with `from absl import app` (or call `main()` directly)",
    "logging.info": _ABSL.format("info", "info"),
    "logging.warning": _ABSL.format("warning", "warning"),
    "logging.warn": _ABSL.format("warning", "warning"),
    "logging.error": _ABSL.format("error", "error"),
    "logging.fatal": _ABSL.format("fatal", "critical"),
    "logging.debug": _ABSL.format("debug", "debug"),
    "logging.log": _ABSL.format("log", "log"),
    "logging.vlog": _ABSL.format("vlog", "log"),
    "logging.log_every_n": "`logging.log_every_n(level, msg, n)` with `from absl import logging`",
    "logging.log_first_n": "`logging.log_first_n(level, msg, n)` with `from absl import logging`",
    "logging.log_if": "`logging.log_if(level, msg, condition)` with `from absl import logging`",
    "logging.set_verbosity": "`tf.get_logger().setLevel('INFO')`, or `logging.set_verbosity(logging.INFO)` with `from absl import logging`",
    "logging.get_verbosity": "`tf.get_logger().getEffectiveLevel()`, or `logging.get_verbosity()` with `from absl import logging`",
    "logging.DEBUG": _LEVEL.format("DEBUG", "DEBUG"),
    "logging.INFO": _LEVEL.format("INFO", "INFO"),
    "logging.WARN": _LEVEL.format("WARNING", "WARNING"),
    "logging.ERROR": _LEVEL.format("ERROR", "ERROR"),
    "logging.FATAL": _LEVEL.format("FATAL", "CRITICAL"),
    "logging.flush": "`logging.flush()` with `from absl import logging`",
    "nn.rnn_cell.BasicLSTMCell": "`tf.keras.layers.LSTMCell(units)` (TF1's `forget_bias=1.0` is Keras's `unit_forget_bias=True`)",
    "nn.rnn_cell.LSTMCell": "`tf.keras.layers.LSTMCell(units)`",
    "nn.rnn_cell.GRUCell": "`tf.keras.layers.GRUCell(units, reset_after=False)` (TF1's GRU applied the reset gate before the matmul)",
    "nn.rnn_cell.BasicRNNCell": "`tf.keras.layers.SimpleRNNCell(units)`",
    "nn.rnn_cell.MultiRNNCell": "`tf.keras.layers.StackedRNNCells([cell1, cell2])`",
    "nn.rnn_cell.RNNCell": "a `tf.keras.layers.Layer` with a `state_size` property and `call(inputs, states)`",
    "nn.rnn_cell.DropoutWrapper": "the cell's own `dropout=` / `recurrent_dropout=` arguments",
    "nn.rnn_cell.ResidualWrapper": "add the input to the cell's output yourself (`output + inputs`) in a small Layer",
    "nn.rnn_cell.DeviceWrapper": "`with tf.device(...)` around the layer call",
    "nn.rnn_cell.LSTMStateTuple": "a `[h, c]` list: Keras LSTM states are `[memory_state, carry_state]`",
    "python_io.TFRecordWriter": "`tf.io.TFRecordWriter(path, options)`",
    "python_io.TFRecordOptions": "`tf.io.TFRecordOptions(compression_type=...)`",
    "python_io.tf_record_iterator": "`tf.data.TFRecordDataset(path)`, iterated directly: `for record in dataset:`",
    "python_io.TFRecordCompressionType": "`tf.io.TFRecordOptions(compression_type='GZIP')` (or `'ZLIB'`, `''`)",
    "gfile.FastGFile": "`tf.io.gfile.GFile(path, mode)`",
    "saved_model.builder.SavedModelBuilder": "`tf.saved_model.save(obj, export_dir, signatures=...)`",
    "saved_model.loader.load": "`tf.saved_model.load(export_dir)` (returns an object; call its `signatures`)",
}

# ----- removed modules that moved to absl (unsafe fixes) ------------------------------------

class AbslMove(NamedTuple):
    module: str  # the absl module: `from absl import <module>`
    members: FrozenSet[str]  # the TF module's members absl's has under the same name


# The members of `tf.compat.v1.logging` / `.flags` / `.app` of TensorFlow 2.21 that absl-py 2.5.1
# (its dependency) has too; a fix is made only where every member used is among them.
_ABSL_LOGGING_MEMBERS = frozenset(
    {
        "DEBUG", "ERROR", "FATAL", "INFO", "WARN", "debug", "error", "fatal", "flush", "get_verbosity", "info", "log",
        "log_every_n", "log_first_n", "log_if", "set_verbosity", "vlog", "warn", "warning",
    }
)
_ABSL_FLAGS_MEMBERS = frozenset(
    {
        "ArgumentParser", "ArgumentSerializer", "BaseListParser", "BooleanFlag", "BooleanParser",
        "CantOpenFlagFileError", "CsvListSerializer", "DEFINE", "DEFINE_alias", "DEFINE_bool", "DEFINE_boolean",
        "DEFINE_enum", "DEFINE_enum_class", "DEFINE_flag", "DEFINE_float", "DEFINE_integer", "DEFINE_list",
        "DEFINE_multi", "DEFINE_multi_enum", "DEFINE_multi_enum_class", "DEFINE_multi_float", "DEFINE_multi_integer",
        "DEFINE_multi_string", "DEFINE_spaceseplist", "DEFINE_string", "DuplicateFlagError", "EnumClassFlag",
        "EnumClassListSerializer", "EnumClassParser", "EnumClassSerializer", "EnumFlag", "EnumParser", "Error", "FLAGS",
        "Flag", "FlagHolder", "FlagNameConflictsWithMethodError", "FlagValues", "FloatParser", "IllegalFlagValueError",
        "IntegerParser", "ListParser", "ListSerializer", "MultiEnumClassFlag", "MultiFlag", "UnparsedFlagAccessError",
        "UnrecognizedFlagError", "ValidationError", "WhitespaceSeparatedListParser", "adopt_module_key_flags",
        "declare_key_flag", "disclaim_key_flags", "doc_to_help", "flag_dict_to_args", "get_help_width",
        "mark_bool_flags_as_mutual_exclusive", "mark_flag_as_required", "mark_flags_as_mutual_exclusive",
        "mark_flags_as_required", "multi_flags_validator", "override_value", "register_multi_flags_validator",
        "register_validator", "set_default", "text_wrap", "validator",
    }
)
ABSL_MOVES: Dict[str, AbslMove] = {
    "logging": AbslMove("logging", _ABSL_LOGGING_MEMBERS),
    "flags": AbslMove("flags", _ABSL_FLAGS_MEMBERS),
    "app.flags": AbslMove("flags", _ABSL_FLAGS_MEMBERS),
    "app": AbslMove("app", frozenset({"run"})),
}

# ----- casts rendered from the call -----------------------------------------------------------

CASTS: Dict[str, str] = {
    "to_float": "tf.float32",
    "to_double": "tf.float64",
    "to_int32": "tf.int32",
    "to_int64": "tf.int64",
    "to_bfloat16": "tf.bfloat16",
    "to_complex64": "tf.complex64",
    "to_complex128": "tf.complex128",
}

# ----- renames a fix may apply -----------------------------------------------------------------

# Renamed TF1 names whose TF2 name is another Python function (so not in the generated
# SAME_IN_TF2) that computes the same thing once the call's arguments are passed by their TF2
# keywords: read in the TensorFlow 2.21 source, the TF1 function calls the TF2 one (or the
# same kernel with the same defaults). Their rename fixes are safe.
SAME_BEHAVIOUR_RENAMES: FrozenSet[str] = frozenset(
    {
        "arg_max", "arg_min", "batch_to_space_nd", "bincount", "confusion_matrix", "count_nonzero",
        "decode_csv", "decode_raw", "depth_to_space", "extract_image_patches", "floor_div",
        "gfile.Copy", "gfile.DeleteRecursively", "gfile.Exists", "gfile.Glob", "gfile.IsDirectory",
        "gfile.ListDirectory", "gfile.MakeDirs", "gfile.MkDir", "gfile.Remove", "gfile.Rename",
        "gfile.Stat", "gfile.Walk", "image.extract_image_patches", "manip.batch_to_space_nd",
        "manip.gather_nd", "multinomial", "nn.softmax_cross_entropy_with_logits_v2", "parse_example",
        "parse_single_example", "random.multinomial", "random.stateless_multinomial", "random_poisson",
        "reduce_join", "saved_model.loader.maybe_saved_model_directory", "saved_model.maybe_saved_model_directory",
        "serialize_many_sparse", "serialize_sparse", "space_to_depth", "sparse_add", "sparse_concat",
        "sparse_reduce_max", "sparse_reduce_sum", "sparse_segment_mean", "sparse_segment_sqrt_n",
        "sparse_segment_sum", "sparse_split", "string_to_hash_bucket", "string_to_number", "substr",
        "verify_tensor_all_finite",
    }
)

# Why the other renames may behave differently (their fixes are unsafe).
RENAME_DIFFERENCES: Dict[str, str] = {
    "image.resize_images": (
        "TF2's `tf.image.resize` samples at half-pixel centres and has no `align_corners`: outputs differ from "
        "TF1's by up to half a pixel, and integer images come back as float32"
    ),
    "sparse_matmul": "`tf.linalg.matmul` takes `a_is_sparse`/`b_is_sparse` as hints with another argument order",
    "quantize_v2": "`tf.quantization.quantize` has other defaults (`round_mode`, `narrow_range`)",
    "load_file_system_library": "`tf.load_library` registers the library differently (it also loads kernels)",
    "nn.conv2d_backprop_input": (
        "`tf.nn.conv2d_transpose` takes `(input, filters, output_shape, ...)`: the call's arguments must be "
        "reordered by hand"
    ),
    "data.experimental.TensorStructure": "`tf.TensorSpec` is another class (`tf.data` structures are specs in TF2)",
    "data.experimental.SparseTensorStructure": "`tf.SparseTensorSpec` is another class",
    "data.experimental.RaggedTensorStructure": "`tf.RaggedTensorSpec` is another class",
    "data.experimental.TensorArrayStructure": "`tf.TensorArraySpec` is another class",
}

# Dropping a TF1-only keyword is safe when its value is what TF2 always does.
SAFE_DROPS: Dict[str, object] = {
    "use_cudnn_on_gpu": True,
    "validate_indices": True,
    "partition_strategy": "div",
    "use_resource": True,
    "strict": True,
}

# ----- keywords -------------------------------------------------------------------------------

# (function, TF1 keyword) -> (TF2 keyword, template of its value from the TF1 value).
KEYWORD_REWRITES: Dict[Tuple[str, str], Tuple[str, str]] = {
    ("nn.dropout", "keep_prob"): ("rate", "1 - {value:p}"),
}

# Why TF2 dropped a keyword with no replacement, and what to do about it.
KEYWORD_NOTES: Dict[str, str] = {
    "partition_strategy": "TF2 always uses the \"div\" strategy: delete the argument (sharded lookups that relied on \"mod\" change).",
    "validate_indices": "TF2 always validates indices on CPU: delete the argument.",
    "use_cudnn_on_gpu": "TF2 always uses cuDNN where it can: delete the argument.",
    "colocate_gradients_with_ops": "TF2 always colocates gradients with their ops: delete the argument.",
    "align_corners": (
        "TF2's resize has no `align_corners`: delete it (results differ slightly at the borders), or keep "
        "`tf.compat.v1.image.resize*` where exact TF1 pixels matter."
    ),
    "strict": "TF2's `tf.cond` is always strict: delete the argument.",
    "verify_shape": "TF2 always verifies the shape of a constant: delete the argument.",
    "optimize": "TF2 always optimizes: delete the argument (`optimize=False` has no TF2 equivalent).",
    "return_same_structure": "TF2's `while_loop` always returns the structure of `loop_vars`: delete the argument.",
    "merge_repeated": "TF2's beam search never merges repeated classes: delete the argument.",
    "seed2": "TF2 derives the second seed from `seed`: delete the argument.",
    "deterministic": "TF2 is deterministic when a `seed` is given: delete the argument and pass `seed=`.",
    "collections": "TF2 has no graph collections: keep the object in a Python attribute or list instead.",
    "use_resource": "TF2 variables are always resource variables: delete the argument.",
    "expected_shape": "Delete the argument (`shape=` fixes a variable's shape in TF2).",
    "family": "TF2 summaries have no `family`: put the call inside `with tf.name_scope(family):`.",
    "dtype": "TF2 initializers take the dtype when they are called: `init(shape, dtype=...)`.",
    "summarize": "TF2's rank assertions print the whole tensor: delete the argument.",
    "data": "TF2 assertions take a `message=` string instead of tensors to print.",
    "default_name": "`tf.name_scope(name)` has no default: pass the name (`name or default_name`).",
    "values": "TF2's `tf.name_scope` takes no `values`: delete the argument.",
    "steps_per_run": "Pass `steps_per_execution=` to `model.compile` instead.",
}

# ----- same name, changed meaning (TF906) -----------------------------------------------------


class Changed(NamedTuple):
    """A name TF2 kept whose TF1 call means something else.

    ``change`` says what differs. ``replacements`` are templates over the TF1 parameter names
    bound by the call (``{func}``: the function's TF2 spelling; ``{args}``: the call's
    arguments without the TF1-only ones; ``{x:p}`` parenthesizes a compound expression); the
    first whose fields are all bound is used, the last is the fallback. ``triggers``: TF1 parameters whose presence changes the
    meaning (``None``: positional arguments from the first reordered one, per the generated
    signature table). ``certain``: the TF2 result is always wrong, not only for some inputs.
    """

    change: str
    replacements: Tuple[str, ...]
    triggers: Optional[FrozenSet[str]] = None
    certain: bool = True


_INIT_CHANGE = "TF1 initializers take `dtype` when constructed; TF2 initializers take it when called (`init(shape, dtype)`)"
_INIT_REPLACEMENTS = (
    "`{func}({args})` called as `init(shape, dtype={dtype})`",
    "`{func}({args})`, with the dtype passed when it is called: `init(shape, dtype)`",
)
_ASSERT_CHANGE = (
    "TF1's third argument is `data` (tensors to print) and the call returns an op for `control_dependencies`; "
    "TF2's takes a `message` string there and raises as soon as it runs"
)
_ASSERT_REPLACEMENTS = (
    "`{func}({args}, message=...)`: the check runs where it is called (no `control_dependencies` needed)",
)
_ASSERT = Changed(_ASSERT_CHANGE, _ASSERT_REPLACEMENTS)

CHANGED: Dict[str, Changed] = {
    "name_scope": Changed(
        "TF1's `name_scope(name, default_name, values)` falls back to `default_name` and takes graph inputs; "
        "TF2's takes only the name",
        # `name or default_name`: TF2's name_scope raises on None, where TF1 fell back to the default.
        ("`{func}({name:p} or {default_name:p})`", "`{func}({name})`", "`{func}({default_name})`", "`{func}(name)`"),
    ),
    "where": Changed(
        "with `x` and `y`, TF1's `tf.where` selects whole rows when `condition` is a vector; TF2's broadcasts "
        "`condition` against `x` and `y` like NumPy",
        (
            "`{func}({condition}, {x}, {y})` is unchanged when `{condition}` has the shape of `{x}`; for a vector "
            "selecting rows, reshape it: `tf.where(tf.reshape({condition}, [-1] + [1] * ({x}.shape.rank - 1)), {x}, {y})`",
        ),
        triggers=frozenset({"x", "y"}),
        certain=False,
    ),
    "random.poisson": Changed(
        "TF1 takes `(lam, shape)`, TF2 `(shape, lam)`: the same positional call swaps rate and shape",
        (
            "`{func}({shape}, {lam}, dtype={dtype}, seed={seed})`",
            "`{func}({shape}, {lam}, seed={seed})`",
            "`{func}({shape}, {lam}, dtype={dtype})`",
            "`{func}({shape}, {lam})`",
            "`{func}(shape, lam)` (TF2 order)",
        ),
    ),
    "nn.dropout": Changed(
        "TF1's second argument is `keep_prob`; TF2's is `rate`, the fraction to drop (`1 - keep_prob`)",
        ("`{func}({x}, rate=1 - {keep_prob:p})`", "`{func}(x, rate=1 - keep_prob)`"),
    ),
    "zeros_initializer": Changed(_INIT_CHANGE, _INIT_REPLACEMENTS),
    "ones_initializer": Changed(_INIT_CHANGE, _INIT_REPLACEMENTS),
    "constant_initializer": Changed(
        _INIT_CHANGE + "; TF2's second positional argument is `support_partition`",
        _INIT_REPLACEMENTS,
    ),
    "random_normal_initializer": Changed(_INIT_CHANGE, _INIT_REPLACEMENTS),
    "random_uniform_initializer": Changed(_INIT_CHANGE, _INIT_REPLACEMENTS),
    "assert_equal": _ASSERT,
    "assert_greater": _ASSERT,
    "assert_less": _ASSERT,
    "assert_rank": _ASSERT,
    "debugging.assert_equal": _ASSERT,
    "debugging.assert_greater": _ASSERT,
    "debugging.assert_greater_equal": _ASSERT,
    "debugging.assert_less": _ASSERT,
    "debugging.assert_less_equal": _ASSERT,
    "debugging.assert_near": _ASSERT,
    "debugging.assert_negative": _ASSERT,
    "debugging.assert_non_negative": _ASSERT,
    "debugging.assert_non_positive": _ASSERT,
    "debugging.assert_none_equal": _ASSERT,
    "debugging.assert_positive": _ASSERT,
    "debugging.assert_rank": _ASSERT,
    "debugging.assert_rank_at_least": _ASSERT,
    "debugging.assert_rank_in": _ASSERT,
    "debugging.assert_scalar": _ASSERT,
    "saved_model.load": Changed(
        "TF1's `load(sess, tags, export_dir)` restores a graph into a session; TF2's `load(export_dir)` returns a "
        "trackable object",
        (
            "`loaded = tf.saved_model.load({export_dir})`, then call `loaded.signatures['serving_default'](...)`",
            "`loaded = tf.saved_model.load(export_dir)`, then call `loaded.signatures['serving_default'](...)`",
        ),
    ),
    "nn.ctc_loss": Changed(
        "TF1 takes sparse `labels`, `inputs` and `sequence_length`; TF2 takes `labels`, `logits`, `label_length` "
        "and `logit_length` (sparse labels with `label_length=None`)",
        (
            "`{func}({labels}, {inputs}, label_length=None, logit_length={sequence_length}, logits_time_major=True, blank_index=-1)`",
            "`{func}(labels, logits, label_length, logit_length, logits_time_major=True, blank_index=-1)`",
        ),
    ),
    "test.compute_gradient": Changed(
        "TF1 takes tensors and shapes of a graph; TF2 takes a Python function and its arguments",
        ("`theoretical, numerical = {func}(f, [{x}])` where `f` computes the output from `{x}`", "`{func}(f, [x])`"),
    ),
    "nn.softmax_cross_entropy_with_logits": Changed(
        "TF1 never backpropagates into `labels`; TF2 (TF1's `_v2`) does",
        (
            "`{func}(labels=tf.stop_gradient({labels}), logits={logits})` (drop `stop_gradient` for constant labels)",
            "`{func}(labels=tf.stop_gradient(labels), logits=logits)` (drop `stop_gradient` for constant labels)",
        ),
        triggers=frozenset({"labels"}),
        certain=False,
    ),
}

# Names the converter rewrites although TF2 keeps them, that TF906 deliberately leaves alone.
NOT_CHANGED: Dict[str, str] = {
    "data.Iterator": "only its TF1 class methods are gone (`from_structure`, `from_string_handle`: TF901)",
    "losses.Reduction": "a Keras enum in TF2; its TF1-only members are TF901's",
    "nn.avg_pool": "the same computation on 4-D input; the `value=` keyword is TF903's",
    "nn.max_pool": "the same computation on 4-D input; the `value=` keyword is TF903's",
    "nn.space_to_batch": "its reordered arguments are TF904's",
    "space_to_batch_nd": "the same function in TF2",
    "assert_rank_in": "TF1-only at the top level (TF901)",
    "debugging.assert_integer": "the same signature in TF2; only the return value (None when eager) differs",
    "debugging.assert_type": "the same signature in TF2; only the return value (None when eager) differs",
}
NOT_CHANGED_PREFIXES: Tuple[str, ...] = (
    "keras.",  # Keras classes: their signatures follow the Keras release, not TensorFlow
    "initializers.",  # Keras-served in TF2
)

# Call signatures of these namespaces belong to an idiom rule (v1-style summaries: TF807).
SIGNATURES_OWNED_ELSEWHERE: Tuple[str, ...] = ("summary",)

# ----- target-version advice ------------------------------------------------------------------

# TF1-only names that TF 2.15 (Keras 2) still serves under the same spelling as Keras functions
# with TF2 meaning; Keras 3 (TF 2.16+) dropped them. Found by looking each generated TF1-only
# name up in tensorflow-cpu 2.15.1.
KERAS2_FUNCTIONS: Dict[str, str] = {
    "losses.mean_squared_error": "tf.keras.losses.MeanSquaredError()",
    "metrics.mean_squared_error": "tf.keras.metrics.MeanSquaredError()",
    "metrics.mean_absolute_error": "tf.keras.metrics.MeanAbsoluteError()",
}
KERAS2_NOTE = (
    "Up to TF 2.15 `tf.{name}` is also a Keras 2 function with another meaning (a per-example value, not a TF1 "
    "reduction or metric op); Keras 3 (TF 2.16+) has no such function: use `{keras}`."
)

KERAS3_FROM = (2, 16)
ESTIMATOR_REMOVED_IN = (2, 16)
LITE_INTERPRETER_DEPRECATED_IN = (2, 19)
TENSORBOARD_OPTIONAL_FROM = (2, 21)

KERAS_SHIM_NOTE = (
    "From TF 2.16 `tf.keras` is Keras 3, which has no `tf.compat.v1.keras` shims: the compat spelling needs "
    "`pip install tf_keras` and `TF_USE_LEGACY_KERAS=1`."
)
COMPAT_LAYERS_NOTE = (
    "From TF 2.16 `tf.compat.v1.layers` and `tf.compat.v1.nn.rnn_cell` are Keras 2 code: they need "
    "`pip install tf_keras` and `TF_USE_LEGACY_KERAS=1`."
)
ESTIMATOR_NOTE = "`tf.estimator` (and `tf.compat.v1.estimator`) is removed from TF 2.16."
SUMMARY_NOTE = "From TF 2.21 TensorBoard is not a dependency: `tf.summary` is complete only with `pip install tensorboard`."
LITE_NOTE = (
    "From TF 2.19 `tf.lite.Interpreter` is deprecated: run the converted model with "
    "`ai_edge_litert.interpreter.Interpreter` (`pip install ai-edge-litert`)."
)

# compat.v1-only names that are themselves the recommended migration route: never reported.
MIGRATION_TOOLS = frozenset({"wrap_function", "keras.utils.track_tf1_style_variables"})
