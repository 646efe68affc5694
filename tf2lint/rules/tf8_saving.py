"""Family 8 (TF8xx): saving, checkpoints, SavedModel and summaries.

The construction of a TF1 object is reported, not its later uses: `saver.save(sess, path)`
and `writer.add_summary(...)` belong to the `Saver` / `FileWriter` finding.
"""

from __future__ import annotations

import ast
import weakref
from typing import Any, MutableMapping, Optional, Set

from tf2lint.context import Context
from tf2lint.data import saving as data
from tf2lint.finding import Severity
from tf2lint.names import VIA_COMPAT_V1, VIA_COMPAT_V2, TFRef
from tf2lint.rules.base import Rule, register, sentences
from tf2lint.rules.call_args import arg, bind, flat_src, keyword, spelled_name
from tf2lint.rules.render import expression


@register
class SaverRule(Rule):
    """Reports `tf.train.Saver` and its checkpoint bookkeeping (`NewCheckpointReader`, `checkpoint_exists`, ...).

    A `Saver` writes the graph's variables under their names and needs a session to
    save or restore. TF2 checkpoints are object-based: `tf.train.Checkpoint` tracks the
    objects it is given (model, optimizer) and `tf.train.CheckpointManager` keeps the
    last N files. Its uses (`saver.save`, `saver.restore`) are part of this finding.
    """

    code = "TF801"
    symbol = "saver"
    absorbs = ("TF204",)  # `tf.train.Saver(tf.global_variables())`: the checkpoint names its objects
    summary = "`{name}` saves TF1 graph variables by name"
    replacement = (
        "`checkpoint = tf.train.Checkpoint(model=model, optimizer=optimizer)` and "
        "`manager = tf.train.CheckpointManager(checkpoint, directory, max_to_keep=5)`; "
        "`manager.save()` and `checkpoint.restore(manager.latest_checkpoint)`. " + data.RESTORE_NOTE
    )
    names = data.SAVER_NAMES
    node_types = (ast.Call,)
    call_names = ("train.Saver",)
    INVALID = (
        "import tensorflow as tf\nsaver = tf.train.Saver(max_to_keep=3)  # [TF801]\nsaver.save(sess, path)\n",
        "import tensorflow as tf\nsaver = tf.compat.v1.train.Saver(var_list=tf.compat.v1.global_variables())  # [TF801]\n",
        "from tensorflow.train import Saver  # [TF801]\nsaver = Saver()  # [TF801]\n",
        "import tensorflow as tf\nreader = tf.train.NewCheckpointReader(path)  # [TF801]\n"
        "if tf.train.checkpoint_exists(path):  # [TF801]\n    pass\n",
    )
    VALID = (
        "import tensorflow as tf\nckpt = tf.train.Checkpoint(model=model, optimizer=opt)\n"
        "manager = tf.train.CheckpointManager(ckpt, '/tmp/ckpt', max_to_keep=3)\nmanager.save()\n"
        "ckpt.restore(tf.train.latest_checkpoint('/tmp/ckpt'))\n",
        "import tensorflow as tf\nreader = tf.train.load_checkpoint('/tmp/ckpt')\nw = reader.get_tensor('dense/kernel')\n",
    )

    def check(self, node: ast.AST, ctx: Context) -> None:
        assert isinstance(node, ast.Call)
        ref = ctx.resolve_call(node)
        if ref is None or ref.name != "train.Saver":
            return
        bound = dict(bind(node, data.SAVER_SIGNATURE, ctx).named)
        keep = flat_src(ctx, bound.get("max_to_keep"), data.SAVER_DEFAULT_MAX_TO_KEEP)
        manager_args = f"checkpoint, directory, max_to_keep={keep}"
        if "keep_checkpoint_every_n_hours" in bound:
            manager_args += f", keep_checkpoint_every_n_hours={flat_src(ctx, bound['keep_checkpoint_every_n_hours'])}"
        notes = [
            "`checkpoint = tf.train.Checkpoint(model=model, optimizer=optimizer)` and "
            f"`manager = tf.train.CheckpointManager({manager_args})`"
            + (" (5 is TF1's default)." if "max_to_keep" not in bound else "."),
            data.SAVER_USES,
        ]
        if "var_list" in bound:
            notes.append(
                f"The variables in `{flat_src(ctx, bound['var_list'])}` become attributes of the Checkpoint "
                "(`tf.train.Checkpoint(w=w, b=b)`) or of a `tf.Module` it tracks."
            )
        notes.append(data.SAVER_KEYS_NOTE)
        self.report_call(ctx, node, ref, sentences(notes))

    def on_reference(self, node: ast.AST, ref: TFRef, key: str, ctx: Context) -> None:
        message = None if key == "train.Saver" else self.message_for(ref, data.CHECKPOINT_HELPER_MESSAGE)
        self.report(ctx, node, ref, message=message)

    def replacement_for(self, ref: Optional[TFRef], ctx: Context) -> str:
        specific = super().replacement_for(ref, ctx)
        return specific if specific != self.replacement else sentences([self.replacement, data.SAVER_KEYS_NOTE])



