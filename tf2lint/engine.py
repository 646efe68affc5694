"""Parse once, walk once: dispatch every node to the rules registered for its type."""

from __future__ import annotations

import ast
import io
import re
import tokenize
from functools import lru_cache
from typing import Any, Callable, Dict, List, Optional, Sequence, Tuple, Type

from tf2lint import tool_findings
from tf2lint.config import Config
from tf2lint.context import Context
from tf2lint.finding import Finding
from tf2lint.names import TFRef, prefixes
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


@lru_cache(maxsize=32)
def rule_set(config: Config) -> RuleSet:
    return RuleSet([cls() for cls in all_rules() if config.is_enabled(cls.code, cls.default_enabled)])


def _children(node: ast.AST, scope: Scope, resolver: Resolver) -> List[Tuple[ast.AST, Scope]]:
    """Child nodes with the scope each is evaluated in."""
    out: List[Tuple[ast.AST, Scope]] = []
    if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
        inner = resolver.scopes.get(id(node), scope)
        out += [(d, scope) for d in node.decorator_list]
        if isinstance(node, ast.ClassDef):
            out += [(b, scope) for b in node.bases] + [(k, scope) for k in node.keywords]
        else:
            out += [(d, scope) for d in node.args.defaults] + [(d, scope) for d in node.args.kw_defaults if d]
        return out + [(stmt, inner) for stmt in node.body]
    if isinstance(node, ast.Lambda):
        inner = Scope("function", scope)
        args = node.args
        for param in (*getattr(args, "posonlyargs", []), *args.args, *args.kwonlyargs, args.vararg, args.kwarg):
            if param is not None:
                inner.bindings[param.arg] = [Binding((0, 0), OPAQUE, False, False, inner)]
        out += [(d, scope) for d in args.defaults] + [(d, scope) for d in args.kw_defaults if d]
        out.append((node.body, inner))
        return out
    if isinstance(node, COMPREHENSION_NODES):
        inner = Scope("function", scope)
        for gen in node.generators:
            for target in ast.walk(gen.target):
                if isinstance(target, ast.Name):
                    inner.bindings[target.id] = [Binding((0, 0), OPAQUE, False, False, inner)]
        out.append((node.generators[0].iter, scope))
        for i, gen in enumerate(node.generators):
            if i:
                out.append((gen.iter, inner))
            out += [(cond, inner) for cond in gen.ifs]
        if isinstance(node, ast.DictComp):
            out += [(node.key, inner), (node.value, inner)]
        else:
            out.append((node.elt, inner))  # type: ignore[attr-defined]
        return out
    for field in node._fields:
        value = getattr(node, field, None)
        if isinstance(value, ast.AST):
            out.append((value, scope))
        elif isinstance(value, list):
            out += [(item, scope) for item in value if isinstance(item, ast.AST)]
    return out


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
    return out


def _report_reference(rules: RuleSet, node: ast.AST, ref: TFRef, ctx: Context) -> None:
    name = ref.name
    if not name or id(node) in ctx.claimed:
        return
    for key in prefixes(name):
        matched = rules.by_name.get(key)
        if matched:
            for rule in matched:
                _guarded(rule, ctx, node, rule.on_reference, node, ref, key, ctx)
            return


def _guarded(rule: Rule, ctx: Context, node: ast.AST, call: Callable[..., None], *args: Any) -> None:
    """Run one rule; a crash becomes a TF009 finding instead of ending the run."""
    try:
        call(*args)
    except RecursionError:
        raise
    except Exception as exc:  # noqa: BLE001 - a rule bug must not lose the file's other findings
        ctx.findings.append((0, tool_findings.internal_error(ctx.filename, rule.code, exc, node)))


