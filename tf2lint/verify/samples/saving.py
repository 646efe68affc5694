"""Family 8: checkpoints and SavedModels written by TF1 code, restored the TF2 way.

Several TF2 sides here read what the TF1 side wrote (`tf2_reads_tf1`): the point of the
advice is that existing TF1 checkpoints and exports keep working after the migration.
"""

from __future__ import annotations

import os

from tf2lint.verify.pairs import Pair
from tf2lint.verify.samples import _data as data


def _tf1_checkpoint(tf, workdir, name="model.ckpt"):
    """Train-free TF1 model: two scoped variables, saved with a Saver; returns the path."""
    with tf.variable_scope("dense"):
        w = tf.get_variable("w", initializer=data.W1)
        b = tf.get_variable("b", initializer=data.B1)
    bump = [w.assign(w * 2.0 + 1.0), b.assign(b - 0.5)]  # saved values differ from the initial ones
    saver = tf.train.Saver()
    with tf.Session() as sess:
        sess.run(tf.global_variables_initializer())
        sess.run(bump)
        return saver.save(sess, os.path.join(workdir, "tf1", name))


def saver_tf1(workdir):
    import tensorflow.compat.v1 as tf

    tf.disable_v2_behavior()
    path = _tf1_checkpoint(tf, workdir)
    with tf.Graph().as_default():
        with tf.variable_scope("dense"):
            w = tf.get_variable("w", shape=data.W1.shape)
            b = tf.get_variable("b", shape=data.B1.shape)
        with tf.Session() as sess:
            tf.train.Saver().restore(sess, path)
            return {"w": sess.run(w), "b": sess.run(b)}


def load_checkpoint_tf2(workdir):
    import tensorflow as tf

    reader = tf.train.load_checkpoint(os.path.join(workdir, "tf1", "model.ckpt"))
    return {"w": reader.get_tensor("dense/w"), "b": reader.get_tensor("dense/b")}


def checkpoint_restore_tf2(workdir):
    import tensorflow as tf

    class Dense(tf.Module):
        def __init__(self):
            super().__init__()
            # Name-based restore matches these names with the TF1 variable names.
            self.w = tf.Variable(tf.zeros(data.W1.shape), name="dense/w")
            self.b = tf.Variable(tf.zeros(data.B1.shape), name="dense/b")

    dense = Dense()
    tf.train.Checkpoint(model=dense).restore(os.path.join(workdir, "tf1", "model.ckpt"))
    return {"w": dense.w, "b": dense.b}


def saver_latest_tf1(workdir):
    import tensorflow.compat.v1 as tf

    tf.disable_v2_behavior()
    v = tf.get_variable("v", initializer=data.B1)
    increment = v.assign_add(tf.ones_like(v))
    saver = tf.train.Saver(max_to_keep=2)
    directory = os.path.join(workdir, "tf1_runs")
    with tf.Session() as sess:
        sess.run(tf.global_variables_initializer())
        for step in range(3):
            sess.run(increment)
            saver.save(sess, os.path.join(directory, "model.ckpt"), global_step=step)
        sess.run(increment)  # a change that was never saved
        saver.restore(sess, tf.train.latest_checkpoint(directory))
        kept = len(saver.last_checkpoints)
        return {"v": sess.run(v), "kept": kept}


def checkpoint_manager_tf2(workdir):
    import tensorflow as tf

    v = tf.Variable(data.B1, name="v")
    checkpoint = tf.train.Checkpoint(v=v)
    manager = tf.train.CheckpointManager(checkpoint, os.path.join(workdir, "tf2_runs"), max_to_keep=2)
    for _ in range(3):
        v.assign_add(tf.ones_like(v))
        manager.save()
    v.assign_add(tf.ones_like(v))  # a change that was never saved
    checkpoint.restore(manager.latest_checkpoint)
    return {"v": v, "kept": len(manager.checkpoints)}


