"""Family 3 tables: Estimator, canned estimators, training specs, hooks, global step, v1 metrics and losses.

Names are canonical (without ``tensorflow.``/``compat.v1.``).  The v1 metric and loss
signatures were read from TensorFlow 2.15's ``tf.compat.v1.metrics`` / ``tf.compat.v1.losses``;
the Keras names that overlap them from ``tf.metrics`` / ``tf.losses`` of 2.15 and 2.21.
"""

from typing import Dict, NamedTuple, Optional, Tuple

# Modules the Estimator API is reached through.
ESTIMATOR_MODULES = ("estimator",)
TPU_ESTIMATOR_MODULES = ("estimator.tpu",)
# TensorFlow's private Estimator modules themselves (`from tensorflow.python.tpu import tpu_estimator`):
# what they contain resolves to `estimator.*`, but a module has no public name of its own.
ESTIMATOR_PRIVATE_MODULES = ("python.estimator", "python.tpu.tpu_estimator")
# Importing this package is the Estimator too (it backs `tf.estimator` up to TF 2.15).
ESTIMATOR_PACKAGE = "tensorflow_estimator"

# ----- TF301: Estimator, EstimatorSpec, ModeKeys, model_fn plumbing ---------------------------

ESTIMATOR_GENERIC = (
    "A Keras model trained with `model.compile(...)` / `model.fit(dataset, ...)`; custom training logic goes in an "
    "overridden `train_step` or a `tf.GradientTape` loop."
)

ESTIMATOR_CORE: Dict[str, Optional[str]] = {
    "Estimator": None,  # rendered from the call
    "EstimatorSpec": None,  # rendered from the call
    "ModeKeys": (
        "Branch on the `training` argument Keras passes to `Model.call` (`if training:`); EVAL and PREDICT are "
        "`model.evaluate(...)` and `model.predict(...)`."
    ),
    "ModeKeys.TRAIN": "The `training=True` argument Keras passes to `Model.call`: write `if training:`.",
    "ModeKeys.EVAL": "`model.evaluate(dataset)` (Keras calls the model with `training=False`; custom logic in `test_step`).",
    "ModeKeys.PREDICT": "`model.predict(dataset)` (Keras calls the model with `training=False`; custom logic in `predict_step`).",
    "WarmStartSettings": (
        "Restore the pretrained weights into the model before `fit`: "
        "`tf.train.Checkpoint(model=model).read(path).expect_partial()` or `model.load_weights(path)`."
    ),
    "VocabInfo": (
        "Remap the embedding rows yourself after `tf.train.load_checkpoint(path).get_tensor(name)` and "
        "`embedding.assign(...)`."
    ),
    "classifier_parse_example_spec": (
        "Write the feature spec dict for `tf.io.parse_example(serialized, spec)` by hand, or describe the inputs "
        "with `tf.keras.utils.FeatureSpace`."
    ),
    "regressor_parse_example_spec": (
        "Write the feature spec dict for `tf.io.parse_example(serialized, spec)` by hand, or describe the inputs "
        "with `tf.keras.utils.FeatureSpace`."
    ),
    "inputs": "Build a `tf.data.Dataset` and pass it to `fit`: `tf.data.Dataset.from_tensor_slices((x, y)).shuffle(n).batch(bs)`.",
    "inputs.numpy_input_fn": None,  # rendered from the call
    "inputs.pandas_input_fn": None,  # rendered from the call
    "experimental.call_logit_fn": "Call the Keras model (or layer) that computes the logits directly.",
    "experimental.dnn_logit_fn_builder": "Stack `tf.keras.layers.Dense` layers in a Keras model.",
    "experimental.linear_logit_fn_builder": "A single `tf.keras.layers.Dense` layer (a linear model) in a Keras model.",
}