class _FileTrees:
    """The module tree of each file being linted (for checks that look beyond one node)."""

    def __init__(self) -> None:
        self._trees: MutableMapping[Context, ast.Module] = weakref.WeakKeyDictionary()
        self._wrapped: MutableMapping[Context, Set[int]] = weakref.WeakKeyDictionary()

    def remember(self, ctx: Context, tree: ast.Module) -> None:
        self._trees[ctx] = tree

    def wrapped_nodes(self, ctx: Context) -> Set[int]:
        """Nodes inside functions handed to `wrap_function` (where TF1 graph calls are the TF2 recipe)."""
        if ctx not in self._wrapped:
            tree = self._trees.get(ctx)
            self._wrapped[ctx] = _wrapped_nodes(tree) if tree is not None else set()
        return self._wrapped[ctx]


def _wrapped_nodes(tree: ast.Module) -> Set[int]:
    names: Set[str] = set()
    inside: Set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and spelled_name(node.func) == "wrap_function":
            target = arg(node, 0, "fn")
            if isinstance(target, ast.Lambda):
                inside.update(id(n) for n in ast.walk(target))
            elif target is not None:
                names.add(spelled_name(target))
    if names:
        for node in ast.walk(tree):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and node.name in names:
                inside.update(id(n) for n in ast.walk(node))
    return inside


@register
class MetaGraphRule(Rule):
    """Reports `tf.train.import_meta_graph` and `tf.train.export_meta_graph`.

    A MetaGraph is a TF1 graph plus its saver; importing one rebuilds that graph for a
    session to run. TF2 loads SavedModels instead, and reaches an old MetaGraph only
    through `tf.compat.v1.wrap_function`, which turns the imported graph into a callable
    function. The wrapped function may return only tensors, so the `Saver` that
    `import_meta_graph` returns is kept aside and its restore op, pruned out of the
    wrapped graph, loads the checkpoint. Calls made inside a function handed to
    `wrap_function` are that recipe and are not reported.
    """

    code = "TF802"
    symbol = "import-meta-graph"
    summary = "`{name}` imports or exports a TF1 MetaGraph"
    replacement = data.IMPORT_META_GRAPH.format(path="'model.ckpt.meta'", prefix="'model.ckpt'")
    names = data.META_GRAPH_NAMES
    node_types = (ast.Module, ast.Call)
    call_names = tuple(names)
    INVALID = (
        "import tensorflow as tf\nsaver = tf.train.import_meta_graph('model.ckpt.meta')  # [TF802]\n",
        "import tensorflow.compat.v1 as tf\ntf.train.export_meta_graph(filename='model.meta')  # [TF802]\n",
        "import os\nimport tensorflow as tf\nsaver = tf.compat.v1.train.import_meta_graph(os.path.join(d, 'model.meta'))  # [TF802]\n"
        "saver.restore(sess, os.path.join(d, 'model'))\n",
    )
    VALID = (
        "import tensorflow as tf\nsavers = []\n"
        "imported = tf.compat.v1.wrap_function(lambda: savers.append(tf.compat.v1.train.import_meta_graph('m.meta')), [])\n"
        "saver_def = savers[0].saver_def\n"
        "imported.prune(saver_def.filename_tensor_name, saver_def.restore_op_name)(tf.constant('m'))\n"
        "predict = imported.prune('x:0', 'y:0')\n",
        "import tensorflow as tf\n\ndef _load():\n    tf.compat.v1.train.import_meta_graph('m.meta')\n\n"
        "fn = tf.compat.v1.wrap_function(_load, signature=[])\n",
        "import tensorflow as tf\nw = tf.train.load_checkpoint('/tmp/model.ckpt').get_tensor('dense/w')\n",
        "import tensorflow as tf\nloaded = tf.saved_model.load('/tmp/export')\n",
    )

    def __init__(self) -> None:
        self._files = _FileTrees()

    def check(self, node: ast.AST, ctx: Context) -> None:
        if isinstance(node, ast.Module):
            self._files.remember(ctx, node)
            return
        assert isinstance(node, ast.Call)
        ref = self.called(node, ctx)
        if ref is None:
            return
        ctx.claim(node.func)
        if id(node) in self._files.wrapped_nodes(ctx):
            return
        replacement = None
        if ref.name == "train.import_meta_graph":
            path = arg(node, 0, "meta_graph_or_file")
            replacement = data.IMPORT_META_GRAPH.format(path=flat_src(ctx, path, "meta_file"), prefix=_prefix_of(ctx, path))
        self.report(ctx, node.func, ref, replacement=replacement)

    def on_reference(self, node: ast.AST, ref: TFRef, key: str, ctx: Context) -> None:
        if id(node) not in self._files.wrapped_nodes(ctx):
            self.report(ctx, node, ref)


