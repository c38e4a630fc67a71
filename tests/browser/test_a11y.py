"""Accessibility: axe-core on every page in both palettes, the worksheet by keyboard alone, live
regions, help and errors tied to their fields, and no sideways scrolling on a 375 px phone.

axe-core (npm, pinned in package.json) is injected into each page as an inline script; the pages'
Content-Security-Policy would refuse it, so only the axe runs use a context that bypasses it.
Every wait is on DOM state; nothing sleeps.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import icalendar
import pytest
from playwright.sync_api import Browser, BrowserContext, Page, expect
from stored import saved_answers

ROOT = Path(__file__).resolve().parents[2]
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
# Every page of the guide, as use_directory_urls publishes it, and the theme's 404 page.
PAGES = [
    *sorted(
        ""
        if p.name == "index.md"
        else p.relative_to(ROOT / "docs").with_suffix("").as_posix() + "/"
        for p in (ROOT / "docs").rglob("*.md")
    ),
    "404.html",
]
# The worksheet page has tests of its own below (starting its engine is the slow part).
GUIDE_PAGES = [p for p in PAGES if p != "worksheet/"]
SCHEMES = {"default": "Switch to dark mode", "slate": "Switch to light mode"}
MOBILE = {"width": 375, "height": 667}
DESKTOP = {"width": 1280, "height": 900}
DRAFTS = "[data-fw-drafts] [data-draft-kind]"
expect.set_options(timeout=30_000)

RUN_AXE = """async () => {
  const result = await axe.run(document, {resultTypes: ["violations"]});
  return result.violations.map((v) => ({
    rule: v.id,
    impact: v.impact,
    nodes: v.nodes.map((n) => `${n.target.join(" ")}: ${n.failureSummary.replace(/\\s+/g, " ")}`),
  }));
}"""
# No transition or finite animation is running (colours measured mid-fade are not the colours).
SETTLED = """() => document.getAnimations().every((a) =>
  a.playState !== "running" || a.effect?.getComputedTiming().iterations === Infinity)"""
# Resolves once Material has mounted its components on the current document.
MATERIAL_READY = "() => new Promise((resolve) => document$.subscribe(() => resolve(true)))"
SIDEWAYS = """() => {
  const root = document.scrollingElement;
  if (root.scrollWidth <= root.clientWidth) return [];
  // Name the widest elements, to say what pushes the page out.
  return [...document.querySelectorAll("body *")]
    .filter((e) => e.getBoundingClientRect().right > root.clientWidth + 1)
    .slice(-5)
    .map((e) => `${e.tagName.toLowerCase()}.${[...e.classList].join(".")} ` +
                `right=${Math.round(e.getBoundingClientRect().right)}`)
    .concat([`scrollWidth=${root.scrollWidth} clientWidth=${root.clientWidth}`]);
}"""
# Every text a live region ([aria-live], role=status or role=alert) was given, in order.
RECORD_LIVE = """
window.__live = [];
new MutationObserver((records) => {
  for (const record of records) {
    const target = record.target.nodeType === 1 ? record.target : record.target.parentElement;
    const added = [...record.addedNodes].filter((n) => n.nodeType === 1);
    const regions = new Set();
    const region = target?.closest('[aria-live], [role="status"], [role="alert"]');
    if (region) regions.add(region);
    for (const node of added) {
      if (node.matches('[role="alert"], [aria-live], [role="status"]')) regions.add(node);
    }
    for (const r of regions) {
      const text = r.innerText.trim();  // as read: hidden parts left out
      if (text) window.__live.push([r.getAttribute("role") || "live", text]);
    }
  }
}).observe(document, {subtree: true, childList: true, characterData: true});
"""


def site_path(site_url: str) -> str:
    return urlsplit(site_url).path


# ---------------------------------------------------------------------------------------------
# axe-core on every page, light and dark


@pytest.fixture(scope="module")
def axe_context(browser: Browser) -> Iterator[BrowserContext]:
    """The one context that bypasses the pages' CSP, so that axe can be injected into each page."""
    context = browser.new_context(bypass_csp=True, viewport=DESKTOP)
    context.add_init_script(AXE.read_text(encoding="utf-8"))
    try:
        yield context
    finally:
        context.close()


@pytest.fixture(scope="module")
def axe_page(axe_context: BrowserContext) -> Page:
    return axe_context.new_page()


def axe(page: Page) -> list[dict[str, Any]]:
    """The violations axe-core finds in the page once its transitions have ended."""
    page.wait_for_function(SETTLED)
    return page.evaluate(RUN_AXE)


