"""Hostile and broken input, and failures, in the worksheet: nothing typed runs as code, nothing
breaks the page, and no failure costs the person their answers or leaves them stuck.

Script payloads go into every field and must come back, character for character, as the drafts
CPython's engine makes of the same answers, and as text in the .eml and .ics files; the page
records dialogs, injected elements and globals meanwhile. Then the failures: imports that are
broken, of another version or 50 MB, storage that is corrupt, full or missing, a runtime that
cannot download, and a worker that dies mid-session. Every wait is on DOM state; nothing sleeps.
"""

from __future__ import annotations

import datetime as dt
import email
import email.policy
import itertools
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import icalendar
import pytest
from playwright.sync_api import Browser, BrowserContext, Page, Route, expect
from stored import LEGACY_KEY, RECORD, RECORDS, saved_answers

from followup import model
from followup.web import handle

ROOT = Path(__file__).resolve().parents[2]
DRAFTS = "[data-fw-drafts] [data-draft-kind]"
expect.set_options(timeout=30_000)

# Typed into every free-text field, one payload at a time. Each would run, or change what the
# page shows, if user text ever reached innerHTML, an attribute, a URL or a template.
PAYLOADS = {
    "img-onerror": "<img src=x onerror=\"window.__pwned='img'\">",
    "close-and-script": "\"'><script>window.__pwned='script'</script>",
    "svg-onload": "<svg/onload=window.__pwned='svg'>",
    "iframe-srcdoc": "</pre><iframe srcdoc=\"<script>parent.__pwned='iframe'</script>\">",
    "javascript-url": "javascript:window.__pwned='js'//",
    "link-markup": '<a href="javascript:alert(1)">click</a>',
    "alert-break-out": "');alert('pwned');//",
    "template-jinja": "{{7*7}} {% if true %}yes{% endif %} {# note #}",
    "template-js": "${7*7} #{7*7} <%= 7*7 %> {{constructor.constructor('alert(1)')()}}",
    "html-entities": "&lt;b&gt;bold&lt;/b&gt; &amp; &#x3C;i&#x3E;",
    "rtl-override": "Ada \u202eevil.exe\u202c Lovelace \u200f\u05e9\u05dc\u05d5\u05dd",
    "emoji-and-marks": "Zoë 👩🏽‍💻 e\u0301 ß ﬁ \U0001f600",
}
# Fields a payload can't go into as it is: they must hold an address or a web link.
ADDRESSES = {
    "candidate.email": "ada@example.org",
    "contact.email": "priya@example.org",
    "interview.interviewers.0.email": "grace@example.org",
    "interview.extra_info.0.link": "https://example.org/case",
}
FIXED = {**ADDRESSES, "interview.date": "2026-12-03"}

# Before any page script: every element that arrives carrying a payload's marker in an attribute
# or as script is recorded, as is any attribute that is an event handler or a javascript: URL.
GUARD = """
window.__injected = [];
const suspicious = (element) => {
  const found = [];
  for (const attr of element.attributes ?? []) {
    const value = attr.value.toLowerCase();
    // A mailto: link carries the draft, percent-encoded: data, as long as nothing is left raw.
    const mailto = attr.name === "href" && /^mailto:[^<>"\\s]*$/.test(value);
    if (attr.name.startsWith("on") || (value.includes("pwned") && !mailto) ||
        /^\\s*javascript:/.test(value)) {
      found.push(`<${element.tagName.toLowerCase()} ${attr.name}="${attr.value}">`);
    }
  }
  if (/^(script|iframe|object|embed)$/i.test(element.tagName) &&
      (element.textContent.includes("pwned") || element.getAttribute("srcdoc"))) {
    found.push(`<${element.tagName.toLowerCase()}>${element.textContent}`);
  }
  return found;
};
new MutationObserver((records) => {
  for (const record of records) {
    const nodes = record.type === "attributes" ? [record.target] : [...record.addedNodes];
    for (const node of nodes) {
      if (node.nodeType !== 1) continue;
      for (const element of [node, ...node.querySelectorAll("*")]) {
        window.__injected.push(...suspicious(element));
      }
    }
  }
}).observe(document, {subtree: true, childList: true, attributes: true});
"""
SIDE_EFFECTS = """() => ({
  pwned: typeof window.__pwned === "undefined" ? null : String(window.__pwned),
  injected: window.__injected,
  title: document.title,
})"""


