"""Family 9: renamed symbols and keywords compute the same values under their TF2 names."""

from __future__ import annotations

from tf2lint.verify.pairs import Pair
from tf2lint.verify.samples import _data as data

KEEP_PROB = 0.8
DROPOUT_SHAPE = (400, 250)


def symbols_tf1(workdir):
    import tensorflow.compat.v1 as tf

    tf.disable_v2_behavior()
    x = tf.constant(data.W1)
    counts = tf.constant([[1, 2], [3, 4]])
    outputs = {
        "to_float": tf.to_float(counts),
        "to_int32": tf.to_int32(x * 10.0),
        "log": tf.log(tf.abs(x) + 1.0),
        "squared_difference": tf.squared_difference(x, 0.5),
        "matrix_transpose": tf.matrix_transpose(x),
    }
    with tf.Session() as sess:
        return sess.run(outputs)


def symbols_tf2(workdir):
    import tensorflow as tf

    x = tf.constant(data.W1)
    counts = tf.constant([[1, 2], [3, 4]])
    return {
        "to_float": tf.cast(counts, tf.float32),
        "to_int32": tf.cast(x * 10.0, tf.int32),
        "log": tf.math.log(tf.abs(x) + 1.0),
        "squared_difference": tf.math.squared_difference(x, 0.5),
        "matrix_transpose": tf.linalg.matrix_transpose(x),
    }


def keywords_tf1(workdir):
    import tensorflow.compat.v1 as tf

    tf.disable_v2_behavior()
    x = tf.constant(data.W1)
    outputs = {
        "sum_keep_dims": tf.reduce_sum(x, axis=1, keep_dims=True),
        "mean_reduction_indices": tf.reduce_mean(x, reduction_indices=[0]),
        "softmax_dim": tf.nn.softmax(x, dim=0),
        "argmax_dimension": tf.argmax(x, dimension=1),
        "expand_dims_dim": tf.expand_dims(x, dim=0),
        "squeeze_dims": tf.squeeze(tf.expand_dims(x, 0), squeeze_dims=[0]),
    }
    with tf.Session() as sess:
        return sess.run(outputs)


def keywords_tf2(workdir):
    import tensorflow as tf

    x = tf.constant(data.W1)
    return {
        "sum_keep_dims": tf.reduce_sum(x, axis=1, keepdims=True),
        "mean_reduction_indices": tf.reduce_mean(x, axis=[0]),
        "softmax_dim": tf.nn.softmax(x, axis=0),
        "argmax_dimension": tf.argmax(x, axis=1),
        "expand_dims_dim": tf.expand_dims(x, axis=0),
        "squeeze_dims": tf.squeeze(tf.expand_dims(x, 0), axis=[0]),
    }


def _dropout_statistics(tf, dropped):
    kept = tf.cast(tf.not_equal(dropped, 0.0), tf.float32)
    return {
        "kept_fraction": tf.reduce_mean(kept),
        # every kept element is scaled by 1 / keep_prob == 1 / (1 - rate)
        "kept_value": tf.reduce_sum(dropped) / tf.reduce_sum(kept),
    }


def dropout_tf1(workdir):
    import tensorflow.compat.v1 as tf

    tf.disable_v2_behavior()
    tf.set_random_seed(1)
    dropped = tf.nn.dropout(tf.ones(DROPOUT_SHAPE), keep_prob=KEEP_PROB)
    with tf.Session() as sess:
        return sess.run(_dropout_statistics(tf, dropped))


def dropout_tf2(workdir):
    import tensorflow as tf

    tf.random.set_seed(1)
    dropped = tf.nn.dropout(tf.ones(DROPOUT_SHAPE), rate=1 - KEEP_PROB)
    return _dropout_statistics(tf, dropped)


def poisson_tf1(workdir):
    import tensorflow.compat.v1 as tf

    tf.disable_v2_behavior()
    tf.set_random_seed(3)
    draws = tf.random.poisson([1.0, 4.0], [6], seed=5)  # TF1 order: lam, shape
    with tf.Session() as sess:
        return {"draws": sess.run(draws)}


def poisson_tf2(workdir):
    import tensorflow as tf

    tf.random.set_seed(3)
    return {"draws": tf.random.poisson([6], [1.0, 4.0], seed=5)}  # TF2 order: shape, lam


PAIRS = [
    Pair(
        "renamed-symbols",
        ("TF902",),
        tf1=symbols_tf1,
        tf2=symbols_tf2,
        outputs="to_float, to_int32, log, squared_difference and matrix_transpose results",
    ),
    Pair(
        "renamed-keywords",
        ("TF903",),
        tf1=keywords_tf1,
        tf2=keywords_tf2,
        outputs="reductions, softmax, argmax, expand_dims and squeeze with the renamed keywords",
    ),
    Pair(
        "dropout-keep-prob-to-rate",
        ("TF903",),
        tf1=dropout_tf1,
        tf2=dropout_tf2,
        outputs="kept fraction and kept value of 100,000 dropped ones (the random masks differ)",
        atol=0.01,
    ),
    Pair(
        "poisson-argument-order",
        ("TF906",),
        tf1=poisson_tf1,
        tf2=poisson_tf2,
        outputs="seeded Poisson draws (shape 6 x 2)",
    ),
]
