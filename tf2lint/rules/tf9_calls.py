"""Family 9 (TF9xx), calls: renamed or removed keywords, reordered arguments, same name with changed meaning.

The signature differences come from the generated table (tf2lint/data/generated/
signatures.py: every function present in TF1 and TF2, compared parameter by parameter). A
call is looked at only when a cheap test on its syntax says it could match (one of the
keywords TF2 dropped, a function name whose arguments moved), so most calls cost one set
lookup.
"""

from __future__ import annotations

import ast
import string
from typing import Callable, Dict, FrozenSet, List, Sequence, Tuple

from tf2lint.context import Context
from tf2lint.data import symbols as routes
from tf2lint.data.generated import signatures as sig
from tf2lint.data.generated import v1_symbols as gen
from tf2lint.finding import Severity
from tf2lint.names import VIA_COMPAT_V1, VIA_COMPAT_V2, TFRef
from tf2lint.rules import render
from tf2lint.rules.base import Rule, register
from tf2lint.rules.rank_evidence import selects_rows
from tf2lint.rules.tf9_symbols import classify, covered_by_idiom, evidence, when_tf1

OLD_KEYWORDS: FrozenSet[str] = frozenset(
    {k for changes in sig.KEYWORDS.values() for k in changes} | {k for changes in sig.METHOD_KEYWORDS.values() for k in changes}
)


def _last_component(name: str) -> str:
    return name.rpartition(".")[2]


def _min_first_index() -> Dict[str, int]:
    out: Dict[str, int] = {}
    for name, (first, *_rest) in sig.POSITIONAL.items():
        if name not in routes.CHANGED:
            last = _last_component(name)
            out[last] = min(first, out.get(last, first))
    return out


# Last name component of a reordered function -> the fewest positional arguments that matter.
REORDER_MIN: Dict[str, int] = _min_first_index()
CHANGED_LAST: FrozenSet[str] = frozenset(_last_component(n) for n in routes.CHANGED)
_FORMATTER = string.Formatter()
_MAX_ARG = 40


# Calls that switch a TF2 install to TF1 behaviour: evidence that the module runs TF1.
TF1_SWITCHES: FrozenSet[str] = frozenset({"disable_v2_behavior", "disable_eager_execution"})


def _func_name(func: ast.AST) -> str:
    if isinstance(func, ast.Attribute):
        return func.attr
    if isinstance(func, ast.Name):
        return func.id
    return ""


def owned_elsewhere(name: str) -> bool:
    if any(name == p or name.startswith(p + ".") for p in routes.SIGNATURES_OWNED_ELSEWHERE):
        return True
    return covered_by_idiom(name)


def severity_of(ref: TFRef, certain: bool = True) -> Severity:
    if ref.via == VIA_COMPAT_V1 or not certain:
        return Severity.WARNING
    return Severity.ERROR


def tf2_spelling(name: str) -> str:
    return "tf." + gen.RENAMED.get(name, name)


_COMPOUND = (ast.BinOp, ast.BoolOp, ast.Compare, ast.IfExp, ast.Lambda, ast.UnaryOp, ast.NamedExpr)


class Source:
    """An argument's source for a rendered replacement: one line, short.

    Formatted with the ``p`` spec (``{value:p}``) it is parenthesized when it is a compound
    expression, for templates that put it next to an operator (``1 - {value:p}``).
    """

    def __init__(self, node: ast.AST, ctx: Context):
        text = ctx.source_of(node)
        if "\n" in text or len(text) > _MAX_ARG:
            text = text.split("\n")[0][: _MAX_ARG - 3].rstrip() + "..."
        self.text = text
        self.compound = isinstance(node, _COMPOUND)

    def __format__(self, spec: str) -> str:
        return f"({self.text})" if spec == "p" and self.compound else self.text

    def __str__(self) -> str:
        return self.text


def _source(node: ast.AST, ctx: Context) -> Source:
    return Source(node, ctx)


class Span:
    """A source range given to ``Context.add`` in place of a node."""

    def __init__(self, first: ast.AST, last: ast.AST):
        self.lineno = first.lineno  # type: ignore[attr-defined]
        self.col_offset = first.col_offset  # type: ignore[attr-defined]
        self.end_lineno = getattr(last, "end_lineno", None)
        self.end_col_offset = getattr(last, "end_col_offset", None)


