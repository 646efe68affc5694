"""Fixed inputs and initial values shared by both sides of a pair (NumPy, seeded, float32).

The arrays are built on first attribute access (`data.W1`), so sample modules can be
imported for listing and linting where NumPy is not installed.
"""

from __future__ import annotations

from functools import cache
from typing import Any, Dict, Tuple


def uniform(shape: Tuple[int, ...], seed: int, low: float = -1.0, high: float = 1.0) -> Any:
    import numpy as np

    return np.random.RandomState(seed).uniform(low, high, size=shape).astype(np.float32)


def regression(n: int = 16, d: int = 3, seed: int = 0) -> Tuple[Any, Any]:
    """Inputs x (n, d) and targets y (n, 1) of a noisy linear function."""
    import numpy as np

    rng = np.random.RandomState(seed)
    x = rng.uniform(-1.0, 1.0, size=(n, d)).astype(np.float32)
    true_w = np.arange(1, d + 1, dtype=np.float32).reshape(d, 1) * 0.5
    y = (x @ true_w + 0.3 + 0.05 * rng.standard_normal((n, 1))).astype(np.float32)
    return x, y


@cache
def _arrays() -> Dict[str, Any]:
    import numpy as np

    reg_x, reg_y = regression()
    return {
        # A small two-layer network: 3 inputs, 4 hidden units, 2 outputs.
        "X": uniform((5, 3), seed=1),
        "W1": uniform((3, 4), seed=2),
        "B1": uniform((4,), seed=3, low=-0.1, high=0.1),
        "W2": uniform((4, 2), seed=4),
        "B2": uniform((2,), seed=5, low=-0.1, high=0.1),
        # Linear regression for the optimizer and training pairs.
        "REG_X": reg_x,
        "REG_Y": reg_y,
        "REG_W0": np.array([[0.1], [-0.2], [0.05]], dtype=np.float32),
        "REG_B0": np.array([0.0], dtype=np.float32),
    }


def __getattr__(name: str) -> Any:
    arrays = _arrays()
    if name in arrays:
        return arrays[name]
    raise AttributeError(name)
