"""tf.contrib (TF601, TF602): destinations, rendered replacements, import fallbacks."""

import pytest

from tf2lint.config import Config
from tf2lint.data import contrib as data
from tf2lint.engine import lint_source
from tf2lint.finding import Severity
from tf2lint.rules.tf6_contrib import destination


def lint(source):
    return lint_source(source, "model.py", Config(select=("TF6",)))


def codes(source):
    return [(f.start.row, f.code) for f in lint(source)]


def use(call, prelude="import tensorflow as tf\n"):
    findings = [f for f in lint(prelude + f"x = {call}\n") if f.code == "TF602"]
    assert len(findings) == 1, [(f.code, f.message) for f in findings]
    return findings[0]


@pytest.mark.parametrize(
    "call, expected",
    [
        ("tf.contrib.layers.l2_regularizer(0.1)", "`tf.keras.regularizers.l2(0.05)` (0.5 * 0.1)"),
        ("tf.contrib.layers.l2_regularizer(scale=1e-4)", "`tf.keras.regularizers.l2(5e-05)`"),
        ("tf.contrib.layers.l2_regularizer(wd)", "`tf.keras.regularizers.l2(0.5 * wd)`"),
        ("tf.contrib.layers.l2_regularizer(a + b)", "`tf.keras.regularizers.l2(0.5 * (a + b))`"),
        ("tf.contrib.layers.l1_regularizer(0.1)", "`tf.keras.regularizers.l1(0.1)`"),
        ("tf.contrib.layers.l1_l2_regularizer(0.01, 0.02)", "`tf.keras.regularizers.L1L2(l1=0.01, l2=0.01)`"),
        ("tf.contrib.layers.xavier_initializer()", "`tf.keras.initializers.VarianceScaling(1.0, 'fan_avg', 'uniform')`"),
        ("tf.contrib.layers.xavier_initializer(uniform=False, seed=3)",
         "`tf.keras.initializers.VarianceScaling(1.0, 'fan_avg', 'truncated_normal', seed=3)`"),
        ("tf.contrib.layers.variance_scaling_initializer()",
         "`tf.keras.initializers.VarianceScaling(scale=2.0, mode='fan_in', distribution='truncated_normal')`"),
        ("tf.contrib.layers.variance_scaling_initializer(factor=1.0, mode='FAN_AVG', uniform=True)",
         "`tf.keras.initializers.VarianceScaling(scale=1.0, mode='fan_avg', distribution='uniform')`"),
        ("tf.contrib.layers.fully_connected(x, 10)", "`tf.keras.layers.Dense(10, activation='relu')`"),
        ("tf.contrib.layers.fully_connected(x, 10, activation_fn=None)", "`tf.keras.layers.Dense(10)`"),
        ("tf.contrib.layers.conv2d(x, 32, [3, 3], stride=2, padding='VALID')",
         "`tf.keras.layers.Conv2D(32, [3, 3], strides=2, padding='valid', activation='relu')`"),
        ("tf.contrib.layers.max_pool2d(x, [2, 2])", "`tf.keras.layers.MaxPooling2D(pool_size=[2, 2], strides=2)`"),
        ("tf.contrib.layers.dropout(x, keep_prob=0.8)", "`tf.keras.layers.Dropout(rate=0.2)`"),
        ("tf.contrib.layers.batch_norm(x, decay=0.9, is_training=train)",
         "`tf.keras.layers.BatchNormalization(momentum=0.9, epsilon=0.001, scale=False)` called with `training=train`"),
        ("tf.contrib.layers.layer_norm(x)", "`tf.keras.layers.LayerNormalization(epsilon=1e-12)(x)`"),
        ("tf.contrib.layers.instance_norm(x)", "`tf.keras.layers.GroupNormalization(groups=-1, epsilon=1e-6)(x)`"),
        ("tf.contrib.rnn.GRUCell(64)", "`tf.keras.layers.RNN(tf.keras.layers.GRUCell(64, reset_after=False))`"),
        ("tf.contrib.rnn.MultiRNNCell(cells)", "`tf.keras.layers.StackedRNNCells("),
        ("tf.contrib.training.HParams(batch_size=32, lr=0.1)", "`types.SimpleNamespace(batch_size=32, lr=0.1)`"),
        ("tf.contrib.opt.AdaMaxOptimizer(0.002, beta1=0.8)",
         "`tf.keras.optimizers.Adamax(learning_rate=0.002, beta_1=0.8, epsilon=1e-08)`"),
        ("tf.contrib.opt.NadamOptimizer(learning_rate=lr, epsilon=1e-7)",
         "`tf.keras.optimizers.Nadam(learning_rate=lr, epsilon=1e-7)`"),
        ("tf.contrib.opt.AdamWOptimizer(1e-4, learning_rate=1e-3)",
         "`tf.keras.optimizers.AdamW(learning_rate=1e-3, weight_decay=0.1, epsilon=1e-08)`"),
        ("tf.contrib.opt.AdamWOptimizer(wd)", "weight_decay=wd / 0.001"),
        ("tf.contrib.framework.nest.map_structure(f, s)", "`tf.nest.map_structure`"),
        ("tf.contrib.framework.nest.is_sequence(s)", "`tf.nest.is_nested(x)`"),
        ("tf.contrib.keras.layers.Dense(3)", "`tf.keras.layers.Dense`"),
        ("tf.contrib.distribute.CollectiveAllReduceStrategy()", "`tf.distribute.MultiWorkerMirroredStrategy()`"),
        ("tf.contrib.crf.crf_decode(a, b, c)", "end-of-life"),
        ("tf.contrib.kafka.KafkaDataset(t)", "TensorFlow I/O"),
    ],
)
def test_destination_rendered_from_the_call(call, expected):
    assert expected in use(call).replacement


