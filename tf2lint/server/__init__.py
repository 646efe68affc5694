"""`tf2lint server`: a language server (LSP over stdio) for editors.

Diagnostics on open, change and save; quick fixes, fix-all and noqa from the findings'
own fixes; hover with the rule's page. Needs the `server` extra (pygls); the linter
itself never imports it.
"""

from __future__ import annotations

import sys


def main() -> int:
    try:
        from tf2lint.server.app import serve
    except ImportError as exc:
        sys.stderr.write(f"tf2lint: error: `tf2lint server` needs pygls ({exc}): pip install 'tf2lint[server]'\n")
        return 2
    return serve()
