"""Family 9: removed symbols with no TF2 name (TF901) and arguments whose position changed (TF904).

The TF1 programs run as TF1; their TF2 sides are what tf2lint makes of them.
"""

from __future__ import annotations

from tf2lint.verify.pairs import Pair
from tf2lint.verify.samples import _data as data

SHAPE = (400, 250)

INITIALIZERS = """
import tensorflow as tf


def initializers(shape):
    return {
        "glorot": tf.glorot_uniform_initializer(seed=3)(shape),
        "truncated": tf.truncated_normal_initializer(stddev=0.5, seed=1)(shape),
        "zeros": tf.zeros_initializer()(shape),
    }
"""

ARGUMENT_ORDER = """
import tensorflow as tf


def argument_order(x, images, filters):
    images = tf.to_float(images)  # a TF1 name: TF904 reports positional calls in a module that runs TF1
    return {
        "argmax": tf.argmax(x, 1, "am"),
        "conv": tf.nn.conv2d(images, filters, [1, 1, 1, 1], "SAME", True),
    }
"""


MODULES = """
import tensorflow as tf


def files(directory):
    path = directory + "/records.tfrecord"
    with tf.python_io.TFRecordWriter(path) as writer:
        writer.write(b"first")
        writer.write(b"second")
    tf.logging.info("wrote %s", path)
    with tf.gfile.GFile(directory + "/notes.txt", "w") as handle:
        handle.write("hello")
    return {
        "exists": tf.gfile.Exists(path),
        "records": [record for record in tf.python_io.tf_record_iterator(path)],
        "listed": sorted(tf.gfile.ListDirectory(directory)),
    }
"""


def _plain_files(outputs):
    # TF1's record iterator yields bytes, the dataset that replaces it scalar string tensors.
    records = [r.numpy() if hasattr(r, "numpy") else r for r in outputs["records"]]
    return {"exists": bool(outputs["exists"]), "records": records, "listed": list(outputs["listed"])}


def modules_tf1(workdir):
    import os

    import tensorflow.compat.v1 as tf

    from tf2lint.verify.fragments import tf1_program

    tf.disable_v2_behavior()
    os.makedirs(os.path.join(workdir, "tf1"), exist_ok=True)
    return _plain_files(tf1_program(MODULES).files(os.path.join(workdir, "tf1")))


def modules_tf2(workdir):
    import os

    from tf2lint.verify.fragments import tf2_program

    os.makedirs(os.path.join(workdir, "tf2"), exist_ok=True)
    return _plain_files(tf2_program(MODULES).files(os.path.join(workdir, "tf2")))


def _statistics(tf, draws):
    # The random streams of TF1 graphs and TF2 differ: compare the distributions.
    return {
        "glorot_bound": tf.reduce_max(tf.abs(draws["glorot"])),
        "glorot_variance": tf.math.reduce_variance(draws["glorot"]),
        "truncated_std": tf.math.reduce_std(draws["truncated"]),
        "truncated_bound": tf.reduce_max(tf.abs(draws["truncated"])),
        "zeros": tf.reduce_sum(tf.abs(draws["zeros"])),
    }


def initializers_tf1(workdir):
    import tensorflow.compat.v1 as tf

    from tf2lint.verify.fragments import tf1_program

    tf.disable_v2_behavior()
    stats = _statistics(tf, tf1_program(INITIALIZERS).initializers(SHAPE))
    with tf.Session() as sess:
        return sess.run(stats)


def initializers_tf2(workdir):
    import tensorflow as tf

    from tf2lint.verify.fragments import tf2_program

    return _statistics(tf, tf2_program(INITIALIZERS).initializers(SHAPE))


def _order_inputs(tf):
    return tf.constant(data.W1), tf.constant(data.uniform((1, 4, 4, 2), seed=21)), tf.constant(data.uniform((2, 2, 2, 3), seed=22))


def order_tf1(workdir):
    import tensorflow.compat.v1 as tf

    from tf2lint.verify.fragments import tf1_program

    tf.disable_v2_behavior()
    outputs = tf1_program(ARGUMENT_ORDER).argument_order(*_order_inputs(tf))
    with tf.Session() as sess:
        return sess.run(outputs)


def order_tf2(workdir):
    import tensorflow as tf

    from tf2lint.verify.fragments import tf2_program

    return tf2_program(ARGUMENT_ORDER).argument_order(*_order_inputs(tf))


PAIRS = [
    Pair(
        "removed-modules",
        ("TF905", "TF902"),
        tf1=modules_tf1,
        tf2=modules_tf2,
        outputs="TFRecord records written and read back, a file written through gfile, the directory listing",
        program=MODULES,
    ),
    Pair(
        "removed-initializers",
        ("TF901",),
        tf1=initializers_tf1,
        tf2=initializers_tf2,
        outputs="bound and variance of Glorot-uniform draws, spread and bound of truncated-normal draws (400 x 250 each), zeros",
        atol=0.01,
        program=INITIALIZERS,
    ),
    Pair(
        "positional-arguments-by-keyword",
        ("TF904",),
        tf1=order_tf1,
        tf2=order_tf2,
        outputs="argmax with a positional name, conv2d with a positional use_cudnn_on_gpu",
        program=ARGUMENT_ORDER,
        identity="tf.compat.v1.argmax and conv2d call the TF2 kernels; the pair checks the arguments tf2lint passes",
    ),
]
