"""Parse once, walk once: dispatch every node to the rules registered for its type.

Calls are dispatched by what they call: the callee is resolved once, and a rule's ``check``
runs for an ``ast.Call`` only when the callee's canonical name has a prefix in the rule's
``call_names``, or the callee's last identifier (``x.run`` -> ``run``) is in its
``call_attrs`` (method calls on receivers that cannot be resolved).  A rule that must see
every call says so with ``all_calls = True``; those stay few.
"""

from __future__ import annotations

import ast
import codecs
import io
import re
import tokenize
import warnings
from functools import lru_cache
from typing import Any, Callable, Dict, Iterable, List, Optional, Sequence, Tuple, Type

from tf2lint import tool_findings
from tf2lint.config import Config
from tf2lint.context import Context
from tf2lint.finding import Finding, Position, Severity
from tf2lint.names import VIA_COMPAT_V2, TFRef, prefixes
from tf2lint.nesting import drop_nested
from tf2lint.noqa import without_suppressed
from tf2lint.registry import all_rules
from tf2lint.resolver import COMPREHENSION_NODES, OPAQUE, Binding, Resolver, Scope
from tf2lint.rules.base import Rule

Check = Callable[[ast.AST, Context], None]


class RuleSet:
    """The enabled rules of one configuration, indexed for dispatch."""

    def __init__(self, rules: Sequence[Rule]):
        self.rules = list(rules)
        self.by_type: Dict[Type[ast.AST], List[Rule]] = {}
        self.by_name: Dict[str, List[Rule]] = {}
        for rule in self.rules:
            for node_type in rule.node_types:
                self.by_type.setdefault(node_type, []).append(rule)
            for name in rule.names:
                self.by_name.setdefault(name, []).append(rule)
        # Per node type other than Call: (rule, its check). Attributes go to the rules that see
        # every attribute, plus those registered for the attribute's name (`attr_names`).
        self.checks: Dict[Type[ast.AST], List[Tuple[Rule, Check]]] = {
            node_type: [(rule, rule.check) for rule in rules if node_type is not ast.Attribute or rule.attr_names is None]
            for node_type, rules in self.by_type.items()
            if node_type is not ast.Call
        }
        self.attribute_by_name: Dict[str, List[Tuple[Rule, Check]]] = {}
        for rule in self.by_type.get(ast.Attribute, ()):
            for attr in rule.attr_names or ():
                self.attribute_by_name.setdefault(attr, []).append((rule, rule.check))
        if self.attribute_by_name:
            self.checks.setdefault(ast.Attribute, [])
        # Calls: rules by callee name prefix, by callee identifier, and those that see every call.
        # Each list holds (index of the rule, rule, check) so that a call's rules run in catalog order.
        self.call_by_name: Dict[str, List[Tuple[int, Rule, Check]]] = {}
        self.call_by_attr: Dict[str, List[Tuple[int, Rule, Check]]] = {}
        self.call_by_keyword: Dict[str, List[Tuple[int, Rule, Check]]] = {}
        self.every_call: List[Tuple[int, Rule, Check]] = []
        for index, rule in enumerate(self.by_type.get(ast.Call, ())):
            entry = (index, rule, rule.check)
            names, attrs = call_dispatch(rule)
            if names is None:
                self.every_call.append(entry)
                continue
            for name in names:
                self.call_by_name.setdefault(name, []).append(entry)
            for attr in attrs:
                self.call_by_attr.setdefault(attr, []).append(entry)
            for kw in rule.call_keywords:
                self.call_by_keyword.setdefault(kw, []).append(entry)
        self.has_calls = ast.Call in self.by_type
        self.absorbs = {rule.code: frozenset(rule.absorbs) for rule in self.rules if rule.absorbs}
        # Fields that only ever hold leaf nodes no rule asks for (`ctx`, operators): the walk
        # skips them, which no rule can observe.
        wanted = tuple(self.by_type)
        self.skipped_fields = frozenset(
            name for name, leaf in _LEAF_FIELDS.items() if not any(issubclass(t, leaf) for t in wanted)
        )
        self._fields: Dict[Type[ast.AST], Tuple[str, ...]] = {}

        # Leaf node types no rule asks for are not even pushed (a visit would do nothing).
        self.unvisited = frozenset(t for t in _LEAF_TYPES if t not in self.by_type)

    def fields(self, node_type: Type[ast.AST]) -> Tuple[str, ...]:
        """The fields of a node type the walk descends into, last first."""
        fields = self._fields.get(node_type)
        if fields is None:
            if node_type in _LEAF_TYPES:
                fields = ()
            else:
                fields = tuple(
                    reversed([f for f in node_type._fields if f not in self.skipped_fields and f not in _SCALAR_FIELDS])
                )
            self._fields[node_type] = fields
        return fields


