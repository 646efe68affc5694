"""Family 4 tables: queue-based input pipelines and v1 iterators, with their `tf.data` equivalents.

Parameter orders were read from TensorFlow 2.15's `tf.compat.v1.train.*` functions and
`tf.compat.v1` reader and queue classes.
"""

from typing import Dict, Optional, Tuple

# Modules that hold the queue-based input functions.
TRAIN_MODULES = ("train",)
QUEUE_RUNNER_MODULES = ("train", "train.queue_runner")

# ----- TF401: input producers -------------------------------------------------------------------

# name -> (positional parameters, what the dataset is built from)
PRODUCERS: Dict[str, Tuple[str, ...]] = {
    "string_input_producer": ("string_tensor", "num_epochs", "shuffle", "seed", "capacity"),
    "input_producer": ("input_tensor", "element_shape", "num_epochs", "shuffle", "seed", "capacity"),
    "slice_input_producer": ("tensor_list", "num_epochs", "shuffle", "seed", "capacity"),
    "range_input_producer": ("limit", "num_epochs", "shuffle", "seed", "capacity"),
    "limit_epochs": ("tensor", "num_epochs"),
    "match_filenames_once": ("pattern",),
}

# ----- TF402: queue batching ------------------------------------------------------------------------

# name -> positional parameters
BATCHERS: Dict[str, Tuple[str, ...]] = {
    "batch": ("tensors", "batch_size", "num_threads", "capacity", "enqueue_many", "shapes", "dynamic_pad", "allow_smaller_final_batch"),
    "batch_join": ("tensors_list", "batch_size", "capacity", "enqueue_many", "shapes", "dynamic_pad", "allow_smaller_final_batch"),
    "shuffle_batch": (
        "tensors", "batch_size", "capacity", "min_after_dequeue", "num_threads", "seed", "enqueue_many", "shapes",
        "allow_smaller_final_batch",
    ),
    "shuffle_batch_join": (
        "tensors_list", "batch_size", "capacity", "min_after_dequeue", "seed", "enqueue_many", "shapes",
        "allow_smaller_final_batch",
    ),
    "maybe_batch": (
        "tensors", "keep_input", "batch_size", "num_threads", "capacity", "enqueue_many", "shapes", "dynamic_pad",
        "allow_smaller_final_batch",
    ),
    "maybe_batch_join": (
        "tensors_list", "keep_input", "batch_size", "capacity", "enqueue_many", "shapes", "dynamic_pad",
        "allow_smaller_final_batch",
    ),
    "maybe_shuffle_batch": (
        "tensors", "batch_size", "capacity", "min_after_dequeue", "keep_input", "num_threads", "seed", "enqueue_many",
        "shapes", "allow_smaller_final_batch",
    ),
    "maybe_shuffle_batch_join": (
        "tensors_list", "batch_size", "capacity", "min_after_dequeue", "keep_input", "seed", "enqueue_many", "shapes",
        "allow_smaller_final_batch",
    ),
}

JOIN_NOTE = (
    "The `*_join` variants read with one reader per element of `tensors_list`: interleave the files instead, "
    "`tf.data.Dataset.from_tensor_slices(filenames).interleave(tf.data.TFRecordDataset, cycle_length=N, "
    "num_parallel_calls=tf.data.AUTOTUNE)`."
)

# ----- TF403: readers ---------------------------------------------------------------------------------

READERS: Dict[str, Optional[str]] = {
    "TextLineReader": None,  # rendered
    "TFRecordReader": None,  # rendered
    "FixedLengthRecordReader": None,  # rendered
    "WholeFileReader": (
        "`tf.data.Dataset.from_tensor_slices(filenames).map(lambda f: (f, tf.io.read_file(f)))` "
        "(the `(key, value)` pairs `reader.read` returned)."
    ),
    "IdentityReader": "`tf.data.Dataset.from_tensor_slices(work_items)` (each element is its own key and value).",
    "LMDBReader": (
        "No core dataset reads LMDB: iterate the database with the `lmdb` package inside "
        "`tf.data.Dataset.from_generator(gen, output_signature=...)`."
    ),
    "ReaderBase": "A `tf.data.Dataset` (`tf.data.Dataset.from_generator` for a custom format).",
}
READER_MODULES = ("",)
# The readers whose files a `string_input_producer` queue feeds, each with its file dataset.
FILE_DATASETS = {
    "TextLineReader": "tf.data.TextLineDataset",
    "TFRecordReader": "tf.data.TFRecordDataset",
    "FixedLengthRecordReader": "tf.data.FixedLengthRecordDataset",
    "WholeFileReader": "tf.io.read_file",
}
FILE_DATASETS_NOTE = (
    "Read the files with the dataset matching the reader that consumed the queue, one file after another as "
    "TF1 did: `.flat_map(tf.data.TextLineDataset)` for a `TextLineReader`, `.flat_map(tf.data.TFRecordDataset)` "
    "for a `TFRecordReader`, `.flat_map(lambda f: tf.data.FixedLengthRecordDataset(f, record_bytes))` for a "
    "`FixedLengthRecordReader`."
)

