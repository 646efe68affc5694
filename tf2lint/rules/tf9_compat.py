"""Family 9 (TF9xx): the opt-in rule for any remaining `tf.compat.v1` use (TF990)."""

from __future__ import annotations

import ast
from typing import Iterator, Optional, Tuple

from tf2lint.context import Context
from tf2lint.finding import Severity
from tf2lint.names import VIA_COMPAT_V1, TFRef
from tf2lint.rules.base import Rule, register
from tf2lint.rules.tf9_symbols import spells_compat_v1


@register
class CompatV1UseRule(Rule):
    """Reports every remaining way into `tf.compat.v1`: its imports, aliases (`tf1 = tf.compat.v1`) and spelled-out uses.

    `tf.compat.v1` keeps TF1 APIs running on TF2 with their TF1 semantics. The migration
    guide's last, optional step removes it, so that a module uses TF2 APIs only. Off by
    default: enable it with `--extend-select TF990` once the other findings are fixed. Uses
    through an alias of `tf.compat.v1` are covered by the import or alias finding; the TF1
    names among them are reported by their own rules.
    """

    code = "TF990"
    symbol = "compat-v1-use"
    summary = "`{name}` reaches TF1 APIs through `tf.compat.v1`"
    replacement = (
        "Migrate the TF1 calls it serves (the other findings name the TF2 code), then `import tensorflow as tf` "
        "and use the TF2 names."
    )
    node_types = (ast.Import, ast.ImportFrom, ast.Attribute)
    severity = Severity.INFO
    default_enabled = False
    priority = 2  # below every other rule at the same place
    fix_safety = "No automatic fix: each TF1 call behind the import needs its own migration first."
    INVALID = (
        "import tensorflow.compat.v1 as tf  # [TF990]\ntf.disable_v2_behavior()  # [TF107]\n",
        "import tensorflow as tf\ntf1 = tf.compat.v1  # [TF990]\n",
        "import tensorflow as tf\nx = tf.compat.v1.layers.flatten(y)  # [TF205]\nn = tf.compat.v1.nn.relu(x)  # [TF990]\n",
        "from tensorflow.compat import v1  # [TF990]\n",
    )
    VALID = (
        "import tensorflow as tf\nimport tensorflow.compat.v2 as tf2\nx = tf.nn.relu(tf2.constant(1.0))\n",
        "import tensorflow as tf\nclass Compat:\n    v1 = None\ncompat = Compat()\ny = compat.v1\n",
    )

    def check(self, node: ast.AST, ctx: Context) -> None:
        if isinstance(node, ast.Attribute):
            if isinstance(node.ctx, ast.Load) and spells_compat_v1(node):
                ref = ctx.resolve(node)
                if ref is not None and not ref.instance and ref.via == VIA_COMPAT_V1:
                    self.report(ctx, node, None, name=ctx.source_of(node))
            return
        for alias, spelling in _compat_imports(node):
            self.report(ctx, alias, None, name=spelling)

    def status_note(self, ref: Optional[TFRef]) -> str:
        return ""


def _is_compat_v1(path: str) -> bool:
    return path == "tensorflow.compat.v1" or path.startswith("tensorflow.compat.v1.")


def _compat_imports(node: ast.AST) -> Iterator[Tuple[ast.AST, str]]:
    """(node to report at, how the import is spelled) for each import of `tensorflow.compat.v1`."""
    if isinstance(node, ast.Import):
        for alias in node.names:
            if _is_compat_v1(alias.name):
                as_name = f" as {alias.asname}" if alias.asname else ""
                yield (alias if hasattr(alias, "lineno") else node), f"import {alias.name}{as_name}"
    elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
        for alias in node.names:
            if _is_compat_v1(f"{node.module}.{alias.name}"):
                yield (alias if hasattr(alias, "lineno") else node), f"from {node.module} import {alias.name}"
