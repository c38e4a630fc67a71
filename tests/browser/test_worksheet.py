"""The worksheet in Chromium: typing, parity with the CLI, errors, autosave, files and edits.

Most tests share one page (starting Pyodide costs seconds) and begin from "Clear my data". Every
wait is on DOM state; nothing sleeps. The shared page records console errors and every request,
and the last test checks both.
"""

from __future__ import annotations

import email
import email.policy
import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import icalendar
import pytest
from playwright.sync_api import Browser, Download, Error, Page, expect
from sitekit import cli_drafts
from stored import LEGACY_KEY, current, put, saved_answers

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = sorted((ROOT / "tests" / "fixtures").glob("*.json"))
INVALID = sorted((ROOT / "tests" / "invalid").glob("*.json"))
# Not an answers file at all: refused. The rest of tests/invalid/ loads, with its problems shown.
REFUSED = [path for path in INVALID if path.stem != "fields"]
DRAFTS = "[data-fw-drafts] [data-draft-kind]"
# Enough for Pyodide to start on a slow, busy CI machine; a wait ends as soon as the DOM is right.
expect.set_options(timeout=30_000)

# The page's drafts as [kind, subject, body], in order: what the parity tests compare.
READ_DRAFTS = """() => [...document.querySelectorAll('[data-fw-drafts] [data-draft-kind]')].map(card => [
  card.dataset.draftKind,
  card.querySelector('[data-draft-part="subject"]').textContent,
  card.querySelector('[data-draft-part="body"]').textContent,
])"""
DRAFTS_ARE = f"""expected => {{
  const actual = ({READ_DRAFTS})();
  return JSON.stringify(actual) === JSON.stringify(expected);
}}"""
# Every named control's value, to show that a failed import changed nothing.
FORM_VALUES = """() => Object.fromEntries([...document.querySelectorAll('[data-fw-form] [name]')]
  .map(control => [control.name, control.value]))"""


@dataclass
class Recorder:
    """Console errors, page errors and every request URL seen by one browser context."""

    origin: str
    errors: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)
    # Requests made by the page and its workers (not the service worker's precaching).
    page_requests: list[str] = field(default_factory=list)

    def watch(self, context: Any) -> None:
        context.on(
            "console",
            lambda m: (
                self.errors.append(f"console.{m.type}: {m.text}") if m.type == "error" else None
            ),
        )
        context.on("weberror", lambda e: self.errors.append(f"uncaught: {e.error}"))
        context.on("request", self._request)

    def _request(self, request: Any) -> None:
        self.requests.append(request.url)
        if request.service_worker is None:
            self.page_requests.append(request.url)

    def foreign(self) -> list[str]:
        return [
            url
            for url in self.requests
            if not url.startswith(self.origin) and not url.startswith(("blob:", "data:"))
        ]


@dataclass
class Worksheet:
    """The shared worksheet page and what it recorded."""

    page: Page
    url: str
    record: Recorder

    @property
    def root(self) -> Any:
        return self.page.locator("[data-fw-root]")

    def control(self, path: str) -> Any:
        return self.page.locator(f'[data-fw-form] [name="{path}"]')

    def settled(self) -> None:
        expect(self.root).to_have_attribute("data-fw-busy", "false")

    def ready(self) -> None:
        expect(self.page.locator("[data-fw-status]")).to_have_attribute("data-stage", "ready")

    def clear(self) -> None:
        """Start from nothing, as "Clear my data" leaves it (answers, edits, notices)."""
        self.page.get_by_role("button", name="Clear my data").click()
        expect(self.page.locator(DRAFTS)).to_have_count(0)
        self.settled()
        expect(self.page.locator("[data-fw-summary]")).to_have_attribute("data-state", "empty")

    def import_file(self, path: Path) -> None:
        self.page.get_by_label("Import answers").set_input_files(path)

    def wait_for_drafts(self, expected: list[list[str]]) -> None:
        """Wait until the page shows exactly these drafts; on timeout, show the difference."""
        try:
            self.page.wait_for_function(DRAFTS_ARE, arg=expected, timeout=30_000)
        except Error:
            assert self.page.evaluate(READ_DRAFTS) == expected
            raise
        self.settled()

    def download(self, click: Any) -> Download:
        with self.page.expect_download() as info:
            click()
        return info.value

    def card(self, kind: str, index: int = 0) -> Any:
        return self.page.locator(f'[data-fw-drafts] [data-draft-kind="{kind}"]').nth(index)