HEAD_REPLACEMENT = (
    "A Keras loss and metrics in `compile`: `loss=tf.keras.losses.{loss}(from_logits=True)`, "
    "`metrics=[...]`; multi-task heads become a model with several outputs and a loss per output."
)
HEADS: Dict[str, str] = {
    "Head": "CategoricalCrossentropy",
    "BinaryClassHead": "BinaryCrossentropy",
    "MultiClassHead": "SparseCategoricalCrossentropy",
    "MultiLabelHead": "BinaryCrossentropy",
    "MultiHead": "CategoricalCrossentropy",
    "RegressionHead": "MeanSquaredError",
    "PoissonRegressionHead": "Poisson",
    "LogisticRegressionHead": "BinaryCrossentropy",
}

TPU_SPEC_REPLACEMENT = (
    "A Keras model compiled under `tf.distribute.TPUStrategy(resolver).scope()`; the spec's loss, optimizer and "
    "metrics go to `model.compile(..., steps_per_execution=N)`."
)

# ----- TF302: canned estimators -----------------------------------------------------------------

# class -> kind; the rule renders the Keras model from the call's own arguments.
CANNED_KINDS: Dict[str, str] = {
    "DNNClassifier": "dnn-classifier",
    "DNNRegressor": "dnn-regressor",
    "DNNEstimator": "dnn-estimator",
    "LinearClassifier": "linear-classifier",
    "LinearRegressor": "linear-regressor",
    "LinearEstimator": "linear-estimator",
    "DNNLinearCombinedClassifier": "wide-deep",
    "DNNLinearCombinedRegressor": "wide-deep",
    "DNNLinearCombinedEstimator": "wide-deep",
    "BaselineClassifier": "baseline",
    "BaselineRegressor": "baseline",
    "BaselineEstimator": "baseline",
    "BoostedTreesClassifier": "boosted-trees",
    "BoostedTreesRegressor": "boosted-trees",
    "BoostedTreesEstimator": "boosted-trees",
    "experimental.LinearSDCA": "sdca",
    "experimental.RNNClassifier": "rnn",
    "experimental.RNNEstimator": "rnn",
    "experimental.KMeans": "kmeans",
    "TPUEstimator": "tpu",
    "tpu.TPUEstimator": "tpu",
    "tpu.experimental.EmbeddingConfigSpec": "tpu-embedding",
}

# Defaults of the canned estimators that a faithful Keras port must reproduce.
CANNED_DEFAULT_OPTIMIZER = {
    "dnn": "tf.keras.optimizers.Adagrad(learning_rate=0.05)",
    "linear": "tf.keras.optimizers.Ftrl(learning_rate=0.2)",
}

CANNED_OTHER: Dict[str, str] = {
    "baseline": (
        "No model is needed: the baseline predicts the label mean (regression) or the class prior (classification); "
        "compute it with `tf.keras.metrics.Mean` over the training labels, or use a Keras model with one bias-only "
        "`tf.keras.layers.Dense(n, kernel_initializer='zeros', trainable=...)`."
    ),
    "boosted-trees": (
        "TensorFlow Decision Forests: `import tensorflow_decision_forests as tfdf; "
        "model = tfdf.keras.GradientBoostedTreesModel(num_trees=...); model.fit(dataset)`."
    ),
    "rnn": (
        "A Keras model with a recurrent layer: `tf.keras.Sequential([tf.keras.layers.LSTM(units), "
        "tf.keras.layers.Dense(n_classes)])` fed by padded sequences."
    ),
    "sdca": (
        "Keras has no SDCA optimizer: train the linear Keras model with `tf.keras.optimizers.Ftrl` (the canned linear "
        "default) or `tf.keras.optimizers.SGD`."
    ),
    "kmeans": (
        "scikit-learn's `sklearn.cluster.KMeans` or a small custom `tf.Module`; TF2 has no k-means estimator or layer."
    ),
    "tpu-embedding": (
        "`tf.tpu.experimental.embedding.TPUEmbedding` (or `tf.keras.layers.Embedding` under `TPUStrategy`)."
    ),
}

# ----- TF303: TrainSpec, EvalSpec, train_and_evaluate, RunConfig, exporters, add_metrics -------------

