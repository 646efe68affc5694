"""Family 7: replacements are rendered from the user's own call, and advice follows the target version."""

import pytest

from tf2lint.config import Config
from tf2lint.engine import lint_source
from tf2lint.finding import Severity


def findings(source, code_prefix="TF7", target=None):
    config = Config(target_version=target) if target else Config()
    return [f for f in lint_source(source, "example.py", config) if f.code.startswith(code_prefix)]


def only(source, code, target=None):
    found = findings(source, code, target)
    assert len(found) == 1, [(f.code, f.start, f.message) for f in found]
    return found[0]


@pytest.mark.parametrize(
    "call, rendered",
    [
        (
            "tf.train.AdamOptimizer(learning_rate=1e-3, beta1=0.8)",
            "`tf.keras.optimizers.Adam(learning_rate=1e-3, beta_1=0.8, epsilon=1e-8)`",
        ),
        (
            "tf.train.AdamOptimizer(0.1, 0.8, 0.99, 1e-6)",
            "`tf.keras.optimizers.Adam(learning_rate=0.1, beta_1=0.8, beta_2=0.99, epsilon=1e-6)`",
        ),
        (
            "tf.train.RMSPropOptimizer(0.01, 0.95, 0.9)",
            "`tf.keras.optimizers.RMSprop(learning_rate=0.01, rho=0.95, momentum=0.9, epsilon=1e-10)`",
        ),
        (
            "tf.train.MomentumOptimizer(lr, 0.9, use_nesterov=True)",
            "`tf.keras.optimizers.SGD(learning_rate=lr, momentum=0.9, nesterov=True)`",
        ),
        ("tf.train.GradientDescentOptimizer(0.5, use_locking=True)", "`tf.keras.optimizers.SGD(learning_rate=0.5)`"),
        ("tf.train.FtrlOptimizer(0.1, accum_name='a', linear_name='l')", "`tf.keras.optimizers.Ftrl(learning_rate=0.1)`"),
        ("tf.train.AdadeltaOptimizer(1.0, rho=0.9)", "`tf.keras.optimizers.Adadelta(learning_rate=1.0, rho=0.9, epsilon=1e-8)`"),
        (
            "tf.train.AdagradOptimizer(0.1, 0.2)",
            "`tf.keras.optimizers.Adagrad(learning_rate=0.1, initial_accumulator_value=0.2, epsilon=0.0)`",
        ),
        (
            "tf.train.AdamOptimizer(\n    learning_rate=base_lr *\n    2)",
            "`tf.keras.optimizers.Adam(learning_rate=base_lr * 2, epsilon=1e-8)`",
        ),
    ],
)
def test_optimizer_replacement_is_rendered_from_the_call(call, rendered):
    finding = only(f"import tensorflow as tf\nopt = {call}\n", "TF701")
    assert finding.replacement.startswith(rendered + "."), finding.replacement


def test_dropped_arguments_and_the_epsilon_default_are_explained():
    text = only("import tensorflow as tf\nopt = tf.train.RMSPropOptimizer(0.01, use_locking=True)\n", "TF701").replacement
    assert "`use_locking=True` is dropped: Keras updates take no lock option" in text
    assert "`epsilon=1e-10` keeps TF1's steps" in text
    assert "mean-square slot at 1.0" in text  # the known RMSprop difference
    ftrl = only("import tensorflow as tf\nopt = tf.train.FtrlOptimizer(0.1, accum_name='a')\n", "TF701").replacement
    assert "`accum_name='a'` is dropped" in ftrl and "epsilon" not in ftrl


def test_an_explicit_epsilon_is_kept_as_written():
    text = only("import tensorflow as tf\nopt = tf.train.AdamOptimizer(1e-3, epsilon=1e-4)\n", "TF701").replacement
    assert "epsilon=1e-4)" in text and "1e-8" not in text


def test_unpacked_arguments_are_carried_with_a_rename_note():
    text = only("import tensorflow as tf\nopt = tf.train.AdamOptimizer(**params)\n", "TF701").replacement
    assert text.startswith("`tf.keras.optimizers.Adam(**params)`")
    assert "`beta1` to `beta_1`" in text


def test_optimizers_without_a_keras_class_get_their_alternative():
    sync = only("import tensorflow as tf\nopt = tf.train.SyncReplicasOptimizer(base, 4)\n", "TF701").replacement
    assert "MultiWorkerMirroredStrategy" in sync
    base = "import tensorflow as tf\n\nclass Mine(tf.train.Optimizer):\n    pass\n"
    assert "learning_rate)" in only(base, "TF701").replacement
    assert "update_step(self, gradient, variable)`;" in only(base, "TF701", target=(2, 15)).replacement


