"""Family 7 tables: TF1 optimizers, their Keras counterparts, and the learning-rate decay functions.

Signatures are TF1's positional parameter order (as in `tf.compat.v1.train`), so a
positional argument in the user's call can be named and renamed.  Defaults and update
rules were checked against the TF 2.15 `compat.v1` implementations and the Keras 2.15 /
Keras 3 optimizers.
"""

from __future__ import annotations

from typing import Mapping, NamedTuple, Optional, Tuple

KERAS_OPTIMIZERS = "tf.keras.optimizers"
KERAS_SCHEDULES = "tf.keras.optimizers.schedules"


class OptimizerSpec(NamedTuple):
    keras: Optional[str]  # Keras class name; None when Keras has no counterpart
    signature: Tuple[str, ...]  # TF1 __init__ parameters, in positional order
    renames: Mapping[str, str] = {}
    dropped: Tuple[str, ...] = ("use_locking",)
    # TF1's default epsilon, rendered when the call does not pass one (Keras defaults to 1e-7).
    epsilon: Optional[str] = None
    note: str = ""  # numeric equivalence, said in the replacement
    alternative: str = ""  # the replacement when there is no Keras class

    @property
    def pinned(self) -> Mapping[str, str]:
        """Keywords the Keras call gets when the TF1 call left them at TF1's default."""
        return {"epsilon": self.epsilon} if self.epsilon else {}


_ADAGRAD_DA = (
    "No Keras optimizer implements Adagrad dual averaging: keep this one under `tf.compat.v1` until it is "
    "rewritten as a `tf.keras.optimizers.Optimizer` subclass; `tf.keras.optimizers.Adagrad(learning_rate=...)` "
    "is the nearest built-in (a different update, without the L1 sparsity)."
)
_PROXIMAL_GD = (
    "No Keras optimizer is proximal: `tf.keras.optimizers.SGD(learning_rate=...)` with the L1/L2 penalty added "
    "to the loss takes the same gradient steps but leaves weights near zero instead of exactly zero; "
    "for L1 sparsity use `tf.keras.optimizers.Ftrl(l1_regularization_strength=...)` (a different update rule)."
)
_PROXIMAL_ADAGRAD = (
    "No Keras optimizer is proximal: `tf.keras.optimizers.Adagrad(learning_rate=..., "
    "initial_accumulator_value=...)` with the L1/L2 penalty added to the loss, or "
    "`tf.keras.optimizers.Ftrl(l1_regularization_strength=..., l2_regularization_strength=...)` "
    "for L1 sparsity (a different update rule)."
)
_SYNC_REPLICAS = (
    "Synchronous multi-worker training is part of `tf.distribute`: create the Keras optimizer and the model "
    "inside `strategy.scope()` of `tf.distribute.MultiWorkerMirroredStrategy()`; gradients are all-reduced "
    "every step, with no `replicas_to_aggregate` or sync hook."
)
# The `tf.train.Optimizer` base class: what a custom optimizer subclasses (or an isinstance check names) instead.
BASE_CLASS_KERAS3 = (
    "`tf.keras.optimizers.Optimizer`: a custom optimizer subclasses it and implements `build(self, var_list)` "
    "(slots from `self.add_variable_from_reference`) and `update_step(self, gradient, variable, learning_rate)`."
)
BASE_CLASS_KERAS2 = (
    "`tf.keras.optimizers.Optimizer`: a custom optimizer subclasses it and implements `build(self, var_list)` "
    "(slots from `self.add_variable_from_reference`) and `update_step(self, gradient, variable)`; Keras 3 "
    "(TF 2.16+) adds a `learning_rate` argument to `update_step`."
)

# `tf.train.Optimizer.GATE_OP` and friends: the `gate_gradients` argument of TF1's minimize.
GATE_REPLACEMENT = "Drop the `gate_gradients` argument: gradients from `tf.GradientTape` have no gating option."

