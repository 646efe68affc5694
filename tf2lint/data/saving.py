"""Family 8 tables: checkpoints, SavedModel export and loading, and summaries.

Signatures are TF1's positional parameter order, so positional arguments in a call can
be named when the replacement is rendered from it.
"""

from __future__ import annotations

from typing import Mapping, Optional, Tuple

# ----- TF801 Saver ----------------------------------------------------------------------------

SAVER_NAMES: Mapping[str, Optional[str]] = {
    "train.Saver": None,
    # The Saver's checkpoint bookkeeping.
    "train.NewCheckpointReader": (
        "`tf.train.load_checkpoint(path)`: the same reader (`get_tensor`, `get_variable_to_shape_map`)."
    ),
    "train.checkpoint_exists": (
        "`tf.train.get_checkpoint_state(directory)` (None when there is none), or "
        "`tf.io.gfile.exists(prefix + '.index')` for one checkpoint."
    ),
    "train.update_checkpoint_state": (
        "`tf.train.CheckpointManager` writes the `checkpoint` state file itself on every `manager.save()`."
    ),
    "train.generate_checkpoint_state_proto": (
        "`tf.train.CheckpointManager` writes the `checkpoint` state file itself on every `manager.save()`."
    ),
    "train.get_checkpoint_mtimes": "`os.path.getmtime(prefix + '.index')` for each checkpoint prefix.",
    "train.remove_checkpoint": (
        "`tf.train.CheckpointManager(..., max_to_keep=N)` deletes old checkpoints; to delete one by hand, "
        "`tf.io.gfile.remove` each of its files."
    ),
    "train.SaverDef": "No TF2 counterpart: `tf.train.Checkpoint` has no saver proto; delete it with the `Saver`.",
}
CHECKPOINT_HELPER_MESSAGE = "`{name}` is TF1 checkpoint bookkeeping that goes with `tf.train.Saver`"
SAVER_SIGNATURE = ("var_list", "reshape", "sharded", "max_to_keep", "keep_checkpoint_every_n_hours", "name")
SAVER_DEFAULT_MAX_TO_KEEP = "5"
# Checked on TF 2.21: a subclassed Keras 3 model restored before it is built keeps its fresh weights when
# it is built afterwards, and `assert_existing_objects_matched()` passes (nothing existed to match).
RESTORE_NOTE = (
    "Build the model first (call it on a batch or `model.build(input_shape)`), then "
    "`status = checkpoint.restore(path)` and `status.assert_existing_objects_matched()`: a Keras 3 model "
    "restored before its variables exist can silently keep its fresh weights."
)
SAVER_USES = (
    "`saver.save(sess, path, global_step=step)` becomes `manager.save(checkpoint_number=step)` and "
    "`saver.restore(sess, path)` becomes `checkpoint.restore(manager.latest_checkpoint)`. " + RESTORE_NOTE
)
SAVER_KEYS_NOTE = (
    "Checkpoint keys are object paths, not variable names: `checkpoint.restore` still reads a TF1 name-based "
    "checkpoint when the variable names match; otherwise read values by name with "
    "`tf.train.load_checkpoint(path).get_tensor(name)` and assign them."
)

# ----- TF802 MetaGraph ----------------------------------------------------------------------------

META_GRAPH_NAMES = {
    "train.import_meta_graph": None,
    "train.export_meta_graph": (
        "`tf.saved_model.save(module, export_dir, signatures=...)`: a SavedModel carries the functions and "
        "the variables together, and `tf.saved_model.load(export_dir)` restores both."
    ),
}
# `wrap_function` accepts a function returning tensors only, and `import_meta_graph` returns a Saver:
# the Saver leaves through a list, and its restore op, pruned out of the wrapped graph, loads the
# checkpoint into the imported variables (what `tf.saved_model.load` does for a TF1 SavedModel).
# Checked by the verify pair `meta-graph-to-wrap-function` under TF 2.15 and 2.21.
IMPORT_META_GRAPH = (
    "`savers = []`, "
    "`imported = tf.compat.v1.wrap_function(lambda: savers.append(tf.compat.v1.train.import_meta_graph({path})), [])` "
    "(a wrapped function may return only tensors, not the Saver), "
    "`restore = imported.prune(savers[0].saver_def.filename_tensor_name, savers[0].saver_def.restore_op_name)` and "
    "`restore(tf.constant({prefix}))` load the checkpoint into the imported variables (checked); then "
    "`imported.prune(feeds, fetches)`, with tensor names of the imported graph (`imported.prune('x:0', 'y:0')`), "
    "is a callable TF2 function. To read only the variables: `tf.train.load_checkpoint({prefix}).get_tensor(name)`. "
    "For new exports, save a SavedModel with `tf.saved_model.save` and load it with `tf.saved_model.load`."
)
IMPORT_META_GRAPH_PREFIX = "checkpoint_prefix"  # the path the TF1 code restored with `saver.restore(sess, path)`

