"""One finding per thing to change: drop findings another finding's advice already covers.

A finding nested in another finding's span is redundant when the outer one's change rewrites
it too:

- a *reference* (a name that is not called: `tf.AUTO_REUSE`, `tf.logging.INFO`,
  `tf.GraphKeys.UPDATE_OPS`, `slim.conv2d` listed in `slim.arg_scope([...])`) inside a
  finding of the same family: the outer construct's advice replaces its arguments;
- a finding inside a finding of a rule that names its code in ``absorbs``
  (`tf.variable_scope(tf.get_variable_scope())`, `tf.ConfigProto(gpu_options=tf.GPUOptions())`,
  `sess.run(tf.global_variables_initializer())`: delete the statement).

A nested finding whose fix the outer finding's fix does not cover is kept: dropping it would
lose an edit.
"""

from __future__ import annotations

from typing import Dict, FrozenSet, List, Set, Tuple

from tf2lint.finding import Finding, Position


def _inside(inner: Finding, outer: Finding) -> bool:
    return (outer.start.row, outer.start.col) <= (inner.start.row, inner.start.col) and (
        inner.end.row, inner.end.col
    ) <= (outer.end.row, outer.end.col)


def _covers(outer: Finding, inner: Finding) -> bool:
    """Whether the outer finding's change takes the inner one's with it."""
    if inner.fix is None:
        return True
    if outer.fix is None:
        return False
    spans = [(e.start, e.end) for e in outer.fix.edits]
    return all(any(_pos(s) <= _pos(e.start) and _pos(e.end) <= _pos(t) for s, t in spans) for e in inner.fix.edits)


def _pos(p: Position) -> Tuple[int, int]:
    return (p.row, p.col)


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
    candidates = [f for f in findings if id(f) in references or f.code in absorbed]
    if not candidates:
        return findings
    dropped: Set[int] = set()
    for inner in candidates:
        is_reference = id(inner) in references
        for outer in findings:
            if outer is inner or id(outer) in dropped or outer.code[:3] == "TF0":
                continue
            related = (
                (is_reference and outer.code[2] == inner.code[2])
                or inner.code in absorbs.get(outer.code, ())
                or inner.code in covering.get(id(outer), ())
            )
            if related and _inside(inner, outer) and (inner.start, inner.end) != (outer.start, outer.end) and _covers(outer, inner):
                dropped.add(id(inner))
                break
    if not dropped:
        return findings
    return [f for f in findings if id(f) not in dropped]
