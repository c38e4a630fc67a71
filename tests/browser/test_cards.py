"""The guide's draft cards and plan and the worksheet's are one structure, styled once.

The guide draws them at build time (src/followup_site/cards.py), the worksheet in the browser
(worksheet/cards.mjs, plan.mjs). For the same answers, both must give the same element tree,
``fu-`` classes, data attributes, texts and computed styles, once what only the worksheet has
is set aside: elements with a ``fw-`` class (badge, review notes, editor, buttons), hidden ones,
and the links around the plan's steps (the guide's plan has no cards to link to).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, Page, expect

ROOT = Path(__file__).resolve().parents[2]
PANEL = ROOT / "src" / "followup" / "answers" / "panel.json"
expect.set_options(timeout=30_000)

# An element as a tree of what must match: tag (a card's title may be a heading or a
# paragraph), classes, the structure's data attributes, the gap of a timeline date, a few
# computed styles, own text and children.
SHAPE = """(root) => {
  const kept = (el) => !el.hidden && ![...el.classList].some((c) => c.startsWith("fw-"));
  const shape = (el) => {
    const style = getComputedStyle(el);
    const data = el.getAttributeNames().filter((n) => /^data-(draft-|plan-|channel$)/.test(n));
    const node = {
      tag: el.classList.contains("fu-draft__title") ? "title" : el.tagName.toLowerCase(),
      classes: [...el.classList].sort(),
      data: Object.fromEntries(data.sort().map((n) => [n, el.getAttribute(n)])),
      gap: el.style.getPropertyValue("--fu-gap"),
      style: ["display", "fontFamily", "fontSize", "fontWeight", "lineHeight", "color",
              "letterSpacing", "whiteSpace", "borderLeftWidth", "borderLeftStyle", "paddingLeft"]
        .map((property) => `${property}: ${style[property]}`),
      text: "",
      children: [],
    };
    for (const child of el.childNodes) {
      if (child.nodeType === Node.TEXT_NODE) node.text += child.data;
      else if (child.nodeType !== Node.ELEMENT_NODE || !kept(child)) continue;
      else if (child.tagName === "A") node.text += child.textContent;
      else node.children.push(shape(child));
    }
    return node;
  };
  return shape(root);
}"""


@pytest.fixture(scope="module")
def pages(browser: Browser, site_url: str) -> Iterator[tuple[Page, Page]]:
    """A guide page and the worksheet with the same answers loaded, side by side."""
    context = browser.new_context(service_workers="block", viewport={"width": 1280, "height": 900})
    try:
        guide, sheet = context.new_page(), context.new_page()
        sheet.goto(f"{site_url}worksheet/")
        expect(sheet.locator("[data-fw-status]")).to_have_attribute("data-stage", "ready")
        sheet.get_by_label("Import answers").set_input_files(PANEL)
        expect(sheet.locator('[data-fw-notice="import"]')).to_contain_text("Imported")
        expect(sheet.locator("[data-fw-root]")).to_have_attribute("data-fw-busy", "false")
        yield guide, sheet
    finally:
        context.close()


def shape(page: Page, selector: str) -> Any:
    element = page.locator(selector)
    expect(element).to_have_count(1)
    return element.evaluate(SHAPE)


def worksheet_card(sheet: Page, draft_id: str) -> str:
    return f'[data-fw-drafts] [data-draft-id="{draft_id}"]'


def test_every_kind_of_card_is_the_same_in_the_guide_and_the_worksheet(
    pages: tuple[Page, Page], site_url: str
) -> None:
    guide, sheet = pages
    guide.goto(f"{site_url}examples/")
    cards = guide.locator('article.fu-draft[data-answers="panel"]')
    ids = cards.evaluate_all("(cards) => cards.map((card) => card.dataset.draftId)")
    assert len(ids) == 8, ids  # every kind the panel example calls for, once
    for draft_id in ids:
        guide_card = shape(
            guide, f'article.fu-draft[data-answers="panel"][data-draft-id="{draft_id}"]'
        )
        sheet_card = shape(sheet, worksheet_card(sheet, draft_id))
        assert guide_card == sheet_card, draft_id
    # The comparison sees the parts that matter: the body's text, its subject, the send line.
    assert "Grace Hopper" in str(guide_card)
    assert {"tag": "title"}.items() <= guide_card["children"][0]["children"][0].items()


def test_a_card_without_a_subject_is_the_same_too(pages: tuple[Page, Page], site_url: str) -> None:
    """A LinkedIn message has no subject line: the guide leaves it out, the worksheet hides it."""
    guide, sheet = pages
    guide.goto(f"{site_url}situations/linkedin/")
    selector = 'article.fu-draft[data-answers="panel"][data-channel="linkedin"]'
    guide_card = shape(guide, selector)
    sheet.locator('[name="preferences.channel"]').select_option("linkedin")
    card = sheet.locator(worksheet_card(sheet, "stay_in_touch.0"))
    expect(card).to_have_attribute("data-channel", "linkedin")
    expect(sheet.locator("[data-fw-root]")).to_have_attribute("data-fw-busy", "false")
    try:
        assert guide_card == card.evaluate(SHAPE)
        assert "subject" not in str(guide_card)
    finally:
        sheet.locator('[name="preferences.channel"]').select_option("email")
        expect(card).to_have_attribute("data-channel", "email")


def test_the_plan_is_the_same_in_the_guide_and_the_worksheet(
    pages: tuple[Page, Page], site_url: str
) -> None:
    guide, sheet = pages
    guide.goto(f"{site_url}timing/")
    guide_plan = shape(guide, ".fu-plan")
    sheet_plan = shape(sheet, "[data-fw-plan] .fu-plan")
    assert guide_plan == sheet_plan
    timeline = guide_plan["children"][0]
    assert [item["gap"] for item in timeline["children"]] == ["0", "1", "11", "7", "28"]
    # In the worksheet each step links to its card, and takes you there (past Material's
    # instant navigation, which leaves same-page links where they are).
    links = sheet.locator("[data-fw-plan] .fu-steps a")
    assert links.count() == 10  # 3 thank-yous, the follow-up, 3 dated and 3 kept for later
    links.nth(4).click()
    card = sheet.locator(worksheet_card(sheet, "check_in.0"))
    expect(card).to_be_in_viewport()
    expect(card).to_be_focused()
