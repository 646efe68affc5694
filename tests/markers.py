"""Expected findings written inline: `code()  # [TF101]` or `# [TF101, TF203]`."""

import re
from typing import Set, Tuple

MARKER = re.compile(r"#\s*\[((?:TF\d{3})(?:\s*,\s*TF\d{3})*)\]")


def expected(source: str) -> Set[Tuple[int, str]]:
    out = set()
    for row, line in enumerate(source.splitlines(), start=1):
        for match in MARKER.finditer(line):
            for code in match.group(1).split(","):
                out.add((row, code.strip()))
    return out