TRAINING_SPEC: Dict[str, Optional[str]] = {
    "TrainSpec": None,  # rendered
    "EvalSpec": None,  # rendered
    "train_and_evaluate": None,  # rendered
    "RunConfig": None,  # rendered
    "tpu.RunConfig": None,  # rendered like RunConfig, plus TPUStrategy
    "tpu.TPUConfig": (
        "`strategy = tf.distribute.TPUStrategy(tf.distribute.cluster_resolver.TPUClusterResolver(tpu))`; "
        "`iterations_per_loop` becomes `model.compile(..., steps_per_execution=N)`."
    ),
    "tpu.InputPipelineConfig": (
        "`strategy.distribute_datasets_from_function(dataset_fn)` under `tf.distribute.TPUStrategy`."
    ),
    "add_metrics": "Pass the metrics to `model.compile(metrics=[tf.keras.metrics.AUC(), ...])`.",
    "Exporter": "Export the trained model: `model.export(path)` (Keras 3) or `tf.saved_model.save(model, path)`.",
    "FinalExporter": "After training: `model.export(path)` (Keras 3) or `tf.saved_model.save(model, path)`.",
    "LatestExporter": (
        "`tf.keras.callbacks.ModelCheckpoint(path, save_freq='epoch')` during training, then `model.export(path)`."
    ),
    "BestExporter": (
        "`tf.keras.callbacks.ModelCheckpoint('best.keras', monitor='val_loss', save_best_only=True)`, then "
        "`model.export(path)` of the best model."
    ),
    "export": (
        "A serving function: `@tf.function(input_signature=[tf.TensorSpec(shape, dtype)])` passed as "
        "`signatures=` to `tf.saved_model.save(model, path, signatures=serve)`, or `model.export(path)` in Keras 3."
    ),
    "export.build_parsing_serving_input_receiver_fn": (
        "A serving `tf.function` taking serialized examples: "
        "`@tf.function(input_signature=[tf.TensorSpec([None], tf.string)])` `def serve(x): "
        "return model(tf.io.parse_example(x, feature_spec))`, saved with `tf.saved_model.save(model, path, "
        "signatures=serve)`."
    ),
    "export.build_raw_serving_input_receiver_fn": (
        "A serving `tf.function` with an `input_signature` of `tf.TensorSpec`s, saved with "
        "`tf.saved_model.save(model, path, signatures=serve)` (Keras 3: `model.export(path)`)."
    ),
    "experimental.build_raw_supervised_input_receiver_fn": (
        "A serving `tf.function` with an `input_signature` of `tf.TensorSpec`s, saved with "
        "`tf.saved_model.save(model, path, signatures=serve)`."
    ),
}

# ----- TF304: model_to_estimator ----------------------------------------------------------------

# The last: the private module itself (`from tensorflow.python.keras import estimator`).
MODEL_TO_ESTIMATOR_NAMES = ("keras.estimator", "keras.estimator.model_to_estimator", "python.keras.estimator")

# ----- TF305: SessionRunHook and the built-in hooks ---------------------------------------------