def _prefix_of(ctx: Context, path: Optional[ast.AST]) -> str:
    """The checkpoint prefix beside a MetaGraph file: `'model.ckpt'` for the literal `'model.ckpt.meta'`."""
    if isinstance(path, ast.Constant) and isinstance(path.value, str) and path.value.endswith(".meta"):
        text = flat_src(ctx, path)
        if text[-1:] in ("'", '"') and text[:-1].endswith(".meta") and len(path.value) > len(".meta"):
            return text[: -len(".meta") - 1] + text[-1]
    return data.IMPORT_META_GRAPH_PREFIX


@register
class InitFromCheckpointRule(Rule):
    """Reports `tf.train.init_from_checkpoint`.

    It overrides the initializers of graph variables so that a session's first
    `sess.run(init)` loads them from a checkpoint; it works only in graph mode. In TF2
    read the checkpoint with `tf.train.load_checkpoint` and assign the values, or restore
    an object-based checkpoint with `tf.train.Checkpoint(...).restore(path)`.
    """

    code = "TF803"
    symbol = "init-from-checkpoint"
    summary = "`{name}` initializes TF1 graph variables from a checkpoint"
    replacement = (
        "`reader = tf.train.load_checkpoint(path)`, then `var.assign(reader.get_tensor(name))` for each mapped "
        "variable; for an object-based checkpoint, `tf.train.Checkpoint(model=model).restore(path)`."
    )
    names = data.INIT_FROM_CHECKPOINT_NAMES
    node_types = (ast.Call,)
    call_names = tuple(names)
    INVALID = (
        "import tensorflow as tf\ntf.train.init_from_checkpoint(ckpt_dir, {'encoder/': 'model/encoder/'})  # [TF803]\n",
        "import tensorflow.compat.v1 as tf\ntf.train.init_from_checkpoint('/tmp/m.ckpt', {'w': w})  # [TF803]\n",
    )
    VALID = (
        "import tensorflow as tf\nreader = tf.train.load_checkpoint(ckpt_dir)\n"
        "w.assign(reader.get_tensor('layer/w'))\n",
        "import tensorflow as tf\ntf.train.Checkpoint(model=model).restore(path).expect_partial()\n",
    )

    def check(self, node: ast.AST, ctx: Context) -> None:
        assert isinstance(node, ast.Call)
        ref = self.called(node, ctx)
        if ref is None:
            return
        path = flat_src(ctx, arg(node, 0, "ckpt_dir_or_file"), "path")
        mapping = arg(node, 1, "assignment_map")
        assigns = "`var.assign(reader.get_tensor(name))` for each mapped variable"
        if isinstance(mapping, ast.Dict) and mapping.keys and all(k is not None for k in mapping.keys):
            pairs = list(zip(mapping.keys, mapping.values))
            first_key, first_value = pairs[0]
            key_src, value_src = flat_src(ctx, first_key), flat_src(ctx, first_value)  # type: ignore[arg-type]
            if isinstance(first_value, ast.Constant) and isinstance(first_value.value, str):
                assigns = (
                    f"for each variable under {value_src}, `var.assign(reader.get_tensor(name))` with the "
                    f"checkpoint name under {key_src}"
                )
            else:
                assigns = f"`{value_src}.assign(reader.get_tensor({key_src}))`" + (
                    " and likewise for the other entries" if len(pairs) > 1 else ""
                )
        replacement = (
            f"`reader = tf.train.load_checkpoint({path})`, then {assigns}; for an object-based checkpoint, "
            f"`tf.train.Checkpoint(model=model).restore({path})`. {data.RESTORE_NOTE}"
        )
        self.report_call(ctx, node, ref, replacement)


