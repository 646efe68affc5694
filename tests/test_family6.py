"""tf.contrib (TF601, TF602): destinations, rendered replacements, import fallbacks."""

import pytest

from tests.conftest import run_cli
from tf2lint.config import Config
from tf2lint.data import contrib as data
from tf2lint.engine import lint_source
from tf2lint.finding import Severity
from tf2lint.fix.loop import fix_text
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
        ("tf.contrib.layers.l2_regularizer(0.1)", "`tf.keras.regularizers.L2(0.05)` (0.5 * 0.1)"),
        ("tf.contrib.layers.l2_regularizer(scale=1e-4)", "`tf.keras.regularizers.L2(l2=5e-05)` (0.5 * 1e-4)"),
        ("tf.contrib.layers.l2_regularizer(wd)", "`tf.keras.regularizers.L2(0.5 * wd)`"),
        ("tf.contrib.layers.l2_regularizer(a + b)", "`tf.keras.regularizers.L2(0.5 * (a + b))`"),
        ("tf.contrib.layers.l1_regularizer(0.1)", "`tf.keras.regularizers.L1(0.1)`"),
        ("tf.contrib.layers.l1_l2_regularizer(0.01, 0.02)", "`tf.keras.regularizers.L1L2(l1=0.01, l2=0.01)`"),
        ("tf.contrib.layers.xavier_initializer()", "`tf.keras.initializers.GlorotUniform()`"),
        ("tf.contrib.layers.xavier_initializer(uniform=False, seed=3)", "`tf.keras.initializers.GlorotNormal(seed=3)`"),
        ("tf.contrib.layers.xavier_initializer(uniform=u)",
         "`tf.keras.initializers.VarianceScaling(1.0, 'fan_avg', 'uniform' if u else 'truncated_normal')`"),
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
        ("contrib.layers.python.layers.initializers.xavier_initializer", "`tf.keras.initializers.GlorotUniform()`"),
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


# ----- the regularizer and Xavier initializer fixes (unsafe) ------------------------------------------


def fixed(source, unsafe=True):
    return fix_text(source, "model.py", Config(select=("TF6",)), unsafe=unsafe).source


@pytest.mark.parametrize(
    "call, expected",
    [
        ("tf.contrib.layers.l2_regularizer(0.1)", "tf.keras.regularizers.L2(0.05)"),
        ("tf.contrib.layers.l2_regularizer(scale=1e-4)", "tf.keras.regularizers.L2(l2=5e-05)"),
        ("tf.contrib.layers.l2_regularizer(-0.2)", "tf.keras.regularizers.L2(-0.1)"),
        ("tf.contrib.layers.l2_regularizer(wd)", "tf.keras.regularizers.L2(0.5 * wd)"),
        ("tf.contrib.layers.l2_regularizer(FLAGS.wd, scope='reg')", "tf.keras.regularizers.L2(0.5 * FLAGS.wd)"),
        ("tf.contrib.layers.l2_regularizer(scope='reg', scale=a + b)", "tf.keras.regularizers.L2(l2=0.5 * (a + b))"),
        ("tf.contrib.layers.l2_regularizer(tf.to_float(s))", "tf.keras.regularizers.L2(0.5 * tf.cast(s, tf.float32))"),
        ("tf.contrib.layers.l2_regularizer(\n    0.1,  # weight decay\n)", "tf.keras.regularizers.L2(\n    0.05,  # weight decay\n)"),
        ("tf.contrib.layers.l1_regularizer(0.1)", "tf.keras.regularizers.L1(0.1)"),
        ("tf.contrib.layers.l1_regularizer(scale=s, scope='l1')", "tf.keras.regularizers.L1(l1=s)"),
        ("tf.contrib.layers.xavier_initializer()", "tf.keras.initializers.GlorotUniform()"),
        ("tf.contrib.layers.xavier_initializer(uniform=True)", "tf.keras.initializers.GlorotUniform()"),
        ("tf.contrib.layers.xavier_initializer(uniform=False)", "tf.keras.initializers.GlorotNormal()"),
        ("tf.contrib.layers.xavier_initializer(False, 3)", "tf.keras.initializers.GlorotNormal(seed=3)"),
        ("tf.contrib.layers.xavier_initializer(seed=SEED, uniform=False)", "tf.keras.initializers.GlorotNormal(seed=SEED)"),
        ("tf.contrib.layers.xavier_initializer(dtype=tf.float32)", "tf.keras.initializers.GlorotUniform()"),
        ("tf.contrib.layers.xavier_initializer_conv2d(seed=1)", "tf.keras.initializers.GlorotUniform(seed=1)"),
        ("tf.contrib.layers.python.layers.initializers.xavier_initializer()", "tf.keras.initializers.GlorotUniform()"),
    ],
)
def test_unsafe_fix_writes_the_keras_call(call, expected):
    source = f"import tensorflow as tf\nx = {call}\n"
    finding = use(call)
    assert finding.fix is not None and finding.fix.applicability == "unsafe"
    if "\n" not in expected:  # (the advice shows a call that spans lines on one line, without comments)
        assert finding.replacement.startswith(f"`{expected}`")
    assert fixed(source) == f"import tensorflow as tf\nx = {expected}\n"
    assert fixed(source, unsafe=False) == source  # safe mode leaves it alone