HOOK_MODULES = ("train", "estimator")
# tfdbg's TF1 hooks (`from tensorflow.python import debug as tf_debug`): private modules without a public name.
DEBUG_HOOK_MODULES = ("python.debug", "python.debug.wrappers.hooks")
DEBUG_HOOKS = ("LocalCLIDebugHook", "DumpingDebugHook", "TensorBoardDebugHook", "GrpcDebugHook")
DEBUG_HOOK_REPLACEMENT = (
    "`tf.debugging.experimental.enable_dump_debug_info(dump_dir, tensor_debug_mode='FULL_HEALTH')` before training, "
    "then inspect the dump in TensorBoard's Debugger V2."
)
# Hooks outside `tf.estimator` that shipped for Estimators and went with them in TF 2.16.
ESTIMATOR_ERA_HOOKS = {
    "data.experimental.CheckpointInputPipelineHook": (
        "`tf.keras.callbacks.BackupAndRestore(backup_dir)` in a directory of its own (deleted when `fit` ends; Keras "
        "saves the input position with the model), or "
        "`tf.train.Checkpoint(iterator=iterator)` in a custom loop."
    ),
}
HOOKS: Dict[str, Optional[str]] = {
    "SessionRunHook": (
        "Subclass `tf.keras.callbacks.Callback`: `begin` → `on_train_begin`, `before_run`/`after_run` → "
        "`on_train_batch_begin`/`on_train_batch_end` (values arrive in `logs`), `end` → `on_train_end`."
    ),
    "SessionRunArgs": "Nothing to request: a `tf.keras.callbacks.Callback` receives the step's metrics in `logs`.",
    "SessionRunContext": "`self.model.stop_training = True` inside a `tf.keras.callbacks.Callback` stops training.",
    "SessionRunValues": "The `logs` dict passed to `tf.keras.callbacks.Callback.on_train_batch_end`.",
    "StopAtStepHook": None,  # rendered
    "CheckpointSaverHook": None,  # rendered
    "CheckpointSaverListener": (
        "A `tf.keras.callbacks.Callback` whose `on_epoch_end` runs after `tf.keras.callbacks.ModelCheckpoint` "
        "(list it after the checkpoint callback)."
    ),
    "LoggingTensorHook": None,  # rendered
    "NanTensorHook": "`tf.keras.callbacks.TerminateOnNaN()` in `callbacks=[...]`.",
    "NanLossDuringTrainingError": "`tf.keras.callbacks.TerminateOnNaN()` stops training on a NaN loss.",
    "SummarySaverHook": None,  # rendered
    "ProfilerHook": None,  # rendered
    "StepCounterHook": "`tf.keras.callbacks.TensorBoard(log_dir, write_steps_per_second=True)`.",
    "FinalOpsHook": "Run the final computation in `tf.keras.callbacks.Callback.on_train_end`, or after `fit` returns.",
    "FeedFnHook": "Feed data through a `tf.data.Dataset` passed to `fit`; nothing is fed per step.",
    "GlobalStepWaiterHook": "Delete it: `tf.distribute` strategies coordinate worker start-up.",
    "SecondOrStepTimer": "Count batches (or check `time.time()`) inside a `tf.keras.callbacks.Callback`.",
    "experimental.InMemoryEvaluatorHook": (
        "`model.fit(train_ds, validation_data=eval_ds, validation_freq=1)`: Keras evaluates in process."
    ),
    "experimental.stop_if_no_decrease_hook": None,  # rendered (EarlyStopping)
    "experimental.stop_if_no_increase_hook": None,
    "experimental.stop_if_higher_hook": None,
    "experimental.stop_if_lower_hook": None,
    "experimental.make_early_stopping_hook": (
        "A `tf.keras.callbacks.Callback` whose `on_epoch_end(epoch, logs)` sets `self.model.stop_training = True` "
        "when your condition holds (or `tf.keras.callbacks.EarlyStopping` for a metric that stops improving)."
    ),
    "experimental.make_stop_at_checkpoint_step_hook": (
        "`model.fit(..., epochs=E, steps_per_epoch=S)` stops after E*S steps; with "
        "`tf.keras.callbacks.BackupAndRestore(backup_dir)` (a directory of its own, deleted when `fit` ends) a "
        "restarted job resumes where it stopped."
    ),
}

# Keyword arguments that pass hooks to Estimator / MonitoredSession calls.
HOOK_KEYWORDS = frozenset(
    {"hooks", "training_hooks", "evaluation_hooks", "prediction_hooks", "training_chief_hooks", "chief_only_hooks",
     "saving_listeners"}
)
HOOK_ARGUMENT_REPLACEMENT = (
    "`callbacks=[...]` of `model.fit` / `evaluate` / `predict`, with the Keras callback for each hook "
    "(TerminateOnNaN, ModelCheckpoint, TensorBoard, EarlyStopping, or a `tf.keras.callbacks.Callback` subclass)."
)

# ----- TF306: global step ---------------------------------------------------------------------