@pytest.fixture(scope="module")
def ws(browser: Browser, site_url: str) -> Iterator[Worksheet]:
    """One worksheet page for the module (the service worker is out of the way here)."""
    context = browser.new_context(
        accept_downloads=True, service_workers="block", viewport={"width": 1280, "height": 900}
    )
    context.grant_permissions(["clipboard-read", "clipboard-write"])
    record = Recorder(origin=site_url.split("/interview-follow-up/")[0])
    record.watch(context)
    page = context.new_page()
    page.goto(f"{site_url}worksheet/")
    sheet = Worksheet(page, f"{site_url}worksheet/", record)
    sheet.ready()
    try:
        yield sheet
    finally:
        context.close()


def test_typing_answers_makes_drafts(ws: Worksheet) -> None:
    ws.clear()
    summary = ws.page.locator("[data-fw-summary]")
    expect(summary).to_contain_text("Company")
    ws.control("company.name").press_sequentially("Analytical Engines Ltd")
    ws.control("role").press_sequentially("Data Engineer")
    ws.control("interview.date").fill("2026-12-03")
    ws.control("interview.interviewers.0.name").press_sequentially("Grace Hopper")
    ws.control("interview.interviewers.0.discussed").press_sequentially("streaming at scale")
    ws.control("candidate.name").press_sequentially("Ada Lovelace")
    card = ws.card("thank_you")
    expect(card.locator('[data-draft-part="subject"]')).to_contain_text("Data Engineer")
    body = card.locator('[data-draft-part="body"]')
    expect(body).to_contain_text("Grace Hopper")
    expect(body).to_contain_text("streaming at scale")
    expect(body).to_contain_text("Ada Lovelace")
    expect(summary).to_be_hidden()
    expect(ws.page.locator("[data-fw-plan] .fu-timeline")).to_contain_text("Thank-you note")


@pytest.mark.parametrize("path", FIXTURES, ids=[p.stem for p in FIXTURES])
def test_imported_fixture_drafts_match_the_cli(ws: Worksheet, path: Path) -> None:
    """Parity: every draft's subject and body from Pyodide equals CPython's, byte for byte."""
    expected = cli_drafts(path)
    ws.import_file(path)
    ws.wait_for_drafts(expected)
    expect(ws.page.locator('[data-fw-notice="import"]')).to_contain_text("Imported")


@pytest.mark.parametrize("path", REFUSED, ids=[p.stem for p in REFUSED])
def test_a_bad_import_says_why_and_changes_nothing(ws: Worksheet, path: Path) -> None:
    ws.import_file(FIXTURES[0])
    ws.wait_for_drafts(cli_drafts(FIXTURES[0]))
    before = ws.page.evaluate(FORM_VALUES)
    ws.import_file(path)
    notice = ws.page.locator('[data-fw-notice="import"]')
    expect(notice).to_contain_text("was not imported")
    expect(notice).to_have_attribute("role", "alert")
    ws.settled()
    assert ws.page.evaluate(FORM_VALUES) == before


