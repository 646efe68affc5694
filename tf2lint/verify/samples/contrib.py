"""Family 6: `tf.contrib` replacements, checked against contrib's own implementations.

No TensorFlow that runs on a supported Python can import `tf.contrib`. Where contrib built a
function from core TF1 ops, the TF1 side runs that body (transcribed from TF 1.15's contrib,
on `tf.compat.v1` in graph mode) and the comparison with tf2lint's Keras rewrite is a real one.
Where it did not (the Xavier initializer's random stream), the TF1 side is the closed form of
its distribution, and agreement is reported as `identity`, not as a confirmation. `CONTRIB` is
the contrib program the linter checks; the TF2 side runs what tf2lint makes of it.
"""

from __future__ import annotations

import math

from tf2lint.verify.pairs import Pair
from tf2lint.verify.samples import _data as data

SCALES = (0.01, 0.5)
FAN_IN, FAN_OUT = 300, 500
ADAMW_STEPS = 20

CONTRIB = """
import tensorflow as tf


def l2(weights):
    return {"scale0": tf.contrib.layers.l2_regularizer(0.01)(weights), "scale1": tf.contrib.layers.l2_regularizer(0.5)(weights)}


def l1(weights):
    return {"scale0": tf.contrib.layers.l1_regularizer(0.01)(weights), "scale1": tf.contrib.layers.l1_regularizer(0.5)(weights)}


def xavier():
    return tf.contrib.layers.xavier_initializer()


def layer_norm(x):
    return tf.contrib.layers.layer_norm(x)


def instance_norm(x):
    return tf.contrib.layers.instance_norm(x)


def adamw():
    return tf.contrib.opt.AdamWOptimizer(0.01, learning_rate=0.1)
"""


def _tf2():
    from tf2lint.verify.fragments import tf2_program

    return tf2_program(CONTRIB)


def l2_tf2(workdir):
    import tensorflow as tf

    return _tf2().l2(tf.constant(data.W1))


def l1_tf2(workdir):
    import tensorflow as tf

    return _tf2().l1(tf.constant(data.W1))


def xavier_reference(workdir):
    # contrib.layers.xavier_initializer(): uniform on [-limit, limit], limit = sqrt(6 / (fan_in + fan_out))
    limit = math.sqrt(6.0 / (FAN_IN + FAN_OUT))
    return {"bound": limit, "variance": limit**2 / 3.0, "mean": 0.0}


def xavier_tf2(workdir):
    import tensorflow as tf

    # The rewrite has no seed: fix every global one before it is built, so the draw does not
    # depend on what ran before in this process.
    tf.keras.utils.set_random_seed(7)
    sample = _tf2().xavier()(shape=(FAN_IN, FAN_OUT))
    return {"bound": tf.reduce_max(tf.abs(sample)), "variance": tf.math.reduce_variance(sample), "mean": tf.reduce_mean(sample)}


def layer_norm_tf2(workdir):
    import tensorflow as tf

    return {"normalized": _tf2().layer_norm(tf.constant(data.W2.T))}


def _images():
    return data.uniform((2, 3, 4, 5), seed=11)


def instance_norm_tf2(workdir):
    import tensorflow as tf

    return {"normalized": _tf2().instance_norm(tf.constant(_images()))}


def adamw_tf2(workdir):
    import tensorflow as tf

    from tf2lint.verify.samples.optimizers import train_tf2

    return train_tf2(tf, _tf2().adamw(), steps=ADAMW_STEPS)


def _graph_run(tf, outputs):
    with tf.Session() as sess:
        sess.run(tf.global_variables_initializer())
        return sess.run(outputs)


def l2_tf1(workdir):
    import tensorflow.compat.v1 as tf

    tf.disable_v2_behavior()
    # contrib.layers.l2_regularizer(scale)(w) returned `scale * nn.l2_loss(w)`
    w = tf.constant(data.W1)
    return _graph_run(tf, {f"scale{i}": s * tf.nn.l2_loss(w) for i, s in enumerate(SCALES)})


def l1_tf1(workdir):
    import tensorflow.compat.v1 as tf

    tf.disable_v2_behavior()
    # contrib.layers.l1_regularizer(scale)(w) returned `scale * reduce_sum(abs(w))`
    w = tf.constant(data.W1)
    return _graph_run(tf, {f"scale{i}": s * tf.reduce_sum(tf.abs(w)) for i, s in enumerate(SCALES)})