def test_slim_layers_offer_tf_slim_and_keras():
    finding = use("slim.conv2d(images, 64, [3, 3])", "import tensorflow.contrib.slim as slim\n")
    assert finding.replacement.startswith("Unchanged: `slim.conv2d` after `pip install tf_slim`")
    assert "`tf.keras.layers.Conv2D(64, [3, 3], padding='same', activation='relu')`" in finding.replacement


@pytest.mark.parametrize(
    "name, expected",
    [
        ("contrib.layers.python.layers.initializers.xavier_initializer", "VarianceScaling(1.0, 'fan_avg', 'uniform')"),
        ("contrib.slim.python.slim.nets.resnet_v1.resnet_v1_50", "`tf.keras.applications`"),
        ("contrib.slim.metrics.accuracy", "`tf.keras.metrics.Accuracy()`"),
        ("contrib.rnn.python.ops.core_rnn.static_rnn", "`tf.keras.layers.RNN(cell, unroll=True)`"),
        ("contrib.opt.LazyAdamOptimizer", "TF Addons, which is end-of-life"),
        ("contrib.learn", "Keras model trained on a `tf.data` pipeline"),
        ("contrib.not_a_module", data.DEFAULT),
        ("contrib", data.DEFAULT),
    ],
)
def test_destination_table_lookup(name, expected):
    assert expected in destination(name)[2]


def test_every_import_form_is_reported_at_the_import():
    source = (
        "import tensorflow.contrib.slim as slim\n"
        "from tensorflow.contrib import layers\n"
        "from tensorflow.contrib.layers import xavier_initializer\n"
        "import tensorflow.contrib\n"
        "from tensorflow import contrib\n"
        "from tensorflow.compat.v1 import contrib as v1_contrib\n"
    )
    assert codes(source) == [(row, "TF601") for row in range(1, 7)]


def test_slim_import_names_the_users_alias():
    finding = lint("from tensorflow.contrib import slim as contrib_slim\n")[0]
    assert "`import tf_slim as contrib_slim`" in finding.replacement


