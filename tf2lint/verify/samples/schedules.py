"""Family 7: TF1 learning-rate decay functions against Keras schedules, value by value.

The TF1 side feeds each step as the global step; the TF2 side calls the schedule object
with it (what an optimizer does with `optimizer.iterations`).
"""

from __future__ import annotations

from tf2lint.verify.pairs import Pair

STEPS = list(range(0, 61, 3))


def _values_tf1(tf, decay):
    step = tf.placeholder(tf.int64, [])
    rate = decay(step)
    with tf.Session() as sess:
        return {"rates": [sess.run(rate, feed_dict={step: s}) for s in STEPS]}


def _values_tf2(schedule):
    return {"rates": [float(schedule(s)) for s in STEPS]}


# The TF1 program: each decay function of the global step. tf2lint rewrites each call into the
# Keras schedule object; the harness calls that object with the step, as an optimizer does.
SCHEDULES = """
import tensorflow as tf


def exponential(step):
    return tf.train.exponential_decay(0.1, step, decay_steps=10, decay_rate=0.5, staircase=True)


def piecewise(step):
    return tf.train.piecewise_constant(step, boundaries=[10, 30], values=[0.1, 0.05, 0.01])


def polynomial(step):
    return tf.train.polynomial_decay(0.1, step, 25, end_learning_rate=0.01, power=2.0, cycle=True)


def inverse_time(step):
    return tf.train.inverse_time_decay(0.1, step, decay_steps=10, decay_rate=0.5)


def cosine(step):
    return tf.train.cosine_decay(0.1, step, decay_steps=40, alpha=0.1)


def cosine_restarts(step):
    return tf.train.cosine_decay_restarts(0.1, step, first_decay_steps=10, t_mul=2.0, m_mul=0.8, alpha=0.05)


def natural_exp(step):
    return tf.train.natural_exp_decay(0.1, step, decay_steps=10, decay_rate=0.3)
"""

# In TF 2.x each compat.v1 decay function builds the Keras schedule it is replaced by.
SAME_CLASS = "tf.compat.v1.train decay functions build the Keras schedule; the pair checks tf2lint's arguments"


def schedule_sides(name):
    def tf1_side(workdir):
        import tensorflow.compat.v1 as tf

        from tf2lint.verify.fragments import tf1_program

        tf.disable_v2_behavior()
        return _values_tf1(tf, getattr(tf1_program(SCHEDULES), name))

    def tf2_side(workdir):
        from tf2lint.verify.fragments import tf2_program

        # The rewrite returns a schedule; an optimizer calls it with its step count.
        return _values_tf2(getattr(tf2_program(SCHEDULES), name)(None))

    return tf1_side, tf2_side


def _schedule_pair(name, function):
    tf1, tf2 = schedule_sides(function)
    return Pair(
        f"lr-{name}",
        ("TF703",),
        tf1=tf1,
        tf2=tf2,
        outputs=f"the rate at {len(STEPS)} steps from 0 to {STEPS[-1]}",
        atol=1e-7,
        program=SCHEDULES,
        identity=SAME_CLASS,
    )


PAIRS = [
    _schedule_pair("exponential-decay", "exponential"),
    _schedule_pair("piecewise-constant", "piecewise"),
    _schedule_pair("polynomial-decay-cycle", "polynomial"),
    _schedule_pair("inverse-time-decay", "inverse_time"),
    _schedule_pair("cosine-decay", "cosine"),
    _schedule_pair("cosine-decay-restarts", "cosine_restarts"),
    _schedule_pair("natural-exp-decay", "natural_exp"),
]