class BoundCall:
    """A call's arguments bound to the TF1 parameter names."""

    def __init__(self, call: ast.Call, params: Sequence[str]):
        self.call = call
        self.positional: List[ast.expr] = []
        self.open = False  # `*args` / `**kwargs`: the binding is incomplete
        for arg in call.args:
            if isinstance(arg, ast.Starred):
                self.open = True
                break
            self.positional.append(arg)
        self.by_name: Dict[str, ast.AST] = {}
        for param, arg in zip(params, self.positional):
            self.by_name[param] = arg
        for kw in call.keywords:
            if kw.arg is None:
                self.open = True
            else:
                self.by_name[kw.arg] = kw.value

    def binds_all(self, params: Sequence[str]) -> bool:
        return self.open or all(p in self.by_name for p in params)


def render_arguments(bound: BoundCall, name: str, params: Sequence[str], keep: int, ctx: Context) -> str:
    """The call's arguments for TF2: the first ``keep`` positional ones as written, the rest by
    their TF2 keyword, keywords TF2 dropped left out."""
    changes = sig.KEYWORDS.get(name, {})
    parts: List[str] = [str(_source(a, ctx)) for a in bound.positional[:keep]]

    def add(keyword: str, value: ast.AST) -> None:
        rewrite = routes.KEYWORD_REWRITES.get((name, keyword))
        if rewrite is not None:
            parts.append(f"{rewrite[0]}={rewrite[1].format(value=_source(value, ctx))}")
            return
        new = changes.get(keyword, keyword) if keyword in changes else keyword
        if new is not None:
            parts.append(f"{new}={_source(value, ctx)}")

    for i, arg in enumerate(bound.positional[keep:], start=keep):
        if i < len(params):
            add(params[i], arg)
    for kw in bound.call.keywords:
        if kw.arg is None:
            parts.append(f"**{_source(kw.value, ctx)}")
        else:
            add(kw.arg, kw.value)
    if len(bound.positional) < len(bound.call.args):
        parts.extend(f"*{_source(a.value, ctx)}" for a in bound.call.args[len(bound.positional) :] if isinstance(a, ast.Starred))
    return ", ".join(parts)


def _shown(plan: render.Rendered) -> str:
    """The rendered call a finding shows, with what it dropped and why it may differ."""
    notes = plan.notes()
    return plan.display + (" " + notes if notes else "")