def report(found: dict[str, list[dict[str, Any]]]) -> str:
    """axe's violations by palette and rule, one failing element a line."""
    lines = []
    for scheme, violations in found.items():
        for violation in violations:
            lines.append(f"{scheme}: {violation['rule']} ({violation['impact']})")
            lines += [f"    {node}" for node in violation["nodes"][:8]]
    return "\n".join(lines)


def in_both_schemes(page: Page, check: Any) -> dict[str, Any]:
    """Run ``check(page)`` in the current palette, switch with the header toggle, run it again."""
    results = {}
    for _ in SCHEMES:
        scheme = page.evaluate("() => document.body.dataset.mdColorScheme")
        results[scheme] = check(page)
        page.get_by_title(SCHEMES[scheme]).click()
        expect(page.locator("body")).not_to_have_attribute("data-md-color-scheme", scheme)
    assert set(results) == set(SCHEMES)
    return results


def open_page(page: Page, url: str) -> None:
    page.goto(url)
    page.wait_for_function(MATERIAL_READY)


def test_the_page_list_is_every_page_of_the_site(built_site: Path) -> None:
    built = sorted(
        "" if p.parent == built_site else p.parent.relative_to(built_site).as_posix() + "/"
        for p in built_site.rglob("index.html")
        if "assets" not in p.parts
    )
    assert built == sorted(p for p in PAGES if p.endswith("/") or p == "")


@pytest.mark.parametrize("path", GUIDE_PAGES, ids=lambda p: p or "home")
def test_axe_finds_nothing_light_and_dark_and_a_phone_needs_no_sideways_scroll(
    axe_page: Page, site_url: str, path: str
) -> None:
    """One load of each page (they are many): axe in both palettes, then at a phone's width."""
    open_page(axe_page, site_url + path)
    found = in_both_schemes(axe_page, axe)
    assert found == {"default": [], "slate": []}, report(found)
    axe_page.set_viewport_size(MOBILE)
    try:
        expect(axe_page.locator(".md-header__button[for='__drawer']")).to_be_visible()
        assert axe_page.evaluate(SIDEWAYS) == []
    finally:
        axe_page.set_viewport_size(DESKTOP)


def test_axe_finds_nothing_in_materials_search_and_back_to_top(
    axe_page: Page, site_url: str
) -> None:
    open_page(axe_page, f"{site_url}timing/")

    def check(page: Page) -> list[dict[str, Any]]:
        # "Back to top" shows when the reader scrolls up after scrolling down.
        page.mouse.wheel(0, 4000)
        expect(page.locator(".md-header")).to_have_class("md-header md-header--shadow")
        page.evaluate("() => window.scrollBy(0, -200)")
        expect(page.locator(".md-top")).to_be_visible()
        page.keyboard.press("/")
        page.keyboard.type("thank")
        expect(page.locator(".md-search-result__item").first).to_be_visible()
        found = axe(page)
        page.keyboard.press("Escape")
        page.evaluate("() => window.scrollTo(0, 0)")
        return found

    found = in_both_schemes(axe_page, check)
    assert found == {"default": [], "slate": []}, report(found)


def test_axe_finds_nothing_in_the_worksheets_states(axe_page: Page, site_url: str) -> None:
    """As it opens; then with drafts, the plan, review notes, greetings and advice beside the
    fields, an open editor, field errors, two interviews (one archived) and the Due list, and
    notices with Undo, with details and with an error."""
    open_page(axe_page, f"{site_url}worksheet/")
    expect(axe_page.locator("[data-fw-status]")).to_have_attribute("data-stage", "ready")
    found = in_both_schemes(axe_page, axe)
    assert found == {"default": [], "slate": []}, report(found)
    axe_page.get_by_role("button", name="Load the example").click()
    expect(axe_page.locator(DRAFTS).first).to_be_visible()
    expect(axe_page.locator("[data-fw-greeting]:visible").first).to_be_visible()
    expect(axe_page.locator("[data-due] a").first).to_be_visible()
    axe_page.locator('[name="interview.concerns.0.answer"]').fill("")
    expect(axe_page.locator('[data-fw-advice="interview.concerns.0.answer"]')).to_be_visible()
    card = axe_page.locator(DRAFTS).first
    card.get_by_role("button", name="Edit").click()
    card.locator('[data-fw-edit="body"]').fill("Thanks.")
    expect(card.locator("[data-finding]").first).to_be_visible()
    email = axe_page.locator('[name="interview.interviewers.0.email"]')
    email.fill("not an address")
    email.press("Tab")
    expect(axe_page.locator("#fw-interview-interviewers-0-email-error")).not_to_be_empty()
    axe_page.get_by_label("Import answers").set_input_files(ROOT / "tests/invalid/fields.json")
    expect(axe_page.locator('[data-fw-notice="import"]')).to_contain_text("as a new interview")
    expect(axe_page.locator("[data-interview]")).to_have_count(2)
    axe_page.get_by_role("button", name="Archive this interview").click()
    expect(axe_page.locator("[data-fw-book-archived]")).to_be_visible()
    axe_page.get_by_role("button", name="Remove highlight 1").click()
    expect(axe_page.locator('[data-fw-notice="undo"]')).to_be_visible()
    axe_page.get_by_label("Import answers").set_input_files(ROOT / "tests/invalid/broken.json")
    expect(axe_page.locator('[data-fw-notice="import"]')).to_contain_text("was not imported")
    expect(axe_page.locator("[data-fw-root]")).to_have_attribute("data-fw-busy", "false")
    found = in_both_schemes(axe_page, axe)
    assert found == {"default": [], "slate": []}, report(found)


