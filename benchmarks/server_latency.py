"""Language server latency: from didOpen (and didChange) to publishDiagnostics, next to the
engine's own time on the same text.

    python benchmarks/server_latency.py [--file PATH | --corpus DIR] [--repeat N] [--transcript FILE]

The file is the largest .py file of the corpus unless given. `tf2lint server` runs as an
editor starts it (a subprocess speaking JSON-RPC over stdio, with `debounceMs` 0 so that a
change is linted at once); this script is the client, with its own few lines of framing so
that nothing but the server is measured. Each round opens the file under a new URI (a cold
document, a warm server) and waits for its diagnostics, then changes one line and waits
again. The first round, right after initialization, is reported apart. `lint_source` is
then timed in this process on the same text. With --transcript, the JSON-RPC messages of a
code action round trip (didOpen, diagnostics, codeAction and its result) are written there.
"""

from __future__ import annotations

import argparse
import json
import os
import queue
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any, Dict, List, Optional

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

DEFAULT_CORPUS = Path("/work/corpus/tf1") if Path("/work/corpus/tf1").is_dir() else Path.home() / ".cache/tf2lint-corpus/tf1"
CODE_ACTION_SAMPLE = "import tensorflow as tf\n\nsess = tf.Session()\ny = tf.log(tf.to_float(x))\n"


class Wire:
    """A JSON-RPC client over a server process's stdin/stdout, recording what it sees."""

    def __init__(self, command: List[str], env: Dict[str, str]):
        self.process = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, env=env)
        self.inbox: queue.Queue[Dict[str, Any]] = queue.Queue()
        self.log: List[Dict[str, Any]] = []
        self.next_id = 0
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        stream = self.process.stdout
        assert stream is not None
        while True:
            length = None
            while True:
                line = stream.readline()
                if not line:
                    return
                if line in (b"\r\n", b"\n"):
                    break
                name, _, value = line.decode("ascii").partition(":")
                if name.lower() == "content-length":
                    length = int(value)
            assert length is not None
            self.inbox.put(json.loads(stream.read(length)))

    def send(self, message: Dict[str, Any]) -> None:
        message = {"jsonrpc": "2.0", **message}
        self.log.append({"direction": "client->server", "message": message})
        body = json.dumps(message).encode("utf-8")
        assert self.process.stdin is not None
        self.process.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.process.stdin.flush()

    def notify(self, method: str, params: Any) -> None:
        self.send({"method": method, "params": params})

    def request(self, method: str, params: Any) -> Any:
        self.next_id += 1
        ident = self.next_id
        self.send({"id": ident, "method": method, "params": params})
        reply = self.wait(lambda m: m.get("id") == ident and "method" not in m)
        if "error" in reply:
            raise RuntimeError(reply["error"])
        return reply.get("result")

    def wait(self, match, timeout: float = 600.0) -> Dict[str, Any]:
        deadline = time.monotonic() + timeout
        while True:
            message = self.inbox.get(timeout=max(deadline - time.monotonic(), 0.001))
            self.log.append({"direction": "server->client", "message": message})
            if match(message):
                return message

    def diagnostics(self, uri: str, version: int) -> Dict[str, Any]:
        return self.wait(
            lambda m: m.get("method") == "textDocument/publishDiagnostics"
            and m["params"]["uri"] == uri
            and m["params"].get("version") == version
        )

    def close(self) -> None:
        self.request("shutdown", None)
        self.notify("exit", None)
        self.process.wait(timeout=60)


def start(root: Path) -> Wire:
    env = {**os.environ, "PYTHONPATH": str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", "")}
    wire = Wire([sys.executable, "-m", "tf2lint", "server"], env)
    wire.request(
        "initialize",
        {
            "processId": os.getpid(),
            "rootUri": root.as_uri(),
            "capabilities": {"textDocument": {"codeAction": {"codeActionLiteralSupport": {"codeActionKind": {"valueSet": [
                "quickfix", "source.fixAll"]}}}}},
            "initializationOptions": {"debounceMs": 0},
        },
    )
    wire.notify("initialized", {})
    return wire


def open_document(wire: Wire, uri: str, text: str) -> None:
    wire.notify("textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": "python", "version": 1, "text": text}})


def largest(corpus: Path) -> Path:
    return max(corpus.rglob("*.py"), key=lambda p: p.stat().st_size)