@register
class RenamedKeywordRule(Rule):
    """Reports keyword arguments TF2 renamed or removed: `keep_dims`, `reduction_indices`, `dim`,
    `squeeze_dims`, `keep_prob`, `partition_strategy`, ...

    TF1 accepted these spellings (many already deprecated); TF2's functions do not, and a
    call that passes them raises `TypeError`. Renamed ones keep their value under the new
    keyword (`keep_dims=True` -> `keepdims=True`, `keep_prob=p` -> `rate=1 - p`); removed ones
    are deleted, with what TF2 does instead.
    """

    code = "TF903"
    symbol = "renamed-keyword"
    summary = "`{name}` passes a keyword TF2 renamed or removed"
    replacement = (
        "`keepdims=` for `keep_dims=`, `axis=` for `reduction_indices=` / `dim=` / `squeeze_dims=`, `rate=1 - p` for "
        "`keep_prob=p`; delete removed ones such as `partition_strategy=` (the finding says what TF2 does instead)."
    )
    node_types = (ast.Call,)
    call_keywords = OLD_KEYWORDS
    priority = 1
    fix_safety = (
        "Safe for renamed keywords (`keep_dims=True` -> `keepdims=True`, `keep_prob=p` -> `rate=1 - p`, which TF1 "
        "computed the same way) where the function called accepts the new keyword (under a `tf.compat.v1` alias "
        "the TF1 function stays, so only keywords it accepts too are renamed), and for deleting a removed keyword "
        "whose value is what TF2 always does (`partition_strategy='div'`, `validate_indices=True`). Unsafe for "
        "deleting any other removed keyword (the finding says what TF2 does instead) and for "
        "`colocate_gradients_with_ops=` of an optimizer method. The fix is the call rendered whole, the same one "
        "TF902 and TF904 give on that call."
    )
    FIXES = (
        (
            "import tensorflow as tf\ns = tf.reduce_sum(x, reduction_indices=[1], keep_dims=True)\n",
            "import tensorflow as tf\ns = tf.reduce_sum(x, axis=[1], keepdims=True)\n",
        ),
        ("import tensorflow as tf\ny = tf.nn.dropout(x, keep_prob=0.8)\n", "import tensorflow as tf\ny = tf.nn.dropout(x, rate=1 - 0.8)\n"),
        (
            "import tensorflow as tf\ne = tf.nn.embedding_lookup(table, ids, partition_strategy='mod')\n",
            "import tensorflow as tf\ne = tf.nn.embedding_lookup(table, ids)\n",
        ),
    )
    INVALID = (
        "import tensorflow as tf\ns = tf.reduce_sum(x, reduction_indices=[1], keep_dims=True)  # [TF903, TF903]\n",
        "import tensorflow as tf\ny = tf.nn.dropout(x, keep_prob=0.8)  # [TF903]\n",
        "import tensorflow as tf\ne = tf.nn.embedding_lookup(\n    table, ids,\n    partition_strategy='div')  # [TF903]\n",
        "import tensorflow as tf\ny = tf.squeeze(x, squeeze_dims=[0])  # [TF903]\np = tf.nn.softmax(x, dim=-1)  # [TF903]\n",
    )
    VALID = (
        "import tensorflow as tf\ns = tf.reduce_sum(x, axis=[1], keepdims=True)\ny = tf.nn.dropout(x, rate=0.2)\n"
        "e = tf.nn.embedding_lookup(table, ids)\n",
        "import tensorflow as tf\nimport numpy as np\ns = np.sum(x, keep_dims=True)\n",
    )

    def check(self, node: ast.AST, ctx: Context) -> None:
        assert isinstance(node, ast.Call)
        if not node.keywords:
            return
        hits = [kw for kw in node.keywords if kw.arg in OLD_KEYWORDS]
        if not hits:
            return
        ref = ctx.resolve_call(node)
        if ref is None:
            self._check_method(node, hits, ctx)
            return
        if ref.via == VIA_COMPAT_V2 or ref.private:
            return  # a private module's function keeps its TF1 signature in TF2
        name = ref.name
        changes = sig.KEYWORDS.get(name)
        if not changes or owned_elsewhere(name):
            return
        changed_meaning = name in routes.CHANGED
        rewritten = any((name, kw.arg) in routes.KEYWORD_REWRITES for kw in hits)
        plan = render.call_plan(node, ref, ctx) if rewritten or not changed_meaning else None
        for kw in hits:
            keyword = kw.arg
            if keyword not in changes:
                continue
            assert keyword is not None
            new = changes[keyword]
            rewrite = routes.KEYWORD_REWRITES.get((name, keyword))
            if new is None and rewrite is None and changed_meaning:
                continue  # a TF1-only signature of a name whose meaning changed: TF906
            value = _source(kw.value, ctx)
            if rewrite is not None:
                message = f"`{keyword}=` of `{ref.display}` is `{rewrite[0]}=` in TF2"
                replacement = f"`{rewrite[0]}={rewrite[1].format(value=value)}`"
            elif new is not None:
                message = f"`{keyword}=` of `{ref.display}` is `{new}=` in TF2"
                replacement = f"`{new}={value}`"
            else:
                message = f"`{keyword}=` of `{ref.display}` was removed in TF2"
                replacement = routes.KEYWORD_NOTES.get(keyword) or f"Delete `{keyword}=`: `{tf2_spelling(name)}` has no such argument."
            fix = None
            if plan is not None and render.touches(plan, kw, ctx):
                fix = plan.fix(f"Pass `{keyword}=` as TF2 does" if new or rewrite else f"Delete `{keyword}=`")
                replacement = _shown(plan)
            self.report(ctx, kw, ref, message=message, replacement=replacement, severity=severity_of(ref), fix=fix)

    def _check_method(self, node: ast.Call, hits: List[ast.keyword], ctx: Context) -> None:
        """`optimizer.minimize(loss, colocate_gradients_with_ops=True)`: the receiver is unknown."""
        func = node.func
        if not isinstance(func, ast.Attribute):
            return
        removed = sig.METHOD_KEYWORDS.get(func.attr)
        if not removed:
            return
        for kw in hits:
            if kw.arg in removed:
                note = routes.KEYWORD_NOTES.get(kw.arg or "", "Delete it.")
                self.report(
                    ctx,
                    kw,
                    None,
                    message=f"`{kw.arg}=` of `.{func.attr}(...)` was removed in TF2 optimizers",
                    replacement=note,
                    severity=Severity.WARNING,
                    fix=render.drop_argument(node, kw, ctx, f"Delete `{kw.arg}=`"),
                )