GLOBAL_STEP_MODULES = ("train",)
GLOBAL_STEP: Dict[str, Optional[str]] = {
    "get_or_create_global_step": None,
    "get_global_step": None,
    "create_global_step": None,
    "assert_global_step": "Delete the check: `optimizer.iterations` is always an int64 variable.",
    "global_step": "`int(optimizer.iterations)` (or `step.numpy()` of your own step variable).",
}
GLOBAL_STEP_REPLACEMENT = (
    "`optimizer.iterations` (the number of steps the optimizer applied), or an own "
    "`step = tf.Variable(0, dtype=tf.int64, trainable=False)` incremented with `step.assign_add(1)` in the training step."
)

# ----- TF307: v1 metrics ----------------------------------------------------------------------

METRIC_MODULES = ("metrics",)


class MetricSpec(NamedTuple):
    """How one v1 metric function maps to a Keras metric object."""

    keras: Optional[str]  # Keras class; None: no class, `fallback` says what to write
    params: Tuple[str, ...]  # the v1 positional parameters before `weights`, in order
    update: Tuple[str, ...]  # which of them `update_state` takes
    ctor: Dict[str, str]  # v1 argument -> Keras constructor argument
    note: str = ""
    keras2_only: bool = False  # the class exists in Keras 2 (TF <= 2.15) only
    fallback: str = ""


_LP = ("labels", "predictions")
_THRESH = {"thresholds": "thresholds"}

