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
import tempfile
import time
from dataclasses import dataclass, field
from typing import Any, Callable, Dict, List, Mapping, Optional, Sequence, Tuple

from tf2lint.verify import containment
from tf2lint.verify.compare import FAILED, SKIPPED, Verdict, judge
from tf2lint.verify.environment import version_tuple
from tf2lint.verify.pairs import Pair
from tf2lint.verify.processes import Event, Worker
from tf2lint.verify.progress import Progress

STARTUP_TIMEOUT = 600.0  # importing TensorFlow on a loaded machine; a side's own limit starts after
RUN_TIMEOUT = 6 * 3600.0  # a last resort: each side has its own limit
OnReady = Optional[Callable[[Dict[str, Any]], None]]  # called with each worker's start-up message

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
            "tf2_source": self.pair.tf2_source(version_tuple(self.tf_version)),
            "kind": self.pair.kind,
            "steps": self.pair.steps,
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
        return "tf1" if self.side == "tf1" and not self.pair.tf1_eager else "tf2"

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


def in_ci() -> bool:
    return os.environ.get("CI", "").lower() in ("true", "1", "yes")


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
            # A version bound is a fact about TensorFlow; a missing package is this environment's
            # gap, which CI must not pass over.
            version_bound = pair.max_tf is not None and version_tuple(tf_version) > pair.max_tf
            fail = in_ci() and not version_bound
            verdict, detail = (FAILED, f"{reason}: in CI a missing requirement fails the run") if fail else (SKIPPED, reason)
            skipped.append(Result(pair, verdict, tf_version, None, detail))
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


class _Scheduler:
    """Feeds jobs to the workers and collects one result event per job.

    TF1 sides are all sent at once. A TF2 side that reads its TF1 side's files waits until
    that side reports; a worker's stdin closes once nothing more can be sent to it.
    """

    def __init__(
        self,
        workers: Dict[str, Worker],
        waiting: Dict[str, List[Job]],
        events: queue.Queue[Event],
        restart: Optional[Callable[[str], Worker]] = None,
    ):
        self.workers = workers
        self.waiting = waiting
        self.events = events
        self.open = set(workers)
        self.pending: Dict[str, Job] = {}
        self.done: Dict[str, Dict[str, Any]] = {}
        # Per worker, when its current side started (a worker runs its jobs one at a time, in
        # the order sent); None until TensorFlow is imported.
        self.clock: Dict[str, Optional[float]] = {mode: None for mode in workers}
        self.spawned = {mode: time.perf_counter() for mode in workers}
        self.restart = restart  # a fresh worker for the sides queued behind one that timed out
        self.stale: Dict[str, int] = {mode: 0 for mode in workers}  # end events still due from killed workers

    def send(self, job: Job) -> None:
        self.pending[job.id] = job
        self.workers[job.mode].send(job.message())

    def close_finished_inputs(self) -> None:
        for mode, worker in self.workers.items():
            if mode == "tf1" or not self.waiting:
                worker.close_input()

    def fail(self, jobs: List[Job], error: str) -> None:
        for job in jobs:
            self.pending.pop(job.id, None)
            self.done[job.id] = {"ok": False, "error": error, "not_run": True}

    def worker_ended(self, mode: str) -> None:
        self.open.discard(mode)
        worker = self.workers[mode]
        reason = f"{mode} worker exited with code {worker.proc.wait()}: {worker.stderr_tail()}"
        self.fail([job for job in self.pending.values() if job.mode == mode], reason)
        # TF2 sides still waiting can no longer run: their TF1 side or their worker is gone.
        for name in list(self.waiting):
            self.fail(self.waiting.pop(name), reason if mode == "tf2" else "its TF1 side did not finish")
        self.close_finished_inputs()

    def result(self, event: Dict[str, Any]) -> Optional[Job]:
        job = self.pending.pop(event.get("id", ""), None)
        if job is None:
            return None
        self.clock[job.mode] = time.perf_counter()
        self.done[job.id] = event
        followers = self.waiting.pop(job.pair.name, []) if job.side == "tf1" else []
        for follower in followers:
            if event.get("ok") and "tf2" in self.open:
                self.send(follower)
            else:
                self.fail([follower], "its TF1 side did not finish")
        if followers:
            self.close_finished_inputs()
        return job

    def check_sides(self, side_timeout: float) -> None:
        """Stop a worker whose current side has run longer than the limit (its whole process group)."""
        now = time.perf_counter()
        for mode, worker in self.workers.items():
            running = [job for job in self.pending.values() if job.mode == mode]
            if not running or mode not in self.open:
                continue
            started = self.clock[mode]
            limit = side_timeout if started is not None else max(side_timeout, STARTUP_TIMEOUT)
            if now - (started if started is not None else self.spawned[mode]) <= limit:
                continue
            head, rest = running[0], running[1:]
            what = "timed out" if started is not None else "TensorFlow import timed out"
            self.fail([head], f"{what} after {limit:.0f} s")
            worker.kill()
            if not rest or self.restart is None or started is None:
                self.fail(rest, f"not run: the {mode} worker was stopped when {head.id} {what}")
                continue
            # The sides queued behind it run in a fresh worker.
            self.stale[mode] += 1
            self.workers[mode] = self.restart(mode)
            self.clock[mode], self.spawned[mode] = None, now
            for job in rest:
                self.pending.pop(job.id, None)
                self.send(job)
            self.close_finished_inputs()

    def timed_out(self, timeout: float) -> None:
        message = f"timed out after {timeout:.0f} s"
        self.fail(list(self.pending.values()), message)
        for name in list(self.waiting):
            self.fail(self.waiting.pop(name), message)
        for worker in self.workers.values():
            worker.kill()

    def drive(self, now: List[Job], deadline: float, timeout: float, progress: Optional[Progress], on_ready: OnReady) -> None:
        for job in now:
            self.send(job)
        self.close_finished_inputs()
        while self.pending or self.waiting:
            remaining = deadline - time.perf_counter()
            if remaining <= 0:
                self.timed_out(timeout)
                return
            self.check_sides(timeout)
            try:
                mode, event = self.events.get(timeout=min(remaining, 1.0))
            except queue.Empty:
                continue
            if event is None and self.stale.get(mode):
                self.stale[mode] -= 1  # the end of a worker stopped after a timeout
            elif event is None:
                self.worker_ended(mode)
            elif event.get("event") == "ready":
                self.clock[mode] = time.perf_counter()
                if on_ready is not None:
                    on_ready(event)
            else:
                finished = self.result(event)
                if finished is not None and progress is not None:
                    progress.advance(finished.id)


