"""Linting open documents: one engine call per document version, in a worker thread."""

from __future__ import annotations

import asyncio
import logging
import time
from concurrent.futures import Executor
from typing import Callable, Dict, List, Optional, Tuple

from tf2lint.config import Config
from tf2lint.engine import lint_source, mentions_tensorflow
from tf2lint.finding import Finding
from tf2lint.gc_tuning import one_file
from tf2lint.server.document import Snapshot

logger = logging.getLogger(__name__)

Key = Tuple[object, int, Config]
Report = Callable[[Snapshot, List[Finding], float], None]


def lint_snapshot(snapshot: Snapshot, config: Config) -> List[Finding]:
    """What ``tf2lint check`` reports for the document's text (never raises)."""
    path = snapshot.path
    if not snapshot.is_python:
        return []  # a client may send every file it opens; notebooks are not served either
    if path and config.is_excluded(path):
        return []  # as `tf2lint check --force-exclude` treats a file named on its command line
    if not mentions_tensorflow(snapshot.text.encode("utf-8", "surrogatepass")):
        return []  # the CLI skips such a file without parsing it
    try:
        with one_file():
            return lint_source(snapshot.text, snapshot.filename, config)
    except Exception:  # pragma: no cover - the engine turns rule errors into findings
        logger.exception("linting %s failed", snapshot.uri)
        return []


def _timed(snapshot: Snapshot, config: Config) -> Tuple[List[Finding], float]:
    began = time.perf_counter()
    findings = lint_snapshot(snapshot, config)
    return findings, time.perf_counter() - began


class Linter:
    """Runs the engine off the event loop and keeps each document's latest result.

    Concurrent requests for the same version (diagnostics, then a code action or a hover)
    share one engine call; a new version or a new configuration replaces the entry.
    ``report`` hears of every engine call when it finishes.
    """

    def __init__(self, executor: Executor, report: Optional[Report] = None):
        self.executor = executor
        self.report = report
        self._latest: Dict[str, Tuple[Key, asyncio.Future[Tuple[List[Finding], float]]]] = {}

    async def findings(self, snapshot: Snapshot, config: Config) -> List[Finding]:
        key: Key = (snapshot.version, hash(snapshot.text), config)
        entry = self._latest.get(snapshot.uri)
        if entry is None or entry[0] != key or (entry[1].done() and entry[1].cancelled()):
            future = asyncio.get_running_loop().run_in_executor(self.executor, _timed, snapshot, config)
            if self.report is not None:
                future.add_done_callback(lambda done: self._reported(snapshot, done))
            entry = (key, future)
            self._latest[snapshot.uri] = entry
        # A cancelled waiter (a newer change arrived) must not cancel the shared call.
        findings, _ = await asyncio.shield(entry[1])
        return findings

    def _reported(self, snapshot: Snapshot, done: asyncio.Future[Tuple[List[Finding], float]]) -> None:
        if self.report is not None and not done.cancelled() and done.exception() is None:
            findings, seconds = done.result()
            self.report(snapshot, findings, seconds)

    def forget(self, uri: str) -> None:
        self._latest.pop(uri, None)
