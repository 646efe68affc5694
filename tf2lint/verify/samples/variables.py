"""Family 2: variable scopes, collections and `tf.layers` become objects that own their variables."""

from __future__ import annotations

from tf2lint.verify.pairs import Pair
from tf2lint.verify.samples import _data as data

L2_SCALE = 0.01  # TF1 regularizers here compute L2_SCALE * tf.nn.l2_loss(w) = L2_SCALE * sum(w**2) / 2


def scoped_model_tf1(workdir):
    import tensorflow.compat.v1 as tf

    tf.disable_v2_behavior()

    def dense(x, w0, b0, name):
        with tf.variable_scope(name):
            w = tf.get_variable("w", initializer=w0, regularizer=lambda t: L2_SCALE * tf.nn.l2_loss(t))
            b = tf.get_variable("b", initializer=b0)
        return tf.matmul(x, w) + b

    x = tf.placeholder(tf.float32, [None, 3])
    hidden = tf.nn.relu(dense(x, data.W1, data.B1, "hidden"))
    logits = dense(hidden, data.W2, data.B2, "logits")
    reg_loss = tf.losses.get_regularization_loss()
    trainable = tf.get_collection(tf.GraphKeys.TRAINABLE_VARIABLES)
    with tf.Session() as sess:
        sess.run(tf.global_variables_initializer())
        out, reg, values = sess.run([logits, reg_loss, trainable], feed_dict={x: data.X})
    return {"logits": out, "reg_loss": reg, "count": len(values), **{f"var{i}": v for i, v in enumerate(values)}}


def scoped_model_tf2(workdir):
    import tensorflow as tf

    class Dense(tf.keras.layers.Layer):
        def __init__(self, w0, b0, **kwargs):
            super().__init__(**kwargs)
            self.w = self.add_weight(
                name="w",
                shape=w0.shape,
                initializer=tf.keras.initializers.Constant(w0),
                regularizer=tf.keras.regularizers.l2(0.5 * L2_SCALE),
            )
            self.b = self.add_weight(name="b", shape=b0.shape, initializer=tf.keras.initializers.Constant(b0))

        def call(self, x):
            return tf.matmul(x, self.w) + self.b

    class Model(tf.keras.layers.Layer):
        def __init__(self, **kwargs):
            super().__init__(**kwargs)
            self.hidden = Dense(data.W1, data.B1)
            self.logits = Dense(data.W2, data.B2)

        def call(self, x):
            return self.logits(tf.nn.relu(self.hidden(x)))

    model = Model()
    logits = model(data.X)
    values = [v.numpy() for v in model.trainable_variables]
    return {"logits": logits, "reg_loss": tf.add_n(model.losses), "count": len(values), **{f"var{i}": v for i, v in enumerate(values)}}


def module_variables_tf1(workdir):
    import tensorflow.compat.v1 as tf

    tf.disable_v2_behavior()
    with tf.variable_scope("linear", reuse=tf.AUTO_REUSE):
        w = tf.get_variable("w", initializer=data.W1)
    with tf.variable_scope("linear", reuse=tf.AUTO_REUSE):
        w_again = tf.get_variable("w", initializer=data.W1)
    y = tf.matmul(data.X, w) + tf.matmul(data.X, w_again)
    with tf.Session() as sess:
        sess.run(tf.global_variables_initializer())
        out, shared = sess.run([y, tf.global_variables()])
    return {"y": out, "count": len(shared)}


def module_variables_tf2(workdir):
    import tensorflow as tf

    class Linear(tf.Module):
        def __init__(self):
            super().__init__(name="linear")
            self.w = tf.Variable(data.W1, name="w")

        def __call__(self, x):
            return tf.matmul(x, self.w)

    linear = Linear()  # shared by being the same object, not by scope name
    y = linear(data.X) + linear(data.X)
    return {"y": y, "count": len(linear.variables)}


