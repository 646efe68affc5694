"""Family 6 tables: where each `tf.contrib` submodule, and its well-known symbols, went.

`tf.contrib` is absent from every TF 2.x release, `tf.compat.v1` included. A symbol is
looked up in its submodule's table by the last component of its path that the table
knows (`contrib.layers.python.layers.initializers.xavier_initializer` finds
`xavier_initializer`); otherwise the submodule's destination applies. TF Addons is named
only where no maintained library has the piece, and then as end-of-life.
"""

from typing import Dict

ADDONS_EOL = "TF Addons, which is end-of-life (no releases since May 2024)"
TF_SLIM = "`import tf_slim as slim` after `pip install tf_slim` (the same API, still TF1-style graph code)"

DEFAULT = "Nothing replaces `tf.contrib` as a whole: each submodule moved to core TensorFlow, Keras or a separate library."

# contrib.<submodule> -> destination for the submodule as a whole.
SUBMODULES: Dict[str, str] = {
    "slim": TF_SLIM + ". Pretrained nets: `tf.keras.applications` or TF Hub.",
    "layers": "The matching `tf.keras.layers` class, or the same function in tf_slim for an unchanged port: " + TF_SLIM + ".",
    "rnn": "Keras recurrent layers and cells: `tf.keras.layers.RNN(cell)`, `LSTM`, `GRU`, `Bidirectional`.",
    "cudnn_rnn": (
        "`tf.keras.layers.LSTM` / `tf.keras.layers.GRU`: they use the cuDNN kernel on GPU when left at their default "
        "activations, `recurrent_dropout=0` and `unroll=False`."
    ),
    "learn": "Deleted, and its successor `tf.estimator` is gone from TF 2.16 too: a Keras model trained on a `tf.data` pipeline.",
    "training": (
        "No single destination: hyperparameters in a dataclass or dict, `tf.train.checkpoints_iterator` for watching "
        "checkpoints, `tf.data` for bucketing and resampling."
    ),
    "distribute": "`tf.distribute` (`MirroredStrategy`, `MultiWorkerMirroredStrategy`, `TPUStrategy`, ...).",
    "summary": (
        "`tf.summary` (TF2): the same calls under `with writer.as_default():`, `step` required, `family` removed."
    ),
    "opt": "The matching `tf.keras.optimizers` class (`Adam`, `AdamW`, `Adamax`, `Nadam`, `SGD(weight_decay=...)`).",
    "seq2seq": (
        "No maintained drop-in: build the decoder from Keras layers (`tf.keras.layers.LSTM`, `AdditiveAttention`, "
        "`MultiHeadAttention`) or use KerasNLP; `tfa.seq2seq` exists only in " + ADDONS_EOL + "."
    ),
    "legacy_seq2seq": "A Keras encoder-decoder (`tf.keras.layers.LSTM`, `Attention`, `MultiHeadAttention`) or KerasNLP.",
    "crf": (
        "No CRF in TensorFlow or Keras: `tfa.text.crf_log_likelihood` / `crf_decode` exist only in " + ADDONS_EOL
        + "; port the few functions into the project if it must keep a CRF."
    ),
    "image": (
        "`tf.image` and the Keras image layers (`RandomRotation`, `RandomTranslation`, `RandomZoom`); "
        "what neither has (`dense_image_warp`, `connected_components`) is only in " + ADDONS_EOL + "."
    ),
    "metrics": "The matching `tf.keras.metrics` class: `update_state(...)`, then `result()`.",
    "losses": "The matching `tf.keras.losses` class or function.",
    "framework": (
        "`sort`, `argsort`, `nest` and `is_tensor` are core (`tf.sort`, `tf.argsort`, `tf.nest`, `tf.is_tensor`); "
        "`arg_scope` and the variable helpers are in tf_slim: " + TF_SLIM + "."
    ),
    "data": "`tf.data.experimental` or a core `tf.data.Dataset` method of the same name.",
    "lookup": "`tf.lookup` (`StaticHashTable`, `StaticVocabularyTable`) or `tf.keras.layers.StringLookup`.",
    "keras": "`tf.keras`: the same names.",
    "tpu": "`tf.distribute.TPUStrategy` with a Keras model or a custom loop (`strategy.run`).",
    "predictor": (
        "`tf.saved_model.load(export_dir).signatures['serving_default']`, called with tensors (it returns a dict "
        "of tensors where the predictor returned NumPy arrays)."
    ),
    "quantize": (
        "No drop-in: quantization-aware training is `tfmot.quantization.keras.quantize_model(model)` "
        "(TensorFlow Model Optimization Toolkit); post-training quantization is a `tf.lite.TFLiteConverter` option."
    ),
    "tensorrt": (
        "TF-TRT became `tf.experimental.tensorrt.Converter(input_saved_model_dir=...)`; TF 2.17 is the last release "
        "built with TensorRT."
    ),
    "timeseries": (
        "No TF2 destination: structural time-series models are in TensorFlow Probability (`tfp.sts`); "
        "otherwise a Keras sequence model."
    ),
    "kafka": "No destination in TensorFlow: TensorFlow I/O (`pip install tensorflow-io`) reads Kafka.",
    "kinesis": "No destination in TensorFlow: TensorFlow I/O (`pip install tensorflow-io`) reads Kinesis.",
    "hadoop": "No destination in TensorFlow: TensorFlow I/O (`pip install tensorflow-io`) reads Hadoop sequence files.",
    "bigtable": "No destination in TensorFlow: TensorFlow I/O (`pip install tensorflow-io`).",
    "cloud": "No destination in TensorFlow: TensorFlow I/O (`pip install tensorflow-io`) has the BigQuery reader.",
    "ffmpeg": "No destination in TensorFlow: TensorFlow I/O (`pip install tensorflow-io`) decodes audio and video.",
    "eager": (
        "Core TF2: eager is the default; `tfe.defun` -> `tf.function`, `tfe.Variable` -> `tf.Variable`, "
        "`tfe.Checkpoint` -> `tf.train.Checkpoint`, `tfe.GradientTape` -> `tf.GradientTape`."
    ),
    "distributions": "TensorFlow Probability: `tfp.distributions` (`pip install tensorflow-probability`).",
    "bayesflow": "TensorFlow Probability (`tfp.mcmc`, `tfp.vi`, `tfp.monte_carlo`).",
    "integrate": "TensorFlow Probability: `tfp.math.ode` (`odeint` -> `tfp.math.ode.BDF().solve(...)`).",
    "signal": "`tf.signal`: the same names.",
    "linalg": "`tf.linalg`: the same `LinearOperator*` names.",
    "lite": "`tf.lite`: `tf.lite.TFLiteConverter.from_saved_model(path)` / `from_keras_model(model)`.",
    "autograph": "`tf.autograph` (usually implicit: decorate the function with `@tf.function`).",
    "proto": "`tf.io.decode_proto` / `tf.io.encode_proto`.",
    "stateless": "`tf.random.stateless_uniform`, `stateless_normal`, `stateless_truncated_normal`, `stateless_categorical`.",
    "cluster_resolver": "`tf.distribute.cluster_resolver` (`TPUClusterResolver`, `TFConfigClusterResolver`, ...).",
    "compiler": "`@tf.function(jit_compile=True)` compiles with XLA.",
    "mixed_precision": (
        "`tf.keras.mixed_precision.set_global_policy('mixed_float16')`; `Model.fit` scales the loss itself, a custom "
        "loop wraps the optimizer in `tf.keras.mixed_precision.LossScaleOptimizer`."
    ),
    "memory_stats": "`tf.config.experimental.get_memory_info('GPU:0')` (`'current'` and `'peak'` bytes).",
    "nccl": "`tf.distribute.MirroredStrategy(cross_device_ops=tf.distribute.NcclAllReduce())`.",
    "all_reduce": "`tf.distribute` cross-device ops (`tf.distribute.NcclAllReduce`, `HierarchicalCopyAllReduce`).",
    "tfprof": "The TF2 profiler: `tf.profiler.experimental.start(logdir)` / `stop()`, viewed in TensorBoard.",
    "util": "`tf.make_ndarray` / `tf.make_tensor_proto` (`contrib.util` names), `tf.get_static_value` for `constant_value`.",
    "staging": "`dataset.prefetch(tf.data.AUTOTUNE)` (or `tf.data.experimental.prefetch_to_device`) overlaps input and compute.",
    "nn": "`tf.nn` or the matching Keras layer.",
    "tensor_forest": "TensorFlow Decision Forests (`pip install tensorflow_decision_forests`).",
    "boosted_trees": "TensorFlow Decision Forests (`pip install tensorflow_decision_forests`).",
    "factorization": "No TF2 destination in TensorFlow (k-means, WALS and GMM were removed with Estimator).",
    "estimator": "`tf.estimator` up to TF 2.15 (removed in 2.16): migrate to a Keras model.",
    "graph_editor": "No TF2 destination: TF2 has no graph to edit; restructure the Python code that builds the computation.",
    "copy_graph": "No TF2 destination: TF2 has no graph to copy; call the Python function again.",
    "feature_column": "Keras preprocessing layers (sequence columns: the same layers on a padded or ragged time axis).",
    "gan": "No TF2 destination in TensorFlow: write the GAN step with Keras (two models, two optimizers, one `tf.GradientTape` each).",
    "checkpoint": "`tf.train.Checkpoint` / `tf.train.CheckpointManager`.",
    "saved_model": "`tf.saved_model.save` / `tf.saved_model.load`.",
    "session_bundle": "`tf.saved_model.load(export_dir)`.",
    "testing": "`tf.test` (`tf.test.TestCase`).",
    "deprecated": "`tf.summary` (TF2): `tf.summary.scalar(name, value, step=step)` inside `writer.as_default()`.",
    "quantization": "`tf.quantization`.",
    "model_pruning": "TensorFlow Model Optimization Toolkit: `tfmot.sparsity.keras.prune_low_magnitude(model)`.",
    "tensorboard": "The `tensorboard` package: `from tensorboard.plugins import projector`.",
    "text": "TensorFlow Text (`pip install tensorflow-text`) or `tf.strings`.",
    "resampler": "`tfa.image.resampler` exists only in " + ADDONS_EOL + "; `tf.image` has no equivalent.",
    "sparsemax": "`tfa.activations.sparsemax` exists only in " + ADDONS_EOL + ".",
    "input_pipeline": "`tf.data`.",
    "labeled_tensor": "No TF2 destination.",
    "specs": "No TF2 destination.",
    "receptive_field": "No TF2 destination.",
    "recurrent": "Keras recurrent layers (`tf.keras.layers.RNN`, `LSTM`, `GRU`).",
    "solvers": "`tf.linalg` (`tf.linalg.lstsq`, `tf.linalg.solve`).",
    "fused_conv": "`tf.keras.layers.Conv2D` (fusion is automatic under `tf.function(jit_compile=True)`).",
    "kernel_methods": "No TF2 core destination: random Fourier features are a small Keras layer (`cos(x @ W + b)`).",
}

