"""Family 4: queue-based input pipelines and readers against `tf.data` (shuffling off)."""

from __future__ import annotations

import os

from tf2lint.verify.pairs import Pair

FEATURES = [[float(i), float(i) * 0.5] for i in range(10)]
LABELS = list(range(10))
LINES = {"a.csv": ["x,y", "1,2", "3,4", "5,6"], "b.csv": ["x,y", "7,8", "9,10"]}


def _write_text_files(workdir):
    paths = []
    for name, lines in sorted(LINES.items()):
        path = os.path.join(workdir, name)
        with open(path, "w") as handle:
            handle.write("\n".join(lines) + "\n")
        paths.append(path)
    return paths


def _stack(batches):
    import numpy as np

    return np.stack(batches) if batches else np.zeros((0,))


def producer_batch_tf1(workdir):
    import tensorflow.compat.v1 as tf

    tf.disable_v2_behavior()
    feature, label = tf.train.slice_input_producer([FEATURES, LABELS], num_epochs=2, shuffle=False)
    features, labels = tf.train.batch([feature, label], batch_size=4, num_threads=1, capacity=16)
    xs, ys = [], []
    with tf.Session() as sess:
        sess.run([tf.global_variables_initializer(), tf.local_variables_initializer()])
        coord = tf.train.Coordinator()
        threads = tf.train.start_queue_runners(sess=sess, coord=coord)
        try:
            while True:
                x, y = sess.run([features, labels])
                xs.append(x)
                ys.append(y)
        except tf.errors.OutOfRangeError:
            pass
        finally:
            coord.request_stop()
            coord.join(threads)
    return {"features": _stack(xs), "labels": _stack(ys)}


def producer_batch_tf2(workdir):
    import tensorflow as tf

    dataset = tf.data.Dataset.from_tensor_slices((FEATURES, LABELS)).repeat(2).batch(4, drop_remainder=True)
    xs, ys = [], []
    for x, y in dataset:
        xs.append(x.numpy())
        ys.append(y.numpy())
    return {"features": _stack(xs), "labels": _stack(ys)}


def text_reader_tf1(workdir):
    import tensorflow.compat.v1 as tf

    tf.disable_v2_behavior()
    filenames = tf.train.string_input_producer(_write_text_files(workdir), num_epochs=1, shuffle=False)
    reader = tf.TextLineReader(skip_header_lines=1)
    _, line = reader.read(filenames)
    lines = []
    with tf.Session() as sess:
        sess.run(tf.local_variables_initializer())
        coord = tf.train.Coordinator()
        threads = tf.train.start_queue_runners(sess=sess, coord=coord)
        try:
            while True:
                lines.append(sess.run(line))
        except tf.errors.OutOfRangeError:
            pass
        finally:
            coord.request_stop()
            coord.join(threads)
    return {"lines": lines}


def text_reader_tf2(workdir):
    import tensorflow as tf

    files = tf.data.Dataset.from_tensor_slices(_write_text_files(workdir))
    dataset = files.flat_map(lambda path: tf.data.TextLineDataset(path).skip(1))
    return {"lines": [line.numpy() for line in dataset]}


def _examples(tf):
    """Serialized tf.train.Examples; the proto API is the same in TF1 and TF2."""
    out = []
    for i in range(5):
        feature = {
            "value": tf.train.Feature(float_list=tf.train.FloatList(value=[i * 1.5, -i])),
            "id": tf.train.Feature(int64_list=tf.train.Int64List(value=[i])),
        }
        out.append(tf.train.Example(features=tf.train.Features(feature=feature)).SerializeToString())
    return out


SPEC = {"value": (2, "float32"), "id": (1, "int64")}


def tfrecord_reader_tf1(workdir):
    import tensorflow.compat.v1 as tf

    tf.disable_v2_behavior()
    path = os.path.join(workdir, "tf1.tfrecord")
    with tf.io.TFRecordWriter(path) as writer:
        for record in _examples(tf):
            writer.write(record)
    filenames = tf.train.string_input_producer([path], num_epochs=1, shuffle=False)
    _, serialized = tf.TFRecordReader().read(filenames)
    spec = {key: tf.io.FixedLenFeature([n], dtype) for key, (n, dtype) in SPEC.items()}
    example = tf.io.parse_single_example(serialized, spec)
    values, ids = [], []
    with tf.Session() as sess:
        sess.run(tf.local_variables_initializer())
        coord = tf.train.Coordinator()
        threads = tf.train.start_queue_runners(sess=sess, coord=coord)
        try:
            while True:
                parsed = sess.run(example)
                values.append(parsed["value"])
                ids.append(parsed["id"])
        except tf.errors.OutOfRangeError:
            pass
        finally:
            coord.request_stop()
            coord.join(threads)
    return {"value": _stack(values), "id": _stack(ids)}