def _contrib_norm(tf, x, axes, epsilon):
    # contrib's layer_norm and instance_norm: moments over `axes`, then batch_normalization
    # with beta 0 and gamma 1 (their initial values).
    mean, variance = tf.nn.moments(x, axes, keep_dims=True)
    beta = tf.Variable(tf.zeros(x.shape[-1:]), name="beta")
    gamma = tf.Variable(tf.ones(x.shape[-1:]), name="gamma")
    return tf.nn.batch_normalization(x, mean, variance, beta, gamma, variance_epsilon=epsilon)


def layer_norm_tf1(workdir):
    import tensorflow.compat.v1 as tf

    tf.disable_v2_behavior()
    return _graph_run(tf, {"normalized": _contrib_norm(tf, tf.constant(data.W2.T), [1], 1e-12)})


def instance_norm_tf1(workdir):
    import tensorflow.compat.v1 as tf

    tf.disable_v2_behavior()
    return _graph_run(tf, {"normalized": _contrib_norm(tf, tf.constant(_images()), [1, 2], 1e-6)})


def adamw_tf1(workdir):
    import tensorflow.compat.v1 as tf

    tf.disable_v2_behavior()
    x, y = tf.constant(data.REG_X), tf.constant(data.REG_Y)
    w, b = tf.Variable(data.REG_W0, name="w"), tf.Variable(data.REG_B0, name="b")
    loss = tf.reduce_mean(tf.square(tf.matmul(x, w) + b - y))
    # contrib.opt.AdamWOptimizer(0.01, learning_rate=0.1) is AdamOptimizer with contrib's
    # DecoupledWeightDecayExtension: each variable is decayed by `weight_decay * var` (not
    # scaled by the learning rate) before its Adam update.
    optimizer = tf.train.AdamOptimizer(learning_rate=0.1)
    grads_and_vars = optimizer.compute_gradients(loss, [w, b])
    with tf.control_dependencies([grad for grad, _ in grads_and_vars]):
        decay = tf.group(*[var.assign_sub(0.01 * var) for _, var in grads_and_vars])
    with tf.control_dependencies([decay]):
        train_op = optimizer.apply_gradients(grads_and_vars)
    losses = []
    with tf.Session() as sess:
        sess.run(tf.global_variables_initializer())
        for _ in range(ADAMW_STEPS):
            losses.append(sess.run([loss, train_op])[0])
        return {"w": sess.run(w), "b": sess.run(b), "losses": losses}


TRANSCRIBED = "TF1 side: contrib's implementation on tf.compat.v1 (tf.contrib cannot be imported)"


def _contrib_pair(name, baseline, note, tf2, outputs, **extra):
    """A pair whose TF1 side is contrib's body on compat.v1 (`note` empty) or a closed form."""
    sides = dict(tf1=None, reference=baseline, reference_note=note, tf1_source=CONTRIB) if note else dict(tf1=baseline)
    return Pair(f"contrib-{name}", ("TF602",), tf2=tf2, outputs=outputs, program=CONTRIB, **sides, **extra)


PAIRS = [
    _contrib_pair("l2-regularizer", l2_tf1, "", l2_tf2, f"the penalty for two scales ({TRANSCRIBED})"),
    _contrib_pair("l1-regularizer", l1_tf1, "", l1_tf2, f"the penalty for two scales ({TRANSCRIBED})"),
    _contrib_pair(
        "xavier-initializer",
        xavier_reference,
        "xavier_initializer() draws from U(-sqrt(6 / (fan_in + fan_out)), +sqrt(...))",
        xavier_tf2,
        "bound, variance and mean of 150,000 draws",
        atol=1e-3,
    ),
    _contrib_pair("layer-norm", layer_norm_tf1, "", layer_norm_tf2, f"normalized rows ({TRANSCRIBED})", atol=1e-5),
    _contrib_pair(
        "instance-norm", instance_norm_tf1, "", instance_norm_tf2, f"normalized 2 x 3 x 4 x 5 images ({TRANSCRIBED})", atol=1e-5
    ),
    _contrib_pair("adamw", adamw_tf1, "", adamw_tf2, f"weights and losses over {ADAMW_STEPS} steps ({TRANSCRIBED})", atol=1e-5),
]