# Where a contrib module's own names moved one-to-one: contrib.<key>.<rest> -> <module>.<rest>.
RENAMED_MODULES: Dict[str, str] = {
    "keras": "tf.keras",
    "signal": "tf.signal",
    "linalg": "tf.linalg",
    "lite": "tf.lite",
    "autograph": "tf.autograph",
    "distributions": "tfp.distributions",
    "cluster_resolver": "tf.distribute.cluster_resolver",
    "proto": "tf.io",
    "framework.nest": "tf.nest",
    "distributions.bijectors": "tfp.bijectors",
}

# The contrib modules moved whole into core TensorFlow (the same functions): contrib.<key>.<rest> is
# tf.<value>.<rest> wherever TF 2.21 has that name.
CORE_MODULES: Dict[str, str] = {"framework.nest": "nest", "signal": "signal"}

# Notes that follow a replacement rendered from the user's own call (and the generic text).
L2_NOTE = (
    ": Keras `L2(x)` is `x * sum(w**2)`, contrib's `l2_regularizer(scale)` was `scale * sum(w**2) / 2`; pass it as "
    "`kernel_regularizer=` and add `sum(model.losses)` to the loss."
)
L1_NOTE = " (same definition: `scale * sum(abs(w))`); pass it as `kernel_regularizer=` and add `sum(model.losses)` to the loss."
XAVIER_NOTE = " (Glorot: `GlorotUniform()`, or `GlorotNormal()` for `uniform=False`)."
GLOROT_UNIFORM_NOTE = (
    ": the distribution of contrib's `xavier_initializer()`, uniform on +-sqrt(6 / (fan_in + fan_out)); the same "
    "`seed` draws other numbers."
)
GLOROT_NORMAL_NOTE = (
    ": contrib's `uniform=False` drew from a truncated normal of stddev sqrt(1.3 / n), Keras uses sqrt(1 / n) / 0.8796 "
    "(0.3% smaller; n = (fan_in + fan_out) / 2); the same `seed` draws other numbers."
)
SCOPE_DROPPED = "it only named the penalty's ops, and Keras regularizers take no name scope"
DTYPE_DROPPED = (
    "a Keras initializer takes the dtype when it is called (`init(shape, dtype=...)`; a layer passes its own), "
    "float32 by default"
)
VARIANCE_SCALING_NOTE = (
    ": contrib's `factor` defaulted to 2.0 (Keras `scale` to 1.0), its `mode` is lower case here and `uniform` "
    "became `distribution`; the truncated normal's stddev correction differs by 0.3% (1.3 vs 1/0.8796**2)."
)
ACTIVATION_NOTE = ": contrib layers defaulted to ReLU (`activation_fn=tf.nn.relu`), Keras layers to no activation."
CONV_NOTE = ": contrib defaulted to `'SAME'` padding and ReLU, Keras to `'valid'` and no activation."
POOL_NOTE = ": contrib's stride defaulted to 2 and padding to `'VALID'`."
BATCH_NORM_NOTE = (
    ": contrib's `decay` (0.999) is `momentum`, and it learned no scale by default (`scale=False`); the moving "
    "averages update without `UPDATE_OPS`."
)
LAYER_NORM_NOTE = (
    ": contrib used epsilon 1e-12 (Keras defaults to 1e-3) and normalized over every axis after the batch axis "
    "(`begin_norm_axis=1`); for inputs of rank > 2 pass `axis=[1, ..., rank-1]`."
)
GROUP_NORM_NOTE = ": contrib's epsilon defaulted to 1e-6, Keras's to 1e-3."
INSTANCE_NORM_NOTE = ": one group per channel is instance normalization (checked); contrib's epsilon defaulted to 1e-6."
DROPOUT_NOTE = ": Keras takes the drop rate, contrib the keep probability (default 0.5)."
HPARAMS_NOTE = (
    " (attribute access as before; `hparams.values()` -> `vars(hp)`), or a `@dataclasses.dataclass` with typed "
    "fields (`dataclasses.replace(hp, lr=0.1)` to override); `parse()` -> `absl.flags` or `argparse`; search spaces: "
    "KerasTuner `HyperParameters`."
)
BETA_NOTE = ": `beta1`/`beta2` are `beta_1`/`beta_2`, and contrib's epsilon default (1e-8) is kept explicitly (Keras defaults to 1e-7)."
ADAMW_NOTE = (
    ": Keras multiplies `weight_decay` by the learning rate (checked) while contrib's decoupled decay did not, so the "
    "contrib decay is divided by the learning rate here."
)
GRU_NOTE = ": TF1's GRU applied the reset gate before the matrix product; Keras defaults to `reset_after=True`."
LSTM_NOTE = (
    ": TF1 added `forget_bias` (1.0) to the forget gate at every step, Keras initializes that bias to 1 instead "
    "(`unit_forget_bias=True`)."
)

