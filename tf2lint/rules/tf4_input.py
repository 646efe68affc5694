"""Family 4 (TF4xx): queue-based input pipelines, readers, queue runners and v1 iterators."""

from __future__ import annotations

import ast
import re
import weakref
from functools import partial
from typing import List, Optional, Set

from tf2lint.context import Context
from tf2lint.data import input_pipelines as data
from tf2lint.finding import Severity
from tf2lint.names import VIA_COMPAT_V1, TFRef
from tf2lint.rules.base import LEGACY_NOTE, REMOVED_NOTE, Rule, method_name_node, register
from tf2lint.rules.call_args import UNKNOWN, arg, flag, literal, lookup, member, one_line, param, qualified, src

# Per-file evidence one rule leaves for another's deferred check.
_STARTS_QUEUE_RUNNERS: weakref.WeakKeyDictionary[Context, bool] = weakref.WeakKeyDictionary()
_USES_V1_ITERATORS: weakref.WeakKeyDictionary[Context, bool] = weakref.WeakKeyDictionary()
_V1_ITERATOR_NAMES: weakref.WeakKeyDictionary[Context, Set[str]] = weakref.WeakKeyDictionary()

PIPELINE_NOTE = "Iterate the dataset with `for batch in dataset:` or pass it to `model.fit`; no queue runners are needed."


def _buffer_size(ctx: Context, node: Optional[ast.AST]) -> str:
    """A concrete shuffle buffer covering every element of what is sliced."""
    if isinstance(node, (ast.List, ast.Tuple)) and not any(isinstance(e, ast.Starred) for e in node.elts):
        return str(len(node.elts))
    if isinstance(node, (ast.Name, ast.Attribute)):
        return f"len({ctx.source_of(node)})"
    return "buffer_size"


def _call_arguments(ctx: Context, call: ast.Call) -> str:
    """`(a, b=c)`: the argument list of a call, on one line."""
    return one_line(ctx.source_of(call)[len(ctx.source_of(call.func)) :])


def imports_tensorflow(ctx: Context) -> bool:
    """True when any scope of the module binds a TensorFlow name."""
    resolver = ctx.resolver
    for scope in (resolver.module_scope, *resolver.scopes.values()):
        for bindings in scope.bindings.values():
            if any(isinstance(b.value, TFRef) for b in bindings):
                return True
    return False


class _CallRule(Rule):
    """A rule whose replacement is rendered from the reported call's own arguments."""

    modules: tuple = ()
    table: dict = {}

    def key_for(self, ref: TFRef) -> Optional[str]:
        return lookup(self.table, member(ref.name, self.modules))

    def render(self, key: str, call: Optional[ast.Call], ctx: Context) -> str:
        raise NotImplementedError

    def replacement_for(self, ref: Optional[TFRef], ctx: Context) -> str:
        key = self.key_for(ref) if ref is not None else None
        return self.render(key, None, ctx) if key is not None else self.replacement

    def check(self, node: ast.AST, ctx: Context) -> None:
        assert isinstance(node, ast.Call)
        ref = self.called(node, ctx)
        key = self.key_for(ref) if ref is not None else None
        if ref is None or key is None:
            return
        self.report_call(ctx, node, ref, self.render(key, node, ctx))


# ----- TF401 -------------------------------------------------------------------------------------


