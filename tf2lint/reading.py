"""Reading a file to check: regular files only, opened without blocking, at most a capped
number of bytes. A FIFO, a device, a socket or a directory is named as such instead of
being read (a FIFO would block forever, `/dev/zero` would never end)."""

from __future__ import annotations

import errno
import os
import stat
from typing import Optional, Tuple

from tf2lint import tool_findings
from tf2lint.finding import Finding

_KINDS = (
    (stat.S_ISFIFO, "a FIFO (named pipe)"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"),
)
# O_NONBLOCK: opening a FIFO for reading with no writer would otherwise wait forever.
_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_BINARY", 0)


def _kind(mode: int) -> str:
    for test, name in _KINDS:
        if test(mode):
            return name
    return "not a regular file"


def _directory(path: str) -> str:
    try:
        with os.scandir(path):
            pass
    except OSError as exc:
        return f"cannot list directory: {exc.strerror or exc}"
    return "is a directory, not a Python file"


def read_source(path: str, max_size: int) -> Tuple[Optional[bytes], Optional[Finding]]:
    """A file's bytes, or the finding (TF003, TF008) that says why they are not read."""
    try:
        fd = os.open(path, _FLAGS)
    except IsADirectoryError:
        return None, tool_findings.unreadable(path, _directory(path))
    except OSError as exc:
        if exc.errno == errno.EACCES and os.path.isdir(path):
            return None, tool_findings.unreadable(path, _directory(path))
        return None, tool_findings.unreadable(path, exc.strerror or str(exc))
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            return None, tool_findings.unreadable(path, _directory(path))
        if not stat.S_ISREG(info.st_mode):
            return None, tool_findings.unreadable(path, f"is {_kind(info.st_mode)}, not a regular file")
        if info.st_size > max_size:
            return None, tool_findings.too_large(path, info.st_size, max_size)
        chunks = []
        left = max_size + 1  # the file may grow while it is read
        while left > 0:
            chunk = os.read(fd, min(left, 1 << 20))
            if not chunk:
                break
            chunks.append(chunk)
            left -= len(chunk)
        data = b"".join(chunks)
        if len(data) > max_size:
            return None, tool_findings.too_large(path, len(data), max_size)
        return data, None
    except OSError as exc:
        return None, tool_findings.unreadable(path, exc.strerror or str(exc))
    finally:
        os.close(fd)