def layers_dense_tf1(workdir):
    import tensorflow.compat.v1 as tf

    tf.disable_v2_behavior()
    x = tf.placeholder(tf.float32, [None, 3])
    hidden = tf.layers.dense(
        x,
        4,
        activation=tf.nn.relu,
        kernel_initializer=tf.constant_initializer(data.W1),
        bias_initializer=tf.constant_initializer(data.B1),
        kernel_regularizer=lambda t: L2_SCALE * tf.nn.l2_loss(t),
    )
    logits = tf.layers.dense(hidden, 2, kernel_initializer=tf.constant_initializer(data.W2))
    reg_loss = tf.losses.get_regularization_loss()
    with tf.Session() as sess:
        sess.run(tf.global_variables_initializer())
        out, reg = sess.run([logits, reg_loss], feed_dict={x: data.X})
    return {"logits": out, "reg_loss": reg}


def layers_dense_tf2(workdir):
    import tensorflow as tf

    hidden = tf.keras.layers.Dense(
        4,
        activation="relu",
        kernel_initializer=tf.keras.initializers.Constant(data.W1),
        bias_initializer=tf.keras.initializers.Constant(data.B1),
        kernel_regularizer=tf.keras.regularizers.l2(0.5 * L2_SCALE),
    )
    logits = tf.keras.layers.Dense(2, kernel_initializer=tf.keras.initializers.Constant(data.W2))
    out = logits(hidden(data.X))
    return {"logits": out, "reg_loss": tf.add_n(hidden.losses + logits.losses)}


def template_tf1(workdir):
    import tensorflow.compat.v1 as tf

    tf.disable_v2_behavior()

    def net(x):
        w = tf.get_variable("w", initializer=data.W1)
        return tf.matmul(x, w)

    shared = tf.make_template("net", net)
    first, second = shared(data.X), shared(2.0 * data.X)
    with tf.Session() as sess:
        sess.run(tf.global_variables_initializer())
        a, b = sess.run([first, second])
        count = len(tf.trainable_variables())
    return {"first": a, "second": b, "count": count}


def template_tf2(workdir):
    import tensorflow as tf

    class Net(tf.keras.layers.Layer):
        def build(self, input_shape):
            self.w = self.add_weight(name="w", shape=data.W1.shape, initializer=tf.keras.initializers.Constant(data.W1))

        def call(self, x):
            return tf.matmul(x, self.w)

    shared = Net()
    first, second = shared(data.X), shared(2.0 * data.X)
    return {"first": first, "second": second, "count": len(shared.trainable_variables)}


PAIRS = [
    Pair(
        "variable-scope-to-layer",
        ("TF201", "TF202", "TF203", "TF207"),
        tf1=scoped_model_tf1,
        tf2=scoped_model_tf2,
        outputs="forward pass, regularization loss and the trainable variables in order",
        hand="variable scopes, get_variable and the regularization collection become a Keras layer class (a restructuring)",
    ),
    Pair(
        "auto-reuse-to-module",
        ("TF201", "TF202", "TF204"),
        tf1=module_variables_tf1,
        tf2=module_variables_tf2,
        outputs="output of a shared variable and the variable count",
        hand="AUTO_REUSE sharing becomes one tf.Module reused as an object (a restructuring)",
    ),
    Pair(
        "tf-layers-to-keras",
        ("TF205", "TF207"),
        tf1=layers_dense_tf1,
        tf2=layers_dense_tf2,
        outputs="forward pass and regularization loss",
        max_tf=(2, 15),
        version_note="tf.compat.v1.layers is built on Keras 2",
        hand="a tf.layers call becomes a layer object called on its input; TF205 renders a template (`tf.keras.layers.Dense(...)`)",
    ),
    Pair(
        "make-template-to-layer",
        ("TF206", "TF204"),
        tf1=template_tf1,
        tf2=template_tf2,
        outputs="two calls sharing one variable, and the variable count",
        hand="make_template becomes a layer object (a restructuring)",
    ),
]
