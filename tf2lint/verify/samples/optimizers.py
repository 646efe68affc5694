"""Family 7: each TF1 optimizer and its Keras replacement, step by step on the same regression.

Both sides start from the same weights and take STEPS full-batch steps on a fixed linear
regression; the outputs are the final weights and the loss before every step.
"""

from __future__ import annotations

from tf2lint.verify.pairs import Difference, Pair
from tf2lint.verify.samples import _data as data

STEPS = 20


def train_tf1(tf, optimizer):
    """The TF1 way: build the loss in the graph, `minimize` it, run the train op in a session."""
    x, y = tf.constant(data.REG_X), tf.constant(data.REG_Y)
    w, b = tf.Variable(data.REG_W0, name="w"), tf.Variable(data.REG_B0, name="b")
    loss = tf.reduce_mean(tf.square(tf.matmul(x, w) + b - y))
    train_op = optimizer.minimize(loss)
    losses = []
    with tf.Session() as sess:
        sess.run(tf.global_variables_initializer())
        for _ in range(STEPS):
            losses.append(sess.run([loss, train_op])[0])
        return {"w": sess.run(w), "b": sess.run(b), "losses": losses}


def train_tf2(tf, optimizer, prepare=None, report_step=False, steps=STEPS):
    """The TF2 way: compute the loss under a GradientTape and apply the gradients."""
    x, y = tf.constant(data.REG_X), tf.constant(data.REG_Y)
    w, b = tf.Variable(data.REG_W0, name="w"), tf.Variable(data.REG_B0, name="b")
    if prepare is not None:
        prepare(optimizer, [w, b])
    losses = []
    for _ in range(steps):
        with tf.GradientTape() as tape:
            loss = tf.reduce_mean(tf.square(tf.matmul(x, w) + b - y))
        grads = tape.gradient(loss, [w, b])
        optimizer.apply_gradients(zip(grads, [w, b]))
        losses.append(loss.numpy())
    outputs = {"w": w.numpy(), "b": b.numpy(), "losses": losses}
    if report_step:
        outputs["step"] = optimizer.iterations.numpy()
    return outputs


# The TF1 programs whose optimizer constructions tf2lint rewrites; the training loops around
# them (a session running `minimize`, a GradientTape loop) are the harness above.
OPTIMIZERS = """
import tensorflow as tf


def gradient_descent():
    return tf.train.GradientDescentOptimizer(learning_rate=0.1)


def momentum():
    return tf.train.MomentumOptimizer(0.05, 0.9)


def nesterov():
    return tf.train.MomentumOptimizer(learning_rate=0.05, momentum=0.9, use_nesterov=True)


def adam():
    return tf.train.AdamOptimizer(0.1, beta1=0.8, beta2=0.99)


def adagrad():
    return tf.train.AdagradOptimizer(learning_rate=0.1, initial_accumulator_value=0.1)


def adadelta():
    return tf.train.AdadeltaOptimizer(learning_rate=1.0, rho=0.95, epsilon=1e-6)


def ftrl():
    return tf.train.FtrlOptimizer(0.5, l1_regularization_strength=0.01, l2_regularization_strength=0.01, accum_name="acc")


def rmsprop():
    return tf.train.RMSPropOptimizer(0.01, 0.9, 0.5)
"""


def optimizer_sides(name):
    """The TF1 side trains with the program's optimizer, the TF2 side with tf2lint's rewrite of it."""

    def tf1_side(workdir):
        import tensorflow.compat.v1 as tf

        from tf2lint.verify.fragments import tf1_program

        tf.disable_v2_behavior()
        return train_tf1(tf, getattr(tf1_program(OPTIMIZERS), name)())

    def tf2_side(workdir):
        import tensorflow as tf

        from tf2lint.verify.fragments import tf2_program

        return train_tf2(tf, getattr(tf2_program(OPTIMIZERS), name)())

    return tf1_side, tf2_side


gd_tf1, gd_tf2 = optimizer_sides("gradient_descent")
adam_tf1, adam_tf2 = optimizer_sides("adam")
rmsprop_tf1, rmsprop_tf2 = optimizer_sides("rmsprop")


def start_rms_at_one(optimizer, variables):
    """Give Keras RMSprop TF1's starting point: the mean-square slot at 1.0 instead of 0."""
    optimizer.build(variables)
    for velocity in optimizer._velocities:
        velocity.assign(velocity + 1.0)


