"""The bench's results: medians of the visits, flat keys with units in their names, and the table
``run.py`` prints (the targets are bench/targets.py's)."""

from __future__ import annotations

import statistics
from collections.abc import Callable
from typing import Any

from targets import TARGETS


def median(values: list[float]) -> float:
    return round(statistics.median(values), 1) if values else float("nan")


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    index = min(len(ordered) - 1, max(0, round(q / 100 * len(ordered) + 0.5) - 1))
    return round(ordered[index], 1)


def summarise(
    worksheet: list[dict[str, Any]],
    baseline: list[dict[str, Any]],
    warm_ws: list[dict[str, Any]],
    warm_base: list[dict[str, Any]],
    guides: list[dict[str, float]],
) -> dict[str, Any]:
    def col(rows: list[dict[str, Any]], key: str | Callable[[dict[str, Any]], float]) -> float:
        get = key if callable(key) else (lambda row: row[key])
        return median([get(row) for row in rows])

    keys = [t for row in worksheet for t in row["keystrokes"]]
    asked = [t for row in worksheet for t in row["keystroke_requests"]]
    first_cold = col(worksheet, "first_draft_ms")
    base_cold = col(baseline, "first_draft_ms")
    first_warm = col(warm_ws, "first_draft_ms")
    base_warm = col(warm_base, "first_draft_ms")
    return {
        "form_ready_ms": col(worksheet, "form_ready_ms"),
        "first_draft_cold_ms": first_cold,
        "baseline_first_render_cold_ms": base_cold,
        "ratio_cold": round(first_cold / base_cold, 3),
        "first_draft_warm_ms": first_warm,
        "baseline_first_render_warm_ms": base_warm,
        "ratio_warm": round(first_warm / base_warm, 3),
        "first_draft_offline_ms": col(worksheet, lambda row: row["offline"]["first_draft_ms"]),
        "keystroke_p50_ms": percentile(keys, 50),
        "keystroke_p95_ms": percentile(keys, 95),
        "keystroke_samples": len(keys),
        "keystroke_request_p50_ms": percentile(asked, 50),
        "main_thread_blocking_ms": col(worksheet, "blocking_ms"),
        "longest_task_ms": col(worksheet, "longest_task_ms"),
        "keystroke_blocking_ms": col(worksheet, "keystroke_blocking_ms"),
        "baseline_main_thread_blocking_ms": col(baseline, "blocking_ms"),
        "baseline_longest_task_ms": col(baseline, "longest_task_ms"),
        "first_draft_transfer_raw_bytes": int(col(worksheet, lambda r: r["draft_transfer"]["raw"])),
        "first_draft_transfer_gzip_bytes": int(
            col(worksheet, lambda r: r["draft_transfer"]["gzip"])
        ),
        "cold_transfer_raw_bytes": int(col(worksheet, lambda r: r["total_transfer"]["raw"])),
        "cold_transfer_gzip_bytes": int(col(worksheet, lambda r: r["total_transfer"]["gzip"])),
        "cold_requests": int(col(worksheet, lambda r: r["total_transfer"]["requests"])),
        "cold_not_modified_responses": int(
            col(worksheet, lambda r: r["total_transfer"]["not_modified"])
        ),
        "baseline_transfer_raw_bytes": int(col(baseline, lambda r: r["total_transfer"]["raw"])),
        "baseline_transfer_gzip_bytes": int(col(baseline, lambda r: r["total_transfer"]["gzip"])),
        "warm_transfer_raw_bytes": int(col(warm_ws, lambda r: r["transfer"]["raw"])),
        "offline_requests_to_server": int(col(worksheet, "offline_requests")),
        "guide_page_pyodide_bytes": int(median([g["pyodide"] for g in guides])),
        "guide_page_blocking_ms": median([g["blocking_ms"] for g in guides]),
        "guide_page_dom_loaded_ms": median([g["dom_loaded_ms"] for g in guides]),
        "worksheet_dom_loaded_ms": col(worksheet, "dom_loaded_ms"),
        "guide_page_transfer_raw_bytes": int(median([g["total"] for g in guides])),
        "guide_page_transfer_gzip_bytes": int(median([g["total_gzip"] for g in guides])),
    }


def table(results: dict[str, Any]) -> str:
    rows = [f"{'target':44} {'measured':>14}  met"]
    for target in TARGETS:
        shown = target.shown(results[target.key])
        rows.append(f"{target.label:44} {shown:>14}  {'yes' if target.met(results) else 'NO'}")
    rows.append(
        f"first draft cold {results['first_draft_cold_ms']} ms vs baseline "
        f"{results['baseline_first_render_cold_ms']} ms; warm {results['first_draft_warm_ms']} ms "
        f"vs {results['baseline_first_render_warm_ms']} ms; load average {results['load_average_1m']}"
    )
    return "\n".join(rows)
