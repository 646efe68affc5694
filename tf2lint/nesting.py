"""One finding per thing to change: drop findings another finding's advice already covers.

A finding nested in another finding's span is redundant when the outer one's change rewrites
it too:

- a *reference* (a name that is not called: `tf.AUTO_REUSE`, `tf.logging.INFO`,
  `tf.GraphKeys.UPDATE_OPS`, `slim.conv2d` listed in `slim.arg_scope([...])`) inside a
  finding of the same family: the outer construct's advice replaces its arguments;
- a finding inside a finding of a rule that names its code in ``absorbs``
  (`tf.variable_scope(tf.get_variable_scope())`, `tf.ConfigProto(gpu_options=tf.GPUOptions())`,
  `sess.run(tf.global_variables_initializer())`: delete the statement);
- a finding inside a finding of the same code whose fix already makes every edit of the inner
  one, at the same or a safer level (`tf.log(tf.to_float(x))`: the rename of `tf.log` is
  rendered with its arguments' TF1 names converted, so it shows and writes
  `tf.math.log(tf.cast(x, tf.float32))` in one finding). A safe inner fix under an unsafe outer
  one stays a finding of its own: `--fix` without `--unsafe-fixes` still makes it.

A nested finding whose fix the outer finding's fix does not cover is kept, unless both fixes
can be applied together: its edits then join the outer fix (`tf.logging.set_verbosity(tf.logging.INFO)`
is one finding whose fix rewrites both names), so no edit is lost.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import replace
from typing import Dict, FrozenSet, List, Optional, Set, Tuple

from tf2lint.finding import Applicability, Finding, Fix, Position


def _covers(outer: Finding, inner: Finding) -> bool:
    """Whether the outer finding's change takes the inner one's with it."""
    if inner.fix is None:
        return True
    if outer.fix is None:
        return False
    spans = [(e.start, e.end) for e in outer.fix.edits]
    return all(any(_pos(s) <= _pos(e.start) and _pos(e.end) <= _pos(t) for s, t in spans) for e in inner.fix.edits)


_RANK = {Applicability.SAFE.value: 2, Applicability.UNSAFE.value: 1}


def _includes(outer: Finding, inner: Finding) -> bool:
    """Whether the outer finding's fix makes each edit of the inner one's, at least as safely
    (so its replacement, rendered from the same edits, shows the inner change too)."""
    if outer.fix is None or inner.fix is None or not (outer.fix.applicable and inner.fix.applicable):
        return False
    if _RANK.get(outer.fix.applicability, 0) < _RANK.get(inner.fix.applicability, 0):
        return False
    edits = set(outer.fix.edits)
    return all(e in edits for e in inner.fix.edits)


def _pos(p: Position) -> Tuple[int, int]:
    return (p.row, p.col)


def _joined(outer: Fix, inner: Fix) -> Optional[Fix]:
    """``outer`` extended with ``inner``'s edits when both apply and no edits overlap, else None."""
    if not (outer.applicable and inner.applicable):
        return None
    taken = [(_pos(e.start), _pos(e.end)) for e in outer.edits]
    extra = [e for e in inner.edits if e not in outer.edits]
    for e in extra:
        start, end = _pos(e.start), _pos(e.end)
        if any(s < end and start < t or (start == end and s < start < t) for s, t in taken):
            return None
    unsafe = Applicability.UNSAFE.value in (outer.applicability, inner.applicability)
    return replace(outer, edits=outer.edits + tuple(extra), applicability=Applicability.UNSAFE.value if unsafe else outer.applicability)


def drop_nested(
    findings: List[Finding], references: Set[int], absorbs: Dict[str, FrozenSet[str]], covering: Dict[int, FrozenSet[str]]
) -> List[Finding]:
    """``findings`` (those shown) without the redundant nested ones.

    ``references``: ids of reference findings; ``absorbs``: code -> the codes whose nested
    findings every finding of that rule covers; ``covering``: the same for single findings
    (id of the finding -> codes), where a rule's advice covers the inner ones only there."""
    if len(findings) < 2:
        return findings
    absorbed = frozenset().union(*absorbs.values(), *covering.values())
    fixed_codes: Dict[str, int] = {}
    for f in findings:
        if f.fix is not None:
            fixed_codes[f.code] = fixed_codes.get(f.code, 0) + 1
    candidates = [
        f for f in findings
        if id(f) in references or f.code in absorbed or (f.fix is not None and fixed_codes[f.code] > 1)
    ]
    if not candidates:
        return findings
    dropped: Set[int] = set()
    joined: Dict[int, Fix] = {}  # id of an outer finding -> its fix with the edits of the findings it took in
    spans = [(_pos(f.start), _pos(f.end)) for f in findings]
    starts = [start for start, _ in spans]
    in_order = all(a <= b for a, b in zip(starts, starts[1:]))  # the engine's order: by position
    for inner in candidates:
        is_reference = id(inner) in references
        inner_start, inner_end = _pos(inner.start), _pos(inner.end)
        # Only a finding starting at or before the inner one can contain it.
        limit = bisect_right(starts, inner_start) if in_order else len(findings)
        for index in range(limit):
            outer_start, outer_end = spans[index]
            if outer_end < inner_end or outer_start > inner_start or (outer_start, outer_end) == (inner_start, inner_end):
                continue  # not strictly around the inner finding
            outer = findings[index]
            if id(outer) in dropped or outer.code[:3] == "TF0":
                continue
            same = outer.code == inner.code and _includes(outer, inner)
            related = (
                same
                or (is_reference and outer.code[2] == inner.code[2])
                or inner.code in absorbs.get(outer.code, ())
                or inner.code in covering.get(id(outer), ())
            )
            if not related:
                continue
            if _covers(outer, inner):
                dropped.add(id(inner))
                break
            fix = joined.get(id(outer), outer.fix)
            merged = _joined(fix, inner.fix) if fix is not None and inner.fix is not None else None
            if merged is not None:
                joined[id(outer)] = merged
                dropped.add(id(inner))
                break
    if not dropped:
        return findings
    return [replace(f, fix=joined[id(f)]) if id(f) in joined else f for f in findings if id(f) not in dropped]
