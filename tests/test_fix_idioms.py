"""Families 1-8: replacements rendered from the user's call keep every argument, name only APIs TF 2.21
has, map each TF1 idiom to its own TF2 counterpart, and their fixes write the same code."""

import ast
import glob
import json
import math
import os
import re
import subprocess

import pytest

from tests.conftest import tensorflow_python
from tf2lint.config import Config
from tf2lint.engine import lint_source
from tf2lint.finding import Severity
from tf2lint.fix.edits import apply_fixes
from tf2lint.names import exists_in_tf2
from tf2lint.registry import all_rules
from tf2lint.rules.render import names_in

from .conftest import FIXTURES, ROOT


def lint(source, target=None):
    config = Config(target_version=target) if target else Config()
    return lint_source(source, "example.py", config)


def only(source, code, target=None):
    found = [f for f in lint(source, target) if f.code == code]
    assert len(found) == 1, [(f.code, f.start, f.message) for f in lint(source, target)]
    return found[0]


def fixed(source, *codes):
    """``source`` with the fixes of the findings of ``codes`` applied (one pass)."""
    fixes = [f.fix for f in lint(source) if f.code in codes and f.fix is not None and f.fix.applicable]
    return apply_fixes(source, fixes)[0]


# ----- optimizers (TF701) --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "call, keras",
    [
        (
            "tf.train.AdamOptimizer(0.1, 0.8, 0.99, 1e-6, False, 'adam')",
            "tf.keras.optimizers.Adam(learning_rate=0.1, beta_1=0.8, beta_2=0.99, epsilon=1e-6, name='adam')",
        ),
        (
            "tf.train.RMSPropOptimizer(lr, decay=0.95, momentum=0.9, centered=True)",
            "tf.keras.optimizers.RMSprop(learning_rate=lr, rho=0.95, momentum=0.9, centered=True, epsilon=1e-10)",
        ),
        ("tf.train.AdagradOptimizer(0.1)", "tf.keras.optimizers.Adagrad(learning_rate=0.1, epsilon=0.0)"),
        ("tf.train.AdadeltaOptimizer()", "tf.keras.optimizers.Adadelta(epsilon=1e-8)"),
        (
            "tf.train.FtrlOptimizer(0.1, -0.5, 0.1, 0.01, 0.02, l2_shrinkage_regularization_strength=0.1, beta=0.5)",
            "tf.keras.optimizers.Ftrl(learning_rate=0.1, learning_rate_power=-0.5, initial_accumulator_value=0.1, "
            "l1_regularization_strength=0.01, l2_regularization_strength=0.02, "
            "l2_shrinkage_regularization_strength=0.1, beta=0.5)",
        ),
    ],
)
def test_optimizer_fix_keeps_every_argument_and_pins_tf1_defaults(call, keras):
    source = f"import tensorflow as tf\nopt = {call}\n"
    finding = only(source, "TF701")
    assert finding.fix is not None and finding.fix.applicability == "unsafe"
    assert fixed(source, "TF701") == f"import tensorflow as tf\nopt = {keras}\n"
    assert finding.replacement.startswith(f"`{keras}`.")


def test_optimizer_fix_is_only_shown_where_the_module_calls_minimize():
    source = "import tensorflow as tf\nopt = tf.train.AdamOptimizer(0.1)\nop = opt.minimize(loss)\n"
    finding = only(source, "TF701")
    assert finding.fix is not None and finding.fix.applicability == "display-only"
    assert finding.replacement.startswith("`tf.keras.optimizers.Adam(learning_rate=0.1, epsilon=1e-8)`")


def test_optimizer_under_a_compat_v1_alias_keeps_the_alias():
    source = "import tensorflow.compat.v1 as tf\nopt = tf.train.GradientDescentOptimizer(0.5, use_locking=True)\n"
    assert fixed(source, "TF701") == "import tensorflow.compat.v1 as tf\nopt = tf.keras.optimizers.SGD(learning_rate=0.5)\n"
    assert "`use_locking=True` is dropped" in only(source, "TF701").replacement


# ----- schedules (TF703) ---------------------------------------------------------------------------


def test_schedule_fix_drops_the_step_and_a_none_name():
    source = "import tensorflow as tf\nlr = tf.train.polynomial_decay(0.1, step, 100, 0.001, name=None)\n"
    assert fixed(source, "TF703") == (
        "import tensorflow as tf\n"
        "lr = tf.keras.optimizers.schedules.PolynomialDecay(0.1, decay_steps=100, end_learning_rate=0.001)\n"
    )
    text = only(source, "TF703").replacement
    assert "`global_step=step` is dropped" in text and "`name=None` is dropped" in text


