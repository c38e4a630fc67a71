"""The results section of bench/RESULTS.md (a bar chart and tables), from bench/results.json.

``render(results)`` returns plain Markdown, bars drawn with block characters, so that it reads
the same on GitHub and in an editor. ``bench/run.py`` writes it into ``bench/RESULTS.md`` between
the two BENCH markers after every run; ``python bench/chart.py`` does the same from the committed
results. (Benchmark targets are for the people who work on the site, not for job seekers: the
guide does not show them.)
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from targets import MIB, TARGETS  # bench/targets.py, beside this file

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results.json"
PAGE = ROOT / "bench" / "RESULTS.md"
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
# The longest bar, in block characters.
BAR_WIDTH = 24


def chart(results: dict[str, Any]) -> str:
    """A table of horizontal bars, one group per situation, all on one scale (seconds)."""
    longest = max(
        results.get(key) or 0 for _, bars in GROUPS for _, key, _ in bars
    ) or 1.0
    rows = ["| Visit | Page | First draft | |", "| --- | --- | ---: | --- |"]
    for title, bars in GROUPS:
        for label, key, _ in bars:
            value = results.get(key)
            if value is None:
                continue
            bar = "█" * max(1, round(BAR_WIDTH * value / longest))
            rows.append(f"| {title} | {label} | {value / 1000:.2f} s | `{bar}` |")
    return "\n".join(rows)


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
    """Replace the section between the BENCH markers of bench/RESULTS.md."""
    text = page.read_text(encoding="utf-8")
    before, _, rest = text.partition(START)
    _, _, after = rest.partition(END)
    if not rest:
        raise SystemExit(f"{page} has no {START} marker")
    page.write_text(f"{before}{START}\n\n{render(results)}\n\n{END}{after}", encoding="utf-8")


if __name__ == "__main__":
    update_page(json.loads(RESULTS.read_text(encoding="utf-8")))
    sys.exit(0)
