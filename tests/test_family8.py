"""Family 8: constructions are reported (not their uses), TF2 look-alikes are not, replacements use the call."""

import pytest

from tf2lint.config import Config
from tf2lint.engine import lint_source
from tf2lint.finding import Severity


def findings(source, code_prefix="TF8"):
    return [f for f in lint_source(source, "example.py", Config()) if f.code.startswith(code_prefix)]


def only(source, code):
    found = findings(source, code)
    assert len(found) == 1, [(f.code, f.start, f.message) for f in found]
    return found[0]


def test_saver_is_reported_once_with_its_max_to_keep():
    source = (
        "import tensorflow as tf\nsaver = tf.train.Saver(max_to_keep=3)\n"
        "saver.save(sess, path, global_step=step)\nsaver.restore(sess, path)\n"
    )
    finding = only(source, "TF8")
    assert (finding.code, finding.start.row) == ("TF801", 2)
    assert "`manager = tf.train.CheckpointManager(checkpoint, directory, max_to_keep=3)`" in finding.replacement
    assert "name-based checkpoint when the variable names match" in finding.replacement


def test_saver_default_max_to_keep_is_tf1s():
    text = only("import tensorflow as tf\nsaver = tf.train.Saver(tf.global_variables())\n", "TF801").replacement
    assert "max_to_keep=5)` (5 is TF1's default)" in text
    assert "The variables in `tf.global_variables()` become attributes" in text


def test_file_writer_is_rendered_and_add_summary_is_not_reported():
    source = (
        "import tensorflow as tf\nwriter = tf.summary.FileWriter(logdir, sess.graph, flush_secs=5)\n"
        "writer.add_summary(s, step)\nwriter.flush()\n"
    )
    finding = only(source, "TF8")
    assert finding.code == "TF805"
    assert finding.replacement.startswith("`writer = tf.summary.create_file_writer(logdir, flush_millis=5000)`.")
    assert "trace_on(graph=True)" in finding.replacement


@pytest.mark.parametrize(
    "line",
    [
        "tf.summary.scalar('loss', loss, step=step)",
        "tf.summary.scalar('loss', loss, step)",
        "tf.summary.histogram(name='w', data=w, step=3)",
        "tf.summary.audio('a', wav, 16000, step)",
        "tf.summary.scalar('loss', loss, **kwargs)",
        "tf.compat.v2.summary.scalar('loss', loss)",
        "writer = tf.summary.create_file_writer(logdir)",
        "loaded = tf.saved_model.load(export_dir)",
        "loaded = tf.saved_model.load(export_dir, ['serve'])",
        "loaded = tf.saved_model.load(export_dir, None, tf.saved_model.LoadOptions())",
        "tf.saved_model.save(module, export_dir)",
        "key = tf.saved_model.SERVING",
        "ckpt = tf.train.Checkpoint(model=model)",
        "manager = tf.train.CheckpointManager(ckpt, d, max_to_keep=2)",
        "reader = tf.train.load_checkpoint(d)",
        "path = tf.train.latest_checkpoint(d)",
    ],
)
def test_tf2_code_is_never_reported_even_in_a_tf1_module(line):
    source = f"import tensorflow as tf\nx = tf.placeholder(tf.float32)\n{line}\n"
    assert findings(source) == []


def test_stepless_summary_ops_are_reported_only_in_tf1_modules():
    stepless = "tf.summary.scalar('loss', loss)\n"
    assert findings("import tensorflow as tf\n" + stepless) == []
    tf1 = only("import tensorflow as tf\nx = tf.placeholder(tf.float32)\n" + stepless, "TF807")
    assert tf1.severity is Severity.WARNING
    assert tf1.replacement.startswith("`tf.summary.scalar('loss', loss, step=step)` inside `with writer.as_default():`")
    # A module that sets a default step writes TF2 summaries, whatever else it uses.
    with_step = "import tensorflow.compat.v1 as tf\nwith writer.as_default(step=0):\n    " + stepless
    assert findings(with_step.replace("tensorflow.compat.v1", "tensorflow")) == []
    assert len(findings(with_step)) == 1  # through compat.v1 it is the v1 op regardless


def test_tf1_only_summary_arguments_are_errors_anywhere():
    finding = only("import tensorflow as tf\ntf.summary.image('x', img, collections=['c'])\n", "TF807")
    assert finding.severity is Severity.ERROR
    assert "`collections=`" in finding.message
    positional = only("import tensorflow as tf\ntf.summary.scalar('x', v, ['train'])\n", "TF807")
    assert "a `collections` list" in positional.message


def test_summary_proto_is_one_finding_per_construction():
    source = "import tensorflow as tf\ns = tf.Summary(value=[tf.Summary.Value(tag='a', simple_value=1.0)])\n"
    assert len(findings(source)) == 1


def test_saved_model_v1_loader_signature():
    finding = only("import tensorflow as tf\ntf.saved_model.load(sess, ['serve'], export_dir)\n", "TF804")
    assert "TF1 loader signature" in finding.message
    assert finding.replacement.startswith("`loaded = tf.saved_model.load(export_dir, tags=['serve'])`")
    keyword = only("import tensorflow as tf\ntf.saved_model.load(sess=s, tags=t, export_dir=d)\n", "TF804")
    assert keyword.replacement.startswith("`loaded = tf.saved_model.load(d, tags=t)`")