def test_schedules_without_a_keras_class_have_no_fix():
    assert only("import tensorflow as tf\nlr = tf.train.linear_cosine_decay(0.1, step, 100)\n", "TF703").fix is None


# ----- initializers (TF901 through the shared initializer renderer) ---------------------------------


@pytest.mark.parametrize(
    "call, tf2",
    [
        ("tf.truncated_normal_initializer(stddev=0.02)", "tf.keras.initializers.TruncatedNormal(stddev=0.02)"),
        ("tf.truncated_normal_initializer()", "tf.keras.initializers.TruncatedNormal(stddev=1.0)"),
        ("tf.truncated_normal_initializer(0.0, 0.1, 42)", "tf.keras.initializers.TruncatedNormal(0.0, 0.1, 42)"),
        (
            "tf.uniform_unit_scaling_initializer(1.43, seed=3)",
            'tf.keras.initializers.VarianceScaling(scale=1.43 ** 2, seed=3, mode="fan_in", distribution="uniform")',
        ),
        (
            "tf.uniform_unit_scaling_initializer(factor=a + b)",
            'tf.keras.initializers.VarianceScaling(scale=(a + b) ** 2, mode="fan_in", distribution="uniform")',
        ),
        (
            "tf.variance_scaling_initializer(2.0, 'fan_out', distribution='normal', seed=1)",
            "tf.keras.initializers.VarianceScaling(2.0, 'fan_out', distribution=\"truncated_normal\", seed=1)",
        ),
        ("tf.glorot_normal_initializer(seed=7, dtype=tf.float32)", "tf.keras.initializers.GlorotNormal(seed=7)"),
        ("tf.orthogonal_initializer(gain=2.0)", "tf.keras.initializers.Orthogonal(gain=2.0)"),
    ],
)
def test_initializer_fix_keeps_the_parameters(call, tf2):
    source = f"import tensorflow as tf\ninit = {call}\n"
    assert fixed(source, "TF901") == f"import tensorflow as tf\ninit = {tf2}\n"
    finding = only(source, "TF901")
    assert finding.replacement.startswith(f"`{tf2}`.")
    if "dtype" in call:
        assert "`dtype=tf.float32` is dropped: TF2 initializers take the dtype when called" in finding.replacement


def test_uniform_unit_scaling_matches_variance_scaling_in_the_tf_source():
    """UniformUnitScaling's bound is factor * sqrt(3 / fan_in); VarianceScaling(uniform)'s is sqrt(3 * scale / fan_in)."""
    factor, fan_in = 1.43, 64
    assert math.isclose(factor * math.sqrt(3 / fan_in), math.sqrt(3 * factor**2 / fan_in))


# ----- get_variable (TF201) ------------------------------------------------------------------------


def test_get_variable_keeps_every_argument():
    source = (
        "import tensorflow as tf\nw = tf.get_variable('w', [3, 4], tf.float16, "
        "tf.truncated_normal_initializer(stddev=0.02), trainable=False, constraint=c, collections=['x'])\n"
    )
    text = only(source, "TF201").replacement
    assert text.startswith(
        "`tf.Variable(tf.keras.initializers.TruncatedNormal(stddev=0.02)([3, 4], dtype=tf.float16), name='w', "
        "dtype=tf.float16, trainable=False, constraint=c)`"
    )
    assert "self.add_weight(name='w', shape=[3, 4], dtype=tf.float16, trainable=False, constraint=c, " in text
    assert "`collections=['x']` is dropped" in text
    assert "truncated_normal_initializer" not in text


def test_get_variable_default_initializer_is_said():
    text = only("import tensorflow as tf\nb = tf.get_variable('b', shape=[4])\n", "TF201").replacement
    assert "tf.keras.initializers.GlorotUniform()([4])" in text and "Glorot uniform" in text


# ----- initializer runs (TF104) ---------------------------------------------------------------------


def test_initializer_run_statements_are_deleted():
    source = (
        "import tensorflow as tf\n\n\ndef test(self):\n    v = make()\n"
        "    self.evaluate(tf.compat.v1.global_variables_initializer())  # init\n"
        "    sess.run([tf.compat.v1.local_variables_initializer(), tf.compat.v1.tables_initializer()])\n"
        "    tf.compat.v1.global_variables_initializer().run()\n"
        "    return v\n"
    )
    # `init.run()` is reported once, as a session run (TF103): its fix is the same deletion.
    assert fixed(source, "TF103", "TF104") == "import tensorflow as tf\n\n\ndef test(self):\n    v = make()\n    return v\n"


