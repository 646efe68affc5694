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


def train_tf2(tf, optimizer, prepare=None, report_step=False):
    """The TF2 way: compute the loss under a GradientTape and apply the gradients."""
    x, y = tf.constant(data.REG_X), tf.constant(data.REG_Y)
    w, b = tf.Variable(data.REG_W0, name="w"), tf.Variable(data.REG_B0, name="b")
    if prepare is not None:
        prepare(optimizer, [w, b])
    losses = []
    for _ in range(STEPS):
        with tf.GradientTape() as tape:
            loss = tf.reduce_mean(tf.square(tf.matmul(x, w) + b - y))
        grads = tape.gradient(loss, [w, b])
        optimizer.apply_gradients(zip(grads, [w, b]))
        losses.append(loss.numpy())
    outputs = {"w": w.numpy(), "b": b.numpy(), "losses": losses}
    if report_step:
        outputs["step"] = optimizer.iterations.numpy()
    return outputs


def gd_tf1(workdir):
    import tensorflow.compat.v1 as tf

    tf.disable_v2_behavior()
    return train_tf1(tf, tf.train.GradientDescentOptimizer(learning_rate=0.1))


def gd_tf2(workdir):
    import tensorflow as tf

    return train_tf2(tf, tf.keras.optimizers.SGD(learning_rate=0.1))


def momentum_tf1(workdir):
    import tensorflow.compat.v1 as tf

    tf.disable_v2_behavior()
    return train_tf1(tf, tf.train.MomentumOptimizer(learning_rate=0.05, momentum=0.9))


def momentum_tf2(workdir):
    import tensorflow as tf

    return train_tf2(tf, tf.keras.optimizers.SGD(learning_rate=0.05, momentum=0.9))


def nesterov_tf1(workdir):
    import tensorflow.compat.v1 as tf

    tf.disable_v2_behavior()
    return train_tf1(tf, tf.train.MomentumOptimizer(learning_rate=0.05, momentum=0.9, use_nesterov=True))


def nesterov_tf2(workdir):
    import tensorflow as tf

    return train_tf2(tf, tf.keras.optimizers.SGD(learning_rate=0.05, momentum=0.9, nesterov=True))


def adam_tf1(workdir):
    import tensorflow.compat.v1 as tf

    tf.disable_v2_behavior()
    return train_tf1(tf, tf.train.AdamOptimizer(learning_rate=0.1, beta1=0.8, beta2=0.99))


def adam_tf2(workdir):
    import tensorflow as tf

    # epsilon=1e-8 keeps TF1's default (Keras defaults to 1e-7).
    return train_tf2(tf, tf.keras.optimizers.Adam(learning_rate=0.1, beta_1=0.8, beta_2=0.99, epsilon=1e-8))


def adagrad_tf1(workdir):
    import tensorflow.compat.v1 as tf

    tf.disable_v2_behavior()
    return train_tf1(tf, tf.train.AdagradOptimizer(learning_rate=0.1, initial_accumulator_value=0.1))


def adagrad_tf2(workdir):
    import tensorflow as tf

    return train_tf2(tf, tf.keras.optimizers.Adagrad(learning_rate=0.1, initial_accumulator_value=0.1))


def adadelta_tf1(workdir):
    import tensorflow.compat.v1 as tf

    tf.disable_v2_behavior()
    return train_tf1(tf, tf.train.AdadeltaOptimizer(learning_rate=1.0, rho=0.95, epsilon=1e-6))


def adadelta_tf2(workdir):
    import tensorflow as tf

    return train_tf2(tf, tf.keras.optimizers.Adadelta(learning_rate=1.0, rho=0.95, epsilon=1e-6))


def ftrl_tf1(workdir):
    import tensorflow.compat.v1 as tf

    tf.disable_v2_behavior()
    optimizer = tf.train.FtrlOptimizer(
        learning_rate=0.5, l1_regularization_strength=0.01, l2_regularization_strength=0.01, accum_name="acc"
    )
    return train_tf1(tf, optimizer)


def ftrl_tf2(workdir):
    import tensorflow as tf

    return train_tf2(tf, tf.keras.optimizers.Ftrl(learning_rate=0.5, l1_regularization_strength=0.01, l2_regularization_strength=0.01))


def rmsprop_tf1(workdir):
    import tensorflow.compat.v1 as tf

    tf.disable_v2_behavior()
    return train_tf1(tf, tf.train.RMSPropOptimizer(learning_rate=0.01, decay=0.9, momentum=0.5))


def rmsprop_tf2(workdir):
    import tensorflow as tf

    return train_tf2(tf, tf.keras.optimizers.RMSprop(learning_rate=0.01, rho=0.9, momentum=0.5))


def start_rms_at_one(optimizer, variables):
    """Give Keras RMSprop TF1's starting point: the mean-square slot at 1.0 instead of 0."""
    optimizer.build(variables)
    for velocity in optimizer._velocities:
        velocity.assign(velocity + 1.0)


def rmsprop_tf2_tf1_numerics(workdir):
    import tensorflow as tf

    optimizer = tf.keras.optimizers.RMSprop(learning_rate=0.01, rho=0.9, momentum=0.5, epsilon=1e-10)
    return train_tf2(tf, optimizer, prepare=start_rms_at_one)


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


def _optimizer_pair(name, tf1, tf2, atol=1e-6):
    return Pair(f"optimizer-{name}", ("TF701",), tf1=tf1, tf2=tf2, outputs=f"weights and losses over {STEPS} steps", atol=atol)


PAIRS = [
    _optimizer_pair("gradient-descent", gd_tf1, gd_tf2),
    _optimizer_pair("momentum", momentum_tf1, momentum_tf2),
    _optimizer_pair("nesterov", nesterov_tf1, nesterov_tf2),
    _optimizer_pair("adam", adam_tf1, adam_tf2),
    # Keras adds epsilon (1e-7) to the accumulator's square root and TF1 does not; with the
    # accumulator starting at 0.1 that stays far below the tolerance.
    _optimizer_pair("adagrad", adagrad_tf1, adagrad_tf2),
    _optimizer_pair("adadelta", adadelta_tf1, adadelta_tf2),
    _optimizer_pair("ftrl", ftrl_tf1, ftrl_tf2),
    Pair(
        "optimizer-rmsprop",
        ("TF701",),
        tf1=rmsprop_tf1,
        tf2=rmsprop_tf2,
        outputs=f"weights and losses over {STEPS} steps",
        difference=Difference(
            "slot initialization and epsilon",
            "TF1 starts the mean-square slot at 1.0 with epsilon 1e-10, Keras at 0 with epsilon 1e-7, "
            "so early steps are larger in Keras",
            explained_by=rmsprop_tf2_tf1_numerics,
        ),
    ),
    Pair(
        "minimize-global-step",
        ("TF702", "TF306"),
        tf1=global_step_tf1,
        tf2=global_step_tf2,
        outputs=f"weights, losses and the step counter after {STEPS} steps",
    ),
]