def rmsprop_tf2_tf1_numerics(workdir):
    import tensorflow as tf

    from tf2lint.verify.fragments import tf2_program

    # tf2lint's rewrite (which keeps TF1's epsilon), started where TF1 starts its slot.
    return train_tf2(tf, tf2_program(OPTIMIZERS).rmsprop(), prepare=start_rms_at_one)


def global_step_tf1(workdir):
    import tensorflow.compat.v1 as tf

    tf.disable_v2_behavior()
    x, y = tf.constant(data.REG_X), tf.constant(data.REG_Y)
    w, b = tf.Variable(data.REG_W0, name="w"), tf.Variable(data.REG_B0, name="b")
    loss = tf.reduce_mean(tf.square(tf.matmul(x, w) + b - y))
    global_step = tf.train.get_or_create_global_step()
    train_op = tf.train.GradientDescentOptimizer(learning_rate=0.1).minimize(loss, global_step=global_step)
    losses = []
    with tf.Session() as sess:
        sess.run(tf.global_variables_initializer())
        for _ in range(STEPS):
            losses.append(sess.run([loss, train_op])[0])
        return {"w": sess.run(w), "b": sess.run(b), "losses": losses, "step": sess.run(global_step)}


def global_step_tf2(workdir):
    import tensorflow as tf

    return train_tf2(tf, tf.keras.optimizers.SGD(learning_rate=0.1), report_step=True)


# Keras 2's legacy optimizers fail under Keras 3 (TF 2.16+), where tf2lint reports them.
LEGACY = """
import tensorflow as tf


def adam():
    return tf.keras.optimizers.legacy.Adam(learning_rate=0.1, beta_1=0.8, beta_2=0.99)
"""
KERAS_3 = (2, 16)


def legacy_tf1(workdir):
    import tensorflow as tf

    from tf2lint.verify.fragments import _module

    # The "TF1" side is Keras 2 code: it runs eagerly, with the legacy class.
    return train_tf2(tf, _module(LEGACY, "legacy_program").adam())


def legacy_tf2(workdir):
    import tensorflow as tf

    from tf2lint.verify.fragments import tf2_program

    return train_tf2(tf, tf2_program(LEGACY, target=KERAS_3).adam())


def _optimizer_pair(name, function, **extra):
    tf1, tf2 = optimizer_sides(function)
    return Pair(
        f"optimizer-{name}",
        ("TF701",),
        tf1=tf1,
        tf2=tf2,
        outputs=f"weights and losses over {STEPS} steps",
        program=OPTIMIZERS,
        **extra,
    )


PAIRS = [
    _optimizer_pair("gradient-descent", "gradient_descent"),
    _optimizer_pair("momentum", "momentum"),
    _optimizer_pair("nesterov", "nesterov"),
    _optimizer_pair("adam", "adam"),
    # Keras adds epsilon (1e-7) to the accumulator's square root and TF1 does not; with the
    # accumulator starting at 0.1 that stays far below the tolerance.
    _optimizer_pair("adagrad", "adagrad"),
    _optimizer_pair("adadelta", "adadelta"),
    _optimizer_pair("ftrl", "ftrl"),
    _optimizer_pair(
        "rmsprop",
        "rmsprop",
        difference=Difference(
            "slot initialization and epsilon",
            "TF1 starts the mean-square slot at 1.0, Keras at 0 (the rewrite keeps TF1's epsilon 1e-10), "
            "so early steps are larger in Keras",
            explained_by=rmsprop_tf2_tf1_numerics,
        ),
    ),
    Pair(
        "legacy-keras-optimizer",
        ("TF704",),
        tf1=legacy_tf1,
        tf2=legacy_tf2,
        outputs=f"weights and losses over {STEPS} steps (legacy Adam vs tf.keras.optimizers.Adam)",
        program=LEGACY,
        target=KERAS_3,
        tf1_eager=True,
        max_tf=(2, 15),
        version_note="the legacy Keras 2 optimizers fail under Keras 3",
    ),
    Pair(
        "minimize-global-step",
        ("TF702", "TF306"),
        tf1=global_step_tf1,
        tf2=global_step_tf2,
        outputs=f"weights, losses and the step counter after {STEPS} steps",
        hand="minimize with a global step becomes a GradientTape step counted by optimizer.iterations (a restructuring)",
    ),
]