def test_an_initializer_run_alone_in_its_block_becomes_pass():
    source = "import tensorflow as tf\nif ready:\n    sess.run(tf.compat.v1.global_variables_initializer())\n"
    assert fixed(source, "TF103", "TF104") == "import tensorflow as tf\nif ready:\n    pass\n"


@pytest.mark.parametrize(
    "source",
    [
        # the op is stored for later
        "import tensorflow as tf\ninit = tf.compat.v1.global_variables_initializer()\n",
        # other fetches run with it
        "import tensorflow as tf\nsess.run([tf.compat.v1.global_variables_initializer(), train_op])\n",
        # the module runs in graph mode: the variables still need initializing
        "import tensorflow.compat.v1 as tf\ntf.disable_v2_behavior()\nsess.run(tf.global_variables_initializer())\n",
        # shares its line
        "import tensorflow as tf\nx = 1; sess.run(tf.compat.v1.global_variables_initializer())\n",
    ],
)
def test_initializer_runs_that_do_more_are_kept(source):
    assert all(f.fix is None for f in lint(source) if f.code in ("TF103", "TF104"))


# ----- mappings -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "loss, keras",
    [
        ("huber_loss", "`tf.keras.losses.Huber()`"),
        ("sigmoid_cross_entropy", "`tf.keras.losses.BinaryCrossentropy(from_logits=True)`"),
        ("absolute_difference", "`tf.keras.losses.MeanAbsoluteError()`"),
        ("sparse_softmax_cross_entropy", "`tf.keras.losses.SparseCategoricalCrossentropy(from_logits=True)`"),
    ],
)
def test_a_loss_function_reference_maps_to_its_own_keras_loss(loss, keras):
    text = only(f"import tensorflow.compat.v1 as tf\nloss_fn = tf.losses.{loss}\n", "TF308").replacement
    assert text.startswith(keras), text


@pytest.mark.parametrize(
    "reader, dataset",
    [
        ("tf.TextLineReader()", "tf.data.TextLineDataset(f)"),
        ("tf.TextLineReader(skip_header_lines=1)", "tf.data.TextLineDataset(f).skip(1)"),
        ("tf.TFRecordReader()", "tf.data.TFRecordDataset(f)"),
        ("tf.FixedLengthRecordReader(3073, header_bytes=1)", "tf.data.FixedLengthRecordDataset(f, 3073, header_bytes=1)"),
    ],
)
def test_string_input_producer_reads_with_the_modules_reader(reader, dataset):
    source = f"import tensorflow as tf\nq = tf.train.string_input_producer(files)\nr = {reader}\nk, v = r.read(q)\n"
    text = only(source, "TF401").replacement
    assert f"`.flat_map(lambda f: {dataset})`" in text
    assert "TFRecordDataset" not in text or "TFRecord" in reader


def test_name_scope_falls_back_to_its_default_name():
    text = only("import tensorflow as tf\nwith tf.name_scope(scope, 'block', [x]):\n    pass\n", "TF906").replacement
    assert text.startswith("`tf.name_scope(scope or 'block')`")


def test_estimator_compile_never_gets_a_tf1_optimizer():
    source = (
        "import tensorflow as tf\n"
        "est = tf.estimator.DNNClassifier([10], cols, n_classes=3, optimizer=tf.train.AdamOptimizer(0.01))\n"
    )
    text = only(source, "TF302").replacement
    assert "compile(optimizer=tf.keras.optimizers.Adam(learning_rate=0.01, epsilon=1e-8)" in text
    assert "AdamOptimizer" not in text


def test_backup_and_restore_gets_a_directory_of_its_own():
    source = "import tensorflow as tf\nest = tf.estimator.Estimator(model_fn, model_dir='/tmp/m')\n"
    text = only(source, "TF301").replacement
    assert "BackupAndRestore('/tmp/m')" not in text
    assert "BackupAndRestore(os.path.join('/tmp/m', 'backup'))" in text and "deletes it when `fit` ends" in text


def test_restore_advice_builds_the_model_first():
    text = only("import tensorflow as tf\nsaver = tf.train.Saver()\n", "TF801").replacement
    assert "Build the model first" in text and "status.assert_existing_objects_matched()" in text