def call_dispatch(rule: Rule) -> Tuple[Optional[frozenset], frozenset]:
    """(callee name prefixes, callee identifiers) a Call rule runs for; (None, ...) for every call.

    A rule that declares nothing sees every call (the tests require each Call rule to declare)."""
    names = rule.call_names
    attrs = frozenset(rule.call_attrs)
    if rule.all_calls or (names is None and not attrs and not rule.call_keywords):
        return None, attrs
    return frozenset(names or ()), attrs


# Field name -> the leaf node classes it holds, in every node type that has the field.
_LEAF_FIELDS: Dict[str, Tuple[Type[ast.AST], ...]] = {
    "ctx": (ast.expr_context,),
    "op": (ast.operator, ast.boolop, ast.unaryop),
    "ops": (ast.cmpop,),
}
# Fields that hold a name, number or flag, never a node (`Attribute.attr`, `keyword.arg`).
_SCALAR_FIELDS = frozenset(
    {"id", "attr", "name", "arg", "asname", "module", "level", "kind", "is_async", "conversion", "type_comment", "tag", "rest"}
)
# Node types none of whose fields hold a node.
_LEAF_TYPES = frozenset({ast.Constant, ast.alias, ast.Global, ast.Nonlocal, ast.Pass, ast.Break, ast.Continue})
# Node types that open a scope: their children come from `_scoped_children`.
_SCOPED = frozenset({ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef, ast.Lambda, *COMPREHENSION_NODES})


@lru_cache(maxsize=32)
def rule_set(config: Config) -> RuleSet:
    """Every default rule, selected or not, plus the selected opt-in ones.

    Unselected rules still run: their findings are evidence that a module runs TF1,
    which decides other rules' findings; `visible` drops them afterwards.
    """
    return RuleSet([cls() for cls in all_rules() if cls.default_enabled or config.is_enabled(cls.code, False)])


def visible(finding: Finding, config: Config) -> bool:
    """Whether the configuration shows a finding (problems with the file itself show unless ignored)."""
    if finding.code.startswith("TF0"):
        return not any(finding.code.startswith(prefix) for prefix in config.ignore)
    return config.is_enabled(finding.code)


class _EnterScope:
    """A walk-stack entry that switches the scope later entries are evaluated in."""

    __slots__ = ("scope",)

    def __init__(self, scope: Scope):
        self.scope = scope


def _scoped_children(node: ast.AST, scope: Scope, resolver: Resolver) -> Tuple[List[ast.AST], Scope, List[ast.AST]]:
    """A scope-opening node's children: (evaluated in the enclosing scope, the inner scope,
    evaluated in the inner scope), each in source order."""
    outer: List[ast.AST] = []
    if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
        inner = resolver.scopes.get(id(node), scope)
        outer += node.decorator_list
        if isinstance(node, ast.ClassDef):
            outer += node.bases
            outer += node.keywords
        else:
            args = node.args
            outer += args.defaults
            outer += [d for d in args.kw_defaults if d]
            params = (*getattr(args, "posonlyargs", []), *args.args, args.vararg, *args.kwonlyargs, args.kwarg)
            outer += [p.annotation for p in params if p is not None and p.annotation is not None]
            if node.returns is not None:
                outer.append(node.returns)
        return outer, inner, list(node.body)
    if isinstance(node, ast.Lambda):
        inner = resolver.expression_scope(scope)
        args = node.args
        for param in (*getattr(args, "posonlyargs", []), *args.args, *args.kwonlyargs, args.vararg, args.kwarg):
            if param is not None:
                inner.bindings[param.arg] = [Binding((0, 0), OPAQUE, False, False, inner)]
        outer += args.defaults
        outer += [d for d in args.kw_defaults if d]
        return outer, inner, [node.body]
    assert isinstance(node, COMPREHENSION_NODES)
    inner = resolver.expression_scope(scope)
    for gen in node.generators:
        for target in ast.walk(gen.target):
            if isinstance(target, ast.Name):
                inner.bindings[target.id] = [Binding((0, 0), OPAQUE, False, False, inner)]
    outer.append(node.generators[0].iter)
    inside: List[ast.AST] = []
    for i, gen in enumerate(node.generators):
        if i:
            inside.append(gen.iter)
        inside += gen.ifs
    if isinstance(node, ast.DictComp):
        inside += [node.key, node.value]
    else:
        inside.append(node.elt)
    return outer, inner, inside