def test_dropped_scope_and_folded_scale_are_said_in_the_advice():
    text = use("tf.contrib.layers.l2_regularizer(0.1, scope='reg')").replacement
    assert text.startswith("`tf.keras.regularizers.L2(0.05)` (0.5 * 0.1): Keras `L2(x)` is `x * sum(w**2)`")
    assert text.endswith("`scope='reg'` is dropped: it only named the penalty's ops, and Keras regularizers take no name scope.")


@pytest.mark.parametrize(
    "prelude, call, expected",
    [
        ("import tensorflow as tf\nfrom tensorflow.contrib.layers import xavier_initializer\n",
         "xavier_initializer(uniform=False)", "tf.keras.initializers.GlorotNormal()"),
        ("import tensorflow as tf\nfrom tensorflow.contrib import layers\n", "layers.l2_regularizer(0.2)",
         "tf.keras.regularizers.L2(0.1)"),
        ("import tensorflow as tf\nimport tensorflow.contrib.layers as contrib_layers\n", "contrib_layers.l1_regularizer(0.2)",
         "tf.keras.regularizers.L1(0.2)"),
        ("import tensorflow as tensorflow_v2\ncontrib = tensorflow_v2.contrib\n", "contrib.layers.l2_regularizer(0.2)",
         "tensorflow_v2.keras.regularizers.L2(0.1)"),
    ],
)
def test_fix_through_import_forms_spells_from_the_tensorflow_alias(prelude, call, expected):
    source = f"{prelude}x = {call}\n"
    assert fixed(source) == f"{prelude}x = {expected}\n"  # the contrib import stays TF601's to remove


@pytest.mark.parametrize(
    "source, why",
    [
        ("import tensorflow.contrib.slim as slim\nimport tensorflow as tf\nx = slim.l2_regularizer(0.1)\n", "tf_slim keeps it"),
        ("import tensorflow.compat.v1 as tf\nx = tf.contrib.layers.xavier_initializer()\n", "compat.v1 alias"),
        ("from tensorflow.contrib.layers import l2_regularizer\nx = l2_regularizer(0.1)\n", "no tensorflow alias"),
        ("import tensorflow as tf\nx = tf.contrib.layers.xavier_initializer(dtype=tf.float64)\n", "another dtype"),
        ("import tensorflow as tf\nx = tf.contrib.layers.xavier_initializer(uniform=flag)\n", "computed uniform"),
        ("import tensorflow as tf\nx = tf.contrib.layers.l2_regularizer(1)\n", "contrib refused an int"),
        ("import tensorflow as tf\nx = tf.contrib.layers.l2_regularizer(*args)\n", "unpacked arguments"),
        ("import tensorflow as tf\nx = tf.contrib.layers.l2_regularizer(0.1, 'reg', 3)\n", "more arguments than contrib took"),
        ("import tensorflow as tf\nx = tf.contrib.layers.l1_l2_regularizer(0.1, 0.2)\n", "not covered"),
    ],
)
def test_no_fix_where_the_call_cannot_be_ported_mechanically(source, why):
    found = [f for f in lint(source) if f.code == "TF602"]
    assert len(found) == 1 and found[0].fix is None, why
    assert fixed(source) == source


def test_advice_without_a_fix_still_renders_the_call():
    assert use("tf.contrib.layers.xavier_initializer(seed=2, dtype=tf.float64)").replacement.startswith(
        "`tf.keras.initializers.GlorotUniform(seed=2)`: the distribution of contrib's `xavier_initializer()`"
    )
    slim = use("slim.l2_regularizer(0.1)", "import tensorflow.contrib.slim as slim\nimport tensorflow as tf\n")
    assert "In Keras: `tf.keras.regularizers.L2(0.05)` (0.5 * 0.1)" in slim.replacement


def test_fix_through_the_command(tmp_path):
    source = "import tensorflow as tf\nreg = tf.contrib.layers.l2_regularizer(0.1)\n"
    path = tmp_path / "model.py"
    path.write_text(source)
    safe = run_cli("check", "--isolated", "--no-cache", "--fix", "model.py", cwd=tmp_path)
    assert safe.returncode == 1 and path.read_text() == source
    assert "(1 more with --unsafe-fixes)" in safe.stdout
    unsafe = run_cli("check", "--isolated", "--no-cache", "--fix", "--unsafe-fixes", "model.py", cwd=tmp_path)
    assert unsafe.returncode == 0, unsafe.stdout
    assert path.read_text() == "import tensorflow as tf\nreg = tf.keras.regularizers.L2(0.05)\n"