def _judge_pair(pair: Pair, events: Dict[str, Dict[str, Any]], outputs_dir: str, tf_version: str) -> Result:
    import numpy as np

    outputs: Dict[str, Mapping[str, Any]] = {}
    errors: Dict[str, str] = {}
    tracebacks: Dict[str, str] = {}
    for side in pair.sides():
        event = events.get(side, {"ok": False, "error": "never scheduled", "not_run": True})
        if event.get("ok"):
            with np.load(os.path.join(outputs_dir, f"{pair.name}.{side}.npz")) as data:
                outputs[side] = {key: data[key] for key in data.files}
        else:
            error = str(event.get("error", "unknown error"))
            errors[side] = f"did not finish: {error}" if event.get("not_run") else f"raised {error}"
            if event.get("traceback"):
                tracebacks[side] = event["traceback"]
    verdict: Verdict = judge(pair, outputs, errors)
    seconds = sum(float(e.get("seconds", 0.0)) for e in events.values())
    detail = verdict.detail
    if pair.hand and not pair.program:
        detail += f"; TF2 side written by hand: {pair.hand}"
    return Result(pair, verdict.verdict, tf_version, verdict.max_abs_diff, detail, seconds, tracebacks)


def run(
    pairs: Sequence[Pair],
    tf_version: str,
    *,
    progress: Optional[Progress] = None,
    timeout: float = 120.0,
    on_ready: OnReady = None,
) -> List[Result]:
    """Run every applicable pair under the TensorFlow of this interpreter; results in the pairs' order.

    ``timeout`` bounds each side: a side running longer is stopped with its worker's whole
    process group (the worker's other sides are reported as not run).
    """
    deadline = time.perf_counter() + RUN_TIMEOUT
    containment.become_subreaper()
    with tempfile.TemporaryDirectory(prefix="tf2lint-verify-") as tmp:
        outputs_dir = os.path.join(tmp, "outputs")
        os.makedirs(outputs_dir)
        skipped, now, waiting = _plan(pairs, tmp, tf_version)
        if progress is not None:
            progress.start(len(now) + sum(len(jobs) for jobs in waiting.values()))
        events: queue.Queue[Event] = queue.Queue()
        modes = sorted({job.mode for job in now} | ({"tf2"} if waiting else set()))
        workers = {mode: Worker(mode, tmp, events) for mode in modes}
        scheduler = _Scheduler(workers, waiting, events, restart=lambda mode: Worker(mode, tmp, events))
        try:
            scheduler.drive(now, deadline, timeout, progress, on_ready)
            for worker in workers.values():
                worker.stop()
        finally:
            for worker in workers.values():
                worker.kill()  # with its process group: an interrupted run leaves no process behind
            containment.reap_escaped()  # and what escaped the groups (a sample's own session)
            if progress is not None:
                progress.finish()
        by_pair: Dict[str, Dict[str, Dict[str, Any]]] = {}
        for job_id, event in scheduler.done.items():
            name, side = job_id.rsplit("/", 1)
            by_pair.setdefault(name, {})[side] = event
        results = {r.pair.name: r for r in skipped}
        for pair in pairs:
            if pair.name not in results:
                results[pair.name] = _judge_pair(pair, by_pair.get(pair.name, {}), outputs_dir, tf_version)
    return [results[p.name] for p in pairs]


def any_failed(results: Sequence[Result]) -> bool:
    return any(r.verdict == FAILED for r in results)