_L2 = "`tf.keras.regularizers.L2(0.5 * scale)`" + L2_NOTE
_XAVIER = "`tf.keras.initializers.GlorotUniform()`" + GLOROT_UNIFORM_NOTE
_VARIANCE_SCALING = (
    "`tf.keras.initializers.VarianceScaling(scale=2.0, mode='fan_in', distribution='truncated_normal')`"
    + VARIANCE_SCALING_NOTE
)
_DENSE = "`tf.keras.layers.Dense(num_outputs, activation='relu')`" + ACTIVATION_NOTE
_CONV = "`tf.keras.layers.{cls}(num_outputs, kernel_size, strides=stride, padding='same', activation='relu')`" + CONV_NOTE
_POOL = "`tf.keras.layers.{cls}(pool_size=kernel_size, strides=2)`" + POOL_NOTE
_BATCH_NORM = (
    "`tf.keras.layers.BatchNormalization(momentum=0.999, epsilon=0.001, scale=False)` called with `training=...`"
    + BATCH_NORM_NOTE
)
_LAYER_NORM = "`tf.keras.layers.LayerNormalization(epsilon=1e-12)`" + LAYER_NORM_NOTE
_GROUP_NORM = "`tf.keras.layers.GroupNormalization(groups=32, epsilon=1e-6)`" + GROUP_NORM_NOTE
_INSTANCE_NORM = "`tf.keras.layers.GroupNormalization(groups=-1, epsilon=1e-6)`" + INSTANCE_NORM_NOTE
_DROPOUT = "`tf.keras.layers.Dropout(rate=1 - keep_prob)` called with `training=...`" + DROPOUT_NOTE
_SUMMARY = "`tf.summary.histogram(name, tensor, step=step)` / `tf.summary.scalar(...)` inside `with writer.as_default():`."
_HPARAMS = "`types.SimpleNamespace(name=value, ...)`" + HPARAMS_NOTE
_ARG_SCOPE = (
    "`slim.arg_scope` from tf_slim (`pip install tf_slim`); in Keras pass the shared arguments to each layer, e.g. "
    "with `functools.partial(tf.keras.layers.Conv2D, padding='same')`."
)
_VARIABLES_HELPERS = "`model.variables` / `model.trainable_variables` of the owning Keras model, or the same helper in tf_slim."
_GRAPH_TRAIN = (
    "A training step: `with tf.GradientTape() as tape: loss = ...`, then "
    "`optimizer.apply_gradients(zip(tape.gradient(loss, model.trainable_variables), model.trainable_variables))` "
    "(or `model.fit`); clipping via the optimizer's `clipnorm` / `global_clipnorm`."
)
_FROM_CHECKPOINT = "`tf.train.Checkpoint(model=model).restore(path)` (or `tf.train.load_checkpoint(path)` to read values)."

_LAYERS: Dict[str, str] = {
    "l2_regularizer": _L2,
    "l1_regularizer": "`tf.keras.regularizers.L1(scale)`" + L1_NOTE,
    "l1_l2_regularizer": "`tf.keras.regularizers.L1L2(l1=scale_l1, l2=0.5 * scale_l2)`" + L2_NOTE,
    "sum_regularizer": "Several Keras regularizers summed in a small `tf.keras.regularizers.Regularizer` subclass.",
    "apply_regularization": "`tf.add_n(model.losses)`: Keras layers collect their regularization losses in `model.losses`.",
    "xavier_initializer": _XAVIER,
    "xavier_initializer_conv2d": _XAVIER,
    "variance_scaling_initializer": _VARIANCE_SCALING,
    "fully_connected": _DENSE,
    "relu": _DENSE,
    "linear": "`tf.keras.layers.Dense(num_outputs)` (no activation).",
    "legacy_linear": "`tf.keras.layers.Dense(num_outputs)` (no activation).",
    "conv2d": _CONV.format(cls="Conv2D"),
    "convolution2d": _CONV.format(cls="Conv2D"),
    "conv1d": _CONV.format(cls="Conv1D"),
    "convolution1d": _CONV.format(cls="Conv1D"),
    "conv3d": _CONV.format(cls="Conv3D"),
    "convolution3d": _CONV.format(cls="Conv3D"),
    "convolution": _CONV.format(cls="Conv2D"),
    "conv2d_transpose": _CONV.format(cls="Conv2DTranspose"),
    "convolution2d_transpose": _CONV.format(cls="Conv2DTranspose"),
    "separable_conv2d": _CONV.format(cls="SeparableConv2D"),
    "separable_convolution2d": _CONV.format(cls="SeparableConv2D"),
    "max_pool2d": _POOL.format(cls="MaxPooling2D"),
    "avg_pool2d": _POOL.format(cls="AveragePooling2D"),
    "max_pool3d": _POOL.format(cls="MaxPooling3D"),
    "avg_pool3d": _POOL.format(cls="AveragePooling3D"),
    "batch_norm": _BATCH_NORM,
    "layer_norm": _LAYER_NORM,
    "group_norm": _GROUP_NORM,
    "instance_norm": _INSTANCE_NORM,
    "flatten": "`tf.keras.layers.Flatten()`.",
    "dropout": _DROPOUT,
    "softmax": "`tf.nn.softmax(logits)` or `tf.keras.layers.Softmax()`.",
    "bias_add": "`tf.nn.bias_add(x, bias)` with an own bias variable, or `use_bias=True` on the preceding Keras layer.",
    "embed_sequence": "`tf.keras.layers.Embedding(vocab_size, embed_dim)` applied to the id sequence.",
    "one_hot_encoding": "`tf.one_hot(labels, num_classes)`.",
    "repeat": "A Python loop (or a list comprehension of layers in a `tf.keras.Sequential`).",
    "stack": "A `tf.keras.Sequential` of the stacked layers.",
    "optimize_loss": _GRAPH_TRAIN,
    "recompute_grad": "`tf.recompute_grad(fn)`.",
    "summarize_activations": _SUMMARY,
    "summarize_activation": _SUMMARY,
    "summarize_tensors": _SUMMARY,
    "summarize_tensor": _SUMMARY,
    "summarize_collection": _SUMMARY,
    "summarize_weights": _SUMMARY,
    "summarize_biases": _SUMMARY,
    "real_valued_column": "`tf.keras.Input(shape=(dimension,), name=...)`, with `tf.keras.layers.Normalization()` for a `normalizer`.",
    "sparse_column_with_hash_bucket": "`tf.keras.layers.Hashing(num_bins=hash_bucket_size)`.",
    "sparse_column_with_keys": "`tf.keras.layers.StringLookup(vocabulary=keys)` (unknown values get index 0).",
    "sparse_column_with_vocabulary_file": "`tf.keras.layers.StringLookup(vocabulary=path)` (unknown values get index 0).",
    "sparse_column_with_integerized_feature": "`tf.keras.layers.CategoryEncoding(num_tokens=bucket_size)` or the ids fed to `Embedding`.",
    "bucketized_column": "`tf.keras.layers.Discretization(bin_boundaries=boundaries)`.",
    "crossed_column": "`tf.keras.layers.HashedCrossing(num_bins=hash_bucket_size)`.",
    "one_hot_column": "`output_mode='one_hot'` on the lookup or hashing layer.",
    "embedding_column": "The lookup layer followed by `tf.keras.layers.Embedding(input_dim, dimension)` (pool explicitly: no combiner).",
    "input_from_feature_columns": (
        "Each feature's Keras preprocessing layer joined with `tf.keras.layers.Concatenate()`, or "
        "`tf.keras.utils.FeatureSpace`."
    ),
    "collect_named_outputs": (
        "Return the intermediate tensors explicitly (a functional Keras model can list them as outputs); "
        "`tf_slim.layers.utils.collect_named_outputs` keeps the TF1 collection."
    ),
    "convert_collection_to_dict": (
        "Return the intermediate tensors explicitly (a dict built where they are computed); "
        "`tf_slim.layers.utils.convert_collection_to_dict` keeps the TF1 collection."
    ),
    "create_feature_spec_for_parsing": "A dict of `tf.io.FixedLenFeature` / `tf.io.VarLenFeature` for `tf.io.parse_example`.",
}