@register
class InputProducerRule(_CallRule):
    """Reports queue-based input producers: `string_input_producer`, `input_producer`, `slice_input_producer`, ...

    Producers fill a queue from a background thread started by `start_queue_runners`,
    and raise under eager execution. `tf.data` builds the same stream as a dataset:
    sliced from the tensor, shuffled each epoch (the TF1 default) and repeated
    (unlimited epochs by default).
    """

    code = "TF401"
    symbol = "input-producer"
    summary = "`{name}` is a TF1 queue-based input producer"
    replacement = "`tf.data.Dataset.from_tensor_slices(t).shuffle(n).repeat(num_epochs)` (TF1 defaults: shuffled, unlimited epochs)."
    modules = data.TRAIN_MODULES
    table = data.PRODUCERS
    names = qualified(data.TRAIN_MODULES, data.PRODUCERS)
    node_types = (ast.Call,)
    call_names = tuple(names)
    INVALID = (
        "import tensorflow as tf\nfilename_queue = tf.train.string_input_producer(files, num_epochs=5, shuffle=False)  # [TF401]\n",
        "import tensorflow.compat.v1 as tf\nimage, label = tf.train.slice_input_producer([images, labels])  # [TF401]\n",
        "from tensorflow.train import range_input_producer  # [TF401]\ni = range_input_producer(10, shuffle=False).dequeue()  # [TF401]\n",
    )
    VALID = (
        "import tensorflow as tf\nds = tf.data.Dataset.from_tensor_slices(files).shuffle(len(files)).repeat(5)\n"
        "files = tf.io.gfile.glob('data/*.tfrecord')\nmatched = tf.io.match_filenames_once('*.txt')\n",
    )

    def render(self, key: str, call: Optional[ast.Call], ctx: Context) -> str:
        get = partial(param, call, data.PRODUCERS[key])
        if key == "match_filenames_once":
            pattern = src(ctx, get("pattern"), "pattern")
            return f"`tf.io.gfile.glob({pattern})` (a Python list of file names) or `tf.data.Dataset.list_files({pattern}, shuffle=False)`."
        epochs = get("num_epochs")
        repeat = f".repeat({ctx.source_of(epochs)})" if epochs is not None and literal(epochs) is not None else ".repeat()"
        if key == "limit_epochs":
            return f"`tf.data.Dataset.from_tensors({src(ctx, get('tensor'), 'tensor')}){repeat}`. {PIPELINE_NOTE}"
        if key == "range_input_producer":
            limit = src(ctx, get("limit"), "limit")
            chain, size = f"tf.data.Dataset.range({limit})", limit
        elif key == "slice_input_producer":
            tensors = get("tensor_list")
            if isinstance(tensors, (ast.List, ast.Tuple)) and tensors.elts:
                parts = [ctx.source_of(e) for e in tensors.elts]
                chain = f"tf.data.Dataset.from_tensor_slices(({', '.join(parts)}{',' if len(parts) == 1 else ''}))"
                size = _buffer_size(ctx, tensors.elts[0]) if isinstance(tensors.elts[0], (ast.Name, ast.Attribute)) else "buffer_size"
            else:
                tensor_src = src(ctx, tensors, "tensor_list")
                chain, size = f"tf.data.Dataset.from_tensor_slices(tuple({tensor_src}))", f"len({tensor_src}[0])"
        else:
            first = get(data.PRODUCERS[key][0])
            chain = f"tf.data.Dataset.from_tensor_slices({src(ctx, first, 'filenames')})"
            size = _buffer_size(ctx, first)
        shuffle = get("shuffle")
        value = flag(shuffle, default=True)
        note = ""
        if value:
            seed = get("seed")
            chain += f".shuffle({size}{', seed=' + ctx.source_of(seed) if seed is not None else ''})"
            if value is UNKNOWN:
                note = f" (shuffle only when {src(ctx, shuffle, 'shuffle')})"
            if size == "buffer_size":
                note += " (`buffer_size`: the number of elements, to shuffle them all as TF1 did)"
        text = f"`{chain}{repeat}`{note}."
        defaults = [d for d, absent in (("shuffled", shuffle is None), ("unlimited epochs", epochs is None)) if absent]
        if defaults:
            text += f" TF1 default{'s' if len(defaults) > 1 else ''}: {', '.join(defaults)}."
        if key == "string_input_producer":
            text += " " + _read_files(ctx)
        return f"{text} {PIPELINE_NOTE}"


