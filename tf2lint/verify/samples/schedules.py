"""Family 7: TF1 learning-rate decay functions against Keras schedules, value by value.

The TF1 side feeds each step as the global step; the TF2 side calls the schedule object
with it (what an optimizer does with `optimizer.iterations`).
"""

from __future__ import annotations

import math

from tf2lint.verify.pairs import Pair

STEPS = list(range(0, 61, 3))


def _values_tf1(tf, decay):
    step = tf.placeholder(tf.int64, [])
    rate = decay(step)
    with tf.Session() as sess:
        return {"rates": [sess.run(rate, feed_dict={step: s}) for s in STEPS]}


def _values_tf2(schedule):
    return {"rates": [float(schedule(s)) for s in STEPS]}


def exponential_tf1(workdir):
    import tensorflow.compat.v1 as tf

    tf.disable_v2_behavior()
    return _values_tf1(tf, lambda step: tf.train.exponential_decay(0.1, step, decay_steps=10, decay_rate=0.5, staircase=True))


def exponential_tf2(workdir):
    import tensorflow as tf

    return _values_tf2(tf.keras.optimizers.schedules.ExponentialDecay(0.1, decay_steps=10, decay_rate=0.5, staircase=True))


def piecewise_tf1(workdir):
    import tensorflow.compat.v1 as tf

    tf.disable_v2_behavior()
    return _values_tf1(tf, lambda step: tf.train.piecewise_constant(step, boundaries=[10, 30], values=[0.1, 0.05, 0.01]))


def piecewise_tf2(workdir):
    import tensorflow as tf

    return _values_tf2(tf.keras.optimizers.schedules.PiecewiseConstantDecay(boundaries=[10, 30], values=[0.1, 0.05, 0.01]))


def polynomial_tf1(workdir):
    import tensorflow.compat.v1 as tf

    tf.disable_v2_behavior()
    return _values_tf1(
        tf, lambda step: tf.train.polynomial_decay(0.1, step, decay_steps=25, end_learning_rate=0.01, power=2.0, cycle=True)
    )


def polynomial_tf2(workdir):
    import tensorflow as tf

    schedule = tf.keras.optimizers.schedules.PolynomialDecay(0.1, decay_steps=25, end_learning_rate=0.01, power=2.0, cycle=True)
    return _values_tf2(schedule)


def inverse_time_tf1(workdir):
    import tensorflow.compat.v1 as tf

    tf.disable_v2_behavior()
    return _values_tf1(tf, lambda step: tf.train.inverse_time_decay(0.1, step, decay_steps=10, decay_rate=0.5))


def inverse_time_tf2(workdir):
    import tensorflow as tf

    return _values_tf2(tf.keras.optimizers.schedules.InverseTimeDecay(0.1, decay_steps=10, decay_rate=0.5))


def cosine_tf1(workdir):
    import tensorflow.compat.v1 as tf

    tf.disable_v2_behavior()
    return _values_tf1(tf, lambda step: tf.train.cosine_decay(0.1, step, decay_steps=40, alpha=0.1))


def cosine_tf2(workdir):
    import tensorflow as tf

    return _values_tf2(tf.keras.optimizers.schedules.CosineDecay(0.1, decay_steps=40, alpha=0.1))


def cosine_restarts_tf1(workdir):
    import tensorflow.compat.v1 as tf

    tf.disable_v2_behavior()
    return _values_tf1(tf, lambda step: tf.train.cosine_decay_restarts(0.1, step, first_decay_steps=10, t_mul=2.0, m_mul=0.8, alpha=0.05))


def cosine_restarts_tf2(workdir):
    import tensorflow as tf

    schedule = tf.keras.optimizers.schedules.CosineDecayRestarts(0.1, first_decay_steps=10, t_mul=2.0, m_mul=0.8, alpha=0.05)
    return _values_tf2(schedule)


def natural_exp_tf1(workdir):
    import tensorflow.compat.v1 as tf

    tf.disable_v2_behavior()
    return _values_tf1(tf, lambda step: tf.train.natural_exp_decay(0.1, step, decay_steps=10, decay_rate=0.3))


def natural_exp_tf2(workdir):
    import tensorflow as tf

    return _values_tf2(tf.keras.optimizers.schedules.ExponentialDecay(0.1, decay_steps=10, decay_rate=math.exp(-0.3)))


def _schedule_pair(name, tf1, tf2):
    return Pair(f"lr-{name}", ("TF703",), tf1=tf1, tf2=tf2, outputs=f"the rate at {len(STEPS)} steps from 0 to {STEPS[-1]}", atol=1e-7)


PAIRS = [
    _schedule_pair("exponential-decay", exponential_tf1, exponential_tf2),
    _schedule_pair("piecewise-constant", piecewise_tf1, piecewise_tf2),
    _schedule_pair("polynomial-decay-cycle", polynomial_tf1, polynomial_tf2),
    _schedule_pair("inverse-time-decay", inverse_time_tf1, inverse_time_tf2),
    _schedule_pair("cosine-decay", cosine_tf1, cosine_tf2),
    _schedule_pair("cosine-decay-restarts", cosine_restarts_tf1, cosine_restarts_tf2),
    _schedule_pair("natural-exp-decay", natural_exp_tf1, natural_exp_tf2),
]