def test_field_errors_show_next_to_their_fields(ws: Worksheet) -> None:
    ws.clear()
    ws.import_file(ROOT / "src" / "followup" / "answers" / "minimal.json")
    expect(ws.card("thank_you")).to_be_visible()
    ws.control("interview.interviewers.0.name").fill("Grace Hopper")
    email_input = ws.control("interview.interviewers.0.email")
    email_input.press_sequentially("grace@")
    email_input.press("Tab")
    error = ws.page.locator("#fw-interview-interviewers-0-email-error")
    expect(error).to_have_text("Not an email address.")
    expect(email_input).to_have_attribute("aria-invalid", "true")
    assert "fw-interview-interviewers-0-email-error" in (
        email_input.get_attribute("aria-describedby") or ""
    )
    summary = ws.page.locator("[data-fw-summary]")
    expect(summary).to_contain_text("Interviewer 1 › Email: not an email address")
    # The summary's entry takes you to the field.
    summary.get_by_role("button", name="Interviewer 1 › Email").click()
    expect(email_input).to_be_focused()
    email_input.press_sequentially("example.org")
    expect(error).to_be_empty()
    expect(email_input).not_to_have_attribute("aria-invalid", "true")
    expect(summary).to_be_hidden()
    expect(ws.card("thank_you").locator(".fu-draft__meta")).to_contain_text("grace@example.org")


def test_adding_and_removing_an_interviewer(ws: Worksheet) -> None:
    ws.clear()
    ws.import_file(ROOT / "src" / "followup" / "answers" / "minimal.json")
    ws.control("interview.interviewers.0.name").fill("Grace Hopper")
    ws.page.get_by_role("button", name="Add interviewer").click()
    second = ws.control("interview.interviewers.1.name")
    expect(second).to_be_focused()
    second.press_sequentially("Alan Turing")
    expect(ws.page.locator('[data-draft-kind="thank_you"]')).to_have_count(2)
    expect(ws.card("thank_you", 1)).to_contain_text("Dear Alan Turing")
    ws.page.get_by_role("button", name="Remove interviewer 1").click()
    expect(
        ws.page.locator('[data-fw-repeat="interview.interviewers"] [data-fw-row]')
    ).to_have_count(1)
    expect(ws.control("interview.interviewers.0.name")).to_have_value("Alan Turing")
    expect(ws.control("interview.interviewers.1.name")).to_have_count(0)
    expect(ws.page.locator('[data-draft-kind="thank_you"]')).to_have_count(1)
    expect(ws.card("thank_you")).to_contain_text("Dear Alan Turing")


def test_an_edited_thank_you_follows_its_interviewer_when_another_is_removed(
    ws: Worksheet,
) -> None:
    """Thank-you notes are numbered by interviewer: the engine says which edits move up."""
    ws.clear()
    panel = ROOT / "src" / "followup" / "answers" / "panel.json"
    ws.import_file(panel)
    ws.wait_for_drafts(cli_drafts(panel))
    second = ws.card("thank_you", 1)
    expect(second).to_contain_text("Dear Dr Turing")
    second.get_by_role("button", name="Edit").click()
    edited = "Dear Dr Turing,\n\nThank you for the tour of the streaming platform.\n\nAda"
    second.locator('[data-fw-edit="body"]').fill(edited)
    expect(second.locator('[data-draft-part="body"]')).to_have_text(edited)
    second.get_by_role("button", name="Done editing").click()
    ws.page.get_by_role("button", name="Remove interviewer 1").click()
    expect(ws.page.locator('[data-fw-drafts] [data-draft-kind="thank_you"]')).to_have_count(2)
    first = ws.card("thank_you", 0)
    expect(first.locator('[data-draft-part="body"]')).to_have_text(edited)
    expect(first.locator("[data-fw-edited]")).to_be_visible()
    expect(ws.card("thank_you", 1)).to_contain_text("Dear Ms Johnson")
    expect(ws.card("thank_you", 1).locator("[data-fw-edited]")).to_be_hidden()
    ws.settled()
    saved = current(ws.page)
    assert saved is not None
    assert saved["edits"] == {"thank_you.0": {"subject": expected_subject(ws), "body": edited}}


def expected_subject(ws: Worksheet) -> str:
    return ws.card("thank_you", 0).locator('[data-draft-part="subject"]').inner_text()