def _read_files(ctx: Context) -> str:
    """How the file-name dataset is read: with the dataset matching the module's reader (TF1 read the
    files one after another, as `flat_map` does)."""
    readers = []
    for node in ast.walk(ctx.tree) if ctx.tree is not None else ():
        if isinstance(node, ast.Call):
            ref = ctx.resolver.resolve(node.func, ctx.resolver.module_scope)
            if ref is not None and not ref.instance and ref.name.rsplit(".", 1)[-1] in data.FILE_DATASETS:
                readers.append((ref.name.rsplit(".", 1)[-1], node))
    kinds = {kind for kind, _ in readers}
    if len(kinds) != 1:
        return data.FILE_DATASETS_NOTE
    kind, call = readers[0]
    if kind == "WholeFileReader":
        return "Read each file whole, as `WholeFileReader` did: `.map(lambda f: (f, tf.io.read_file(f)))`."
    if kind == "TextLineReader":
        skip = arg(call, 0, "skip_header_lines")
        tail = f".skip({ctx.source_of(skip)})" if skip is not None and literal(skip) not in (None, 0) else ""
        dataset = f"tf.data.TextLineDataset(f){tail}"
    elif kind == "TFRecordReader":
        options = arg(call, 1, "options")
        found = _COMPRESSION.search(ctx.source_of(options)) if options is not None else None
        dataset = f"tf.data.TFRecordDataset(f, compression_type='{found.group(1)}')" if found else "tf.data.TFRecordDataset(f)"
    else:
        get = partial(param, call, ("record_bytes", "header_bytes", "footer_bytes", "hop_bytes", "name", "encoding"))
        args = [src(ctx, get("record_bytes"), "record_bytes")]
        args += [f"{name}={src(ctx, get(name))}" for name in ("header_bytes", "footer_bytes") if get(name) is not None]
        dataset = f"tf.data.FixedLengthRecordDataset(f, {', '.join(args)})"
    return f"Read the files with the dataset that replaces the `{kind}`: `.flat_map(lambda f: {dataset})`."


# ----- TF402 -------------------------------------------------------------------------------------


@register
class QueueBatchRule(_CallRule):
    """Reports queue batching: `tf.train.batch`, `shuffle_batch`, the `*_join` and `maybe_*` variants.

    They batch through a TF1 queue filled by queue-runner threads. `tf.data` batches
    the dataset itself; note that TF1 dropped the last partial batch unless
    `allow_smaller_final_batch=True`, so the port needs `drop_remainder=True`.
    """

    code = "TF402"
    symbol = "queue-batch"
    summary = "`{name}` batches through a TF1 queue"
    replacement = (
        "`dataset.shuffle(min_after_dequeue).batch(batch_size, drop_remainder=True)` (`.padded_batch` for "
        "`dynamic_pad=True`; keep a partial final batch only with `allow_smaller_final_batch=True`)."
    )
    modules = data.TRAIN_MODULES
    table = data.BATCHERS
    names = qualified(data.TRAIN_MODULES, data.BATCHERS)
    node_types = (ast.Call,)
    call_names = tuple(names)
    INVALID = (
        "import tensorflow as tf\n"
        "xs, ys = tf.train.shuffle_batch([x, y], batch_size=32, capacity=1000, min_after_dequeue=10)  # [TF402]\n",
        "import tensorflow.compat.v1 as tf\nbatch = tf.train.batch([seq], batch_size=bs, dynamic_pad=True,  # [TF402]\n"
        "                       allow_smaller_final_batch=True)\n",
        "from tensorflow.train import shuffle_batch  # [TF402]\nb = shuffle_batch([x], 64, 5000, 1000)  # [TF402]\n",
    )
    VALID = (
        "import tensorflow as tf\nds = dataset.shuffle(10).batch(32, drop_remainder=True)\n"
        "batch = tf.data.Dataset.range(8).batch(4)\n",
    )

    def render(self, key: str, call: Optional[ast.Call], ctx: Context) -> str:
        params = data.BATCHERS[key]
        get = partial(param, call, params)
        chain = "dataset"
        notes: List[str] = []
        enqueue_many = flag(get("enqueue_many"))
        if enqueue_many is UNKNOWN or enqueue_many:
            chain += ".unbatch()"  # the enqueued tensors were batches of examples
            if enqueue_many is UNKNOWN:
                notes.append(f"unbatch only when {src(ctx, get('enqueue_many'), 'enqueue_many')}")
        if key.startswith("maybe_"):
            chain += ".filter(keep_fn)"
            notes.append(f"`keep_fn(*element)` returns {src(ctx, get('keep_input'), 'the keep flag')}")
        if "min_after_dequeue" in params:
            seed = get("seed")
            buffer = src(ctx, get("min_after_dequeue"), "min_after_dequeue")
            chain += f".shuffle({buffer}{', seed=' + ctx.source_of(seed) if seed is not None else ''})"
        batch_size = src(ctx, get("batch_size"), "batch_size")
        smaller = get("allow_smaller_final_batch")
        smaller_value = flag(smaller)
        if smaller_value is False:
            drop = ", drop_remainder=True"
        elif smaller_value is UNKNOWN:
            drop = f", drop_remainder=not {src(ctx, smaller, 'allow_smaller_final_batch')}"
        else:
            drop = ""
        pad = flag(get("dynamic_pad"))
        if pad is True:
            chain += f".padded_batch({batch_size}{drop})"
        else:
            chain += f".batch({batch_size}{drop})"
            if pad is UNKNOWN:
                notes.append(f"`.padded_batch` when {src(ctx, get('dynamic_pad'), 'dynamic_pad')}")
        tensors = get(params[0])
        elements = src(ctx, tensors, "the same elements")
        text = f"`{chain}`, where `dataset` yields `{elements}` (one example each), built with `tf.data` instead of readers and queues"
        if notes:
            text += " (" + "; ".join(notes) + ")"
        text += "."
        if key.endswith("_join"):
            text += " " + data.JOIN_NOTE
        return f"{text} {PIPELINE_NOTE}"