def measure(path: Path, repeat: int) -> None:
    import gc

    from tf2lint.config import Config
    from tf2lint.engine import lint_source
    from tf2lint.gc_tuning import LINT_GC_THRESHOLDS as GC_THRESHOLDS

    text = path.read_text(encoding="utf-8")
    lines = text.count("\n")
    print(f"file: {path} ({len(text.encode()) / 1024:.0f} KiB, {lines} lines)")
    config = Config()
    defaults = gc.get_threshold()

    def direct(thresholds) -> float:
        gc.set_threshold(*thresholds)
        try:
            began = time.perf_counter()
            lint_source(text, str(path), config)
            return time.perf_counter() - began
        finally:
            gc.set_threshold(*defaults)

    wire = start(path.parent)
    opened: List[float] = []
    changed: List[float] = []
    plain: List[float] = []
    tuned: List[float] = []
    count = 0
    try:
        # The measurements take turns within each round: a shared machine's load hits them alike.
        for round_ in range(repeat + 1):
            uri = path.with_name(f"{path.stem}__{round_}{path.suffix}").as_uri()
            began = time.perf_counter()
            open_document(wire, uri, text)
            count = len(wire.diagnostics(uri, 1)["params"]["diagnostics"])
            opened.append(time.perf_counter() - began)
            plain.append(direct(defaults))
            began = time.perf_counter()
            wire.notify(
                "textDocument/didChange",
                {
                    "textDocument": {"uri": uri, "version": 2},
                    "contentChanges": [{"range": {"start": {"line": 0, "character": 0}, "end": {"line": 0, "character": 0}},
                                        "text": "# edited\n"}],
                },
            )
            wire.diagnostics(uri, 2)
            changed.append(time.perf_counter() - began)
            tuned.append(direct(GC_THRESHOLDS))
            wire.notify("textDocument/didClose", {"textDocument": {"uri": uri}})
    finally:
        wire.close()

    def row(name: str, values: List[float]) -> str:
        return f"{name:44s} median {statistics.median(values):6.3f} s   min {min(values):6.3f} s   max {max(values):6.3f} s"

    print(f"diagnostics per lint: {count}; rounds: {repeat} (after one warm-up round)")
    print(f"{'first didOpen, right after initialized':44s} {opened[0]:6.3f} s")
    print(row("server: didOpen -> publishDiagnostics", opened[1:]))
    print(row("server: didChange -> publishDiagnostics", changed[1:]))
    print(row("lint_source in process (default gc)", plain[1:]))
    print(row("lint_source in process (server's gc)", tuned[1:]))
    ratios = [o / p for o, p in zip(opened[1:], plain[1:])]
    print(f"server didOpen / lint_source (default gc), median of per-round ratios: {statistics.median(ratios):.2f}")


def transcript(target: Path, workdir: Path) -> None:
    """One code action round trip, message by message."""
    path = workdir / "train.py"
    path.write_text(CODE_ACTION_SAMPLE, encoding="utf-8")
    wire = start(workdir)
    try:
        wire.log.clear()
        uri = path.as_uri()
        open_document(wire, uri, CODE_ACTION_SAMPLE)
        wire.diagnostics(uri, 1)
        cursor = {"line": 3, "character": 5}
        actions = wire.request(
            "textDocument/codeAction",
            {"textDocument": {"uri": uri}, "range": {"start": cursor, "end": cursor}, "context": {"diagnostics": []}},
        )
        # The editor applies the first (preferred) quick fix and sends the new text.
        edits = actions[0]["edit"]["documentChanges"][0]["edits"]
        wire.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": 2},
                                               "contentChanges": [{"text": _apply(CODE_ACTION_SAMPLE, edits)}]})
        wire.diagnostics(uri, 2)
        log = list(wire.log)
    finally:
        wire.close()
    target.write_text(json.dumps(log, indent=2) + "\n", encoding="utf-8")
    print(f"transcript: {len(log)} messages written to {target}")


def _apply(text: str, edits: List[Dict[str, Any]]) -> str:
    """LSP text edits applied to an ASCII text, last first."""
    starts = [0]
    for line in text.splitlines(keepends=True):
        starts.append(starts[-1] + len(line))

    def offset(pos: Dict[str, int]) -> int:
        return starts[pos["line"]] + pos["character"]

    for edit in sorted(edits, key=lambda e: (e["range"]["start"]["line"], e["range"]["start"]["character"]), reverse=True):
        text = text[: offset(edit["range"]["start"])] + edit["newText"] + text[offset(edit["range"]["end"]) :]
    return text


def main(argv: Optional[List[str]] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--file", type=Path, help="the file to open (default: the corpus's largest .py file)")
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--repeat", type=int, default=5, help="measured rounds (0: only write the transcript)")
    parser.add_argument("--transcript", type=Path, help="write a code action round trip's JSON-RPC messages here")
    args = parser.parse_args(argv)
    if args.transcript:
        import tempfile

        with tempfile.TemporaryDirectory() as workdir:
            transcript(args.transcript, Path(workdir))
    if args.repeat > 0:
        measure(args.file or largest(args.corpus), args.repeat)
    return 0


if __name__ == "__main__":
    sys.exit(main())