_SLIM: Dict[str, str] = {
    "nets": (
        "`tf.keras.applications` (ResNet50, VGG16, InceptionV3, ... with ImageNet weights) or TF Hub; the "
        "slim definitions live on in tf_slim."
    ),
    "arg_scope": _ARG_SCOPE,
    "add_arg_scope": _ARG_SCOPE,
    "learning": "`model.fit` (or a `tf.GradientTape` loop); `tf_slim.learning` keeps the TF1 API.",
    "create_train_op": _GRAPH_TRAIN,
    "train": "`model.fit(dataset, epochs=...)` with `tf.keras.callbacks.ModelCheckpoint` / `TensorBoard`.",
    "evaluation": "`model.evaluate(dataset)` per checkpoint, in a `tf.train.checkpoints_iterator(dir)` loop.",
    "evaluation_loop": "`model.evaluate(dataset)` per checkpoint, in a `tf.train.checkpoints_iterator(dir)` loop.",
    "evaluate_once": "`model.evaluate(dataset)` after `tf.train.Checkpoint(model=model).restore(path)`.",
    "get_variables": _VARIABLES_HELPERS,
    "get_model_variables": _VARIABLES_HELPERS,
    "get_variables_to_restore": "`tf.train.Checkpoint(model=model)`: restoring by object needs no variable list.",
    "get_variables_by_name": _VARIABLES_HELPERS,
    "model_variable": "`self.add_weight(...)` in a Keras layer, or `tf.Variable`.",
    "variable": "`tf.Variable(...)` owned by a `tf.Module` or Keras layer.",
    "assign_from_checkpoint_fn": _FROM_CHECKPOINT,
    "assign_from_checkpoint": _FROM_CHECKPOINT,
    "assign_from_values": "`variable.assign(value)` for each variable.",
    "tfexample_decoder": "`tf.io.parse_single_example(record, spec)` in a `tf.data` map.",
    "dataset_data_provider": "A `tf.data.TFRecordDataset(files).map(parse)` pipeline.",
    "parallel_reader": (
        "`tf.data.Dataset.from_tensor_slices(files).interleave(tf.data.TFRecordDataset, "
        "num_parallel_calls=tf.data.AUTOTUNE)`."
    ),
    "prefetch_queue": "`dataset.prefetch(tf.data.AUTOTUNE)`.",
    "queues": "`tf.data` (no queue runners in TF2).",
    "losses": "The matching `tf.keras.losses` class; regularization losses are `model.losses`.",
    "metrics": "The matching `tf.keras.metrics` class.",
    "summaries": _SUMMARY,
    "model_analyzer": "`model.summary()` (Keras) lists layers, shapes and parameter counts.",
}

_RNN: Dict[str, str] = {
    "BasicLSTMCell": "`tf.keras.layers.RNN(tf.keras.layers.LSTMCell(num_units))`" + LSTM_NOTE,
    "LSTMCell": "`tf.keras.layers.RNN(tf.keras.layers.LSTMCell(num_units))` (no peepholes or projection)" + LSTM_NOTE,
    "LSTMBlockCell": (
        "`tf.keras.layers.RNN(tf.keras.layers.LSTMCell(num_units))` (or `tf.keras.layers.LSTM(num_units)`, "
        "which picks a fused kernel itself)" + LSTM_NOTE
    ),
    "LSTMBlockFusedCell": "`tf.keras.layers.LSTM(num_units, return_sequences=True)`.",
    "GRUCell": "`tf.keras.layers.RNN(tf.keras.layers.GRUCell(num_units, reset_after=False))`" + GRU_NOTE,
    "GRUBlockCell": "`tf.keras.layers.RNN(tf.keras.layers.GRUCell(num_units, reset_after=False))`" + GRU_NOTE,
    "GRUBlockCellV2": "`tf.keras.layers.RNN(tf.keras.layers.GRUCell(num_units, reset_after=False))`" + GRU_NOTE,
    "BasicRNNCell": "`tf.keras.layers.RNN(tf.keras.layers.SimpleRNNCell(num_units))`.",
    "RNNCell": "A `tf.keras.layers.Layer` with `state_size` and `call(inputs, states)`, wrapped in `tf.keras.layers.RNN`.",
    "LayerRNNCell": "A `tf.keras.layers.Layer` with `state_size` and `call(inputs, states)`, wrapped in `tf.keras.layers.RNN`.",
    "MultiRNNCell": (
        "`tf.keras.layers.StackedRNNCells([cell1, cell2])` inside `tf.keras.layers.RNN` (or a stack of "
        "`LSTM(..., return_sequences=True)` layers)."
    ),
    "DropoutWrapper": "The cell's own `dropout=` / `recurrent_dropout=` rates (Keras takes the drop rate: `1 - keep_prob`).",
    "ResidualWrapper": "Add the input to the RNN layer's output (`x + rnn(x)`), e.g. with `tf.keras.layers.Add()`.",
    "DeviceWrapper": "`with tf.device(...):` around the layer's creation.",
    "InputProjectionWrapper": "A `tf.keras.layers.Dense` before the RNN layer.",
    "OutputProjectionWrapper": "A `tf.keras.layers.Dense` after the RNN layer (`TimeDistributed` is not needed for 3-D inputs).",
    "EmbeddingWrapper": "A `tf.keras.layers.Embedding` before the RNN layer.",
    "LSTMStateTuple": "A list `[h, c]`: Keras LSTM cells take and return their states as a list.",
    "static_rnn": "`tf.keras.layers.RNN(cell, unroll=True)` on a `(batch, time, features)` tensor (legacy: `tf.compat.v1.nn.static_rnn`).",
    "static_bidirectional_rnn": (
        "`tf.keras.layers.Bidirectional(tf.keras.layers.RNN(cell, unroll=True))` "
        "(legacy: `tf.compat.v1.nn.static_bidirectional_rnn`)."
    ),
    "static_state_saving_rnn": "`tf.keras.layers.RNN(cell, stateful=True)`.",
    "stack_bidirectional_rnn": "Stacked `tf.keras.layers.Bidirectional(tf.keras.layers.LSTM(units, return_sequences=True))` layers.",
    "stack_bidirectional_dynamic_rnn": (
        "Stacked `tf.keras.layers.Bidirectional(tf.keras.layers.LSTM(units, return_sequences=True))` layers."
    ),
    "LayerNormBasicLSTMCell": (
        "No core cell: a custom Keras cell that applies `tf.keras.layers.LayerNormalization` to the gates of an "
        "`LSTMCell`; `LayerNormLSTMCell` exists only in " + ADDONS_EOL + "."
    ),
    "AttentionCellWrapper": "No drop-in: attend over the RNN outputs with `tf.keras.layers.Attention` or `MultiHeadAttention`.",
    "ConvLSTMCell": "`tf.keras.layers.ConvLSTM2D` (or `ConvLSTM1D` / `ConvLSTM3D`).",
    "Conv2DLSTMCell": "`tf.keras.layers.ConvLSTM2D`.",
    "NASCell": "`NASCell` exists only in " + ADDONS_EOL + ".",
    "UGRNNCell": "No TF2 destination: write it as a custom Keras cell.",
    "IntersectionRNNCell": "No TF2 destination: write it as a custom Keras cell.",
    "PhasedLSTMCell": "No TF2 destination: write it as a custom Keras cell.",
    "GridLSTMCell": "No TF2 destination: write it as a custom Keras cell.",
    "CoupledInputForgetGateLSTMCell": "No TF2 destination: write it as a custom Keras cell.",
    "HighwayWrapper": "No TF2 destination: write it as a custom Keras cell.",
}