def _import_refs(node: ast.AST) -> List[Tuple[ast.AST, TFRef]]:
    """The TF APIs an import statement names, each with the node to report at."""
    out: List[Tuple[ast.AST, TFRef]] = []
    if isinstance(node, ast.Import):
        for alias in node.names:
            if alias.name == "tensorflow" or alias.name.startswith("tensorflow."):
                out.append((alias if hasattr(alias, "lineno") else node, TFRef(alias.name)))
    elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
        module = node.module
        if module == "tensorflow" or module.startswith("tensorflow."):
            for alias in node.names:
                if alias.name != "*":
                    out.append((alias if hasattr(alias, "lineno") else node, TFRef(f"{module}.{alias.name}")))
                elif module != "tensorflow":  # `from tensorflow.contrib.slim import *` uses the module itself
                    out.append((node, TFRef(module)))
    return out


def _report_reference(rules: RuleSet, node: ast.AST, ref: TFRef, ctx: Context) -> None:
    name = ref.name
    if not name or id(node) in ctx.claimed or ref.via == VIA_COMPAT_V2:
        return  # tf.compat.v2 is the TF2 API under another spelling
    for key in prefixes(name):
        matched = rules.by_name.get(key)
        if matched:
            if type(node) is not ast.alias and id(node) not in ctx.call_of and _read_through_reported_alias(rules, node, ctx):
                return
            for rule in matched:
                _guarded(rule, ctx, node, rule.on_reference, node, ref, key, ctx)
            return


def _read_through_reported_alias(rules: RuleSet, node: ast.AST, ctx: Context) -> bool:
    """Whether ``node`` reads through a local alias whose own assignment is reported.

    `FLAGS = tf.flags.FLAGS` and `logging = tf.logging` are reported where they are made;
    `FLAGS.data_dir`, `cur_dir = FLAGS.data_dir`, `logging.INFO` read values through them and
    are not TF1 code of their own. Calls through an alias (`flags.DEFINE_string(...)`) are
    still reported: they are lines to change.
    """
    root = node
    while type(root) is ast.Attribute:
        root = root.value  # type: ignore[attr-defined]
    if type(root) is not ast.Name:
        return False
    resolver = ctx.resolver
    binding = resolver.binding_at(root.id, ctx.scope, (root.lineno, root.col_offset))  # type: ignore[attr-defined]
    source = binding.source if binding is not None else None
    if source is None or binding is None:
        return False  # an import, a parameter, or not bound here
    alias = resolver.resolve(source, binding.scope)
    if alias is None or alias.instance or not alias.name or alias.via == VIA_COMPAT_V2:
        return False
    return any(key in rules.by_name for key in prefixes(alias.name))


def _guarded(rule: Rule, ctx: Context, node: ast.AST, call: Callable[..., None], *args: Any) -> None:
    """Run one rule; a crash becomes a TF009 finding instead of ending the run."""
    try:
        call(*args)
    except Exception as exc:  # noqa: BLE001 - a rule bug (RecursionError too) must not lose the file's other findings
        ctx.findings.append((-1, tool_findings.internal_error(ctx.filename, rule.code, exc, node)))


