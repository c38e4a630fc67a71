"""The worksheet's side of the answers contract's version 2 (issue 11), in Chromium: every new field
(a main contact, honorifics, "greet as", who gets the check-ins, another offer's deadline) appears,
saves, comes back, exports and imports; the greeting the drafts use shows beside each person;
advice shows beside the field it is about; plans are made from the browser's own date.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, Page, expect
from sitekit import cli_drafts
from stored import saved_answers

from followup import model

ROOT = Path(__file__).resolve().parents[2]
expect.set_options(timeout=30_000)

# Every field version 2 added, with a value; the rest from tests/fixtures/recruiter-contact.json.
NEW_FIELDS: dict[str, Any] = {
    "contact.name": "Priya Shah",
    "contact.honorific": "Ms",
    "contact.greet_as": "Priya",
    "contact.title": "Talent Partner",
    "contact.email": "priya@example.org",
    "interview.interviewers.0.honorific": "Mr",
    "interview.interviewers.0.greet_as": "Martin",
    "interview.interviewers.0.main_contact": False,
    "interview.interviewers.1.honorific": "Dr",
    "interview.interviewers.1.greet_as": "",
    "interview.interviewers.1.main_contact": True,
    "offer_deadline": "2026-12-15",
}
FORM_VALUES = """() => Object.fromEntries([...document.querySelectorAll('[data-fw-form] [name]')]
  .map((c) => [c.name, c.type === "checkbox" ? c.checked : c.value]))"""


def with_new_fields() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(
        (ROOT / "tests/fixtures/recruiter-contact.json").read_text(encoding="utf-8")
    )
    for path, value in NEW_FIELDS.items():
        node: Any = data
        *parents, last = path.split(".")
        for part in parents:
            node = node[int(part)] if isinstance(node, list) else node.setdefault(part, {})
        node[last] = value
    return data


def leaves(schema: dict[str, Any]) -> list[str]:
    """Every field's path in the schema (list entries as their first row)."""
    out: list[str] = []

    def walk(node: dict[str, Any], prefix: str) -> None:
        for member in node["members"]:
            path = f"{prefix}{member['name']}" if member["name"] else prefix.rstrip(".")
            if member["type"] == "field":
                out.append(path)
            elif member["repeat"]:
                walk(member, f"{path}.0.")
            else:
                walk(member, f"{path}.")

    walk(schema, "")
    return out


@pytest.fixture(scope="module")
def page(browser: Browser, site_url: str) -> Iterator[Page]:
    context = browser.new_context(
        accept_downloads=True, service_workers="block", viewport={"width": 1280, "height": 900}
    )
    try:
        page = context.new_page()
        page.goto(f"{site_url}worksheet/")
        expect(page.locator("[data-fw-status]")).to_have_attribute("data-stage", "ready")
        yield page
    finally:
        context.close()


def control(page: Page, path: str) -> Any:
    return page.locator(f'[data-fw-form] [name="{path}"]')


def settled(page: Page) -> None:
    expect(page.locator("[data-fw-root]")).to_have_attribute("data-fw-busy", "false")


def clear(page: Page) -> None:
    page.get_by_role("button", name="Clear my data").click()
    expect(page.locator("[data-fw-drafts] [data-draft-kind]")).to_have_count(0)
    settled(page)


def test_every_field_of_the_contract_has_its_control(page: Page) -> None:
    for path in leaves(model.schema()):
        expect(control(page, path)).to_have_count(1)
    assert control(page, "interview.interviewers.0.main_contact").get_attribute("type") == "checkbox"
    expect(page.get_by_label("Send check-ins to this person").first).to_be_visible()