_CUDNN: Dict[str, str] = {
    "CudnnLSTM": (
        "`tf.keras.layers.LSTM(num_units, return_sequences=True)` (cuDNN kernel on GPU with default "
        "arguments); stack `num_layers` of them."
    ),
    "CudnnGRU": "`tf.keras.layers.GRU(num_units, return_sequences=True)` (`reset_after=True`, the cuDNN form, is the default).",
    "CudnnRNNTanh": "`tf.keras.layers.SimpleRNN(num_units, return_sequences=True)`.",
    "CudnnRNNRelu": "`tf.keras.layers.SimpleRNN(num_units, activation='relu', return_sequences=True)`.",
    "CudnnCompatibleLSTMCell": "`tf.keras.layers.LSTMCell(num_units)`.",
    "CudnnCompatibleGRUCell": "`tf.keras.layers.GRUCell(num_units)` (its default `reset_after=True` matches cuDNN).",
    "CudnnLSTMSaveable": "`tf.train.Checkpoint(model=model)`: Keras LSTM weights checkpoint like any variable.",
    "CudnnParamsFormatConverterLSTM": "Not needed: Keras `LSTM` keeps one weight layout on CPU and GPU.",
}

_TRAINING: Dict[str, str] = {
    "HParams": _HPARAMS,
    "checkpoints_iterator": "`tf.train.checkpoints_iterator(checkpoint_dir)`.",
    "wait_for_new_checkpoint": "`tf.train.checkpoints_iterator(checkpoint_dir)` (it waits for the next checkpoint).",
    "create_train_op": _GRAPH_TRAIN,
    "train": "`model.fit(...)` or a custom `tf.GradientTape` loop with a `tf.train.CheckpointManager`.",
    "evaluate_repeatedly": "`for path in tf.train.checkpoints_iterator(dir): checkpoint.restore(path); model.evaluate(dataset)`.",
    "evaluation": "`model.evaluate(dataset)` per checkpoint, in a `tf.train.checkpoints_iterator(dir)` loop.",
    "StopAfterNEvalsHook": "`model.evaluate(dataset, steps=n)`.",
    "SummaryAtEndHook": "`tf.summary.*` calls after `model.evaluate` inside `writer.as_default()`.",
    "bucket_by_sequence_length": "`dataset.bucket_by_sequence_length(element_length_func, bucket_boundaries, bucket_batch_sizes)`.",
    "rejection_sample": "`dataset.rejection_resample(class_func, target_dist)`.",
    "stratified_sample": "`dataset.rejection_resample(class_func, target_dist)`.",
    "resample_at_rate": "`dataset.rejection_resample(...)` or `tf.data.Dataset.sample_from_datasets(...)`.",
    "batch_sequences_with_states": "A `tf.data` pipeline feeding a `stateful=True` Keras RNN.",
    "SequenceQueueingStateSaver": "A `tf.data` pipeline feeding a `stateful=True` Keras RNN.",
    "GreedyLoadBalancingStrategy": (
        "No TF2 destination: `tf.distribute.experimental.ParameterServerStrategy` places variables itself "
        "(`variable_partitioner=` to shard)."
    ),
    "byte_size_load_fn": "No TF2 destination: `tf.distribute.experimental.ParameterServerStrategy` places variables itself.",
}

_DISTRIBUTE: Dict[str, str] = {
    "MirroredStrategy": "`tf.distribute.MirroredStrategy()`.",
    "CollectiveAllReduceStrategy": "`tf.distribute.MultiWorkerMirroredStrategy()`.",
    "ParameterServerStrategy": (
        "`tf.distribute.experimental.ParameterServerStrategy(cluster_resolver)` with a "
        "`tf.distribute.experimental.coordinator.ClusterCoordinator`."
    ),
    "OneDeviceStrategy": "`tf.distribute.OneDeviceStrategy(device)`.",
    "TPUStrategy": "`tf.distribute.TPUStrategy(resolver)`.",
    "AllReduceCrossDeviceOps": "`tf.distribute.NcclAllReduce()` / `tf.distribute.HierarchicalCopyAllReduce()`.",
    "AllReduceCrossTowerOps": "`tf.distribute.NcclAllReduce()` / `tf.distribute.HierarchicalCopyAllReduce()`.",
}

_SUMMARY_SYMBOLS: Dict[str, str] = {
    "create_file_writer": "`tf.summary.create_file_writer(logdir)`.",
    "create_summary_file_writer": "`tf.summary.create_file_writer(logdir)`.",
    "always_record_summaries": "`tf.summary.record_if(True)`.",
    "never_record_summaries": "`tf.summary.record_if(False)`.",
    "record_summaries_every_n_global_steps": "`tf.summary.record_if(lambda: step % n == 0)`.",
    "scalar": "`tf.summary.scalar(name, value, step=step)`.",
    "histogram": "`tf.summary.histogram(name, values, step=step)`.",
    "image": "`tf.summary.image(name, images, step=step, max_outputs=3)`.",
    "audio": "`tf.summary.audio(name, audio, sample_rate, step=step)`.",
    "text": "`tf.summary.text(name, data, step=step)`.",
    "generic": "`tf.summary.write(tag, tensor, step=step)`.",
    "flush": "`writer.flush()`.",
    "initialize": "Delete it: TF2 summary writers need no initialization.",
    "all_summary_ops": "Delete it: TF2 summaries are written when the call runs.",
    "summary_writer_initializer_op": "Delete it: TF2 summary writers need no initialization.",
    "create_db_writer": "No TF2 destination: write event files with `tf.summary.create_file_writer`.",
}