@dataclass
class Sheet:
    """The shared worksheet page: what it was asked to show, and what it did besides."""

    page: Page
    context: BrowserContext
    dialogs: list[str] = field(default_factory=list)

    def clear(self) -> None:
        """"Clear my data" (it asks nothing: its notice has Undo)."""
        self.page.get_by_role("button", name="Clear my data").click()
        expect(self.page.locator(DRAFTS)).to_have_count(0)
        self.settled()

    def control(self, path: str) -> Any:
        return self.page.locator(f'[data-fw-form] [name="{path}"]')

    def ready(self) -> None:
        expect(self.page.locator("[data-fw-status]")).to_have_attribute("data-stage", "ready")

    def settled(self) -> None:
        expect(self.page.locator("[data-fw-root]")).to_have_attribute("data-fw-busy", "false")

    def drafts(self) -> list[list[str]]:
        return self.page.evaluate(
            """() => [...document.querySelectorAll('[data-fw-drafts] [data-draft-kind]')].map(
              (card) => [card.dataset.draftKind,
                         card.querySelector('[data-draft-part="subject"]').textContent,
                         card.querySelector('[data-draft-part="body"]').textContent])"""
        )

    def wait_for_drafts(self, expected: list[list[str]]) -> None:
        self.page.wait_for_function(
            """(expected) => JSON.stringify([...document.querySelectorAll(
                 '[data-fw-drafts] [data-draft-kind]')].map((card) => [card.dataset.draftKind,
                 card.querySelector('[data-draft-part="subject"]').textContent,
                 card.querySelector('[data-draft-part="body"]').textContent])) ===
               JSON.stringify(expected)""",
            arg=expected,
        )
        self.settled()

    def untouched(self) -> None:
        """No dialog opened, nothing injected, no global set, in the page or in its workers."""
        effects = self.page.evaluate(SIDE_EFFECTS)
        assert effects["pwned"] is None, effects
        assert effects["injected"] == [], effects["injected"]
        assert effects["title"].endswith("Interview Follow-Up Guide"), effects["title"]
        assert self.dialogs == []
        for worker in self.page.workers:
            assert worker.evaluate("() => typeof self.__pwned") == "undefined", worker.url
        links = self.page.evaluate(
            "() => [...document.querySelectorAll('[href], [src], [action], [formaction]')]"
            ".map((e) => e.getAttribute('href') ?? e.getAttribute('src') ?? e.getAttribute('action')"
            " ?? e.getAttribute('formaction')).filter((u) => /^\\s*(javascript|data:text\\/html)/i.test(u))"
        )
        assert links == []


def new_context(browser: Browser, **options: Any) -> BrowserContext:
    return browser.new_context(
        accept_downloads=True,
        service_workers="block",
        viewport={"width": 1280, "height": 900},
        **options,
    )


@pytest.fixture(scope="module")
def sheet(browser: Browser, site_url: str) -> Iterator[Sheet]:
    context = new_context(browser)
    context.add_init_script(GUARD)
    page = context.new_page()
    shared = Sheet(page, context)

    def on_dialog(dialog: Any) -> None:
        shared.dialogs.append(f"{dialog.type}: {dialog.message}")
        dialog.dismiss()

    page.on("dialog", on_dialog)
    page.goto(f"{site_url}worksheet/")
    shared.ready()
    try:
        yield shared
    finally:
        context.close()


def limits() -> dict[str, int]:
    """Each field's longest accepted text, by its schema path (list indices left out)."""
    out: dict[str, int] = {}

    def walk(node: dict[str, Any]) -> None:
        if node["type"] == "field":
            out[node["path"]] = node["max_length"]
        for member in node.get("members", []):
            walk(member)

    walk(model.schema())
    return out


LIMITS = limits()


def fitted(path: str, text: str) -> str:
    """The text, cut to what the field accepts (a phone number takes 40 characters)."""
    return text[: LIMITS[re.sub(r"\.\d+", "", path)]]


def free_text_paths(page: Page) -> list[str]:
    """Every text and textarea control of the form that is not an address or a link."""
    names = page.locator("[data-fw-form] input[type=text], [data-fw-form] textarea").evaluate_all(
        "(controls) => controls.map((c) => c.name)"
    )
    return [name for name in names if name not in ADDRESSES]