OPTIMIZERS: Mapping[str, OptimizerSpec] = {
    "GradientDescentOptimizer": OptimizerSpec(
        "SGD",
        ("learning_rate", "use_locking", "name"),
        note="Same update rule.",
    ),
    "MomentumOptimizer": OptimizerSpec(
        "SGD",
        ("learning_rate", "momentum", "use_locking", "name", "use_nesterov"),
        renames={"use_nesterov": "nesterov"},
        note=(
            "Same steps while the learning rate is constant: TF1 accumulates `accum = momentum * accum + grad` "
            "and scales by the current rate, Keras keeps `velocity = momentum * velocity - lr * grad`, so with "
            "a decaying rate the two drift slightly apart."
        ),
    ),
    "AdamOptimizer": OptimizerSpec(
        "Adam",
        ("learning_rate", "beta1", "beta2", "epsilon", "use_locking", "name"),
        renames={"beta1": "beta_1", "beta2": "beta_2"},
        epsilon="1e-8",
        note="Same update rule once epsilon matches.",
    ),
    "RMSPropOptimizer": OptimizerSpec(
        "RMSprop",
        ("learning_rate", "decay", "momentum", "epsilon", "use_locking", "centered", "name"),
        renames={"decay": "rho"},
        epsilon="1e-10",
        note=(
            "Results differ: TF1 starts the mean-square slot at 1.0, Keras at 0, so Keras takes much larger "
            "first steps; no Keras argument restores TF1's initialisation."
        ),
    ),
    "AdadeltaOptimizer": OptimizerSpec(
        "Adadelta",
        ("learning_rate", "rho", "epsilon", "use_locking", "name"),
        epsilon="1e-8",
        note="Same update rule once epsilon matches.",
    ),
    "AdagradOptimizer": OptimizerSpec(
        "Adagrad",
        ("learning_rate", "initial_accumulator_value", "use_locking", "name"),
        epsilon="0.0",
        note=(
            "Keras divides by `sqrt(accumulator + epsilon)`, TF1 by `sqrt(accumulator)`: `epsilon=0.0` takes TF1's "
            "steps; `initial_accumulator_value` defaults to 0.1 in both."
        ),
    ),
    "AdagradDAOptimizer": OptimizerSpec(
        None,
        (
            "learning_rate",
            "global_step",
            "initial_gradient_squared_accumulator_value",
            "l1_regularization_strength",
            "l2_regularization_strength",
            "use_locking",
            "name",
        ),
        alternative=_ADAGRAD_DA,
    ),
    "ProximalGradientDescentOptimizer": OptimizerSpec(
        None,
        ("learning_rate", "l1_regularization_strength", "l2_regularization_strength", "use_locking", "name"),
        alternative=_PROXIMAL_GD,
    ),
    "ProximalAdagradOptimizer": OptimizerSpec(
        None,
        (
            "learning_rate",
            "initial_accumulator_value",
            "l1_regularization_strength",
            "l2_regularization_strength",
            "use_locking",
            "name",
        ),
        alternative=_PROXIMAL_ADAGRAD,
    ),
    "FtrlOptimizer": OptimizerSpec(
        "Ftrl",
        (
            "learning_rate",
            "learning_rate_power",
            "initial_accumulator_value",
            "l1_regularization_strength",
            "l2_regularization_strength",
            "use_locking",
            "name",
            "accum_name",
            "linear_name",
            "l2_shrinkage_regularization_strength",
            "beta",
        ),
        dropped=("use_locking", "accum_name", "linear_name"),
        note="Same update rule (TF1's `beta=None` is Keras's default `beta=0.0`).",
    ),
    "SyncReplicasOptimizer": OptimizerSpec(
        None,
        ("opt", "replicas_to_aggregate", "total_num_replicas", "variable_averages", "variables_to_average", "use_locking", "name"),
        alternative=_SYNC_REPLICAS,
    ),
    "Optimizer": OptimizerSpec(None, ("use_locking", "name")),
}

# What each dropped keyword did, so the replacement can say why it went.
DROPPED_REASONS = {
    "use_locking": "Keras updates take no lock option",
    "accum_name": "Keras names its slots itself",
    "linear_name": "Keras names its slots itself",
}

OPTIMIZER_NAMES = {f"train.{cls}": None for cls in OPTIMIZERS}

# Methods of a TF1 optimizer whose TF2 form is a GradientTape step.
TRAINING_METHODS = ("minimize", "apply_gradients", "compute_gradients")
# Position of `global_step` in TF1's minimize / apply_gradients (0-based, after self).
GLOBAL_STEP_POSITION = {"minimize": 1, "apply_gradients": 1}


