"""A small TF1-style training script: the kind of code tf2lint is built for.

It reads CSV records through a queue-fed input pipeline, builds a two-layer network with
variable scopes, trains it with Adam on an exponentially decaying learning rate in a Session
loop, writes summaries and checkpoints with a Saver.

It is a TF1 program. TensorFlow 2 runs it through `tf.compat.v1` in graph mode:

    python -m tf2lint.verify.legacy examples/train_tf1.py --steps 20 --train_dir /tmp/model

(which points this file's `import tensorflow as tf` at `tensorflow.compat.v1`).
`examples/train_tf2.py` is its migration; `tf2lint verify --rule TF701` trains both and
compares them (pair `model-train-script`).
"""

import os

import numpy as np
import tensorflow as tf

FLAGS = tf.app.flags.FLAGS
tf.app.flags.DEFINE_integer("steps", 100, "training steps")
tf.app.flags.DEFINE_string("train_dir", "/tmp/model", "checkpoint and summary directory")
tf.app.flags.DEFINE_float("keep_prob", 1.0, "dropout keep probability")


def write_csv(path, rows=64, seed=0):
    """Deterministic synthetic data: 4 features, the target their sum plus a little noise."""
    rng = np.random.RandomState(seed)
    data = rng.rand(rows, 4).astype(np.float32)
    target = data.sum(axis=1) + 0.1 * rng.randn(rows)
    with open(path, "w") as handle:
        handle.write("a,b,c,d,y\n")
        for row, value in zip(data, target):
            handle.write(",".join("%.6f" % v for v in list(row) + [value]) + "\n")


def input_pipeline(filenames, batch_size=16):
    filename_queue = tf.train.string_input_producer(filenames, shuffle=False)
    reader = tf.TextLineReader(skip_header_lines=1)
    _, line = reader.read(filename_queue)
    columns = tf.decode_csv(line, record_defaults=[[0.0]] * 5)
    features = tf.stack(columns[:4])
    label = columns[4]
    return tf.train.batch([features, label], batch_size=batch_size, num_threads=1, capacity=64)


def dense(x, units, name):
    with tf.variable_scope(name):
        w = tf.get_variable("w", [x.get_shape()[1].value, units],
                            initializer=tf.glorot_uniform_initializer())
        b = tf.get_variable("b", [units], initializer=tf.zeros_initializer())
        tf.add_to_collection(tf.GraphKeys.REGULARIZATION_LOSSES, 1e-4 * tf.nn.l2_loss(w))
        return tf.matmul(x, w) + b


def build_model(x, keep_prob):
    hidden = tf.nn.relu(dense(x, 16, "hidden"))
    hidden = tf.nn.dropout(hidden, keep_prob=keep_prob)
    return tf.squeeze(dense(hidden, 1, "output"), axis=1)


def train(csv_path, train_dir, steps, keep_prob_value=1.0):
    """Train `steps` steps; checkpoints at step 0 and every 10 steps. Returns losses and weights."""
    tf.set_random_seed(0)
    x, y = input_pipeline([csv_path])
    keep_prob = tf.placeholder_with_default(1.0, [], name="keep_prob")

    predictions = build_model(x, keep_prob)
    loss = tf.losses.mean_squared_error(y, predictions)
    loss += tf.add_n(tf.get_collection(tf.GraphKeys.REGULARIZATION_LOSSES))
    global_step = tf.train.get_or_create_global_step()
    learning_rate = tf.train.exponential_decay(0.05, global_step, 10, 0.5)
    optimizer = tf.train.AdamOptimizer(learning_rate=learning_rate, beta1=0.9)
    update_ops = tf.get_collection(tf.GraphKeys.UPDATE_OPS)
    with tf.control_dependencies(update_ops):
        train_op = optimizer.minimize(loss, global_step=global_step)

    tf.summary.scalar("loss", loss)
    merged = tf.summary.merge_all()
    saver = tf.train.Saver(max_to_keep=3)
    checkpoint_prefix = os.path.join(train_dir, "model.ckpt")

    losses = []
    with tf.Session() as sess:
        sess.run(tf.global_variables_initializer())
        writer = tf.summary.FileWriter(train_dir, sess.graph)
        coord = tf.train.Coordinator()
        threads = tf.train.start_queue_runners(sess=sess, coord=coord)
        saver.save(sess, checkpoint_prefix, global_step=global_step)
        for step in range(steps):
            _, loss_value, summary = sess.run(
                [train_op, loss, merged], feed_dict={keep_prob: keep_prob_value}
            )
            losses.append(loss_value)
            writer.add_summary(summary, step)
            if (step + 1) % 10 == 0:
                tf.logging.info("step %d loss %.4f", step + 1, loss_value)
                saver.save(sess, checkpoint_prefix, global_step=global_step)
        writer.close()
        coord.request_stop()
        coord.join(threads)
        weights = {v.op.name: sess.run(v) for v in tf.trainable_variables()}
    return losses, weights


def main(_):
    tf.gfile.MakeDirs(FLAGS.train_dir)
    csv_path = os.path.join(FLAGS.train_dir, "train.csv")
    write_csv(csv_path)
    losses, _ = train(csv_path, FLAGS.train_dir, FLAGS.steps, FLAGS.keep_prob)
    print("final loss %.6f" % losses[-1])


if __name__ == "__main__":
    tf.app.run()