@register
class SavedModelV1Rule(Rule):
    """Reports the TF1 SavedModel API: `simple_save`, `SavedModelBuilder`, `loader.load(sess, ...)`,
    signature-def utilities and the constant modules.

    TF1 SavedModels are written from a session's graph with hand-built signature defs
    and loaded back into a session. TF2 saves trackable objects and their
    `tf.function`s with `tf.saved_model.save` and loads them with
    `tf.saved_model.load(path)`, which returns callable objects. `tf.saved_model.load`
    with a session argument is TF1's loader; the TF2 call `tf.saved_model.load(path)`
    and the top-level constants (`tf.saved_model.SERVING`) are not reported.
    """

    code = "TF804"
    symbol = "saved-model-v1"
    summary = "`{name}` is the TF1 session-based SavedModel API"
    replacement = (
        "`tf.saved_model.save(module, export_dir, signatures=...)` to export and "
        "`loaded = tf.saved_model.load(export_dir)` to load."
    )
    version_notes = data.KERAS3_SAVE_NOTE
    names = data.SAVED_MODEL_NAMES
    node_types = (ast.Call,)
    call_names = ("saved_model",)
    INVALID = (
        "import tensorflow as tf\n"
        "tf.saved_model.simple_save(sess, export_dir, inputs={'x': x}, outputs={'y': y})  # [TF804]\n",
        "import tensorflow as tf\nbuilder = tf.saved_model.builder.SavedModelBuilder(export_dir)  # [TF804]\n"
        "builder.add_meta_graph_and_variables(sess, [tf.saved_model.tag_constants.SERVING])  # [TF804]\n",
        "import tensorflow as tf\ntf.saved_model.loader.load(sess, ['serve'], export_dir)  # [TF804]\n",
        "import tensorflow as tf\nmeta = tf.saved_model.load(sess, [tf.saved_model.SERVING], export_dir)  # [TF804]\n",
        "import tensorflow as tf\n"
        "sig = tf.saved_model.signature_def_utils.predict_signature_def(inputs={'x': x}, outputs={'y': y})  # [TF804]\n",
    )
    VALID = (
        "import tensorflow as tf\ntf.saved_model.save(module, '/tmp/export', signatures=serve)\n"
        "loaded = tf.saved_model.load('/tmp/export')\nkey = tf.saved_model.DEFAULT_SERVING_SIGNATURE_DEF_KEY\n",
        "import tensorflow as tf\nloaded = tf.saved_model.load(export_dir, tags=[tf.saved_model.SERVING])\n",
    )

    def check(self, node: ast.AST, ctx: Context) -> None:
        assert isinstance(node, ast.Call)
        ref = ctx.resolve_call(node)
        if ref is None:
            return
        name = ref.name
        if name == "saved_model.load":
            if self._is_v1_load(node, ref):
                # `tf.saved_model.load` exists in TF2: the signature, not the name, is what fails.
                message = data.V1_LOAD_MESSAGE.format(name=ref.display) if ref.via != VIA_COMPAT_V1 else None
                self.report_call(ctx, node, ref, self._load_text(node, ctx), message=message)
            return
        if name == "saved_model.simple_save":
            export_dir = flat_src(ctx, arg(node, 1, "export_dir"), "export_dir")
            replacement = sentences(
                [
                    f"`tf.saved_model.save(module, {export_dir}, signatures=serve.get_concrete_function())`, "
                    "with `serve` a `@tf.function(input_signature=[...])` that maps the `inputs` to the `outputs` dict.",
                ]
            )
        elif name in ("saved_model.builder.SavedModelBuilder", "saved_model.Builder"):
            export_dir = flat_src(ctx, arg(node, 0, "export_dir"), "export_dir")
            replacement = sentences(
                [f"`tf.saved_model.save(module, {export_dir}, signatures=...)`.", data.BUILDER_USES]
            )
        elif name == "saved_model.loader.load":
            replacement = self._load_text(node, ctx)
        else:
            return
        self.report_call(ctx, node, ref, replacement)

    @staticmethod
    def _is_v1_load(call: ast.Call, ref: TFRef) -> bool:
        """TF1's load(sess, tags, export_dir): through compat.v1, a session keyword, or three positionals."""
        if ref.via == VIA_COMPAT_V1:
            return True
        if ref.via == VIA_COMPAT_V2:
            return False
        if any(kw.arg in data.V1_LOAD_KEYWORDS for kw in call.keywords):
            return True
        positional = [a for a in call.args if not isinstance(a, ast.Starred)]
        return len(positional) >= 3 and not isinstance(positional[2], ast.Call)

    @staticmethod
    def _load_text(call: ast.Call, ctx: Context) -> str:
        export_dir = flat_src(ctx, arg(call, 2, "export_dir"), "export_dir")
        tags_text = flat_src(ctx, arg(call, 1, "tags"))
        for module in data.SAVED_MODEL_CONSTANT_MODULES:  # the TF2 constants are top-level
            tags_text = tags_text.replace(f"{module}.", "saved_model.")
        args = export_dir + (f", tags={tags_text}" if tags_text else "")
        return f"`loaded = tf.saved_model.load({args})`, then " + data.LOAD_USES

    def on_reference(self, node: ast.AST, ref: TFRef, key: str, ctx: Context) -> None:
        if key in data.SAVED_MODEL_CONSTANT_MODULES:
            self.report(ctx, node, ref, message=self.message_for(ref, data.SAVED_MODEL_CONSTANT_MESSAGE))
        else:
            self.report(ctx, node, ref)

    def replacement_for(self, ref: Optional[TFRef], ctx: Context) -> str:
        if ref is None:
            return self.replacement
        name = ref.name
        for module in data.SAVED_MODEL_CONSTANT_MODULES:
            if name.startswith(module + "."):
                const = name[len(module) + 1 :]
                if const in data.SAVED_MODEL_TF1_CONSTANTS:
                    return data.SAVED_MODEL_NAMES["saved_model.MAIN_OP_KEY"] or self.replacement
                return f"`tf.saved_model.{const}`."
            if name == module:
                return data.SAVED_MODEL_CONSTANT_REPLACEMENT
        if name.startswith("saved_model.loader"):
            return "`loaded = tf.saved_model.load(export_dir)`, then " + data.LOAD_USES
        if name.startswith(("saved_model.builder", "saved_model.Builder", "saved_model.simple_save")):
            return sentences([self.replacement, data.BUILDER_USES])
        return super().replacement_for(ref, ctx)