class ScheduleSpec(NamedTuple):
    keras: Optional[str]  # class in tf.keras.optimizers.schedules; None when there is none
    signature: Tuple[str, ...]  # TF1 positional parameters
    step: str = "global_step"  # the TF1 parameter the schedule's step replaces
    renames: Mapping[str, str] = {"learning_rate": "initial_learning_rate"}
    positional: Tuple[str, ...] = ("initial_learning_rate",)  # Keras parameters rendered positionally
    formula: str = ""  # for the classes Keras lacks: what `__call__(step)` computes


SCHEDULES: Mapping[str, ScheduleSpec] = {
    "exponential_decay": ScheduleSpec(
        "ExponentialDecay", ("learning_rate", "global_step", "decay_steps", "decay_rate", "staircase", "name")
    ),
    "natural_exp_decay": ScheduleSpec(
        "ExponentialDecay", ("learning_rate", "global_step", "decay_steps", "decay_rate", "staircase", "name")
    ),
    "inverse_time_decay": ScheduleSpec(
        "InverseTimeDecay", ("learning_rate", "global_step", "decay_steps", "decay_rate", "staircase", "name")
    ),
    "polynomial_decay": ScheduleSpec(
        "PolynomialDecay",
        ("learning_rate", "global_step", "decay_steps", "end_learning_rate", "power", "cycle", "name"),
    ),
    "piecewise_constant": ScheduleSpec(
        "PiecewiseConstantDecay", ("x", "boundaries", "values", "name"), step="x", renames={}, positional=("boundaries", "values")
    ),
    "cosine_decay": ScheduleSpec("CosineDecay", ("learning_rate", "global_step", "decay_steps", "alpha", "name")),
    "cosine_decay_restarts": ScheduleSpec(
        "CosineDecayRestarts",
        ("learning_rate", "global_step", "first_decay_steps", "t_mul", "m_mul", "alpha", "name"),
    ),
    "linear_cosine_decay": ScheduleSpec(
        None,
        ("learning_rate", "global_step", "decay_steps", "num_periods", "alpha", "beta", "name"),
        formula=(
            "`p = min(step, decay_steps) / decay_steps; cosine = 0.5 * (1 + cos(2 * pi * num_periods * p)); "
            "return learning_rate * ((alpha + 1 - p) * cosine + beta)`"
        ),
    ),
    "noisy_linear_cosine_decay": ScheduleSpec(
        None,
        (
            "learning_rate",
            "global_step",
            "decay_steps",
            "initial_variance",
            "variance_decay",
            "num_periods",
            "alpha",
            "beta",
            "name",
        ),
        formula=(
            "`s = min(step, decay_steps); p = s / decay_steps; noise = tf.random.normal([], "
            "stddev=sqrt(initial_variance / (1 + s) ** variance_decay)); cosine = 0.5 * (1 + cos(2 * pi * num_periods * p)); "
            "return learning_rate * ((alpha + 1 - p + noise) * cosine + beta)`"
        ),
    ),
}

SCHEDULE_NAMES = {f"train.{fn}": None for fn in SCHEDULES}

SCHEDULE_NOTE = (
    "Pass the schedule as the optimizer's `learning_rate`: it is evaluated at `optimizer.iterations` on every "
    "step, whereas a rate computed once from `{step}` is a constant under eager execution."
)
NATURAL_EXP_NOTE = (
    "`decay_rate=math.exp(-r)` is derived rather than documented: exp(-r) ** (step / decay_steps) = "
    "exp(-r * step / decay_steps), which matches TF1's natural_exp_decay value for value (staircase too)."
)

# tf.keras.optimizers.legacy / tf.optimizers.legacy: gone with Keras 3 (TF 2.16).
LEGACY_KERAS_NAMES = {"keras.optimizers.legacy": None, "optimizers.legacy": None}
# The classes Keras 3 (TF 2.21) still lists under `optimizers.legacy`, as stubs whose constructor raises
# ImportError; the others (Adadelta, Adamax, Nadam) are missing: naming them raises AttributeError.
LEGACY_KERAS3_STUBS = frozenset({"Adagrad", "Adam", "Ftrl", "Optimizer", "RMSprop", "SGD"})
