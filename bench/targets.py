"""The benchmark's targets, defined once: ``run.py`` prints them, ``chart.py`` puts them in
bench/RESULTS.md. Each is "measured value ≤ limit" for one key of ``results.json``."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

MIB = 2**20


@dataclass(frozen=True)
class Target:
    label: str
    key: str
    limit: float
    # How the measured value reads: a format for str.format, or "MiB" for bytes in MiB.
    fmt: str

    def met(self, results: dict[str, Any]) -> bool:
        return bool(results[self.key] <= self.limit)

    def shown(self, value: float) -> str:
        return f"{value / MIB:.2f} MiB" if self.fmt == "MiB" else self.fmt.format(value)


TARGETS = [
    Target("Form usable ≤ 300 ms", "form_ready_ms", 300, "{:.0f} ms"),
    Target("First draft, first visit ≤ 0.7 × plain page", "ratio_cold", 0.7, "{:.2f} ×"),
    Target("First draft, next visit ≤ 1.5 s", "first_draft_warm_ms", 1500, "{:.0f} ms"),
    Target("First draft, offline ≤ 1.5 s", "first_draft_offline_ms", 1500, "{:.0f} ms"),
    Target("Keystroke → draft, 95th percentile ≤ 50 ms", "keystroke_p95_ms", 50, "{:.0f} ms"),
    Target("Main thread blocked ≤ 50 ms", "main_thread_blocking_ms", 50, "{:.0f} ms"),
    Target("Guide pages download no Python", "guide_page_pyodide_bytes", 0, "{:,} bytes"),
    Target("First visit downloads ≤ 6.5 MiB (gzip)", "cold_transfer_gzip_bytes", 6.5 * MIB, "MiB"),
]
