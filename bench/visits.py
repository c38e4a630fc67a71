"""One measured visit each: a first visit to the worksheet (then offline), a plain Pyodide page,
a return visit, a guide page; in Debian's Chromium with a fresh profile per visit."""

from __future__ import annotations

import json
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from playwright.sync_api import BrowserContext, Page, Playwright
from server import MeasuringServer
from sitekit import CHROMIUM, CHROMIUM_ARGS, ROOT

FIXTURE = ROOT / "src" / "followup" / "answers" / "panel.json"
STORAGE_KEY = "followup-worksheet"  # where the worksheet keeps the answers (localStorage)
TIMEOUT_MS = 180_000
# Recorded in every page before its own scripts (see the file).
PROBE = (Path(__file__).resolve().parent / "pages" / "probe.js").read_text(encoding="utf-8")


def seed(context: BrowserContext) -> None:
    """Saved answers, as after an import: the worksheet restores them and renders at once."""
    saved = {"version": 1, "answers": json.loads(FIXTURE.read_text()), "edits": {}}
    context.add_init_script(
        f"try {{ localStorage.setItem({json.dumps(STORAGE_KEY)}, {json.dumps(json.dumps(saved))}); }} catch {{}}"
    )
    context.add_init_script(PROBE)


@dataclass
class Chromium:
    """Launches Debian's Chromium with a fresh profile per visit: a disk HTTP cache, as people
    have (Playwright's incognito contexts keep a small in-memory cache that never holds the
    9.6 MB WebAssembly file, which would make every visit a cold one)."""

    playwright: Playwright
    version: str = ""

    @contextmanager
    def context(self, *, service_workers: str = "allow") -> Iterator[BrowserContext]:
        with tempfile.TemporaryDirectory(prefix="followup-bench-") as profile:
            launch: dict[str, Any] = {"args": CHROMIUM_ARGS}
            if Path(CHROMIUM).exists():
                launch["executable_path"] = CHROMIUM
            context = self.playwright.chromium.launch_persistent_context(
                profile,
                viewport={"width": 1280, "height": 900},
                service_workers=service_workers,  # type: ignore[arg-type]
                **launch,
            )
            try:
                self.version = self.version or (context.browser.version if context.browser else "")
                seed(context)
                yield context
            finally:
                context.close()


DOM_LOADED = "() => performance.getEntriesByType('navigation')[0].domContentLoadedEventEnd"


def first_draft(page: Page) -> dict[str, float]:
    """Wait for the first draft on screen; the page's own clock, from navigation start."""
    page.wait_for_function(
        "() => window.__bench && window.__bench.firstDraft !== null", timeout=TIMEOUT_MS
    )
    marks = page.evaluate("() => window.__bench")
    loaded = page.evaluate(DOM_LOADED)
    draft = marks["firstDraft"]
    tasks = [(start, duration) for start, duration in marks["longtasks"] if start < draft]
    return {
        "first_draft_ms": draft,
        "form_ready_ms": marks["formReady"] if marks["formReady"] is not None else float("nan"),
        "blocking_ms": sum(max(0.0, duration - 50) for _, duration in tasks),
        "longest_task_ms": max((duration for _, duration in tasks), default=0.0),
        "dom_loaded_ms": loaded,
    }


# Whether the engine's memory snapshot (worksheet/python.mjs) is stored in this browser.
HAS_SNAPSHOT = """async () => {
  for (const name of await caches.keys()) {
    if (name.startsWith("followup-snapshot-")) return (await (await caches.open(name)).keys()).length > 0;
  }
  return false;
}"""


def wait_for_snapshot(page: Page, timeout_s: float = 90) -> float | None:
    """Seconds until the worker's background snapshot is stored, or None if it never is."""
    started = time.perf_counter()
    while not page.evaluate(HAS_SNAPSHOT):
        if time.perf_counter() - started > timeout_s:
            return None
        page.wait_for_timeout(250)
    return time.perf_counter() - started


