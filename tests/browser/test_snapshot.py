"""The engine's memory snapshot (worksheet/python.mjs): made after a first visit from the sample
answers only, restored on the next one with the same drafts, byte for byte, as a fresh start
and the CLI; and none at all once the person removed the offline copy."""

from __future__ import annotations

import json
import time
from pathlib import Path

from playwright.sync_api import Browser, Page, expect
from sitekit import cli_drafts

ROOT = Path(__file__).resolve().parents[2]
FIXTURE = ROOT / "src" / "followup" / "answers" / "panel.json"
RESTORED = "followup: the engine was restored from its snapshot"
READ_DRAFTS = """() => [...document.querySelectorAll('[data-fw-drafts] [data-draft-kind]')].map(card => [
  card.dataset.draftKind,
  card.querySelector('[data-draft-part="subject"]').textContent,
  card.querySelector('[data-draft-part="body"]').textContent,
])"""
SNAPSHOTS = """async () => {
  const found = [];
  for (const name of await caches.keys()) {
    if (name.startsWith("followup-snapshot-")) found.push(...(await (await caches.open(name)).keys()));
  }
  return found.length;
}"""


def drafts_when_ready(page: Page) -> list[list[str]]:
    expect(page.locator("[data-fw-status]")).to_have_attribute(
        "data-stage", "ready", timeout=90_000
    )
    expect(page.locator("[data-fw-root]")).to_have_attribute("data-fw-busy", "false")
    drafts: list[list[str]] = page.evaluate(READ_DRAFTS)
    return drafts


def wait_for_snapshot(page: Page, timeout_s: float = 90) -> None:
    started = time.monotonic()
    while not page.evaluate(SNAPSHOTS):
        assert time.monotonic() - started < timeout_s, "no snapshot was made"
        page.wait_for_timeout(250)


def test_a_restored_engine_drafts_exactly_as_a_fresh_one(browser: Browser, site_url: str) -> None:
    context = browser.new_context(service_workers="block")
    logs: list[str] = []
    context.on("console", lambda message: logs.append(message.text))
    saved = {"version": 1, "answers": json.loads(FIXTURE.read_text()), "edits": {}}
    context.add_init_script(
        f"localStorage.setItem('followup-worksheet', {json.dumps(json.dumps(saved))})"
    )
    try:
        page = context.new_page()
        page.goto(site_url + "worksheet/")
        fresh = drafts_when_ready(page)
        assert fresh == cli_drafts(FIXTURE)
        assert RESTORED not in logs
        wait_for_snapshot(page)

        page.reload()
        assert drafts_when_ready(page) == fresh
        assert RESTORED in logs
    finally:
        context.close()


def test_no_snapshot_without_an_offline_copy(browser: Browser, site_url: str) -> None:
    context = browser.new_context(service_workers="block")
    context.add_init_script("localStorage.setItem('followup-offline', 'off')")
    requests: list[str] = []
    context.on("request", lambda request: requests.append(request.url))
    try:
        page = context.new_page()
        page.goto(site_url + "worksheet/")
        expect(page.locator("[data-fw-status]")).to_have_attribute(
            "data-stage", "ready", timeout=90_000
        )
        page.wait_for_timeout(4000)  # longer than the worker waits before starting the maker
        assert any(url.endswith("/app/worker.mjs?snapshot=off") for url in requests), requests
        assert not any(url.endswith("/app/snapshot.mjs") for url in requests)
        assert page.evaluate(SNAPSHOTS) == 0
    finally:
        context.close()
