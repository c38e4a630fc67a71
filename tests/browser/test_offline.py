"""Offline and private: one visit caches the whole site, a new build waits for "Reload" and
replaces the old one whole, and no page breaks its Content-Security-Policy or leaves the origin.

The browser tests serve the site from their own server (same sub-path as conftest's), because
they stop it or switch it to a newer build halfway through.
"""

from __future__ import annotations

import re
import shutil
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, expect
from sitekit import SiteServer, build_site

from followup_site import runtime

ROOT = Path(__file__).resolve().parents[2]

# Typed into the worksheet; the drafts need no more than these.
ANSWERS = {
    "candidate.name": "Ada Lovelace",
    "company.name": "Analytical Engines Ltd",
    "role": "Data Engineer",
    "interview.date": "2026-12-03",
    "interview.interviewers.0.name": "Grace Hopper",
    "interview.interviewers.0.discussed": "moving the nightly batch jobs to streaming",
}
# Guide pages at every depth; the offline test opens them only once offline.
GUIDE_PAGES = ["", "thank-you/", "situations/panel/", "timing/", "privacy/", "faq/"]
# The v2 build: every closing line of every draft changes (templates/_frame.j2).
V2_MARKER = "(v2)"
V2_CLOSINGS = ("Kind regards,", "Best wishes,", "Best,", "Yours sincerely,", "With best wishes,")

