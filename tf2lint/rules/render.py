"""One renderer for the TF2 code a finding shows and the code its fix writes.

A rendering starts from the user's own expression and is a list of small edits inside it:
the callee renamed, a keyword renamed, a keyword inserted before a positional argument whose
position changed, an argument deleted (named in ``dropped`` with the reason), and the TF1
names nested in the arguments converted by the same rules. The text a finding shows is those
edits applied to the expression's source; the fix is the same edits, so the two cannot
differ, and formatting and comments between the edits stay as the user wrote them.

Every `tf.*` name a rendering introduces is recorded (``introduced``) and checked against the
TF2 tables of the pinned release. Names are spelled from the module alias the user wrote:
under `import tensorflow as tf` a rename lands in TF2 (`tf.math.log`); under
`import tensorflow.compat.v1 as tf` it stays in `tf.compat.v1` and is made only where that
name runs the same code there (tf2lint/data/generated/fixes.py), so a fix never switches a
module to TF2 semantics and never writes `compat.v1` itself.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Dict, FrozenSet, Iterable, List, NamedTuple, Optional, Sequence, Tuple

from tf2lint.data import symbols as routes
from tf2lint.data.generated import fixes as facts
from tf2lint.data.generated import signatures as sig
from tf2lint.data.generated import v1_symbols as gen
from tf2lint.finding import Applicability, Edit, Fix, Position
from tf2lint.names import TFRef, exists_in_tf2, prefixes

if TYPE_CHECKING:
    from tf2lint.context import Context

TF2 = "tf2"  # the module alias is `tensorflow`: new names are looked up in TF2
V1 = "compat.v1"  # the alias is `tensorflow.compat.v1`: new names are looked up there

_END = (1 << 30, 0)


@dataclass(frozen=True)
class Root:
    """How the code names the TensorFlow module a rendering spells new names from."""

    text: str  # `tf`, `tf1`, ...
    namespace: str  # TF2 or V1


@dataclass
class Rendered:
    """A rendering of one expression: its edits, the resulting text, and what it took."""

    node: ast.AST
    edits: List[Edit]
    text: str
    safe: bool = True
    dropped: List[Tuple[str, str]] = field(default_factory=list)  # (argument as written, why)
    introduced: FrozenSet[str] = frozenset()  # canonical TF names the text introduces
    unsafe_because: List[str] = field(default_factory=list)
    signature: str = ""  # a renamed callee: whose keywords it takes (TF2 or V1)

    @property
    def applicability(self) -> str:
        return (Applicability.SAFE if self.safe else Applicability.UNSAFE).value

    @property
    def display(self) -> str:
        """The rendered code for a finding's text: one line, in backticks."""
        return f"`{_one_line(self.text)}`"

    def notes(self) -> str:
        """Sentences naming what the rendering dropped and why it may behave differently."""
        parts = [f"`{arg}` is dropped: {why}" for arg, why in self.dropped]
        parts += [why for why in self.unsafe_because if why]
        return " ".join(p if p.endswith(".") else p + "." for p in parts)

    def fix(self, message: str, extra: Iterable[Optional[Edit]] = ()) -> Optional[Fix]:
        if not self.edits:
            return None
        edits = tuple(self.edits) + tuple(e for e in extra if e is not None)
        return Fix(self.applicability, edits, message)


# ----- where new names are spelled from -------------------------------------------------------


def _base_name(node: ast.AST) -> Optional[ast.Name]:
    while isinstance(node, ast.Attribute):
        node = node.value
    return node if isinstance(node, ast.Name) else None


