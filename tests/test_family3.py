"""Family 3 behaviour: target-version awareness, rendered replacements, TF2 look-alikes."""

import pytest

from tf2lint.config import Config
from tf2lint.engine import lint_source
from tf2lint.finding import Severity

TF215 = Config(target_version=(2, 15))


def findings(source, config=None, select=None):
    config = config or Config()
    if select:
        config = Config(select=tuple(select), target_version=config.target_version)
    return lint_source(source, "example.py", config)


def only(source, code, config=None):
    found = [f for f in findings(source, config) if f.code == code]
    assert len(found) == 1, [(f.code, f.message) for f in findings(source, config)]
    return found[0]


# ----- target version --------------------------------------------------------------------------

ESTIMATOR_SOURCES = [
    ("import tensorflow as tf\nest = tf.estimator.Estimator(model_fn=fn)\n", "TF301"),
    ("import tensorflow.compat.v1 as tf\nest = tf.estimator.DNNRegressor([8], cols)\n", "TF302"),
    ("import tensorflow as tf\ntf.estimator.train_and_evaluate(est, ts, es)\n", "TF303"),
    ("import tensorflow as tf\nest = tf.keras.estimator.model_to_estimator(model)\n", "TF304"),
    ("import tensorflow as tf\nhook = tf.estimator.NanTensorHook(loss)\n", "TF305"),
]


@pytest.mark.parametrize("source,code", ESTIMATOR_SOURCES)
def test_estimator_is_removed_from_216_and_deprecated_before(source, code):
    default = only(source, code)
    assert "removed in TF 2.16" in default.message
    assert default.severity is Severity.ERROR
    old = only(source, code, TF215)
    assert "deprecated" in old.message and "2.15" in old.message
    assert old.severity is Severity.WARNING


def test_hooks_outside_estimator_do_not_depend_on_the_target():
    source = "import tensorflow as tf\nhook = tf.train.NanTensorHook(loss)\n"
    assert only(source, "TF305").message == only(source, "TF305", TF215).message
    assert "TerminateOnNaN" in only(source, "TF305").replacement


def test_version_notes_reach_the_rule_pages():
    from tf2lint.docs import render_rule_page
    from tf2lint.registry import rule_by_code

    for code in ("TF301", "TF302", "TF303", "TF304", "TF305"):
        page = render_rule_page(rule_by_code(code))
        assert "## TensorFlow versions" in page and "2.16" in page and "2.15" in page, code


def test_linear_estimators_map_to_keras2_models_only_below_216():
    source = "import tensorflow as tf\nm = tf.estimator.LinearClassifier(feature_columns=cols, n_classes=5)\n"
    assert "tf.compat.v1.keras.models.LinearModel(units=5)" in only(source, "TF302", TF215).replacement
    new = only(source, "TF302").replacement
    assert "LinearModel` exists only in Keras 2" in new and "tf.keras.layers.Dense(5)" in new


def test_wide_and_deep_maps_to_widedeepmodel_below_216():
    source = (
        "import tensorflow as tf\n"
        "m = tf.estimator.DNNLinearCombinedRegressor(linear_feature_columns=a, dnn_feature_columns=b, dnn_hidden_units=[4])\n"
    )
    assert "WideDeepModel(" in only(source, "TF302", TF215).replacement
    assert "tf.keras.layers.Add()" in only(source, "TF302").replacement


def test_keras2_only_metric_falls_back_on_keras3():
    source = "import tensorflow as tf\nerr = tf.metrics.mean_relative_error(y, p, normalizer=n)\n"
    assert "tf.keras.metrics.MeanRelativeError(normalizer=n)" in only(source, "TF307", TF215).replacement
    assert "tf.abs(y - p) / n" in only(source, "TF307").replacement


# ----- rendered replacements -------------------------------------------------------------------

