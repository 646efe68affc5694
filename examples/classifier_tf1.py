"""A TF1 classifier trained under a MonitoredTrainingSession: another shape of TF1 program.

A tf.data pipeline read through a one-shot iterator, a variable-scoped network with batch
normalization, a v1 loss and a streaming v1 metric, Momentum, and a MonitoredTrainingSession
with a stop hook that saves checkpoints itself.

TensorFlow 2 runs it as TF1 with `python -m tf2lint.verify.legacy examples/classifier_tf1.py`.
`examples/classifier_tf2.py` is its migration; `tf2lint verify --rule TF307` compares them
(pair `model-classifier`).
"""

import sys

import numpy as np
import tensorflow as tf


def make_data(rows=96, seed=1):
    """Deterministic synthetic data: 5 features, 3 classes from a fixed linear rule."""
    rng = np.random.RandomState(seed)
    features = rng.randn(rows, 5).astype(np.float32)
    labels = np.argmax(features @ rng.randn(5, 3), axis=1).astype(np.int64)
    return features, labels


def input_fn(features, labels, batch_size=12):
    dataset = tf.data.Dataset.from_tensor_slices((features, labels)).repeat().batch(batch_size)
    return dataset.make_one_shot_iterator().get_next()


def batch_norm(x, name):
    with tf.variable_scope(name):
        gamma = tf.get_variable("gamma", [x.shape[-1]], initializer=tf.ones_initializer())
        beta = tf.get_variable("beta", [x.shape[-1]], initializer=tf.zeros_initializer())
        mean, variance = tf.nn.moments(x, axes=[0])
        return tf.nn.batch_normalization(x, mean, variance, beta, gamma, 1e-3)


def network(x):
    with tf.variable_scope("classifier"):
        w1 = tf.get_variable("w1", [5, 8], initializer=tf.truncated_normal_initializer(stddev=0.5, seed=1))
        b1 = tf.get_variable("b1", [8], initializer=tf.zeros_initializer())
        hidden = tf.nn.relu(batch_norm(tf.matmul(x, w1) + b1, "bn"))
        w2 = tf.get_variable("w2", [8, 3], initializer=tf.truncated_normal_initializer(stddev=0.5, seed=2))
        b2 = tf.get_variable("b2", [3], initializer=tf.zeros_initializer())
        return tf.matmul(hidden, w2) + b2


def train(train_dir, steps):
    """Train `steps` steps (checkpoints at step 0, every 10 steps and at the end)."""
    features, labels = make_data()
    x, y = input_fn(features, labels)
    logits = network(x)
    loss = tf.losses.sparse_softmax_cross_entropy(labels=y, logits=logits)
    _, update_accuracy = tf.metrics.accuracy(labels=y, predictions=tf.argmax(logits, 1))
    global_step = tf.train.get_or_create_global_step()
    optimizer = tf.train.MomentumOptimizer(learning_rate=0.1, momentum=0.9)
    train_op = optimizer.minimize(loss, global_step=global_step)

    losses, accuracies = [], []
    hooks = [tf.train.StopAtStepHook(last_step=steps)]
    with tf.train.MonitoredTrainingSession(
        checkpoint_dir=train_dir, hooks=hooks, save_checkpoint_steps=10, save_summaries_steps=None,
        log_step_count_steps=None,
    ) as sess:
        while not sess.should_stop():
            _, loss_value, accuracy_value = sess.run([train_op, loss, update_accuracy])
            losses.append(loss_value)
            accuracies.append(accuracy_value)
    # The session saved the final step; read the weights back from that checkpoint.
    reader = tf.train.load_checkpoint(tf.train.latest_checkpoint(train_dir))
    weights = {v.op.name: reader.get_tensor(v.op.name) for v in tf.trainable_variables()}
    return losses, accuracies, weights


if __name__ == "__main__":
    result = train(sys.argv[1] if len(sys.argv) > 1 else "/tmp/classifier", 20)
    print("final loss %.6f, accuracy %.3f" % (result[0][-1], result[1][-1]))