# ----- TF803 init_from_checkpoint -------------------------------------------------------------------

INIT_FROM_CHECKPOINT_NAMES = {"train.init_from_checkpoint": None}

# ----- TF804 SavedModel (TF1 builder and loader) ------------------------------------------------------

_SAVE = "`tf.saved_model.save(module, export_dir, signatures=serve.get_concrete_function(tf.TensorSpec(shape, dtype)))`"
_SIGNATURES = (
    "A `@tf.function` with an `input_signature` defines the signature: "
    "`tf.saved_model.save(module, export_dir, signatures={'serving_default': serve.get_concrete_function()})`; "
    "its argument names and returned dict keys are the signature's inputs and outputs."
)
_TENSOR_INFO = "`tf.TensorSpec(shape, dtype, name)` in the `input_signature` of the exported `tf.function`."
_NO_INIT_OP = "Delete it: `tf.saved_model.load` restores variables and initializes tables itself."

SAVED_MODEL_NAMES: Mapping[str, Optional[str]] = {
    "saved_model.simple_save": None,
    "saved_model.builder": None,
    "saved_model.Builder": None,
    "saved_model.loader": None,
    "saved_model.signature_def_utils": _SIGNATURES,
    "saved_model.build_signature_def": _SIGNATURES,
    "saved_model.predict_signature_def": _SIGNATURES,
    "saved_model.classification_signature_def": _SIGNATURES,
    "saved_model.regression_signature_def": _SIGNATURES,
    "saved_model.is_valid_signature": _SIGNATURES,
    "saved_model.utils": _TENSOR_INFO,
    "saved_model.build_tensor_info": _TENSOR_INFO,
    "saved_model.get_tensor_from_tensor_info": (
        "Call the loaded signature instead: `loaded.signatures['serving_default'](**inputs)` returns a dict of tensors."
    ),
    "saved_model.tag_constants": None,
    "saved_model.signature_constants": None,
    "saved_model.constants": None,
    "saved_model.main_op": _NO_INIT_OP,
    "saved_model.main_op_with_restore": _NO_INIT_OP,
    "saved_model.MAIN_OP_KEY": _NO_INIT_OP,
    "saved_model.LEGACY_INIT_OP_KEY": _NO_INIT_OP,
    "saved_model.maybe_saved_model_directory": "`tf.saved_model.contains_saved_model(export_dir)`.",
}
# Constant modules whose members are top-level `tf.saved_model.X` in TF2.
SAVED_MODEL_CONSTANT_MODULES = ("saved_model.tag_constants", "saved_model.signature_constants", "saved_model.constants")
SAVED_MODEL_CONSTANT_MESSAGE = "`{name}` is TF1's module path for a SavedModel constant"
SAVED_MODEL_CONSTANT_REPLACEMENT = (
    "The top-level constant: `tf.saved_model.SERVING`, `tf.saved_model.DEFAULT_SERVING_SIGNATURE_DEF_KEY`, ..."
)
# These constants have no TF2 counterpart (they name TF1 init ops).
SAVED_MODEL_TF1_CONSTANTS = frozenset({"MAIN_OP_KEY", "LEGACY_INIT_OP_KEY"})

SIMPLE_SAVE_SIGNATURE = ("session", "export_dir", "inputs", "outputs", "legacy_init_op")
BUILDER_SIGNATURE = ("export_dir",)
LOADER_SIGNATURE = ("sess", "tags", "export_dir", "import_scope")
# Keywords only TF1's `saved_model.load(sess, tags, export_dir, import_scope, **saver_kwargs)` takes.
V1_LOAD_KEYWORDS = frozenset({"sess", "export_dir", "import_scope"})
V1_LOAD_MESSAGE = "`{name}(sess, tags, export_dir)` is the TF1 loader signature: TF2's load takes no session"
BUILDER_USES = (
    "`builder.add_meta_graph_and_variables(...)` and `builder.save()` go: the module's variables and "
    "`tf.function`s are what gets saved."
)
LOAD_USES = (
    "call `loaded.signatures['serving_default'](**inputs)` (or the restored `tf.function`s) instead of `sess.run`."
)
KERAS3_SAVE_NOTE = (
    "With Keras 3 (TF 2.16+) `model.save(path)` writes only `.keras`/`.h5` files: export a SavedModel with "
    "`model.export(path)` or `tf.saved_model.save(model, path)`, and reload it with `tf.saved_model.load` "
    "(or `keras.layers.TFSMLayer`)."
)