@pytest.mark.parametrize("code, source", [
    ("TF807", "import tensorflow as tf\ntf.compat.v1.summary.scalar('loss', loss)\n"),
    ("TF805", "import tensorflow as tf\nw = tf.summary.FileWriter(logdir)\n"),
])
def test_summary_findings_say_tensorboard_is_needed_from_2_21(code, source):
    assert "`pip install tensorboard`" in only(source, code).replacement
    assert "tensorboard" not in only(source, code, target=(2, 20)).replacement


# ----- Keras 3 status -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "line, code",
    [
        ("h = tf.compat.v1.layers.dense(x, 64)", "TF205"),
        ("cell = tf.compat.v1.nn.rnn_cell.LSTMCell(10)", "TF905"),
        ("s = tf.compat.v1.keras.backend.get_session()", "TF901"),
    ],
)
def test_compat_v1_names_keras_3_lacks_are_errors_from_2_16(line, code):
    source = f"import tensorflow as tf\n{line}\n"
    new = only(source, code)
    assert new.severity is Severity.ERROR and "fails on TF 2.16 and later" in new.message
    old = only(source, code, target=(2, 15))
    assert old.severity is Severity.WARNING and "legacy" in old.message


def test_compat_v1_layers_advice_names_tf_keras():
    text = only("import tensorflow as tf\nh = tf.compat.v1.layers.dense(x, 64)\n", "TF205").replacement
    assert "`pip install tf_keras`" in text and "`TF_USE_LEGACY_KERAS=1`" in text


def test_compat_v1_keras_dense_still_exists():
    assert lint("import tensorflow as tf\nh = tf.compat.v1.keras.layers.Dense(64)(x)\n") == []


def test_legacy_keras_optimizer_names_are_warnings_and_constructions_errors():
    source = (
        "import tensorflow as tf\nok = isinstance(o, tf.keras.optimizers.legacy.Optimizer)\n"
        "opt = tf.keras.optimizers.legacy.Adam(0.1)\n"
    )
    found = {f.start.row: f.severity for f in lint(source) if f.code == "TF704"}
    assert found == {2: Severity.WARNING, 3: Severity.ERROR}


# ----- names the advice introduces ----------------------------------------------------------------


def _sources():
    for rule in all_rules():
        yield from rule.INVALID
        yield from (before for before, _ in rule.FIXES)
    for path in sorted(glob.glob(str(FIXTURES / "*.py"))):
        with open(path, encoding="utf-8") as handle:
            yield handle.read()


def test_no_advice_in_families_1_to_8_introduces_a_name_tf_2_21_lacks():
    """Every `tf.X` a replacement or fix of families 1-8 writes exists in the TF 2.21 tables
    (names the user's own code spells, quoted back to them, are not introduced)."""
    missing = []
    for source in _sources():
        users = set(names_in(source))
        for finding in lint(source):
            if finding.code[2] not in "12345678":
                continue
            subject = set(names_in(finding.message))  # what the finding reports, named in its advice prose
            texts = [finding.replacement] + ([e.content for e in finding.fix.edits] if finding.fix else [])
            for text in texts:
                missing += [
                    (finding.code, name) for name in names_in(text)
                    if name not in users and name not in subject and exists_in_tf2(name) is False
                ]
    assert missing == []


def test_the_replacement_is_the_fix_rendered():
    """The code a finding shows and the code its fix writes are the same rendering."""
    for source in _sources():
        for finding in lint(source):
            deletion = finding.fix is not None and all(e.content in ("", "pass") for e in finding.fix.edits)
            if finding.code in ("TF701", "TF703", "TF901") and finding.fix is not None and not deletion:
                after = re.sub(r"#[^\n]*", "", apply_fixes(source, [finding.fix])[0])  # shown without comments
                shown = finding.replacement.split("`")[1]
                assert " ".join(shown.split()) in " ".join(after.split()).replace("( ", "("), (finding.code, shown)


# ----- under real TensorFlow ----------------------------------------------------------------------


FIXED_PROGRAM = """\
import math
import tensorflow as tf
step = tf.Variable(0)
opts = [
    tf.train.AdamOptimizer(0.1, 0.8, 0.99),
    tf.train.RMSPropOptimizer(0.01, 0.95, use_locking=True),
    tf.train.AdagradOptimizer(0.1),
    tf.train.MomentumOptimizer(0.1, 0.9, use_nesterov=True),
    tf.train.FtrlOptimizer(0.1, accum_name="a"),
]
inits = [
    tf.truncated_normal_initializer(stddev=0.02, seed=1),
    tf.uniform_unit_scaling_initializer(1.43),
    tf.variance_scaling_initializer(2.0, distribution="normal"),
    tf.glorot_uniform_initializer(dtype=tf.float32),
]
lrs = [
    tf.train.exponential_decay(0.1, step, 10, 0.5, staircase=True),
    tf.train.natural_exp_decay(0.1, step, 10, 0.5),
    tf.train.piecewise_constant(step, [5], [0.1, 0.01]),
    tf.train.polynomial_decay(0.1, step, 10, name=None),
]
"""