def test_answers_survive_a_reload(ws: Worksheet) -> None:
    ws.clear()
    ws.control("company.name").press_sequentially("Difference Engines")
    ws.control("role").press_sequentially("Analyst")
    ws.control("interview.date").fill("2026-11-20")
    ws.control("interview.stage").select_option("final")
    ws.control("interview.interviewers.0.name").press_sequentially("Charles Babbage")
    ws.settled()
    ws.page.reload()
    expect(ws.control("company.name")).to_have_value("Difference Engines")
    expect(ws.control("role")).to_have_value("Analyst")
    expect(ws.control("interview.date")).to_have_value("2026-11-20")
    expect(ws.control("interview.stage")).to_have_value("final")
    expect(ws.control("interview.interviewers.0.name")).to_have_value("Charles Babbage")
    ws.ready()
    expect(ws.card("thank_you")).to_contain_text("Charles Babbage")


def test_export_then_import_round_trip(ws: Worksheet, tmp_path: Path) -> None:
    ws.clear()
    panel = ROOT / "src" / "followup" / "answers" / "panel.json"
    ws.import_file(panel)
    ws.wait_for_drafts(cli_drafts(panel))
    ws.control("update").fill("I have since shipped the new pipeline.")
    ws.settled()
    exported = tmp_path / "answers.json"
    ws.download(lambda: ws.page.get_by_role("button", name="Export answers").click()).save_as(
        exported
    )
    data = json.loads(exported.read_text(encoding="utf-8"))
    assert data["version"] == 2
    assert data["update"] == "I have since shipped the new pipeline."
    # The exported file is valid for the CLI, and the CLI drafts what the page shows.
    expected = cli_drafts(exported)
    ws.wait_for_drafts(expected)
    ws.clear()
    ws.import_file(exported)
    ws.wait_for_drafts(expected)
    again = tmp_path / "again.json"
    ws.download(lambda: ws.page.get_by_role("button", name="Export answers").click()).save_as(again)
    assert json.loads(again.read_text(encoding="utf-8")) == data


def test_an_edited_draft_is_reviewed_kept_and_can_be_reset(ws: Worksheet) -> None:
    ws.clear()
    panel = ROOT / "src" / "followup" / "answers" / "panel.json"
    expected = cli_drafts(panel)
    ws.import_file(panel)
    ws.wait_for_drafts(expected)
    card = ws.card("thank_you")
    card.get_by_role("button", name="Edit").click()
    editor = card.locator('[data-fw-edit="body"]')
    expect(editor).to_be_focused()
    edited = "Thank you for your time today.\n\nBest wishes,\nAda"
    editor.fill(edited)
    body = card.locator('[data-draft-part="body"]')
    expect(body).to_have_text(edited)
    expect(card.locator("[data-fw-edited]")).to_be_visible()
    # The engine reviews the edit: a thank-you that never names its reader is flagged.
    finding = card.locator('[data-finding="name_missing"]')
    expect(finding).to_be_visible()
    link = finding.get_by_role("link")
    assert (link.get_attribute("href") or "").startswith("../thank-you/#")
    card.get_by_role("button", name="Done editing").click()
    ws.settled()
    ws.page.reload()
    ws.ready()
    card = ws.card("thank_you")
    expect(card.locator('[data-draft-part="body"]')).to_have_text(edited)
    card.get_by_role("button", name="Reset to generated").click()
    ws.wait_for_drafts(expected)
    expect(card.locator("[data-fw-edited]")).to_be_hidden()


def test_copy_and_mailto(ws: Worksheet) -> None:
    panel = ROOT / "src" / "followup" / "answers" / "panel.json"
    ws.import_file(panel)
    expected = cli_drafts(panel)
    ws.wait_for_drafts(expected)
    card = ws.card("thank_you")
    card.get_by_role("button", name="Copy message").click()
    expect(ws.page.locator("[data-fw-announce]")).to_have_text("Copied the message.")
    assert ws.page.evaluate("navigator.clipboard.readText()") == expected[0][2]
    href = card.get_by_role("link", name="Open in mail app").get_attribute("href") or ""
    parts = urlsplit(href)
    assert parts.scheme == "mailto"
    query = parse_qs(parts.query)
    assert query["subject"] == [expected[0][1]]
    assert query["body"] == [expected[0][2].replace("\n", "\r\n")]


