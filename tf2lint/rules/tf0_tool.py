"""Family 0: problems with the input itself. These rules never match code; the engine
reports them when a file cannot be read or parsed, so that one bad file never hides the
findings of the others."""

from __future__ import annotations

from tf2lint.finding import Severity
from tf2lint.rules.base import Rule, register

_NO_FIX = "No fix: tf2lint never edits a file it cannot parse."


@register
class SyntaxErrorRule(Rule):
    """Reports a file that Python cannot parse.

    The rest of the run goes on; the finding names the parser's message and position,
    and says when the cause looks like Python 2 code (a `print` statement, `except X, e`,
    backticks, `0777` octals), which TF1-era repositories still contain.
    """

    code = "TF001"
    symbol = "syntax-error"
    summary = "cannot parse: {detail}"
    replacement = "Fix the syntax error; for Python 2 code, run it through a Python 3 port (e.g. `pyupgrade`, `2to3`) first."
    severity = Severity.ERROR
    fix_safety = _NO_FIX
    INVALID = ('import tensorflow as tf\nprint "hello"  # [TF001]\n',)


@register
class UndecodableRule(Rule):
    """Reports a file whose bytes do not decode with its declared or default encoding.

    Python reads source as UTF-8 unless a BOM or a PEP 263 coding cookie says otherwise;
    bytes that do not decode make the file unimportable.
    """

    code = "TF002"
    symbol = "undecodable-source"
    summary = "cannot decode: {detail}"
    replacement = "Save the file as UTF-8, or declare its real encoding with a `# -*- coding: ... -*-` line."
    severity = Severity.ERROR
    fix_safety = _NO_FIX


@register
class UnreadableRule(Rule):
    """Reports a path that cannot be read as a source file.

    A directory named like a Python file, a file without read permission, or a file that
    vanished during the run: the path is named and the run goes on.
    """

    code = "TF003"
    symbol = "unreadable-file"
    summary = "cannot read: {detail}"
    replacement = "Make the file readable, or exclude it with `exclude` in `[tool.tf2lint]`."
    severity = Severity.ERROR
    fix_safety = _NO_FIX


@register
class TooDeepRule(Rule):
    """Reports a file nested too deeply for Python's parser or the checker to process.

    Deeply nested expressions (usually generated code) exhaust the recursion limit; the
    file is reported instead of crashing the run.
    """

    code = "TF004"
    symbol = "too-deeply-nested"
    summary = "cannot check: {detail}"
    replacement = "Split the deeply nested expression, or exclude the generated file."
    severity = Severity.ERROR
    fix_safety = _NO_FIX


@register
class NulByteRule(Rule):
    """Reports a source file that contains NUL bytes.

    Python refuses such files; they are usually binary files with a `.py` name or a
    corrupted checkout.
    """

    code = "TF005"
    symbol = "nul-bytes"
    summary = "cannot parse: {detail}"
    replacement = "Remove the NUL bytes, or exclude the file if it is not Python source."
    severity = Severity.ERROR
    fix_safety = _NO_FIX


@register
class NotebookRule(Rule):
    """Reports a Jupyter notebook that is not valid notebook JSON.

    The notebook's code cells cannot be extracted, so none of them is checked.
    """

    code = "TF006"
    symbol = "malformed-notebook"
    summary = "cannot read notebook: {detail}"
    replacement = "Repair the notebook JSON (open and re-save it in Jupyter), or exclude it."
    severity = Severity.ERROR
    fix_safety = _NO_FIX


@register
class FixFailedRule(Rule):
    """Reports a file whose fixes `--fix` could not apply or did not finish applying.

    When the fixed text would not parse, or could not be encoded or written, the file is
    left exactly as it was and the finding says why (the rules whose fixes were involved,
    the parser's message). When fixes are still pending after the bounded number of
    passes, the file holds the fixes applied so far and the finding says so.
    """

    code = "TF007"
    symbol = "fix-failed"
    summary = "cannot fix: {detail}"
    replacement = "Apply the remaining changes by hand, and report the rule named here if its fix produced invalid code."
    severity = Severity.ERROR
    fix_safety = _NO_FIX


@register
class TooLargeRule(Rule):
    """Reports a file larger than the size limit, which is not read.

    A multi-megabyte `.py` file is almost always generated (embedded weights, a
    vocabulary); reading and checking it would cost memory and time out of proportion.
    The limit is `max-file-size` in `[tool.tf2lint]` (default 10 MB).
    """

    code = "TF008"
    symbol = "file-too-large"
    summary = "not checked: {detail}"
    replacement = 'Exclude the generated file, or raise `max-file-size` in `[tool.tf2lint]` (e.g. `max-file-size = "50MB"`).'
    severity = Severity.ERROR
    fix_safety = _NO_FIX


@register
class TooManyFindingsRule(Rule):
    """Reports that a file has more findings than the per-file limit.

    The first findings (in file order) are reported and this finding, at the first one
    left out, says how many there were. The limit is `max-findings-per-file` in
    `[tool.tf2lint]` (default 1,000).
    """

    code = "TF010"
    symbol = "too-many-findings"
    summary = "findings capped: {detail}"
    replacement = "Migrate or exclude the file, or raise `max-findings-per-file` in `[tool.tf2lint]`."
    severity = Severity.ERROR
    fix_safety = _NO_FIX


@register
class InternalErrorRule(Rule):
    """Reports a crash inside one of tf2lint's own rules.

    The failing rule's code and the error are named so the bug can be reported; the
    other rules' findings for the file are kept.
    """

    code = "TF009"
    symbol = "internal-error"
    summary = "internal error in rule {detail}"
    replacement = "Please report this with the file that triggers it."
    severity = Severity.ERROR
    fix_safety = _NO_FIX
