"""Write docs/rules/<CODE>.md and docs/rules/README.md from the rule catalog.

Run `python scripts/gen_rule_docs.py` after changing a rule; `--check` exits 1 when the
committed pages differ from what the catalog generates (the test suite does the same).
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Dict

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tf2lint.docs import render_index, render_rule_page  # noqa: E402
from tf2lint.registry import all_rules  # noqa: E402

DOCS = ROOT / "docs" / "rules"


def expected_pages() -> Dict[str, str]:
    rules = all_rules()
    pages = {f"{cls.code}.md": render_rule_page(cls) for cls in rules}
    pages["README.md"] = render_index(rules)
    return pages


def main(argv: list) -> int:
    pages = expected_pages()
    if "--check" in argv:
        stale = [name for name, text in pages.items() if not (DOCS / name).is_file() or (DOCS / name).read_text() != text]
        extra = sorted(p.name for p in DOCS.glob("*.md") if p.name not in pages)
        for name in stale + extra:
            print(f"docs/rules/{name} is out of date; run python scripts/gen_rule_docs.py")
        return 1 if stale or extra else 0
    DOCS.mkdir(parents=True, exist_ok=True)
    for old in DOCS.glob("*.md"):
        if old.name not in pages:
            old.unlink()
    for name, text in pages.items():
        (DOCS / name).write_text(text)
    print(f"wrote {len(pages)} pages to {DOCS.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