V1_METRICS: Dict[str, MetricSpec] = {
    "accuracy": MetricSpec("Accuracy", _LP, _LP, {}),
    "auc": MetricSpec(
        "AUC",
        _LP,
        _LP,
        {"num_thresholds": "num_thresholds", "curve": "curve", "summation_method": "summation_method", "thresholds": "thresholds"},
        note="v1 integrated with `summation_method='trapezoidal'`; Keras defaults to 'interpolation'.",
    ),
    "false_negatives": MetricSpec("FalseNegatives", _LP, _LP, {}),
    "false_positives": MetricSpec("FalsePositives", _LP, _LP, {}),
    "true_negatives": MetricSpec("TrueNegatives", _LP, _LP, {}),
    "true_positives": MetricSpec("TruePositives", _LP, _LP, {}),
    "false_negatives_at_thresholds": MetricSpec("FalseNegatives", (*_LP, "thresholds"), _LP, _THRESH),
    "false_positives_at_thresholds": MetricSpec("FalsePositives", (*_LP, "thresholds"), _LP, _THRESH),
    "true_negatives_at_thresholds": MetricSpec("TrueNegatives", (*_LP, "thresholds"), _LP, _THRESH),
    "true_positives_at_thresholds": MetricSpec("TruePositives", (*_LP, "thresholds"), _LP, _THRESH),
    "mean": MetricSpec("Mean", ("values",), ("values",), {}),
    "mean_absolute_error": MetricSpec("MeanAbsoluteError", _LP, _LP, {}),
    "mean_squared_error": MetricSpec("MeanSquaredError", _LP, _LP, {}),
    "root_mean_squared_error": MetricSpec("RootMeanSquaredError", _LP, _LP, {}),
    "mean_cosine_distance": MetricSpec(
        "CosineSimilarity", (*_LP, "dim"), _LP, {"dim": "axis"}, note="Keras reports the similarity: the v1 distance is `1 - m.result()`."
    ),
    "mean_iou": MetricSpec("MeanIoU", (*_LP, "num_classes"), _LP, {"num_classes": "num_classes"}),
    "mean_per_class_accuracy": MetricSpec(
        None,
        (*_LP, "num_classes"),
        _LP,
        {},
        fallback=(
            "no Keras class: average `tf.keras.metrics.Recall(class_id=c)` over the classes c (labels one-hot), "
            "or accumulate a confusion matrix with `tf.math.confusion_matrix` in a custom `tf.keras.metrics.Metric`"
        ),
    ),
    "mean_relative_error": MetricSpec(
        "MeanRelativeError",
        (*_LP, "normalizer"),
        _LP,
        {"normalizer": "normalizer"},
        keras2_only=True,
        fallback=(
            "no Keras 3 class: `m = tf.keras.metrics.Mean(); m.update_state(tf.abs({labels} - {predictions}) / {normalizer}); "
            "m.result()`"
        ),
    ),
    "mean_tensor": MetricSpec(
        "MeanTensor",
        ("values",),
        ("values",),
        {},
        keras2_only=True,
        fallback="no Keras 3 class: keep a running `tf.Variable` sum and count of `{values}` and divide",
    ),
    "percentage_below": MetricSpec(
        None,
        ("values", "threshold"),
        ("values",),
        {},
        fallback="`m = tf.keras.metrics.Mean(); m.update_state(tf.cast({values} < {threshold}, tf.float32)); m.result()`",
    ),
    "precision": MetricSpec("Precision", _LP, _LP, {}),
    "recall": MetricSpec("Recall", _LP, _LP, {}),
    "precision_at_thresholds": MetricSpec("Precision", (*_LP, "thresholds"), _LP, _THRESH),
    "recall_at_thresholds": MetricSpec("Recall", (*_LP, "thresholds"), _LP, _THRESH),
    "precision_at_k": MetricSpec(
        "Precision",
        (*_LP, "k", "class_id"),
        _LP,
        {"k": "top_k", "class_id": "class_id"},
        note="v1 took class-id labels; Keras needs one-hot labels (`tf.one_hot(labels, num_classes)`).",
    ),
    "sparse_precision_at_k": MetricSpec(
        "Precision",
        (*_LP, "k", "class_id"),
        _LP,
        {"k": "top_k", "class_id": "class_id"},
        note="v1 took class-id labels; Keras needs one-hot labels (`tf.one_hot(labels, num_classes)`).",
    ),
    "recall_at_k": MetricSpec(
        "Recall",
        (*_LP, "k", "class_id"),
        _LP,
        {"k": "top_k", "class_id": "class_id"},
        note="v1 took class-id labels; Keras needs one-hot labels (`tf.one_hot(labels, num_classes)`).",
    ),
    "precision_at_top_k": MetricSpec(
        "Precision",
        ("labels", "predictions_idx", "k", "class_id"),
        ("labels", "predictions_idx"),
        {"k": "top_k", "class_id": "class_id"},
        note="Keras ranks the scores itself: pass the scores, not the top-k indices, and one-hot labels.",
    ),
    "recall_at_top_k": MetricSpec(
        "Recall",
        ("labels", "predictions_idx", "k", "class_id"),
        ("labels", "predictions_idx"),
        {"k": "top_k", "class_id": "class_id"},
        note="Keras ranks the scores itself: pass the scores, not the top-k indices, and one-hot labels.",
    ),
    "sensitivity_at_specificity": MetricSpec(
        "SensitivityAtSpecificity", (*_LP, "specificity"), _LP, {"specificity": "specificity", "num_thresholds": "num_thresholds"}
    ),
    "specificity_at_sensitivity": MetricSpec(
        "SpecificityAtSensitivity", (*_LP, "sensitivity"), _LP, {"sensitivity": "sensitivity", "num_thresholds": "num_thresholds"}
    ),
    "average_precision_at_k": MetricSpec(
        None,
        (*_LP, "k"),
        _LP,
        {},
        fallback=(
            "no core Keras class: TensorFlow Ranking's `tfr.keras.metrics.MeanAveragePrecisionMetric(topn={k})`, "
            "or a custom `tf.keras.metrics.Metric`"
        ),
    ),
    "sparse_average_precision_at_k": MetricSpec(
        None,
        (*_LP, "k"),
        _LP,
        {},
        fallback=(
            "no core Keras class: TensorFlow Ranking's `tfr.keras.metrics.MeanAveragePrecisionMetric(topn={k})`, "
            "or a custom `tf.keras.metrics.Metric`"
        ),
    ),
}

