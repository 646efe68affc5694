"""Family 9: renamed symbols and keywords compute the same values under their TF2 names."""

from __future__ import annotations

from tf2lint.verify.pairs import Pair
from tf2lint.verify.samples import _data as data

KEEP_PROB = 0.8
DROPOUT_SHAPE = (400, 250)


# The TF1 programs; tf2lint renames the symbols and keywords, the sides run them on the same inputs.
SYMBOLS = """
import tensorflow as tf


def symbols(x, counts):
    return {
        "to_float": tf.to_float(counts),
        "to_int32": tf.to_int32(x * 10.0),
        "log": tf.log(tf.abs(x) + 1.0),
        "squared_difference": tf.squared_difference(x, 0.5),
        "matrix_transpose": tf.matrix_transpose(x),
    }
"""

KEYWORDS = """
import tensorflow as tf


def keywords(x):
    return {
        "sum_keep_dims": tf.reduce_sum(x, axis=1, keep_dims=True),
        "mean_reduction_indices": tf.reduce_mean(x, reduction_indices=[0]),
        "softmax_dim": tf.nn.softmax(x, dim=0),
        "argmax_dimension": tf.argmax(x, dimension=1),
        "expand_dims_dim": tf.expand_dims(x, dim=0),
        "squeeze_dims": tf.squeeze(tf.expand_dims(x, 0), squeeze_dims=[0]),
    }
"""

DROPOUT = """
import tensorflow as tf


def dropped(ones, keep_prob):
    return tf.nn.dropout(ones, keep_prob=keep_prob)
"""

POISSON = """
import tensorflow as tf


def poisson():
    rates = tf.to_float([1, 4])  # a TF1 name: TF906 reports the call only in a module that runs TF1
    return tf.random.poisson(rates, [6], seed=5)
"""


def symbols_tf1(workdir):
    import tensorflow.compat.v1 as tf

    from tf2lint.verify.fragments import tf1_program

    tf.disable_v2_behavior()
    outputs = tf1_program(SYMBOLS).symbols(tf.constant(data.W1), tf.constant([[1, 2], [3, 4]]))
    with tf.Session() as sess:
        return sess.run(outputs)


def symbols_tf2(workdir):
    import tensorflow as tf

    from tf2lint.verify.fragments import tf2_program

    return tf2_program(SYMBOLS).symbols(tf.constant(data.W1), tf.constant([[1, 2], [3, 4]]))


def keywords_tf1(workdir):
    import tensorflow.compat.v1 as tf

    from tf2lint.verify.fragments import tf1_program

    tf.disable_v2_behavior()
    outputs = tf1_program(KEYWORDS).keywords(tf.constant(data.W1))
    with tf.Session() as sess:
        return sess.run(outputs)


def keywords_tf2(workdir):
    import tensorflow as tf

    from tf2lint.verify.fragments import tf2_program

    return tf2_program(KEYWORDS).keywords(tf.constant(data.W1))


def _dropout_statistics(tf, dropped):
    kept = tf.cast(tf.not_equal(dropped, 0.0), tf.float32)
    return {
        "kept_fraction": tf.reduce_mean(kept),
        # every kept element is scaled by 1 / keep_prob == 1 / (1 - rate)
        "kept_value": tf.reduce_sum(dropped) / tf.reduce_sum(kept),
    }


def dropout_tf1(workdir):
    import tensorflow.compat.v1 as tf

    from tf2lint.verify.fragments import tf1_program

    tf.disable_v2_behavior()
    tf.set_random_seed(1)
    dropped = tf1_program(DROPOUT).dropped(tf.ones(DROPOUT_SHAPE), KEEP_PROB)
    with tf.Session() as sess:
        return sess.run(_dropout_statistics(tf, dropped))


def dropout_tf2(workdir):
    import tensorflow as tf

    from tf2lint.verify.fragments import tf2_program

    tf.random.set_seed(1)
    return _dropout_statistics(tf, tf2_program(DROPOUT).dropped(tf.ones(DROPOUT_SHAPE), KEEP_PROB))


def poisson_tf1(workdir):
    import tensorflow.compat.v1 as tf

    from tf2lint.verify.fragments import tf1_program

    tf.disable_v2_behavior()
    tf.set_random_seed(3)
    draws = tf1_program(POISSON).poisson()  # TF1 order: lam, shape
    with tf.Session() as sess:
        return {"draws": sess.run(draws)}


def poisson_tf2(workdir):
    import tensorflow as tf

    from tf2lint.verify.fragments import tf2_program

    tf.random.set_seed(3)
    return {"draws": tf2_program(POISSON).poisson()}


PAIRS = [
    Pair(
        "renamed-symbols",
        ("TF902",),
        tf1=symbols_tf1,
        tf2=symbols_tf2,
        outputs="to_float, to_int32, log, squared_difference and matrix_transpose results",
        program=SYMBOLS,
        identity="tf.compat.v1.log is tf.math.log (and so on); to_float and to_int32 call tf.cast",
    ),
    Pair(
        "renamed-keywords",
        ("TF903",),
        tf1=keywords_tf1,
        tf2=keywords_tf2,
        outputs="reductions, softmax, argmax, expand_dims and squeeze with the renamed keywords",
        program=KEYWORDS,
        identity="the v1 functions forward the renamed keywords to the same functions",
    ),
    Pair(
        "dropout-keep-prob-to-rate",
        ("TF903",),
        tf1=dropout_tf1,
        tf2=dropout_tf2,
        outputs="kept fraction and kept value of 100,000 dropped ones (the random masks differ)",
        atol=0.01,
        program=DROPOUT,
    ),
    Pair(
        "poisson-argument-order",
        ("TF906",),
        tf1=poisson_tf1,
        tf2=poisson_tf2,
        outputs="seeded Poisson draws (shape 6 x 2)",
        program=POISSON,
    ),
]