_OPT: Dict[str, str] = {
    "AdamWOptimizer": "`tf.keras.optimizers.AdamW(learning_rate, weight_decay=weight_decay / learning_rate)`" + ADAMW_NOTE,
    "MomentumWOptimizer": (
        "`tf.keras.optimizers.SGD(learning_rate, momentum=..., weight_decay=...)` (Keras scales the decay by "
        "the learning rate)."
    ),
    "AdaMaxOptimizer": "`tf.keras.optimizers.Adamax(learning_rate, beta_1=..., beta_2=..., epsilon=1e-08)`" + BETA_NOTE,
    "NadamOptimizer": "`tf.keras.optimizers.Nadam(learning_rate, beta_1=..., beta_2=..., epsilon=1e-08)`" + BETA_NOTE,
    "LazyAdamOptimizer": (
        "`tf.keras.optimizers.Adam` (it updates every embedding row, not only the looked-up ones); the lazy variant "
        "`LazyAdam` exists only in " + ADDONS_EOL + "."
    ),
    "MovingAverageOptimizer": (
        "`use_ema=True, ema_momentum=...` on the Keras optimizer, then "
        "`optimizer.finalize_variable_values(model.trainable_variables)`; or `tf.train.ExponentialMovingAverage`."
    ),
    "extend_with_decoupled_weight_decay": (
        "The `weight_decay=` argument every Keras optimizer takes (Keras scales the decay by the learning rate)."
    ),
    "ScipyOptimizerInterface": (
        "`scipy.optimize.minimize` with a value-and-gradient function built on `tf.GradientTape`, or "
        "`tfp.optimizer.lbfgs_minimize`."
    ),
    "clip_gradients_by_global_norm": "`tf.clip_by_global_norm(grads, clip_norm)` or the optimizer's `global_clipnorm=`.",
    "VariableClippingOptimizer": "A Keras `kernel_constraint=tf.keras.constraints.MaxNorm(max_norm)` on the layer.",
    "ShampooOptimizer": "No maintained TensorFlow implementation.",
    "GGTOptimizer": "No maintained TensorFlow implementation.",
    "AddSignOptimizer": "No maintained TensorFlow implementation.",
    "PowerSignOptimizer": "No maintained TensorFlow implementation.",
    "ElasticAverageOptimizer": "No TF2 destination: use a `tf.distribute` strategy.",
    "ModelAverageOptimizer": "No TF2 destination: use a `tf.distribute` strategy.",
    "DropStaleGradientOptimizer": "No TF2 destination: use a `tf.distribute` strategy.",
    "MultitaskOptimizerWrapper": "One Keras optimizer per task, or scale the gradients per task before `apply_gradients`.",
}

_IMAGE: Dict[str, str] = {
    "rotate": (
        "`tf.keras.layers.RandomRotation` for augmentation; a fixed angle: "
        "`tf.raw_ops.ImageProjectiveTransformV3` with the rotation matrix."
    ),
    "transform": (
        "`tf.raw_ops.ImageProjectiveTransformV3(images=..., transforms=..., output_shape=..., fill_value=0.0, "
        "interpolation='BILINEAR')`."
    ),
    "translate": "`tf.keras.layers.RandomTranslation` for augmentation; a fixed shift: `tf.raw_ops.ImageProjectiveTransformV3`.",
    "angles_to_projective_transforms": "Build the 8-parameter transform with NumPy or TF ops for `tf.raw_ops.ImageProjectiveTransformV3`.",
    "compose_transforms": "Multiply the 3x3 transform matrices, then flatten to 8 parameters for `tf.raw_ops.ImageProjectiveTransformV3`.",
    "dense_image_warp": "`tfa.image.dense_image_warp` exists only in " + ADDONS_EOL + ".",
    "sparse_image_warp": "`tfa.image.sparse_image_warp` exists only in " + ADDONS_EOL + ".",
    "connected_components": "`tfa.image.connected_components` exists only in " + ADDONS_EOL + ".",
}

_METRICS: Dict[str, str] = {
    "streaming_accuracy": "`tf.keras.metrics.Accuracy()`.",
    "accuracy": "`tf.keras.metrics.Accuracy()`.",
    "streaming_mean": "`tf.keras.metrics.Mean()`.",
    "mean": "`tf.keras.metrics.Mean()`.",
    "streaming_auc": "`tf.keras.metrics.AUC()`.",
    "auc_using_histogram": "`tf.keras.metrics.AUC(num_thresholds=...)`.",
    "streaming_precision": "`tf.keras.metrics.Precision()`.",
    "streaming_recall": "`tf.keras.metrics.Recall()`.",
    "streaming_mean_iou": "`tf.keras.metrics.MeanIoU(num_classes)`.",
    "streaming_mean_squared_error": "`tf.keras.metrics.MeanSquaredError()`.",
    "mean_squared_error": "`tf.keras.metrics.MeanSquaredError()`.",
    "streaming_mean_absolute_error": "`tf.keras.metrics.MeanAbsoluteError()`.",
    "streaming_root_mean_squared_error": "`tf.keras.metrics.RootMeanSquaredError()`.",
    "streaming_true_positives": "`tf.keras.metrics.TruePositives()`.",
    "streaming_false_positives": "`tf.keras.metrics.FalsePositives()`.",
    "streaming_true_negatives": "`tf.keras.metrics.TrueNegatives()`.",
    "streaming_false_negatives": "`tf.keras.metrics.FalseNegatives()`.",
    "f1_score": "`tf.keras.metrics.F1Score()`.",
    "streaming_concat": "Collect the batch values in a Python list and `tf.concat` them at the end.",
    "aggregate_metrics": "Keep the `tf.keras.metrics` objects in a dict; read each `result()`.",
    "aggregate_metric_map": "Keep the `tf.keras.metrics` objects in a dict; read each `result()`.",
}

_LOSSES: Dict[str, str] = {
    "softmax_cross_entropy": "`tf.keras.losses.CategoricalCrossentropy(from_logits=True)`.",
    "sparse_softmax_cross_entropy": "`tf.keras.losses.SparseCategoricalCrossentropy(from_logits=True)`.",
    "sigmoid_cross_entropy": "`tf.keras.losses.BinaryCrossentropy(from_logits=True)`.",
    "log_loss": "`tf.keras.losses.BinaryCrossentropy()`.",
    "mean_squared_error": "`tf.keras.losses.MeanSquaredError()`.",
    "absolute_difference": "`tf.keras.losses.MeanAbsoluteError()`.",
    "hinge_loss": "`tf.keras.losses.Hinge()`.",
    "cosine_distance": "`tf.keras.losses.CosineSimilarity()` (it returns the negative similarity, not 1 - similarity).",
    "get_regularization_losses": "`model.losses`.",
    "get_total_loss": "The training loss plus `tf.add_n(model.losses)`.",
    "metric_learning": (
        "`triplet_semihard_loss`, `npairs_loss`, `lifted_struct_loss` and `contrastive_loss` exist only in "
        + ADDONS_EOL + "."
    ),
}