def nest(values: dict[str, str]) -> dict[str, Any]:
    """Dotted form paths (`interview.interviewers.0.name`) as the answers document, the way
    worksheet.mjs collects them: a part followed by an index is a list."""
    answers: dict[str, Any] = {"version": 2}
    for path, value in values.items():
        parts = [int(p) if p.isdigit() else p for p in path.split(".")]
        node: Any = answers
        for part, following in itertools.pairwise(parts):
            empty: Any = [] if isinstance(following, int) else {}
            if isinstance(node, list):
                while len(node) <= part:
                    node.append(None)
                if node[part] is None:
                    node[part] = empty
            else:
                node.setdefault(part, empty)
            node = node[part]
        last = parts[-1]
        if isinstance(node, list):
            while len(node) <= last:
                node.append("")
        node[last] = value
    return answers


def engine(request_type: str, answers: dict[str, Any]) -> dict[str, Any]:
    """What CPython's engine answers for the same request (the worker runs the same code, and
    the page sends the browser's date, the same as this computer's)."""
    request = {"type": request_type, "answers": answers, "today": dt.date.today().isoformat()}
    return json.loads(handle(json.dumps(request)))


def expected_drafts(values: dict[str, str]) -> list[list[str]]:
    """The drafts, as [kind, subject, body], that CPython makes of these form values."""
    result = engine("render", nest(values))
    assert result["ok"], result["errors"]
    return [[d["kind"], d["subject"], d["body"]] for d in result["drafts"]]


def fill(sheet: Sheet, values: dict[str, str]) -> None:
    """Put each value in its field as a paste does (the value, then an input event), all in one
    round trip; the keyboard test in test_a11y.py types for real."""
    sheet.page.evaluate(
        """(values) => {
          for (const [name, value] of Object.entries(values)) {
            const control = document.querySelector(`[data-fw-form] [name="${name}"]`);
            control.value = value;
            control.dispatchEvent(new Event("input", {bubbles: true}));
          }
        }""",
        values,
    )


@pytest.mark.parametrize("payload", PAYLOADS.values(), ids=PAYLOADS.keys())
def test_a_payload_in_every_field_stays_text(sheet: Sheet, payload: str, tmp_path: Path) -> None:
    values = {path: fitted(path, payload) for path in free_text_paths(sheet.page)} | FIXED
    assert len(values) >= 20
    fill(sheet, values)
    expected = expected_drafts(values)
    sheet.wait_for_drafts(expected)
    shown = "\n".join(part for draft in sheet.drafts() for part in draft[1:])
    assert payload in shown
    assert "49" not in shown  # no template anywhere worked out 7*7
    sheet.untouched()
    # The files the engine writes carry the text as it was typed.
    card = sheet.page.locator(f'{DRAFTS}[data-draft-kind="thank_you"]').first
    with sheet.page.expect_download() as info:
        card.get_by_role("button", name="Download .eml").click()
    eml = tmp_path / "draft.eml"
    info.value.save_as(eml)
    message = email.message_from_bytes(eml.read_bytes(), policy=email.policy.default)
    assert message["Subject"] == expected[0][1]
    assert message.get_content().replace("\r\n", "\n").rstrip("\n") == expected[0][2]
    assert payload in message.get_content()
    with sheet.page.expect_download() as info:
        sheet.page.get_by_role("button", name="Download plan (.ics)").click()
    ics = tmp_path / "plan.ics"
    info.value.save_as(ics)
    calendar = icalendar.Calendar.from_ical(ics.read_bytes())
    descriptions = [str(event["DESCRIPTION"]) for event in calendar.walk("VEVENT")]
    assert any(payload in text for text in descriptions)
    sheet.untouched()


@pytest.mark.parametrize("payload", ["javascript:alert(document.domain)", *PAYLOADS.values()][:6])
def test_a_payload_in_the_address_and_link_fields_is_refused_as_text(
    sheet: Sheet, payload: str
) -> None:
    """Where the engine wants an address or a link, a payload is an error next to the field."""
    sheet.clear()
    values = {"company.name": "Analytical Engines Ltd", "role": "Data Engineer"} | FIXED
    values |= {path: payload for path in ADDRESSES}
    fill(sheet, values)
    for path in ADDRESSES:
        sheet.control(path).press("Tab")
    expected = {e["path"]: e["message"] for e in engine("validate", nest(values))["errors"]}
    assert set(expected) == set(ADDRESSES)
    for path in ADDRESSES:
        slot = sheet.page.locator(f'[data-fw-error="{path}"]')
        expect(slot).to_contain_text(expected[path].split()[-1])
        expect(sheet.control(path)).to_have_value(payload)
    sheet.settled()
    sheet.untouched()


