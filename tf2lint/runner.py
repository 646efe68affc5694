"""Check many files: the result cache, a process pool, and a deterministic result order.

Results are per file in the order of the input list, whatever order the workers finish
in, so ``-j 8`` prints exactly what ``-j 1`` prints.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import sys
import threading
import time
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from typing import Any, List, Optional, Sequence, Tuple

from tf2lint import tool_findings
from tf2lint.baseline import Identity, identities
from tf2lint.cache import Cache, digest
from tf2lint.config import DEFAULT_MAX_FILE_SIZE, Config
from tf2lint.engine import lint_bytes, rule_set
from tf2lint.finding import Finding
from tf2lint.gc_tuning import one_file, tune_for_linting
from tf2lint.noqa_codes import mentions_noqa
from tf2lint.notebook import lint_notebook
from tf2lint.reading import read_source

# Below this many files to check, starting worker processes costs more than it saves.
PARALLEL_MIN_FILES = 16
NOTEBOOK_SUFFIX = ".ipynb"


@dataclass
class FileResult:
    filename: str
    findings: List[Finding]
    identities: Optional[List[Identity]] = None  # aligned with findings, when asked for (baseline, SARIF)
    digest: Optional[str] = None  # of the bytes checked (set by `run`; None when unreadable)
    # Whether the bytes checked hold a `noqa` comment at all (None: not known), so that the
    # unknown-code warnings read again only the files that may have one.
    mentions_noqa: Optional[bool] = None


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


def read(path: str, max_size: int = DEFAULT_MAX_FILE_SIZE) -> Tuple[Optional[bytes], Optional[Finding]]:
    """A regular file's bytes, or the finding that says why they are not read."""
    return read_source(path, max_size)


def capped(findings: List[Finding], path: str, limit: int) -> List[Finding]:
    """At most ``limit`` findings, then one TF010 (at the first left out) saying how many there were."""
    if len(findings) <= limit:
        return findings
    first_left_out = findings[limit]
    note = tool_findings.too_many(path, len(findings), limit, first_left_out.start.row, first_left_out.start.col)
    return [*findings[:limit], note]


def check_one(path: str, config: Config, want_identities: bool) -> Tuple[Optional[str], FileResult]:
    """(digest of the bytes checked, result); no digest when the file could not be read."""
    data, error = read(path, config.max_file_size)
    if data is None:
        assert error is not None
        return None, FileResult(path, [error], identities(b"", path, [error]) if want_identities else None)
    findings = capped(lint_data(data, path, config), path, config.max_findings)
    result = FileResult(path, findings, identities(data, path, findings) if want_identities else None)
    result.mentions_noqa = mentions_noqa(data)
    return digest(data), result


def _check_serial(index: int, path: str, config: Config, want_identities: bool) -> Tuple[int, Optional[str], FileResult]:
    with one_file():
        file_digest, result = check_one(path, config, want_identities)
    return index, file_digest, result


# ----- worker processes ---------------------------------------------------------------


class WorkerDied(Exception):
    """A worker process ended abruptly; the message names the file it was checking, if known."""


_worker_config: Optional[Config] = None
_busy: Any = None  # shared array: per worker slot, the index of the file being checked (-1: idle)
_slot = -1


def _die_with_parent(parent: int, watch_fd: int, spare_fd: int) -> None:
    """End this worker when the main process ends, however it ends (even SIGKILL)."""
    if sys.platform.startswith("linux"):
        try:
            import ctypes

            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(1, signal.SIGKILL, 0, 0, 0)  # PR_SET_PDEATHSIG
        except (OSError, AttributeError):
            pass
    os.close(spare_fd)  # only the main process keeps the write end: end of file means it is gone

    def watch() -> None:
        try:
            os.read(watch_fd, 1)
        finally:
            os._exit(1)

    threading.Thread(target=watch, name="tf2lint-parent-watch", daemon=True).start()
    if os.getppid() != parent:  # the main process ended before the watch was set up
        os._exit(1)