def test_saved_model_constants_map_to_the_top_level():
    finding = only("import tensorflow as tf\nk = tf.saved_model.signature_constants.PREDICT_INPUTS\n", "TF804")
    assert finding.replacement == "`tf.saved_model.PREDICT_INPUTS`."
    init = only("import tensorflow as tf\nk = tf.saved_model.constants.MAIN_OP_KEY\n", "TF804")
    assert init.replacement.startswith("Delete it")


def test_import_meta_graph_inside_wrap_function_is_the_tf2_recipe():
    wrapped = (
        "import tensorflow as tf\n\ndef _imports():\n    tf.compat.v1.train.import_meta_graph('m.meta')\n\n"
        "fn = tf.compat.v1.wrap_function(_imports, [])\n"
    )
    assert findings(wrapped) == []
    plain = only("import tensorflow as tf\nsaver = tf.train.import_meta_graph('m.meta')\n", "TF802")
    assert "wrap_function(lambda: savers.append(tf.compat.v1.train.import_meta_graph('m.meta')), [])" in plain.replacement


def test_import_meta_graph_advice_keeps_the_saver_out_of_the_wrapped_function():
    """wrap_function raises TypeError for a function returning the Saver: the advice must not return it."""
    finding = only("import tensorflow as tf\nsaver = tf.train.import_meta_graph('/ckpt/model.ckpt.meta')\n", "TF802")
    assert "lambda: tf.compat.v1.train.import_meta_graph(" not in finding.replacement
    assert "`restore = imported.prune(savers[0].saver_def.filename_tensor_name, savers[0].saver_def.restore_op_name)`" in (
        finding.replacement
    )
    # The checkpoint prefix beside a literal MetaGraph file is named; the path is the user's.
    assert "`restore(tf.constant('/ckpt/model.ckpt'))`" in finding.replacement
    assert "`tf.train.load_checkpoint('/ckpt/model.ckpt').get_tensor(name)`" in finding.replacement


def test_import_meta_graph_advice_renders_the_path_expression():
    source = "import os\nimport tensorflow as tf\nsaver = tf.train.import_meta_graph(os.path.join(d, 'm.meta'), clear_devices=True)\n"
    finding = only(source, "TF802")
    assert "import_meta_graph(os.path.join(d, 'm.meta'))), [])`" in finding.replacement
    assert "`restore(tf.constant(checkpoint_prefix))`" in finding.replacement
    keyword = only("import tensorflow as tf\ntf.train.import_meta_graph(meta_graph_or_file=\"a.meta\")\n", "TF802")
    assert 'import_meta_graph("a.meta")' in keyword.replacement and 'tf.constant("a")' in keyword.replacement


def test_init_from_checkpoint_renders_the_assignment_map():
    source = "import tensorflow as tf\ntf.train.init_from_checkpoint('/ckpt', {'dense/kernel': kernel})\n"
    text = only(source, "TF803").replacement
    assert text.startswith("`reader = tf.train.load_checkpoint('/ckpt')`, then `kernel.assign(reader.get_tensor('dense/kernel'))`")


def test_tf1_image_count_is_max_outputs_not_a_step():
    source = "import tensorflow as tf\nx = tf.placeholder(tf.float32)\ntf.summary.image('input', x, 4)\n"
    finding = only(source, "TF807")
    assert "argument 3 is TF1's `max_outputs`" in finding.message
    assert "`tf.summary.image('input', x, step=step, max_outputs=4)`" in finding.replacement
    assert findings(source.replace("x = tf.placeholder(tf.float32)\n", "")) == []


_RESOLVE_NAMES = """
import json, sys
import tensorflow as tf
missing = []
for name in json.loads(sys.stdin.read()):
    obj = tf
    try:
        for part in name.split("."):
            obj = getattr(obj, part)
    except AttributeError:
        missing.append(name)
print(json.dumps({"version": tf.__version__, "missing": missing}))
"""


def test_meta_graph_advice_names_only_apis_of_tensorflow_2_21():
    """Every `tf.` name TF802 prints (for both reported calls and the catalog text) exists in TF 2.21."""
    import json
    import re
    import subprocess

    from tests.conftest import tensorflow_python
    from tf2lint.registry import all_rules

    rule = next(cls for cls in all_rules() if cls.code == "TF802")
    texts = [rule.replacement]
    for source in ("saver = tf.train.import_meta_graph(path)\n", "tf.train.export_meta_graph(filename='m.meta')\n"):
        texts.append(only("import tensorflow as tf\n" + source, "TF802").replacement)
    names = sorted({name for text in texts for name in re.findall(r"\btf\.([A-Za-z_][\w.]*[A-Za-z_0-9])", text)})
    assert "compat.v1.wrap_function" in names and "compat.v1.train.import_meta_graph" in names
    python = tensorflow_python("the TF802 advice check against TensorFlow")
    result = subprocess.run([python, "-c", _RESOLVE_NAMES], input=json.dumps(names), capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr[-3000:]
    answer = json.loads(result.stdout.strip().splitlines()[-1])
    assert answer["version"].startswith("2.21") and answer["missing"] == [], answer
