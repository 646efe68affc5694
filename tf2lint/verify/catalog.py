"""Loading user sample files in a child process: `python -m tf2lint.verify.catalog FILE...`.

Importing a samples file runs its code, so the main process never does it (not even for
`--list`): a child imports the files and prints what the parent needs to know about each
pair as JSON. The parent rebuilds the pairs with stand-ins for the sides, which only the
worker processes run. A load error (an exception, an exit, a hang) becomes a message and
exit 2.
"""

from __future__ import annotations

import dataclasses
import json
import os
import subprocess
import sys
import tempfile
import traceback
from typing import Any, Dict, List, Sequence

from tf2lint.verify import containment
from tf2lint.verify.pairs import Difference, Pair, load_pairs

LOAD_TIMEOUT = 120.0


class SampleLoadError(Exception):
    """A samples file could not be loaded; the message says why."""


def _remote_side(workdir: str) -> Any:
    raise RuntimeError("a side of a user sample pair runs only in a worker process")


def _plain(value: Any) -> Any:
    if callable(value):
        return {"__side__": True}
    if isinstance(value, Difference):
        return {"__difference__": [value.kind, value.description]}
    if isinstance(value, tuple):
        return {"__tuple__": [_plain(v) for v in value]}
    return value


def _rebuilt(value: Any) -> Any:
    if isinstance(value, dict):
        if value.get("__side__"):
            return _remote_side
        if "__difference__" in value:
            kind, description = value["__difference__"]
            return Difference(kind, description, _remote_side)
        if "__tuple__" in value:
            return tuple(_rebuilt(v) for v in value["__tuple__"])
    return value


def describe(pairs: Sequence[Pair]) -> List[Dict[str, Any]]:
    return [{f.name: _plain(getattr(pair, f.name)) for f in dataclasses.fields(pair)} for pair in pairs]


def rebuild(rows: List[Dict[str, Any]]) -> List[Pair]:
    names = {f.name for f in dataclasses.fields(Pair)}
    pairs = []
    for row in rows:
        fields = {k: _rebuilt(v) for k, v in row.items() if k in names}
        module, path = fields.pop("module", ""), fields.pop("path", "")
        pair = Pair(**fields)
        object.__setattr__(pair, "module", module)
        object.__setattr__(pair, "path", path)
        pairs.append(pair)
    return pairs


def _error_text(exc: BaseException) -> str:
    where = ""
    frames = traceback.extract_tb(exc.__traceback__)
    for frame in reversed(frames):
        if "tf2lint" + os.sep + "verify" not in frame.filename and "importlib" not in frame.filename:
            where = f" ({frame.filename}:{frame.lineno})"
            break
    if isinstance(exc, SyntaxError) and exc.filename:
        where = f" ({exc.filename}:{exc.lineno})"
    message = str(exc).strip().splitlines()[0] if str(exc).strip() else ""
    return f"{type(exc).__name__}: {message}{where}"


def load_contained(paths: Sequence[str], timeout: float = LOAD_TIMEOUT) -> List[Pair]:
    """The pairs of user sample files, imported in a contained child process."""
    resolved = [os.path.abspath(p) for p in paths]
    with tempfile.TemporaryDirectory(prefix="tf2lint-samples-") as tmp:
        env = containment.minimal_env(containment.private_tmp(tmp, "loader"))
        proc = containment.popen([sys.executable, "-m", "tf2lint.verify.catalog", *resolved], env=env, cwd=tmp,
                                 stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, encoding="utf-8",
                                 errors="replace")
        try:
            out, err = proc.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            containment.kill_group(proc)
            proc.communicate()
            raise SampleLoadError(f"loading {', '.join(paths)} timed out after {timeout:.0f} s") from None
        finally:
            containment.kill_group(proc)
            containment.reap_escaped()
    try:
        result = json.loads(out.strip().splitlines()[-1]) if out.strip() else None
    except (json.JSONDecodeError, IndexError):
        result = None
    if not isinstance(result, dict):
        tail = " | ".join(line for line in err.strip().splitlines()[-3:])
        raise SampleLoadError(f"loading {', '.join(paths)} ended with exit code {proc.returncode}" + (f": {tail}" if tail else ""))
    if "error" in result:
        raise SampleLoadError(f"{', '.join(paths)}: {result['error']}")
    return rebuild(result["pairs"])


def main(argv: List[str]) -> int:
    # The protocol line goes to the real stdout; whatever the samples print goes to stderr.
    proto = os.fdopen(os.dup(1), "w", encoding="utf-8")
    os.dup2(2, 1)
    sys.stdout = sys.stderr
    try:
        payload: Dict[str, Any] = {"pairs": describe(load_pairs(argv))}
        line = json.dumps(payload)
    except BaseException as exc:  # noqa: BLE001 - any failure of user code is reported, SystemExit included
        payload = {"error": _error_text(exc)}
        line = json.dumps(payload)
    proto.write(line + "\n")
    proto.close()
    return 0 if "pairs" in payload else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
