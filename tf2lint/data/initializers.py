"""TF1 initializer functions and their TF2 classes, with the defaults that differ.

Signatures are TF1's (`tf.compat.v1.truncated_normal_initializer(mean=0.0, stddev=1.0,
seed=None, dtype=tf.float32)` ...), read from TensorFlow 2.21's `compat.v1`; the Keras
defaults from Keras 3's `keras.initializers` (TruncatedNormal and RandomNormal draw with
stddev 0.05, RandomUniform from [-0.05, 0.05]). `pinned`: keywords the TF2 call gets when the
user left TF1's default, so the distribution stays the same.
"""

from __future__ import annotations

from typing import Mapping, NamedTuple, Tuple


class InitializerSpec(NamedTuple):
    target: str  # the TF2 callee under the module alias: `keras.initializers.TruncatedNormal`
    signature: Tuple[str, ...]  # TF1 parameters, in positional order
    pinned: Mapping[str, str] = {}  # TF1 defaults the TF2 class does not share
    renames: Mapping[str, str] = {}
    templates: Mapping[str, str] = {}  # TF1 keyword -> TF2 `keyword=template` (`{value:p} ** 2`)
    note: str = ""  # how the values may still differ


_DTYPE_WHY = "TF2 initializers take the dtype when called (the variable's dtype)"
_VERIFY_WHY = "TF2's `tf.constant_initializer` always checks the shape"
_RNG_NOTE = "Values come from TF2's random generators: the same distribution, not the same numbers for a seed."

_NORMAL_SIG = ("mean", "stddev", "seed", "dtype")

INITIALIZERS: Mapping[str, InitializerSpec] = {
    "truncated_normal_initializer": InitializerSpec(
        "keras.initializers.TruncatedNormal", _NORMAL_SIG, {"stddev": "1.0"}, note=_RNG_NOTE
    ),
    "random_normal_initializer": InitializerSpec(
        "keras.initializers.RandomNormal", _NORMAL_SIG, {"stddev": "1.0"}, note=_RNG_NOTE
    ),
    "random_uniform_initializer": InitializerSpec(
        "keras.initializers.RandomUniform",
        ("minval", "maxval", "seed", "dtype"),
        {"minval": "0.0", "maxval": "1.0"},
        note=_RNG_NOTE + " TF1's `maxval=None` meant 1.0 for floats.",
    ),
    "glorot_uniform_initializer": InitializerSpec("keras.initializers.GlorotUniform", ("seed", "dtype"), note=_RNG_NOTE),
    "glorot_normal_initializer": InitializerSpec("keras.initializers.GlorotNormal", ("seed", "dtype"), note=_RNG_NOTE),
    "orthogonal_initializer": InitializerSpec("keras.initializers.Orthogonal", ("gain", "seed", "dtype"), note=_RNG_NOTE),
    "variance_scaling_initializer": InitializerSpec(
        "keras.initializers.VarianceScaling",
        ("scale", "mode", "distribution", "seed", "dtype"),
        note=_RNG_NOTE + " TF1's `distribution='normal'` is the truncated normal.",
    ),
    # UniformUnitScaling draws from [-f * sqrt(3 / fan_in), f * sqrt(3 / fan_in)] (fan_in: the product of all
    # but the last dimension); VarianceScaling(uniform) from sqrt(3 * scale / fan_in): scale = factor ** 2.
    "uniform_unit_scaling_initializer": InitializerSpec(
        "keras.initializers.VarianceScaling",
        ("factor", "seed", "dtype"),
        {"mode": '"fan_in"', "distribution": '"uniform"'},
        templates={"factor": "scale={value:p} ** 2"},
        note=_RNG_NOTE + " For a 1-D shape Keras takes fan_in from the dimension itself, TF1 used 1.",
    ),
    "constant_initializer": InitializerSpec("constant_initializer", ("value", "dtype", "verify_shape")),
    "zeros_initializer": InitializerSpec("zeros_initializer", ("dtype",)),
    "ones_initializer": InitializerSpec("ones_initializer", ("dtype",)),
}

# Other spellings of the same functions.
ALIASES: Mapping[str, str] = {
    "initializers.truncated_normal": "truncated_normal_initializer",
    "initializers.random_normal": "random_normal_initializer",
    "initializers.random_uniform": "random_uniform_initializer",
    "initializers.glorot_uniform": "glorot_uniform_initializer",
    "initializers.glorot_normal": "glorot_normal_initializer",
    "initializers.orthogonal": "orthogonal_initializer",
    "initializers.variance_scaling": "variance_scaling_initializer",
    "initializers.uniform_unit_scaling": "uniform_unit_scaling_initializer",
    "initializers.constant": "constant_initializer",
    "initializers.zeros": "zeros_initializer",
    "initializers.ones": "ones_initializer",
}

# Why each TF1-only argument is dropped.
DROPPED = {"dtype": _DTYPE_WHY, "verify_shape": _VERIFY_WHY}