def module_alias(ctx: Context, at: Optional[ast.AST] = None) -> Optional[Root]:
    """A module-level name bound to `tensorflow` (preferred) or `tensorflow.compat.v1`, for
    spelling a new name where the code reached the old one another way (a from-import)."""
    resolver = ctx.resolver
    pos = (at.lineno, at.col_offset) if at is not None and hasattr(at, "lineno") else _END  # type: ignore[attr-defined]
    found: Dict[str, Root] = {}
    # Only a name some binding may make TensorFlow can be the alias (the resolver's superset).
    names = [n for n in resolver.module_scope.bindings if n in resolver.maybe_tf]
    for name in sorted(names, key=lambda n: (n != "tf", n)):
        ref = resolver.lookup(name, resolver.module_scope, _END)
        if ref is None or ref.instance or ref.path not in ("tensorflow", "tensorflow.compat.v1"):
            continue
        here = resolver.lookup(name, ctx.scope, pos)
        if here is not None and here.path == ref.path and not here.instance:
            found.setdefault(ref.path, Root(name, TF2 if ref.path == "tensorflow" else V1))
    return found.get("tensorflow") or found.get("tensorflow.compat.v1")


def root_of(node: ast.AST, ctx: Context) -> Optional[Root]:
    """The module alias a rename of ``node`` (a reference) is spelled from, and its namespace."""
    base = _base_name(node)
    if base is not None and base is not node:
        ref = ctx.resolve(base)
        if ref is not None and not ref.instance:
            if ref.path == "tensorflow":
                return Root(base.id, TF2)
            if ref.path == "tensorflow.compat.v1":
                return Root(base.id, V1)
    return module_alias(ctx, node)


# ----- names: renames and casts ---------------------------------------------------------------


def renamed_key(name: str) -> Optional[str]:
    """The entry of the generated rename table ``name`` falls under (itself or a prefix)."""
    for prefix in prefixes(name):
        if prefix in gen.RENAMED:
            return prefix
    return None


class Renamed(NamedTuple):
    new: str  # canonical TF2 name
    text: str  # its spelling
    safe: bool
    why: str  # why it may behave differently (unsafe)
    signature: str  # whose keywords the renamed function takes: TF2's, or the TF1 function's (V1)


def rename_text(ref: TFRef, root: Root) -> Optional[Renamed]:
    """The rename of a renamed TF1 name spelled from ``root``, or None when there is none to make."""
    key = renamed_key(ref.name)
    if key is None or key in routes.CASTS:
        return None
    new = gen.RENAMED[key] + ref.name[len(key) :]
    text = f"{root.text}.{new}"
    if root.namespace == V1:
        if key in facts.SAME_IN_COMPAT_V1:
            return Renamed(new, text, True, "", V1)
        if key in routes.SAME_BEHAVIOUR_RENAMES and key in facts.SAME_TARGET:
            return Renamed(new, text, True, "", TF2)  # compat.v1 serves TF2's function under that name
        return None  # another function under that name in compat.v1: the module keeps TF1's
    if exists_in_tf2(new) is not True:
        return None  # Keras-served or unknown in the pinned release: never advise a name it may lack
    if key in facts.SAME_IN_TF2 or key in routes.SAME_BEHAVIOUR_RENAMES:
        return Renamed(new, text, True, "", TF2)
    why = routes.RENAME_DIFFERENCES.get(key) or (
        f"`tf.{new}` is not the same function as TF1's `{key}`: check the results where it matters"
    )
    return Renamed(new, text, False, why, TF2)


def rename(node: ast.AST, ref: TFRef, ctx: Context) -> Optional[Rendered]:
    """`tf.log` -> `tf.math.log`: a reference to a renamed TF1 name, spelled from the user's alias."""
    root = root_of(node, ctx)
    if root is None or not hasattr(node, "lineno"):
        return None
    done = rename_text(ref, root)
    if done is None:
        return None
    edit = ctx.edit(node, done.text)
    return Rendered(node, [edit], done.text, done.safe, [], frozenset({done.new}), [done.why] if done.why else [], done.signature)


# ----- calls ---------------------------------------------------------------------------------


def _arguments(call: ast.Call) -> List[ast.AST]:
    """The call's arguments in source order (positional, starred, keywords)."""
    items: List[ast.AST] = [*call.args, *call.keywords]
    return sorted(items, key=lambda n: (n.lineno, n.col_offset))  # type: ignore[attr-defined]