# ----- TF307 / TF308: lower-case names `tf.metrics` / `tf.losses` share with the v1 functions -------------
#
# Keras 2 (the `tf.keras` of TF <= 2.15) serves these v1 names too, as its own per-example functions
# (the mean over the last axis); Keras 3 (TF 2.16 and later) serves none of them under `tf.metrics` /
# `tf.losses` (nor `tf.keras.metrics` / `tf.keras.losses`). Checked on TF 2.15.1 (Keras 2.15) and TF 2.21.0
# (Keras 3.15.1): on 2.15 `tf.metrics.mean_squared_error is tf.losses.mean_squared_error` and
# `tf.metrics.mean_absolute_error` exist, on 2.21 none of the three does; of every v1 metric and loss name
# only `tf.losses.Reduction` exists in both (its NONE, SUM, SUM_OVER_BATCH_SIZE and AUTO members). The value
# is the Keras loss class whose `reduction='none'` call gives the same per-example values (checked equal to
# Keras 2's function on 2.15 and to the closed form on 2.21).
METRICS_IN_KERAS2: Dict[str, str] = {"mean_absolute_error": "MeanAbsoluteError", "mean_squared_error": "MeanSquaredError"}
LOSSES_IN_KERAS2: Dict[str, str] = {"mean_squared_error": "MeanSquaredError"}
KERAS2_FUNCTION_CALL = (
    "`tf.keras.losses.{cls}(reduction='none')({y_true}, {y_pred})`: the per-example values (the mean over the last "
    "axis) Keras 2's function returned; create the loss object once. Without `reduction='none'` it also averages "
    "over the batch."
)
KERAS2_FUNCTION_REFERENCE = (
    "`tf.keras.losses.{cls}(reduction='none')`, a loss object that returns the per-example values Keras 2's "
    "function returned when called as `loss(y_true, y_pred)`; in `compile(loss=...)` or `compile(metrics=...)` pass "
    "`tf.keras.losses.{cls}()` or `tf.keras.metrics.{cls}()`."
)
SAME_NAME_VERSION_NOTE = (
    "Up to TF 2.15 (Keras 2) `tf.losses.mean_squared_error`, `tf.metrics.mean_squared_error` and "
    "`tf.metrics.mean_absolute_error` are also Keras 2's per-example functions: a plain-`tf` call is TF2 code and "
    "reported only in a module written against TF1 (or with a v1-only argument). Keras 3 (TF 2.16 and later) has "
    "none of them: with such a target they are reported everywhere, as the v1 function in a TF1 module and as "
    "Keras 2's function elsewhere. `tf.losses.Reduction` (except its v1-only members) exists in both."
)
METRIC_TF1_KEYWORDS = frozenset({"labels", "predictions", "weights", "metrics_collections", "updates_collections", "name"})

# ----- TF308: v1 losses -----------------------------------------------------------------------

LOSS_MODULES = ("losses",)


class LossSpec(NamedTuple):
    """How one v1 loss function maps to a Keras loss."""

    keras: Optional[str]  # Keras loss class, or None (see `fallback`)
    params: Tuple[str, ...]  # the v1 positional parameters, in order
    ctor: Dict[str, str]  # v1 argument -> Keras constructor argument
    extra: str = ""  # constructor arguments the port always needs (`from_logits=True`)
    note: str = ""
    fallback: str = ""


_LOSS_TAIL = ("weights",)

