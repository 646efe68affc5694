"""Check many files: the result cache, a process pool, and a deterministic result order.

Results are per file in the order of the input list, whatever order the workers finish
in, so ``-j 8`` prints exactly what ``-j 1`` prints.
"""

from __future__ import annotations

import multiprocessing
import os
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from typing import List, Optional, Sequence, Tuple

from tf2lint import tool_findings
from tf2lint.baseline import Identity, identities
from tf2lint.cache import Cache, digest
from tf2lint.config import Config
from tf2lint.engine import lint_bytes, rule_set
from tf2lint.finding import Finding
from tf2lint.notebook import lint_notebook

# Below this many files to check, starting worker processes costs more than it saves.
PARALLEL_MIN_FILES = 16
NOTEBOOK_SUFFIX = ".ipynb"


@dataclass
class FileResult:
    filename: str
    findings: List[Finding]
    identities: Optional[List[Identity]] = None  # aligned with findings, when asked for (baseline, SARIF)
    digest: Optional[str] = None  # of the bytes checked (set by `run`; None when unreadable)


@dataclass
class RunStats:
    files: int = 0
    cached: int = 0
    checked: int = 0
    jobs: int = 1
    seconds: float = 0.0

    def describe(self) -> str:
        return (
            f"{self.files} file{'s' if self.files != 1 else ''}: {self.checked} checked, {self.cached} from cache; "
            f"{self.jobs} job{'s' if self.jobs != 1 else ''}; {self.seconds:.2f}s"
        )


def default_jobs() -> int:
    try:
        return max(len(os.sched_getaffinity(0)), 1)
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def lint_data(data: bytes, filename: str, config: Config) -> List[Finding]:
    """Lint one file's bytes: a notebook or Python source."""
    if filename.endswith(NOTEBOOK_SUFFIX):
        return lint_notebook(data, filename, config)
    return lint_bytes(data, filename, config)


def read(path: str) -> Tuple[Optional[bytes], Optional[Finding]]:
    """A file's bytes, or the finding that says why it cannot be read."""
    try:
        with open(path, "rb") as handle:
            return handle.read(), None
    except IsADirectoryError:
        return None, tool_findings.unreadable(path, "is a directory, not a Python file")
    except OSError as exc:
        return None, tool_findings.unreadable(path, exc.strerror or str(exc))


def check_one(path: str, config: Config, want_identities: bool) -> Tuple[Optional[str], FileResult]:
    """(digest of the bytes checked, result); no digest when the file could not be read."""
    data, error = read(path)
    if data is None:
        assert error is not None
        return None, FileResult(path, [error], identities(b"", path, [error]) if want_identities else None)
    findings = lint_data(data, path, config)
    return digest(data), FileResult(path, findings, identities(data, path, findings) if want_identities else None)


# ----- worker processes ---------------------------------------------------------------

_worker_config: Optional[Config] = None


def _init_worker(config: Config) -> None:
    global _worker_config
    _worker_config = config


def _work(task: Tuple[int, str, bool]) -> Tuple[int, Optional[str], FileResult]:
    index, path, want_identities = task
    assert _worker_config is not None
    file_digest, result = check_one(path, _worker_config, want_identities)
    return index, file_digest, result


def _pool_context() -> multiprocessing.context.BaseContext:
    # fork shares the already-imported rule catalog with the workers at no cost.
    if sys.platform.startswith("linux") and "fork" in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context()


def _check_parallel(paths: Sequence[str], indexes: Sequence[int], config: Config, jobs: int, want: bool):
    # Largest files first, so that no worker is left with a big file at the end.
    sizes = {}
    for i in indexes:
        try:
            sizes[i] = os.path.getsize(paths[i])
        except OSError:
            sizes[i] = 0
    tasks = [(i, paths[i], want) for i in sorted(indexes, key=lambda i: -sizes[i])]
    chunksize = max(1, min(16, len(tasks) // (jobs * 8)))
    rule_set(config)  # import and index the rules once, before the workers are forked
    with ProcessPoolExecutor(max_workers=jobs, mp_context=_pool_context(), initializer=_init_worker, initargs=(config,)) as pool:
        yield from pool.map(_work, tasks, chunksize=chunksize)


def run(
    paths: Sequence[str],
    config: Config,
    *,
    jobs: int = 1,
    cache: Optional[Cache] = None,
    want_identities: bool = False,
) -> Tuple[List[FileResult], RunStats]:
    """Check every path; results come back in the order of ``paths``.

    ``want_identities`` adds each finding's baseline identity (one more parse of each
    file with findings), for the baseline and for SARIF fingerprints.
    """
    started = time.perf_counter()
    results: List[Optional[FileResult]] = [None] * len(paths)
    todo: List[int] = []
    for i, path in enumerate(paths):
        if cache is None:
            todo.append(i)
            continue
        data, error = read(path)
        if data is None:
            assert error is not None
            results[i] = check_one(path, config, want_identities)[1]
            continue
        file_digest = digest(data)
        hit = cache.get(path, file_digest, path, want_identities)
        if hit is None:
            todo.append(i)
        else:
            results[i] = FileResult(path, hit[0], hit[1] if want_identities else None, file_digest)
    jobs = max(1, min(jobs, len(todo)))
    if jobs > 1 and len(todo) >= PARALLEL_MIN_FILES:
        done = _check_parallel(paths, todo, config, jobs, want_identities)
    else:
        jobs = 1
        done = ((i, *check_one(paths[i], config, want_identities)) for i in todo)
    for i, file_digest, result in done:
        result.digest = file_digest
        results[i] = result
        if cache is not None and file_digest is not None:
            cache.put(paths[i], file_digest, result.findings, result.identities)
    if cache is not None:
        cache.save()
    stats = RunStats(files=len(paths), cached=len(paths) - len(todo), checked=len(todo), jobs=jobs,
                     seconds=time.perf_counter() - started)
    return [r for r in results if r is not None], stats