class _Builder:
    """Collects the edits of one call's rendering."""

    def __init__(self, call: ast.Call, ctx: Context):
        self.call = call
        self.ctx = ctx
        self.edits: List[Edit] = []
        self.safe = True
        self.dropped: List[Tuple[str, str]] = []
        self.introduced: set = set()
        self.unsafe_because: List[str] = []

    def take(self, part: Optional[Rendered]) -> None:
        if part is None:
            return
        self.edits.extend(part.edits)
        self.introduced |= part.introduced
        self.dropped.extend(part.dropped)
        if not part.safe:
            self.safe = False
            self.unsafe_because.extend(part.unsafe_because)

    def drop(self, item: ast.AST, why: str, safe: bool, label: str = "") -> None:
        """Delete an argument (with the comma that separates it); ``label`` names it in the text."""
        items = _arguments(self.call)
        index = next(i for i, n in enumerate(items) if n is item)
        start, end = self.ctx.node_span(item)
        if index > 0:
            start = self.ctx.node_span(items[index - 1])[1]
        elif index + 1 < len(items):
            end = self.ctx.node_span(items[index + 1])[0]
        self.edits.append(Edit(start, end, ""))
        self.dropped.append((label or _one_line(self.ctx.source_of(item)), why))
        if not safe:
            self.safe = False

    def insert_before(self, node: ast.AST, text: str) -> None:
        start = self.ctx.node_span(node)[0]
        self.edits.append(Edit(start, start, text))

    def insert_after(self, node: ast.AST, text: str) -> None:
        end = self.ctx.node_span(node)[1]
        self.edits.append(Edit(end, end, text))

    def nested(self, value: ast.AST) -> None:
        """Convert the TF1 names inside an argument (safe conversions only)."""
        for part in nested_conversions(value, self.ctx):
            self.take(part)

    def result(self) -> Rendered:
        edits = sorted(set(self.edits))
        text = apply_to_node(self.ctx, self.call, edits)
        return Rendered(self.call, edits, text, self.safe, self.dropped, frozenset(self.introduced), self.unsafe_because)


@dataclass(frozen=True)
class Target:
    """Where one TF1 argument goes in the rendered call."""

    keyword: Optional[str]  # the keyword to pass it as; None: dropped
    template: str = ""  # its value from the TF1 one (`1 - {value:p}`); "" keeps it as written
    why: str = ""  # dropped: the reason, said in the finding
    safe_value: object = None  # dropped: the literal value for which dropping changes nothing


class CallMap:
    """How a call's TF1 arguments map onto the rendered call. ``params``: the TF1 positional
    parameter names; positional arguments before ``keep`` stay positional, later ones are
    passed by keyword. Build one from a table with ``mapping``, or subclass it."""

    def __init__(self, params: Sequence[str], keep: int):
        self.params = tuple(params)
        self.keep = keep

    def target(self, keyword: str) -> Optional[Target]:
        """Where TF1 argument ``keyword`` goes; None when it cannot be said (no rendering)."""
        return Target(keyword)


class _TableMap(CallMap):
    def __init__(self, params: Sequence[str], keep: int, targets: Dict[str, Target], strict: bool):
        super().__init__(params, keep)
        self.targets = targets
        self.strict = strict

    def target(self, keyword: str) -> Optional[Target]:
        found = self.targets.get(keyword)
        if found is not None:
            return found
        return None if self.strict else Target(keyword)


def mapping(params: Sequence[str], keep: int, targets: Dict[str, Target], *, strict: bool = False) -> CallMap:
    """A CallMap from a table (TF1 keyword -> Target; others kept as they are). ``strict``:
    an argument the table does not name refuses the rendering instead."""
    return _TableMap(params, keep, targets, strict)