_FRAMEWORK: Dict[str, str] = {
    "sort": "`tf.sort(values, axis, direction)`.",
    "argsort": "`tf.argsort(values, axis, direction)`.",
    "is_tensor": "`tf.is_tensor(x)`.",
    "is_sequence": "`tf.nest.is_nested(x)`.",
    "arg_scope": _ARG_SCOPE,
    "add_arg_scope": _ARG_SCOPE,
    "arg_scoped_arguments": _ARG_SCOPE,
    "get_or_create_global_step": "`optimizer.iterations`, or an own `tf.Variable(0, dtype=tf.int64, trainable=False)`.",
    "get_global_step": "`optimizer.iterations`, or an own `tf.Variable(0, dtype=tf.int64, trainable=False)`.",
    "get_variables": _VARIABLES_HELPERS,
    "get_model_variables": _VARIABLES_HELPERS,
    "get_variables_by_name": _VARIABLES_HELPERS,
    "get_variables_to_restore": "`tf.train.Checkpoint(model=model)`: restoring by object needs no variable list.",
    "get_trainable_variables": _VARIABLES_HELPERS,
    "model_variable": "`self.add_weight(...)` in a Keras layer, or `tf.Variable`.",
    "add_model_variable": "Nothing: a Keras layer tracks the variables it creates.",
    "variable": "`tf.Variable(...)` owned by a `tf.Module` or Keras layer.",
    "local_variable": "`tf.Variable(..., trainable=False)`.",
    "assign_from_checkpoint_fn": _FROM_CHECKPOINT,
    "assign_from_checkpoint": _FROM_CHECKPOINT,
    "init_from_checkpoint": _FROM_CHECKPOINT,
    "load_checkpoint": "`tf.train.load_checkpoint(path)`.",
    "list_variables": "`tf.train.list_variables(path)`.",
    "load_variable": "`tf.train.load_variable(path, name)`.",
    "get_name_scope": "`tf.get_current_name_scope()`.",
    "smart_cond": "A Python `if` on a Python bool, `tf.cond` on a tensor (AutoGraph converts `if` inside `tf.function`).",
    "with_shape": "`tf.ensure_shape(x, shape)`.",
    "convert_to_tensor_or_sparse_tensor": "`tf.convert_to_tensor(x)` (a `tf.sparse.SparseTensor` passes through as is).",
    "CriticalSection": "`tf.CriticalSection`.",
    "deprecated": "No TF2 destination: a `warnings.warn(..., DeprecationWarning)` in the function.",
    "zero_initializer": "`variable.assign(tf.zeros_like(variable))`.",
    "filter_variables": "A list comprehension over `model.variables`.",
}

_DATA: Dict[str, str] = {
    "Dataset": "`tf.data.Dataset`.",
    "TFRecordDataset": "`tf.data.TFRecordDataset`.",
    "TextLineDataset": "`tf.data.TextLineDataset`.",
    "FixedLengthRecordDataset": "`tf.data.FixedLengthRecordDataset`.",
    "Iterator": "Python iteration: `for batch in dataset:` (or `iter(dataset)`).",
    "AUTOTUNE": "`tf.data.AUTOTUNE`.",
    "batch_and_drop_remainder": "`dataset.batch(batch_size, drop_remainder=True)`.",
    "padded_batch_and_drop_remainder": "`dataset.padded_batch(batch_size, padded_shapes, drop_remainder=True)`.",
    "map_and_batch": "`dataset.map(fn, num_parallel_calls=tf.data.AUTOTUNE).batch(batch_size)` (fused automatically).",
    "parallel_interleave": "`dataset.interleave(fn, cycle_length=..., num_parallel_calls=tf.data.AUTOTUNE, deterministic=...)`.",
    "shuffle_and_repeat": "`dataset.shuffle(buffer_size).repeat(count)`.",
    "unbatch": "`dataset.unbatch()`.",
    "group_by_window": "`dataset.group_by_window(key_func, reduce_func, window_size)`.",
    "bucket_by_sequence_length": "`dataset.bucket_by_sequence_length(element_length_func, bucket_boundaries, bucket_batch_sizes)`.",
    "rejection_resample": "`dataset.rejection_resample(class_func, target_dist)`.",
    "ignore_errors": "`dataset.ignore_errors()`.",
    "scan": "`dataset.scan(initial_state, scan_func)`.",
    "enumerate_dataset": "`dataset.enumerate()`.",
    "get_single_element": "`dataset.get_single_element()`.",
    "sample_from_datasets": "`tf.data.Dataset.sample_from_datasets(datasets, weights)`.",
    "choose_from_datasets": "`tf.data.Dataset.choose_from_datasets(datasets, choice_dataset)`.",
    "Counter": "`tf.data.Dataset.counter()`.",
    "sliding_window_batch": "`dataset.window(size, shift, drop_remainder=True).flat_map(lambda w: w.batch(size))`.",
    "unique": "`dataset.unique()`.",
    "prefetch_to_device": "`tf.data.experimental.prefetch_to_device(device)`.",
    "copy_to_device": "`tf.data.experimental.copy_to_device(device)`.",
    "make_csv_dataset": "`tf.data.experimental.make_csv_dataset(...)`.",
    "CsvDataset": "`tf.data.experimental.CsvDataset(...)`.",
    "make_batched_features_dataset": "`tf.data.experimental.make_batched_features_dataset(...)`.",
    "SqlDataset": "`tf.data.experimental.SqlDataset(...)`.",
    "dense_to_sparse_batch": "`tf.data.experimental.dense_to_sparse_batch(...)`.",
    "group_by_reducer": "`tf.data.experimental.group_by_reducer(key_func, reducer)`.",
    "Reducer": "`tf.data.experimental.Reducer`.",
    "TFRecordWriter": "`tf.io.TFRecordWriter` (write each serialized record).",
    "assert_element_shape": "`dataset.map(lambda x: tf.ensure_shape(x, shape))`.",
}

_LOOKUP: Dict[str, str] = {
    "HashTable": "`tf.lookup.StaticHashTable(initializer, default_value)`.",
    "KeyValueTensorInitializer": "`tf.lookup.KeyValueTensorInitializer(keys, values)`.",
    "TextFileInitializer": "`tf.lookup.TextFileInitializer(...)`.",
    "MutableHashTable": "`tf.lookup.experimental.MutableHashTable(key_dtype, value_dtype, default_value)`.",
    "MutableDenseHashTable": "`tf.lookup.experimental.DenseHashTable(...)`.",
    "index_table_from_tensor": (
        "`tf.keras.layers.StringLookup(vocabulary=mapping)` (unknown values get index 0) or "
        "`tf.lookup.StaticVocabularyTable(tf.lookup.KeyValueTensorInitializer(...), num_oov_buckets)`."
    ),
    "index_table_from_file": (
        "`tf.keras.layers.StringLookup(vocabulary=path)` or "
        "`tf.lookup.StaticVocabularyTable(tf.lookup.TextFileInitializer(...), num_oov_buckets)`."
    ),
    "index_to_string_table_from_tensor": "`tf.keras.layers.StringLookup(vocabulary=mapping, invert=True)`.",
    "index_to_string_table_from_file": "`tf.keras.layers.StringLookup(vocabulary=path, invert=True)`.",
    "string_to_index": "`tf.keras.layers.StringLookup(vocabulary=mapping)`.",
}