# ---------------------------------------------------------------------------------------------
# Imports that must be refused, or that load only what the form can hold


def test_imports_that_are_broken_of_another_version_or_50_mb_change_nothing(
    sheet: Sheet, tmp_path: Path
) -> None:
    sheet.page.get_by_label("Import answers").set_input_files(ROOT / "src/followup/answers/panel.json")
    expect(sheet.page.locator('[data-fw-notice="import"]')).to_contain_text("Imported")
    sheet.settled()
    form = """() => Object.fromEntries([...document.querySelectorAll('[data-fw-form] [name]')]
      .map((control) => [control.name, control.value]))"""
    before = sheet.page.evaluate(form)
    saved = sheet.page.evaluate(RECORDS)
    # Count the bytes read from any file, to show the 50 MB one is refused unread.
    sheet.page.evaluate(
        """() => {
          window.__bytesRead = 0;
          for (const name of ["arrayBuffer", "text", "stream", "bytes"]) {
            const original = Blob.prototype[name];
            if (!original || original.__counted) continue;
            Blob.prototype[name] = function (...args) {
              window.__bytesRead += this.size;
              return original.apply(this, args);
            };
            Blob.prototype[name].__counted = true;
          }
        }"""
    )
    huge = tmp_path / "answers-huge.json"
    with huge.open("wb") as out:
        out.write(b'{"version": 1, "role": "')
        out.truncate(50_000_000)
    panel = json.loads((ROOT / "src/followup/answers/panel.json").read_text(encoding="utf-8"))
    other_version = tmp_path / "answers-v3.json"  # written by a newer worksheet
    other_version.write_text(json.dumps({**panel, "version": 3}), encoding="utf-8")
    broken = tmp_path / "answers-broken.json"
    broken.write_text('{"version": 1, "role": "Data Engineer"', encoding="utf-8")
    cases = {
        huge: "50.0 MB",
        other_version: "version",
        broken: "not a JSON file",
    }
    notice = sheet.page.locator('[data-fw-notice="import"]')
    for path, reason in cases.items():
        sheet.page.get_by_label("Import answers").set_input_files(path)
        expect(notice).to_contain_text(f"“{path.name}” was not imported")
        expect(notice).to_contain_text(reason)
        expect(notice).to_have_attribute("role", "alert")
        sheet.settled()
        assert sheet.page.evaluate(form) == before
        assert sheet.page.evaluate(RECORDS) == saved
    assert sheet.page.evaluate("() => window.__bytesRead") < 1_000_000
    sheet.untouched()


def test_an_import_with_hostile_keys_loads_what_it_can_and_names_the_rest_as_text(
    sheet: Sheet, tmp_path: Path
) -> None:
    """An answers file with an unknown key that is markup: the answers load, the key is listed
    as text among what was left out, and nothing runs."""
    panel = json.loads((ROOT / "src/followup/answers/panel.json").read_text(encoding="utf-8"))
    hostile = tmp_path / "answers-keys.json"
    hostile.write_text(
        json.dumps({**panel, PAYLOADS["img-onerror"]: 1, "role": PAYLOADS["close-and-script"]}),
        encoding="utf-8",
    )
    sheet.page.get_by_label("Import answers").set_input_files(hostile)
    notice = sheet.page.locator('[data-fw-notice="import"]')
    expect(notice).to_contain_text("Imported “answers-keys.json”")
    expect(notice.locator(".fw-notice__details")).to_have_text(
        f"Not loaded: {PAYLOADS['img-onerror']} (unknown field)."
    )
    expect(sheet.control("role")).to_have_value(PAYLOADS["close-and-script"])
    sheet.settled()
    sheet.untouched()
    notice.get_by_role("button", name="Undo").click()
    sheet.settled()
    sheet.untouched()


# ---------------------------------------------------------------------------------------------
# The worker dies mid-session


