"""Run sample pairs in two TensorFlow subprocesses and judge the results.

All TF1 sides go to one `tf1` worker and all TF2 sides to one `tf2` worker, started together
so their TensorFlow imports overlap. Results come back as .npz files in a temporary
directory; this module never imports TensorFlow itself.
"""

from __future__ import annotations

import importlib.util
import json
import os
import queue
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from typing import IO, Any, Callable, Dict, List, Mapping, Optional, Sequence, Tuple

import tf2lint
from tf2lint.verify.compare import FAILED, SKIPPED, Verdict, judge
from tf2lint.verify.environment import version_tuple
from tf2lint.verify.pairs import Pair
from tf2lint.verify.progress import Progress

WORKER_ENV = {
    "TF_CPP_MIN_LOG_LEVEL": "2",
    # The same kernels in graph and eager mode, and no GPU: numbers must not depend on the machine.
    # (TF_DETERMINISTIC_OPS stays off: it makes every unseeded dataset op raise.)
    "TF_ENABLE_ONEDNN_OPTS": "0",
    "CUDA_VISIBLE_DEVICES": "-1",
    "PYTHONHASHSEED": "0",
    "PYTHONUNBUFFERED": "1",
}


@dataclass
class Result:
    """The verdict on one pair under one TensorFlow."""

    pair: Pair
    verdict: str
    tf_version: str
    max_abs_diff: Optional[float]
    detail: str
    seconds: float = 0.0
    tracebacks: Dict[str, str] = field(default_factory=dict)

    def as_json(self) -> Dict[str, Any]:
        return {
            "code": self.pair.code,
            "codes": list(self.pair.codes),
            "pair": self.pair.name,
            "verdict": self.verdict,
            "tf_version": self.tf_version,
            "max_abs_diff": self.max_abs_diff,
            "detail": self.detail,
            "outputs": self.pair.outputs,
            "seconds": round(self.seconds, 3),
        }


@dataclass
class Job:
    pair: Pair
    side: str
    out: str
    workdir: str

    @property
    def id(self) -> str:
        return f"{self.pair.name}/{self.side}"

    @property
    def mode(self) -> str:
        return "tf1" if self.side == "tf1" else "tf2"

    def message(self) -> str:
        return json.dumps(
            {
                "id": self.id,
                "pair": self.pair.name,
                "module": self.pair.module,
                "path": self.pair.path,
                "side": self.side,
                "workdir": self.workdir,
                "out": self.out,
            }
        )


class Worker:
    """One `python -m tf2lint.verify.worker MODE` process; its events land on a shared queue."""

    def __init__(self, mode: str, tmp: str, events: queue.Queue[Tuple[str, Optional[Dict[str, Any]]]]):
        self.mode = mode
        self.stderr_path = os.path.join(tmp, f"{mode}.stderr")
        self._stderr = open(self.stderr_path, "w", encoding="utf-8")
        env = dict(os.environ)
        env.update(WORKER_ENV)
        root = os.path.dirname(os.path.dirname(os.path.abspath(tf2lint.__file__)))
        env["PYTHONPATH"] = root + (os.pathsep + env["PYTHONPATH"] if env.get("PYTHONPATH") else "")
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "tf2lint.verify.worker", mode],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=self._stderr,
            cwd=tmp,
            env=env,
            text=True,
            encoding="utf-8",
        )
        self.stdin: Optional[IO[str]] = self.proc.stdin
        self._thread = threading.Thread(target=self._read, args=(events,), daemon=True)
        self._thread.start()

    def _read(self, events: queue.Queue[Tuple[str, Optional[Dict[str, Any]]]]) -> None:
        assert self.proc.stdout is not None
        for line in self.proc.stdout:
            try:
                events.put((self.mode, json.loads(line)))
            except json.JSONDecodeError:
                continue
        events.put((self.mode, None))

    def send(self, job: Job) -> None:
        if self.stdin is not None:
            try:
                self.stdin.write(job.message() + "\n")
                self.stdin.flush()
            except OSError:
                pass  # the worker is gone; its end of output reports the job as failed

    def close_input(self) -> None:
        if self.stdin is not None:
            try:
                self.stdin.close()
            except OSError:
                pass
            self.stdin = None

    def stderr_tail(self, lines: int = 6) -> str:
        self._stderr.flush()
        try:
            with open(self.stderr_path, encoding="utf-8", errors="replace") as handle:
                tail = [line.rstrip() for line in handle.readlines() if line.strip()][-lines:]
        except OSError:
            return ""
        return " | ".join(tail)

    def stop(self) -> int:
        self.close_input()
        try:
            code = self.proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            code = self.proc.wait()
        self._stderr.close()
        return code

    def kill(self) -> None:
        if self.proc.poll() is None:
            self.proc.kill()


def has_module(name: str) -> bool:
    """Whether `import name` would find the module (found without importing it)."""
    try:
        return importlib.util.find_spec(name) is not None
    except (ImportError, ValueError):
        return False


