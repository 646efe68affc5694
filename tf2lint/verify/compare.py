"""Compare the outputs of two sides and turn them into a verdict (NumPy only, no TensorFlow)."""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any, Dict, Mapping, Optional

from tf2lint.verify.pairs import Pair

CONFIRMED = "confirmed"
DOCUMENTED = "documented-difference"
IDENTITY = "identity"  # the sides agree, but they run the same implementation: no confirmation
SKIPPED = "skipped"
FAILED = "failed"
VERDICTS = (CONFIRMED, DOCUMENTED, IDENTITY, SKIPPED, FAILED)

CONTRIB_NOTE = "closed-form check (no TensorFlow on a supported Python can import tf.contrib)"


@dataclass(frozen=True)
class Comparison:
    """How far one side's outputs are from the baseline's."""

    max_abs_diff: Optional[float]  # None when nothing numeric could be compared
    within: bool
    worst: str = ""  # the output holding the largest difference
    problem: str = ""  # a structural mismatch (names, shapes, strings); implies not within


def _numeric(array: Any) -> bool:
    return array.dtype.kind in "biufc"


def compare(baseline: Mapping[str, Any], other: Mapping[str, Any], atol: float, rtol: float) -> Comparison:
    """Elementwise |other - baseline| <= atol + rtol * |baseline| over every named output."""
    import numpy as np

    missing = sorted(set(baseline) - set(other))
    extra = sorted(set(other) - set(baseline))
    if missing or extra:
        parts = []
        if missing:
            parts.append(f"missing {', '.join(missing)}")
        if extra:
            parts.append(f"unexpected {', '.join(extra)}")
        return Comparison(None, False, problem="outputs differ: " + "; ".join(parts))
    if not baseline:
        return Comparison(None, False, problem="no outputs")
    worst_diff, worst, within = 0.0, "", True
    for key in sorted(baseline):
        a, b = np.asarray(baseline[key]), np.asarray(other[key])
        if a.shape != b.shape:
            return Comparison(None, False, problem=f"{key}: shape {a.shape} vs {b.shape}")
        if a.size == 0:
            return Comparison(None, False, problem=f"{key}: empty output (nothing to compare)")
        if not (_numeric(a) and _numeric(b)):
            if a.dtype.kind == "S" and b.dtype.kind == "U":
                b = np.char.encode(b, "utf-8")
            elif a.dtype.kind == "U" and b.dtype.kind == "S":
                a = np.char.encode(a, "utf-8")
            if _numeric(a) != _numeric(b) or not np.array_equal(a, b):
                return Comparison(None, False, problem=f"{key}: values differ")
            continue
        fa, fb = a.astype(np.float64), b.astype(np.float64)
        both_nan = np.isnan(fa) & np.isnan(fb)
        diff = np.where(both_nan, 0.0, np.abs(fa - fb))
        diff = np.where(np.isnan(diff), np.inf, diff)
        if diff.size:
            key_max = float(diff.max())
            if key_max > worst_diff or not worst:
                worst_diff, worst = key_max, key
            if not bool(np.all(diff <= atol + rtol * np.abs(np.where(np.isnan(fa), 0.0, fa)))):
                within = False
    return Comparison(worst_diff if worst else 0.0, within, worst)


def fmt(value: Optional[float]) -> str:
    if value is None:
        return "-"
    if math.isinf(value):
        return "inf"
    if value == 0:
        return "0"
    return f"{value:.2g}" if 1e-3 <= abs(value) < 1e4 else f"{value:.1e}"


def tolerance_text(pair: Pair) -> str:
    text = f"atol {pair.atol:g}"
    return text + (f", rtol {pair.rtol:g}" if pair.rtol else "")


@dataclass(frozen=True)
class Verdict:
    verdict: str
    max_abs_diff: Optional[float]
    detail: str


def judge(pair: Pair, outputs: Dict[str, Mapping[str, Any]], errors: Dict[str, str]) -> Verdict:
    """The verdict for one pair from its sides' outputs (or errors: "raised ...", "did not finish: ..."), keyed by side."""
    for side in pair.sides():
        if side in errors:
            label = {"tf1": "TF1 side" if pair.tf1 is not None else "closed-form reference", "tf2": "TF2 side"}.get(
                side, "explaining TF2 variant"
            )
            return Verdict(FAILED, None, f"{label} {errors[side]}")
    prefix = ""
    if pair.reference is not None:
        prefix = CONTRIB_NOTE + (f": {pair.reference_note}" if pair.reference_note else "") + "; "
    main = compare(outputs["tf1"], outputs["tf2"], pair.atol, pair.rtol)
    if main.problem:
        return Verdict(FAILED, main.max_abs_diff, prefix + main.problem)
    where = f" (in {main.worst})" if main.worst else ""
    if pair.difference is None:
        identity = pair.identity or ("no TF1 run to compare with" if pair.reference is not None else "")
        if main.within and identity:
            return Verdict(
                IDENTITY,
                main.max_abs_diff,
                f"{prefix}identity ({identity}): agree within {tolerance_text(pair)} ({pair.outputs}); "
                "this checks the rewritten call, not the numerics",
            )
        if main.within:
            return Verdict(CONFIRMED, main.max_abs_diff, f"{prefix}agree within {tolerance_text(pair)} ({pair.outputs})")
        return Verdict(
            FAILED, main.max_abs_diff, f"{prefix}max abs diff {fmt(main.max_abs_diff)}{where} exceeds {tolerance_text(pair)}"
        )
    diff = pair.difference
    explained = compare(outputs["tf1"], outputs["explained"], pair.atol, pair.rtol)
    if main.within:
        return Verdict(
            FAILED,
            main.max_abs_diff,
            f"expected the documented difference ({diff.kind}) but the sides agree within {tolerance_text(pair)}: "
            "the rule's note is out of date",
        )
    if explained.problem or not explained.within:
        return Verdict(
            FAILED,
            main.max_abs_diff,
            f"differs by {fmt(main.max_abs_diff)}{where}, and the TF2 variant adjusted for the documented difference "
            f"({diff.kind}) still differs by {explained.problem or fmt(explained.max_abs_diff)}: not the documented difference",
        )
    return Verdict(
        DOCUMENTED,
        main.max_abs_diff,
        f"{prefix}{diff.kind}: {diff.description}; measured {fmt(main.max_abs_diff)}{where}, "
        f"and with the difference undone the sides agree within {fmt(explained.max_abs_diff)} ({pair.outputs})",
    )
