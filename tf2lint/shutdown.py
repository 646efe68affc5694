"""How a command ends when something goes wrong: termination signals become an exception
(so worker processes are stopped and partial output is removed), and any unexpected
exception becomes one "internal error" line and exit 2, never a traceback."""

from __future__ import annotations

import errno
import os
import signal
import sys
import traceback
from typing import Any, Callable, Dict, Optional, TextIO

from tf2lint import __version__

EXIT_ERROR = 2
ISSUES_URL = "https://github.com/tf2lint/tf2lint/issues"
_OUTPUT_ERRNOS = {errno.ENOSPC, errno.EIO, errno.EBADF, errno.EDQUOT, errno.EFBIG, errno.EROFS}


class Terminated(BaseException):
    """SIGTERM or SIGHUP arrived; unwinding runs the clean-up on the way out."""

    def __init__(self, signum: int):
        super().__init__(signum)
        self.signum = signum


def _raise(signum: int, frame: object) -> None:
    raise Terminated(signum)


def install() -> Dict[int, Any]:
    """Turn SIGTERM and SIGHUP into `Terminated`; returns the handlers replaced (for `restore`)."""
    previous: Dict[int, Any] = {}
    for name in ("SIGTERM", "SIGHUP"):
        sig = getattr(signal, name, None)
        if sig is not None:
            try:
                previous[sig] = signal.signal(sig, _raise)
            except (ValueError, OSError):  # not the main thread, or not allowed here
                pass
    return previous


def restore(previous: Dict[int, Any]) -> None:
    for sig, handler in previous.items():
        try:
            signal.signal(sig, handler)
        except (ValueError, OSError, TypeError):
            pass


def _silence_stdout() -> None:
    """Point fd 1 at /dev/null so the interpreter's final flush cannot fail again."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, 1)
        os.close(devnull)
    except OSError:
        pass


def guarded(command: Callable[[], int], err: Optional[TextIO]) -> int:
    """Run a command: the output is flushed inside, and every failure has an exit code."""
    stream = err if err is not None else open(os.devnull, "w")
    try:
        code = command()
        if sys.stdout is not None:
            sys.stdout.flush()
        return code
    except BrokenPipeError:  # `tf2lint check | head`: the reader has what it wanted
        _silence_stdout()
        return 0
    except KeyboardInterrupt:
        return 130
    except Terminated as exc:
        return 128 + exc.signum
    except OSError as exc:
        if exc.errno not in _OUTPUT_ERRNOS:
            return _internal(exc, stream)
        _silence_stdout()
        where = f"{exc.filename}: " if exc.filename else ""
        stream.write(f"tf2lint: error: cannot write the output: {where}{exc.strerror or exc}\n")
        return EXIT_ERROR
    except Exception as exc:  # noqa: BLE001 - the one place every unexpected error ends
        return _internal(exc, stream)


def _internal(exc: BaseException, err: TextIO) -> int:
    frames = traceback.extract_tb(exc.__traceback__)
    where = f" at {os.path.basename(frames[-1].filename)}:{frames[-1].lineno}" if frames else ""
    err.write(
        f"tf2lint: internal error: {type(exc).__name__}: {exc}{where}\n"
        f"This is a bug in tf2lint {__version__}; please report it at {ISSUES_URL} "
        "with the command line and, if you can, the file it was checking.\n"
    )
    return EXIT_ERROR