# ---------------------------------------------------------------------------------------------
# The worksheet: keyboard, live regions, descriptions


@pytest.fixture(scope="module")
def sheet(browser: Browser, site_url: str) -> Iterator[Page]:
    """One worksheet page for the tests below, its live regions recorded from the start."""
    context = browser.new_context(
        accept_downloads=True,
        service_workers="block",
        locale="en-US",
        viewport={"width": 1280, "height": 900},
    )
    context.grant_permissions(["clipboard-read", "clipboard-write"])
    context.add_init_script(RECORD_LIVE)
    page = context.new_page()
    page.goto(f"{site_url}worksheet/")
    try:
        yield page
    finally:
        context.close()


def clear(page: Page) -> None:
    """Start again from nothing, as "Clear my data" leaves the worksheet."""
    page.get_by_role("button", name="Clear my data").click()
    expect(page.locator(DRAFTS)).to_have_count(0)
    expect(page.locator("[data-fw-root]")).to_have_attribute("data-fw-busy", "false")


def focused(page: Page) -> str:
    """What has the focus, as a short description: `input[name=role]`, `button:Edit`."""
    return page.evaluate(
        """() => {
          const e = document.activeElement;
          if (!e || e === document.body) return "body";
          if (e.name) return `${e.tagName.toLowerCase()}[name=${e.name}]`;
          return `${e.tagName.toLowerCase()}:${(e.getAttribute("aria-label") || e.textContent).trim()}`;
        }"""
    )


def tab_to(page: Page, selector: str, *, back: bool = False, limit: int = 120) -> None:
    """Press Tab (or Shift+Tab) until the element matching ``selector`` has the focus."""
    key = "Shift+Tab" if back else "Tab"
    seen = []
    for _ in range(limit):
        if page.evaluate("(s) => document.activeElement?.matches(s) ?? false", selector):
            return
        page.keyboard.press(key)
    for _ in range(15):  # what the last keys went through, for the message
        seen.append(focused(page))
        page.keyboard.press(key)
    raise AssertionError(f"{key} never reached {selector}; it goes on through {seen}")


def has_focus_ring(page: Page) -> bool:
    return page.evaluate(
        """() => {
          const style = getComputedStyle(document.activeElement);
          return (style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0) ||
                 style.boxShadow !== "none";
        }"""
    )