def tfrecord_reader_tf2(workdir):
    import tensorflow as tf

    path = os.path.join(workdir, "tf2.tfrecord")
    with tf.io.TFRecordWriter(path) as writer:
        for record in _examples(tf):
            writer.write(record)
    spec = {key: tf.io.FixedLenFeature([n], dtype) for key, (n, dtype) in SPEC.items()}
    dataset = tf.data.TFRecordDataset(path).map(lambda record: tf.io.parse_single_example(record, spec))
    parsed = list(dataset.as_numpy_iterator())
    return {"value": _stack([p["value"] for p in parsed]), "id": _stack([p["id"] for p in parsed])}


def iterator_tf1(workdir):
    import tensorflow.compat.v1 as tf

    tf.disable_v2_behavior()
    dataset = tf.data.Dataset.from_tensor_slices(FEATURES).map(lambda x: x * 2.0).batch(3)
    next_batch = tf.data.make_one_shot_iterator(dataset).get_next()
    batches = []
    with tf.Session() as sess:
        try:
            while True:
                batches.append(sess.run(next_batch))
        except tf.errors.OutOfRangeError:
            pass
    return {f"batch{i}": b for i, b in enumerate(batches)}


def iterator_tf2(workdir):
    import tensorflow as tf

    dataset = tf.data.Dataset.from_tensor_slices(FEATURES).map(lambda x: x * 2.0).batch(3)
    return {f"batch{i}": b for i, b in enumerate(dataset)}


def fifo_queue_tf1(workdir):
    import tensorflow.compat.v1 as tf

    tf.disable_v2_behavior()
    queue = tf.FIFOQueue(capacity=10, dtypes=[tf.int64], shapes=[[]])
    enqueue = queue.enqueue_many([LABELS[:6]])
    dequeue = queue.dequeue_many(4)
    with tf.Session() as sess:
        sess.run(enqueue)
        first = sess.run(dequeue)
        left = sess.run(queue.size())
    return {"first": first, "left": left}


def fifo_queue_tf2(workdir):
    import tensorflow as tf

    queue = tf.queue.FIFOQueue(capacity=10, dtypes=[tf.int64], shapes=[[]])
    queue.enqueue_many([tf.constant(LABELS[:6], tf.int64)])
    return {"first": queue.dequeue_many(4), "left": queue.size()}


PAIRS = [
    Pair(
        "slice-input-producer-batch",
        ("TF401", "TF402", "TF404"),
        tf1=producer_batch_tf1,
        tf2=producer_batch_tf2,
        outputs="every batch of 2 epochs, in order",
        hand="queues, producers and queue runners become one tf.data pipeline (a restructuring)",
    ),
    Pair(
        "text-line-reader",
        ("TF401", "TF403", "TF404"),
        tf1=text_reader_tf1,
        tf2=text_reader_tf2,
        outputs="every line of two files without their headers",
        hand="a reader over a filename queue becomes one tf.data pipeline (a restructuring)",
    ),
    Pair(
        "tfrecord-reader",
        ("TF401", "TF403", "TF404"),
        tf1=tfrecord_reader_tf1,
        tf2=tfrecord_reader_tf2,
        outputs="every parsed tf.train.Example",
        hand="a reader over a filename queue becomes one tf.data pipeline (a restructuring)",
    ),
    Pair(
        "one-shot-iterator",
        ("TF406",),
        tf1=iterator_tf1,
        tf2=iterator_tf2,
        outputs="every batch, in order",
        hand="iterator.get_next() in a session loop becomes iterating the dataset (a restructuring)",
    ),
    Pair(
        "top-level-fifo-queue",
        ("TF405",),
        tf1=fifo_queue_tf1,
        tf2=fifo_queue_tf2,
        outputs="dequeued values and queue size",
        hand="TF405's advice starts with the tf.data alternative; the queue kept as a data structure is its second option",
        identity="tf.compat.v1.FIFOQueue is tf.queue.FIFOQueue",
    ),
]
