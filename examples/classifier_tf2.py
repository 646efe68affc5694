"""`examples/classifier_tf1.py` migrated to TensorFlow 2 by following tf2lint's output.

Derived with `tf2lint check --fix --unsafe-fixes` on a copy of `examples/classifier_tf1.py` (its two
fixes: the `TruncatedNormal` initializers), then its printed advice followed for the rest.
Comments marked "tf2lint:" name the rule whose advice a line follows; "by hand:" marks what the
advice left to a person. `tf2lint verify --rule TF307` trains this file and the TF1 original
from the same checkpoint and compares them (pair `model-classifier`).
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
    # tf2lint TF406: iterate the dataset itself instead of a one-shot iterator
    return tf.data.Dataset.from_tensor_slices((features, labels)).repeat().batch(batch_size)


class BatchNorm(tf.Module):
    def __init__(self, units, name):
        super().__init__(name=name)
        with self.name_scope:
            self.gamma = tf.Variable(tf.ones([units]), name="gamma")
            self.beta = tf.Variable(tf.zeros([units]), name="beta")

    def __call__(self, x):
        mean, variance = tf.nn.moments(x, axes=[0])
        return tf.nn.batch_normalization(x, mean, variance, self.beta, self.gamma, 1e-3)


class Classifier(tf.Module):
    """tf2lint TF202/TF201: a tf.Module owning its variables (by hand: the class and its names,
    "classifier/w1" etc. as the variable scope named them, so a TF1 checkpoint matches)."""

    def __init__(self):
        super().__init__(name="classifier")
        with self.name_scope:
            # tf2lint TF901 (fix): tf.keras.initializers.TruncatedNormal with the same stddev and seed
            self.w1 = tf.Variable(tf.keras.initializers.TruncatedNormal(stddev=0.5, seed=1)(shape=[5, 8]), name="w1")
            self.b1 = tf.Variable(tf.zeros([8]), name="b1")
            self.bn = BatchNorm(8, "bn")
            self.w2 = tf.Variable(tf.keras.initializers.TruncatedNormal(stddev=0.5, seed=2)(shape=[8, 3]), name="w2")
            self.b2 = tf.Variable(tf.zeros([3]), name="b2")

    def __call__(self, x):
        hidden = tf.nn.relu(self.bn(tf.matmul(x, self.w1) + self.b1))
        return tf.matmul(hidden, self.w2) + self.b2


def restore_tf1_checkpoint(path, model, optimizer):
    """Load a checkpoint the TF1 MonitoredTrainingSession wrote, optimizer slots included.

    tf2lint TF801: the name-based checkpoint restores into variables whose names match; the
    optimizer's state is read by name with `tf.train.load_checkpoint(path).get_tensor(name)`.
    By hand: TF1 Momentum accumulates `accum = momentum * accum + grad` and steps by
    `lr * accum`, Keras keeps `velocity = momentum * velocity - lr * grad` (tf2lint TF701's
    note), so at a constant learning rate the Keras slot is `-lr * accum`.
    """
    tf.train.Checkpoint(model=model).restore(path).assert_existing_objects_matched()
    reader = tf.train.load_checkpoint(path)
    variables = model.trainable_variables
    optimizer.build(variables)
    for variable, velocity in zip(variables, optimizer.momentums):
        accum = reader.get_tensor(variable.name.split(":")[0] + "/Momentum")
        velocity.assign(-float(optimizer.learning_rate) * accum)
    optimizer.iterations.assign(reader.get_tensor("global_step"))


def train(train_dir, steps, tf1_checkpoint=None):
    """Train until step `steps` (optionally resuming a TF1 checkpoint); losses, accuracies, weights."""
    features, labels = make_data()
    model = Classifier()
    optimizer = tf.keras.optimizers.SGD(learning_rate=0.1, momentum=0.9)  # tf2lint TF701
    if tf1_checkpoint:
        restore_tf1_checkpoint(tf1_checkpoint, model, optimizer)
    # tf2lint TF308: the Keras loss object, created once
    loss_object = tf.keras.losses.SparseCategoricalCrossentropy(from_logits=True)
    accuracy = tf.keras.metrics.Accuracy()  # tf2lint TF307: created once, outside the step

    # tf2lint TF702/TF103: compute the loss under a tape and apply the gradients
    def train_step(x, y):
        with tf.GradientTape() as tape:
            logits = model(x)
            loss = loss_object(y, logits)
        grads = tape.gradient(loss, model.trainable_variables)
        optimizer.apply_gradients(zip(grads, model.trainable_variables))
        accuracy.update_state(y, tf.argmax(logits, 1))
        return loss

    # tf2lint TF106: a GradientTape loop with a CheckpointManager (max_to_keep=5)
    checkpoint = tf.train.Checkpoint(model=model, optimizer=optimizer)
    manager = tf.train.CheckpointManager(checkpoint, train_dir, max_to_keep=5)
    start = int(optimizer.iterations.numpy())
    losses, accuracies = [], []
    # tf2lint TF305: the stop-at-step hook becomes the loop's bound (by hand: resumed runs skip the
    # batches the checkpoint's step already consumed)
    for x, y in input_fn(features, labels).skip(start).take(steps - start):
        losses.append(float(train_step(x, y)))
        accuracies.append(float(accuracy.result()))
        if int(optimizer.iterations.numpy()) % 10 == 0:
            manager.save(checkpoint_number=int(optimizer.iterations.numpy()))
    weights = {v.name.split(":")[0]: v.numpy() for v in model.trainable_variables}
    return losses, accuracies, weights


if __name__ == "__main__":
    result = train(sys.argv[1] if len(sys.argv) > 1 else "/tmp/classifier", 20)
    print("final loss %.6f, accuracy %.3f" % (result[0][-1], result[1][-1]))
