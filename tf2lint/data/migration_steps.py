"""The migration guide's five steps, and which step each rule's findings belong to.

TensorFlow's guide (https://www.tensorflow.org/guide/migrate/migrate_tf2) orders the work:
symbols first (what `tf_upgrade_v2` rewrites), then `tf.contrib`, then making the forward
pass run eagerly, then training loops, input pipelines and saving, and last, optionally,
`tf.compat.v1` to idiomatic TF2.  A family's rules share a step unless listed per code.
"""

from __future__ import annotations

from typing import Dict

STEPS: Dict[int, str] = {
    1: "Symbols: removed and renamed names, keywords and argument order",
    2: "Remove tf.contrib",
    3: "Run the forward pass eagerly: variables, collections, sessions",
    4: "Training loops, input pipelines and saving",
    5: "Optional: tf.compat.v1 to idiomatic TF2",
}

STEP_SHORT: Dict[int, str] = {1: "symbols", 2: "contrib", 3: "eager", 4: "training", 5: "idiomatic"}

BY_FAMILY: Dict[int, int] = {
    0: 1,  # a file that does not parse or read blocks every later step
    1: 3,
    2: 3,
    3: 4,
    4: 4,
    5: 4,  # feature columns are the model's input preprocessing
    6: 2,
    7: 4,
    8: 4,
    9: 1,
}

BY_CODE: Dict[str, int] = {
    "TF106": 4,  # MonitoredTrainingSession drives a training loop
    "TF108": 1,  # tf.py_func -> tf.numpy_function: a symbol change
    "TF109": 1,  # tf.set_random_seed -> tf.random.set_seed
    "TF111": 1,  # Dimension.value: a TensorShape API change
    "TF990": 5,  # the remaining compat.v1 uses
}


def step_for(code: str) -> int:
    """The guide's step for a rule code (TFabc)."""
    if code in BY_CODE:
        return BY_CODE[code]
    return BY_FAMILY[int(code[2])]