def test_a_worker_that_crashes_mid_session_restarts_and_the_drafts_return(sheet: Sheet) -> None:
    """The worker throws on the next request it gets: the client starts a new one, which
    answers the render that was lost, and the drafts come back with the latest answers."""
    sheet.clear()
    values = {
        "company.name": "Analytical Engines Ltd",
        "role": "Data Engineer",
        "interview.date": "2026-12-03",
    }
    fill(sheet, values)
    sheet.wait_for_drafts(expected_drafts(values))
    (worker,) = [w for w in sheet.page.workers if w.url.endswith("/worker.mjs")]
    crashed = []
    worker.on("close", lambda _: crashed.append(True))
    worker.evaluate("""() => { self.onmessage = () => { throw new Error("simulated crash"); }; }""")
    values["role"] = "Staff Data Engineer"
    sheet.control("role").fill(values["role"])
    sheet.wait_for_drafts(expected_drafts(values))
    sheet.ready()
    assert crashed == [True]
    assert [w for w in sheet.page.workers if w.url.endswith("/worker.mjs")] != [worker]
    # The new worker keeps working.
    values["company.name"] = "Difference Engines"
    sheet.control("company.name").fill(values["company.name"])
    sheet.wait_for_drafts(expected_drafts(values))


# ---------------------------------------------------------------------------------------------
# The runtime cannot be downloaded, or the engine cannot start at all


def fill_while_broken(page: Page) -> None:
    """The form takes answers and saves them with no engine behind it."""
    page.locator('[name="company.name"]').fill("Analytical Engines Ltd")
    page.locator('[name="role"]').fill("Data Engineer")
    page.locator('[name="interview.date"]').fill("2026-12-03")
    answers = saved_answers(page)
    assert answers["company"]["name"] == "Analytical Engines Ltd"
    assert answers["interview"]["date"] == "2026-12-03"


@pytest.mark.parametrize(
    "blocked",
    ["pyodide.asm.wasm", "python_stdlib.zip", "followup-*.whl"],
    ids=["wasm", "stdlib", "engine-wheel"],
)
def test_a_runtime_download_that_fails_says_so_offers_retry_and_keeps_the_form(
    browser: Browser, site_url: str, blocked: str
) -> None:
    context = new_context(browser)
    failing = True

    def route(request: Route) -> None:
        if failing:
            request.abort("connectionreset")
        else:
            request.continue_()

    context.route(f"**/pyodide/{blocked}", route)
    try:
        page = context.new_page()
        page.goto(f"{site_url}worksheet/")
        status = page.locator("[data-fw-status]")
        expect(status).to_have_attribute("data-stage", "error")
        expect(status).to_contain_text("could not load")
        expect(status).to_contain_text("Your answers are still saved in this browser.")
        assert "Traceback" not in (status.text_content() or "")
        retry = status.get_by_role("button", name="Retry")
        expect(retry).to_be_visible()
        fill_while_broken(page)
        if blocked != "pyodide.asm.wasm":
            return
        # The network is back: Retry loads the engine and the drafts appear.
        failing = False
        retry.click()
        expect(status).to_have_attribute("data-stage", "ready")
        expect(page.locator('[data-draft-kind="thank_you"]')).to_contain_text("Data Engineer")
        expect(retry).to_be_hidden()
    finally:
        context.close()


def test_a_worker_script_that_cannot_run_gives_up_with_a_retry(
    browser: Browser, site_url: str
) -> None:
    """A broken deploy: the worker throws as it starts, every time. The client stops restarting
    it and says so; the form keeps working and saving."""
    context = new_context(browser)
    starts = []

    def broken(route: Route) -> None:
        starts.append(route.request.url)
        route.fulfill(
            status=200,
            content_type="text/javascript",
            body='throw new Error("this worker is broken");',
        )

    context.route("**/app/worker.mjs", broken)
    try:
        page = context.new_page()
        page.goto(f"{site_url}worksheet/")
        status = page.locator("[data-fw-status]")
        expect(status).to_have_attribute("data-stage", "error")
        expect(status).to_contain_text("stopped")
        expect(status.get_by_role("button", name="Retry")).to_be_visible()
        assert 1 < len(starts) <= 4  # the first start and at most three restarts
        fill_while_broken(page)
        # The answers are there for the engine once it can run: the summary lists nothing missing.
        expect(page.locator(DRAFTS)).to_have_count(0)
    finally:
        context.close()


# ---------------------------------------------------------------------------------------------
# Storage that is corrupt, full or missing

