"""pylint plugin: `load-plugins=tf2lint.pylint_plugin`.

One checker per rule family, every message built from the rule catalog: code `TFabc` is
message `W7abc` and the rule's symbol is the message symbol (`W7101`, `tf1-session`).  The
first two digits of a pylint message id name its checker; pylint keeps 51-99 for external
checkers and uses none of 70-79, so family N is checker 7N, family 0 (the tool itself)
included.  Family 0's symbols carry a `tf2lint-` prefix because their plain names
(`syntax-error`, ...) are pylint's own messages.  All checkers are named `tf2lint`, so
`--disable=tf2lint` / `--enable=tf2lint` switch every message at once.

The engine runs once per module, on the source text pylint read (stdin included), parsed
with the stdlib `ast` as in `tf2lint check`; every family's checker reports its share of
that one result.  Messages carry the finding's full span, so editors underline the exact
expression.  `# pylint: disable=tf1-session` and `# noqa: TF101` both silence a finding.

Options (`[tool.pylint.tf2lint]` in pyproject.toml, or an rcfile section):
`tf2lint-target-version` and `tf2lint-extend-select`, with the CLI's meaning; they take
precedence over `[tool.tf2lint]`, which applies too.  Opt-in rules (default off) are
pylint messages disabled by default: `--enable=compat-v1-use` turns the rule on, and so
does selecting it in `[tool.tf2lint]` (read from the working directory) or in
`tf2lint-extend-select`.  A rule whose message is disabled for the whole run does not run.
"""

from __future__ import annotations

import os
import sys
from collections import defaultdict
from typing import TYPE_CHECKING, Any, Dict, List, Optional, Sequence, Tuple, Type

from astroid import nodes
from pylint.checkers import BaseChecker
from pylint.constants import WarningScope
from pylint.interfaces import HIGH
from pylint.typing import ExtraMessageOptions, MessageDefinitionTuple

from tf2lint.config import SUPPORTED_TARGETS, Config, ConfigError
from tf2lint.engine import decode, lint_source
from tf2lint.finding import Finding
from tf2lint.flake8_plugin import render
from tf2lint.plugin_config import check_codes, config_for
from tf2lint.registry import all_rules
from tf2lint.rules.base import Rule
from tf2lint.tool_findings import undecodable

if TYPE_CHECKING:
    from pylint.lint import PyLinter

CHECKER_NAME = "tf2lint"
TOOL_SYMBOL_PREFIX = "tf2lint-"

OPTIONS: Tuple[Tuple[str, Dict[str, Any]], ...] = (
    (
        "tf2lint-target-version",
        {
            "default": None,
            "type": "choice",
            "choices": [f"{a}.{b}" for a, b in SUPPORTED_TARGETS],
            "metavar": "<X.Y>",
            "help": "TensorFlow version the code moves to; overrides target-version in [tool.tf2lint].",
        },
    ),
    (
        "tf2lint-extend-select",
        {
            "default": (),
            "type": "csv",
            "metavar": "<codes>",
            "help": "tf2lint code prefixes to run in addition to [tool.tf2lint]'s selection (e.g. TF990).",
        },
    ),
)


def _codes(values: Optional[Sequence[str]]) -> Tuple[str, ...]:
    return tuple(v.strip().upper() for v in values or () if v and v.strip())


def message_id(code: str) -> str:
    """`TF101` -> `W7101`."""
    return f"W7{code[2:]}"


def message_symbol(rule: Type[Rule]) -> str:
    return TOOL_SYMBOL_PREFIX + rule.symbol if rule.family() == 0 else rule.symbol


def _message(rule: Type[Rule]) -> MessageDefinitionTuple:
    what, _ = rule.docs()
    description = f"{what} Instead: {rule.replacement} ({rule.code}, {rule.url()})"
    # Line-scoped: the message is placed by the finding's span, not by an astroid node.
    options = ExtraMessageOptions(scope=WarningScope.LINE, default_enabled=rule.default_enabled)
    return ("%s", message_symbol(rule), description, options)