RENDERED = [
    (
        "import tensorflow as tf\nacc = tf.metrics.accuracy(labels, preds)\n",
        "TF307",
        "`m = tf.keras.metrics.Accuracy(); m.update_state(labels, preds); m.result()`",
    ),
    (
        "import tensorflow as tf\nauc = tf.metrics.auc(y, p, weights=w, num_thresholds=50, curve='PR')\n",
        "TF307",
        "tf.keras.metrics.AUC(num_thresholds=50, curve='PR'); m.update_state(y, p, sample_weight=w)",
    ),
    (
        "import tensorflow as tf\nr = tf.metrics.recall_at_k(labels, logits, 5, class_id=3)\n",
        "TF307",
        "tf.keras.metrics.Recall(top_k=5, class_id=3)",
    ),
    (
        "import tensorflow as tf\nloss = tf.losses.sparse_softmax_cross_entropy(labels=y, logits=z)\n",
        "TF308",
        "`tf.keras.losses.SparseCategoricalCrossentropy(from_logits=True)(y, z)`",
    ),
    (
        "import tensorflow as tf\nloss = tf.losses.sigmoid_cross_entropy(y, z, label_smoothing=0.1)\n",
        "TF308",
        "BinaryCrossentropy(from_logits=True, label_smoothing=0.1)(y, z)",
    ),
    (
        "import tensorflow as tf\nloss = tf.losses.huber_loss(y, p, delta=2.0, reduction=tf.losses.Reduction.SUM)\n",
        "TF308",
        "tf.keras.losses.Huber(delta=2.0, reduction='sum')(y, p)",
    ),
    (
        "import tensorflow as tf\nclf = tf.estimator.DNNClassifier([64, 32], cols, n_classes=3)\n",
        "TF302",
        "tf.keras.layers.Dense(64, activation='relu'), tf.keras.layers.Dense(32, activation='relu'), tf.keras.layers.Dense(3)",
    ),
    (
        "import tensorflow as tf\nclf = tf.estimator.DNNClassifier(hidden_units=units, feature_columns=cols)\n",
        "TF302",
        "BinaryCrossentropy(from_logits=True)",
    ),
    ("import tensorflow as tf\nm = tf.estimator.BoostedTreesClassifier(cols, 1)\n", "TF302", "tfdf.keras.GradientBoostedTreesModel"),
    ("import tensorflow as tf\nm = tf.estimator.tpu.TPUEstimator(model_fn=f, train_batch_size=256)\n", "TF302", "steps_per_execution"),
    ("import tensorflow as tf\nh = tf.train.StopAtStepHook(num_steps=500)\n", "TF305", "steps_per_epoch=500"),
    ("import tensorflow as tf\nh = tf.train.CheckpointSaverHook('/ckpt', save_steps=100)\n", "TF305", "save_freq=100"),
    ("import tensorflow as tf\nh = tf.train.CheckpointSaverHook('/ckpt', save_steps=100)\n", "TF305", "BackupAndRestore(os.path"),
    (
        "import tensorflow as tf\nh = tf.train.SummarySaverHook(save_steps=10, output_dir='logs')\n",
        "TF305",
        "TensorBoard(log_dir='logs', update_freq=10)",
    ),
    ("import tensorflow as tf\nh = tf.train.ProfilerHook(save_steps=10, output_dir='p')\n", "TF305", "profile_batch="),
    ("import tensorflow as tf\nh = tf.train.LoggingTensorHook({'loss': l}, every_n_iter=20)\n", "TF305", "batch % 20 == 0"),
    (
        "import tensorflow as tf\nh = tf.estimator.experimental.stop_if_no_increase_hook(est, 'auc', 100)\n",
        "TF305",
        "tf.keras.callbacks.EarlyStopping(monitor='val_auc', mode='max'",
    ),
    (
        "import tensorflow as tf\ncfg = tf.estimator.RunConfig(model_dir='m', save_checkpoints_steps=50, save_summary_steps=5)\n",
        "TF303",
        "TensorBoard('m', update_freq=5)",
    ),
    (
        "import tensorflow as tf\nspec = tf.estimator.TrainSpec(input_fn=lambda: make('train'), max_steps=900)\n",
        "TF303",
        "`model.fit(make('train'), epochs=1, steps_per_epoch=900)`",
    ),
    (
        "import tensorflow as tf\nfn = tf.estimator.inputs.numpy_input_fn(x, y, batch_size=16, shuffle=False)\n",
        "TF301",
        "`tf.data.Dataset.from_tensor_slices((x, y)).batch(16)`",
    ),
]


@pytest.mark.parametrize("source,code,text", RENDERED)
def test_replacement_is_rendered_from_the_call(source, code, text):
    assert text in only(source, code).replacement