def _dispatch_call(node: ast.Call, func: ast.expr, ctx: Context, rules: RuleSet) -> None:
    """Run the rules registered for what this call calls (its callee resolved once)."""
    selected: List[Tuple[int, Rule, Check]] = rules.every_call[:]  # a copy: the lists below are added to it
    func_type = type(func)
    last = func.attr if func_type is ast.Attribute else func.id if func_type is ast.Name else None  # type: ignore[attr-defined]
    if last is not None:
        by_attr = rules.call_by_attr.get(last)
        if by_attr:
            selected += by_attr
        # Only a callee rooted in a name that may be TensorFlow (or a method's `self`) can resolve.
        root = func
        while type(root) is ast.Attribute:
            root = root.value  # type: ignore[attr-defined]
        root_id = root.id if type(root) is ast.Name else None  # type: ignore[attr-defined]
        maybe = root_id is not None and (root_id in ctx.resolver.maybe_tf or root_id == ctx.scope.self_name)
        ref = ctx.resolve_call(node) if maybe else None
        if ref is not None:
            by_name = rules.call_by_name
            for key in prefixes(ref.name):
                matched = by_name.get(key)
                if matched:
                    selected += matched
    if node.keywords:
        by_keyword = rules.call_by_keyword
        for kw in node.keywords:
            matched = by_keyword.get(kw.arg)  # type: ignore[arg-type]
            if matched:
                selected += matched
    if not selected:
        return
    if len(selected) > 1:
        selected = sorted(set(selected), key=_first)
    for _, rule, check in selected:
        try:
            check(node, ctx)
        except Exception as exc:  # noqa: BLE001 - a rule bug (RecursionError too) must not lose the file's other findings
            ctx.findings.append((-1, tool_findings.internal_error(ctx.filename, rule.code, exc, node)))


def _first(entry: Tuple[int, Rule, Check]) -> int:
    return entry[0]


def walk(tree: ast.Module, ctx: Context, rules: RuleSet) -> None:
    """Visit every node once, depth first in source order, with the scope it is evaluated in.

    This loop is the hot path: rule checks run inline (a crash becomes TF009), names are
    resolved once, and leaf fields no rule asks for are not pushed.
    """
    resolver = ctx.resolver
    resolve = resolver.resolve
    maybe_tf = resolver.maybe_tf
    checks_by_type = rules.checks
    fields_of = rules.fields
    field_cache = rules._fields
    findings = ctx.findings
    Attribute, Name, Load, Import, ImportFrom, AST = ast.Attribute, ast.Name, ast.Load, ast.Import, ast.ImportFrom, ast.AST
    # Nodes to visit, last first; an `_EnterScope` entry switches the scope for the entries
    # popped after it (cheaper than pairing every node with its scope).
    scope = resolver.module_scope
    ctx.scope = scope
    stack: List[Any] = [tree]
    pop, push, extend = stack.pop, stack.append, stack.extend
    EnterScope = _EnterScope
    unvisited = rules.unvisited
    skip_names = Name not in checks_by_type
    # The inner links of a chain rooted in a name that is not TF need no visit, unless a rule
    # sees every name or every attribute.
    skip_links = skip_names and not checks_by_type.get(Attribute)
    Call = ast.Call
    call_of = ctx.call_of
    assigned = ctx.assigned
    Assign = ast.Assign
    has_calls = rules.has_calls
    attribute_by_name = rules.attribute_by_name
    while stack:
        node = pop()
        node_type = type(node)
        if node_type is EnterScope:
            scope = ctx.scope = node.scope
            continue
        if node_type is Call:
            func = node.func  # type: ignore[attr-defined]
            call_of[id(func)] = node  # type: ignore[assignment]
            if has_calls:
                _dispatch_call(node, func, ctx, rules)  # type: ignore[arg-type]
        else:
            if node_type is Assign:
                value = node.value  # type: ignore[attr-defined]
                if type(value) is Call:
                    assigned[id(value)] = node  # type: ignore[assignment]
            checks = checks_by_type.get(node_type)
            if node_type is Attribute and checks is not None:
                named = attribute_by_name.get(node.attr)  # type: ignore[attr-defined]
                if named:
                    checks = checks + named
            if checks:
                for rule, check in checks:
                    try:
                        check(node, ctx)
                    except Exception as exc:  # noqa: BLE001 - a rule bug (RecursionError too: the walk itself
                        # is iterative) must not lose the file's other findings
                        findings.append((-1, tool_findings.internal_error(ctx.filename, rule.code, exc, node)))
        if node_type is Attribute or node_type is Name:
            if type(node.ctx) is Load:  # type: ignore[attr-defined]
                # Only a chain rooted in a name that may be bound to TensorFlow (or in a
                # method's `self`) can resolve; skip the lookup for all others.
                root = node
                watched = False  # an inner link of the chain that a rule watches (`.initializer`)
                while type(root) is Attribute:
                    root = root.value  # type: ignore[attr-defined]
                    if type(root) is Attribute and root.attr in attribute_by_name:  # type: ignore[attr-defined]
                        watched = True
                if type(root) is Name:
                    if root.id in maybe_tf or root.id == scope.self_name:  # type: ignore[attr-defined]
                        ref = resolve(node, scope)
                        if ref is not None and not ref.instance:
                            if ref.via == "compat.v1":
                                ctx.runs_tf1 = True
                            _report_reference(rules, node, ref, ctx)
                            continue  # the chain's prefixes name the same thing
                    elif skip_links and not watched:
                        continue  # `np.random.rand`: no link of the chain can name TF or is watched
            if node_type is Name:
                continue
        elif node_type is Import or node_type is ImportFrom:
            for target, ref in _import_refs(node):
                if ref.via == "compat.v1":
                    ctx.runs_tf1 = True
                _report_reference(rules, target, ref, ctx)
            continue
        if node_type in _SCOPED:
            outer, inner, inside = _scoped_children(node, scope, resolver)
            push(EnterScope(scope))  # back to this scope after the inner one
            inside.reverse()
            extend(inside)
            push(EnterScope(inner))
            outer.reverse()
            extend(outer)
            continue
        fields = field_cache.get(node_type)
        if fields is None:
            fields = fields_of(node_type)
        # Children are pushed last-first so that they are visited in source order.
        for field in fields:
            value = getattr(node, field, None)
            if value is None:
                continue
            if type(value) is list:
                for item in reversed(value):
                    item_type = type(item)
                    if item_type is Name:
                        # A name that is stored, or cannot be TensorFlow, has nothing to report.
                        if skip_names and (type(item.ctx) is not Load or item.id not in maybe_tf):
                            continue
                    elif item_type in unvisited or not isinstance(item, AST):
                        continue
                    push(item)
            else:
                value_type = type(value)
                if value_type is Name:
                    if skip_names and (type(value.ctx) is not Load or value.id not in maybe_tf):  # type: ignore[attr-defined]
                        continue
                elif value_type in unvisited or not isinstance(value, AST):
                    continue
                push(value)