def test_the_new_fields_save_come_back_export_and_import(page: Page, tmp_path: Path) -> None:
    clear(page)
    answers = with_new_fields()
    source = tmp_path / "new-fields.json"
    source.write_text(json.dumps(answers), encoding="utf-8")
    page.get_by_label("Import answers").set_input_files(source)
    expect(page.locator('[data-fw-notice="import"]')).to_contain_text("Imported")
    for path, value in NEW_FIELDS.items():
        if isinstance(value, bool):
            (expect(control(page, path)).to_be_checked if value
             else expect(control(page, path)).not_to_be_checked)()  # fmt: skip
        else:
            expect(control(page, path)).to_have_value(value)
    settled(page)
    saved = saved_answers(page)
    rows = saved["interview"]["interviewers"]
    assert [row["main_contact"] for row in rows] == [False, True]  # true or false, never "on"
    assert saved["contact"]["greet_as"] == "Priya" and saved["offer_deadline"] == "2026-12-15"
    # Ticked by hand, a checkbox is true in the answers; only one interviewer may be chosen.
    control(page, "interview.interviewers.0.main_contact").check()
    settled(page)
    assert saved_answers(page)["interview"]["interviewers"][0]["main_contact"] is True
    error = page.locator('[data-fw-error="interview.interviewers.1.main_contact"]')
    expect(error).to_have_text("Only one interviewer can get the check-ins.")
    control(page, "interview.interviewers.0.main_contact").uncheck()
    expect(error).to_be_empty()
    values = page.evaluate(FORM_VALUES)
    page.reload()
    expect(page.locator("[data-fw-status]")).to_have_attribute("data-stage", "ready")
    assert page.evaluate(FORM_VALUES) == values
    with page.expect_download() as info:
        page.get_by_role("button", name="Export answers").click()
    exported = json.loads(Path(info.value.path()).read_text(encoding="utf-8"))
    assert model.to_dict(model.validate(exported)) == model.to_dict(model.validate(answers))
    expected = cli_drafts(source)
    page.wait_for_function(
        """(n) => document.querySelectorAll('[data-fw-drafts] [data-draft-kind]').length === n""",
        arg=len(expected),
    )
    check_in = page.locator('[data-fw-drafts] [data-draft-kind="check_in"]')
    expect(check_in.locator(".fu-draft__to")).to_contain_text("Priya Shah")


def test_a_version_1_file_still_loads(page: Page, tmp_path: Path) -> None:
    clear(page)
    old = json.loads((ROOT / "src/followup/answers/informational.json").read_text(encoding="utf-8"))
    assert old["version"] == 1
    path = ROOT / "src/followup/answers/informational.json"
    page.get_by_label("Import answers").set_input_files(path)
    page.wait_for_function(
        """(expected) => JSON.stringify([...document.querySelectorAll(
             '[data-fw-drafts] [data-draft-kind]')].map((c) => [c.dataset.draftKind,
             c.querySelector('[data-draft-part="subject"]').textContent,
             c.querySelector('[data-draft-part="body"]').textContent])) ===
           JSON.stringify(expected)""",
        arg=cli_drafts(path),
    )


def test_each_person_shows_the_greeting_the_drafts_use(page: Page, tmp_path: Path) -> None:
    clear(page)
    source = tmp_path / "people.json"
    source.write_text(
        json.dumps(
            json.loads((ROOT / "tests/fixtures/recruiter-contact.json").read_text(encoding="utf-8"))
        ),
        encoding="utf-8",
    )
    page.get_by_label("Import answers").set_input_files(source)
    contact = page.locator('[data-fw-greeting="contact"]')
    expect(contact).to_have_text("The drafts greet them: “Dear Ms Shah,”")
    first = page.locator('[data-fw-greeting="interview.interviewers.0"]')
    expect(first).to_have_text("The drafts greet them: “Dear Martin Novak,”")
    greet_as = control(page, "interview.interviewers.0.greet_as")
    assert "fw-interview-interviewers-0-greet_as-greeting" in (
        greet_as.get_attribute("aria-describedby") or ""
    )
    # Corrected with "Greet as": the greeting, and the note, follow.
    greet_as.fill("Mr Novák")
    expect(first).to_have_text("The drafts greet them: “Dear Mr Novák,”")
    note = page.locator('[data-fw-drafts] [data-draft-kind="thank_you"]').first
    expect(note.locator('[data-draft-part="body"]')).to_contain_text("Dear Mr Novák,")
    # Warm tone: given names.
    control(page, "preferences.tone").select_option("warm")
    expect(page.locator('[data-fw-greeting="interview.interviewers.1"]')).to_have_text(
        "The drafts greet them: “Hi Aisha,”"
    )
    # A row added for a new person gets its greeting too.
    page.get_by_role("button", name="Add interviewer").click()
    control(page, "interview.interviewers.2.name").fill("Dr Lena van der Berg")
    expect(page.locator('[data-fw-greeting="interview.interviewers.2"]')).to_have_text(
        "The drafts greet them: “Hi Lena,”"
    )