# ----- TF403 -------------------------------------------------------------------------------------

_COMPRESSION = re.compile(r"\b(ZLIB|GZIP)\b")


@register
class ReaderRule(_CallRule):
    """Reports TF1 readers: `TextLineReader`, `TFRecordReader`, `FixedLengthRecordReader`, `WholeFileReader`, ...

    A reader dequeues file names from a queue and returns one record per `read` call
    in a session. Each has a `tf.data` dataset that reads the same records, so the
    reader, its filename queue and the queue runners all go away.
    """

    code = "TF403"
    symbol = "tf1-reader"
    summary = "`{name}` is a TF1 queue-based reader"
    replacement = (
        "The matching `tf.data` dataset: `tf.data.TextLineDataset`, `tf.data.TFRecordDataset`, `tf.data.FixedLengthRecordDataset`."
    )
    modules = data.READER_MODULES
    table = data.READERS
    names = qualified(data.READER_MODULES, data.READERS)
    node_types = (ast.Call,)
    call_names = tuple(names)
    INVALID = (
        "import tensorflow as tf\nreader = tf.TextLineReader(skip_header_lines=1)  # [TF403]\n"
        "key, value = reader.read(filename_queue)\n",
        "import tensorflow.compat.v1 as tf\nopts = tf.io.TFRecordOptions(tf.io.TFRecordCompressionType.ZLIB)  # [TF901]\n"
        "reader = tf.TFRecordReader(options=opts)  # [TF403]\n",
        "import tensorflow as tf\nreader = tf.FixedLengthRecordReader(record_bytes=3073)  # [TF403]\n",
    )
    VALID = (
        "import tensorflow as tf\nlines = tf.data.TextLineDataset(filenames).skip(1)\n"
        "records = tf.data.TFRecordDataset(filenames, compression_type='ZLIB')\n",
        "import tensorflow as tf\nimport csv\nreader = csv.reader(f)\nrow = next(reader)\n",
    )

    def render(self, key: str, call: Optional[ast.Call], ctx: Context) -> str:
        if data.READERS[key]:
            return str(data.READERS[key])
        note = " (`filenames`: the names the filename queue held)"
        if key == "TextLineReader":
            skip = arg(call, 0, "skip_header_lines")
            if skip is None or literal(skip) in (None, 0):
                return f"`tf.data.TextLineDataset(filenames)`{note}."
            n = ctx.source_of(skip)
            return (
                f"`tf.data.TextLineDataset(filenames).skip({n})`{note}; to skip the header of every file, "
                f"`tf.data.Dataset.from_tensor_slices(filenames).flat_map(lambda f: tf.data.TextLineDataset(f).skip({n}))`."
            )
        if key == "TFRecordReader":
            options = arg(call, 1, "options")
            if options is None:
                return f"`tf.data.TFRecordDataset(filenames)`{note}."
            found = _COMPRESSION.search(ctx.source_of(options))
            compression = f"'{found.group(1)}'" if found else f"<the compression type of {ctx.source_of(options)}>"
            return f"`tf.data.TFRecordDataset(filenames, compression_type={compression})`{note}."
        # FixedLengthRecordReader
        get = partial(param, call, ("record_bytes", "header_bytes", "footer_bytes", "hop_bytes", "name", "encoding"))
        args = [src(ctx, get("record_bytes"), "record_bytes")]
        for name in ("header_bytes", "footer_bytes"):
            if get(name) is not None:
                args.append(f"{name}={src(ctx, get(name), name)}")
        if get("encoding") is not None:
            args.append(f"compression_type={src(ctx, get('encoding'), 'encoding')}")
        text = f"`tf.data.FixedLengthRecordDataset(filenames, {', '.join(args)})`{note}."
        if get("hop_bytes") is not None:
            text += " `hop_bytes` has no dataset equivalent: read whole records and slice them with `.map`."
        return text