def test_calendar_and_email_downloads_parse(ws: Worksheet, tmp_path: Path) -> None:
    panel = ROOT / "src" / "followup" / "answers" / "panel.json"
    expected = cli_drafts(panel)
    ws.import_file(panel)
    ws.wait_for_drafts(expected)
    ics = tmp_path / "plan.ics"
    ws.download(lambda: ws.page.get_by_role("button", name="Download plan (.ics)").click()).save_as(
        ics
    )
    calendar = icalendar.Calendar.from_ical(ics.read_bytes())
    events = calendar.walk("VEVENT")
    dated = ws.page.locator("[data-fw-plan] .fu-timeline [data-plan-kind]")
    assert len(events) == dated.count() > 0
    card = ws.card("thank_you")
    eml = tmp_path / "draft.eml"
    ws.download(lambda: card.get_by_role("button", name="Download .eml").click()).save_as(eml)
    message = email.message_from_bytes(eml.read_bytes(), policy=email.policy.default)
    assert message["Subject"] == expected[0][1]
    assert message.get_content().replace("\r\n", "\n").rstrip("\n") == expected[0][2]
    txt = tmp_path / "draft.txt"
    ws.download(lambda: card.get_by_role("button", name="Download .txt").click()).save_as(txt)
    assert txt.read_text(encoding="utf-8") == f"Subject: {expected[0][1]}\n\n{expected[0][2]}\n"


def test_no_console_errors_and_no_other_origin(ws: Worksheet) -> None:
    """Runs last in this module: everything the tests above did, seen from the browser."""
    assert ws.record.errors == []
    assert ws.record.requests, "the request log is empty"
    assert ws.record.foreign() == []