# Recorded in every page before any of its scripts run.
RECORD_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__cspViolations.push(
    `${event.violatedDirective} blocked ${event.blockedURI || "inline"}: ${event.sample}`);
});
"""
# The service worker's own account of its precache (see worksheet/sw.js, "STATUS").
ASK_STATUS = """() => new Promise((resolve) => {
  const channel = new MessageChannel();
  channel.port1.onmessage = (event) => resolve(event.data);
  navigator.serviceWorker.controller.postMessage({type: "STATUS"}, [channel.port2]);
})"""
CACHE_SIZES = """async () => {
  const sizes = {};
  for (const name of await caches.keys()) sizes[name] = (await (await caches.open(name)).keys()).length;
  return sizes;
}"""


class Watch:
    """Every request, console error and page error of one browser context."""

    def __init__(self, context: BrowserContext, origin: str) -> None:
        self.origin = origin
        self.requests: list[str] = []
        self.errors: list[str] = []
        context.on("request", lambda request: self.requests.append(request.url))
        context.on("console", self._console)
        context.on("weberror", lambda error: self.errors.append(f"page error: {error.error}"))

    def _console(self, message: Any) -> None:
        if message.type == "error":
            self.errors.append(f"console: {message.text}")

    def assert_clean(self) -> None:
        # data: and blob: URLs never leave the device; everything else must be this origin.
        foreign = [
            url
            for url in self.requests
            if not url.startswith(("data:", "blob:"))
            and f"{urlsplit(url).scheme}://{urlsplit(url).netloc}" != self.origin
        ]
        assert foreign == [], foreign
        assert self.errors == [], self.errors


@pytest.fixture
def site(built_site: Path) -> Iterator[SiteServer]:
    """The built site on a server of its own: tests stop it, or deploy another build to it."""
    with SiteServer(built_site) as served:
        yield served


def new_context(browser: Browser, site: SiteServer) -> tuple[BrowserContext, Watch]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.add_init_script(RECORD_VIOLATIONS)
    return context, Watch(context, site.origin)


def fill_answers(page: Page) -> None:
    for name, value in ANSWERS.items():
        page.locator(f'[name="{name}"]').fill(value)


def drafts(page: Page) -> list[str]:
    """The draft bodies, once the engine has rendered them (Pyodide in the worker)."""
    bodies = page.locator("[data-draft-kind] [data-draft-part='body']")
    expect(bodies.first).not_to_be_empty(timeout=90_000)
    return bodies.all_inner_texts()


def wait_until_offline_ready(page: Page) -> None:
    """The service worker controls the page and has every file (the footer says so)."""
    expect(page.locator("[data-offline-state='ready']")).to_have_text(
        "Available offline", timeout=90_000
    )
    status = page.evaluate(ASK_STATUS)
    assert status["complete"], status


def assert_no_violations(page: Page) -> None:
    assert page.evaluate("window.__cspViolations") == [], page.url


def go_offline(context: BrowserContext, site: SiteServer) -> None:
    site.stop()
    context.set_offline(True)


def test_after_one_visit_the_whole_site_works_offline(browser: Browser, site: SiteServer) -> None:
    context, watch = new_context(browser, site)
    page = context.new_page()
    page.goto(site.url + "worksheet/")
    fill_answers(page)
    online = drafts(page)
    wait_until_offline_ready(page)
    assert_no_violations(page)

    go_offline(context, site)
    started = time.perf_counter()
    page.reload()
    offline = drafts(page)
    elapsed = time.perf_counter() - started
    print(f"\noffline reload of the worksheet to drafts: {elapsed:.2f} s")
    assert offline == online
    for name, value in ANSWERS.items():
        expect(page.locator(f'[name="{name}"]')).to_have_value(value)
    assert_no_violations(page)

    for path in GUIDE_PAGES:  # never visited online: they come from the precache
        page.goto(site.url + path)
        expect(page.locator("article h1")).to_be_visible()
        expect(page.locator("[data-offline-state='ready']")).to_be_visible()
        assert_no_violations(page)

    # Material's own scripts under the policy, offline: search (its worker and index, and a
    # result link, which adds "?h=word") and the palette toggle; then a plain link. (Instant
    # navigation needs site_url, unset here: the update test covers it.)
    page.goto(site.url + "thank-you/")
    page.locator("input.md-search__input").fill("patient")
    page.locator(".md-search-result__link").first.click()
    expect(page).to_have_url(re.compile(r"\?h=patient"))
    expect(page.locator("article h1")).to_be_visible()
    page.goto(site.url + "thank-you/")
    scheme = page.locator("body").get_attribute("data-md-color-scheme")
    page.locator("label.md-header__button[for^='__palette']:visible").click()
    expect(page.locator("body")).not_to_have_attribute("data-md-color-scheme", scheme or "")
    page.locator("a.md-footer__link--next").click()
    expect(page.locator("article h1")).not_to_have_text("Send a thank-you note")
    expect(page.locator("[data-offline-state='ready']")).to_be_visible()
    assert_no_violations(page)

    context.close()
    watch.assert_clean()


def test_the_privacy_page_removes_and_restores_the_offline_copy(
    browser: Browser, site: SiteServer
) -> None:
    context, watch = new_context(browser, site)
    page = context.new_page()
    page.on("dialog", lambda dialog: dialog.accept())
    page.goto(site.url + "privacy/")
    wait_until_offline_ready(page)
    page.get_by_role("button", name="Remove the offline copy").click()
    expect(page.get_by_role("button", name="Keep an offline copy")).to_be_visible()
    assert page.evaluate("navigator.serviceWorker.getRegistrations()") == []
    assert page.evaluate(CACHE_SIZES) == {}

    page.reload()  # remembered: the site does not save itself again
    expect(page.get_by_role("button", name="Keep an offline copy")).to_be_visible()
    assert page.evaluate("navigator.serviceWorker.getRegistrations()") == []
    assert page.evaluate(CACHE_SIZES) == {}

    page.get_by_role("button", name="Keep an offline copy").click()
    wait_until_offline_ready(page)
    expect(page.get_by_role("button", name="Remove the offline copy")).to_be_visible()
    assert_no_violations(page)
    context.close()
    watch.assert_clean()


def build_v2(tmp: Path, site_url: str) -> Path:
    """The same project with every draft's closing line changed, built into ``tmp/site``.

    It also sets ``site_url``, which turns on Material's instant navigation (it needs the
    sitemap's page list), so that the policy is tested with it too.
    """
    project = tmp / "project"
    project.mkdir()
    for name in (
        "mkdocs.yml",
        "pyproject.toml",
        "package.json",
        "docs",
        "overrides",
        "macros",
        "worksheet",
        "src",
    ):
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, project / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, project / name)
    (project / "node_modules").symlink_to(ROOT / "node_modules")
    runtime.wheels_dir(project).parent.mkdir()
    runtime.wheels_dir(project).symlink_to(runtime.wheels_dir(ROOT))
    frame = project / "src" / "followup" / "templates" / "_frame.j2"
    text = frame.read_text()
    for closing in V2_CLOSINGS:
        assert closing in text, closing
        text = text.replace(closing, f"{closing.rstrip(',')} {V2_MARKER},")
    frame.write_text(text)
    out = tmp / "site"
    result = build_site(out, site_url, project)
    assert result.returncode == 0, result.stderr
    return out


def test_a_new_build_waits_for_reload_then_replaces_the_old_one_whole(
    browser: Browser, site: SiteServer, built_site: Path, tmp_path: Path
) -> None:
    v2 = build_v2(tmp_path, site.url)
    assert (v2 / "app/pyodide/pyodide-lock.json").read_bytes() != (
        built_site / "app/pyodide/pyodide-lock.json"
    ).read_bytes()

    context, watch = new_context(browser, site)
    page = context.new_page()
    page.goto(site.url + "worksheet/")
    fill_answers(page)
    assert not any(V2_MARKER in body for body in drafts(page))
    wait_until_offline_ready(page)

    site.root = v2  # deployed: same address, new files
    page.reload()
    prompt = page.locator("[data-offline-update]")
    expect(prompt).to_contain_text("A new version is ready", timeout=90_000)
    # Still the old build, whole: page, worker, lock and engine wheel from the old precache,
    # though the server has only the new files (a mix would fail the lock's sha256 check).
    assert not any(V2_MARKER in body for body in drafts(page))

    with page.expect_navigation():
        prompt.get_by_role("button", name="Reload").click()
    bodies = drafts(page)
    assert all(V2_MARKER in body for body in bodies), bodies
    expect(prompt).to_have_count(0)
    for name, value in ANSWERS.items():
        expect(page.locator(f'[name="{name}"]')).to_have_value(value)
    wait_until_offline_ready(page)

    # The old revisions are gone: one precache, holding exactly the new manifest.
    status = page.evaluate(ASK_STATUS)
    sizes = page.evaluate(CACHE_SIZES)
    precaches = {name: size for name, size in sizes.items() if "-precache-" in name}
    assert list(precaches.values()) == [status["files"]], sizes

    go_offline(context, site)
    page.reload()
    assert all(V2_MARKER in body for body in drafts(page))
    assert_no_violations(page)

    # Instant navigation (on in v2), offline: pages swapped in place, their scripts re-run.
    page.goto(site.url + "thank-you/")
    page.evaluate("window.__sameDocument = true")
    for _ in range(3):
        heading = page.locator("article h1").inner_text()
        page.locator("a.md-footer__link--next").click()
        expect(page.locator("article h1")).not_to_have_text(heading)
    assert page.evaluate("window.__sameDocument") is True, "instant navigation did not happen"
    expect(page.locator("[data-offline-state='ready']")).to_be_visible()
    assert_no_violations(page)
    context.close()
    watch.assert_clean()