# ----- TF404 -------------------------------------------------------------------------------------


@register
class QueueRunnerRule(Rule):
    """Reports queue runners: `QueueRunner`, `add_queue_runner`, `start_queue_runners`, and the `Coordinator` that joins them.

    Queue runners are threads that fill TF1 queues while a session runs; they raise
    under eager execution. A `tf.data` pipeline has no threads to start, stop or
    join. `tf.train.Coordinator` itself is still TF2 API, so it is reported only in a
    module that also runs queue runners.
    """

    code = "TF404"
    symbol = "queue-runner"
    absorbs = ("TF404",)  # `add_queue_runner(QueueRunner(...))`: one queue runner to remove
    summary = "`{name}` runs TF1 queue-runner threads"
    replacement = data.QUEUE_RUNNERS["start_queue_runners"]
    names = {
        **qualified(data.QUEUE_RUNNER_MODULES, data.QUEUE_RUNNERS),
        "train.Coordinator": None,
    }
    node_types = (ast.Call,)
    call_attrs = data.QUEUE_RUNNER_METHODS
    INVALID = (
        "import tensorflow as tf\ncoord = tf.train.Coordinator()  # [TF404]\n"
        "threads = tf.train.start_queue_runners(sess=sess, coord=coord)  # [TF404]\ncoord.request_stop()\ncoord.join(threads)\n",
        "import tensorflow.compat.v1 as tf\nqr = tf.train.QueueRunner(queue, [enqueue_op] * 4)  # [TF404]\n"
        "tf.train.add_queue_runner(qr)  # [TF404]\n",
    )
    VALID = (
        "import threading\nimport tensorflow as tf\ncoord = tf.train.Coordinator()\n"
        "threads = [threading.Thread(target=work, args=(coord,)) for _ in range(4)]\ncoord.join(threads)\n",
    )

    def check(self, node: ast.AST, ctx: Context) -> None:
        """`sv.start_queue_runners(sess)` (Supervisor) and `qr.create_threads(sess, coord=...)` start queue runners too."""
        assert isinstance(node, ast.Call)
        func = node.func
        if not isinstance(func, ast.Attribute) or func.attr not in data.QUEUE_RUNNER_METHODS:
            return
        if func.attr == "create_threads" and not any(kw.arg in ("coord", "start", "daemon") for kw in node.keywords):
            return
        if ctx.resolve(func) is not None or not imports_tensorflow(ctx):
            return  # `tf.train.start_queue_runners` is reported by name
        _STARTS_QUEUE_RUNNERS[ctx] = True
        name = f"{ctx.source_of(func)}(...)"
        self.report(
            ctx, node, None, name=name, replacement=data.QUEUE_RUNNERS["start_queue_runners"], severity=Severity.ERROR
        )

    def on_reference(self, node: ast.AST, ref: TFRef, key: str, ctx: Context) -> None:
        short = ref.name.rsplit(".", 1)[-1]
        if short == data.COORDINATOR:
            message = f"`{ref.display}` coordinates the queue-runner threads this module starts"
            ctx.defer(
                lambda: self.report(
                    ctx, node, ref, message=message, replacement=data.COORDINATOR_REPLACEMENT, severity=Severity.WARNING
                )
                if _STARTS_QUEUE_RUNNERS.get(ctx)
                else None
            )
            return
        _STARTS_QUEUE_RUNNERS[ctx] = True
        self.report(ctx, node, ref, replacement=data.QUEUE_RUNNERS.get(short, self.replacement))


