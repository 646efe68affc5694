"""The rule unit: one class per rule carrying its code, message, replacement, docs and examples."""

from __future__ import annotations

import ast
import inspect
from typing import TYPE_CHECKING, Any, ClassVar, Collection, Dict, Iterable, List, Mapping, Optional, Sequence, Tuple, Type

from tf2lint.data import keras3
from tf2lint.finding import DOCS_BASE_URL, Fix, Severity
from tf2lint.names import VIA_COMPAT_V1, VIA_COMPAT_V2, TFRef, prefixes

if TYPE_CHECKING:
    from tf2lint.context import Context

FAMILIES: Dict[int, str] = {
    0: "The tool itself",
    1: "Graph and session",
    2: "Variables, collections and layers",
    3: "Training loops, Estimator, metrics and losses",
    4: "Input pipelines",
    5: "Feature columns",
    6: "tf.contrib",
    7: "Optimizers and learning-rate schedules",
    8: "Saving, checkpoints and summaries",
    9: "Removed or renamed symbols",
}

FAMILY_REFERENCES: Dict[int, Tuple[str, ...]] = {
    1: ("https://www.tensorflow.org/guide/migrate/migrate_tf2",),
    2: ("https://www.tensorflow.org/guide/migrate/model_mapping",),
    3: ("https://www.tensorflow.org/guide/migrate/migrating_estimator",),
    4: ("https://www.tensorflow.org/guide/migrate/tf1_vs_tf2", "https://www.tensorflow.org/guide/data"),
    5: ("https://www.tensorflow.org/guide/migrate/migrating_feature_columns",),
    6: ("https://www.tensorflow.org/guide/migrate/migrate_tf2",),
    7: ("https://www.tensorflow.org/guide/migrate/tf1_vs_tf2",),
    8: ("https://www.tensorflow.org/guide/migrate/migrating_checkpoints",
        "https://www.tensorflow.org/guide/migrate/saved_model"),
    9: ("https://www.tensorflow.org/guide/migrate/upgrade",),
}

REMOVED_NOTE = "removed in TF2: this line fails on TensorFlow 2"
LEGACY_NOTE = "legacy: runs through tf.compat.v1 with TF1 semantics"
PRIVATE_NOTE = "imported from a private TensorFlow module: runs with TF1 semantics"


