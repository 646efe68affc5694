"""Family 4 behaviour: tf.data replacements rendered from the call, Coordinator evidence, dataset methods."""

import pytest

from tf2lint.config import Config
from tf2lint.engine import lint_source
from tf2lint.finding import Severity


def findings(source, config=None):
    return lint_source(source, "example.py", config or Config())


def only(source, code):
    found = [f for f in findings(source) if f.code == code]
    assert len(found) == 1, [(f.code, f.message) for f in findings(source)]
    return found[0]


RENDERED = [
    (
        "import tensorflow as tf\nb = tf.train.shuffle_batch([x, y], batch_size=32, capacity=1000, min_after_dequeue=10)\n",
        "TF402",
        "`dataset.shuffle(10).batch(32, drop_remainder=True)`",
    ),
    (
        "import tensorflow as tf\nb = tf.train.batch([x], batch_size=bs, allow_smaller_final_batch=True)\n",
        "TF402",
        "`dataset.batch(bs)`",
    ),
    (
        "import tensorflow as tf\nb = tf.train.batch([x], 8, dynamic_pad=True)\n",
        "TF402",
        "`dataset.padded_batch(8, drop_remainder=True)`",
    ),
    (
        "import tensorflow as tf\nb = tf.train.batch([x], 8, allow_smaller_final_batch=last)\n",
        "TF402",
        "`dataset.batch(8, drop_remainder=not last)`",
    ),
    (
        "import tensorflow as tf\nb = tf.train.shuffle_batch([x], 4, 100, 20, seed=7, enqueue_many=True)\n",
        "TF402",
        "`dataset.unbatch().shuffle(20, seed=7).batch(4, drop_remainder=True)`",
    ),
    (
        "import tensorflow as tf\nb = tf.train.maybe_batch([x], keep, 4)\n",
        "TF402",
        "`dataset.filter(keep_fn).batch(4, drop_remainder=True)`",
    ),
    (
        "import tensorflow as tf\nq = tf.train.string_input_producer(files, num_epochs=5, shuffle=False)\n",
        "TF401",
        "`tf.data.Dataset.from_tensor_slices(files).repeat(5)`",
    ),
    (
        "import tensorflow as tf\nq = tf.train.string_input_producer(['a', 'b', 'c'])\n",
        "TF401",
        "`tf.data.Dataset.from_tensor_slices(['a', 'b', 'c']).shuffle(3).repeat()`",
    ),
    (
        "import tensorflow as tf\nx, y = tf.train.slice_input_producer([xs, ys], num_epochs=2, seed=1)\n",
        "TF401",
        "`tf.data.Dataset.from_tensor_slices((xs, ys)).shuffle(len(xs), seed=1).repeat(2)`",
    ),
    (
        "import tensorflow as tf\ni = tf.train.range_input_producer(n, num_epochs=3)\n",
        "TF401",
        "`tf.data.Dataset.range(n).shuffle(n).repeat(3)`",
    ),
    ("import tensorflow as tf\nt = tf.train.limit_epochs(x, num_epochs=2)\n", "TF401", "`tf.data.Dataset.from_tensors(x).repeat(2)`"),
    ("import tensorflow as tf\nf = tf.train.match_filenames_once('*.csv')\n", "TF401", "`tf.io.gfile.glob('*.csv')`"),
    ("import tensorflow as tf\nr = tf.TextLineReader(skip_header_lines=1)\n", "TF403", "`tf.data.TextLineDataset(filenames).skip(1)`"),
    ("import tensorflow as tf\nr = tf.TextLineReader()\n", "TF403", "`tf.data.TextLineDataset(filenames)`"),
    (
        "import tensorflow as tf\nr = tf.TFRecordReader(options=tf.io.TFRecordOptions(tf.io.TFRecordCompressionType.ZLIB))\n",
        "TF403",
        "`tf.data.TFRecordDataset(filenames, compression_type='ZLIB')`",
    ),
    (
        "import tensorflow as tf\nr = tf.FixedLengthRecordReader(3073, header_bytes=1)\n",
        "TF403",
        "`tf.data.FixedLengthRecordDataset(filenames, 3073, header_bytes=1)`",
    ),
    ("import tensorflow as tf\nr = tf.WholeFileReader()\n", "TF403", "tf.io.read_file(f)"),
    (
        "import tensorflow as tf\nq = tf.RandomShuffleQueue(100, 10, [tf.float32])\n",
        "TF405",
        "`dataset.shuffle(10)`",
    ),
    (
        "import tensorflow as tf\nq = tf.FIFOQueue(100,\n                 [tf.float32])\n",
        "TF405",
        "`tf.queue.FIFOQueue(100, [tf.float32])`",
    ),
]