def test_the_worksheet_by_keyboard_alone(sheet: Page, tmp_path: Path) -> None:
    """Fill in, add an interviewer, copy a draft and download the plan: Tab, Enter, Space, keys.
    The first test on the page: the focus starts at the top of a fresh worksheet."""
    expect(sheet.locator("[data-fw-status]")).to_have_attribute("data-stage", "ready")
    keys = sheet.keyboard
    # Material's skip link first, then into the form.
    keys.press("Tab")
    assert focused(sheet) == "a:Skip to content"
    keys.press("Enter")
    tab_to(sheet, '[name="company.name"]')
    assert has_focus_ring(sheet)
    keys.type("Analytical Engines Ltd")
    keys.press("Tab")
    tab_to(sheet, '[name="role"]')
    keys.type("Data Engineer")
    tab_to(sheet, '[name="interview.date"]')
    keys.type("12032026")  # month, day, year: the en-US date field moves on by itself
    expect(sheet.locator('[name="interview.date"]')).to_have_value("2026-12-03")
    tab_to(sheet, '[name="interview.stage"]')
    keys.press("ArrowDown")  # a closed <select> takes the arrow keys
    tab_to(sheet, '[name="interview.interviewers.0.name"]')
    keys.type("Grace Hopper")
    tab_to(sheet, '[name="interview.interviewers.0.discussed"]')
    keys.type("streaming at scale")
    tab_to(sheet, "[data-fw-repeat='interview.interviewers'] [data-fw-add]")
    assert has_focus_ring(sheet)
    keys.press("Enter")
    assert focused(sheet) == "input[name=interview.interviewers.1.name]"
    keys.type("Alan Turing")
    cards = sheet.locator('[data-fw-drafts] [data-draft-kind="thank_you"]')
    expect(cards).to_have_count(2)
    expect(cards.nth(1)).to_contain_text("Dear Alan Turing")
    # Back up to the toolbar and download the plan with Enter.
    tab_to(sheet, "[data-fw-ics]", back=True)
    assert has_focus_ring(sheet)
    with sheet.expect_download() as info:
        keys.press("Enter")
    ics = tmp_path / "plan.ics"
    info.value.save_as(ics)
    events = icalendar.Calendar.from_ical(ics.read_bytes()).walk("VEVENT")
    assert any("Alan Turing" in str(event.get("DESCRIPTION", "")) for event in events)
    # The worksheet's own skip link goes past the form; copy the first draft with Space.
    tab_to(sheet, "a.fw-skip")
    keys.press("Enter")
    tab_to(sheet, '#fw-draft-thank_you-0 [data-fw-action="copy"]', limit=40)
    assert has_focus_ring(sheet)
    keys.press("Space")
    expect(sheet.locator("[data-fw-announce]")).to_have_text("Copied the message.")
    body = cards.nth(0).locator('[data-draft-part="body"]').text_content()
    assert sheet.evaluate("() => navigator.clipboard.readText()") == body
    assert saved_answers(sheet)["interview"]["interviewers"][1]["name"] == "Alan Turing"


def test_live_regions_announce_loading_and_updated_drafts(sheet: Page) -> None:
    status = sheet.locator("[data-fw-status]")
    expect(status).to_have_attribute("role", "status")
    expect(status).to_have_attribute("data-stage", "ready")
    announcer = sheet.locator("[data-fw-announce]")
    expect(announcer).to_have_attribute("aria-live", "polite")
    clear(sheet)
    expect(announcer).to_contain_text("cleared")
    since = sheet.evaluate("() => window.__live.length")
    sheet.locator('[name="company.name"]').fill("Analytical Engines Ltd")
    sheet.locator('[name="role"]').fill("Data Engineer")
    sheet.locator('[name="interview.date"]').fill("2026-12-03")
    expect(announcer).to_have_text(re.compile(r"^\d+ drafts ready"))
    first = announcer.text_content() or ""
    count = int(first.split()[0])
    assert sheet.locator(DRAFTS).count() == count
    # One thank-you note to the hiring team becomes one for each of two interviewers.
    sheet.get_by_role("button", name="Add interviewer").click()
    sheet.locator('[name="interview.interviewers.0.name"]').fill("Grace Hopper")
    sheet.locator('[name="interview.interviewers.1.name"]').fill("Alan Turing")
    expect(announcer).to_have_text(re.compile(rf"^{count + 1} drafts ready"))
    second = announcer.text_content() or ""
    live = [text for _, text in sheet.evaluate("() => window.__live")]
    # From the start of the page: loading, then ready.
    loading = [t for t in live if t.startswith("Loading the drafting engine")]
    assert loading, live
    assert live.index(loading[0]) < live.index("Ready: your drafts update as you type.")
    # Since the answers were cleared: the drafts as they came, then as they grew.
    after = live[since:]
    assert first in after and second in after[after.index(first) :], after


