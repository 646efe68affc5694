"""Family 8: v1 summaries and `FileWriter` against `tf.summary` v2, read back from the event files."""

from __future__ import annotations

import glob
import os
import struct

from tf2lint.verify.pairs import Pair

LOSSES = [2.5, 1.75, 1.125, 0.8, 0.61]


def read_scalars(logdir, tf):
    """{tag: [(step, value), ...]} from every event file under logdir.

    TF1 writes `simple_value`; TF2 writes a scalar tensor with the scalars plugin's metadata.
    The records are read directly (TFRecord framing), so this works in graph and eager mode.
    """
    from tensorflow.core.util import event_pb2

    scalars: dict = {}
    for path in sorted(glob.glob(os.path.join(logdir, "**", "events.out.tfevents.*"), recursive=True)):
        with open(path, "rb") as handle:
            blob = handle.read()
        offset = 0
        while offset + 12 <= len(blob):
            (length,) = struct.unpack("<Q", blob[offset : offset + 8])
            record = blob[offset + 12 : offset + 12 + length]
            offset += 12 + length + 4
            event = event_pb2.Event.FromString(record)
            for value in event.summary.value:
                number = value.simple_value if value.WhichOneof("value") == "simple_value" else float(tf.make_ndarray(value.tensor))
                scalars.setdefault(value.tag, []).append((event.step, number))
    return scalars


def _as_outputs(scalars):
    return {
        f"{tag.replace('/', '_')}_{what}": [point[i] for point in points]
        for tag, points in scalars.items()
        for i, what in enumerate(("steps", "values"))
    }


def file_writer_tf1(workdir):
    import tensorflow.compat.v1 as tf

    tf.disable_v2_behavior()
    loss = tf.placeholder(tf.float32, [])
    tf.summary.scalar("loss", loss)
    tf.summary.scalar("loss_squared", loss * loss)
    merged = tf.summary.merge_all()
    logdir = os.path.join(workdir, "tf1_logs")
    writer = tf.summary.FileWriter(logdir)
    with tf.Session() as sess:
        for step, value in enumerate(LOSSES):
            writer.add_summary(sess.run(merged, feed_dict={loss: value}), global_step=step * 10)
    writer.close()
    return _as_outputs(read_scalars(logdir, tf))


def file_writer_tf2(workdir):
    import tensorflow as tf

    logdir = os.path.join(workdir, "tf2_logs")
    writer = tf.summary.create_file_writer(logdir)
    with writer.as_default():
        for step, value in enumerate(LOSSES):
            tf.summary.scalar("loss", value, step=step * 10)
            tf.summary.scalar("loss_squared", value * value, step=step * 10)
    writer.close()
    return _as_outputs(read_scalars(logdir, tf))


PAIRS = [
    Pair(
        "file-writer-scalars",
        ("TF805", "TF806", "TF807"),
        tf1=file_writer_tf1,
        tf2=file_writer_tf2,
        outputs="steps and values of two scalar series read back from the event files",
        requires=("tensorboard",),
        requires_note="from TF 2.21 on, tf.summary.scalar is implemented in TensorBoard, no longer a TensorFlow dependency",
        hand="FileWriter, merge_all and add_summary become a default writer and step-stamped scalar calls (a restructuring)",
    ),
]