@register
class ArgumentOrderRule(Rule):
    """Reports positional arguments that bind to a different parameter in TF2 (`tf.argmax(x, 1, 'name')`, `tf.nn.conv2d(x, w, s, p, True)`).

    TF2 reordered or removed parameters of about a hundred functions (`name` moved to the end,
    deprecated parameters dropped). A TF1 call that passes such an argument positionally runs
    on TF2 with the value bound to another parameter, or fails. For functions TF2 kept under
    the same name this is reported only where the call goes through `tf.compat.v1` or the
    module evidently runs TF1 (it uses names TF2 does not have, or calls
    `disable_v2_behavior`), since the same call in TF2 code means what TF2 says.
    """

    code = "TF904"
    symbol = "argument-order"
    summary = "`{name}` passes arguments positionally whose TF2 order changed"
    replacement = (
        "Pass the arguments from the moved position on by keyword, with their TF2 names (`tf.argmax(x, 1, name='am')`); "
        "drop the ones TF2 removed (`use_cudnn_on_gpu` of `tf.nn.conv2d`)."
    )
    node_types = (ast.Call,)
    call_attrs = tuple(REORDER_MIN)
    priority = 1
    fix_safety = (
        "Safe: the arguments from the moved position on are passed by keyword, each under the name its TF1 "
        "position had (renamed to TF2's where the function called accepts it), so they bind as in TF1 whatever "
        "the order. Unsafe where an argument TF2 removed is deleted (`use_cudnn_on_gpu=False`). No fix when an "
        "unpacked `*args` makes the binding unknown."
    )
    FIXES = (
        (
            "import tensorflow.compat.v1 as tf\ni = tf.argmax(logits, 1, 'predictions')\n",
            "import tensorflow.compat.v1 as tf\ni = tf.argmax(logits, 1, name='predictions')\n",
        ),
        (
            "import tensorflow as tf\nt = tf.strings.substr(s, 0, 3, 'cut')\nsess = tf.Session()\n",
            "import tensorflow as tf\nt = tf.strings.substr(s, 0, 3, name='cut')\nsess = tf.Session()\n",
        ),
    )
    INVALID = (
        "import tensorflow as tf\ny = tf.nn.conv2d(x, w, [1, 1, 1, 1], 'SAME', True)  # [TF904]\n"
        "sess = tf.Session()  # [TF101]\n",
        "import tensorflow.compat.v1 as tf\ni = tf.argmax(logits, 1, 'predictions')  # [TF904]\n",
        "import tensorflow as tf\nt = tf.substr(s, 0, 3, 'cut')  # [TF902, TF904]\n",
    )
    VALID = (
        "import tensorflow as tf\ni = tf.argmax(logits, 1, tf.int32)\ny = tf.nn.conv2d(x, w, 1, 'SAME')\n",
        "import tensorflow as tf\ni = tf.argmax(logits, 1, name='predictions')\n",
    )

    def check(self, node: ast.AST, ctx: Context) -> None:
        assert isinstance(node, ast.Call)
        args = node.args
        if not args:
            return
        minimum = REORDER_MIN.get(_func_name(node.func))
        if minimum is None or len(args) <= minimum:
            return
        ref = ctx.resolve_call(node)
        if ref is None or ref.via == VIA_COMPAT_V2 or ref.private:
            return  # a private module's function keeps its TF1 signature in TF2 (`nn_ops.in_top_k`)
        name = ref.name
        entry = sig.POSITIONAL.get(name)
        if entry is None or name in routes.CHANGED or owned_elsewhere(name):
            return
        first, params, tf2_params, required = entry
        bound = BoundCall(node, params)
        if len(bound.positional) <= first or not bound.binds_all(params[:required]):
            return
        report = self._reporter(node, ref, bound, entry, ctx)
        if ref.via == VIA_COMPAT_V1 or classify(name) is not None:
            report()
        else:  # the name exists in TF2: a TF2 call means what it says
            when_tf1(ctx, report)

    def _reporter(
        self, node: ast.Call, ref: TFRef, bound: BoundCall, entry: Tuple[int, Tuple[str, ...], Tuple[str, ...], int], ctx: Context
    ) -> Callable[[], None]:
        first, params, tf2_params, _ = entry
        name = ref.name
        if first < len(tf2_params):
            message = (
                f"positional argument {first + 1} of `{ref.display}` is `{params[first]}` in TF1 "
                f"but `{tf2_params[first]}` in TF2"
            )
        else:
            message = f"`{ref.display}` takes {len(tf2_params)} positional arguments in TF2; TF1 took `{params[first]}` next"
        plan = render.call_plan(node, ref, ctx)
        fix = None
        if plan is not None and render.touches(plan, bound.positional[first], ctx):
            notes = plan.notes()
            replacement = f"Pass them by keyword: {plan.display}." + (" " + notes if notes else "")
            fix = plan.fix("Pass the moved arguments by keyword")
        else:
            call = f"{tf2_spelling(name)}({render_arguments(bound, name, params, first, ctx)})"
            replacement = f"Pass them by keyword: `{call}`."
        span = Span(bound.positional[first], bound.positional[-1])

        def report() -> None:
            self.report(
                ctx, span, ref, message=message, replacement=replacement, severity=severity_of(ref), fix=fix  # type: ignore[arg-type]
            )

        return report