def test_v1_loss_replacement_explains_the_reduction_difference():
    plain = only("import tensorflow as tf\nl = tf.losses.mean_squared_error(labels=y, predictions=p)\n", "TF308")
    assert "SUM_BY_NONZERO_WEIGHTS" in plain.replacement and "SUM_OVER_BATCH_SIZE" in plain.replacement
    assert "without `weights` both average" in plain.replacement
    weighted = only("import tensorflow as tf\nl = tf.losses.absolute_difference(y, p, weights=mask)\n", "TF308")
    assert "sample_weight=mask" in weighted.replacement
    assert "with `weights=` the results differ" in weighted.replacement


def test_reduction_argument_is_part_of_the_loss_finding():
    source = "import tensorflow as tf\nl = tf.losses.log_loss(y, p, reduction=tf.losses.Reduction.MEAN)\n"
    found = findings(source)
    assert [f.code for f in found] == ["TF308"]
    assert "no MEAN reduction" in found[0].replacement


# ----- name lookup and look-alikes ------------------------------------------------------------


@pytest.mark.parametrize(
    "source",
    [
        "import tensorflow as tf\nr = tf.losses.get_regularization_loss()\n",
        "import tensorflow.compat.v1 as tf\nr = tf.losses.get_regularization_losses()\n",
        "from tensorflow.compat.v1.losses import get_regularization_loss\nr = get_regularization_loss()\n",
    ],
)
def test_regularization_loss_stays_with_tf207(source):
    codes = {f.code for f in findings(source)}
    assert "TF207" in codes and "TF308" not in codes


KERAS2_FUNCTIONS = [
    "import tensorflow as tf\nl = tf.losses.mean_squared_error(y, p)\n",
    "import tensorflow as tf\nm = tf.metrics.mean_absolute_error(y, p)\n",
    "import tensorflow as tf\nm = tf.metrics.mean_squared_error(y_true=y, y_pred=p)\n",
    "import tensorflow as tf\nmodel.compile(loss=tf.losses.mean_squared_error)\n",
    "import tensorflow as tf\nv1 = tf.compat.v1.summary.scalar('x', y)\nl = tf.losses.mean_squared_error(y, p)\n",
]


@pytest.mark.parametrize(
    "source, config",
    [
        *[(source, TF215) for source in KERAS2_FUNCTIONS],  # Keras 2 serves them: TF2 code
        ("import tensorflow as tf\nr = tf.losses.Reduction.SUM_OVER_BATCH_SIZE\n", None),
        ("import tensorflow as tf\nr = tf.losses.Reduction.NONE\n", TF215),
        ("import tensorflow as tf\nl = tf.compat.v2.losses.mean_squared_error(y, p)\nsess = tf.Session()\n", TF215),
        ("import tensorflow as tf\nm = tf.compat.v1.keras.metrics.Mean()\n", None),
        ("import tensorflow as tf\nm = tf.metrics.Mean()\nl = tf.losses.MeanSquaredError()(y, p)\n", None),
    ],
)
def test_keras_names_under_tf_metrics_and_losses_are_not_reported(source, config):
    assert not [f for f in findings(source, config) if f.code in ("TF307", "TF308")]


@pytest.mark.parametrize("source", KERAS2_FUNCTIONS)
def test_keras2_functions_are_reported_for_a_keras3_target(source):
    """TF 2.16+ (Keras 3) has no `tf.losses.mean_squared_error` / `tf.metrics.mean_*_error` (checked on
    TF 2.21.0): a TF2-looking module's call is Keras 2's per-example function, and fails there."""
    (found,) = [f for f in findings(source) if f.code in ("TF307", "TF308")]
    assert found.severity is Severity.ERROR
    assert "Keras 2's per-example function, which Keras 3 lacks (this line fails on TF 2.16 and later)" in found.message
    assert "(reduction='none')" in found.replacement
    assert [f.code for f in findings(source, Config(target_version=(2, 16))) if f.code[:4] == "TF30"] == [found.code]


def test_keras2_function_spelled_compat_v2_is_keras_in_every_module():
    source = "import tensorflow as tf\nsess = tf.Session()\nl = tf.compat.v2.losses.mean_squared_error(y, p)\n"
    found = only(source, "TF308")  # TF 2.21 has no `tf.compat.v2.losses.mean_squared_error` either
    assert "Keras 2's per-example function" in found.message and "(y, p)" in found.replacement