class _SignatureMap(CallMap):
    """Family 9's mapping of a TF1 function onto its TF2 form (the generated signature tables)."""

    def __init__(self, name: str, namespace: str):
        entry = sig.POSITIONAL.get(name)
        super().__init__(entry[1] if entry is not None else (), entry[0] if entry is not None else 1 << 30)
        self.name = name
        self.namespace = namespace

    def target(self, keyword: str) -> Optional[Target]:
        name = self.name
        rewrite = routes.KEYWORD_REWRITES.get((name, keyword))
        if rewrite is not None and (self.namespace == TF2 or rewrite[0] in facts.V1_KEYWORDS.get(name, (rewrite[0],))):
            return Target(rewrite[0], rewrite[1])
        new, known = keyword_for(name, keyword, self.namespace)
        if not known:
            return None
        if new is None:
            why = routes.KEYWORD_NOTES.get(keyword) or f"TF2's function has no `{keyword}` argument"
            return Target(None, why=why, safe_value=routes.SAFE_DROPS.get(keyword, _NO_VALUE))
        return Target(new)


def keyword_for(name: str, keyword: str, namespace: str) -> Tuple[Optional[str], bool]:
    """(the keyword to pass ``keyword``'s value as, known) for TF1 function ``name``.

    In TF2 the TF2 keyword (None: TF2 dropped it). Under a compat.v1 alias the TF1 function
    stays: the TF2 keyword where it accepts that too (the code then reads as TF2), else the
    TF1 one. ``known`` is False when the target function's keywords are not known.
    """
    changes = sig.KEYWORDS.get(name, {})
    new = changes[keyword] if keyword in changes else keyword
    if namespace == V1:
        accepted1 = facts.V1_KEYWORDS.get(name)
        if accepted1 is None:
            return keyword, keyword not in changes
        if new is not None and new in accepted1:
            return new, True
        return keyword, keyword in accepted1
    accepted2 = facts.TF2_KEYWORDS.get(name)
    if accepted2 is None or "**" in accepted2:
        return new, keyword not in changes or new is not None
    if new is None or new in accepted2:
        return new, True
    return None, False


def render_call(
    call: ast.Call,
    ref: TFRef,
    ctx: Context,
    *,
    callee: Optional[Rendered] = None,
    namespace: Optional[str] = None,
) -> Optional[Rendered]:
    """The user's call of TF1 function ``ref`` in its TF2 form (family 9's signature tables)."""
    if namespace is None:
        root = root_of(call.func, ctx)
        namespace = root.namespace if root is not None else TF2
    return render_mapped(call, ctx, _SignatureMap(ref.name, namespace), callee=callee)


def render_mapped(
    call: ast.Call,
    ctx: Context,
    how: CallMap,
    *,
    callee: Optional[Rendered] = None,
    callee_text: Optional[str] = None,
    root: str = "tf",
) -> Optional[Rendered]:
    """The user's call rendered by ``how``: the callee replaced (``callee``, a rendering of it,
    or ``callee_text``), every argument kept and mapped to its keyword (positional ones from
    ``how.keep`` on passed by keyword), dropped ones named with the reason, `*args`/`**kwargs`
    kept, TF1 names nested in the arguments converted. None when the call cannot be rendered
    faithfully (an unpacked `*args` before an argument passed by keyword, more positional
    arguments than the TF1 signature has, an argument the mapping cannot place).

    ``introduced`` includes the names ``callee_text`` spells from ``root`` (`tf.x.y` -> `x.y`).
    """
    build = _Builder(call, ctx)
    build.take(callee)
    if callee_text is not None:
        build.edits.append(ctx.edit(call.func, callee_text))
        build.introduced |= set(names_in(callee_text, root))
        if missing_in_tf2(build.introduced):
            return None  # never advise a name the pinned TensorFlow lacks
    starred = any(isinstance(a, ast.Starred) for a in call.args)
    for index, value in enumerate(call.args):
        if index < how.keep or isinstance(value, ast.Starred):
            build.nested(value.value if isinstance(value, ast.Starred) else value)
            continue
        if starred or index >= len(how.params):
            return None  # which parameter it binds is unknown (or TF1 would have refused it)
        if not _place(build, how, how.params[index], value, value, positional=True):
            return None
    for kw in call.keywords:
        if kw.arg is None:
            build.nested(kw.value)
            continue
        if not _place(build, how, kw.arg, kw, kw.value, positional=False):
            return None
    return build.result()


