"""The cyclic garbage collector while linting.

A lint of a large file allocates hundreds of thousands of AST nodes. With CPython's default
threshold (700 new container objects) the collector runs thousands of times per file, and each
run traverses the tree built so far, which is alive and so survives into older generations to
be traversed again (benchmarks/bench.py, benchmarks/server_latency.py). A lint leaves no
reference cycles: the tree has none, the resolver breaks its scope/binding cycles when the file
is done (`Resolver.release`) and a context drops its deferred checks, so reference counting frees
everything.

- ``tune_for_linting`` raises the thresholds (mypy does the same) for whatever runs besides.
- ``one_file`` pauses the collector while one file is linted and then collects the young
  generation once, when the file's objects are already freed: that pass sees only what the
  caller keeps (the findings). The CLI, its workers and the language server lint this way.
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