def keystrokes(page: Page, count: int) -> tuple[list[float], list[float], float]:
    """Type ``count`` letters into the company name, one at a time. For each: its time from
    keydown to the updated draft on screen, and to the page's request for new drafts; and the
    blocking time meanwhile."""
    field_ = page.locator('[name="company.name"]')
    field_.focus()
    page.keyboard.press("End")
    page.wait_for_timeout(400)  # the render that focusing may cause is over
    start = page.evaluate("() => performance.now()")
    times, requests = [], []
    for letter in "abcdefghijklmnopqrstuvwxyz"[:count]:
        page.evaluate(
            "() => { const b = window.__bench; b.keyStart = b.keySent = b.keyDone = null; }"
        )
        page.keyboard.press(letter)
        page.wait_for_function("() => window.__bench.keyDone !== null", timeout=30_000)
        marks = page.evaluate("() => window.__bench")
        times.append(marks["keyDone"] - marks["keyStart"])
        if marks["keySent"] is not None:
            requests.append(marks["keySent"] - marks["keyStart"])
        page.wait_for_timeout(250)  # longer than the render delay: each keystroke alone
    tasks = page.evaluate("() => window.__bench.longtasks")
    blocking = sum(max(0.0, d - 50) for s, d in tasks if s >= start)
    return times, requests, blocking


def worksheet_cold(chromium: Chromium, server: MeasuringServer, keys: int) -> dict[str, Any]:
    """A first visit: first draft, keystrokes, then the offline copy; then the same page again
    with the network off (served by the service worker)."""
    with chromium.context() as context:
        page = context.new_page()
        mark = server.mark()
        page.goto(server.url + "worksheet/", timeout=TIMEOUT_MS)
        out = first_draft(page)
        until_draft = server.since(mark)
        times, requests, key_blocking = keystrokes(page, keys)
        page.locator("[data-offline-state='ready']").wait_for(timeout=TIMEOUT_MS)
        snapshot_s = wait_for_snapshot(page)
        page.wait_for_timeout(500)
        total = server.since(mark)
        context.set_offline(True)
        page.goto(server.url + "worksheet/", timeout=TIMEOUT_MS)
        offline = first_draft(page)
        return {
            **out,
            "draft_transfer": until_draft,
            "total_transfer": total,
            "keystrokes": times,
            "keystroke_requests": requests,
            "keystroke_blocking_ms": key_blocking,
            "offline": offline,
            "snapshot_after_draft_s": snapshot_s,
            "offline_requests": server.since(mark)["requests"] - total["requests"],
        }


def baseline_cold(
    chromium: Chromium, server: MeasuringServer, path: str = "bench-baseline/"
) -> dict[str, Any]:
    with chromium.context() as context:
        page = context.new_page()
        mark = server.mark()
        page.goto(server.url + path, timeout=TIMEOUT_MS)
        out = first_draft(page)
        return {**out, "total_transfer": server.since(mark)}


def warm(chromium: Chromium, server: MeasuringServer, path: str) -> dict[str, Any]:
    """A return visit served by the HTTP cache alone (service workers blocked)."""
    with chromium.context(service_workers="block") as context:
        page = context.new_page()
        page.goto(server.url + path, timeout=TIMEOUT_MS)
        first_draft(page)
        if path == "worksheet/":
            wait_for_snapshot(page)
        page.close()
        page = context.new_page()
        mark = server.mark()
        page.goto(server.url + path, timeout=TIMEOUT_MS)
        return {**first_draft(page), "transfer": server.since(mark)}


def guide_page(chromium: Chromium, server: MeasuringServer) -> dict[str, float]:
    """A guide page, never the worksheet: what it downloads until its offline copy is saved."""
    with chromium.context() as context:
        page = context.new_page()
        mark = server.mark()
        page.goto(server.url + "thank-you/", timeout=TIMEOUT_MS)
        page.locator("[data-offline-state='ready']").wait_for(timeout=TIMEOUT_MS)
        page.wait_for_timeout(1500)
        tasks = page.evaluate("() => window.__bench.longtasks")
        return {
            "blocking_ms": sum(max(0.0, d - 50) for _, d in tasks),
            "dom_loaded_ms": page.evaluate(DOM_LOADED),
            "pyodide": server.since(mark, "/app/pyodide/")["raw"],
            "total": server.since(mark)["raw"],
            "total_gzip": server.since(mark)["gzip"],
        }