def test_every_fields_help_and_error_are_its_description(sheet: Page) -> None:
    """Generically: each control names, in aria-describedby, the help and the error slot of its
    field; and with too much text in every text field, each error is read with its field."""
    for label in ("Add highlight", "Add concern", "Add item"):
        sheet.get_by_role("button", name=label).first.click()
    problems = sheet.evaluate(
        """() => {
          const problems = [];
          for (const field of document.querySelectorAll("[data-fw-form] .fw-field")) {
            const control = field.querySelector("input[name], select[name], textarea[name]");
            const described = (control.getAttribute("aria-describedby") || "").split(/\\s+/);
            const parts = [...field.querySelectorAll(":scope > .fw-help, :scope > .fw-error")];
            for (const part of parts) {
              if (!described.includes(part.id)) problems.push(`${control.name}: not ${part.id}`);
            }
            if (!field.querySelector(":scope > .fw-error")) problems.push(`${control.name}: no error slot`);
            for (const id of described) {
              if (!document.getElementById(id)) problems.push(`${control.name}: no #${id}`);
            }
            if (!control.labels.length) problems.push(`${control.name}: no label`);
          }
          for (const group of document.querySelectorAll("[data-fw-form] fieldset")) {
            const described = (group.getAttribute("aria-describedby") || "").split(/\\s+/);
            const parts = [...group.querySelectorAll(":scope > .fw-help, :scope > .fw-error")];
            for (const part of parts) {
              if (!described.includes(part.id)) problems.push(`fieldset ${group.dataset.fwRepeat || group.dataset.fwGroup}: not ${part.id}`);
            }
          }
          return problems;
        }"""
    )
    assert problems == []
    texts = sheet.locator("[data-fw-form] input[type=text], [data-fw-form] textarea")
    names = texts.evaluate_all("(controls) => controls.map((c) => c.name)")
    assert len(names) >= 25  # every free-text field, list rows included
    # 10,000 characters in each (as a paste would put them), then the focus leaves each field.
    sheet.evaluate(
        """(names) => {
          for (const name of names) {
            const control = document.querySelector(`[data-fw-form] [name="${name}"]`);
            control.focus();
            control.value = "x".repeat(10_000);
            control.dispatchEvent(new Event("input", {bubbles: true}));
            control.blur();
          }
        }""",
        names,
    )
    expect(sheet.locator("[data-fw-root]")).to_have_attribute("data-fw-busy", "false")
    expect(sheet.locator("[data-fw-form] [aria-invalid=true]")).to_have_count(len(names))
    descriptions = sheet.evaluate(
        """(names) => names.map((name) => {
          const control = document.querySelector(`[data-fw-form] [name="${name}"]`);
          const help = document.getElementById(`${control.id}-help`);
          const error = document.getElementById(`${control.id}-error`);
          return [name, [help?.textContent, error.textContent].filter(Boolean).join(" ")];
        })""",
        names,
    )
    for name, description in descriptions:
        assert "long" in description, name
        expect(sheet.locator(f'[data-fw-form] [name="{name}"]')).to_have_accessible_description(
            description
        )
    # The worksheet stays usable: putting text right clears the error it named.
    role = sheet.locator('[name="role"]')
    role.fill("Data Engineer")
    role.press("Tab")
    expect(sheet.locator("#fw-role-error")).to_be_empty()
    expect(role).not_to_have_attribute("aria-invalid", "true")


# ---------------------------------------------------------------------------------------------
# A 375 px phone


def test_the_worksheet_with_long_unbroken_text_fits_a_phone(sheet: Page) -> None:
    """Long words, addresses and links in drafts, the plan, errors and notices still wrap.
    The worksheet page of the tests above, narrowed to a phone's width."""
    phone = sheet
    clear(phone)
    phone.set_viewport_size(MOBILE)
    assert phone.evaluate(SIDEWAYS) == []
    word = "Supercalifragilistic" * 6
    values = {
        "company.name": word,
        "role": word,
        "interview.date": "2026-12-03",
        "interview.interviewers.0.name": word,
        "interview.interviewers.0.email": f"{'a' * 60}@{'b' * 50}.org",
        "interview.interviewers.0.discussed": word * 2,
        "interview.extra_info.0.topic": word,
        "interview.extra_info.0.link": "https://example.org/" + "x" * 250,
        "candidate.signature": word * 2,
    }
    for name, value in values.items():
        phone.locator(f'[name="{name}"]').fill(value)
    expect(phone.locator('[data-fw-drafts] [data-draft-kind="extra_info"]')).to_be_visible()
    expect(phone.locator("[data-fw-root]")).to_have_attribute("data-fw-busy", "false")
    assert phone.evaluate(SIDEWAYS) == []
    # An error next to a field and a refused import with a very long file name.
    phone.locator('[name="interview.interviewers.0.email"]').fill("x" * 200)
    phone.locator('[name="interview.interviewers.0.email"]').press("Tab")
    expect(phone.locator("#fw-interview-interviewers-0-email-error")).not_to_be_empty()
    phone.get_by_label("Import answers").set_input_files(
        files=[{"name": f"{'n' * 200}.json", "mimeType": "application/json", "buffer": b"{oops"}]
    )
    expect(phone.locator('[data-fw-notice="import"]')).to_contain_text("was not imported")
    assert phone.evaluate(SIDEWAYS) == []