# ----- TF404: queue runners ----------------------------------------------------------------------------

QUEUE_RUNNERS: Dict[str, str] = {
    "QueueRunner": (
        "Delete it: produce the elements with a `tf.data.Dataset`; `.map(fn, num_parallel_calls=tf.data.AUTOTUNE)` "
        "and `.prefetch(tf.data.AUTOTUNE)` replace the enqueue threads."
    ),
    "add_queue_runner": "Delete the call: a `tf.data` pipeline has no threads to register.",
    "start_queue_runners": (
        "Delete the call (and the `coord.request_stop()` / `coord.join(threads)` around it): a `tf.data` pipeline runs "
        "without threads to start; iterate it with `for batch in dataset:` or pass it to `model.fit`."
    ),
}
# Methods that start queue-runner threads (`Supervisor.start_queue_runners`, `QueueRunner.create_threads`).
QUEUE_RUNNER_METHODS = frozenset({"start_queue_runners", "create_threads"})
COORDINATOR = "Coordinator"
COORDINATOR_REPLACEMENT = (
    "Delete it with the queue runners it coordinates: `tf.data` needs no threads (keep a `tf.train.Coordinator` only for "
    "your own Python threads)."
)

# ----- TF405: top-level queues ----------------------------------------------------------------------------

QUEUES: Dict[str, Tuple[str, ...]] = {
    "FIFOQueue": ("capacity", "dtypes", "shapes"),
    "RandomShuffleQueue": ("capacity", "min_after_dequeue", "dtypes", "shapes"),
    "PaddingFIFOQueue": ("capacity", "dtypes", "shapes"),
    "PriorityQueue": ("capacity", "types", "shapes"),
    "QueueBase": (),
}
# `tf.compat.v1.io.X` spells the same TF1 queues; `tf.queue.X` is the TF2 data structure and is never reported.
QUEUE_MODULES = ("", "io")

# ----- TF406: v1 iterators ------------------------------------------------------------------------------

ITERATOR_FUNCTIONS: Dict[str, str] = {
    "make_one_shot_iterator": (
        "Iterate the dataset directly: `for batch in dataset:` (eager or inside `tf.function`), "
        "`it = iter(dataset); batch = next(it)`, or pass it to `model.fit`."
    ),
    "make_initializable_iterator": (
        "Iterate the dataset directly (`for batch in dataset:`); a fresh `iter(dataset)` restarts it, and values fed "
        "through placeholders become arguments of a function that builds the dataset."
    ),
    "Iterator.from_structure": (
        "Iterate each dataset directly (`for batch in train_ds:` / `for batch in val_ds:`); no shared reinitializable "
        "iterator is needed, and `tf.data.Iterator` is only a type in TF2."
    ),
    "Iterator.from_string_handle": (
        "Pass the dataset (or `iter(dataset)`) you want to read to the function that consumes it; no feedable "
        "string handle is needed."
    ),
}
# Members only a v1 iterator has; using one is the v1 idiom itself (unlike `get_next()`, which TF2 iterators keep).
ITERATOR_MEMBERS: Dict[str, str] = {
    "initializer": (
        "Delete it: a TF2 dataset needs no initializer. Iterate it again (`for batch in dataset:`) to restart, and "
        "pass the values once fed through `feed_dict` as arguments of a function that builds the dataset."
    ),
    "make_initializer": (
        "Iterate the dataset directly: `for batch in dataset:` starts a fresh pass each time, no initializer op."
    ),
    "string_handle": (
        "Pass the dataset (or `iter(dataset)`) you want to read to the function that consumes it; no feedable "
        "string handle is needed."
    ),
}
# Dataset methods that only the v1 Dataset has (`ds.make_one_shot_iterator()`).
DATASET_METHODS = ("make_one_shot_iterator", "make_initializable_iterator")
ITERATOR_MODULES = ("data", "data.Dataset", "data.Iterator")