def _place(build: _Builder, how: CallMap, keyword: str, item: ast.AST, value: ast.AST, *, positional: bool) -> bool:
    """Add the edits for one argument bound to TF1 parameter ``keyword``; False when impossible."""
    ctx = build.ctx
    target = how.target(keyword)
    if target is None:
        return False
    if target.keyword is None:
        label = f"{keyword}={_one_line(ctx.source_of(value))}" if positional else ""
        build.drop(item, target.why or f"the TF2 call has no `{keyword}`", target.safe_value == _literal(value), label)
        return True
    if target.template:
        inner = expression(value, ctx)
        text = f"{target.keyword}={target.template.format(value=_Operand(inner.text, value))}"
        build.edits.append(Edit(*_span(ctx, item), text))
        build.introduced |= inner.introduced
        return True
    if positional:
        build.insert_before(item, f"{target.keyword}=")
    elif target.keyword != keyword:
        start = ctx.node_span(item)[0]
        build.edits.append(Edit(start, ctx.node_span(value)[0], f"{target.keyword}="))
    build.nested(value)
    return True


_NO_VALUE = object()


def _literal(node: ast.AST) -> object:
    try:
        return ast.literal_eval(node)
    except (ValueError, TypeError, SyntaxError, MemoryError, RecursionError):
        return object()


class _Operand:
    """A value for a keyword template; ``{value:p}`` parenthesizes a compound expression."""

    def __init__(self, text: str, node: ast.AST):
        self.text = text
        self.compound = not isinstance(node, (ast.Name, ast.Attribute, ast.Constant, ast.Call, ast.Subscript))

    def __format__(self, spec: str) -> str:
        return f"({self.text})" if spec == "p" and self.compound else self.text


def _span(ctx: Context, node: ast.AST) -> Tuple[Position, Position]:
    return ctx.node_span(node)


def cast(call: ast.Call, ref: TFRef, ctx: Context) -> Optional[Rendered]:
    """`tf.to_float(x)` -> `tf.cast(x, tf.float32)`: the callee renamed and the dtype inserted."""
    dtype = routes.CASTS.get(ref.name)
    if dtype is None or not hasattr(call.func, "lineno"):
        return None
    root = root_of(call.func, ctx)
    if root is None:
        return None
    allowed = {"x", "name"}
    if len(call.args) > 2 or any(isinstance(a, ast.Starred) for a in call.args):
        return None
    if any(kw.arg not in allowed for kw in call.keywords):
        return None  # `**kwargs` or an unknown keyword: the binding is not known
    dtype_member = dtype.split(".", 1)[1]
    build = _Builder(call, ctx)
    build.edits.append(ctx.edit(call.func, f"{root.text}.cast"))
    build.introduced |= {"cast", dtype_member}
    x_kw = next((kw for kw in call.keywords if kw.arg == "x"), None)
    if call.args:
        build.insert_after(call.args[0], f", {root.text}.{dtype_member}")
    elif x_kw is not None:
        build.insert_after(x_kw, f", dtype={root.text}.{dtype_member}")
    else:
        return None
    for value in [*call.args, *(kw.value for kw in call.keywords)]:
        build.nested(value)
    return build.result()


# ----- nested conversions ------------------------------------------------------------------