def test_uses_through_every_binding_form():
    source = (
        "import tensorflow.contrib\n"  # binds `tensorflow`
        "from tensorflow.contrib.layers import xavier_initializer\n"
        "import tensorflow.compat.v1 as tf\n"
        "a = tensorflow.contrib.layers.flatten(x)\n"
        "b = xavier_initializer()\n"
        "c = tf.contrib.layers.flatten(x)\n"
        "layers = tf.contrib.layers\n"
        "d = layers.flatten(x)\n"
    )
    assert codes(source) == [(1, "TF601"), (2, "TF601"), (4, "TF602"), (5, "TF602"), (6, "TF602"), (7, "TF602"), (8, "TF602")]


def test_contrib_is_an_error_even_through_compat_v1():
    finding = use("tf.contrib.layers.flatten(x)", "import tensorflow.compat.v1 as tf\n")
    assert finding.severity is Severity.ERROR
    assert "tf.compat.v1 included" in finding.message


def test_import_fallback_keeps_the_uses_quiet_and_warns_at_the_import():
    source = (
        "try:\n"
        "    from tensorflow.contrib import slim\n"
        "except ImportError:\n"
        "    import tf_slim as slim\n"
        "net = slim.conv2d(x, 32, [3, 3])\n"
        "def f():\n"
        "    return slim.flatten(x)\n"
    )
    findings = lint(source)
    assert [(f.start.row, f.code, f.severity) for f in findings] == [(2, "TF601", Severity.WARNING)]


def test_reverse_fallback_order_is_recognized():
    source = (
        "try:\n"
        "    import tf_slim as slim\n"
        "except ImportError:\n"
        "    import tensorflow.contrib.slim as slim\n"
        "net = slim.conv2d(x, 32, [3, 3])\n"
    )
    assert codes(source) == [(4, "TF601")]


def test_a_none_fallback_is_no_replacement():
    source = (
        "try:\n"
        "    from tensorflow.contrib import cudnn_rnn\n"
        "except ImportError:\n"
        "    cudnn_rnn = None\n"
        "if cudnn_rnn is not None:\n"
        "    lstm = cudnn_rnn.CudnnLSTM(1, 128)\n"
    )
    findings = lint(source)
    assert [(f.start.row, f.code) for f in findings] == [(2, "TF601"), (6, "TF602")]
    assert all(f.severity is Severity.ERROR for f in findings)


def test_code_under_hasattr_contrib_runs_only_on_tf1():
    source = (
        "import tensorflow as tf\n"
        "if hasattr(tf, 'contrib'):\n"
        "    reg = tf.contrib.layers.l2_regularizer(0.1)\n"
        "reg2 = tf.contrib.layers.l2_regularizer(0.1)\n"
    )
    assert codes(source) == [(4, "TF602")]


def test_hasattr_guard_does_not_silence_other_families():
    source = "import tensorflow as tf\nif hasattr(tf, 'contrib'):\n    s = tf.Session()\n"
    found = lint_source(source, "m.py", Config())
    assert [f.code for f in found] == ["TF101"]


def test_tf_slim_and_user_modules_named_contrib_are_never_reported():
    source = (
        "import tensorflow as tf\n"
        "import tf_slim as slim\n"
        "from mypkg import contrib\n"
        "from mypkg.contrib import layers\n"
        "net = slim.conv2d(x, 32, [3, 3])\n"
        "reg = contrib.layers.l2_regularizer(0.1)\n"
        "y = layers.flatten(x)\n"
        "has = hasattr(tf, 'contrib')\n"
    )
    assert lint(source) == []


def test_tables_are_consistent():
    assert set(data.SYMBOLS) <= set(data.SUBMODULES)
    for source, targets in data.ALSO_SEARCH.items():
        assert source in data.SUBMODULES and set(targets) <= set(data.SYMBOLS)
    for key in data.RENAMED_MODULES:
        assert key.split(".")[0] in data.SUBMODULES
    assert all(text.strip() for table in data.SYMBOLS.values() for text in table.values())
