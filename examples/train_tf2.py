"""`examples/train_tf1.py` migrated to TensorFlow 2 by following tf2lint's output.

Derived with `tf2lint check --fix --unsafe-fixes` on a copy of `examples/train_tf1.py` (15 fixes:
absl flags and logging, `tf.io.decode_csv`, `GlorotUniform`, `rate=1 - keep_prob`,
`tf.random.set_seed`, the `ExponentialDecay` schedule, `tf.io.gfile.makedirs`, ...), then its
printed advice followed for the rest. Comments marked "tf2lint:" name the rule whose advice a
line follows; "by hand:" marks what the advice left to a person. `tf2lint verify --rule TF701` trains this
file and the TF1 original from the same checkpoint and compares them (pair `model-train-script`).
"""

import os

import numpy as np
import tensorflow as tf
# tf2lint TF905 (fix): absl instead of tf.app / tf.app.flags / tf.logging
from absl import app
from absl import flags
from absl import logging

FLAGS = flags.FLAGS
flags.DEFINE_integer("steps", 100, "training steps")
flags.DEFINE_string("train_dir", "/tmp/model", "checkpoint and summary directory")
flags.DEFINE_float("keep_prob", 1.0, "dropout keep probability")


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
    # tf2lint TF401/TF403: a TextLineDataset over the file names, header skipped;
    # TF902: tf.io.decode_csv; TF402: batch the dataset (by hand: `.repeat()` for
    # string_input_producer's endless epochs, no shuffle as in the original).
    dataset = tf.data.TextLineDataset(filenames).skip(1)
    dataset = dataset.map(lambda line: tf.io.decode_csv(line, record_defaults=[[0.0]] * 5))
    dataset = dataset.map(lambda *columns: (tf.stack(columns[:4]), columns[4]))
    return dataset.repeat().batch(batch_size, drop_remainder=True)


class Dense(tf.Module):
    """tf2lint TF202/TF201: a tf.Module that creates its variables once (by hand: the class)."""

    def __init__(self, in_units, units, name):
        super().__init__(name=name)
        with self.name_scope:  # by hand: names "hidden/w" etc., as the TF1 variable scope gave them
            # tf2lint TF201 + TF901: tf.Variable from GlorotUniform (TF1's default initializer)
            self.w = tf.Variable(tf.keras.initializers.GlorotUniform()(shape=[in_units, units]), name="w")
            self.b = tf.Variable(tf.zeros([units]), name="b")

    def __call__(self, x):
        return tf.matmul(x, self.w) + self.b

    @property
    def losses(self):
        # tf2lint TF203: the regularization collection becomes the model's own losses
        return [1e-4 * tf.nn.l2_loss(self.w)]


class Model(tf.Module):
    def __init__(self):
        super().__init__(name="model")
        self.hidden = Dense(4, 16, "hidden")
        self.output = Dense(16, 1, "output")

    def __call__(self, x, keep_prob=1.0):  # tf2lint TF102: the placeholder with default is an argument
        hidden = tf.nn.relu(self.hidden(x))
        hidden = tf.nn.dropout(hidden, rate=1 - keep_prob)  # tf2lint TF903: rate=1 - keep_prob
        return tf.squeeze(self.output(hidden), axis=1)

    @property
    def losses(self):
        return self.hidden.losses + self.output.losses


def make_optimizer():
    # tf2lint TF703 + TF701: the schedule is the Keras optimizer's learning rate
    schedule = tf.keras.optimizers.schedules.ExponentialDecay(0.05, decay_steps=10, decay_rate=0.5)
    return tf.keras.optimizers.Adam(learning_rate=schedule, beta_1=0.9, epsilon=1e-8)


def restore_tf1_checkpoint(path, model, optimizer):
    """Load a checkpoint `train_tf1.py`'s Saver wrote into the TF2 objects, optimizer slots included.

    tf2lint TF801: `checkpoint.restore` reads a TF1 name-based checkpoint where the variable names
    match (the model's, thanks to the name scopes); the optimizer's state is read by name with
    `tf.train.load_checkpoint(path).get_tensor(name)` and assigned (by hand: TF1's Adam keeps
    m in "<var>/Adam", v in "<var>/Adam_1" and the step as `global_step`).
    """
    status = tf.train.Checkpoint(model=model).restore(path)
    status.assert_existing_objects_matched()
    reader = tf.train.load_checkpoint(path)
    variables = model.trainable_variables
    optimizer.build(variables)
    for variable, m, v in zip(variables, optimizer._momentums, optimizer._velocities):
        name = variable.name.split(":")[0]
        m.assign(reader.get_tensor(name + "/Adam"))
        v.assign(reader.get_tensor(name + "/Adam_1"))
    optimizer.iterations.assign(reader.get_tensor("global_step"))
    return status


def train(csv_path, train_dir, steps, keep_prob=1.0, tf1_checkpoint=None):
    """Train `steps` steps (optionally from a TF1 checkpoint); returns losses and weights."""
    tf.random.set_seed(0)  # tf2lint TF109
    model = Model()
    optimizer = make_optimizer()
    if tf1_checkpoint:
        restore_tf1_checkpoint(tf1_checkpoint, model, optimizer)
    loss_object = tf.keras.losses.MeanSquaredError()  # tf2lint TF308

    # tf2lint TF101/TF103/TF702: the session run becomes a function computing the loss under a tape
    def train_step(x, y):
        with tf.GradientTape() as tape:
            loss = loss_object(y, model(x, keep_prob)) + tf.add_n(model.losses)
        grads = tape.gradient(loss, model.trainable_variables)
        optimizer.apply_gradients(zip(grads, model.trainable_variables))
        return loss

    # tf2lint TF801: Checkpoint + CheckpointManager replace the Saver
    checkpoint = tf.train.Checkpoint(model=model, optimizer=optimizer)
    manager = tf.train.CheckpointManager(checkpoint, train_dir, max_to_keep=3)
    # tf2lint TF805/TF807/TF806: a TF2 summary writer; scalars written with their step
    writer = tf.summary.create_file_writer(train_dir)
    losses = []
    # by hand: a resumed run continues where the checkpoint's step left the input
    start = int(optimizer.iterations.numpy())
    # tf2lint TF404: no coordinator or queue runners; iterate the dataset
    for step, (x, y) in enumerate(input_pipeline([csv_path]).skip(start).take(steps), start):
        loss_value = train_step(x, y)
        losses.append(float(loss_value))
        with writer.as_default(step=step):
            tf.summary.scalar("loss", loss_value)
        if (step + 1) % 10 == 0:
            logging.info("step %d loss %.4f", step + 1, loss_value)
            manager.save(checkpoint_number=int(optimizer.iterations.numpy()))
    writer.close()
    weights = {v.name.split(":")[0]: v.numpy() for v in model.trainable_variables}
    return losses, weights


def main(_):
    tf.io.gfile.makedirs(FLAGS.train_dir)
    csv_path = os.path.join(FLAGS.train_dir, "train.csv")
    write_csv(csv_path)
    losses, _ = train(csv_path, FLAGS.train_dir, FLAGS.steps, FLAGS.keep_prob)
    print("final loss %.6f" % losses[-1])


if __name__ == "__main__":
    app.run(main)