def _plan(pairs: Sequence[Pair], tmp: str, tf_version: str) -> Tuple[List[Result], List[Job], Dict[str, List[Job]]]:
    """Skipped results, jobs to send now, and TF2 jobs waiting for their TF1 side (by pair name)."""
    skipped: List[Result] = []
    now: List[Job] = []
    waiting: Dict[str, List[Job]] = {}
    for pair in pairs:
        reason = pair.skip_reason(version_tuple(tf_version), has_module)
        if reason:
            skipped.append(Result(pair, SKIPPED, tf_version, None, reason))
            continue
        workdir = os.path.join(tmp, "pairs", pair.name)
        for side in pair.sides():
            job = Job(pair, side, os.path.join(tmp, "outputs", f"{pair.name}.{side}.npz"), workdir)
            if job.mode == "tf2" and pair.tf2_reads_tf1:
                waiting.setdefault(pair.name, []).append(job)
            else:
                now.append(job)
    # TF1 sides that others wait for go first, so the TF2 worker is not left idle.
    now.sort(key=lambda j: (j.mode, j.pair.name not in waiting))
    return skipped, now, waiting


def run(
    pairs: Sequence[Pair],
    tf_version: str,
    *,
    progress: Optional[Progress] = None,
    timeout: float = 900.0,
    on_ready: Optional[Callable[[Dict[str, Any]], None]] = None,
) -> List[Result]:
    """Run every applicable pair under the TensorFlow of this interpreter; results in the pairs' order."""
    import numpy as np

    start = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="tf2lint-verify-") as tmp:
        os.makedirs(os.path.join(tmp, "outputs"))
        skipped, now, waiting = _plan(pairs, tmp, tf_version)
        total = len(now) + sum(len(jobs) for jobs in waiting.values())
        if progress is not None:
            progress.start(total)
        events: queue.Queue[Tuple[str, Optional[Dict[str, Any]]]] = queue.Queue()
        modes = sorted({job.mode for job in now} | ({"tf2"} if waiting else set()))
        workers = {mode: Worker(mode, tmp, events) for mode in modes}
        jobs: Dict[str, Job] = {}
        pending: Dict[str, Job] = {}  # sent, no result yet
        done: Dict[str, Dict[str, Any]] = {}

        def send(job: Job) -> None:
            jobs[job.id] = job
            pending[job.id] = job
            workers[job.mode].send(job)

        def settle_inputs() -> None:
            for mode, worker in workers.items():
                if mode == "tf1" or not waiting:
                    worker.close_input()

        for job in now:
            send(job)
        settle_inputs()
        open_workers = set(workers)
        deadline = start + timeout
        while pending or waiting:
            remaining = deadline - time.perf_counter()
            if remaining <= 0:
                for job_id in list(pending):
                    done[job_id] = {"ok": False, "error": f"timed out after {timeout:.0f} s"}
                    del pending[job_id]
                for name in list(waiting):
                    for job in waiting.pop(name):
                        done[job.id] = {"ok": False, "error": f"timed out after {timeout:.0f} s"}
                for worker in workers.values():
                    worker.kill()
                break
            try:
                mode, event = events.get(timeout=min(remaining, 1.0))
            except queue.Empty:
                continue
            if event is None:  # the worker's output ended
                open_workers.discard(mode)
                code = workers[mode].proc.wait()
                reason = f"{mode} worker exited with code {code}: {workers[mode].stderr_tail()}"
                for job_id, job in list(pending.items()):
                    if job.mode == mode:
                        done[job_id] = {"ok": False, "error": reason}
                        del pending[job_id]
                # TF2 sides still waiting can no longer run: their TF1 side or their worker is gone.
                for name in list(waiting):
                    for job in waiting.pop(name):
                        done[job.id] = {"ok": False, "error": reason if mode == "tf2" else "not run: the TF1 side did not finish"}
                settle_inputs()
                continue
            if event.get("event") == "ready":
                if on_ready is not None:
                    on_ready(event)
                continue
            job_id = event.get("id", "")
            if job_id not in pending:
                continue
            job = pending.pop(job_id)
            done[job_id] = event
            if progress is not None:
                progress.advance(job_id)
            if job.side == "tf1" and job.pair.name in waiting:
                followers = waiting.pop(job.pair.name)
                for follower in followers:
                    if event.get("ok") and "tf2" in open_workers:
                        send(follower)
                    else:
                        done[follower.id] = {"ok": False, "error": "not run: the TF1 side did not finish"}
                settle_inputs()
        for worker in workers.values():
            worker.stop()
        if progress is not None:
            progress.finish()

        results: Dict[str, Result] = {r.pair.name: r for r in skipped}
        by_pair: Dict[str, Dict[str, Dict[str, Any]]] = {}
        for job_id, event in done.items():
            name, side = job_id.rsplit("/", 1)
            by_pair.setdefault(name, {})[side] = event
        for pair in pairs:
            if pair.name in results:
                continue
            events_for = by_pair.get(pair.name, {})
            outputs: Dict[str, Mapping[str, Any]] = {}
            errors: Dict[str, str] = {}
            tracebacks: Dict[str, str] = {}
            for side in pair.sides():
                event = events_for.get(side, {"ok": False, "error": "not run"})
                if event.get("ok"):
                    with np.load(os.path.join(tmp, "outputs", f"{pair.name}.{side}.npz")) as data:
                        outputs[side] = {key: data[key] for key in data.files}
                else:
                    errors[side] = str(event.get("error", "unknown error"))
                    if event.get("traceback"):
                        tracebacks[side] = event["traceback"]
            verdict: Verdict = judge(pair, outputs, errors)
            seconds = sum(float(e.get("seconds", 0.0)) for e in events_for.values())
            results[pair.name] = Result(
                pair, verdict.verdict, tf_version, verdict.max_abs_diff, verdict.detail, seconds, tracebacks
            )
    return [results[p.name] for p in pairs]


def any_failed(results: Sequence[Result]) -> bool:
    return any(r.verdict == FAILED for r in results)
