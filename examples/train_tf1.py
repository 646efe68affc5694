"""A small TF1-style training script: the kind of code tf2lint is built for.

It reads CSV records through a queue-fed input pipeline, builds a two-layer network
with variable scopes, trains it with a TF1 optimizer in a Session loop with
feed_dict, and checkpoints with a Saver.
"""

import numpy as np
import tensorflow as tf

FLAGS = tf.app.flags.FLAGS
tf.app.flags.DEFINE_integer("steps", 100, "training steps")
tf.app.flags.DEFINE_string("train_dir", "/tmp/model", "checkpoint directory")


def input_pipeline(filenames, batch_size=32):
    filename_queue = tf.train.string_input_producer(filenames, num_epochs=None, shuffle=True)
    reader = tf.TextLineReader(skip_header_lines=1)
    _, line = reader.read(filename_queue)
    columns = tf.decode_csv(line, record_defaults=[[0.0]] * 5)
    features = tf.stack(columns[:4])
    label = columns[4]
    return tf.train.shuffle_batch(
        [features, label], batch_size=batch_size, capacity=1000, min_after_dequeue=100
    )


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


def main(_):
    tf.set_random_seed(0)
    x = tf.placeholder(tf.float32, [None, 4], name="x")
    y = tf.placeholder(tf.float32, [None], name="y")
    keep_prob = tf.placeholder_with_default(1.0, [], name="keep_prob")

    predictions = build_model(x, keep_prob)
    loss = tf.losses.mean_squared_error(y, predictions)
    loss += tf.add_n(tf.get_collection(tf.GraphKeys.REGULARIZATION_LOSSES))
    global_step = tf.train.get_or_create_global_step()
    learning_rate = tf.train.exponential_decay(0.01, global_step, 1000, 0.96, staircase=True)
    optimizer = tf.train.AdamOptimizer(learning_rate=learning_rate, beta1=0.9)
    update_ops = tf.get_collection(tf.GraphKeys.UPDATE_OPS)
    with tf.control_dependencies(update_ops):
        train_op = optimizer.minimize(loss, global_step=global_step)

    tf.summary.scalar("loss", loss)
    merged = tf.summary.merge_all()
    saver = tf.train.Saver(max_to_keep=3)
    init_op = tf.global_variables_initializer()
    with tf.Session() as sess:
        sess.run(init_op)
        writer = tf.summary.FileWriter(FLAGS.train_dir, sess.graph)
        coord = tf.train.Coordinator()
        threads = tf.train.start_queue_runners(sess=sess, coord=coord)
        data = np.random.RandomState(0).rand(64, 4).astype(np.float32)
        target = data.sum(axis=1)
        for step in range(FLAGS.steps):
            _, loss_value, summary = sess.run(
                [train_op, loss, merged], feed_dict={x: data, y: target, keep_prob: 0.9}
            )
            writer.add_summary(summary, step)
            if step % 10 == 0:
                tf.logging.info("step %d loss %.4f", step, loss_value)
                saver.save(sess, FLAGS.train_dir + "/model.ckpt", global_step=step)
        coord.request_stop()
        coord.join(threads)


if __name__ == "__main__":
    tf.app.run()