_TPU: Dict[str, str] = {
    "TPUEstimator": (
        "A Keras model compiled and fit under `tf.distribute.TPUStrategy` (TPUEstimator itself went with "
        "Estimator in TF 2.16)."
    ),
    "TPUEstimatorSpec": "A Keras model under `tf.distribute.TPUStrategy`: loss and metrics go to `model.compile`.",
    "TPUConfig": "`tf.distribute.TPUStrategy(resolver)` (iterations per loop: `model.compile(steps_per_execution=...)`).",
    "RunConfig": "`tf.distribute.TPUStrategy(resolver)` with `tf.train.CheckpointManager` / Keras callbacks.",
    "CrossShardOptimizer": "Nothing: under `tf.distribute.TPUStrategy` the Keras optimizer already aggregates gradients across replicas.",
    "initialize_system": "`tf.tpu.experimental.initialize_tpu_system(resolver)`.",
    "shutdown_system": "`tf.tpu.experimental.shutdown_tpu_system(resolver)`.",
    "rewrite": "`strategy.run(fn, args)` inside a `tf.function`.",
    "shard": "`strategy.run(fn, args)` inside a `tf.function`.",
    "batch_parallel": "`strategy.run(fn, args)` inside a `tf.function`.",
    "bfloat16_scope": "`tf.keras.mixed_precision.set_global_policy('mixed_bfloat16')`.",
    "InputPipelineConfig": "`strategy.distribute_datasets_from_function(dataset_fn)`.",
}

_EAGER: Dict[str, str] = {
    "defun": "`tf.function`.",
    "Variable": "`tf.Variable`.",
    "Checkpoint": "`tf.train.Checkpoint`.",
    "Saver": "`tf.train.Checkpoint`.",
    "GradientTape": "`tf.GradientTape`.",
    "Iterator": "Python iteration: `for batch in dataset:`.",
    "Network": "`tf.keras.Model`.",
    "metrics": "`tf.keras.metrics`.",
    "implicit_gradients": "`tf.GradientTape` with an explicit variable list.",
    "implicit_value_and_gradients": "`tf.GradientTape` with an explicit variable list.",
    "gradients_function": "`tf.GradientTape`.",
    "value_and_gradients_function": "`tf.GradientTape`.",
    "in_eager_mode": "`tf.executing_eagerly()`.",
    "executing_eagerly": "`tf.executing_eagerly()`.",
    "enable_eager_execution": "Delete it: TF2 executes eagerly by default.",
    "num_gpus": "`len(tf.config.list_physical_devices('GPU'))`.",
    "py_func": "`tf.py_function`.",
    "restore_variables_on_create": "`tf.train.Checkpoint(...).restore(path)` (restoration is deferred until the variables exist).",
    "run": "Delete it: call the function directly.",
}

_STATELESS: Dict[str, str] = {
    "stateless_random_uniform": "`tf.random.stateless_uniform(shape, seed)`.",
    "stateless_random_normal": "`tf.random.stateless_normal(shape, seed)`.",
    "stateless_truncated_normal": "`tf.random.stateless_truncated_normal(shape, seed)`.",
    "stateless_multinomial": "`tf.random.stateless_categorical(logits, num_samples, seed)`.",
}

_UTIL: Dict[str, str] = {
    "make_ndarray": "`tf.make_ndarray(proto)`.",
    "make_tensor_proto": "`tf.make_tensor_proto(values)`.",
    "constant_value": "`tf.get_static_value(tensor)`.",
}

_NN: Dict[str, str] = {
    "alpha_dropout": "`tf.keras.layers.AlphaDropout(rate)`.",
    "sampled_sparse_softmax_loss": "`tf.nn.sampled_softmax_loss(...)`.",
    "conv1d_transpose": "`tf.nn.conv1d_transpose(...)`.",
}

_LEARN: Dict[str, str] = {
    "VocabularyProcessor": "`tf.keras.layers.TextVectorization(max_tokens=..., output_sequence_length=...)` adapted to the text.",
    "datasets": "`tf.keras.datasets` or TensorFlow Datasets (`tfds.load`).",
    "Experiment": "`model.fit(train_ds, validation_data=eval_ds)`.",
    "learn_runner": "`model.fit(...)`.",
}

_COMPILER: Dict[str, str] = {
    "xla": "`@tf.function(jit_compile=True)`.",
    "jit": "`@tf.function(jit_compile=True)`.",
    "experimental_jit_scope": "`@tf.function(jit_compile=True)` on the function to compile.",
}

_MIXED_PRECISION: Dict[str, str] = {
    "LossScaleOptimizer": "`tf.keras.mixed_precision.LossScaleOptimizer(optimizer)`.",
    "ExponentialUpdateLossScaleManager": "`tf.keras.mixed_precision.LossScaleOptimizer(optimizer)` (dynamic loss scaling is its default).",
    "FixedLossScaleManager": "`tf.keras.mixed_precision.LossScaleOptimizer(optimizer, dynamic=False, initial_scale=...)`.",
}

_MEMORY_STATS: Dict[str, str] = {
    "MaxBytesInUse": "`tf.config.experimental.get_memory_info('GPU:0')['peak']`.",
    "BytesInUse": "`tf.config.experimental.get_memory_info('GPU:0')['current']`.",
}

_STAGING: Dict[str, str] = {
    "StagingArea": "`dataset.prefetch(tf.data.AUTOTUNE)` (or `tf.data.experimental.prefetch_to_device`).",
}

# contrib.<submodule> -> {symbol: replacement}.
SYMBOLS: Dict[str, Dict[str, str]] = {
    "layers": _LAYERS,
    "slim": _SLIM,
    "rnn": _RNN,
    "cudnn_rnn": _CUDNN,
    "training": _TRAINING,
    "distribute": _DISTRIBUTE,
    "summary": _SUMMARY_SYMBOLS,
    "opt": _OPT,
    "image": _IMAGE,
    "metrics": _METRICS,
    "losses": _LOSSES,
    "framework": _FRAMEWORK,
    "data": _DATA,
    "lookup": _LOOKUP,
    "tpu": _TPU,
    "eager": _EAGER,
    "stateless": _STATELESS,
    "util": _UTIL,
    "nn": _NN,
    "learn": _LEARN,
    "compiler": _COMPILER,
    "mixed_precision": _MIXED_PRECISION,
    "memory_stats": _MEMORY_STATS,
    "staging": _STAGING,
}

# Submodules that re-export another's symbols (`slim.conv2d` is `contrib.layers.conv2d`).
ALSO_SEARCH: Dict[str, tuple] = {
    "slim": ("layers", "framework", "losses", "metrics"),
    "learn": ("layers",),
}


# The "Use instead" of the rule pages: every submodule's destination, and the best-known symbols.
OVERVIEW = "The destination of the imported submodule:\n\n" + "\n".join(
    f"- `contrib.{name}`: {text}" for name, text in sorted(SUBMODULES.items())
)
SYMBOL_OVERVIEW = (
    "The destination of the symbol where it is known, else of its submodule (the full list is on the TF601 page). "
    "The best known, rendered from the call's own arguments:\n\n"
    + "\n".join(
        f"- `contrib.{table}.{symbol}`: {SYMBOLS[table][symbol]}"
        for table, symbol in (
            ("layers", "l2_regularizer"),
            ("layers", "xavier_initializer"),
            ("layers", "variance_scaling_initializer"),
            ("layers", "fully_connected"),
            ("layers", "layer_norm"),
            ("rnn", "MultiRNNCell"),
            ("training", "HParams"),
            ("opt", "AdamWOptimizer"),
            ("opt", "NadamOptimizer"),
            ("framework", "arg_scope"),
        )
    )
)