def _dedupe(findings: List[Tuple[int, Finding]]) -> List[Finding]:
    """One finding per place: the most specific (lowest priority number) rule wins."""
    best: Dict[Tuple[int, int, str], Tuple[int, int, Finding]] = {}
    for order, (priority, finding) in enumerate(findings):
        # Problems with the file or a rule's crash (TF0xx) never displace another rule's finding.
        key = (finding.start.row, finding.start.col, "" if finding.code[:3] != "TF0" else finding.code)
        current = best.get(key)
        if current is None or (priority, order) < current[:2]:
            best[key] = (priority, order, finding)
    return sorted((f for _, _, f in best.values()), key=lambda f: f.sort_key)


def lint_tree(
    tree: ast.Module,
    lines: List[str],
    filename: str,
    config: Config,
    *,
    apply_noqa: bool = True,
    evidence: Optional[Carried] = None,
) -> List[Finding]:
    """Run the enabled rules over an already-parsed module (the flake8/pylint entry).

    ``evidence``: what the fix loop carries from its earlier passes (``Carried``): the module
    is judged as running TF1 as the text before the fixes was, and the names the fixes wrote
    as TF2 code.
    """
    resolver: Optional[Resolver] = None
    try:
        resolver = Resolver(tree)
        ctx = Context(filename, lines, resolver, config.target_version, tree)
        if evidence is not None:
            ctx.fixed_written = evidence.written
        walk(tree, ctx, rule_set(config))
        if evidence is not None and evidence.level is not None:  # the checks that depend on it run after the walk
            evidence.decided = not ctx.runs_tf1
            ctx.runs_tf1 = True
            ctx.fixed_tf1 = evidence.level is Severity.ERROR
        ctx.run_deferred()
        if evidence is not None and ctx.carried_decided:  # TF1 evidence or written spans decided a finding
            evidence.decided = True
    except RecursionError:
        return [tool_findings.too_deep(filename)]
    finally:
        if resolver is not None:
            resolver.release()
    findings = [f for f in _dedupe(ctx.findings) if visible(f, config)]
    ignored = config.ignored_for_file(filename)
    if ignored:
        findings = [f for f in findings if not any(f.code.startswith(c) for c in ignored)]
    if apply_noqa:
        findings = without_suppressed(findings, lines)
    return drop_nested(findings, ctx.reference_findings, rule_set(config).absorbs, ctx.covering)


