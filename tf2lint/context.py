"""Per-file state a rule sees: resolution, source text, the target version, the findings."""

from __future__ import annotations

import ast
from functools import cached_property
from typing import TYPE_CHECKING, Any, Callable, Dict, FrozenSet, Iterable, List, Optional, Set, Tuple

from tf2lint.finding import Edit, Finding, Fix, Position, Severity
from tf2lint.names import VIA_COMPAT_V1, TFRef
from tf2lint.resolver import Resolver, Scope

if TYPE_CHECKING:
    from tf2lint.rules.base import Rule


class Context:
    def __init__(
        self,
        filename: str,
        lines: List[str],
        resolver: Resolver,
        target: Tuple[int, int],
        tree: Optional[ast.Module] = None,
    ):
        self.filename = filename
        self.tree = tree
        self.lines = lines  # source lines without line endings
        self.resolver = resolver
        self.scope: Scope = resolver.module_scope
        self.target_version = target
        self.findings: List[Tuple[int, Finding]] = []  # (priority, finding)
        self.deferred: List[Callable[[], None]] = []
        # Evidence that the module runs TF1 semantics (decides "same name, changed meaning").
        self.runs_tf1 = False
        # The module ran TF1 before fixes renamed its TF1 names (tf2lint/fix/loop.py): the strong
        # evidence "same name, changed meaning" needs (tf2lint/rules/tf9_symbols.py: Evidence).
        self.fixed_tf1 = False
        # A check relied on what the fix loop carried (the TF1 evidence the module no longer has
        # itself, ``fixed_written``): linting the text afresh may give other findings.
        self.carried_decided = False
        self.fixed_written: Tuple[Tuple[Position, Position], ...] = ()  # spans fixes wrote (TF2 code)
        self.claimed: Set[int] = set()  # nodes a call-level rule already reported
        self.call_of: Dict[int, ast.Call] = {}  # id(callee) -> its call: findings on a callee span the call
        # id(call) -> the `=` statement whose whole value it is (`it = ds.make_one_shot_iterator()`),
        # filled by the walk before the call is visited.
        self.assigned: Dict[int, ast.Assign] = {}
        # id(node) -> (node, what it names): several rules resolve every call's callee. Holding
        # the node keeps its id from being reused by another node while the file is linted.
        self._resolved: Dict[int, Tuple[ast.AST, Optional[TFRef]]] = {}
        # ids of findings at a name that is not called (`tf.AUTO_REUSE`): see tf2lint/nesting.py.
        self.reference_findings: Set[int] = set()
        self.covering: Dict[int, FrozenSet[str]] = {}  # id(finding) -> codes it covers inside its span
        # Per-file state of one rule or helper, under a key it owns (a file-wide index built once).
        self.memo: Dict[str, Any] = {}

    @cached_property
    def text(self) -> str:
        """The whole source (for a rule's cheap text check before it walks the tree)."""
        return "\n".join(self.lines)

    def written_by_fix(self, node: ast.AST) -> bool:
        """Whether ``node`` lies in text an earlier pass of ``--fix`` wrote (TF2 spellings)."""
        if not self.fixed_written:
            return False
        start, end = self.node_span(node)
        if any(a <= start and end <= b for a, b in self.fixed_written):
            self.carried_decided = True
            return True
        return False

    def tf1_before_fixes(self) -> bool:
        """Whether the text ran TF1 before an earlier pass of ``--fix`` renamed its TF1 names
        (a check that decides by it relies on what the fix loop carried)."""
        if self.fixed_tf1:
            self.carried_decided = True
        return self.fixed_tf1

    def claim(self, node: ast.AST) -> None:
        """Keep name-level rules quiet on a node a call-level rule has reported."""
        self.claimed.add(id(node))

    # ----- resolution ---------------------------------------------------------------

    def resolve(self, node: ast.AST) -> Optional[TFRef]:
        """The API an expression names, resolved once per node (in the scope the node is first seen from)."""
        known = self._resolved.get(id(node))
        if known is not None:
            return known[1]
        # Only a chain rooted in a name that may be TensorFlow (or in a method's `self`, or in a
        # call's result) can resolve: anything else is nothing, without a lookup.
        root = node
        while type(root) is ast.Attribute:
            root = root.value  # type: ignore[attr-defined]
        if type(root) is ast.Name and root.id not in self.resolver.maybe_tf and root.id != self.scope.self_name:  # type: ignore[attr-defined]
            return None
        ref = self.resolver.resolve(node, self.scope)
        self._resolved[id(node)] = (node, ref)
        if ref is not None and ref.via == VIA_COMPAT_V1:
            self.runs_tf1 = True
        return ref

    def resolve_call(self, node: ast.AST) -> Optional[TFRef]:
        """The API a call invokes (``tf.Session`` for ``tf.Session(...)``), if any; memoized with ``resolve``."""
        if not isinstance(node, ast.Call):
            return None
        ref = self.resolve(node.func)
        return None if ref is None or ref.instance else ref

    def source_of(self, node: ast.AST) -> str:
        """The exact source text of a node (empty when it has no position)."""
        if not hasattr(node, "lineno"):
            return ""
        start, end = node.lineno, getattr(node, "end_lineno", None) or node.lineno  # type: ignore[attr-defined]
        scol, ecol = node.col_offset, getattr(node, "end_col_offset", None)  # type: ignore[attr-defined]
        chunk = [line.encode("utf-8") for line in self.lines[start - 1 : end]]
        if not chunk:
            return ""
        if ecol is not None:
            chunk[-1] = chunk[-1][:ecol]
        chunk[0] = chunk[0][scol:]
        return b"\n".join(chunk).decode("utf-8", "replace")

    def defer(self, fn: Callable[[], None]) -> None:
        """Run ``fn`` after the walk, when module-wide evidence is complete."""
        self.deferred.append(fn)

    def run_deferred(self) -> None:
        """Run the deferred checks, then drop them: they close over this context, and the cycle
        would keep the file's tree alive until the cyclic collector ran (tf2lint/gc_tuning.py)."""
        for fn in self.deferred:
            fn()
        self.deferred.clear()

    # ----- reporting -------------------------------------------------------------------

    def _char_col(self, row: int, col: int) -> int:
        if 0 < row <= len(self.lines):
            line = self.lines[row - 1]
            if not line.isascii():
                return len(line.encode("utf-8")[:col].decode("utf-8", "replace"))
        return col

    def span(self, node: ast.AST) -> Tuple[Position, Position]:
        row = getattr(node, "lineno", 1)
        col = getattr(node, "col_offset", 0)
        extent = self.call_of.get(id(node), node)
        end_row = getattr(extent, "end_lineno", None) or row
        end_col = getattr(extent, "end_col_offset", None)
        if end_col is None:
            end_col = col
        return (
            Position(row, self._char_col(row, col)),
            Position(end_row, self._char_col(end_row, end_col)),
        )

    # ----- fixes ---------------------------------------------------------------------

    def node_span(self, node: ast.AST) -> Tuple[Position, Position]:
        """The node's own extent in character columns (``span`` widens a callee to its call)."""
        row, col = node.lineno, node.col_offset  # type: ignore[attr-defined]
        end_row = getattr(node, "end_lineno", None) or row
        end_col = getattr(node, "end_col_offset", None)
        end_col = col if end_col is None else end_col
        return Position(row, self._char_col(row, col)), Position(end_row, self._char_col(end_row, end_col))

    def edit(self, node: ast.AST, content: str) -> Edit:
        """Replace the source of ``node`` with ``content``."""
        start, end = self.node_span(node)
        return Edit(start, end, content)

    def import_edit(self, statement: str) -> Optional[Edit]:
        """An insertion of ``statement`` (``from absl import flags``) after the module's leading
        docstring, ``__future__`` imports and top-level imports; None when the module has it already.

        Several fixes needing the same import produce identical edits, applied once.
        """
        body = self.tree.body if self.tree is not None else []
        wanted = _import_key(ast.parse(statement).body[0])
        row = 1
        for index, stmt in enumerate(body):
            if isinstance(stmt, (ast.Import, ast.ImportFrom)):
                if _import_key(stmt) == wanted:
                    return None
                row = (stmt.end_lineno or stmt.lineno) + 1
            elif index == 0 and isinstance(stmt, ast.Expr) and isinstance(stmt.value, ast.Constant) and isinstance(
                stmt.value.value, str
            ):
                row = (stmt.end_lineno or stmt.lineno) + 1
            else:
                break
        return Edit(Position(row, 0), Position(row, 0), statement + "\n")

    # ----- reporting -------------------------------------------------------------------

    def covers_nested(self, codes: Iterable[str]) -> None:
        """The finding just added covers findings of ``codes`` inside its span (its advice
        rewrites them too): they are not reported (tf2lint/nesting.py)."""
        if self.findings:
            self.covering[id(self.findings[-1][1])] = frozenset(codes)

    def add(
        self, rule: Rule, node: ast.AST, message: str, replacement: str, severity: Severity, fix: Optional[Fix] = None
    ) -> None:
        start, end = self.span(node)
        if severity is Severity.ERROR or severity is Severity.WARNING:
            self.runs_tf1 = True
        finding = Finding(
            code=rule.code,
            symbol=rule.symbol,
            message=message,
            replacement=replacement,
            severity=severity,
            filename=self.filename,
            start=start,
            end=end,
            url=rule.url(),
            fix=fix,
        )
        if isinstance(node, (ast.Name, ast.Attribute)) and id(node) not in self.call_of:
            self.reference_findings.add(id(finding))
        self.findings.append((rule.priority, finding))


def _import_key(stmt: ast.stmt) -> Tuple[object, ...]:
    """What an import statement imports, for telling whether the module already has it."""
    names = tuple((a.name, a.asname) for a in getattr(stmt, "names", ()))
    if isinstance(stmt, ast.ImportFrom):
        return ("from", stmt.module, stmt.level or 0, names)
    return ("import", names)