def conversion(node: ast.AST, ctx: Context) -> Optional[Rendered]:
    """The family-9 conversion of ``node`` when it is a cast call, a call or a reference to a
    renamed TF1 name (that no idiom rule owns); None for anything else."""
    from tf2lint.rules.tf9_symbols import covered_by_idiom

    if isinstance(node, ast.Call):
        ref = ctx.resolve_call(node)
        if ref is None or covered_by_idiom(ref.name):
            return None
        if ref.name in routes.CASTS:
            return cast(node, ref, ctx)
        if renamed_key(ref.name) is None:
            return None
        return call_conversion(node, ref, ctx)
    if isinstance(node, ast.Attribute) and isinstance(node.ctx, ast.Load):
        ref = ctx.resolve(node)
        if ref is None or ref.instance or covered_by_idiom(ref.name):
            return None
        if renamed_key(ref.name) is None or ref.name in routes.CASTS:
            return None
        return rename(node, ref, ctx)
    return None


def call_conversion(call: ast.Call, ref: TFRef, ctx: Context) -> Optional[Rendered]:
    """A call of a renamed TF1 function: the callee renamed, and its arguments too when their
    keywords or positions changed (a renamed callee alone would bind them wrongly)."""
    callee = rename(call.func, ref, ctx)
    if callee is None:
        return None
    if ref.name in sig.POSITIONAL and any(isinstance(a, ast.Starred) for a in call.args):
        return None  # `*args` may reach a position whose meaning changed
    if needs_argument_changes(call, ref.name):
        return render_call(call, ref, ctx, callee=callee, namespace=callee.signature)
    build = _Builder(call, ctx)
    build.take(callee)
    for value in [*call.args, *(kw.value for kw in call.keywords)]:
        build.nested(value.value if isinstance(value, ast.Starred) else value)
    return build.result()


def needs_argument_changes(call: ast.Call, name: str) -> bool:
    """Whether the call passes a keyword TF2 renamed or dropped, or a positional argument at or
    after the first position whose meaning changed."""
    changes = sig.KEYWORDS.get(name, {})
    if any(kw.arg in changes for kw in call.keywords):
        return True
    entry = sig.POSITIONAL.get(name)
    return entry is not None and len(call.args) > entry[0]


def nested_conversions(node: ast.AST, ctx: Context) -> List[Rendered]:
    """The safe conversions inside an expression, outermost first (a converted call renders
    its own arguments)."""
    found: List[Rendered] = []
    _collect_conversions(node, ctx, found)
    return found


def _collect_conversions(current: ast.AST, ctx: Context, found: List[Rendered]) -> None:
    # A module-level function, not a closure: a recursive closure is a reference cycle that
    # would keep the file's context and tree alive until the cyclic collector runs.
    done = conversion(current, ctx)
    if done is not None and done.safe and done.edits:
        found.append(done)
        return
    if isinstance(current, ast.Call) and done is None:
        ref = ctx.resolve_call(current)
        if ref is not None and renamed_key(ref.name) is not None:
            # A renamed callee whose call could not be rendered: leave the callee alone.
            for child in [*current.args, *(kw.value for kw in current.keywords)]:
                _collect_conversions(child, ctx, found)
            return
    for inner in ast.iter_child_nodes(current):
        _collect_conversions(inner, ctx, found)


def expression(node: ast.AST, ctx: Context) -> Rendered:
    """The source of an expression with its TF1 names converted (safe conversions only)."""
    parts = nested_conversions(node, ctx)
    edits = sorted({e for p in parts for e in p.edits})
    text = apply_to_node(ctx, node, edits)
    introduced: FrozenSet[str] = frozenset().union(*(p.introduced for p in parts)) if parts else frozenset()
    return Rendered(node, edits, text, True, [], introduced)


# ----- text --------------------------------------------------------------------------------


def apply_to_node(ctx: Context, node: ast.AST, edits: Sequence[Edit]) -> str:
    """The source of ``node`` with ``edits`` (inside it) applied."""
    start, _ = ctx.node_span(node)
    text = ctx.source_of(node)
    lines = text.split("\n")
    offsets = [0]
    for line in lines[:-1]:
        offsets.append(offsets[-1] + len(line) + 1)

    def at(pos: Position) -> int:
        row = pos.row - start.row
        col = pos.col - start.col if row == 0 else pos.col
        row = min(max(row, 0), len(lines) - 1)
        return min(offsets[row] + max(col, 0), len(text))

    out = text
    for edit in sorted(edits, key=lambda e: (e.start, e.end), reverse=True):
        out = out[: at(edit.start)] + edit.content + out[at(edit.end) :]
    return out


