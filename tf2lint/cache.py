"""Result cache: a file whose bytes, tool and configuration are unchanged is not re-checked.

One JSON file per (tool build, effective configuration) under the cache directory maps
each checked file's absolute path to the digest of its bytes and the findings it gave.
A changed file, a different configuration or a different tf2lint (version or edited
source) simply misses.  The directory carries a ``.gitignore`` of ``*`` so it is never
committed, and a ``CACHEDIR.TAG`` so backup tools skip it.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from pathlib import Path
from typing import Any, Dict, List, Optional, Tuple

from tf2lint import __version__
from tf2lint.baseline import Identity
from tf2lint.config import Config
from tf2lint.finding import Edit, Finding, Fix, Position, Severity

DEFAULT_CACHE_DIR = ".tf2lint_cache"
FORMAT = 2  # 2: each entry carries a checksum
KEEP_CONFIGS = 8  # result files kept per cache directory (one per configuration used)
_CACHEDIR_TAG = "Signature: 8a477f597d28d172789f06886806bc55\n# This directory is a tf2lint result cache.\n"


def digest(data: bytes) -> str:
    return hashlib.blake2b(data, digest_size=16).hexdigest()


def tool_fingerprint() -> str:
    """The version plus the size and mtime of every module of the installed tf2lint, so a
    development checkout with edited rules never reads results of the previous code."""
    package = Path(__file__).resolve().parent
    h = hashlib.blake2b(__version__.encode(), digest_size=16)
    for path in sorted(package.rglob("*.py")):
        try:
            st = path.stat()
        except OSError:
            continue
        h.update(f"{path.relative_to(package).as_posix()}:{st.st_size}:{st.st_mtime_ns};".encode())
    return h.hexdigest()


def config_key(config: Config) -> str:
    return hashlib.blake2b(f"{FORMAT}|{tool_fingerprint()}|{config!r}".encode(), digest_size=12).hexdigest()


# ----- findings <-> JSON rows (the filename is the caller's display name) -------------


def _pos(p: Position) -> List[int]:
    return [p.row, p.col]


def to_row(f: Finding) -> List[Any]:
    fix = None
    if f.fix is not None:
        fix = [f.fix.applicability, [[_pos(e.start), _pos(e.end), e.content] for e in f.fix.edits], f.fix.message]
    return [f.code, f.symbol, f.message, f.replacement, f.severity.value, _pos(f.start), _pos(f.end), f.url, fix,
            [list(item) for item in f.extra]]


_SEVERITIES = {s.value: s for s in Severity}  # a dict lookup: `Severity(value)` is slow per finding


def from_row(row: List[Any], filename: str) -> Finding:
    code, symbol, message, replacement, severity, start, end, url, fix, extra = row
    return Finding(
        code=code,
        symbol=symbol,
        message=message,
        replacement=replacement,
        severity=_SEVERITIES[severity],
        filename=filename,
        start=Position(*start),
        end=Position(*end),
        url=url,
        fix=None if fix is None else Fix(fix[0], tuple(Edit(Position(*s), Position(*e), c) for s, e, c in fix[1]), fix[2]),
        extra=tuple((k, v) for k, v in extra),
    )


class Cache:
    """Cached results of one configuration in one cache directory."""

    def __init__(self, directory: str, config: Config):
        self.directory = Path(directory)
        self.key = config_key(config)
        self.path = self.directory / f"results-{self.key}.json"
        self.entries: Dict[str, List[Any]] = {}
        self.hits = 0
        self.misses = 0
        self._dirty = False
        self._load()

    def _load(self) -> None:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError, RecursionError):
            return
        if isinstance(data, dict) and data.get("format") == FORMAT and isinstance(data.get("files"), dict):
            self.entries = data["files"]  # each entry is checked when it is used

    def _checksum(self, file_digest: Any, rows: Any, ids: Any) -> str:
        text = json.dumps([self.key, file_digest, rows, ids], separators=(",", ":"), ensure_ascii=False)
        return hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=16).hexdigest()

    def get(
        self, path: str, file_digest: str, filename: str, need_identities: bool
    ) -> Optional[Tuple[List[Finding], Optional[List[Identity]]]]:
        """The findings (and their identities, when stored) for ``path`` with these bytes.

        The cache is a speed-up, never a source of truth: an entry that is not exactly what
        `put` wrote (wrong shape, wrong types, checksum mismatch) is a miss.
        """
        entry = self.entries.get(os.path.abspath(path))
        found = self._decode(entry, file_digest, filename, need_identities)
        if found is None:
            self.misses += 1
        else:
            self.hits += 1
        return found

    def _decode(
        self, entry: Any, file_digest: str, filename: str, need_identities: bool
    ) -> Optional[Tuple[List[Finding], Optional[List[Identity]]]]:
        if not isinstance(entry, list) or len(entry) != 4 or entry[0] != file_digest:
            return None
        _, rows, ids, check = entry
        if not isinstance(rows, list) or not (ids is None or isinstance(ids, list)) or (need_identities and ids is None):
            return None
        try:
            if check != self._checksum(file_digest, rows, ids):
                return None
            findings = [from_row(row, filename) for row in rows]
            if ids is None:
                return findings, None
            if len(ids) != len(findings):
                return None
            identities = [Identity(f.code, f.symbol, *fields) for f, fields in zip(findings, ids)]
        except (TypeError, ValueError, KeyError, IndexError, AttributeError, RecursionError, UnicodeError):
            return None
        return findings, identities

    def put(self, path: str, file_digest: str, findings: List[Finding], identities: Optional[List[Identity]]) -> None:
        ids = None if identities is None else [[i.scope, i.source, i.context, i.occurrence] for i in identities]
        rows = [to_row(f) for f in findings]
        # Through JSON once, so the checksum sees exactly what a later run reads back.
        rows, ids = json.loads(json.dumps([rows, ids], ensure_ascii=False))
        self.entries[os.path.abspath(path)] = [file_digest, rows, ids, self._checksum(file_digest, rows, ids)]
        self._dirty = True

    def save(self) -> None:
        """Write the results; a cache that cannot be written is silently skipped."""
        if not self._dirty:
            return
        try:
            self._prepare_directory()
            stale = [p for p in self.entries if not os.path.exists(p)]
            for p in stale:
                del self.entries[p]
            fd, tmp = tempfile.mkstemp(dir=self.directory, prefix=".results-", suffix=".tmp")
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                json.dump({"format": FORMAT, "files": self.entries}, handle, separators=(",", ":"), ensure_ascii=False)
            os.replace(tmp, self.path)
            self._prune()
        except OSError:
            return
        self._dirty = False

    def _prepare_directory(self) -> None:
        self.directory.mkdir(parents=True, exist_ok=True)
        for name, text in ((".gitignore", "# Created by tf2lint: never commit the result cache.\n*\n"),
                           ("CACHEDIR.TAG", _CACHEDIR_TAG)):
            # Created only where nothing exists, never through a symbolic link, never over a file.
            flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)
            try:
                fd = os.open(self.directory / name, flags, 0o644)
            except FileExistsError:
                continue
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                handle.write(text)

    def _prune(self) -> None:
        """Keep only the most recently written result files (old configurations, old builds)."""
        files = sorted(self.directory.glob("results-*.json"), key=lambda p: p.stat().st_mtime, reverse=True)
        for old in files[KEEP_CONFIGS:]:
            try:
                old.unlink()
            except OSError:
                pass
