"""The cyclic garbage collector's thresholds while linting.

A lint of a large file allocates hundreds of thousands of AST nodes, and with CPython's default
threshold (700 new container objects) the collector runs thousands of times per file, about a
third of the lint's time (benchmarks/server_latency.py, benchmarks/bench.py). ASTs hold no
reference cycles, so reference counting frees them as before; only cycle collection runs less
often. mypy raises its thresholds the same way.
"""

from __future__ import annotations

import gc

LINT_GC_THRESHOLDS = (200_000, 30, 30)


def tune_for_linting() -> None:
    gc.set_threshold(*LINT_GC_THRESHOLDS)
