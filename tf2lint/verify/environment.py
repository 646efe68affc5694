"""What TensorFlow this environment has, found from package metadata without importing it."""

from __future__ import annotations

import importlib.metadata
import importlib.util
import re
from typing import Optional, Tuple

# Distributions that install the `tensorflow` package, most common first.
_DISTRIBUTIONS = ("tensorflow-cpu", "tensorflow", "tensorflow-intel", "tensorflow-macos", "tf-nightly-cpu", "tf-nightly")


def tensorflow_version() -> Optional[str]:
    """The installed TensorFlow version, or None when `import tensorflow` would fail to find it."""
    if importlib.util.find_spec("tensorflow") is None:
        return None
    mapping = getattr(importlib.metadata, "packages_distributions", None)
    names = list(mapping().get("tensorflow", [])) if mapping is not None else []
    for name in names + list(_DISTRIBUTIONS):
        try:
            return importlib.metadata.version(name)
        except importlib.metadata.PackageNotFoundError:
            continue
    return "unknown"


def version_tuple(version: str) -> Tuple[int, int]:
    match = re.match(r"(\d+)\.(\d+)", version)
    return (int(match.group(1)), int(match.group(2))) if match else (0, 0)
