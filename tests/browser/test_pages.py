"""The site's own pieces in Chromium: the worksheet's assets on its page only (with Material's
instant navigation), installable as an app, a local build's 404 page under a sub-path, and the
worksheet of the Zensical build.

The Zensical build (tests/conftest.py: ``zensical_site``) is a local build (no ``SITE_URL``),
served here as GitHub Pages serves a project site: under a sub-path, with ``404.html`` for every
missing path (``sitekit.PagesHandler``).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, Page, expect
from sitekit import PREFIX, PagesHandler, SiteServer, cli_drafts

ROOT = Path(__file__).resolve().parents[2]
ANSWERS = ROOT / "tests" / "fixtures" / "acme-inc.json"
expect.set_options(timeout=30_000)

READ_DRAFTS = """() => [...document.querySelectorAll('[data-fw-drafts] [data-draft-kind]')].map(c => [
  c.dataset.draftKind,
  c.querySelector('[data-draft-part="subject"]').textContent,
  c.querySelector('[data-draft-part="body"]').textContent,
])"""
DRAFTS_ARE = f"""expected => JSON.stringify(({READ_DRAFTS})()) === JSON.stringify(expected)"""
# Whether the worksheet's stylesheet applies: a custom property that only worksheet.css sets.
STYLED = """() => {
  const root = document.querySelector("[data-fw-root]");
  return !!root && getComputedStyle(root).getPropertyValue("--fw-ok").trim() === "#1b6e3a";
}"""
SHEETS = """() => [...document.styleSheets].map((s) => s.href || "").filter(Boolean)"""
SITEMAP_READ = """() => performance.getEntriesByType("resource")
  .some((e) => e.name.endsWith("/sitemap.xml") && e.responseEnd > 0)"""


class Log:
    """Errors and requests of one browser context."""

    def __init__(self, context: Any) -> None:
        self.errors: list[str] = []
        self.requests: list[str] = []
        context.on(
            "console",
            lambda m: (
                self.errors.append(f"console: {m.text} ({m.location['url']})")
                if m.type == "error"
                else None
            ),
        )
        context.on("weberror", lambda e: self.errors.append(f"uncaught: {e.error}"))
        context.on("request", lambda r: self.requests.append(r.url))

    def asked_for(self, name: str) -> list[str]:
        return [url for url in self.requests if url.endswith(name)]


def nav_link(page: Page, href_end: str) -> Any:
    return page.locator(f".md-nav a[href$='{href_end}']").first


def test_worksheet_assets_load_on_its_page_only_and_instant_navigation_runs_it(
    browser: Browser, site_url: str
) -> None:
    """A guide page loads neither the worksheet's stylesheet nor its script; going to the
    worksheet by instant navigation brings both and the worksheet works; away and back (by
    links, not history) it works again, all in one document."""
    context = browser.new_context(service_workers="block", viewport={"width": 1280, "height": 900})
    log = Log(context)
    try:
        page = context.new_page()
        page.goto(f"{site_url}why/")
        page.wait_for_function(SITEMAP_READ)  # instant navigation is on from here
        page.wait_for_load_state("load")
        assert log.asked_for("/app/worksheet.css") == log.asked_for("/app/worksheet.mjs") == []
        assert not any(s.endswith("/app/worksheet.css") for s in page.evaluate(SHEETS))
        page.evaluate("() => { window.__sameDocument = true; }")

        nav_link(page, "worksheet/").click()
        expect(page.locator("[data-fw-status]")).to_have_attribute("data-stage", "ready")
        page.wait_for_function(STYLED)
        assert len(log.asked_for("/app/worksheet.mjs")) == 1

        page.locator(".md-tabs__link").first.click()  # "Home": the worksheet hides the sidebar
        expect(page.locator("[data-fw-root]")).to_have_count(0)
        expect(nav_link(page, "worksheet/")).to_be_visible()
        assert not any(s.endswith("/app/worksheet.css") for s in page.evaluate(SHEETS))

        nav_link(page, "worksheet/").click()
        expect(page.locator("[data-fw-status]")).to_have_attribute("data-stage", "ready")
        page.wait_for_function(STYLED)
        page.get_by_label("Import answers").set_input_files(ANSWERS)
        page.wait_for_function(DRAFTS_ARE, arg=cli_drafts(ANSWERS))
        assert page.evaluate("() => window.__sameDocument") is True, "a full page load happened"
        assert log.errors == []
    finally:
        context.close()


def test_the_site_can_be_installed_as_an_app(browser: Browser, site_url: str) -> None:
    """Chromium reads the manifest without errors and finds nothing that stops installing."""
    context = browser.new_context()
    try:
        page = context.new_page()
        page.goto(f"{site_url}thank-you/")
        page.wait_for_function("() => navigator.serviceWorker.controller !== null")
        cdp = context.new_cdp_session(page)
        manifest = cdp.send("Page.getAppManifest")
        assert manifest["url"] == f"{site_url}manifest.webmanifest"
        assert manifest["errors"] == []
        errors = cdp.send("Page.getInstallabilityErrors")["installabilityErrors"]
        # Playwright's contexts are private windows: the only objection left must be that one.
        assert [e["errorId"] for e in errors if e["errorId"] != "in-incognito"] == []
    finally:
        context.close()


@pytest.fixture(scope="module")
def zensical_url(zensical_site: Path) -> Iterator[str]:
    """The Zensical build (a local build), served as GitHub Pages serves a project site."""
    with SiteServer(zensical_site, PagesHandler) as server:
        yield server.url


@pytest.mark.zensical
@pytest.mark.parametrize("missing", ["typo", "situations/gone/", "no/such/page/at/all/"])
def test_a_local_builds_404_page_works_under_a_sub_path(
    browser: Browser, zensical_url: str, missing: str
) -> None:
    """Styled, scripted and with working links, however deep the missing path."""
    context = browser.new_context(service_workers="block")
    log = Log(context)
    try:
        page = context.new_page()
        response = page.goto(zensical_url + missing)
        assert response is not None and response.status == 404
        expect(page.locator("h1")).to_have_text("404 - Not found")
        assert page.evaluate("() => location.pathname") == f"{PREFIX}404.html"
        assert any("/assets/stylesheets/" in s for s in page.evaluate(SHEETS))
        page.get_by_role("link", name="Interview Follow-Up Guide").first.click()
        expect(page).to_have_url(zensical_url)
        assert all(url.startswith(zensical_url) for url in log.requests), log.requests
        # The one error is the browser's note of the missing page's own status.
        assert log.errors == [
            "console: Failed to load resource: the server responded with a status of 404 "
            f"(Not Found) ({zensical_url}{missing})"
        ]
    finally:
        context.close()


@pytest.mark.zensical
def test_the_zensical_builds_worksheet_drafts_as_the_cli_does(
    browser: Browser, zensical_url: str
) -> None:
    context = browser.new_context(service_workers="block")
    log = Log(context)
    try:
        page = context.new_page()
        page.goto(f"{zensical_url}worksheet/")
        expect(page.locator("[data-fw-status]")).to_have_attribute("data-stage", "ready")
        page.get_by_label("Import answers").set_input_files(ANSWERS)
        page.wait_for_function(DRAFTS_ARE, arg=cli_drafts(ANSWERS))
        assert log.errors == []
    finally:
        context.close()