# ----- TF405 -------------------------------------------------------------------------------------


@register
class TF1QueueRule(_CallRule):
    """Reports the top-level TF1 queues: `tf.FIFOQueue`, `tf.RandomShuffleQueue`, `tf.PaddingFIFOQueue`, `tf.PriorityQueue`.

    These names are gone from TF2; in TF1 code they usually carry an input pipeline
    fed by queue runners, which `tf.data` replaces. A queue that really is a data
    structure between threads stays a queue: `tf.queue.FIFOQueue` and friends are TF2
    API and are never reported.
    """

    code = "TF405"
    symbol = "tf1-queue"
    summary = "`{name}` is a TF1 queue (an input-pipeline stage)"
    replacement = (
        "A `tf.data` pipeline (`dataset.shuffle(n)` for a RandomShuffleQueue, `dataset.padded_batch(n)` for a "
        "PaddingFIFOQueue); a queue used as a data structure becomes `tf.queue.FIFOQueue(...)`."
    )
    modules = data.QUEUE_MODULES
    table = data.QUEUES
    names = qualified(data.QUEUE_MODULES, data.QUEUES)
    node_types = (ast.Call,)
    call_names = tuple(names)
    INVALID = (
        "import tensorflow as tf\nq = tf.FIFOQueue(capacity=100, dtypes=[tf.float32], shapes=[[28, 28]])  # [TF405]\n",
        "import tensorflow.compat.v1 as tf\nq = tf.RandomShuffleQueue(1000, 100, [tf.string])  # [TF405]\n",
        "import tensorflow as tf\nq = tf.compat.v1.io.PaddingFIFOQueue(10, [tf.int32], shapes=[[None]])  # [TF405]\n",
    )
    VALID = (
        "import tensorflow as tf\nq = tf.queue.FIFOQueue(3, tf.float32)\nq.enqueue(1.0)\n"
        "r = tf.compat.v1.queue.RandomShuffleQueue(10, 2, [tf.int32])\n",
    )

    def key_for(self, ref: TFRef) -> Optional[str]:
        name = member(ref.name, ("io",)) if ref.name.startswith("io.") else ref.name
        return name if name in data.QUEUES else None

    def render(self, key: str, call: Optional[ast.Call], ctx: Context) -> str:
        arguments = _call_arguments(ctx, call) if call is not None else "(...)"
        get = partial(param, call, data.QUEUES[key])
        queue = f"`tf.queue.{key}{arguments}`"
        if key == "RandomShuffleQueue":
            buffer = src(ctx, get("min_after_dequeue"), "min_after_dequeue")
            return (
                f"As an input pipeline: `dataset.shuffle({buffer})` (then `.batch(n)` for `dequeue_many(n)`); "
                f"as a data structure between threads: {queue}."
            )
        if key == "PaddingFIFOQueue":
            return (
                "As an input pipeline: `dataset.padded_batch(n)` for the padded `dequeue_many(n)`; "
                f"as a data structure between threads: {queue}."
            )
        if key == "FIFOQueue":
            capacity = src(ctx, get("capacity"), "capacity")
            return (
                f"As an input pipeline: a `tf.data` dataset with `.prefetch({capacity})` for the queue's buffer "
                f"(`.batch(n)` for `dequeue_many(n)`); as a data structure between threads: {queue}."
            )
        return f"{queue} (the TF2 name of the same queue)."


