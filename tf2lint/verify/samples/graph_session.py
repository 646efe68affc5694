"""Family 1: a session fed through placeholders becomes a function called with values."""

from __future__ import annotations

from tf2lint.verify.pairs import Pair
from tf2lint.verify.samples import _data as data


def session_forward_tf1(workdir):
    import tensorflow.compat.v1 as tf

    tf.disable_v2_behavior()
    x = tf.placeholder(tf.float32, shape=[None, 3])
    w1, b1 = tf.Variable(data.W1), tf.Variable(data.B1)
    w2, b2 = tf.Variable(data.W2), tf.Variable(data.B2)
    hidden = tf.nn.relu(tf.matmul(x, w1) + b1)
    probs = tf.nn.softmax(tf.matmul(hidden, w2) + b2)
    init = tf.global_variables_initializer()
    with tf.Session() as sess:
        sess.run(init)
        full = sess.run(probs, feed_dict={x: data.X})
        first = sess.run(probs, feed_dict={x: data.X[:1]})
    return {"probs": full, "first": first}


def session_forward_tf2(workdir):
    import tensorflow as tf

    w1, b1 = tf.Variable(data.W1), tf.Variable(data.B1)
    w2, b2 = tf.Variable(data.W2), tf.Variable(data.B2)

    @tf.function(input_signature=[tf.TensorSpec([None, 3], tf.float32)])
    def forward(x):
        hidden = tf.nn.relu(tf.matmul(x, w1) + b1)
        return tf.nn.softmax(tf.matmul(hidden, w2) + b2)

    return {"probs": forward(data.X), "first": forward(data.X[:1])}


def placeholder_default_tf1(workdir):
    import tensorflow.compat.v1 as tf

    tf.disable_v2_behavior()
    x = tf.placeholder(tf.float32, shape=[None, 3])
    scale = tf.placeholder_with_default(tf.constant(0.5), shape=[])
    y = tf.reduce_sum(x * scale, axis=1)
    with tf.Session() as sess:
        default = sess.run(y, feed_dict={x: data.X})
        fed = sess.run(y, feed_dict={x: data.X, scale: 2.0})
    return {"default": default, "fed": fed}


def placeholder_default_tf2(workdir):
    import tensorflow as tf

    @tf.function
    def scaled_sum(x, scale=0.5):
        return tf.reduce_sum(x * scale, axis=1)

    return {"default": scaled_sum(data.X), "fed": scaled_sum(data.X, 2.0)}


PY_FUNC = """
import numpy as np
import tensorflow as tf


def sinh(x):
    return tf.py_func(lambda v: np.sinh(v).astype(np.float32), [x], tf.float32)
"""


def py_func_tf1(workdir):
    import tensorflow.compat.v1 as tf

    from tf2lint.verify.fragments import tf1_program

    tf.disable_v2_behavior()
    x = tf.placeholder(tf.float32, shape=[None, 3])
    y = tf1_program(PY_FUNC).sinh(x)
    with tf.Session() as sess:
        return {"sinh": sess.run(y, feed_dict={x: data.X})}


def py_func_tf2(workdir):
    import tensorflow as tf

    from tf2lint.verify.fragments import tf2_program

    return {"sinh": tf.function(tf2_program(PY_FUNC).sinh)(tf.constant(data.X))}


DIMENSIONS = """
import tensorflow as tf


def dimensions(x):
    return {"width": x.shape[1].value, "batch_is_unknown": x.get_shape()[0].value is None}
"""


def dimension_tf1(workdir):
    import tensorflow.compat.v1 as tf

    from tf2lint.verify.fragments import tf1_program

    tf.disable_v2_behavior()
    return tf1_program(DIMENSIONS).dimensions(tf.placeholder(tf.float32, shape=[None, 3]))


def dimension_tf2(workdir):
    import tensorflow as tf

    from tf2lint.verify.fragments import tf2_program

    shapes = {}

    @tf.function(input_signature=[tf.TensorSpec([None, 3], tf.float32)])
    def inspect(x):
        shapes.update(tf2_program(DIMENSIONS).dimensions(x))
        return x

    inspect.get_concrete_function()
    return shapes


SEEDS = """
import tensorflow as tf


def draws():
    tf.set_random_seed(3)
    return {"uniform": tf.random_uniform([4], seed=7), "normal": tf.random_normal([3], seed=11)}
"""


