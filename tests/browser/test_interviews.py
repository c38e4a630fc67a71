"""Several interviews, kept safe (issue 12), in Chromium: tabs in step with each other, every export
imports again, Undo for everything that deletes, nothing lost on bad storage, the one-interview
worksheet's answers as the first interview, and the Due list across interviews.

Each test has its own browser context (its own storage); tests that need no drafts block the
runtime, so that they do not wait for Python. Every wait is on DOM state; nothing sleeps.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import icalendar
import pytest
from playwright.sync_api import Browser, BrowserContext, Download, Page, expect
from sitekit import SiteServer, cli_drafts
from stored import LEGACY_KEY, RECORD, SCOPE, current, legacy, put, records, saved_answers

ROOT = Path(__file__).resolve().parents[2]
ANSWERS = ROOT / "src" / "followup" / "answers"
PANEL = ANSWERS / "panel.json"
DRAFTS = "[data-fw-drafts] [data-draft-kind]"
expect.set_options(timeout=30_000)

# Stops this page from hearing other tabs, as a tab frozen in the background, or one whose
# events are still on their way, does not hear them. Added before the page's own scripts: at the
# window, listeners run in the order they were added, capturing or not.
DEAF = """window.addEventListener("storage", (event) => event.stopImmediatePropagation(),
  {capture: true});"""
# Every named control's value (checkboxes as true or false).
FORM_VALUES = """() => Object.fromEntries([...document.querySelectorAll('[data-fw-form] [name]')]
  .map((c) => [c.name, c.type === "checkbox" ? c.checked : c.value]))"""


@pytest.fixture
def context(browser: Browser) -> Iterator[BrowserContext]:
    context = browser.new_context(
        accept_downloads=True, service_workers="block", viewport={"width": 1280, "height": 900}
    )
    try:
        yield context
    finally:
        context.close()


def open_sheet(context: BrowserContext, site_url: str, *, engine: bool = True,
               deaf: bool = False) -> Page:  # fmt: skip
    """A worksheet tab; without the engine, the runtime is not even fetched."""
    page = context.new_page()
    if not engine:
        page.route("**/pyodide/**", lambda route: route.abort())
    if deaf:
        page.add_init_script(DEAF)
    page.goto(f"{site_url}worksheet/")
    if engine:
        expect(page.locator("[data-fw-status]")).to_have_attribute("data-stage", "ready")
    else:
        expect(page.locator("[data-fw-status]")).to_have_attribute("data-stage", "error")
    return page


def control(page: Page, path: str) -> Any:
    return page.locator(f'[data-fw-form] [name="{path}"]')


def settled(page: Page) -> None:
    expect(page.locator("[data-fw-root]")).to_have_attribute("data-fw-busy", "false")


def import_file(page: Page, path: Path) -> None:
    page.get_by_label("Import answers").set_input_files(path)
    expect(page.locator('[data-fw-notice="import"]')).to_contain_text("Imported")
    settled(page)


def download(page: Page, name: str) -> Download:
    with page.expect_download() as info:
        page.get_by_role("button", name=name, exact=True).click()
    return info.value


def names(page: Page) -> list[str]:
    """The interviews as the list shows them, archived ones too."""
    return [" ".join(t.split()) for t in page.locator("[data-interview]").all_inner_texts()]


def drafts(page: Page) -> list[list[str]]:
    return page.evaluate(
        """() => [...document.querySelectorAll('[data-fw-drafts] [data-draft-kind]')].map((c) =>
          [c.dataset.draftKind, c.querySelector('[data-draft-part="subject"]').textContent,
           c.querySelector('[data-draft-part="body"]').textContent])"""
    )


def wait_for_drafts(page: Page, expected: list[list[str]]) -> None:
    page.wait_for_function(
        """(expected) => JSON.stringify([...document.querySelectorAll(
             '[data-fw-drafts] [data-draft-kind]')].map((c) => [c.dataset.draftKind,
             c.querySelector('[data-draft-part="subject"]').textContent,
             c.querySelector('[data-draft-part="body"]').textContent])) ===
           JSON.stringify(expected)""",
        arg=expected,
    )
    settled(page)


def edit_note(page: Page, index: int, body: str) -> None:
    card = page.locator('[data-fw-drafts] [data-draft-kind="thank_you"]').nth(index)
    card.get_by_role("button", name="Edit").click()
    card.locator('[data-fw-edit="body"]').fill(body)
    expect(card.locator('[data-draft-part="body"]')).to_have_text(body)
    card.get_by_role("button", name="Done editing").click()
    settled(page)


# --- tabs in step --------------------------------------------------------------------------------


def test_a_stale_tab_never_writes_over_a_finished_interview(
    context: BrowserContext, site_url: str
) -> None:
    """The loss seen: one keystroke in a forgotten tab erased a finished worksheet with its
    drafts and an edited note. The forgotten tabs here hear nothing after they open: one was
    opened before anything was typed, one when the interview was half done."""
    empty = open_sheet(context, site_url, engine=False, deaf=True)
    first = open_sheet(context, site_url)
    import_file(first, PANEL)
    wait_for_drafts(first, cli_drafts(PANEL))
    stale = open_sheet(context, site_url, engine=False, deaf=True)
    expect(control(stale, "company.name")).to_have_value("Analytical Engines Ltd")
    # Meanwhile, in the first tab: an edited note, a changed field, an interviewer removed.
    edited = "Dear Dr Hopper,\n\nThank you for the conversation about streaming.\n\nAda"
    edit_note(first, 0, edited)
    control(first, "update").fill("I have since shipped the new pipeline.")
    first.get_by_role("button", name="Remove interviewer 3").click()
    settled(first)
    finished = current(first)
    assert finished is not None and finished["edits"]["thank_you.0"]["body"] == edited
    # One keystroke in the stale tab, in a field the first tab never touched.
    control(stale, "candidate.signature").press_sequentially("A")
    record = current(stale)
    assert record is not None and record["id"] == finished["id"]
    assert record["edits"] == finished["edits"]
    for path in ("company", "role", "interview", "update", "preferences", "contact"):
        assert record["answers"][path] == finished["answers"][path], path
    assert record["answers"]["candidate"]["signature"] == "A"
    # The stale tab now shows the finished answers; the first tab shows the keystroke.
    expect(control(stale, "update")).to_have_value("I have since shipped the new pipeline.")
    expect(control(stale, "interview.interviewers.2.name")).to_have_count(0)
    expect(control(first, "candidate.signature")).to_have_value("A")
    # The tab opened before anything: its keystroke is an interview of its own.
    control(empty, "role").press_sequentially("X")
    kept = current(first)
    assert kept is not None and kept["answers"]["role"] == "Data Engineer"
    assert kept["edits"] == finished["edits"]
    assert len(records(first)) == 2
    first.reload()
    expect(control(first, "update")).to_have_value("I have since shipped the new pipeline.")
    card = first.locator('[data-draft-kind="thank_you"]').first
    expect(card.locator('[data-draft-part="body"]')).to_have_text(edited)
    expect(card.locator("[data-fw-edited]")).to_be_visible()


def test_two_tabs_on_one_interview_keep_the_later_change_of_each_field(
    context: BrowserContext, site_url: str
) -> None:
    one = open_sheet(context, site_url, engine=False)
    control(one, "company.name").fill("Acme")
    two = open_sheet(context, site_url, engine=False)
    expect(control(two, "company.name")).to_have_value("Acme")
    # Different fields: both kept, both tabs show both.
    control(one, "role").fill("Analyst")
    control(two, "interview.next_steps").fill("a case study")
    for page in (one, two):
        expect(control(page, "role")).to_have_value("Analyst")
        expect(control(page, "interview.next_steps")).to_have_value("a case study")
    # The same field: the later change wins, in both tabs.
    control(one, "update").fill("from the first tab")
    expect(control(two, "update")).to_have_value("from the first tab")
    control(two, "update").fill("from the second tab")
    expect(control(one, "update")).to_have_value("from the second tab")
    # A row added in one tab appears in the other.
    one.get_by_role("button", name="Add interviewer").click()
    control(one, "interview.interviewers.1.name").fill("Grace Hopper")
    expect(control(two, "interview.interviewers.1.name")).to_have_value("Grace Hopper")
    assert one.evaluate(FORM_VALUES) == two.evaluate(FORM_VALUES)
    assert saved_answers(one)["update"] == "from the second tab"


def test_a_blank_tab_follows_the_interview_another_tab_starts(
    context: BrowserContext, site_url: str
) -> None:
    one = open_sheet(context, site_url, engine=False)
    two = open_sheet(context, site_url, engine=False)
    control(one, "company.name").fill("Acme")
    expect(control(two, "company.name")).to_have_value("Acme")
    expect(two.locator("[data-interview]")).to_have_count(1)


def test_clear_my_data_clears_every_tab_and_no_tab_writes_the_answers_back(
    context: BrowserContext, site_url: str
) -> None:
    holder = open_sheet(context, site_url, engine=False)
    for path, value in {"company.name": "Acme", "role": "Analyst",
                        "candidate.name": "Ada Lovelace"}.items():  # fmt: skip
        control(holder, path).fill(value)
    clearing = open_sheet(context, site_url, engine=False)
    expect(control(clearing, "role")).to_have_value("Analyst")
    clearing.get_by_role("button", name="Clear my data").click()
    expect(holder.locator("[data-fw-notices]")).to_contain_text("cleared from this browser")
    expect(control(holder, "company.name")).to_have_value("")
    assert records(holder) == []
    # The next keystroke in the tab that held the answers keeps only itself.
    control(holder, "interview.next_steps").fill("a call")
    (kept,) = records(holder)
    assert kept["answers"]["interview"]["next_steps"] == "a call"
    assert kept["answers"]["company"]["name"] == "" and kept["answers"]["candidate"]["name"] == ""
    # Undo puts everything back, in every tab.
    clearing.locator('[data-fw-notice="clear"]').get_by_role("button", name="Undo").click()
    expect(control(clearing, "company.name")).to_have_value("Acme")
    expect(control(holder, "company.name")).to_have_value("Acme")
    assert [r["answers"]["role"] for r in records(holder)] == ["Analyst"]


def test_a_deleted_interview_leaves_the_other_tab_too(
    context: BrowserContext, site_url: str
) -> None:
    one = open_sheet(context, site_url, engine=False)
    control(one, "company.name").fill("Acme")
    one.get_by_role("button", name="New interview", exact=True).click()
    control(one, "company.name").fill("Initech")
    two = open_sheet(context, site_url, engine=False)
    expect(control(two, "company.name")).to_have_value("Initech")
    one.get_by_role("button", name="Delete this interview").click()
    expect(control(two, "company.name")).to_have_value("Acme")
    expect(two.locator("[data-fw-notices]")).to_contain_text("deleted in another tab")
    assert names(two) == ["Acme"]
    # Nothing in the second tab brings it back.
    control(two, "role").fill("Analyst")
    assert [r["answers"]["company"]["name"] for r in records(two)] == ["Acme"]
    one.locator('[data-fw-notice="undo"]').get_by_role("button", name="Undo").click()
    expect(two.locator("[data-interview]")).to_have_count(2)
    assert sorted(names(two)) == ["Acme — Analyst", "Initech"]


# --- every export imports again ----------------------------------------------------------------


def test_an_unfinished_export_with_an_invalid_email_and_no_date_imports_again(
    context: BrowserContext, site_url: str, tmp_path: Path
) -> None:
    page = open_sheet(context, site_url)
    typed = {
        "company.name": "Analytical Engines Ltd",
        "role": "Data Engineer",
        "interview.interviewers.0.name": "Grace Hopper",
        "interview.interviewers.0.email": "grace@",
    }
    for path, value in typed.items():
        control(page, path).fill(value)
    settled(page)
    exported = tmp_path / "unfinished.json"
    download(page, "Export answers").save_as(exported)
    data = json.loads(exported.read_text(encoding="utf-8"))
    assert data["interview"]["interviewers"][0]["email"] == "grace@"
    assert data["interview"]["date"] == ""
    page.get_by_role("button", name="Clear my data").click()
    expect(control(page, "company.name")).to_have_value("")
    page.get_by_label("Import answers").set_input_files(exported)
    notice = page.locator('[data-fw-notice="import"]')
    expect(notice).to_contain_text("Imported “unfinished.json”")
    expect(notice).to_contain_text("not finished yet")
    expect(notice).not_to_have_attribute("role", "alert")
    for path, value in typed.items():
        expect(control(page, path)).to_have_value(value)
    error = page.locator('[data-fw-error="interview.interviewers.0.email"]')
    expect(error).to_have_text("Not an email address.")
    summary = page.locator("[data-fw-summary]")
    expect(summary).to_contain_text("Interview date")
    expect(page.locator(DRAFTS)).to_have_count(0)
    # Exported again, it is the same file.
    again = tmp_path / "again.json"
    download(page, "Export answers").save_as(again)
    assert json.loads(again.read_text(encoding="utf-8")) == data


def test_a_file_with_problems_loads_and_shows_them(
    context: BrowserContext, site_url: str
) -> None:
    """tests/invalid/fields.json: a date that does not exist, a time and an email written
    wrongly, an unknown field. What a control can show loads, with its problem beside it; the
    rest is named in the notice."""
    page = open_sheet(context, site_url)
    page.get_by_label("Import answers").set_input_files(ROOT / "tests/invalid/fields.json")
    notice = page.locator('[data-fw-notice="import"]')
    expect(notice).to_contain_text("Imported “fields.json”")
    expect(notice.locator(".fw-notice__details li")).to_have_text([
        "Not loaded: interview.date (must be a real date written YYYY-MM-DD).",
        "Not loaded: interview.time (must be a time written HH:MM (24-hour clock)).",
        "Not loaded: interview.nmae (unknown field).",
    ])  # fmt: skip
    expect(control(page, "candidate.email")).to_have_value("ada(at)example.org")
    expect(page.locator('[data-fw-error="candidate.email"]')).to_have_text("Not an email address.")
    expect(control(page, "interview.interviewers.1.title")).to_have_value("CTO")
    expect(page.locator("[data-fw-summary]")).to_contain_text("Interview date")


# --- clean files ---------------------------------------------------------------------------------

# Pasted into an edited draft from a word processor.
PASTED = "Dear Dr Hopper,\u2028\u000bThank you\u001b for\u0000 the tour.\u0007\n\nAda\u0085"
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029]")


def test_control_characters_pasted_into_a_draft_go_into_no_file(
    context: BrowserContext, site_url: str, tmp_path: Path
) -> None:
    page = open_sheet(context, site_url)
    import_file(page, PANEL)
    wait_for_drafts(page, cli_drafts(PANEL))
    card = page.locator('[data-fw-drafts] [data-draft-kind="thank_you"]').first
    card.get_by_role("button", name="Edit").click()
    card.locator('[data-fw-edit="body"]').evaluate(
        """(area, text) => { area.value = text;
             area.dispatchEvent(new Event("input", {bubbles: true})); }""",
        PASTED,
    )
    clean = "Dear Dr Hopper,\nThank you for the tour.\n\nAda"
    expect(card.locator('[data-draft-part="body"]')).to_have_text(clean)
    settled(page)
    files = {}
    for name, button in (("ics", "Download plan (.ics)"), ("all", "Download all plans (.ics)"),
                         ("backup", "Back up all interviews"), ("answers", "Export answers")):  # fmt: skip
        files[name] = tmp_path / name
        download(page, button).save_as(files[name])
    for name, button in (("eml", "Download .eml"), ("txt", "Download .txt")):
        files[name] = tmp_path / name
        with page.expect_download() as info:
            card.get_by_role("button", name=button).click()
        info.value.save_as(files[name])
    for name, path in files.items():
        text = path.read_bytes().decode("utf-8")
        assert not CONTROL.search(text.replace("\r\n", "\n")), name
    description = [
        str(e["DESCRIPTION"])
        for e in icalendar.Calendar.from_ical(files["ics"].read_bytes()).walk("VEVENT")
    ]
    assert any(clean in d for d in description)
    assert files["txt"].read_text(encoding="utf-8").endswith(f"{clean}\n")
    backup = json.loads(files["backup"].read_text(encoding="utf-8"))
    assert backup["interviews"][0]["edits"]["thank_you.0"]["body"] == clean


# --- Undo for every destructive action -----------------------------------------------------------


def test_every_destructive_action_can_be_undone(
    context: BrowserContext, site_url: str
) -> None:
    page = open_sheet(context, site_url)
    import_file(page, PANEL)
    wait_for_drafts(page, cli_drafts(PANEL))
    undo = page.locator('[data-fw-notice="undo"]').get_by_role("button", name="Undo")
    note = "Dear Dr Turing,\n\nThank you for the tour of the test suite.\n\nAda"
    edit_note(page, 1, note)
    second = page.locator('[data-draft-kind="thank_you"]').nth(1)

    # Reset to generated.
    second.get_by_role("button", name="Reset to generated").click()
    expect(second.locator("[data-fw-edited]")).to_be_hidden()
    undo.click()
    expect(second.locator('[data-draft-part="body"]')).to_have_text(note)
    settled(page)
    assert current(page)["edits"]["thank_you.1"]["body"] == note  # type: ignore[index]

    # Remove the person whose note was edited, then Undo: both come back, in their place.
    page.get_by_role("button", name="Remove interviewer 2").click()
    expect(control(page, "interview.interviewers.1.name")).to_have_value("Katherine Johnson")
    settled(page)
    assert "thank_you.1" not in current(page)["edits"]  # type: ignore[index]
    undo.click()
    expect(control(page, "interview.interviewers.1.name")).to_have_value("Alan Turing")
    expect(second.locator('[data-draft-part="body"]')).to_have_text(note)
    settled(page)
    assert current(page)["edits"]["thank_you.1"]["body"] == note  # type: ignore[index]

    # Remove an item.
    page.get_by_role("button", name="Remove highlight 1").click()
    expect(control(page, "interview.highlights.0")).to_have_value(
        "keeping a 24/7 payments pipeline running"
    )
    undo.click()
    expect(control(page, "interview.highlights.0")).to_have_value(
        "migrating a 2 TB warehouse to Parquet"
    )

    # Delete the interview.
    page.get_by_role("button", name="Delete this interview").click()
    expect(control(page, "company.name")).to_have_value("")
    assert records(page) == []
    undo.click()
    expect(control(page, "company.name")).to_have_value("Analytical Engines Ltd")
    expect(second.locator('[data-draft-part="body"]')).to_have_text(note)
    assert len(records(page)) == 1

    # Clear my data.
    page.get_by_role("button", name="Clear my data").click()
    expect(page.locator(DRAFTS)).to_have_count(0)
    page.locator('[data-fw-notice="clear"]').get_by_role("button", name="Undo").click()
    expect(control(page, "company.name")).to_have_value("Analytical Engines Ltd")
    expect(second.locator('[data-draft-part="body"]')).to_have_text(note)
    page.reload()
    expect(control(page, "interview.highlights.0")).to_have_value(
        "migrating a 2 TB warehouse to Parquet"
    )
    expect(page.locator('[data-draft-kind="thank_you"]').nth(1).locator('[data-draft-part="body"]')
           ).to_have_text(note)  # fmt: skip


# --- several interviews ----------------------------------------------------------------------


@pytest.fixture
def site(built_site: Path) -> Iterator[SiteServer]:
    """The built site on a server of its own, which the offline test stops."""
    with SiteServer(built_site) as served:
        yield served


def test_several_interviews_are_kept_apart_across_reloads_and_offline(
    browser: Browser, site: SiteServer
) -> None:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    try:
        page = context.new_page()
        page.goto(f"{site.url}worksheet/")
        import_file(page, PANEL)
        panel = cli_drafts(PANEL)
        wait_for_drafts(page, panel)
        # A second interview with the candidate's details, a third without.
        page.get_by_role("button", name="New interview", exact=True).click()
        expect(control(page, "company.name")).to_be_focused()
        expect(control(page, "candidate.name")).to_have_value("Ada Lovelace")
        expect(control(page, "candidate.email")).to_have_value("ada@example.org")
        second = {"company.name": "Difference Engines", "role": "Analyst",
                  "interview.date": "2026-12-04", "interview.interviewers.0.name": "Charles Babbage"}  # fmt: skip
        for path, value in second.items():
            control(page, path).fill(value)
        expect(page.locator('[data-draft-kind="thank_you"]')).to_contain_text("Charles Babbage")
        page.get_by_label("Start it with my details").uncheck()
        page.get_by_role("button", name="New interview", exact=True).click()
        expect(control(page, "candidate.name")).to_have_value("")
        import_file(page, ANSWERS / "minimal.json")
        minimal = cli_drafts(ANSWERS / "minimal.json")
        wait_for_drafts(page, minimal)
        listed = ["Analytical Engines Ltd — Data Engineer", "Difference Engines — Analyst"]
        assert names(page)[:2] == listed and len(names(page)) == 3

        def check_each() -> None:
            page.locator("[data-interview]").nth(0).click()
            expect(control(page, "company.name")).to_have_value("Analytical Engines Ltd")
            wait_for_drafts(page, panel)
            page.locator("[data-interview]").nth(1).click()
            for path, value in second.items():
                expect(control(page, path)).to_have_value(value)
            expect(control(page, "interview.interviewers.1.name")).to_have_count(0)
            expect(page.locator('[data-draft-kind="thank_you"]')).to_contain_text("Charles Babbage")
            page.locator("[data-interview]").nth(2).click()
            wait_for_drafts(page, minimal)
            expect(control(page, "candidate.name")).to_have_value("")

        page.reload()
        expect(page.locator("[data-interview]")).to_have_count(3)
        check_each()
        expect(page.locator("[data-offline-state='ready']")).to_have_text(
            "Available offline", timeout=90_000
        )
        site.stop()
        context.set_offline(True)
        page.reload()
        expect(page.locator("[data-fw-status]")).to_have_attribute("data-stage", "ready")
        expect(page.locator("[data-interview]")).to_have_count(3)
        check_each()
    finally:
        context.close()


def test_a_backup_of_several_interviews_restores_into_an_empty_browser(
    browser: Browser, context: BrowserContext, site_url: str, tmp_path: Path
) -> None:
    page = open_sheet(context, site_url)
    import_file(page, PANEL)
    wait_for_drafts(page, cli_drafts(PANEL))
    note = "Dear Dr Hopper,\n\nThank you.\n\nAda"
    edit_note(page, 0, note)
    page.get_by_role("button", name="New interview", exact=True).click()
    import_file(page, ANSWERS / "informational.json")
    page.get_by_role("button", name="Archive this interview").click()
    expect(page.locator("[data-fw-book-archived]")).to_be_visible()
    page.get_by_role("button", name="New interview", exact=True).click()
    control(page, "company.name").fill("Initech")  # unfinished: no role, no date
    settled(page)
    backup = tmp_path / "backup.json"
    download(page, "Back up all interviews").save_as(backup)
    data = json.loads(backup.read_text(encoding="utf-8"))
    assert data["format"] == "followup-backup" and len(data["interviews"]) == 3
    before = {r["answers"]["company"]["name"]: r for r in records(page)}

    empty = browser.new_context(accept_downloads=True, service_workers="block")
    try:
        restored = open_sheet(empty, site_url)
        restored.get_by_label("Import answers").set_input_files(backup)
        expect(restored.locator('[data-fw-notice="import"]')).to_contain_text("3 new interviews")
        expect(restored.locator("[data-interview]")).to_have_count(3)
        archived = restored.locator("[data-fw-book-archived-list] [data-interview]")
        expect(archived).to_have_text("Riverside Museum — Collections Assistant")
        wait_for_drafts(restored, [[k, s, note if i == 0 else b]
                                   for i, (k, s, b) in enumerate(cli_drafts(PANEL))])  # fmt: skip
        expect(restored.locator("[data-fw-edited]").first).to_be_visible()
        after = {r["answers"]["company"]["name"]: r for r in records(restored)}
        assert set(after) == set(before)
        for name, record in before.items():
            assert after[name]["archived"] == record["archived"]
            assert after[name]["edits"] == record["edits"]
        restored.locator("[data-interview]", has_text="Initech").click()
        expect(control(restored, "company.name")).to_have_value("Initech")
        expect(restored.locator("[data-fw-summary]")).to_contain_text("Role")
    finally:
        empty.close()


def test_the_one_interview_worksheets_answers_are_the_first_interview_untouched(
    context: BrowserContext, site_url: str
) -> None:
    answers = json.loads(PANEL.read_text(encoding="utf-8"))
    answers["version"] = 1
    edits = {"thank_you.1": {"subject": "Thank you", "body": "Dear Dr Turing,\n\nThanks.\n\nAda"}}
    page = context.new_page()
    page.goto(site_url)  # a guide page: the old worksheet saved from the worksheet's
    put(page, LEGACY_KEY, legacy(answers, edits))
    page.goto(f"{site_url}worksheet/")
    expect(page.locator("[data-interview]")).to_have_count(1)
    assert names(page) == ["Analytical Engines Ltd — Data Engineer"]
    record = current(page)
    assert record is not None
    assert record["answers"] == answers and record["edits"] == edits
    assert page.evaluate(f"() => localStorage.getItem('{LEGACY_KEY}')") is None
    expect(control(page, "interview.interviewers.2.name")).to_have_value("Katherine Johnson")
    expect(page.locator("[data-fw-status]")).to_have_attribute("data-stage", "ready")
    body = page.locator('[data-draft-kind="thank_you"]').nth(1).locator('[data-draft-part="body"]')
    expect(body).to_have_text(edits["thank_you.1"]["body"])
    page.reload()
    expect(page.locator("[data-interview]")).to_have_count(1)
    assert current(page)["answers"] == answers  # type: ignore[index]


def test_the_due_list_gathers_every_interview_and_links_to_its_drafts(
    context: BrowserContext, site_url: str, tmp_path: Path
) -> None:
    page = context.new_page()
    page.clock.set_fixed_time("2026-12-03T12:00:00")
    page.goto(f"{site_url}worksheet/")
    import_file(page, PANEL)
    page.get_by_role("button", name="New interview", exact=True).click()
    import_file(page, ANSWERS / "informational.json")
    due = page.locator("[data-due]")
    expect(due.locator("a")).not_to_have_count(0)
    today = due.locator(".fw-due__list").first.locator("li")
    expect(today.filter(has_text="Katherine Johnson")).to_contain_text("Analytical Engines Ltd")
    expect(due).to_contain_text("Riverside Museum")
    # A step of the other interview: it opens, and its draft takes the focus.
    due.get_by_role("link", name="Thank-you note · Alan Turing").click()
    expect(control(page, "company.name")).to_have_value("Analytical Engines Ltd")
    expect(page.locator("#fw-draft-thank_you-1")).to_be_focused()
    # Archived, an interview leaves the Due list.
    page.locator("[data-interview]", has_text="Riverside").click()
    page.get_by_role("button", name="Archive this interview").click()
    expect(due).not_to_contain_text("Riverside Museum")
    # One calendar for every interview (not the archived).
    page.get_by_role("button", name="Unarchive this interview").click()
    expect(due).to_contain_text("Riverside Museum")
    ics = tmp_path / "all.ics"
    download(page, "Download all plans (.ics)").save_as(ics)
    events = icalendar.Calendar.from_ical(ics.read_bytes()).walk("VEVENT")
    labels = [str(e["SUMMARY"]) for e in events]
    assert "Thank-you note · Ruth Adeyemi" in labels and "Thank-you note · Grace Hopper" in labels
    assert len({str(e["UID"]) for e in events}) == len(events)


# --- nothing lost on bad storage -----------------------------------------------------------------

# Makes saving the interviews fail while `window.__full` is true, as a full quota does.
FULL = f"""
window.__full = true;
const setItem = Storage.prototype.setItem;
Storage.prototype.setItem = function (key, value) {{
  if (window.__full && key.startsWith("{RECORD}")) {{
    throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
  }}
  return setItem.call(this, key, value);
}};
"""


def test_the_save_warning_goes_once_saving_works_and_the_status_never_claims_saved(
    context: BrowserContext, site_url: str
) -> None:
    page = context.new_page()
    page.add_init_script(FULL)
    page.route("**/pyodide/**", lambda route: route.abort())
    page.goto(f"{site_url}worksheet/")
    status = page.locator("[data-fw-status]")
    expect(status).to_have_attribute("data-stage", "error")
    control(page, "company.name").fill("Acme")
    warning = page.locator('[data-fw-notice="save"]')
    expect(warning).to_contain_text("refused to save")
    expect(status).to_contain_text("not being saved")
    expect(status).not_to_contain_text("still saved")
    page.evaluate("() => { window.__full = false; }")
    control(page, "role").fill("Analyst")
    expect(warning).to_have_count(0)
    expect(status).to_contain_text("still saved in this browser")
    expect(page.locator("[data-fw-announce]")).to_contain_text("being saved in this browser again")
    assert saved_answers(page)["company"]["name"] == "Acme"


def test_data_of_a_newer_worksheet_is_kept_until_downloaded_or_discarded(
    context: BrowserContext, site_url: str, tmp_path: Path
) -> None:
    newer = json.dumps({"version": 3, "id": "n3w", "epoch": "0", "answers": {"role": "Future"}})
    broken = '{"version": 2, "id": "bad", "answers": {'
    page = context.new_page()
    page.route("**/pyodide/**", lambda route: route.abort())
    page.goto(site_url)
    put(page, f"{RECORD}n3w", newer)
    put(page, f"{RECORD}bad", broken)
    page.goto(f"{site_url}worksheet/")
    notices = page.locator("[data-fw-notices]")
    expect(notices).to_contain_text("newer version of this worksheet")
    expect(notices).to_contain_text("could not be read")
    control(page, "company.name").fill("Acme")
    raw = "(key) => localStorage.getItem(key)"
    assert page.evaluate(raw, f"{RECORD}n3w") == newer
    assert page.evaluate(raw, f"{RECORD}bad") == broken
    assert names(page) == ["Acme"]
    notice = notices.locator(".fw-notice", has_text="newer version")
    with page.expect_download() as info:
        notice.get_by_role("button", name="Download the unreadable data").click()
    kept = tmp_path / "newer.txt"
    info.value.save_as(kept)
    assert kept.read_text(encoding="utf-8") == newer
    page.reload()
    expect(notices).to_contain_text("newer version of this worksheet")
    notices.locator(".fw-notice", has_text="newer version").get_by_role(
        "button", name="Discard it"
    ).click()
    assert page.evaluate(raw, f"{RECORD}n3w") is None
    assert page.evaluate(raw, f"{RECORD}bad") == broken
    expect(control(page, "company.name")).to_have_value("Acme")


def test_a_store_written_by_a_newer_worksheet_is_not_written_to(
    context: BrowserContext, site_url: str
) -> None:
    meta = json.dumps({"version": 3, "epoch": "x"})
    page = context.new_page()
    page.route("**/pyodide/**", lambda route: route.abort())
    page.goto(site_url)
    put(page, f"{SCOPE}meta", meta)
    page.goto(f"{site_url}worksheet/")
    expect(page.locator("[data-fw-notices]")).to_contain_text("newer version of this worksheet")
    control(page, "company.name").fill("Acme")
    expect(page.locator('[data-fw-notice="save"]')).to_contain_text("download or discard")
    expect(page.locator("[data-fw-status]")).to_contain_text("not being saved")
    assert records(page) == []
    assert page.evaluate("(key) => localStorage.getItem(key)", f"{SCOPE}meta") == meta


def test_keys_are_scoped_by_the_sites_path(context: BrowserContext, site_url: str) -> None:
    """Another project site on the same origin keeps its own worksheet, untouched."""
    other = "followup:/another-project/:interview:theirs"
    page = context.new_page()
    page.route("**/pyodide/**", lambda route: route.abort())
    page.goto(site_url)
    put(page, other, '{"version": 2, "id": "theirs"}')
    page.goto(f"{site_url}worksheet/")
    expect(page.locator("[data-interview]")).to_have_count(1)
    control(page, "company.name").fill("Acme")
    page.get_by_role("button", name="New interview", exact=True).click()
    control(page, "company.name").fill("Initech")
    assert names(page) == ["Acme", "Initech"]
    keys = page.evaluate("() => Object.keys(localStorage)")
    ours = [k for k in keys if k.startswith(("followup", "__"))]
    assert all(k.startswith(SCOPE) or k == other for k in ours), keys
    page.get_by_role("button", name="Clear my data").click()
    assert page.evaluate("(key) => localStorage.getItem(key)", other) is not None
