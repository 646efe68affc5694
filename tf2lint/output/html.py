"""A self-contained HTML report: one page, inline styles, no scripts, no external assets.

Findings are grouped by migration step (the guide's order) and, inside a step, by file;
a table at the top says what remains in each step and what ``--fix`` / ``--unsafe-fixes``
would clear.  Each finding links to its rule's page.
"""

from __future__ import annotations

from collections import defaultdict
from html import escape
from typing import Dict, List

from tf2lint import __version__
from tf2lint.data.migration_steps import STEPS
from tf2lint.finding import Finding
from tf2lint.notebook import cell_of
from tf2lint.output.report import Report, display_path
from tf2lint.summary import fix_kind, progress, step_of

STYLE = """
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;margin:2rem auto;max-width:72rem;padding:0 1rem;color:#1f2328}
h1{font-size:1.6rem}h2{font-size:1.25rem;margin-top:2rem;border-bottom:1px solid #d0d7de;padding-bottom:.3rem}
table{border-collapse:collapse;width:100%}th,td{text-align:left;padding:.3rem .5rem;border-bottom:1px solid #eaeef2;vertical-align:top}
th{background:#f6f8fa}td.n{text-align:right;font-variant-numeric:tabular-nums}
.bar{background:#eaeef2;height:.6rem;border-radius:.3rem;min-width:8rem}
.bar span{display:block;height:100%;border-radius:.3rem;background:#cf222e}
details{margin:.5rem 0;border:1px solid #d0d7de;border-radius:.4rem}
summary{cursor:pointer;padding:.4rem .6rem;background:#f6f8fa;font-family:ui-monospace,monospace}
pre,code{font-family:ui-monospace,SFMono-Regular,Menlo,monospace;font-size:.85rem}pre{margin:.2rem 0;white-space:pre-wrap}
.src{background:#f6f8fa;padding:.1rem .3rem;border-radius:.2rem}
.sev-error{color:#cf222e}.sev-warning{color:#9a6700}.sev-info{color:#0969da}
.fix{font-size:.8rem;border:1px solid #1a7f37;color:#1a7f37;border-radius:1rem;padding:0 .4rem;white-space:nowrap}
.fix.unsafe{border-color:#9a6700;color:#9a6700}.muted{color:#656d76}
"""


def _summary_table(report: Report) -> List[str]:
    p = progress(report.findings, report.files)
    total = max(p.total.findings, 1)
    rows = [
        "<table><tr><th>step</th><th>what</th><th>findings</th><th>files</th><th>--fix</th>"
        "<th>--unsafe-fixes</th><th></th></tr>"
    ]
    for n, text in STEPS.items():
        count = p.total.steps[n]
        name = f'<a href="#step-{n}">{escape(text)}</a>' if count else escape(text)
        rows.append(
            f'<tr><td class="n">{n}</td><td>{name}</td><td class="n">{count}</td>'
            f'<td class="n">{len(p.total.step_files[n])}</td><td class="n">{p.total.step_safe[n]}</td>'
            f'<td class="n">{p.total.step_safe[n] + p.total.step_unsafe[n]}</td>'
            f'<td><div class="bar"><span style="width:{100.0 * count / total:.1f}%"></span></div></td></tr>'
        )
    rows.append(
        f'<tr><th></th><th>total</th><th class="n">{p.total.findings}</th><th class="n">{len(p.total.flagged)}</th>'
        f'<th class="n">{p.total.safe}</th><th class="n">{p.total.safe + p.total.unsafe}</th><th></th></tr></table>'
    )
    return rows


def _finding_row(report: Report, f: Finding) -> str:
    cell = cell_of(f)
    where = f"cell {cell}, {f.start.row}:{f.start.col + 1}" if cell is not None else f"{f.start.row}:{f.start.col + 1}"
    code = f'<a href="{escape(f.url)}">{escape(f.code)}</a>' if f.url else escape(f.code)
    kind = fix_kind(f)
    badge = f' <span class="fix {kind}">{kind} fix</span>' if kind else ""
    source = report.source_line(f)
    parts = [f'<p>{escape(f.message)}{badge}</p>']
    if source is not None and source.strip():
        parts.append(f'<pre class="src">{escape(source.rstrip())}</pre>')
    if f.replacement:
        parts.append(f'<p class="muted">Use instead:</p><pre>{escape(f.replacement)}</pre>')
    return (
        f'<tr><td class="n"><code>{escape(where)}</code></td>'
        f'<td><span class="sev-{f.severity.value}">{code}</span><br><span class="muted">{escape(f.symbol)}</span></td>'
        f"<td>{''.join(parts)}</td></tr>"
    )


def format_html(report: Report) -> str:
    by_step: Dict[int, Dict[str, List[Finding]]] = defaultdict(lambda: defaultdict(list))
    for f in report.findings:
        by_step[step_of(f.code)][f.filename].append(f)
    files = len(set(report.files) | {f.filename for f in report.findings})
    flagged = len({f.filename for f in report.findings})
    body = [
        "<h1>tf2lint: TensorFlow 1.x idioms left to migrate</h1>",
        f'<p>{len(report.findings)} findings in {flagged} of {files} files checked. '
        f'<span class="muted">tf2lint {escape(__version__)}; steps follow TensorFlow\'s '
        '<a href="https://www.tensorflow.org/guide/migrate/migrate_tf2">migration guide</a>.</span></p>',
        "<h2>What remains in each step</h2>",
        *_summary_table(report),
    ]
    for n, text in STEPS.items():
        if n not in by_step:
            continue
        count = sum(len(v) for v in by_step[n].values())
        body.append(f'<h2 id="step-{n}">Step {n}: {escape(text)} <span class="muted">({count})</span></h2>')
        for filename in sorted(by_step[n]):
            items = by_step[n][filename]
            body.append(
                f"<details open><summary>{escape(display_path(filename))} "
                f'<span class="muted">({len(items)})</span></summary><table>'
            )
            body += [_finding_row(report, f) for f in items]
            body.append("</table></details>")
    if not report.findings:
        body.append("<p>All checks passed: no TF1 idioms found.</p>")
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width,initial-scale=1">'
        f"<title>tf2lint report</title><style>{STYLE}</style></head><body>\n"
        + "\n".join(body)
        + "\n</body></html>\n"
    )