def _tf1_graph_checkpoint(tf, workdir):
    """A TF1 graph `y = x @ w + b` saved with a Saver (which writes the MetaGraph); returns the prefix."""
    x = tf.placeholder(tf.float32, [None, 3], name="x")
    with tf.variable_scope("dense"):
        w = tf.get_variable("w", initializer=data.W1)
        b = tf.get_variable("b", initializer=data.B1)
    tf.identity(tf.matmul(x, w) + b, name="y")
    bump = [w.assign(w * 2.0 + 1.0), b.assign(b - 0.5)]  # saved values differ from the initial ones
    saver = tf.train.Saver()
    with tf.Session() as sess:
        sess.run(tf.global_variables_initializer())
        sess.run(bump)
        os.makedirs(os.path.join(workdir, "tf1", "graph"), exist_ok=True)
        return saver.save(sess, os.path.join(workdir, "tf1", "graph", "model.ckpt"))


def meta_graph_tf1(workdir):
    import tensorflow.compat.v1 as tf

    tf.disable_v2_behavior()
    checkpoint_prefix = _tf1_graph_checkpoint(tf, workdir)
    meta_path = checkpoint_prefix + ".meta"
    with tf.Graph().as_default(), tf.Session() as sess:
        saver = tf.train.import_meta_graph(meta_path)
        saver.restore(sess, checkpoint_prefix)
        y, w = sess.run(["y:0", "dense/w:0"], feed_dict={"x:0": data.X})
    return {"y": y, "w": w}


def meta_graph_tf2(workdir):
    import tensorflow as tf

    checkpoint_prefix = os.path.join(workdir, "tf1", "graph", "model.ckpt")
    meta_path = checkpoint_prefix + ".meta"
    # TF802's advice for `tf.train.import_meta_graph(meta_path)`, as printed (tests check each span is here).
    savers = []
    imported = tf.compat.v1.wrap_function(lambda: savers.append(tf.compat.v1.train.import_meta_graph(meta_path)), [])
    restore = imported.prune(savers[0].saver_def.filename_tensor_name, savers[0].saver_def.restore_op_name)
    restore(tf.constant(checkpoint_prefix))
    predict = imported.prune("x:0", "y:0")
    w = tf.train.load_checkpoint(checkpoint_prefix).get_tensor("dense/w")
    return {"y": predict(tf.constant(data.X)), "w": w}


def init_from_checkpoint_tf1(workdir):
    import tensorflow.compat.v1 as tf

    tf.disable_v2_behavior()
    path = _tf1_checkpoint(tf, workdir)
    with tf.Graph().as_default():
        with tf.variable_scope("encoder"):
            w = tf.get_variable("kernel", shape=data.W1.shape, initializer=tf.zeros_initializer())
        tf.train.init_from_checkpoint(path, {"dense/w": "encoder/kernel"})
        with tf.Session() as sess:
            sess.run(tf.global_variables_initializer())
            return {"kernel": sess.run(w)}


def init_from_checkpoint_tf2(workdir):
    import tensorflow as tf

    kernel = tf.Variable(tf.zeros(data.W1.shape), name="kernel")
    reader = tf.train.load_checkpoint(os.path.join(workdir, "tf1", "model.ckpt"))
    kernel.assign(reader.get_tensor("dense/w"))
    return {"kernel": kernel}


def simple_save_tf1(workdir):
    import tensorflow.compat.v1 as tf

    tf.disable_v2_behavior()
    export_dir = os.path.join(workdir, "tf1", "export")
    x = tf.placeholder(tf.float32, [None, 3], name="x")
    w, b = tf.Variable(data.W1), tf.Variable(data.B1)
    y = tf.nn.relu(tf.matmul(x, w) + b)
    with tf.Session() as sess:
        sess.run(tf.global_variables_initializer())
        tf.saved_model.simple_save(sess, export_dir, inputs={"x": x}, outputs={"y": y})
    with tf.Graph().as_default(), tf.Session() as sess:
        meta_graph = tf.saved_model.loader.load(sess, [tf.saved_model.tag_constants.SERVING], export_dir)
        signature = meta_graph.signature_def["serving_default"]
        y = sess.run(signature.outputs["y"].name, feed_dict={signature.inputs["x"].name: data.X})
    return {"y": y}


