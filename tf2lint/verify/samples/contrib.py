"""Family 6: `tf.contrib` replacements, checked against contrib's own definitions in closed form.

No TensorFlow that runs on a supported Python can import `tf.contrib`, so the TF1 side of
these pairs is the formula contrib implemented (NumPy); `tf1_source` is the contrib
program the linter checks.
"""

from __future__ import annotations

import math

from tf2lint.verify.pairs import Difference, Pair
from tf2lint.verify.samples import _data as data

SCALES = (0.01, 0.5)
FAN_IN, FAN_OUT = 300, 500


def l2_reference(workdir):
    import numpy as np

    # contrib.layers.l2_regularizer(scale)(w) == scale * tf.nn.l2_loss(w) == scale * sum(w**2) / 2
    return {f"scale{i}": np.float32(s * np.sum(data.W1.astype(np.float64) ** 2) / 2) for i, s in enumerate(SCALES)}


def l2_tf2(workdir):
    import tensorflow as tf

    return {f"scale{i}": tf.keras.regularizers.l2(0.5 * s)(tf.constant(data.W1)) for i, s in enumerate(SCALES)}


def l1_reference(workdir):
    import numpy as np

    # contrib.layers.l1_regularizer(scale)(w) == scale * sum(|w|)
    return {f"scale{i}": np.float32(s * np.sum(np.abs(data.W1.astype(np.float64)))) for i, s in enumerate(SCALES)}


def l1_tf2(workdir):
    import tensorflow as tf

    return {f"scale{i}": tf.keras.regularizers.l1(s)(tf.constant(data.W1)) for i, s in enumerate(SCALES)}


def xavier_reference(workdir):
    # contrib.layers.xavier_initializer(): uniform on [-limit, limit], limit = sqrt(6 / (fan_in + fan_out))
    limit = math.sqrt(6.0 / (FAN_IN + FAN_OUT))
    return {"bound": limit, "variance": limit**2 / 3.0, "mean": 0.0}


def xavier_tf2(workdir):
    import tensorflow as tf

    init = tf.keras.initializers.VarianceScaling(scale=1.0, mode="fan_avg", distribution="uniform", seed=7)
    sample = init(shape=(FAN_IN, FAN_OUT))
    return {"bound": tf.reduce_max(tf.abs(sample)), "variance": tf.math.reduce_variance(sample), "mean": tf.reduce_mean(sample)}


def layer_norm_reference(workdir):
    import numpy as np

    # contrib.layers.layer_norm(x): normalize over the last axis with variance_epsilon=1e-12,
    # beta initialized to 0 and gamma to 1.
    x = data.W2.T.astype(np.float64)
    mean, var = x.mean(axis=-1, keepdims=True), x.var(axis=-1, keepdims=True)
    return {"normalized": ((x - mean) / np.sqrt(var + 1e-12)).astype(np.float32)}


def layer_norm_tf2(workdir):
    import tensorflow as tf

    return {"normalized": tf.keras.layers.LayerNormalization()(tf.constant(data.W2.T))}


def layer_norm_tf2_contrib_epsilon(workdir):
    import tensorflow as tf

    return {"normalized": tf.keras.layers.LayerNormalization(epsilon=1e-12)(tf.constant(data.W2.T))}


PAIRS = [
    Pair(
        "contrib-l2-regularizer",
        ("TF602",),
        tf1=None,
        reference=l2_reference,
        reference_note="l2_regularizer(s)(w) = s * sum(w**2) / 2",
        tf1_source=(
            "import tensorflow as tf\n\n"
            "penalties = [tf.contrib.layers.l2_regularizer(s)(weights) for s in (0.01, 0.5)]\n"
        ),
        tf2=l2_tf2,
        outputs="the penalty for two scales",
    ),
    Pair(
        "contrib-l1-regularizer",
        ("TF602",),
        tf1=None,
        reference=l1_reference,
        reference_note="l1_regularizer(s)(w) = s * sum(|w|)",
        tf1_source=(
            "import tensorflow as tf\n\n"
            "penalties = [tf.contrib.layers.l1_regularizer(s)(weights) for s in (0.01, 0.5)]\n"
        ),
        tf2=l1_tf2,
        outputs="the penalty for two scales",
    ),
    Pair(
        "contrib-xavier-initializer",
        ("TF602",),
        tf1=None,
        reference=xavier_reference,
        reference_note="xavier_initializer() draws from U(-sqrt(6 / (fan_in + fan_out)), +sqrt(...))",
        tf1_source="import tensorflow as tf\n\ninit = tf.contrib.layers.xavier_initializer()\nw = init(shape=(300, 500))\n",
        tf2=xavier_tf2,
        outputs="bound, variance and mean of 150,000 draws",
        atol=1e-3,
    ),
    Pair(
        "contrib-layer-norm",
        ("TF602",),
        tf1=None,
        reference=layer_norm_reference,
        reference_note="layer_norm(x) = (x - mean) / sqrt(variance + 1e-12) over the last axis",
        tf1_source="import tensorflow as tf\n\ny = tf.contrib.layers.layer_norm(x)\n",
        tf2=layer_norm_tf2,
        outputs="normalized rows",
        difference=Difference(
            "epsilon",
            "contrib's layer_norm adds 1e-12 to the variance, LayerNormalization 1e-3 by default",
            explained_by=layer_norm_tf2_contrib_epsilon,
        ),
    ),
]