def test_keras2_function_replacement_is_rendered_from_the_call():
    found = only("import tensorflow as tf\nm = tf.metrics.mean_absolute_error(y_true=labels, y_pred=out)\n", "TF307")
    assert found.replacement.startswith("`tf.keras.losses.MeanAbsoluteError(reduction='none')(labels, out)`")
    ref = only("import tensorflow as tf\nmodel.compile(loss=tf.losses.mean_squared_error)\n", "TF308")
    assert ref.replacement.startswith("`tf.keras.losses.MeanSquaredError(reduction='none')`, a loss object")
    assert "`tf.keras.losses.MeanSquaredError()`" in ref.replacement


def test_the_same_name_in_a_tf1_module_is_the_v1_function_on_every_target():
    source = "import tensorflow as tf\nl = tf.losses.mean_squared_error(y, p)\nx = tf.placeholder(tf.float32)\n"
    for config in (TF215, None):
        found = only(source, "TF308", config)
        assert found.message.startswith("`tf.losses.mean_squared_error` is a v1 loss")
        assert found.replacement.startswith("`tf.keras.losses.MeanSquaredError()(y, p)`")


def test_evidence_is_read_once_for_every_same_name_call():
    """A Keras 2 reading reported for one call is no TF1 evidence for the next one, and evidence a
    later deferred check finds (a contrib use) counts for an earlier call."""
    tf2 = "import tensorflow as tf\na = tf.metrics.mean_squared_error(y, p)\nb = tf.losses.mean_squared_error(y, p)\n"
    assert [f.message.split(" is ")[1][:9] for f in findings(tf2)] == ["Keras 2's", "Keras 2's"]
    tf1 = "import tensorflow as tf\na = tf.losses.mean_squared_error(y, p)\nb = tf.contrib.layers.flatten(x)\n"
    assert only(tf1, "TF308").message.startswith("`tf.losses.mean_squared_error` is a v1 loss")
    assert only(tf1, "TF308", TF215).message.startswith("`tf.losses.mean_squared_error` is a v1 loss")


@pytest.mark.parametrize(
    "source",
    [
        "import tensorflow as tf\nx = tf.placeholder(tf.float32)\nl = tf.losses.mean_squared_error(y, x)\n",
        "import tensorflow as tf\nl = tf.losses.mean_squared_error(y, p, weights=w)\n",
        "import tensorflow.compat.v1 as tf\nl = tf.losses.mean_squared_error(y, p)\n",
    ],
)
def test_shared_name_is_reported_with_tf1_evidence(source):
    assert [f.code for f in findings(source) if f.code == "TF308"] == ["TF308"]


def test_estimator_methods_need_estimator_evidence():
    unrelated = "import tensorflow as tf\nmodel.predict(x)\nrunner.train(dataset, steps=3)\nclf.evaluate(x, y)\n"
    assert findings(unrelated) == []
    source = "import tensorflow as tf\nresult = est.predict(eval_input_fn)\nest.evaluate(input_fn=f, checkpoint_path=c)\n"
    assert [f.code for f in findings(source)] == ["TF301", "TF301"]
    assert "model.predict(eval_input_fn())" in findings(source)[0].replacement


def test_tensorflow_estimator_package_import_is_reported():
    source = "import tensorflow as tf\nfrom tensorflow_estimator.python.estimator import estimator as est_lib\n"
    found = only(source, "TF301")
    assert found.start.row == 2 and "tensorflow_estimator" in found.message


def test_alias_of_the_estimator_module_resolves():
    source = "import tensorflow as tf\nest_lib = tf.estimator\nspec = est_lib.EstimatorSpec(mode, loss=l)\n"
    rows = [(f.start.row, f.code) for f in findings(source)]
    assert (3, "TF301") in rows


def test_hook_arguments_on_their_own_line_are_reported():
    source = (
        "import tensorflow as tf\n"
        "spec = tf.estimator.EstimatorSpec(mode, loss=l,\n"
        "                                  training_hooks=[hook])\n"
        "one_line = tf.estimator.TrainSpec(input_fn=f, hooks=hooks)\n"
    )
    rows = [(f.start.row, f.code) for f in findings(source)]
    assert rows == [(2, "TF301"), (3, "TF305"), (4, "TF303")]
    assert "callbacks=[...]" in findings(source)[1].replacement


def test_private_module_paths_are_warnings():
    source = "from tensorflow.python.training import training_util\nstep = training_util.get_or_create_global_step()\n"
    found = only(source, "TF306")
    assert found.severity is Severity.WARNING and "private TensorFlow module" in found.message