def _init_worker(config: Config, parent: int, watch_fd: int, spare_fd: int, busy: Any, counter: Any) -> None:
    global _worker_config, _busy, _slot
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the main process's to handle
    tune_for_linting()
    _die_with_parent(parent, watch_fd, spare_fd)
    _worker_config = config
    with counter.get_lock():
        _slot = counter.value
        counter.value += 1
    _busy = busy
    if _slot < len(busy) // 2:
        busy[len(busy) // 2 + _slot] = os.getpid()


def _work(task: Tuple[int, str, bool]) -> Tuple[int, Optional[str], FileResult]:
    index, path, want_identities = task
    assert _worker_config is not None
    tracked = _busy is not None and 0 <= _slot < len(_busy) // 2
    if tracked:
        _busy[_slot] = index
    with one_file():
        file_digest, result = check_one(path, _worker_config, want_identities)
    if tracked:
        _busy[_slot] = -1
    return index, file_digest, result


def _pool_context() -> multiprocessing.context.BaseContext:
    # fork shares the already-imported rule catalog with the workers at no cost.
    if sys.platform.startswith("linux") and "fork" in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context()


def _stop(pool: ProcessPoolExecutor) -> None:
    """Stop every worker now: an interrupted or failed run leaves no process behind."""
    processes = list((getattr(pool, "_processes", None) or {}).values())
    pool.shutdown(wait=False, cancel_futures=True)
    for process in processes:
        if process.is_alive():
            process.kill()
    for process in processes:
        process.join(timeout=5)


def _death_note(paths: Sequence[str], busy: Any, slots: int, processes: Any) -> str:
    """Which worker died (not stopped by the pool's own SIGTERM) and the file it was on."""
    time.sleep(0.2)  # the pool stops the other workers after reporting the break
    exits = {pid: process.exitcode for pid, process in dict(processes).items()}
    dead = {pid for pid, code in exits.items() if code is not None and code != -signal.SIGTERM}
    on = [paths[busy[s]] for s in range(slots) if busy[s] >= 0 and (not dead or busy[slots + s] in dead)]
    how = ""
    codes = [exits[pid] for pid in dead]
    if len(codes) == 1 and codes[0] is not None and codes[0] < 0:
        how = f" (killed by signal {-codes[0]})"
    where = f" while checking {', '.join(sorted(set(on)))}" if on else ""
    return f"a worker process ended abruptly{how}{where}"


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
    context = _pool_context()
    # Per worker slot, the index of the file it checks, then (second half) its process id.
    slots = jobs * 2
    busy = context.Array("q", [-1] * (slots * 2), lock=False)
    counter = context.Value("i", 0)
    watch_fd, spare_fd = os.pipe()
    pool = ProcessPoolExecutor(max_workers=jobs, mp_context=context, initializer=_init_worker,
                               initargs=(config, os.getpid(), watch_fd, spare_fd, busy, counter))
    try:
        results = pool.map(_work, tasks, chunksize=chunksize)
        processes = getattr(pool, "_processes", None) or {}
        yield from results
    except BrokenProcessPool:
        raise WorkerDied(_death_note(paths, busy, slots, processes)) from None
    except BaseException:
        _stop(pool)
        raise
    else:
        pool.shutdown(wait=True)
    finally:
        _stop(pool)
        os.close(watch_fd)
        os.close(spare_fd)


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
    unreadable = 0
    for i, path in enumerate(paths):
        if cache is None:
            todo.append(i)
            continue
        data, error = read(path, config.max_file_size)
        if data is None:
            assert error is not None
            results[i] = FileResult(path, [error], identities(b"", path, [error]) if want_identities else None)
            unreadable += 1
            continue
        file_digest = digest(data)
        hit = cache.get(path, file_digest, path, want_identities)
        if hit is None:
            todo.append(i)
        else:
            results[i] = FileResult(path, hit[0], hit[1] if want_identities else None, file_digest, mentions_noqa(data))
    jobs = max(1, min(jobs, len(todo)))
    if jobs > 1 and len(todo) >= PARALLEL_MIN_FILES:
        done = _check_parallel(paths, todo, config, jobs, want_identities)
    else:
        jobs = 1
        done = (_check_serial(i, paths[i], config, want_identities) for i in todo)
    for i, file_digest, result in done:
        result.digest = file_digest
        results[i] = result
        if cache is not None and file_digest is not None:
            cache.put(paths[i], file_digest, result.findings, result.identities)
    if cache is not None:
        cache.save()
    stats = RunStats(files=len(paths), cached=len(paths) - len(todo) - unreadable, checked=len(todo) + unreadable, jobs=jobs,
                     seconds=time.perf_counter() - started)
    return [r for r in results if r is not None], stats