class ModuleFindings:
    """The engine's findings for the module being checked, computed once and shared by all checkers."""

    def __init__(self, linter: PyLinter, rules: Sequence[Type[Rule]]):
        self.linter = linter
        self.codes = [rule.code for rule in rules]
        self.opt_in = [rule.code for rule in rules if not rule.default_enabled]
        self._module: Optional[nodes.Module] = None
        self._by_family: Dict[int, List[Finding]] = {}

    def for_family(self, module: nodes.Module, family: int) -> List[Finding]:
        if module is not self._module:
            self._module = module
            self._by_family = defaultdict(list)
            for finding in self._lint(module):
                self._by_family[int(finding.code[2])].append(finding)
        return self._by_family.get(family, [])

    def _lint(self, module: nodes.Module) -> List[Finding]:
        filename = module.file or module.name
        if module.file_bytes is not None:  # what pylint read from stdin, kept as UTF-8 bytes
            data = module.file_bytes if isinstance(module.file_bytes, bytes) else module.file_bytes.encode("utf-8")
        else:
            with module.stream() as stream:
                data = stream.read()
        if b"tensorflow" not in data:
            return []
        try:
            source = data.decode("utf-8") if module.file_bytes is not None else decode(data)
        except (SyntaxError, LookupError, UnicodeDecodeError) as exc:
            return [undecodable(filename, exc)]
        return lint_source(source, filename, self.config_for(filename), apply_noqa=True)

    def config_for(self, filename: str, *, with_pylint_state: bool = True) -> Config:
        """The file's tf2lint configuration, narrowed to the messages pylint has enabled."""
        options = self.linter.config
        shown = frozenset(code for code in self.codes if self.linter.is_message_enabled(message_id(code)))
        return config_for(
            filename,
            target_version=getattr(options, "tf2lint_target_version", None),
            extend_select=_codes(getattr(options, "tf2lint_extend_select", ())),
            # An opt-in rule runs when its message is enabled (it is off by default).
            host_codes=tuple(code for code in self.opt_in if code in shown) if with_pylint_state else (),
            host_allowed=shown if with_pylint_state else None,
        )


class FamilyChecker(BaseChecker):
    """The messages of one rule family."""

    name = CHECKER_NAME

    def __init__(
        self,
        linter: PyLinter,
        family: int,
        rules: Sequence[Type[Rule]],
        shared: ModuleFindings,
        options: Tuple[Tuple[str, Dict[str, Any]], ...] = (),
    ) -> None:
        self.family = family
        self.msgs = {message_id(rule.code): _message(rule) for rule in rules}
        self.options = options
        self.shared = shared
        super().__init__(linter)

    def visit_module(self, node: nodes.Module) -> None:
        for finding in self.shared.for_family(node, self.family):
            self.add_message(
                message_id(finding.code),
                line=finding.start.row,
                col_offset=finding.start.col,
                end_lineno=finding.end.row,
                end_col_offset=finding.end.col,
                args=(render(finding.code, finding.message, finding.replacement),),
                confidence=HIGH,
            )


def register(linter: PyLinter) -> None:
    """pylint's plugin hook."""
    rules = all_rules()
    by_family: Dict[int, List[Type[Rule]]] = defaultdict(list)
    for rule in rules:
        by_family[rule.family()].append(rule)
    shared = ModuleFindings(linter, rules)
    linter._tf2lint_findings = shared  # type: ignore[attr-defined]  # for load_configuration
    for index, family in enumerate(sorted(by_family)):
        linter.register_checker(FamilyChecker(linter, family, by_family[family], shared, OPTIONS if index == 0 else ()))


def load_configuration(linter: PyLinter) -> None:
    """pylint's hook after its configuration is read: show the opt-in rules tf2lint's config selects."""
    shared = getattr(linter, "_tf2lint_findings", None)
    if shared is None:
        return
    try:
        check_codes(_codes(getattr(linter.config, "tf2lint_extend_select", ())), "tf2lint-extend-select")
        config = shared.config_for(os.path.join(os.getcwd(), "__init__.py"), with_pylint_state=False)
        selected = [code for code in shared.opt_in if config.is_enabled(code, False)]
    except ConfigError as exc:
        print(f"tf2lint: error: {exc}", file=sys.stderr)
        sys.exit(32)  # pylint's exit status for a usage error
    for code in selected:
        linter.enable(message_id(code))