def saved_model_tf2(workdir):
    import tensorflow as tf

    class Model(tf.Module):
        def __init__(self):
            super().__init__()
            self.w, self.b = tf.Variable(data.W1), tf.Variable(data.B1)

        @tf.function(input_signature=[tf.TensorSpec([None, 3], tf.float32)])
        def serve(self, x):
            return {"y": tf.nn.relu(tf.matmul(x, self.w) + self.b)}

    model = Model()
    export_dir = os.path.join(workdir, "tf2", "export")
    tf.saved_model.save(model, export_dir, signatures={"serving_default": model.serve})
    loaded = tf.saved_model.load(export_dir)
    return {"y": loaded.signatures["serving_default"](x=tf.constant(data.X))["y"]}


def load_tf1_export_tf2(workdir):
    import tensorflow as tf

    loaded = tf.saved_model.load(os.path.join(workdir, "tf1", "export"))
    return {"y": loaded.signatures["serving_default"](x=tf.constant(data.X))["y"]}


PAIRS = [
    Pair(
        "saver-to-load-checkpoint",
        ("TF801",),
        tf1=saver_tf1,
        tf2=load_checkpoint_tf2,
        outputs="variable values restored from a TF1 Saver checkpoint",
        tf2_reads_tf1=True,
        hand="a Saver restore in a session becomes reading the checkpoint by name (a restructuring)",
    ),
    Pair(
        "saver-to-checkpoint-restore",
        ("TF801",),
        tf1=saver_tf1,
        tf2=checkpoint_restore_tf2,
        outputs="variable values restored from a TF1 Saver checkpoint by name",
        tf2_reads_tf1=True,
        hand="a Saver restore in a session becomes a tf.train.Checkpoint restore (a restructuring)",
    ),
    Pair(
        "saver-to-checkpoint-manager",
        ("TF801",),
        tf1=saver_latest_tf1,
        tf2=checkpoint_manager_tf2,
        outputs="the value restored from the latest of 3 checkpoints, and how many are kept",
        hand="a Saver with max_to_keep becomes a CheckpointManager (a restructuring)",
    ),
    Pair(
        "meta-graph-to-wrap-function",
        ("TF802",),
        tf1=meta_graph_tf1,
        tf2=meta_graph_tf2,
        outputs="a TF1 MetaGraph and checkpoint run on a batch, and a variable read from the checkpoint",
        tf2_reads_tf1=True,
        hand=(
            "import_meta_graph and saver.restore in a session become wrap_function, the Saver's pruned restore op "
            "and a pruned callable (a restructuring; the TF2 side is TF802's printed advice)"
        ),
    ),
    Pair(
        "init-from-checkpoint",
        ("TF803",),
        tf1=init_from_checkpoint_tf1,
        tf2=init_from_checkpoint_tf2,
        outputs="a variable warm-started from a renamed checkpoint entry",
        tf2_reads_tf1=True,
        hand="init_from_checkpoint's assignment map becomes reading the entry by name and assigning it (a restructuring)",
    ),
    Pair(
        "simple-save-to-saved-model",
        ("TF804",),
        tf1=simple_save_tf1,
        tf2=saved_model_tf2,
        outputs="outputs of the exported serving signature",
        hand="simple_save from a session becomes tf.saved_model.save of a module with a signature (a restructuring)",
    ),
    Pair(
        "simple-save-loaded-in-tf2",
        ("TF804",),
        tf1=simple_save_tf1,
        tf2=load_tf1_export_tf2,
        outputs="outputs of the TF1 export's serving signature, called from TF2",
        tf2_reads_tf1=True,
        hand="loading a TF1 export in a session becomes tf.saved_model.load and its signature (a restructuring)",
    ),
]
