"""The cyclic garbage collector while linting.

A lint of a large file allocates hundreds of thousands of AST nodes. With CPython's default
threshold (700 new container objects) the collector runs thousands of times per file, and each
run traverses the tree built so far, which is alive and so survives into older generations to
be traversed again (benchmarks/server_latency.py, benchmarks/bench.py). ASTs hold no reference
cycles, so reference counting frees them; the cycles a lint leaves (the resolver's scopes and
bindings, a context's deferred checks) are small and die with the file.

- ``tune_for_linting`` raises the thresholds (mypy does the same): for the language server,
  whose lints run in a worker thread next to the event loop.
- ``one_file`` pauses the collector while one file is linted and then collects the young
  generation once, when the file's tree is already freed: that pass sees only the file's
  cyclic garbage and what the caller keeps (its findings). The CLI lints this way.
"""

from __future__ import annotations

import gc
from contextlib import contextmanager
from typing import Iterator

LINT_GC_THRESHOLDS = (200_000, 30, 30)


def tune_for_linting() -> None:
    gc.set_threshold(*LINT_GC_THRESHOLDS)


@contextmanager
def one_file() -> Iterator[None]:
    """Lint one file with the collector paused, then collect what the file left behind.

    The body should return only what outlives the file (the findings), so that its tree is
    freed by reference counting before the collection."""
    if not gc.isenabled():  # a caller that manages the collector itself
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()
        gc.collect(0)
