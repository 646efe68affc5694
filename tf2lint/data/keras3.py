"""The `tf.compat.v1` names that Keras 3 (the `tf.keras` of TF 2.16 and later) no longer serves.

Checked on TensorFlow 2.21: `tf.compat.v1.layers.dense` and `tf.compat.v1.nn.rnn_cell.LSTMCell`
raise `AttributeError: ... is not available with Keras 3`; `tf.compat.v1.keras.backend.set_session`
/ `get_session`, `tf.compat.v1.keras.layers.DenseFeatures` and
`tf.compat.v1.keras.utils.track_tf1_style_variables` raise `AttributeError` (no such attribute).
The modules themselves still import, and `tf.compat.v1.keras.layers.Dense` still exists.
"""

from __future__ import annotations

from typing import Tuple

KERAS3_FROM: Tuple[int, int] = (2, 16)

# Members of these compat.v1 modules raise on access under Keras 3.
MODULES = ("layers", "nn.rnn_cell")
# These compat.v1 names raise on access under Keras 3.
NAMES = frozenset(
    {
        "keras.backend.set_session",
        "keras.backend.get_session",
        "keras.layers.DenseFeatures",
        "keras.utils.track_tf1_style_variables",
    }
)

STATUS_NOTE = "fails on TF 2.16 and later: Keras 3 does not serve it under tf.compat.v1"
ADVICE = (
    "From TF 2.16 `tf.compat.v1` raises `AttributeError` for it (Keras 3): move to Keras layers, or keep the TF1 "
    "code for a while with `pip install tf_keras` and `TF_USE_LEGACY_KERAS=1` set before TensorFlow is imported."
)


def fails_with_keras3(name: str, target: Tuple[int, int]) -> bool:
    """Whether the compat.v1 name ``name`` (canonical, without `compat.v1`) raises on ``target``."""
    if target < KERAS3_FROM:
        return False
    if name in NAMES:
        return True
    return any(name.startswith(module + ".") for module in MODULES)