class Rule:
    """Base class; subclasses set the class attributes and override what they need.

    The class docstring is the rule's documentation: its first paragraph says what the
    rule does, the rest why the idiom is a problem.  ``INVALID`` examples mark each
    expected finding with ``# [CODE]`` on its line; ``VALID`` examples produce nothing.
    """

    code: ClassVar[str] = ""
    symbol: ClassVar[str] = ""
    summary: ClassVar[str] = ""  # message template: {name} is the user's spelling
    replacement: ClassVar[str] = ""  # default TF2 replacement
    # Canonical TF names (prefix-matched on dotted components) this rule reports where
    # they are referenced; the value overrides the replacement for that name.
    names: ClassVar[Mapping[str, Optional[str]]] = {}
    node_types: ClassVar[Tuple[Type[ast.AST], ...]] = ()
    # With ast.Call in node_types, the calls ``check`` sees: those whose callee's canonical name
    # has a prefix in ``call_names`` or whose callee's last identifier (`x.run` -> "run") is in
    # ``call_attrs``, or that pass a keyword in ``call_keywords``; ``all_calls`` for every call
    # (few rules, each saying why).
    call_names: ClassVar[Optional[Collection[str]]] = None
    call_attrs: ClassVar[Collection[str]] = ()
    call_keywords: ClassVar[Collection[str]] = ()
    all_calls: ClassVar[bool] = False
    # With ast.Attribute in node_types: the attribute names (`x.value` -> "value") ``check`` runs
    # for; None for every attribute.
    attr_names: ClassVar[Optional[Collection[str]]] = None
    severity: ClassVar[Optional[Severity]] = None  # None: derived from how the name was reached
    default_enabled: ClassVar[bool] = True
    # Codes whose findings inside this rule's finding its change covers (one change rewrites
    # both: `sess.run(tf.global_variables_initializer())`); see tf2lint/nesting.py.
    absorbs: ClassVar[Collection[str]] = ()
    # Lower wins when two rules report the same place (the generic family 9 yields).
    priority: ClassVar[int] = 0
    version_notes: ClassVar[str] = ""
    fix_safety: ClassVar[str] = "No automatic fix: the TF2 code is a restructuring a person writes."
    VALID: ClassVar[Sequence[str]] = ()
    INVALID: ClassVar[Sequence[str]] = ()
    # (before, after) pairs: ``after`` is ``before`` with this rule's fixes applied (unsafe ones
    # included). The tests apply them and the rule page shows them; a rule with any is fixable.
    FIXES: ClassVar[Sequence[Tuple[str, str]]] = ()
    # The migration guide's step (1-5, tf2lint/data/migration_steps.py); set at registration.
    step: ClassVar[int] = 0

    # ----- catalog metadata ---------------------------------------------------

    @classmethod
    def family(cls) -> int:
        return int(cls.code[2])

    @classmethod
    def docs(cls) -> Tuple[str, str]:
        """(what it does, why is this bad) from the docstring."""
        doc = inspect.cleandoc(cls.__doc__ or "")
        what, _, why = doc.partition("\n\n")
        return what.replace("\n", " ").strip(), why.strip()

    @classmethod
    def references(cls) -> Tuple[str, ...]:
        return FAMILY_REFERENCES.get(cls.family(), ())

    @classmethod
    def url(cls) -> str:
        return f"{DOCS_BASE_URL}{cls.code}.md"

    # ----- matching -------------------------------------------------------------

    def match_name(self, name: str) -> Optional[str]:
        """The ``names`` key matching ``name`` (itself or a dotted prefix), if any."""
        for prefix in prefixes(name):
            if prefix in self.names:
                return prefix
        return None

    def on_reference(self, node: ast.AST, ref: TFRef, key: str, ctx: Context) -> None:
        """Called for each place the code names an API in ``names`` (key: the matched entry)."""
        self.report(ctx, node, ref)

    def check(self, node: ast.AST, ctx: Context) -> None:
        """Called for each node of a type in ``node_types``."""

    # ----- reporting --------------------------------------------------------------

    def severity_for(self, ref: Optional[TFRef]) -> Severity:
        if self.severity is not None:
            return self.severity
        if ref is not None and (ref.via == VIA_COMPAT_V1 or ref.private):
            return Severity.WARNING  # private modules still ship the TF1 implementations
        return Severity.ERROR

    def status_note(self, ref: Optional[TFRef]) -> str:
        if ref is None:
            return ""
        if ref.private:
            return PRIVATE_NOTE
        return LEGACY_NOTE if ref.via == VIA_COMPAT_V1 else REMOVED_NOTE

    def replacement_for(self, ref: Optional[TFRef], ctx: Context) -> str:
        if ref is not None:
            key = self.match_name(ref.name)
            if key is not None and self.names.get(key):
                return str(self.names[key])
        return self.replacement

    def message_for(self, ref: Optional[TFRef], template: str = "", **fmt: str) -> str:
        """``template`` (default: the summary) naming ``ref``, with its removed/legacy/private note."""
        name = ref.display if ref is not None else fmt.pop("name", "")
        text = (template or self.summary).format(name=name, **fmt)
        note = self.status_note(ref)
        return f"{text} ({note})" if note else text

    def called(self, node: ast.AST, ctx: Context) -> Optional[TFRef]:
        """The API a call invokes when it is one of this rule's ``names`` (None for any other node)."""
        ref = ctx.resolve_call(node)
        return ref if ref is not None and self.match_name(ref.name) is not None else None

    def report_call(
        self, ctx: Context, call: ast.Call, ref: Optional[TFRef], replacement: Optional[str], **kwargs: Any
    ) -> None:
        """Report a call at its callee (the finding spans the call) and keep name-level rules quiet there."""
        ctx.claim(call.func)
        self.report(ctx, call.func, ref, replacement=replacement, **kwargs)

    def report(
        self,
        ctx: Context,
        node: ast.AST,
        ref: Optional[TFRef] = None,
        *,
        message: Optional[str] = None,
        replacement: Optional[str] = None,
        severity: Optional[Severity] = None,
        fix: Optional[Fix] = None,
        **fmt: str,
    ) -> None:
        text = message if message is not None else self.message_for(ref, **fmt)
        if ref is not None and ref.via == VIA_COMPAT_V1 and keras3.fails_with_keras3(ref.name, ctx.target_version):
            # Not legacy but removed: Keras 3 no longer serves this compat.v1 name.
            severity = Severity.ERROR
            text = text.replace(f"({LEGACY_NOTE})", f"({keras3.STATUS_NOTE})")
        ctx.add(
            self,
            node,
            text,
            replacement if replacement is not None else self.replacement_for(ref, ctx),
            severity or self.severity_for(ref),
            fix,
        )


def is_v2_ref(ref: Optional[TFRef]) -> bool:
    return ref is not None and ref.via == VIA_COMPAT_V2


def sentences(parts: Iterable[str]) -> str:
    """A replacement text from its sentences, leaving out the empty ones."""
    return " ".join(part for part in parts if part)


def method_name_node(func: ast.Attribute, end: Optional[ast.AST] = None) -> ast.AST:
    """A node from the method name of ``obj.method`` to the end of ``end`` (default: the name itself).

    A finding on a method call starts at the method, not at the start of a long receiver chain.
    """
    line = getattr(func, "end_lineno", None) or func.lineno
    col = getattr(func, "end_col_offset", None)
    if col is None:
        return func
    node = ast.Name(id=func.attr, ctx=ast.Load())
    node.lineno, node.col_offset = line, col - len(func.attr.encode("utf-8"))
    node.end_lineno, node.end_col_offset = line, col
    if end is not None:
        node.end_lineno = getattr(end, "end_lineno", None) or line
        node.end_col_offset = getattr(end, "end_col_offset", None)
    return node


RULE_CLASSES: List[Type[Rule]] = []


def register(cls: Type[Rule]) -> Type[Rule]:
    """Class decorator: add a rule to the catalog."""
    from tf2lint.data.migration_steps import step_for

    if not cls.__dict__.get("step"):
        cls.step = step_for(cls.code)
    RULE_CLASSES.append(cls)
    return cls