def _one_line(text: str) -> str:
    """``text`` on one line, for a finding's message: comments dropped, line breaks joined."""
    has_comment = "#" in text  # without one, the tokenizer has nothing to find
    if not has_comment and "\n" not in text:
        return text.strip()
    lines = text.split("\n")
    if has_comment:
        _drop_comments(text, lines)
    out = ""
    for piece in (line.strip() for line in lines):
        if not piece:
            continue
        glue = "" if not out or out[-1] in "([{" or piece[0] in ")]}" else " "
        out += glue + piece
    return out


def _drop_comments(text: str, lines: List[str]) -> None:
    """Cut each comment of ``text`` from ``lines`` (its lines), as the tokenizer finds them."""
    import io
    import tokenize

    try:
        for token in tokenize.generate_tokens(io.StringIO(f"({text}\n)").readline):
            if token.type == tokenize.COMMENT:
                row, col = token.start[0] - 1, token.start[1] - (1 if token.start[0] == 1 else 0)
                lines[row] = lines[row][:col]
    except (tokenize.TokenError, IndentationError, SyntaxError, IndexError):
        pass


def names_in(text: str, root: str = "tf") -> List[str]:
    """The canonical TF names ``text`` spells from the module alias ``root`` (`tf.math.log` -> `math.log`)."""
    import re

    pattern = re.compile(rf"(?<![\w.]){re.escape(root)}\.([A-Za-z_]\w*(?:\.[A-Za-z_]\w*)*)")
    return [m.group(1) for m in pattern.finditer(text)]


def missing_in_tf2(names: Iterable[str]) -> List[str]:
    """The canonical names among ``names`` that the pinned TF2 release lacks (tables)."""
    return sorted(n for n in names if exists_in_tf2(n) is False)


def introduced_names(rendered: Rendered) -> Dict[str, Optional[bool]]:
    """Each introduced name and whether TF2 has it (None: a Keras-served namespace)."""
    return {n: exists_in_tf2(n) for n in sorted(rendered.introduced)}


# ----- one plan per call, shared by the rules that report it ----------------------------------


def call_plan(call: ast.Call, ref: TFRef, ctx: Context) -> Optional[Rendered]:
    """The TF2 form of a call of a TF1 function, whichever family-9 rule reports it: a cast
    rewritten, a renamed callee (with its arguments when they changed), or the arguments of a
    function TF2 kept. TF902, TF903 and TF904 on one call carry this same rendering, so their
    fixes are identical edits applied once."""
    if ref.name in routes.CASTS:
        return cast(call, ref, ctx)
    if renamed_key(ref.name) is not None:
        converted = call_conversion(call, ref, ctx)
        if converted is not None:
            return converted
    # The callee stays: its keywords must suit the function it names now.
    return render_call(call, ref, ctx, namespace=V1 if ref.via == "compat.v1" else TF2)


def touches(rendered: Optional[Rendered], node: ast.AST, ctx: Context) -> bool:
    """Whether the rendering changes the argument ``node`` itself: renames its keyword, puts a
    keyword before it, or deletes it (a conversion nested in its value does not count)."""
    if rendered is None:
        return False
    start, end = ctx.node_span(node)
    return any(e.start == start or (e.start <= start and end <= e.end and e.start != e.end) for e in rendered.edits)


def drop_argument(call: ast.Call, item: ast.AST, ctx: Context, message: str) -> Optional[Fix]:
    """An unsafe fix deleting one argument of ``call`` (with the comma before or after it)."""
    build = _Builder(call, ctx)
    build.drop(item, "", False)
    return Fix(Applicability.UNSAFE.value, tuple(build.edits), message)
