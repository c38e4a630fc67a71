"""The Performance page's results section (a bar chart and tables), from bench/results.json.

``render(results)`` returns Markdown with inline HTML bars (no script, no image: the site's
Content-Security-Policy allows inline styles only). ``bench/run.py`` writes it into
``docs/performance.md`` between the two BENCH markers after every run; ``python bench/chart.py``
does the same from the committed results.
"""

from __future__ import annotations

import html
import json
import sys
from pathlib import Path
from typing import Any

from targets import MIB, TARGETS  # bench/targets.py, beside this file

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results.json"
PAGE = ROOT / "docs" / "performance.md"
START, END = "<!-- BENCH RESULTS START -->", "<!-- BENCH RESULTS END -->"

# (label, key, whose): the chart's bars, grouped by what they compare.
GROUPS: list[tuple[str, list[tuple[str, str, str]]]] = [
    (
        "First visit (nothing cached)",
        [
            ("This worksheet", "first_draft_cold_ms", "us"),
            ("Plain page, this site's runtime", "baseline_first_render_cold_ms", "them"),
            ("Plain page, stock Pyodide", "stock_baseline_first_render_cold_ms", "them"),
            ("Python alone (no engine)", "pyodide_bare_start_cold_ms", "floor"),
        ],
    ),
    (
        "Next visit (browser cache)",
        [
            ("This worksheet", "first_draft_warm_ms", "us"),
            ("Plain page, this site's runtime", "baseline_first_render_warm_ms", "them"),
        ],
    ),
    ("Offline (service worker)", [("This worksheet", "first_draft_offline_ms", "us")]),
]
COLOURS = {
    "us": "var(--md-primary-fg-color)",
    "them": "var(--md-default-fg-color--light)",
    "floor": "var(--md-default-fg-color--lighter)",
}

def chart(results: dict[str, Any]) -> str:
    """Horizontal bars, one group per situation, all on one scale (milliseconds)."""
    longest = max(
        results.get(key) or 0 for _, bars in GROUPS for _, key, _ in bars
    ) or 1.0
    parts = ['<div class="fu-bench" role="img" aria-label="Time to the first draft, in seconds">']
    for title, bars in GROUPS:
        parts.append(f'<p class="fu-bench__group"><strong>{html.escape(title)}</strong></p>')
        for label, key, whose in bars:
            value = results.get(key)
            if value is None:
                continue
            width = max(1.0, 100 * value / longest)
            parts.append(
                '<div class="fu-bench__row" style="display:flex;align-items:center;gap:.5em;'
                'margin:.15em 0">'
                f'<span style="flex:0 0 15em">{html.escape(label)}</span>'
                f'<span style="flex:1 1 auto"><span style="display:block;height:1.1em;'
                f'width:{width:.1f}%;background:{COLOURS[whose]};border-radius:2px"></span></span>'
                f'<span style="flex:0 0 4.5em;text-align:right">{value / 1000:.2f} s</span></div>'
            )
    parts.append("</div>")
    return "\n".join(parts)


def targets_table(results: dict[str, Any]) -> str:
    rows = ["| Target | Measured | Met |", "| --- | --- | --- |"]
    for target in TARGETS:
        value = results.get(target.key)
        if value is None:
            continue
        met = "yes" if target.met(results) else "no"
        rows.append(f"| {target.label} | {target.shown(value)} | {met} |")
    return "\n".join(rows)


def render(results: dict[str, Any]) -> str:
    """The whole results section."""
    meta = (
        f"Measured on {results['date']}: median of {results['runs']} runs of each kind, "
        f"{results['cpu_count']} CPU cores (load average {results['load_average_1m']} while it ran: "
        f"other jobs shared the machine), Chromium {results['chromium']}."
    )
    transfer = (
        f"A first visit to the worksheet downloads "
        f"{results['cold_transfer_gzip_bytes'] / MIB:.2f} MiB as GitHub Pages sends it "
        f"(gzip; {results['cold_transfer_raw_bytes'] / MIB:.1f} MiB unpacked), including the "
        f"offline copy of the guide; a guide page downloads "
        f"{results['guide_page_transfer_gzip_bytes'] / MIB:.2f} MiB and no Python at all."
    )
    asked = results.get("keystroke_request_p50_ms")
    keys = (
        f"Typing: an edit shows in the drafts after {results['keystroke_p50_ms']:.0f} ms "
        f"(median; 95th percentile {results['keystroke_p95_ms']:.0f} ms)"
        + (
            f"; the worksheet asks the engine for new drafts {asked:.0f} ms after the keystroke "
            "(it waits for the next one first)."
            if asked is not None
            else "."
        )
    )
    return "\n\n".join([meta, chart(results), targets_table(results), transfer, keys])


def update_page(results: dict[str, Any], page: Path = PAGE) -> None:
    """Replace the section between the BENCH markers of the Performance page."""
    text = page.read_text(encoding="utf-8")
    before, _, rest = text.partition(START)
    _, _, after = rest.partition(END)
    if not rest:
        raise SystemExit(f"{page} has no {START} marker")
    page.write_text(f"{before}{START}\n\n{render(results)}\n\n{END}{after}", encoding="utf-8")


if __name__ == "__main__":
    update_page(json.loads(RESULTS.read_text(encoding="utf-8")))
    sys.exit(0)