def test_instant_navigation_starts_the_engine_on_the_worksheet_only_and_once(
    browser: Browser, site_url: str
) -> None:
    """Cold, service worker on, as in production: a guide page loads no engine; instant
    navigation to the worksheet starts it, and away and back again keeps the same one."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    record = Recorder(origin=site_url.split("/interview-follow-up/")[0])
    record.watch(context)

    def workers() -> list[str]:
        return [u for u in record.page_requests if u.endswith("/worker.mjs")]

    try:
        page = context.new_page()
        page.goto(f"{site_url}why/")
        # Material's instant navigation takes over links once it has read the sitemap.
        page.wait_for_function(
            """() => performance.getEntriesByType("resource")
                .some(e => e.name.endsWith("/sitemap.xml") && e.responseEnd > 0)"""
        )
        page.wait_for_load_state("load")
        assert [u for u in record.page_requests if "/pyodide/" in u] == []
        assert workers() == []
        page.evaluate("() => { window.__sameDocument = true; }")
        page.locator(".md-nav a[href$='worksheet/']").first.click()
        status = page.locator("[data-fw-status]")
        expect(status).to_have_attribute("data-stage", "ready")
        assert page.evaluate("() => window.__sameDocument") is True, "a full page load happened"
        assert len(workers()) == 1
        page.locator("article").get_by_role("link", name="Privacy").click()
        expect(page.locator("[data-fw-root]")).to_have_count(0)
        page.go_back()
        expect(status).to_have_attribute("data-stage", "ready")
        page.get_by_label("Import answers").set_input_files(FIXTURES[0])
        page.wait_for_function(DRAFTS_ARE, arg=cli_drafts(FIXTURES[0]))
        assert page.evaluate("() => window.__sameDocument") is True
        assert len(workers()) == 1
        assert record.errors == []
        assert record.foreign() == []
    finally:
        context.close()


def test_an_engine_that_cannot_load_leaves_the_form_working_with_a_retry(
    browser: Browser, site_url: str
) -> None:
    context = browser.new_context(service_workers="block")
    blocked = True

    def runtime(route: Any) -> None:
        if blocked:
            route.abort()
        else:
            route.continue_()

    context.route("**/pyodide/pyodide.mjs", runtime)
    try:
        page = context.new_page()
        page.goto(f"{site_url}worksheet/")
        status = page.locator("[data-fw-status]")
        expect(status).to_have_attribute("data-stage", "error")
        expect(status).to_contain_text("could not load")
        retry = status.get_by_role("button", name="Retry")
        expect(retry).to_be_visible()
        # The form still works and still saves.
        page.locator('[name="company.name"]').fill("Analytical Engines Ltd")
        page.locator('[name="role"]').fill("Data Engineer")
        page.locator('[name="interview.date"]').fill("2026-12-03")
        assert saved_answers(page)["company"]["name"] == "Analytical Engines Ltd"
        blocked = False
        retry.click()
        expect(status).to_have_attribute("data-stage", "ready")
        expect(page.locator('[data-draft-kind="thank_you"]')).to_contain_text("Data Engineer")
    finally:
        context.close()


def test_unreadable_saved_answers_are_kept_until_downloaded_or_discarded(
    browser: Browser, site_url: str, tmp_path: Path
) -> None:
    context = browser.new_context(service_workers="block", accept_downloads=True)
    raw = '{"version": 1, oops'
    try:
        page = context.new_page()
        page.goto(site_url)
        put(page, LEGACY_KEY, raw)
        page.goto(f"{site_url}worksheet/")
        notice = page.locator("[data-fw-notices]")
        expect(notice).to_contain_text("could not be read")
        with page.expect_download() as info:
            notice.get_by_role("button", name="Download the unreadable data").click()
        saved = tmp_path / "unreadable.txt"
        info.value.save_as(saved)
        assert saved.read_text(encoding="utf-8") == raw
        # The worksheet works meanwhile, without writing over what it could not read.
        page.locator('[name="role"]').fill("Data Engineer")
        assert saved_answers(page)["role"] == "Data Engineer"
        legacy = f"() => localStorage.getItem('{LEGACY_KEY}')"
        assert page.evaluate(legacy) == raw
        page.reload()
        expect(notice).to_contain_text("could not be read")
        expect(page.locator('[name="role"]')).to_have_value("Data Engineer")
        # Discarding is the person's choice, and can be undone.
        notice.get_by_role("button", name="Discard it").click()
        assert page.evaluate(legacy) is None
        expect(notice).not_to_contain_text("could not be read")
        notice.get_by_role("button", name="Undo").click()
        assert page.evaluate(legacy) == raw
        expect(notice).to_contain_text("could not be read")
        notice.get_by_role("button", name="Discard it").click()
        page.reload()
        expect(page.locator('[name="role"]')).to_have_value("Data Engineer")
        expect(notice).not_to_contain_text("could not be read")
    finally:
        context.close()


def test_without_storage_the_worksheet_works_and_says_nothing_is_kept(
    browser: Browser, site_url: str
) -> None:
    context = browser.new_context(service_workers="block")
    context.add_init_script(
        "Object.defineProperty(window, 'localStorage', {get() {"
        " throw new DOMException('The operation is insecure.', 'SecurityError'); }})"
    )
    try:
        page = context.new_page()
        page.goto(f"{site_url}worksheet/")
        expect(page.locator("[data-fw-notices]")).to_contain_text("not letting the page store")
        page.locator('[name="company.name"]').fill("Analytical Engines Ltd")
        page.locator('[name="role"]').fill("Data Engineer")
        page.locator('[name="interview.date"]').fill("2026-12-03")
        expect(page.locator('[data-draft-kind="thank_you"]')).to_contain_text("Data Engineer")
    finally:
        context.close()