def _code(ctx: Context, node: Optional[ast.AST], default: str = "") -> str:
    """An argument's source on one line with the TF1 names inside it converted (`tf.to_float(x)` ->
    `tf.cast(x, tf.float32)`), to embed it in rendered TF2 code."""
    if node is None:
        return default
    return " ".join(expression(node, ctx).text.split())


class _SummaryRule(Rule):
    """The summary rules: their advice ends in `tf.summary.*` calls, which need TensorBoard on TF 2.21+."""

    def report(self, ctx: Context, node: ast.AST, ref: Optional[TFRef] = None, **kwargs: Any) -> None:
        if ctx.target_version >= data.TENSORBOARD_OPTIONAL_FROM:
            text = kwargs.get("replacement")
            if text is None:
                text = self.replacement_for(ref, ctx)
            kwargs["replacement"] = f"{text} {data.TENSORBOARD_NOTE}"
        super().report(ctx, node, ref, **kwargs)


@register
class SummaryFileWriterRule(_SummaryRule):
    """Reports `tf.summary.FileWriter` and `FileWriterCache`.

    A TF1 `FileWriter` writes `Summary` protos that a session computed; TF2 summary ops
    write directly to the default writer. The writer's later `add_summary` calls belong
    to this finding.
    """

    code = "TF805"
    symbol = "summary-file-writer"
    summary = "`{name}` is the TF1 event-file writer"
    replacement = (
        "`writer = tf.summary.create_file_writer(logdir)` and `with writer.as_default(step=step):` "
        "around the `tf.summary.*` calls."
    )
    names = data.FILE_WRITER_NAMES
    node_types = (ast.Call,)
    call_names = ("summary.FileWriter", "summary.FileWriterCache")
    INVALID = (
        "import tensorflow as tf\nwriter = tf.summary.FileWriter('/tmp/logs', sess.graph)  # [TF805]\n"
        "writer.add_summary(summary, step)\n",
        "import tensorflow as tf\nwriter = tf.compat.v1.summary.FileWriterCache.get(logdir)  # [TF805]\n",
    )
    VALID = (
        "import tensorflow as tf\nwriter = tf.summary.create_file_writer('/tmp/logs')\n"
        "with writer.as_default(step=step):\n    tf.summary.scalar('loss', loss)\n",
    )

    def check(self, node: ast.AST, ctx: Context) -> None:
        assert isinstance(node, ast.Call)
        ref = ctx.resolve_call(node)
        name = ref.name if ref is not None else ""
        if ref is None or not name.startswith(("summary.FileWriter", "summary.FileWriterCache")):
            return
        if name.startswith("summary.FileWriterCache"):
            logdir = flat_src(ctx, arg(node, 0, "logdir"), "logdir")
            replacement = sentences(
                [f"`writer = tf.summary.create_file_writer({logdir})`, kept by the code that writes.", data.FILE_WRITER_USES]
            )
            self.report_call(ctx, node, ref, replacement)
            return
        bound = dict(bind(node, data.FILE_WRITER_SIGNATURE, ctx).named)
        args = [flat_src(ctx, bound.get("logdir"), "logdir")]
        if "max_queue" in bound:
            args.append(f"max_queue={flat_src(ctx, bound['max_queue'])}")
        if "flush_secs" in bound:
            args.append(f"flush_millis={_millis(bound['flush_secs'], ctx)}")
        if "filename_suffix" in bound:
            args.append(f"filename_suffix={flat_src(ctx, bound['filename_suffix'])}")
        notes = [f"`writer = tf.summary.create_file_writer({', '.join(args)})`.", data.FILE_WRITER_USES]
        if bound.get("graph") is not None and not _is_none(bound["graph"]):
            notes.append(data.FILE_WRITER_GRAPH_NOTE)
        self.report_call(ctx, node, ref, sentences(notes))

    def replacement_for(self, ref: Optional[TFRef], ctx: Context) -> str:
        if ref is not None and ref.name.startswith("summary.initialize"):
            return super().replacement_for(ref, ctx)
        return sentences([self.replacement, data.FILE_WRITER_USES])