def walk(tree: ast.Module, ctx: Context, rules: RuleSet) -> None:
    resolver = ctx.resolver
    by_type = rules.by_type
    stack: List[Tuple[ast.AST, Scope]] = [(tree, resolver.module_scope)]
    pop, extend = stack.pop, stack.extend
    while stack:
        node, scope = pop()
        ctx.scope = scope
        node_type = type(node)
        checks = by_type.get(node_type)
        if checks:
            for rule in checks:
                _guarded(rule, ctx, node, rule.check, node, ctx)
        if node_type is ast.Attribute or node_type is ast.Name:
            if isinstance(node.ctx, ast.Load):  # type: ignore[attr-defined]
                ref = resolver.resolve(node, scope)
                if ref is not None and not ref.instance:
                    if ref.via == "compat.v1":
                        ctx.runs_tf1 = True
                    _report_reference(rules, node, ref, ctx)
                    continue  # the chain's prefixes name the same thing
            if node_type is ast.Name:
                continue
        elif node_type is ast.Import or node_type is ast.ImportFrom:
            for target, ref in _import_refs(node):
                if ref.via == "compat.v1":
                    ctx.runs_tf1 = True
                _report_reference(rules, target, ref, ctx)
            continue
        children = _children(node, scope, resolver)
        children.reverse()
        extend(children)


def _dedupe(findings: List[Tuple[int, Finding]]) -> List[Finding]:
    """One finding per place: the most specific (lowest priority number) rule wins."""
    best: Dict[Tuple[int, int, str], Tuple[int, int, Finding]] = {}
    for order, (priority, finding) in enumerate(findings):
        key = (finding.start.row, finding.start.col, "" if not finding.code.startswith("TF0") else finding.code)
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
) -> List[Finding]:
    """Run the enabled rules over an already-parsed module (the flake8/pylint entry)."""
    try:
        resolver = Resolver(tree)
        ctx = Context(filename, lines, resolver, config.target_version)
        walk(tree, ctx, rule_set(config))
        for fn in ctx.deferred:
            fn()
    except RecursionError:
        return [tool_findings.too_deep(filename)]
    findings = _dedupe(ctx.findings)
    ignored = config.ignored_for_file(filename)
    if ignored:
        findings = [f for f in findings if not any(f.code.startswith(c) for c in ignored)]
    if apply_noqa:
        findings = without_suppressed(findings, lines)
    return findings


def decode(data: bytes) -> str:
    """Decode source bytes as Python does (BOM, PEP 263 cookie, UTF-8 default)."""
    encoding, _ = tokenize.detect_encoding(io.BytesIO(data).readline)
    return data.decode(encoding)


_LINE_BREAK = re.compile(r"\r\n|\r|\n")


def physical_lines(source: str) -> List[str]:
    """Split source into lines the way Python numbers them.

    ``str.splitlines`` also breaks at form feeds and other Unicode separators, which
    would shift every later row against the ast's line numbers.
    """
    return _LINE_BREAK.split(source)


def mentions_tensorflow(data: bytes) -> bool:
    return b"tensorflow" in data


def lint_source(source: str, filename: str, config: Config, *, apply_noqa: bool = True) -> List[Finding]:
    """Lint source text; a file that cannot be parsed becomes a TF0xx finding."""
    if "\0" in source:
        return [tool_findings.nul_bytes(filename, source)]
    try:
        tree = ast.parse(source, filename=filename)
    except SyntaxError as exc:
        return [tool_findings.syntax_error(filename, source, exc)]
    except (RecursionError, MemoryError):
        return [tool_findings.too_deep(filename)]
    except ValueError as exc:
        return [tool_findings.unreadable(filename, str(exc))]
    return lint_tree(tree, physical_lines(source), filename, config, apply_noqa=apply_noqa)


def lint_bytes(data: bytes, filename: str, config: Config) -> List[Finding]:
    if not mentions_tensorflow(data):
        return []
    try:
        source = decode(data)
    except (SyntaxError, LookupError, UnicodeDecodeError) as exc:
        return [tool_findings.undecodable(filename, exc)]
    return lint_source(source, filename, config)


def lint_path(path: str, config: Config, display: Optional[str] = None) -> List[Finding]:
    """Read and lint one file; any read problem becomes a finding, never an exception."""
    name = display or path
    try:
        with open(path, "rb") as handle:
            data = handle.read()
    except IsADirectoryError:
        return [tool_findings.unreadable(name, "is a directory, not a Python file")]
    except OSError as exc:
        return [tool_findings.unreadable(name, exc.strerror or str(exc))]
    return lint_bytes(data, name, config)