# ----- TF805-TF807 summaries --------------------------------------------------------------------------

FILE_WRITER_NAMES = {
    "summary.FileWriter": None,
    "summary.FileWriterCache": None,
    "summary.initialize": "Delete it: TF2 summary writers need no initialization in a session.",
}
FILE_WRITER_SIGNATURE = ("logdir", "graph", "max_queue", "flush_secs", "filename_suffix", "session")
FILE_WRITER_USES = (
    "Write inside `with writer.as_default(step=step):` with `tf.summary.scalar(name, value, step=step)`; "
    "the `writer.add_summary(...)` calls go."
)
FILE_WRITER_GRAPH_NOTE = (
    "To log the graph, call `tf.summary.trace_on(graph=True)` before the first call of a `tf.function` and "
    "`tf.summary.trace_export(name, step=0)` after it."
)

MERGE_NAMES = {
    "summary.merge_all": None,
    "summary.merge": None,
    "summary.all_v2_summary_ops": None,
}

# v1 summary op -> (TF1 signature, index of `step` in the TF2 signature). Where TF1 has
# `collections` (a list) at that index, a list there is TF1; where it has `max_outputs` (image,
# audio), a positional argument there is TF1's in a module that runs TF1.
SUMMARY_OPS: Mapping[str, Tuple[Tuple[str, ...], int]] = {
    "scalar": (("name", "tensor", "collections", "family"), 2),
    "histogram": (("name", "values", "collections", "family"), 2),
    "image": (("name", "tensor", "max_outputs", "collections", "family"), 2),
    "audio": (("name", "tensor", "sample_rate", "max_outputs", "collections", "family"), 3),
    "text": (("name", "tensor", "collections"), 2),
}
# Keywords of the v1 ops that the TF2 ops do not take: such a call is TF1 wherever it is.
V1_ONLY_KEYWORDS = frozenset({"tensor", "values", "collections", "family"})
# TF1 parameter -> TF2 parameter of the rendered call.
SUMMARY_RENAMES = {"tensor": "data", "values": "data"}

TENSOR_SUMMARY_SIGNATURE = ("name", "tensor", "summary_description", "collections", "summary_metadata", "family", "display_name")

_SUMMARY_PROTO = (
    "Write the value directly: `tf.summary.scalar(tag, value, step=step)` (or `image`/`histogram`/`text`) "
    "inside `with writer.as_default():`; TF2 has no `Summary` proto to hand to a writer."
)
V1_SUMMARY_NAMES: Mapping[str, Optional[str]] = {
    **{f"summary.{op}": None for op in SUMMARY_OPS},
    "summary.tensor_summary": None,
    "summary.Summary": _SUMMARY_PROTO,
    "Summary": _SUMMARY_PROTO,
    "summary.SummaryDescription": "The `description=` argument of the TF2 summary ops.",
    "summary.get_summary_description": "The `description=` argument of the TF2 summary ops.",
}
V1_SUMMARY_MESSAGES = {
    "summary.Summary": "`{name}` is the TF1 `Summary` proto that a `FileWriter` writes",
    "Summary": "`{name}` is the TF1 `Summary` proto that a `FileWriter` writes",
    "summary.SummaryDescription": "`{name}` is TF1 summary metadata",
    "summary.get_summary_description": "`{name}` reads TF1 summary metadata",
}
# The TF1-only names among them (no TF2 `tf.summary` member of that name).
V1_ONLY_SUMMARY_NAMES = frozenset(
    {"summary.tensor_summary", "summary.Summary", "Summary", "summary.SummaryDescription", "summary.get_summary_description"}
)

SUMMARY_PROTOS = ("Summary", "summary.Summary")

# Calls that show a module's stepless summary calls are TF2 ops whose step is set elsewhere:
# a TF2 writer or default step, or an eager training step (the caller sets the step).
V2_SUMMARY_CONTEXT = frozenset(
    {
        "GradientTape",
        "summary.create_file_writer",
        "summary.create_noop_writer",
        "summary.experimental.set_step",
        "summary.record_if",
        "summary.SummaryWriter",
    }
)

# ----- TensorBoard ---------------------------------------------------------------------------------

# Checked on TF 2.21: `tensorflow` no longer requires `tensorboard`; without it `tf.summary.scalar`,
# `histogram`, `image`, `audio` and `text` raise `TBNotInstalledError` (the writers still work).
TENSORBOARD_OPTIONAL_FROM = (2, 21)
TENSORBOARD_NOTE = (
    "On TF 2.21 and later `tf.summary.scalar`/`histogram`/`image`/`audio`/`text` raise unless the `tensorboard` "
    "package is installed (TensorFlow no longer depends on it): `pip install tensorboard`."
)