def _is_max_outputs(node: ast.AST) -> bool:
    """`tf.summary.image(name, images, 3)`: an image count where TF2 takes the step.

    An integer literal or a value spelled `max_outputs` reads as TF1's argument; anything
    else (`step`, `self.global_step`) as TF2's step.
    """
    if isinstance(node, ast.Constant):
        return isinstance(node.value, int) and not isinstance(node.value, bool)
    return spelled_name(node) == "max_outputs"


def _is_none(node: ast.AST) -> bool:
    return isinstance(node, ast.Constant) and node.value is None


def _millis(node: ast.AST, ctx: Context) -> str:
    if isinstance(node, ast.Constant) and isinstance(node.value, (int, float)) and not isinstance(node.value, bool):
        return str(int(node.value * 1000))
    return f"int({flat_src(ctx, node)} * 1000)"


@register
class SummaryMergeRule(_SummaryRule):
    """Reports `tf.summary.merge_all` and `tf.summary.merge`.

    Merging collects the graph's summary ops into one op for a session to run and a
    `FileWriter` to write. TF2 summary ops write when they execute, inside
    `writer.as_default()`: there is nothing to merge or run.
    """

    code = "TF806"
    symbol = "summary-merge"
    summary = "`{name}` merges TF1 summary ops for a session run"
    replacement = (
        "Delete it, and the `sess.run` / `writer.add_summary` of its result: `tf.summary.*` calls made inside "
        "`with writer.as_default(step=step):` write directly."
    )
    names = data.MERGE_NAMES
    INVALID = (
        "import tensorflow as tf\nmerged = tf.summary.merge_all()  # [TF806]\n",
        "import tensorflow.compat.v1 as tf\ntrain_summaries = tf.summary.merge([s1, s2])  # [TF806]\n",
    )
    VALID = (
        "import tensorflow as tf\nwith writer.as_default(step=step):\n"
        "    tf.summary.scalar('loss', loss)\n    tf.summary.scalar('acc', acc)\n",
    )