@pytest.mark.parametrize("source,code,text", RENDERED)
def test_replacement_is_rendered_from_the_call(source, code, text):
    assert text in only(source, code).replacement


def test_coordinator_is_reported_only_with_queue_runners():
    alone = "import tensorflow as tf\ncoord = tf.train.Coordinator()\ncoord.join(threads)\n"
    assert findings(alone) == []
    with_runners = alone + "threads = tf.train.start_queue_runners(sess, coord)\n"
    found = [f for f in findings(with_runners) if f.code == "TF404"]
    assert [(f.start.row, f.severity) for f in found] == [(2, Severity.WARNING), (4, Severity.ERROR)]


def test_coordinator_evidence_does_not_depend_on_other_rules():
    source = "import tensorflow as tf\ncoord = tf.train.Coordinator()\nsv.start_queue_runners(sess)\n"
    found = findings(source, Config(select=("TF404",)))
    assert [(f.start.row, f.code) for f in found] == [(2, "TF404"), (3, "TF404")]


def test_dataset_method_is_reported_at_the_method_name():
    source = "import tensorflow as tf\nit = (tf.data.Dataset.range(4)\n      .batch(2)\n      .make_one_shot_iterator())\n"
    found = only(source, "TF406")
    assert (found.start.row, found.start.col) == (4, 7)  # 0-based: the `m` after the dot


def test_dataset_methods_need_a_tensorflow_import():
    source = "# works with tensorflow datasets too\nit = ds.make_one_shot_iterator()\n"
    assert findings(source) == []


def test_v1_iterator_severity_follows_how_the_dataset_was_reached():
    legacy = "import tensorflow as tf\nit = tf.compat.v1.data.TFRecordDataset(f).make_one_shot_iterator()\n"
    assert only(legacy, "TF406").severity is Severity.WARNING
    removed = "import tensorflow as tf\nit = ds.make_one_shot_iterator()\n"
    assert only(removed, "TF406").severity is Severity.ERROR


@pytest.mark.parametrize(
    "source",
    [
        "import tensorflow as tf\nq = tf.queue.FIFOQueue(3, tf.float32)\n",
        "import tensorflow as tf\nq = tf.compat.v1.queue.PaddingFIFOQueue(3, [tf.int32], [[None]])\n",
        "import tensorflow as tf\nfor x in tf.data.Dataset.range(3):\n    print(x)\n",
        "import tensorflow as tf\ndef f(it: tf.data.Iterator):\n    return next(it)\n",
        "import tensorflow as tf\nds = tf.data.Dataset.range(8).batch(4, drop_remainder=True)\nb = next(iter(ds))\n",
        "import tensorflow as tf\nfiles = tf.io.match_filenames_once('*.txt')\n",
        "import tensorflow as tf\nthreads = pool.create_threads(4)\n",
    ],
)
def test_tf2_pipelines_are_not_reported(source):
    assert findings(source) == []


def test_v1_iterator_members_are_reported_where_the_iterator_is_used():
    source = (
        "import tensorflow as tf\n"
        "class Input:\n"
        "    def start(self, sess):\n"
        "        sess.run(self.it.initializer)\n"
        "    def __init__(self, ds):\n"
        "        self.it = ds.make_initializable_iterator()\n"
    )
    rows = sorted((f.start.row, f.code) for f in findings(source))
    # `sess.run(self.it.initializer)` is one statement to delete: one finding
    assert rows == [(4, "TF103"), (6, "TF406")]
    assert findings(source)[0].replacement.startswith("Delete the statement")


def test_initializer_of_other_objects_is_not_reported():
    source = "import tensorflow as tf\nit = iter(ds)\nv = tf.Variable(1.0)\nops = [v.initializer, table.initializer]\n"
    assert findings(source) == []
