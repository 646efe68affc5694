"""Every TF1-only name is reported; no TF2 name is reported as removed or renamed."""

import pytest

from tf2lint.config import Config
from tf2lint.data import symbols as routes
from tf2lint.data.generated import tf2_names, v1_symbols
from tf2lint.data.symbols import MIGRATION_TOOLS
from tf2lint.engine import lint_source
from tf2lint.registry import all_rules
from tf2lint.rules.tf9_symbols import SymbolRule, idiom_names

CONFIG = Config()
TF1_ONLY = sorted(v1_symbols.RENAMED.keys() | v1_symbols.REMOVED | v1_symbols.REMOVED_MODULES | routes.EXTRA_REMOVED)
SYMBOL_CODES = ("TF901", "TF902", "TF905")


def _findings_at_reference(name: str, source: str, row: int, col: int):
    return [f for f in lint_source(source, "example.py", CONFIG) if (f.start.row, f.start.col) == (row, col)]


# Keras 2 serves these names under tf.* too: with a TF <= 2.15 target, family 3 reports them only with TF1
# evidence; Keras 3 (the default target) lacks them, so here they are reported like every other.
KERAS2_SAME_NAME = {"losses.mean_squared_error", "metrics.mean_absolute_error", "metrics.mean_squared_error"}


@pytest.mark.parametrize("name", [n for n in TF1_ONLY if n not in MIGRATION_TOOLS])
def test_every_tf1_only_name_is_reported(name):
    """Each name of TensorFlow's rename table (and the live TF1 namespace) that TF2 lacks under
    that spelling is reported where it is used through `import tensorflow as tf`."""
    findings = _findings_at_reference(name, f"import tensorflow as tf\nvalue = tf.{name}\n", 2, 8)
    assert findings, f"tf.{name} is not reported"
    assert all(not f.code.startswith("TF0") for f in findings), findings


def test_tf2_names_are_never_reported_as_removed_or_renamed():
    reported = []
    for name in sorted(tf2_names.TF2_NAMES):
        source = f"import tensorflow as tf\nvalue = tf.{name}\n"
        codes = [f.code for f in lint_source(source, "example.py", CONFIG) if f.code.startswith(SYMBOL_CODES)]
        if codes:
            reported.append((name, codes))
    assert reported == []


def test_tf2_calls_under_their_tf2_spelling_are_quiet():
    source = (
        "import tensorflow as tf\n"
        "v = tf.Variable(1.0)\n"
        "@tf.function\n"
        "def f(x):\n"
        "    with tf.name_scope('block'):\n"
        "        y = tf.nn.dropout(x, 0.5)\n"
        "        z = tf.where(x > 0, x, y)\n"
        "        p = tf.random.poisson([3], 1.5)\n"
        "        i = tf.argmax(z, 1, tf.int32)\n"
        "        s = tf.reduce_sum(z, axis=1, keepdims=True)\n"
        "        tf.debugging.assert_equal(i, i, message='same')\n"
        "    return tf.math.log(s) + tf.cast(p, tf.float32)\n"
        "init = tf.constant_initializer(0.1)\n"
        "loaded = tf.saved_model.load('/tmp/model')\n"
        "tf.io.gfile.makedirs('/tmp/x')\n"
    )
    assert lint_source(source, "example.py", Config(extend_select=("TF990",))) == []


def test_family9_never_registers_below_an_idiom_rule():
    """The engine dispatches a name to the rules of its longest key; a family-9 key below an
    idiom rule's key would keep the idiom rule from running. (An idiom rule's own key, which
    family 9 shares so that both run on the same node, hides nothing.)"""
    idioms = idiom_names()
    for cls in all_rules():
        if issubclass(cls, SymbolRule):
            cls()  # binds the dispatch keys
            for key in cls.names:
                if key in idioms:
                    continue
                parts = key.split(".")
                below = [".".join(parts[:i]) for i in range(1, len(parts)) if ".".join(parts[:i]) in idioms]
                assert not below, (cls.code, key, below)


@pytest.mark.parametrize(
    "source,code",
    [
        ("import tensorflow as tf\ntf.set_random_seed(1)\n", "TF109"),
        ("import tensorflow as tf\nx = tf.placeholder(tf.float32)\n", "TF102"),
        ("import tensorflow as tf\ny = tf.layers.dense(x, 3)\n", "TF205"),
        ("import tensorflow as tf\nk = tf.GraphKeys.UPDATE_OPS\n", "TF203"),
        ("import tensorflow as tf\ns = tf.Session()\n", "TF101"),
        ("import tensorflow as tf\nw = tf.get_variable('w', [3])\n", "TF201"),
        ("import tensorflow.compat.v1 as tf\nw = tf.trainable_variables()\n", "TF204"),
    ],
)
def test_an_idiom_rule_wins_over_the_generic_rule(source, code):
    findings = [(f.start.row, f.code) for f in lint_source(source, "example.py", CONFIG)]
    assert findings == [(2, code)]


@pytest.mark.parametrize("name", sorted(KERAS2_SAME_NAME))
def test_keras2_names_are_quiet_for_a_keras2_target_without_tf1_evidence(name):
    keras2 = Config(target_version=(2, 15))
    assert lint_source(f"import tensorflow as tf\nvalue = tf.{name}\n", "example.py", keras2) == []
    tf1 = lint_source(f"import tensorflow as tf\nsess = tf.Session()\nvalue = tf.{name}\n", "example.py", keras2)
    assert [f.code for f in tf1 if f.start.row == 3] == ["TF308" if name.startswith("losses") else "TF307"]