@register
class V1SummaryOpRule(_SummaryRule):
    """Reports v1 summary ops: `tf.summary.scalar`/`histogram`/`image`/`audio`/`text` used the TF1 way,
    `tensor_summary`, the `Summary` proto.

    The TF1 ops return a serialized `Summary` tensor for a session to run and a
    `FileWriter` to write. The TF2 ops of the same names write immediately to the default
    writer and need a `step`. A call is reported when it is v1: reached through
    `tf.compat.v1`, using TF1-only arguments (`collections`, `family`, `tensor=`, a
    `collections` list third), or, in a module that runs TF1, without a step or with an
    image count where TF1 has `max_outputs` and TF2 the step (`tf.summary.image(name,
    images, 3)`). `tf.summary.scalar(name, data, step=...)`
    is TF2 and never reported, nor are stepless calls in a module that shows TF2 summary
    writing (`create_file_writer`, `writer.as_default(step=...)`,
    `tf.summary.experimental.set_step`) or an eager `tf.GradientTape` step, whose caller
    sets the default step.
    """

    code = "TF807"
    symbol = "v1-summary-op"
    summary = "`{name}` is a TF1 summary op"
    replacement = "`tf.summary.scalar(name, data, step=step)` (and the other ops) inside `with writer.as_default():`."
    names = data.V1_SUMMARY_NAMES
    node_types = (ast.Call,)
    call_names = ("summary", *data.SUMMARY_PROTOS, *data.V2_SUMMARY_CONTEXT)
    call_attrs = ("as_default",)
    INVALID = (
        "import tensorflow.compat.v1 as tf\ntf.summary.scalar('loss', loss)  # [TF807]\n",
        "import tensorflow as tf\nx = tf.placeholder(tf.float32)  # [TF102]\ntf.summary.histogram('x', x)  # [TF807]\n",
        "import tensorflow as tf\ntf.summary.scalar('loss', loss, collections=['train'])  # [TF807]\n",
        "import tensorflow as tf\ntf.summary.scalar('loss', loss, ['train'])  # [TF807]\n",
        "import tensorflow as tf\nx = tf.placeholder(tf.float32)  # [TF102]\ntf.summary.image('input', x_image, 4)  # [TF807]\n",
        "import tensorflow as tf\ns = tf.Summary(value=[tf.Summary.Value(tag='acc', simple_value=acc)])  # [TF807]\n",
    )
    VALID = (
        "import tensorflow as tf\nwith writer.as_default():\n    tf.summary.scalar('loss', loss, step=step)\n",
        "import tensorflow as tf\ntf.summary.image('inputs', images, step, max_outputs=4)\n",
        "import tensorflow as tf\nv1 = tf.compat.v1\ntf.summary.image('inputs', images, step=3)\n",
        "import tensorflow as tf\nv1 = tf.compat.v1\n"
        "writer = tf.summary.create_file_writer(logdir)\n"
        "with writer.as_default(step=0):\n    tf.summary.scalar('loss', loss)\n",
    )

    def __init__(self) -> None:
        self._v2_context: MutableMapping[Context, bool] = weakref.WeakKeyDictionary()

    def check(self, node: ast.AST, ctx: Context) -> None:
        assert isinstance(node, ast.Call)
        func = node.func
        if isinstance(func, ast.Attribute) and func.attr == "as_default" and keyword(node, "step") is not None:
            self._v2_context[ctx] = True
            return
        ref = ctx.resolve_call(node)
        if ref is None:
            return
        name = ref.name
        if name in data.V2_SUMMARY_CONTEXT:
            self._v2_context[ctx] = True
            return
        if name in data.SUMMARY_PROTOS:
            # One finding for the proto and the `Summary.Value(...)` parts built inside it.
            for sub in ast.walk(node):
                if isinstance(sub, ast.Attribute) and sub is not func:
                    inner = ctx.resolve(sub)
                    if inner is not None and inner.name.startswith(data.SUMMARY_PROTOS):
                        ctx.claim(sub)
            return
        if name == "summary.tensor_summary":
            self.report_call(ctx, node, ref, self._tensor_summary_text(node, ctx))
            return
        op = name[8:] if name.startswith("summary.") else ""
        if op not in data.SUMMARY_OPS:
            return
        ctx.claim(func)  # the TF2 op of the same name is decided here, not by its name
        if ref.via == VIA_COMPAT_V2:
            return
        replacement = self._op_text(node, op, ctx)
        if ref.via == VIA_COMPAT_V1:
            self.report(ctx, func, ref, replacement=replacement)
            return
        v1_keywords = sorted(kw.arg for kw in node.keywords if kw.arg in data.V1_ONLY_KEYWORDS)
        signature, step_index = data.SUMMARY_OPS[op]
        step = arg(node, step_index, "step")
        tf1_parameter = signature[step_index]  # what TF1 calls the argument at the TF2 step's position
        collections = tf1_parameter == "collections" and isinstance(step, (ast.List, ast.Tuple))
        if v1_keywords or collections:
            used = ", ".join(f"`{k}=`" for k in v1_keywords) or "a `collections` list"
            message = f"`{ref.display}(...)` uses the TF1 signature ({used}): the TF2 op takes `(name, data, step)`"
            self.report(ctx, func, ref, message=message, replacement=replacement, severity=Severity.ERROR)
            return
        if any(kw.arg is None for kw in node.keywords):
            return
        if step is None:
            message = f"`{ref.display}(...)` without a `step` is the TF1 summary op in a module that runs TF1"
        elif tf1_parameter == "max_outputs" and keyword(node, "step") is None and _is_max_outputs(step):
            message = (
                f"`{ref.display}(...)` is the TF1 summary op in a module that runs TF1: its argument "
                f"{step_index + 1} is TF1's `max_outputs`, where the TF2 op takes the `step`"
            )
        else:
            return

        def report_if_tf1() -> None:
            if ctx.runs_tf1 and not self._v2_context.get(ctx, False):
                self.report(ctx, func, ref, message=message, replacement=replacement, severity=Severity.WARNING)

        ctx.defer(report_if_tf1)

    def on_reference(self, node: ast.AST, ref: TFRef, key: str, ctx: Context) -> None:
        # A TF2 op's name alone (`fn = tf.summary.scalar`) says nothing; compat.v1 (private paths included) and
        # TF1-only names do.
        if ref.via == VIA_COMPAT_V1 or key in data.V1_ONLY_SUMMARY_NAMES:
            self.report(ctx, node, ref, message=self.message_for(ref, data.V1_SUMMARY_MESSAGES.get(key, "")))

    @staticmethod
    def _op_text(call: ast.Call, op: str, ctx: Context) -> str:
        signature = data.SUMMARY_OPS[op][0]
        bound = dict(bind(call, signature, ctx).named)
        name = _code(ctx, bound.get("name"), "name")
        value = bound.get("tensor", bound.get("values", bound.get("data")))
        args = [name, _code(ctx, value, "data")]
        if op == "audio":
            args.append(_code(ctx, bound.get("sample_rate"), "sample_rate"))
        args.append("step=step")
        if "max_outputs" in bound:
            args.append(f"max_outputs={_code(ctx, bound['max_outputs'])}")
        rendered = f"`tf.summary.{op}({', '.join(args)})` inside `with writer.as_default():`"
        notes = [rendered + ", with `writer = tf.summary.create_file_writer(logdir)`; it writes when it runs."]
        if "family" in bound:
            notes.append(f"`family=` becomes `with tf.name_scope({_code(ctx, bound['family'])}):` around the call.")
        if "collections" in bound:
            notes.append("`collections=` goes: nothing collects summaries in TF2.")
        return sentences(notes)

    @staticmethod
    def _tensor_summary_text(call: ast.Call, ctx: Context) -> str:
        bound = dict(bind(call, data.TENSOR_SUMMARY_SIGNATURE, ctx).named)
        args = [_code(ctx, bound.get("name"), "name"), _code(ctx, bound.get("tensor"), "tensor"), "step=step"]
        if "summary_metadata" in bound:
            args.append(f"metadata={_code(ctx, bound['summary_metadata'])}")
        return f"`tf.summary.write({', '.join(args)})` inside `with writer.as_default():`."

    def replacement_for(self, ref: Optional[TFRef], ctx: Context) -> str:
        name = ref.name if ref is not None else ""
        if name.startswith("summary.") and name[8:] in data.SUMMARY_OPS:
            op = name[8:]
            step = "sample_rate, step=step" if op == "audio" else "step=step"
            return f"`tf.summary.{op}(name, data, {step})` inside `with writer.as_default():`."
        return super().replacement_for(ref, ctx)