def test_minimize_on_a_constructed_optimizer_gives_both_findings():
    source = "import tensorflow as tf\ntrain_op = tf.train.AdamOptimizer(0.1).minimize(loss, global_step=gs)\n"
    found = findings(source)
    assert [(f.code, f.start.col) for f in found] == [("TF701", 11), ("TF702", 39)]
    assert "`optimizer.iterations` counts the steps, replacing `gs`" in found[1].replacement


def test_minimize_replacement_uses_the_loss_and_var_list():
    source = (
        "import tensorflow as tf\nopt = tf.train.GradientDescentOptimizer(0.1)\n"
        "op = opt.minimize(total_loss, var_list=[w, b])\n"
    )
    text = only(source, "TF702").replacement
    assert "`grads = tape.gradient(total_loss, [w, b])`" in text
    assert "`opt.apply_gradients(zip(grads, [w, b]))`" in text
    assert "Keras 3 optimizers have no `minimize`" in text
    assert "`opt.minimize(loss_fn, var_list=[w, b])`" in only(source, "TF702", target=(2, 15)).replacement


def test_global_step_on_an_unknown_receiver_needs_tf1_evidence():
    tf2 = "import tensorflow as tf\nop = opt.minimize(loss, global_step=gs)\n"
    assert findings(tf2) == []
    tf1 = "import tensorflow as tf\nx = tf.placeholder(tf.float32)\nop = opt.minimize(loss, global_step=gs)\n"
    finding = only(tf1, "TF702")
    assert (finding.start.row, finding.start.col, finding.severity) == (3, 9, Severity.WARNING)


def test_keras_optimizer_methods_are_never_reported():
    source = (
        "import tensorflow.compat.v1 as tf\nopt = tf.keras.optimizers.Adam()\n"
        "opt.minimize(loss_fn, var_list=[w])\nopt.apply_gradients(zip(g, v))\n"
    )
    assert findings(source) == []


@pytest.mark.parametrize(
    "call, rendered",
    [
        (
            "tf.train.exponential_decay(0.1, global_step, 1000, 0.96, staircase=True)",
            "`tf.keras.optimizers.schedules.ExponentialDecay(0.1, decay_steps=1000, decay_rate=0.96, staircase=True)`",
        ),
        (
            "tf.train.inverse_time_decay(learning_rate=lr, global_step=step, decay_steps=10, decay_rate=0.5)",
            "`tf.keras.optimizers.schedules.InverseTimeDecay(initial_learning_rate=lr, decay_steps=10, decay_rate=0.5)`",
        ),
        (
            "tf.train.piecewise_constant(step, boundaries=[10], values=[1.0, 0.1])",
            "`tf.keras.optimizers.schedules.PiecewiseConstantDecay(boundaries=[10], values=[1.0, 0.1])`",
        ),
        (
            "tf.train.cosine_decay_restarts(0.1, step, 100, t_mul=2.0)",
            "`tf.keras.optimizers.schedules.CosineDecayRestarts(0.1, first_decay_steps=100, t_mul=2.0)`",
        ),
        (
            "tf.train.natural_exp_decay(0.1, step, 100, rate + 1)",
            "`tf.keras.optimizers.schedules.ExponentialDecay(0.1, decay_steps=100, decay_rate=math.exp(-(rate + 1)))`",
        ),
    ],
)
def test_schedule_replacement_is_rendered_from_the_call(call, rendered):
    text = only(f"import tensorflow as tf\nlr = {call}\n", "TF703").replacement
    assert text.startswith(rendered + "."), text
    assert "frozen" in text or "constant under eager" in text


def test_schedules_without_a_keras_class_become_a_subclass():
    text = only("import tensorflow as tf\nlr = tf.train.noisy_linear_cosine_decay(0.1, step, 500)\n", "TF703").replacement
    assert "class NoisyLinearCosineDecay(tf.keras.optimizers.schedules.LearningRateSchedule)" in text
    assert "learning_rate=0.1, decay_steps=500" in text


def test_legacy_keras_optimizers_depend_on_the_target():
    source = "import tensorflow as tf\nopt = tf.keras.optimizers.legacy.Adam(1e-3)\n"
    finding = only(source, "TF704")
    assert finding.severity is Severity.ERROR
    assert finding.replacement.startswith("`tf.keras.optimizers.Adam`")
    assert findings(source, target=(2, 15)) == []


def test_private_module_paths_are_legacy():
    source = "from tensorflow.python.training import adam\nopt = adam.AdamOptimizer(0.1)\n"
    finding = only(source, "TF701")
    assert finding.severity is Severity.WARNING
    assert "tensorflow.python.training.adam.AdamOptimizer" in finding.message
