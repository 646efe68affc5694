"""Scope-aware name resolution: which expressions name a TensorFlow API.

A statement-level pass (the binder) records every binding of every scope with the
position where it takes effect.  Lookups then follow Python's rules: a name bound
anywhere in a function is local to it, class scopes are skipped by nested functions,
``global``/``nonlocal`` redirect bindings, and a function body sees the final state of
its enclosing scopes (it runs later).  Within one scope the binding in force is the
last one before the use, with two refinements for the usual import fallbacks: a
non-TensorFlow binding made under a condition (``except ImportError: tf = None``)
does not hide an earlier TensorFlow one, and a fallback import in an ``except``
handler does not replace the import its ``try`` made.

Expression-level scopes (lambdas, comprehensions) are opened by the engine's walk.
"""

from __future__ import annotations

import ast
from typing import Dict, List, Optional, Set, Tuple, Union

from tf2lint.names import TFRef, tf_import_path

Pos = Tuple[int, int]
_END: Pos = (1 << 30, 0)

FUNCTION_NODES = (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)
COMPREHENSION_NODES = (ast.ListComp, ast.SetComp, ast.DictComp, ast.GeneratorExp)


class _Opaque:
    """A binding to something that is not TensorFlow."""

    __slots__ = ()


OPAQUE = _Opaque()
Value = Union[TFRef, ast.expr, _Opaque]


class Binding:
    __slots__ = ("pos", "value", "conditional", "in_handler", "scope", "source")

    def __init__(self, pos: Pos, value: Value, conditional: bool, in_handler: bool, scope: Scope):
        self.pos = pos
        self.value = value  # an unevaluated expression is resolved on first use
        self.source = value if isinstance(value, ast.expr) else None  # kept for rules' heuristics
        self.conditional = conditional
        self.in_handler = in_handler
        self.scope = scope


class Scope:
    __slots__ = ("kind", "parent", "bindings", "globals", "nonlocals", "self_name", "attrs")

    def __init__(self, kind: str, parent: Optional[Scope]):
        self.kind = kind  # "module", "function", "class"
        self.parent = parent
        self.bindings: Dict[str, List[Binding]] = {}
        self.globals: Set[str] = set()
        self.nonlocals: Set[str] = set()
        self.self_name: Optional[str] = None  # first parameter of a method
        self.attrs: Dict[str, List[Binding]] = {}  # class scope: `self.x = ...` in its methods

    def module(self) -> Scope:
        scope = self
        while scope.parent is not None:
            scope = scope.parent
        return scope


# Project-local re-exports of the TensorFlow module (`from ..compat import tfv1 as tf`).
_SHIM_NAMES = frozenset({"tf", "tfv1", "tf1", "tf_v1", "tf_compat_v1", "tf_compat"})


def _shim_module(name: str) -> Value:
    if name not in _SHIM_NAMES:
        return OPAQUE
    return TFRef("tensorflow.compat.v1" if "1" in name else "tensorflow")


# Statements that bind no name (the binder skips them at once).
_BINDS_NOTHING = frozenset(
    {ast.Expr, ast.Return, ast.Raise, ast.Assert, ast.Pass, ast.Break, ast.Continue, ast.Global, ast.Nonlocal}
)
_SCOPE_STMTS = frozenset({ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef})
_BLOCKS = ("body", "orelse", "finalbody", "handlers", "cases")
_block_field_cache: Dict[type, Tuple[str, ...]] = {}


def _block_fields(node_type: type) -> Tuple[str, ...]:
    """The fields of a statement, handler or match case that hold nested statements."""
    fields = _block_field_cache.get(node_type)
    if fields is None:
        fields = _block_field_cache[node_type] = tuple(f for f in _BLOCKS if f in node_type._fields)  # type: ignore[attr-defined]
    return fields


def _stmt_end(node: ast.AST) -> Pos:
    end_line = getattr(node, "end_lineno", None) or node.lineno  # type: ignore[attr-defined]
    end_col = getattr(node, "end_col_offset", None) or 0
    return (end_line, end_col)