def seeds_tf1(workdir):
    import tensorflow.compat.v1 as tf

    from tf2lint.verify.fragments import tf1_program

    tf.disable_v2_behavior()
    draws = tf1_program(SEEDS).draws()
    with tf.Session() as sess:
        return sess.run(draws)


def seeds_tf2(workdir):
    from tf2lint.verify.fragments import tf2_program

    return tf2_program(SEEDS).draws()


def default_graph_tf1(workdir):
    import tensorflow.compat.v1 as tf

    tf.disable_v2_behavior()
    with tf.Graph().as_default() as graph:
        x = tf.placeholder(tf.float32, shape=[None, 3])
        y = tf.nn.relu(tf.matmul(x, tf.constant(data.W1)) + data.B1)
        assert tf.get_default_graph() is graph
        has_matmul = "MatMul" in {op.type for op in graph.get_operations()}
        with tf.Session() as sess:
            return {"y": sess.run(y, feed_dict={x: data.X}), "has_matmul": float(has_matmul)}


def default_graph_tf2(workdir):
    import tensorflow as tf

    @tf.function
    def layer(x):
        return tf.nn.relu(tf.matmul(x, tf.constant(data.W1)) + data.B1)

    graph = layer.get_concrete_function(tf.TensorSpec([None, 3], tf.float32)).graph
    has_matmul = "MatMul" in {op.type for op in graph.get_operations()}
    return {"y": layer(tf.constant(data.X)), "has_matmul": float(has_matmul)}


def soft_placement_tf1(workdir):
    import tensorflow.compat.v1 as tf

    tf.disable_v2_behavior()
    # A GPU-pinned op runs on the CPU when no GPU exists: the session needs soft placement.
    with tf.device("/device:GPU:0"):
        y = tf.matmul(tf.constant(data.X), tf.constant(data.W1))
    config = tf.ConfigProto(allow_soft_placement=True)
    with tf.Session(config=config) as sess:
        return {"y": sess.run(y)}


def soft_placement_tf2(workdir):
    import tensorflow as tf

    tf.config.set_soft_device_placement(True)
    with tf.device("/device:GPU:0"):
        y = tf.matmul(tf.constant(data.X), tf.constant(data.W1))
    return {"y": y}


PAIRS = [
    Pair(
        "default-graph-to-function",
        ("TF105",),
        tf1=default_graph_tf1,
        tf2=default_graph_tf2,
        outputs="a layer built in an explicit default graph, and whether its graph holds the MatMul",
        hand="ops built under Graph().as_default() become a tf.function; its concrete function's graph is inspected (a restructuring)",
    ),
    Pair(
        "config-proto-soft-placement",
        ("TF110",),
        tf1=soft_placement_tf1,
        tf2=soft_placement_tf2,
        outputs="a GPU-pinned matmul run with soft device placement",
        hand="the session's ConfigProto becomes a process-wide tf.config call (a restructuring: there is no session to configure)",
    ),
    Pair(
        "session-placeholder-forward",
        ("TF101", "TF102", "TF103", "TF104"),
        tf1=session_forward_tf1,
        tf2=session_forward_tf2,
        outputs="forward-pass outputs for a batch and a single row",
        hand="Session, placeholders and feed_dict become a Python function and its arguments (a restructuring)",
    ),
    Pair(
        "placeholder-with-default",
        ("TF102",),
        tf1=placeholder_default_tf1,
        tf2=placeholder_default_tf2,
        outputs="outputs with the default and with a fed value",
        hand="the placeholder becomes a default argument of the function that computes the output (a restructuring)",
    ),
    Pair(
        "py-func-numpy-function",
        ("TF108",),
        tf1=py_func_tf1,
        tf2=py_func_tf2,
        outputs="Python op outputs",
        program=PY_FUNC,
    ),
    Pair(
        "random-ops-with-op-seeds",
        ("TF109", "TF902"),
        tf1=seeds_tf1,
        tf2=seeds_tf2,
        outputs="uniform and normal draws of ops that have their own seed (ops without one draw other values)",
        program=SEEDS,
    ),
    Pair("dimension-value", ("TF111",), tf1=dimension_tf1, tf2=dimension_tf2, outputs="static shape entries", program=DIMENSIONS),
]