@register
class ChangedSemanticsRule(Rule):
    """Reports calls of names TF2 kept with another meaning (`tf.name_scope`, `tf.where`,
    `tf.random.poisson`, `tf.nn.dropout`, the initializers, `tf.assert_*`, `tf.saved_model.load`)
    where the call is TF1's.

    TF2 code uses these names correctly, so a call is reported only in two cases: it uses a
    TF1-only signature (`tf.name_scope(None, 'default', [x])`, `tf.zeros_initializer(dtype=
    tf.int32)`: a parameter TF2 lacks), or the same call computes something else in TF2
    (`tf.random.poisson(lam, shape)` swaps its arguments, `tf.nn.dropout(x, 0.5)` meant
    keep_prob and now means rate) and the call evidently is TF1's: it goes through
    `tf.compat.v1` (or an alias such as `import tensorflow.compat.v1 as tf`), or the module
    uses names TF2 does not have or calls `disable_v2_behavior`. A TF2 module that calls some
    `tf.compat.v1` function elsewhere is still TF2 code. TensorFlow's converter rewrites these
    calls unconditionally, which breaks correct TF2 code. Under `--fix`, later passes judge the
    module by the evidence of the text before the fixes renamed its TF1 names, and a name a fix
    wrote is TF2's function: `tf.nn.softmax_cross_entropy_with_logits` renamed from TF1's
    `tf.nn.softmax_cross_entropy_with_logits_v2` is not reported (gradients flow into `labels`
    in both); `tf.compat.v1.nn.softmax_cross_entropy_with_logits` (TF1's own) is.
    """

    code = "TF906"
    symbol = "changed-semantics"
    summary = "`{name}` means something else in TF2"
    replacement = (
        "`with tf.name_scope(name):`, `tf.nn.dropout(x, rate=1 - keep_prob)`, `tf.random.poisson(shape, lam)`, "
        "initializers without `dtype` (passed when called: `init(shape, dtype)`), `tf.debugging.assert_*(x, y, message=...)`, "
        "`tf.saved_model.load(export_dir)`; the finding renders the call."
    )
    node_types = (ast.Call,)
    call_attrs = (*TF1_SWITCHES, *CHANGED_LAST)
    priority = 1
    version_notes = (
        "The TF1 meaning stays available as `tf.compat.v1.<name>` on every TF 2.x release; from TF 2.16 "
        "`tf.compat.v1.keras.initializers` need `tf_keras`."
    )
    INVALID = (
        "import tensorflow as tf\nwith tf.name_scope(None, 'block', [x]):  # [TF906]\n    pass\n",
        "import tensorflow as tf\ninit = tf.zeros_initializer(dtype=tf.int32)  # [TF906]\n",
        "import tensorflow as tf\nsess = tf.Session()  # [TF101]\ny = tf.nn.dropout(x, 0.5)  # [TF906]\n",
        "import tensorflow.compat.v1 as tf\nsample = tf.random.poisson(lam, [10])  # [TF906]\n",
        "import tensorflow.compat.v1 as tf\nseq = tf.where(tf.reduce_any(finished, 1), finished_seq, alive_seq)  # [TF906]\n",
        "import tensorflow as tf\nloss = tf.compat.v1.nn.softmax_cross_entropy_with_logits(labels=soft, logits=z)  # [TF906]\n",
    )
    VALID = (
        "import tensorflow as tf\nwith tf.name_scope('block'):\n    y = tf.nn.dropout(x, 0.5)\n"
        "s = tf.random.poisson([10], lam)\nz = tf.where(c, x, y)\ninit = tf.zeros_initializer()\n",
        "import tensorflow as tf\ntf.debugging.assert_equal(a, b, message='mismatch')\n",
        "import tensorflow.compat.v1 as tf\nlr = tf.where(step < warmup_steps, warmup, decay)\nz = tf.where(x > 0, x, tf.zeros_like(x))\n",
        # TF2's function (TF1's `_v2`): gradients flow into `labels`, as the code means
        "import tensorflow as tf\nloss = tf.nn.softmax_cross_entropy_with_logits(labels=soft, logits=z)\n"
        "same = tf.compat.v2.nn.softmax_cross_entropy_with_logits(labels=soft, logits=z)\n",
    )

    def check(self, node: ast.AST, ctx: Context) -> None:
        assert isinstance(node, ast.Call)
        func_name = _func_name(node.func)
        if func_name in TF1_SWITCHES:
            switch = ctx.resolve_call(node)
            if switch is not None and switch.name in TF1_SWITCHES:
                evidence(ctx).switched = True
            return
        if func_name not in CHANGED_LAST:
            return
        ref = ctx.resolve_call(node)
        if ref is None or ref.via == VIA_COMPAT_V2 or ref.private:
            return  # a private module's function keeps its TF1 meaning in TF2
        name = ref.name
        entry = routes.CHANGED.get(name)
        if entry is None or owned_elsewhere(name):
            return
        if ref.via != VIA_COMPAT_V1 and ctx.written_by_fix(node.func):
            # `--fix` wrote this name (`tf.nn.softmax_cross_entropy_with_logits` for TF1's `_v2`):
            # the TF2 function, whatever evidence the module holds.
            return
        positional = sig.POSITIONAL.get(name)
        params = positional[1] if positional else sig.V1_PARAMETERS.get(name, ())
        bound = BoundCall(node, params)
        changes = sig.KEYWORDS.get(name, {})
        tf1_only = [
            kw.arg
            for kw in node.keywords
            if kw.arg in changes and changes[kw.arg] is None and (name, kw.arg) not in routes.KEYWORD_REWRITES
        ]
        too_many = positional is not None and len(bound.positional) > len(positional[2])
        keep = positional[0] if positional else len(bound.positional)
        if tf1_only or too_many:
            why = f"`{'=`, `'.join(tf1_only)}=`" if tf1_only else f"{len(bound.positional)} positional arguments"
            message = f"`{ref.display}(...)` uses its TF1 signature ({why}): {entry.change}"
            self._report(node, ref, bound, params, keep, message, severity_of(ref), ctx)
            return
        if entry.triggers is None:
            changes_meaning = positional is not None and len(bound.positional) > positional[0] and bound.binds_all(params[: positional[3]])
        else:
            changes_meaning = any(t in bound.by_name for t in entry.triggers)
        if not changes_meaning:
            return
        if name == "where" and not selects_rows(bound.by_name.get("condition"), bound.by_name.get("x"), bound.by_name.get("y"), ctx):
            return  # TF1 and TF2 agree unless the condition has lower rank than the branches
        message = f"`{ref.display}(...)` means something else in TF2: {entry.change}"
        severity = severity_of(ref, entry.certain)
        if ref.via == VIA_COMPAT_V1:
            self._report(node, ref, bound, params, keep, message, severity, ctx)
        else:
            when_tf1(ctx, lambda: self._report(node, ref, bound, params, keep, message, severity, ctx))

    def _report(
        self,
        node: ast.Call,
        ref: TFRef,
        bound: BoundCall,
        params: Sequence[str],
        keep: int,
        message: str,
        severity: Severity,
        ctx: Context,
    ) -> None:
        name = ref.name
        values: Dict[str, object] = {
            k: _source(v, ctx) for k, v in bound.by_name.items() if not (isinstance(v, ast.Constant) and v.value is None)
        }
        values["func"] = tf2_spelling(name)
        values["args"] = render_arguments(bound, name, params, keep, ctx)
        replacement = routes.CHANGED[name].replacements[-1]
        for template in routes.CHANGED[name].replacements:
            fields = {f for _, f, _, _ in _FORMATTER.parse(template) if f}
            if fields <= values.keys():
                replacement = template
                break
        self.report(ctx, node, ref, message=message, replacement=replacement.format_map(_Missing(values)), severity=severity)


class _Missing(Dict[str, object]):
    """format_map mapping that leaves unknown fields as their own name."""

    def __missing__(self, key: str) -> str:
        return key
