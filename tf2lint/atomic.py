"""Files that appear whole or not at all: a temporary file next to the target, renamed
over it only when the content is complete.

An interrupted run (an exception, Ctrl-C, SIGTERM) removes the temporary file and
leaves the target as it was; a reader never sees half a report or half a source file.
"""

from __future__ import annotations

import errno
import os
import stat
import tempfile
from types import TracebackType
from typing import IO, Optional, Type


class AtomicFile:
    """Open the temporary file now (so a missing directory is an error before any work),
    write to ``handle``, then ``commit()`` to rename it over ``path``; ``discard()``
    (or leaving a ``with`` block by an exception) removes it."""

    def __init__(self, path: str, mode: str = "w", encoding: Optional[str] = "utf-8"):
        self.path = path
        # Keep a link a link: replace what it points to.
        self.target = os.path.realpath(path)
        if os.path.isdir(self.target):
            raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR), path)
        directory = os.path.dirname(self.target) or "."
        fd, self.tmp = tempfile.mkstemp(dir=directory, prefix=f".{os.path.basename(self.target)}.", suffix=".tmp")
        try:
            self.handle: IO = os.fdopen(fd, mode, encoding=encoding) if "b" not in mode else os.fdopen(fd, mode)
        except BaseException:
            os.close(fd)
            self._remove()
            raise
        self.done = False

    def commit(self) -> None:
        if self.done:
            return
        try:
            self.handle.flush()
            os.fsync(self.handle.fileno())
            self.handle.close()
            try:
                mode = stat.S_IMODE(os.stat(self.target).st_mode)
            except OSError:  # a new file: the usual permissions, not mkstemp's 0600
                umask = os.umask(0)
                os.umask(umask)
                mode = 0o666 & ~umask
            os.chmod(self.tmp, mode)
            os.replace(self.tmp, self.target)
        except BaseException:
            self.discard()
            raise
        self.done = True

    def discard(self) -> None:
        if self.done:
            return
        self.done = True
        try:
            self.handle.close()
        except OSError:
            pass
        self._remove()

    def _remove(self) -> None:
        try:
            os.unlink(self.tmp)
        except OSError:
            pass

    def __enter__(self) -> AtomicFile:
        return self

    def __exit__(
        self, kind: Optional[Type[BaseException]], exc: Optional[BaseException], tb: Optional[TracebackType]
    ) -> None:
        if kind is None:
            self.commit()
        else:
            self.discard()


def write_atomic(path: str, data: bytes) -> None:
    """Replace ``path``'s bytes in one step (the permission bits of an existing file kept)."""
    with AtomicFile(path, "wb", encoding=None) as out:
        out.handle.write(data)
