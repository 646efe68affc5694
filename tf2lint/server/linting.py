"""Linting open documents: one engine call per document version, in a worker thread."""

from __future__ import annotations

import asyncio
import logging
from concurrent.futures import Executor
from typing import Dict, List, Tuple

from tf2lint.config import Config
from tf2lint.engine import lint_source, mentions_tensorflow
from tf2lint.finding import Finding
from tf2lint.server.document import Snapshot

logger = logging.getLogger(__name__)

Key = Tuple[object, int, Config]


def lint_snapshot(snapshot: Snapshot, config: Config) -> List[Finding]:
    """What ``tf2lint check`` reports for the document's text (never raises)."""
    if snapshot.path and config.is_excluded(snapshot.path):
        return []  # excluded in [tool.tf2lint], as `tf2lint check --force-exclude` treats it
    if not mentions_tensorflow(snapshot.text.encode("utf-8", "surrogatepass")):
        return []  # the CLI skips such a file without parsing it
    try:
        return lint_source(snapshot.text, snapshot.filename, config)
    except Exception:  # pragma: no cover - the engine turns rule errors into findings
        logger.exception("linting %s failed", snapshot.uri)
        return []


class Linter:
    """Runs the engine off the event loop and keeps each document's latest result.

    Concurrent requests for the same version (diagnostics, then a code action) share one
    engine call; a new version or a new configuration replaces the entry.
    """

    def __init__(self, executor: Executor):
        self.executor = executor
        self._latest: Dict[str, Tuple[Key, asyncio.Future[List[Finding]]]] = {}
        self.calls = 0  # engine calls made, for the log

    async def findings(self, snapshot: Snapshot, config: Config) -> List[Finding]:
        key: Key = (snapshot.version, hash(snapshot.text), config)
        entry = self._latest.get(snapshot.uri)
        if entry is None or entry[0] != key or (entry[1].done() and entry[1].cancelled()):
            loop = asyncio.get_running_loop()
            future = loop.run_in_executor(self.executor, lint_snapshot, snapshot, config)
            self.calls += 1
            entry = (key, future)
            self._latest[snapshot.uri] = entry
        # A cancelled waiter (a newer change arrived) must not cancel the shared call.
        return await asyncio.shield(entry[1])

    def forget(self, uri: str) -> None:
        self._latest.pop(uri, None)