# ----- TF406 -------------------------------------------------------------------------------------

# Calls that create a v1 iterator (canonical names; the dataset methods are matched by name).
_ITERATOR_CONSTRUCTORS = frozenset(
    {
        "data.make_one_shot_iterator",
        "data.make_initializable_iterator",
        "data.Iterator.from_structure",
        "data.Iterator.from_string_handle",
        "data.Dataset.make_one_shot_iterator",
        "data.Dataset.make_initializable_iterator",
    }
)


@register
class V1IteratorRule(Rule):
    """Reports v1 dataset iterators: `make_one_shot_iterator`, `make_initializable_iterator` (method, function), `Iterator.from_structure`.

    The `Dataset` methods are gone from TF2, so `ds.make_one_shot_iterator()` fails there.
    Through `tf.compat.v1.data` a one-shot iterator still works under eager execution (it
    returns a TF2 iterator), but `make_initializable_iterator` raises `RuntimeError` unless
    the code runs in graph mode, where `get_next()` is an op run in a session and the
    initializer must run first (checked on TF 2.21). TF2 datasets are Python iterables:
    loop over them, call `iter()`/`next()`, or hand them to `fit`. Besides the
    construction, the members only a v1 iterator has (`initializer`, `make_initializer`,
    `string_handle`) are reported where they are used, as legacy: the line itself runs
    wherever its iterator could be built.
    """

    code = "TF406"
    symbol = "v1-iterator"
    summary = "`{name}` creates a TF1 dataset iterator"
    replacement = data.ITERATOR_FUNCTIONS["make_one_shot_iterator"]
    names = {
        **qualified(data.ITERATOR_MODULES[:2], data.DATASET_METHODS),
        "data.Iterator": None,
        "data.Iterator.from_structure": None,
        "data.Iterator.from_string_handle": None,
    }
    node_types = (ast.Call, ast.Attribute)
    attr_names = ("initializer",)
    call_attrs = (*data.DATASET_METHODS, *data.ITERATOR_MEMBERS)
    call_names = ("data.Iterator.from_structure", "data.Iterator.from_string_handle")  # recorded when assigned
    INVALID = (
        "import tensorflow as tf\nds = tf.data.TFRecordDataset(files).map(parse).batch(32)\n"
        "iterator = ds.make_one_shot_iterator()  # [TF406]\nfeatures, labels = iterator.get_next()\n",
        "import tensorflow.compat.v1 as tf\nit = tf.data.make_initializable_iterator(dataset)  # [TF406]\n"
        "sess.run(it.initializer, feed_dict={x: data})  # [TF103, TF406]\n",
        "import tensorflow as tf\nit = tf.data.Iterator.from_structure(train_ds.output_types, train_ds.output_shapes)  # [TF406]\n"
        "train_init = it.make_initializer(train_ds)  # [TF406]\n",
    )
    VALID = (
        "import tensorflow as tf\nds = tf.data.Dataset.range(10).batch(2)\nfor batch in ds:\n    print(batch)\n"
        "it = iter(ds)\nfirst = next(it)\n\ndef f(it: tf.data.Iterator):\n    return it.get_next()\n",
        "import tensorflow as tf\nlayer = tf.keras.layers.Dense(3, kernel_initializer='zeros')\nk = layer.kernel_initializer\n"
        "v = tf.Variable(1.0)\ninit = v.initializer\n",
    )

    def _key(self, ref: TFRef) -> str:
        return ref.name.split(".", 1)[1] if ref.name.startswith("data.") else ref.name

    def on_reference(self, node: ast.AST, ref: TFRef, key: str, ctx: Context) -> None:
        name = self._key(ref)
        if name == "Iterator" and ref.via != VIA_COMPAT_V1:
            return  # `tf.data.Iterator` is the TF2 iterator type
        _USES_V1_ITERATORS[ctx] = True
        text = lookup(data.ITERATOR_FUNCTIONS, name.replace("Dataset.", ""))
        self.report(ctx, node, ref, replacement=data.ITERATOR_FUNCTIONS[text] if text else self.replacement)

    def check(self, node: ast.AST, ctx: Context) -> None:
        if isinstance(node, ast.Attribute):
            if node.attr == "initializer" and isinstance(node.ctx, ast.Load):
                self._check_member(node, node, ctx)
        elif isinstance(node, ast.Call):
            assignment = ctx.assigned.get(id(node))
            if assignment is not None:
                self._record(assignment, ctx)
            func = node.func
            if not isinstance(func, ast.Attribute) or ctx.resolve(func) is not None:
                return  # `tf.data.make_one_shot_iterator(ds)` is reported by name
            if func.attr in data.DATASET_METHODS and imports_tensorflow(ctx):
                receiver = ctx.resolve(func.value)
                severity = Severity.WARNING if receiver is not None and receiver.via == VIA_COMPAT_V1 else Severity.ERROR
                _USES_V1_ITERATORS[ctx] = True
                self._report_member(ctx, node, func, severity, "creates a TF1 dataset iterator")
            elif func.attr in data.ITERATOR_MEMBERS and func.attr != "initializer":
                self._check_member(node, func, ctx)

    def _is_constructor(self, value: ast.AST, ctx: Context) -> bool:
        if not isinstance(value, ast.Call):
            return False
        ref = ctx.resolve_call(value)
        if ref is not None:
            return ref.name in _ITERATOR_CONSTRUCTORS
        func = value.func
        return isinstance(func, ast.Attribute) and func.attr in data.DATASET_METHODS

    def _record(self, node: ast.Assign, ctx: Context) -> None:
        """Remember what a v1 iterator is bound to (`it = ds.make_initializable_iterator()`), by spelling."""
        if not self._is_constructor(node.value, ctx):
            return
        names = _V1_ITERATOR_NAMES.setdefault(ctx, set())
        names.update(ctx.source_of(t) for t in node.targets if isinstance(t, (ast.Name, ast.Attribute)))

    def _check_member(self, node: ast.AST, member_node: ast.Attribute, ctx: Context) -> None:
        receiver = ctx.resolve(member_node.value)
        if receiver is not None:
            if receiver.instance and receiver.name in _ITERATOR_CONSTRUCTORS:
                self._report_member(ctx, node, member_node, self.severity_for(receiver), "belongs to a TF1 dataset iterator")
            return
        spelling = ctx.source_of(member_node.value)
        distinctive = member_node.attr == "make_initializer" and isinstance(node, ast.Call) and bool(node.args or node.keywords)

        def report_if_v1() -> None:
            if spelling in _V1_ITERATOR_NAMES.get(ctx, ()) or (distinctive and _USES_V1_ITERATORS.get(ctx)):
                # The member exists on a v1 iterator (`tf.compat.v1.data.make_initializable_iterator`): the line
                # itself runs in graph mode; what fails on TF2 is the iterator's construction, reported there.
                self._report_member(ctx, node, member_node, Severity.WARNING, "belongs to a TF1 dataset iterator")

        ctx.defer(report_if_v1)

    def _report_member(self, ctx: Context, node: ast.AST, attribute: ast.Attribute, severity: Severity, what: str) -> None:
        # Point at `.make_one_shot_iterator()` / `.initializer` itself, not at the start of a long chain.
        at = method_name_node(attribute, end=node)
        receiver = ctx.source_of(attribute.value)
        suffix = "()" if isinstance(node, ast.Call) else ""
        name = f"{receiver}.{attribute.attr}{suffix}" if len(receiver) <= 40 else f"...{attribute.attr}{suffix}"
        replacement = data.ITERATOR_FUNCTIONS.get(attribute.attr) or data.ITERATOR_MEMBERS.get(attribute.attr) or self.replacement
        note = LEGACY_NOTE if severity is Severity.WARNING else REMOVED_NOTE
        self.report(ctx, at, None, message=f"`{name}` {what} ({note})", replacement=replacement, severity=severity)