CORRUPT = {
    "broken-json": '{"version": 1, "answers": {"role": "Data Eng',
    "answers-a-list": '{"version": 1, "answers": ["role", "Data Engineer"]}',
    "other-version": '{"version": 99, "answers": {}}',
    "null": "null",
}


@pytest.fixture(scope="module")
def no_engine(browser: Browser) -> Iterator[BrowserContext]:
    """Storage tests need no Python: the runtime is not fetched, to keep them quick."""
    context = new_context(browser)
    context.route("**/pyodide/**", lambda route: route.abort())
    try:
        yield context
    finally:
        context.close()


@pytest.mark.parametrize("raw", CORRUPT.values(), ids=CORRUPT.keys())
def test_corrupt_saved_answers_are_offered_and_the_worksheet_starts_afresh(
    no_engine: BrowserContext, site_url: str, raw: str, tmp_path: Path
) -> None:
    page = no_engine.new_page()
    try:
        # Stored from a guide page: an open worksheet would save its own answers on leaving.
        page.goto(site_url)
        page.evaluate("([key, raw]) => localStorage.setItem(key, raw)", [LEGACY_KEY, raw])
        page.goto(f"{site_url}worksheet/")
        notices = page.locator("[data-fw-notices]")
        expect(notices).to_contain_text("kept as they are until you download them or discard them")
        with page.expect_download() as info:
            notices.get_by_role("button", name="Download the unreadable data").click()
        kept = tmp_path / "unreadable.txt"
        info.value.save_as(kept)
        assert kept.read_text(encoding="utf-8") == raw
        fill_while_broken(page)
    finally:
        page.close()


def test_saved_answers_with_payloads_come_back_as_text(
    no_engine: BrowserContext, site_url: str
) -> None:
    """Autosaved payloads, one in each field and in an edited draft, are restored as values."""
    page = no_engine.new_page()
    page.add_init_script(GUARD)
    try:
        page.goto(f"{site_url}worksheet/")
        payloads = list(PAYLOADS.values())
        values = {
            path: fitted(path, payloads[n % len(payloads)])
            for n, path in enumerate(free_text_paths(page))
        }
        edits = {
            "thank_you.0": {
                "subject": PAYLOADS["close-and-script"],
                "body": PAYLOADS["img-onerror"],
            }
        }
        saved = json.dumps({"version": 1, "answers": nest(values), "edits": edits})
        page.evaluate("([key, raw]) => localStorage.setItem(key, raw)", [LEGACY_KEY, saved])
        page.reload()
        for path, value in values.items():
            expect(page.locator(f'[data-fw-form] [name="{path}"]')).to_have_value(value)
        effects = page.evaluate(SIDE_EFFECTS)
        assert effects["pwned"] is None and effects["injected"] == [], effects
    finally:
        page.close()


def test_full_storage_warns_once_and_the_worksheet_goes_on(browser: Browser, site_url: str) -> None:
    context = new_context(browser)
    context.route("**/pyodide/**", lambda route: route.abort())
    # The probe succeeds; saving the answers themselves fails as a full quota does.
    context.add_init_script(
        f"""
        const setItem = Storage.prototype.setItem;
        Storage.prototype.setItem = function (key, value) {{
          if (key.startsWith("{RECORD}")) {{
            throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
          }}
          return setItem.call(this, key, value);
        }};
        """
    )
    try:
        page = context.new_page()
        page.goto(f"{site_url}worksheet/")
        page.locator('[name="company.name"]').fill("Analytical Engines Ltd")
        page.locator('[name="role"]').fill("Data Engineer")
        warning = page.locator(".fw-notice--warning")
        expect(warning).to_have_count(1)
        expect(warning).to_contain_text("refused to save")
        expect(warning).to_contain_text("Export answers")
        expect(page.locator('[name="role"]')).to_have_value("Data Engineer")
        with page.expect_download() as info:
            page.get_by_role("button", name="Export answers").click()
        exported = json.loads(Path(info.value.path()).read_text(encoding="utf-8"))
        assert exported["role"] == "Data Engineer"
    finally:
        context.close()


def test_the_status_never_shows_a_traceback(sheet: Sheet) -> None:
    """After all of the above on the shared page: no Python traceback ever reached the page."""
    text = sheet.page.locator("[data-fw-root]").inner_text()
    assert not re.search(r"Traceback|File \"/|line \d+, in ", text)
    sheet.untouched()