def test_advice_shows_beside_its_field_gently(page: Page) -> None:
    clear(page)
    page.get_by_role("button", name="Load the example").click()
    expect(page.locator('[data-fw-drafts] [data-draft-kind="thank_you"]').first).to_be_visible()
    answer = control(page, "interview.concerns.0.answer")
    answer.fill("")
    advice = page.locator('[data-fw-advice="interview.concerns.0.answer"]')
    expect(advice).to_contain_text("Add your fuller answer")
    expect(advice).not_to_have_attribute("role", "alert")
    href = advice.get_by_role("link").get_attribute("href") or ""
    assert href.startswith("../") and "#" in href
    assert advice.get_attribute("id") in (answer.get_attribute("aria-describedby") or "")
    expect(answer).not_to_have_attribute("aria-invalid", "true")
    # Company news: without it, no note to stay in touch, and the advice says what to add.
    control(page, "company.news").fill("")
    control(page, "update").fill("")
    expect(page.locator('[data-fw-advice="company.news"]')).to_contain_text("company news")
    answer.fill("Three years of sprints in Jira.")
    expect(advice).to_have_count(0)
    assert "fw-advice" not in (answer.get_attribute("aria-describedby") or "")


@pytest.mark.parametrize(
    ("zone", "instant", "local"),
    [
        ("America/Los_Angeles", "2026-12-08T06:00:00Z", "Monday 7 December 2026"),
        ("Pacific/Auckland", "2026-12-06T13:00:00Z", "Monday 7 December 2026"),
    ],
)
def test_plans_are_made_from_the_browsers_own_date(
    browser: Browser, site_url: str, zone: str, instant: str, local: str
) -> None:
    """Filled four days late (tests/fixtures/late-filling.json: an interview on 3 December), on
    the evening of 7 December in Los Angeles, already 8 December in UTC: the thank-you is due
    on the 7th. In Auckland, the morning of the 7th is still the 6th in UTC."""
    context = browser.new_context(service_workers="block", timezone_id=zone)
    try:
        page = context.new_page()
        page.clock.set_fixed_time(instant)
        page.goto(f"{site_url}worksheet/")
        page.get_by_label("Import answers").set_input_files(ROOT / "tests/fixtures/late-filling.json")
        card = page.locator('[data-fw-drafts] [data-draft-kind="thank_you"]').first
        expect(card.locator(".fu-draft__when")).to_have_text(local)
        expect(page.locator("[data-due] .fw-due__when").first).to_have_text("Today")
    finally:
        context.close()


def test_an_engine_that_fails_oddly_says_so_in_one_sentence_and_a_detail(
    browser: Browser, site_url: str
) -> None:
    """The runtime's loader rejects with a plain object: never "[object Object]"."""
    context = browser.new_context(service_workers="block")
    context.route(
        "**/pyodide/pyodide.mjs",
        lambda route: route.fulfill(
            status=200,
            content_type="text/javascript",
            body="export async function loadPyodide() { throw {code: 42}; }",
        ),
    )
    try:
        page = context.new_page()
        page.goto(f"{site_url}worksheet/")
        status = page.locator("[data-fw-status]")
        expect(status).to_have_attribute("data-stage", "error")
        text = page.locator("[data-fw-status-text]")
        expect(text).to_have_text(
            "The drafting engine could not load. Your answers are still saved in this browser."
        )
        detail = page.locator("[data-fw-status-detail]")
        expect(detail).to_have_text('Details: {"code":42}')
        assert "[object" not in (status.text_content() or "")
    finally:
        context.close()