class Resolver:
    """Builds the scopes of one module and answers "which TF API is this?"."""

    def __init__(self, tree: ast.Module):
        self.module_scope = Scope("module", None)
        self.scopes: Dict[int, Scope] = {}  # id(def/class node) -> scope of its body
        self._evaluating: Set[int] = set()
        # id(node) -> (node, scope, result) of finished lookups: rules and the walk ask about
        # the same expression many times (every Call rule resolves the call's function).
        # Holding node and scope keeps their ids from being reused by other objects.
        self._memo: Dict[int, Tuple[ast.AST, Scope, Optional[TFRef]]] = {}
        self._expression_scopes: List[Scope] = []  # lambdas and comprehensions, opened by the walk
        self._bind_body(tree.body, self.module_scope, False, False)
        self.maybe_tf = self._names_that_may_be_tf()

    def expression_scope(self, parent: Scope) -> Scope:
        """A new function scope for a lambda or comprehension the walk enters."""
        scope = Scope("function", parent)
        self._expression_scopes.append(scope)
        return scope

    def release(self) -> None:
        """Break the scope <-> binding reference cycles once the file is linted, so that its
        bindings (and the expressions they hold) are freed at once, not by the cyclic
        collector (tf2lint/gc_tuning.py)."""
        for scope in (self.module_scope, *self.scopes.values(), *self._expression_scopes):
            scope.bindings.clear()
            scope.attrs.clear()
        self._memo.clear()

    def _names_that_may_be_tf(self) -> Set[str]:
        """Every name some binding could make a TF API: bound to one, or to an expression
        rooted in such a name (or in a method's `self`).  Any other name resolves to
        nothing without a lookup; this is a superset, so no answer changes."""
        found: Set[str] = set()
        self_names: Set[str] = set()
        pending: List[Tuple[str, str]] = []
        for scope in (self.module_scope, *self.scopes.values()):
            if scope.self_name is not None:
                self_names.add(scope.self_name)
            for name, bindings in scope.bindings.items():
                for binding in bindings:
                    value = binding.value
                    if isinstance(value, TFRef):
                        found.add(name)
                    elif isinstance(value, ast.AST):
                        root = value
                        while True:
                            if isinstance(root, ast.Attribute):
                                root = root.value
                            elif isinstance(root, ast.Call):
                                root = root.func
                            else:
                                break
                        if isinstance(root, ast.Name):
                            pending.append((name, root.id))
        changed = True
        while changed:
            changed = False
            for name, root_name in pending:
                if name not in found and (root_name in found or root_name in self_names):
                    found.add(name)
                    changed = True
        return found

    # ----- binder ---------------------------------------------------------------

    def _add(self, scope: Scope, name: str, pos: Pos, value: Value, cond: bool, handler: bool) -> None:
        target = scope
        if name in scope.globals:
            target = scope.module()
        elif name in scope.nonlocals:
            parent = scope.parent
            while parent is not None and not (parent.kind == "function" and name in parent.bindings):
                parent = parent.parent
            target = parent or scope.module()
        target.bindings.setdefault(name, []).append(Binding(pos, value, cond, handler, target))

    def _bind_target(self, target: ast.AST, scope: Scope, pos: Pos, value: Value, cond: bool, handler: bool) -> None:
        if isinstance(target, ast.Name):
            self._add(scope, target.id, pos, value, cond, handler)
        elif isinstance(target, (ast.Tuple, ast.List)):
            values: List[Value] = [OPAQUE] * len(target.elts)
            if isinstance(value, (ast.Tuple, ast.List)) and len(value.elts) == len(target.elts):
                values = list(value.elts)
            for elt, val in zip(target.elts, values):
                self._bind_target(elt, scope, pos, val, cond, handler)
        elif isinstance(target, ast.Starred):
            self._bind_target(target.value, scope, pos, OPAQUE, cond, handler)
        elif (
            isinstance(target, ast.Attribute)
            and isinstance(target.value, ast.Name)
            and scope.self_name is not None
            and target.value.id == scope.self_name
        ):
            cls = scope.parent
            if cls is not None and cls.kind == "class":
                cls.attrs.setdefault(target.attr, []).append(Binding(pos, value, True, handler, scope))

    def _bind_body(self, body: List[ast.stmt], scope: Scope, cond: bool, handler: bool) -> None:
        for stmt in body:
            self._bind_stmt(stmt, scope, cond, handler)

    def _bind_stmt(self, stmt: ast.stmt, scope: Scope, cond: bool, handler: bool) -> None:
        if type(stmt) in _BINDS_NOTHING:
            return
        pos = _stmt_end(stmt)
        stmt_type = type(stmt)
        if stmt_type is ast.Assign:  # the most common statement first
            for target in stmt.targets:  # type: ignore[attr-defined]
                self._bind_target(target, scope, pos, stmt.value, cond, handler)  # type: ignore[attr-defined]
        elif isinstance(stmt, ast.Import):
            for alias in stmt.names:
                if alias.asname:
                    path = tf_import_path(alias.name)
                    value: Value = TFRef(path) if path is not None else OPAQUE
                    self._add(scope, alias.asname, pos, value, cond, handler)
                else:
                    top = alias.name.split(".", 1)[0]
                    path = tf_import_path(top)
                    self._add(scope, top, pos, TFRef(path) if path is not None else OPAQUE, cond, handler)
        elif isinstance(stmt, ast.ImportFrom):
            module = (stmt.module or "") if stmt.level == 0 else ""
            tf_module = tf_import_path(module) if module else None
            for alias in stmt.names:
                if alias.name == "*":
                    continue
                if tf_module is not None:
                    value = TFRef(tf_module + "." + alias.name)
                else:
                    value = _shim_module(alias.name)
                self._add(scope, alias.asname or alias.name, pos, value, cond, handler)
        elif isinstance(stmt, ast.AnnAssign):
            if stmt.value is not None:
                self._bind_target(stmt.target, scope, pos, stmt.value, cond, handler)
        elif isinstance(stmt, ast.AugAssign):
            self._bind_target(stmt.target, scope, pos, OPAQUE, cond, handler)
        elif isinstance(stmt, (ast.FunctionDef, ast.AsyncFunctionDef)):
            self._add(scope, stmt.name, (stmt.lineno, stmt.col_offset), OPAQUE, cond, handler)
            inner = Scope("function", scope)
            self.scopes[id(stmt)] = inner
            args = stmt.args
            params = [*getattr(args, "posonlyargs", []), *args.args, *args.kwonlyargs]
            if args.vararg:
                params.append(args.vararg)
            if args.kwarg:
                params.append(args.kwarg)
            for param in params:
                self._add(inner, param.arg, (0, 0), OPAQUE, False, False)
            positional = [*getattr(args, "posonlyargs", []), *args.args]
            if scope.kind == "class" and positional:
                inner.self_name = positional[0].arg
            self._prescan_declarations(stmt.body, inner)
            self._bind_body(stmt.body, inner, False, False)
        elif isinstance(stmt, ast.ClassDef):
            inner = Scope("class", scope)
            self.scopes[id(stmt)] = inner
            self._bind_body(stmt.body, inner, False, False)
            self._add(scope, stmt.name, pos, OPAQUE, cond, handler)
        elif isinstance(stmt, (ast.For, ast.AsyncFor)):
            self._bind_target(stmt.target, scope, _stmt_end(stmt.iter), OPAQUE, cond, handler)
            self._bind_body(stmt.body, scope, True, handler)
            self._bind_body(stmt.orelse, scope, True, handler)
        elif isinstance(stmt, ast.While):
            self._bind_body(stmt.body, scope, True, handler)
            self._bind_body(stmt.orelse, scope, True, handler)
        elif isinstance(stmt, ast.If):
            self._bind_body(stmt.body, scope, True, handler)
            self._bind_body(stmt.orelse, scope, True, handler)
        elif isinstance(stmt, (ast.With, ast.AsyncWith)):
            for item in stmt.items:
                if item.optional_vars is not None:
                    at = _stmt_end(item.optional_vars)
                    self._bind_target(item.optional_vars, scope, at, item.context_expr, cond, handler)
            self._bind_body(stmt.body, scope, cond, handler)
        elif isinstance(stmt, ast.Try) or type(stmt).__name__ == "TryStar":
            self._bind_body(stmt.body, scope, cond, handler)  # type: ignore[attr-defined]
            for h in stmt.handlers:  # type: ignore[attr-defined]
                if h.name:
                    self._add(scope, h.name, (h.lineno, h.col_offset), OPAQUE, True, True)
                self._bind_body(h.body, scope, True, True)
            self._bind_body(stmt.orelse, scope, True, handler)  # type: ignore[attr-defined]
            self._bind_body(stmt.finalbody, scope, cond, handler)  # type: ignore[attr-defined]
        elif isinstance(stmt, ast.Delete):
            for target in stmt.targets:
                self._bind_target(target, scope, pos, OPAQUE, cond, handler)
        elif type(stmt).__name__ == "Match":
            for case in stmt.cases:  # type: ignore[attr-defined]
                for node in ast.walk(case.pattern):
                    name = getattr(node, "name", None) or getattr(node, "rest", None)
                    if isinstance(name, str):
                        self._add(scope, name, pos, OPAQUE, True, handler)
                self._bind_body(case.body, scope, True, handler)

    @staticmethod
    def _prescan_declarations(body: List[ast.stmt], scope: Scope) -> None:
        """Collect ``global``/``nonlocal`` names before binding (they apply function-wide)."""
        stack: List[ast.AST] = list(body)
        while stack:
            node = stack.pop()
            node_type = type(node)
            if node_type is ast.Global:
                scope.globals.update(node.names)  # type: ignore[attr-defined]
            elif node_type is ast.Nonlocal:
                scope.nonlocals.update(node.names)  # type: ignore[attr-defined]
            elif node_type not in _SCOPE_STMTS:
                for field in _block_fields(node_type):
                    stack.extend(getattr(node, field) or ())

    # ----- lookup ---------------------------------------------------------------

    def _value(self, binding: Binding) -> Optional[TFRef]:
        value = binding.value
        if isinstance(value, _Opaque):
            return None
        if isinstance(value, TFRef):
            return value
        key = id(binding)
        if key in self._evaluating:
            return None
        self._evaluating.add(key)
        try:
            ref = self.resolve(value, binding.scope)
        finally:
            self._evaluating.discard(key)
        binding.value = ref if ref is not None else OPAQUE
        return ref

    def _in_force(self, bindings: List[Binding], pos: Pos) -> Optional[TFRef]:
        current: Optional[TFRef] = None
        seen = False
        for binding in bindings:
            if binding.pos > pos:
                break
            value = self._value(binding)
            if seen and current is not None:
                if value is None and binding.conditional:
                    continue  # `except ImportError: tf = None` leaves tf maybe-TensorFlow
                if value is not None and binding.in_handler:
                    continue  # a fallback import does not replace the preferred one
            current, seen = value, True
        return current

    def binding_at(self, name: str, scope: Scope, pos: Pos) -> Optional[Binding]:
        """The binding of ``name`` in force at ``pos`` (the nearest scope that binds it)."""
        current: Optional[Scope] = scope
        while current is not None:
            bindings = current.bindings.get(name)
            if bindings:
                before = [b for b in bindings if b.pos <= pos]
                return before[-1] if before else bindings[0]
            current = current.parent
        return None

    def lookup(self, name: str, scope: Scope, pos: Pos) -> Optional[TFRef]:
        """The TF API a bare name refers to at ``pos`` in ``scope``, if any."""
        here = True
        current: Optional[Scope] = scope
        while current is not None:
            if current.kind == "class" and not here:
                current = current.parent
                continue
            bindings = current.bindings.get(name)
            if name in current.globals:
                current = current.module()
                bindings = current.bindings.get(name)
                here = False
            if bindings:
                if here and current.kind == "class" and all(b.pos > pos for b in bindings):
                    # A class body reads names it has not bound yet from the enclosing
                    # scopes (`tf = tf` in a class body): keep looking outward.
                    here = False
                    current = current.parent
                    continue
                if here:
                    return self._in_force(bindings, pos)
                return self._in_force(bindings, _END)
            here = False
            current = current.parent
        return None

    def resolve(self, node: ast.AST, scope: Scope) -> Optional[TFRef]:
        """Resolve a Name / Attribute chain / Call to the TF API it denotes."""
        hit = self._memo.get(id(node))
        if hit is not None and hit[0] is node and hit[1] is scope:
            return hit[2]
        ref = self._resolve(node, scope)
        # A result found while a binding is being evaluated may be cut short by the cycle
        # guard; only finished lookups are remembered (binding values are fixed once evaluated).
        if not self._evaluating:
            self._memo[id(node)] = (node, scope, ref)
        return ref

    def _resolve(self, node: ast.AST, scope: Scope) -> Optional[TFRef]:
        if isinstance(node, ast.Name):
            if node.id not in self.maybe_tf:
                return None
            return self.lookup(node.id, scope, (node.lineno, node.col_offset))
        if isinstance(node, ast.Attribute):
            value = node.value
            if (
                isinstance(value, ast.Name)
                and scope.self_name is not None
                and value.id == scope.self_name
                and scope.parent is not None
                and scope.parent.kind == "class"
            ):
                attr_bindings = scope.parent.attrs.get(node.attr)
                if attr_bindings:
                    return self._in_force(attr_bindings, _END)
                return None
            base = self.resolve(value, scope)
            if base is None or base.instance:
                return None
            return base.child(node.attr)
        if isinstance(node, ast.Call):
            func = self.resolve(node.func, scope)
            if func is None or func.instance:
                return None
            return func.called()
        return None