class Carried:
    """What the fix loop knows of a text beyond the text, for ``lint_tree``.

    ``level``: the TF1 evidence of the text before the fixes, ERROR (a name TF2 lacks: the
    module evidently runs TF1), WARNING (weaker evidence) or None. ``written``: the spans of
    the text the fixes wrote (TF2 code: `tf.nn.softmax_cross_entropy_with_logits` renamed from
    TF1's `_v2` is not TF1's function of that name). The lint sets ``decided`` when the text
    lacked evidence as strong of its own, so that its findings may differ from what linting
    the text afresh gives.
    """

    __slots__ = ("level", "written", "decided")

    def __init__(self, level: Optional[Severity], written: Sequence[Tuple[Position, Position]] = ()):
        self.level = level
        self.written = tuple(written)
        self.decided = False


def tf1_evidence(findings: Iterable[Finding]) -> Optional[Severity]:
    """The TF1 evidence ``findings`` hold (see ``Carried``), or None. The fix loop passes the
    evidence of the findings it fixed to its later passes, so a module whose TF1 names were
    renamed is still judged as the TF1 code it was."""
    found: Optional[Severity] = None
    for f in findings:
        if f.code[:3] == "TF0":
            continue
        if f.severity is Severity.ERROR:
            return Severity.ERROR
        if f.severity is Severity.WARNING:
            found = Severity.WARNING
    return found


def decode(data: bytes) -> str:
    """Decode source bytes as Python does (BOM, PEP 263 cookie, UTF-8 default)."""
    first, _, rest = data.partition(b"\n")
    if b"coding" not in first and b"coding" not in rest.partition(b"\n")[0] and not first.startswith(codecs.BOM_UTF8):
        try:
            return data.decode("utf-8")  # no cookie, no BOM: what `detect_encoding` would decide
        except UnicodeDecodeError:
            pass  # let `detect_encoding` say where, as Python would
    encoding, _ = tokenize.detect_encoding(io.BytesIO(data).readline)
    return data.decode(encoding)


_LINE_BREAK = re.compile(r"\r\n|\r|\n")


def physical_lines(source: str) -> List[str]:
    """Split source into lines the way Python numbers them.

    ``str.splitlines`` also breaks at form feeds and other Unicode separators, which
    would shift every later row against the ast's line numbers.
    """
    return source.split("\n") if "\r" not in source else _LINE_BREAK.split(source)


def mentions_tensorflow(data: bytes) -> bool:
    return b"tensorflow" in data


def _tool_finding(finding: Finding, config: Config) -> List[Finding]:
    return [finding] if visible(finding, config) else []


def lint_source(
    source: str, filename: str, config: Config, *, apply_noqa: bool = True, evidence: Optional[Carried] = None
) -> List[Finding]:
    """Lint source text; a file that cannot be parsed becomes a TF0xx finding. ``evidence``: see ``lint_tree``."""
    if "\0" in source:
        return _tool_finding(tool_findings.nul_bytes(filename, source), config)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # SyntaxWarnings about the user's code are not ours to print
            tree = ast.parse(source, filename=filename)
    except SyntaxError as exc:
        return _tool_finding(tool_findings.syntax_error(filename, source, exc), config)
    except (RecursionError, MemoryError):
        return _tool_finding(tool_findings.too_deep(filename), config)
    except ValueError as exc:
        return _tool_finding(tool_findings.unreadable(filename, str(exc)), config)
    return lint_tree(tree, physical_lines(source), filename, config, apply_noqa=apply_noqa, evidence=evidence)


def lint_bytes(data: bytes, filename: str, config: Config) -> List[Finding]:
    if not mentions_tensorflow(data):
        return []
    try:
        source = decode(data)
    except (SyntaxError, LookupError, UnicodeDecodeError) as exc:
        return _tool_finding(tool_findings.undecodable(filename, exc), config)
    return lint_source(source, filename, config)


def lint_path(path: str, config: Config, display: Optional[str] = None) -> List[Finding]:
    """Read and lint one file; any read problem becomes a finding, never an exception."""
    name = display or path
    try:
        with open(path, "rb") as handle:
            data = handle.read()
    except IsADirectoryError:
        return _tool_finding(tool_findings.unreadable(name, "is a directory, not a Python file"), config)
    except OSError as exc:
        return _tool_finding(tool_findings.unreadable(name, exc.strerror or str(exc)), config)
    return lint_bytes(data, name, config)