def test_fixed_code_runs_under_tensorflow():
    """The unsafe fixes of TF701/TF703/TF901 turn a TF1 program TF 2.21 rejects into one it runs."""
    python = tensorflow_python("the fixed code under TensorFlow")
    from tf2lint.fix.loop import fix_text

    outcome = fix_text(FIXED_PROGRAM, "example.py", Config(), unsafe=True)
    assert outcome.error is None
    program = outcome.source
    ast.parse(program)
    assert "tf.train.AdamOptimizer" not in program and "_initializer(" not in program and "_decay(" not in program
    check = program + (
        "v = tf.Variable(tf.ones([4, 4]))\n"
        "for o in opts:\n    o.apply_gradients([(tf.ones([4, 4]), v)])\n"
        "shapes = [tuple(i((8, 4)).shape) for i in inits]\n"
        "rates = [float(s(3)) for s in lrs]\n"
        "import json\nprint(json.dumps({'shapes': shapes, 'rates': rates}))\n"
    )
    result = subprocess.run(
        [python, "-c", check], capture_output=True, text=True, timeout=600,
        env={**os.environ, "TF_CPP_MIN_LOG_LEVEL": "3", "PYTHONPATH": str(ROOT)},
    )
    assert result.returncode == 0, result.stderr[-2000:]
    out = json.loads(result.stdout.strip().splitlines()[-1])
    assert out["shapes"] == [[8, 4]] * 4
    assert out["rates"][0] == pytest.approx(0.1 * 0.5 ** 0)  # staircase: step 3 of 10
    assert out["rates"][1] == pytest.approx(0.1 * math.exp(-0.5 * 0.3))
    assert out["rates"][2] == pytest.approx(0.1)


def test_layer_functions_are_shown_as_keras_layers_with_every_argument():
    source = "import tensorflow as tf\nh = tf.layers.dense(x, 64, tf.nn.relu, name='fc', reuse=tf.AUTO_REUSE)\n"
    finding = only(source, "TF205")
    assert finding.replacement.startswith("`tf.keras.layers.Dense(units=64, activation=tf.nn.relu, name='fc')(x)`")
    assert "`reuse=tf.AUTO_REUSE` is dropped" in finding.replacement
    assert finding.fix is not None and finding.fix.applicability == "display-only"
    text = only("import tensorflow as tf\nd = tf.layers.dropout(c, 0.5, training=t)\n", "TF205").replacement
    assert text.startswith("`tf.keras.layers.Dropout(rate=0.5)(c, training=t)`")


def test_tf1_calls_inside_rendered_arguments_are_converted():
    source = (
        "import tensorflow as tf\n"
        "h = tf.layers.dense(tf.layers.flatten(x), 8, kernel_initializer=tf.truncated_normal_initializer(stddev=0.1))\n"
    )
    text = [f for f in lint(source) if f.code == "TF205" and f.start.col == 4][0].replacement
    assert text.startswith(
        "`tf.keras.layers.Dense(units=8, kernel_initializer=tf.keras.initializers.TruncatedNormal(stddev=0.1))"
        "(tf.keras.layers.Flatten()(x))`"
    )
    summary = only("import tensorflow as tf\ntf.summary.scalar('p', tf.to_float(a))\n", "TF807").replacement
    assert summary.startswith("`tf.summary.scalar('p', tf.cast(a, tf.float32), step=step)`")


def test_contrib_modules_moved_into_core_are_fixed_where_core_has_the_name():
    source = (
        "import tensorflow.compat.v1 as tf\nfrom tensorflow.contrib import framework as contrib_framework\n"
        "a = contrib_framework.nest.map_structure(f, s)\nb = contrib_framework.nest.flatten_up_to(s, t)\n"
        "nest = contrib_framework.nest\n"
    )
    fixes = {f.start.row: f.fix for f in lint(source) if f.code == "TF602"}
    assert fixes[3] is not None and fixes[3].edits[0].content == "tf.nest.map_structure"
    assert fixes[4] is None and fixes[5] is None  # TF 2.21's tf.nest has no flatten_up_to; the alias is left