V1_LOSSES: Dict[str, LossSpec] = {
    "absolute_difference": LossSpec("MeanAbsoluteError", ("labels", "predictions", *_LOSS_TAIL), {}),
    "mean_squared_error": LossSpec("MeanSquaredError", ("labels", "predictions", *_LOSS_TAIL), {}),
    "huber_loss": LossSpec("Huber", ("labels", "predictions", "weights", "delta"), {"delta": "delta"}),
    "hinge_loss": LossSpec("Hinge", ("labels", "logits", *_LOSS_TAIL), {}, note="Keras `Hinge` also maps 0/1 labels to -1/1."),
    "log_loss": LossSpec(
        "BinaryCrossentropy",
        ("labels", "predictions", "weights", "epsilon"),
        {},
        note="Keras clips probabilities with its own epsilon (1e-7), not `epsilon=`.",
    ),
    "sigmoid_cross_entropy": LossSpec(
        "BinaryCrossentropy",
        ("multi_class_labels", "logits", "weights", "label_smoothing"),
        {"label_smoothing": "label_smoothing"},
        extra="from_logits=True",
    ),
    "softmax_cross_entropy": LossSpec(
        "CategoricalCrossentropy",
        ("onehot_labels", "logits", "weights", "label_smoothing"),
        {"label_smoothing": "label_smoothing"},
        extra="from_logits=True",
    ),
    "sparse_softmax_cross_entropy": LossSpec(
        "SparseCategoricalCrossentropy", ("labels", "logits", *_LOSS_TAIL), {}, extra="from_logits=True"
    ),
    "cosine_distance": LossSpec(
        "CosineSimilarity",
        ("labels", "predictions", "axis", "weights"),
        {"axis": "axis", "dim": "axis"},
        note="Keras returns the negative similarity of L2-normalized inputs, the v1 loss `1 - sum(labels * predictions)`: "
        "values differ by a constant 1 (gradients match for unit-norm inputs).",
    ),
    "compute_weighted_loss": LossSpec(
        None,
        ("losses", "weights"),
        {},
        fallback=(
            "`tf.reduce_sum({losses} * {weights}) / tf.cast(tf.math.count_nonzero({weights}), tf.float32)` keeps the v1 "
            "reduction; `tf.reduce_mean({losses} * {weights})` is the Keras one"
        ),
    ),
    "mean_pairwise_squared_error": LossSpec(
        None,
        ("labels", "predictions", *_LOSS_TAIL),
        {},
        fallback=(
            "no Keras loss: write it as a function of `(y_true, y_pred)` (the mean over pairs i, j of "
            "`((y_pred_i - y_pred_j) - (y_true_i - y_true_j)) ** 2`) and pass it to `compile(loss=...)`"
        ),
    ),
    "add_loss": LossSpec(
        None, ("loss",), {}, fallback="`self.add_loss({loss})` inside a Keras layer or model (read back with `model.losses`)"
    ),
    "get_losses": LossSpec(None, (), {}, fallback="`model.losses` (the losses the model's layers added)"),
    "get_total_loss": LossSpec(
        None, (), {}, fallback="`loss + tf.add_n(model.losses)` computed in the training step (Keras `fit` does this itself)"
    ),
    "Reduction": LossSpec(
        None, (), {}, fallback="a Keras reduction string: `reduction='sum_over_batch_size'` (default), `'sum'` or `'none'`"
    ),
}

# `Reduction` members that only v1 has; the others exist on the Keras `tf.losses.Reduction` too.
V1_ONLY_REDUCTIONS = frozenset({"SUM_BY_NONZERO_WEIGHTS", "SUM_OVER_NONZERO_WEIGHTS", "MEAN"})
# v1 reduction -> Keras reduction argument (None: no Keras equivalent, keep the default and say so).
REDUCTIONS: Dict[str, Optional[str]] = {
    "NONE": "'none'",
    "SUM": "'sum'",
    "SUM_OVER_BATCH_SIZE": "'sum_over_batch_size'",
    "MEAN": None,
    "SUM_BY_NONZERO_WEIGHTS": None,
    "SUM_OVER_NONZERO_WEIGHTS": None,
}
LOSSES_IN_TF2 = frozenset({"Reduction"})  # the Keras enum, on every supported target
LOSS_TF1_KEYWORDS = frozenset({"labels", "predictions", "weights", "scope", "loss_collection", "reduction"})

REDUCTION_NOTE = (
    "v1 losses default to SUM_BY_NONZERO_WEIGHTS (divide by the number of non-zero weights), Keras losses to "
    "SUM_OVER_BATCH_SIZE (divide by the number of elements)"
)
