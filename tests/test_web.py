"""``followup.web.handle``: the worksheet worker's one JSON-in, JSON-out function; errors as data."""

from __future__ import annotations

import copy
import email
import email.policy
import json
import re
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import icalendar
import pytest
from premise import replaced

from followup import FieldError, examples, parse, schema, to_dict, validate
from followup.render import PER_ITEM, render_drafts
from followup.review import CHECKS, reviewed_drafts
from followup.web import HANDLERS, error_view, handle

CONTRACT_KEYS = {"kind", "to", "subject", "body", "send_on", "findings"}
EXTRA_KEYS = {"id", "label", "channel", "edited", "generated"}
VIEW_KEYS = {"to_text", "when_text", "text", "text_filename", "mailto"}
ERROR_KEYS = {"path", "message", "label", "text", "missing"}
ROOT = Path(__file__).resolve().parent.parent


def call(request: Any) -> dict[str, Any]:
    """Send a request (a dict is JSON-encoded first) and check the response's envelope."""
    text = request if isinstance(request, str | bytes) else json.dumps(request)
    response = handle(text)  # type: ignore[arg-type]
    assert isinstance(response, str)
    data = json.loads(response)
    assert isinstance(data["ok"], bool)
    assert isinstance(data["errors"], list)
    for error in data["errors"]:
        assert set(error) == ERROR_KEYS
        assert all(isinstance(error[key], str) for key in ERROR_KEYS - {"missing"})
        assert error["message"] and error["label"] and error["text"].endswith(".")
        assert error["missing"] is (error["message"] == "is required")
    assert data["ok"] == (not data["errors"])
    return data


def failed(request: Any) -> list[dict[str, str]]:
    """The errors of a request that must fail, as path and message (the rest is checked in call)."""
    data = call(request)
    assert data["ok"] is False
    assert set(data) == {"ok", "errors"}
    return [{"path": e["path"], "message": e["message"]} for e in data["errors"]]


@pytest.fixture
def sample() -> dict[str, Any]:
    return json.loads(examples.text())


def test_handlers_are_the_documented_request_types() -> None:
    assert set(HANDLERS) == {
        "render", "ics", "eml", "validate", "remove_item", "schema", "example",
        "due", "read_file", "export", "backup",
    }  # fmt: skip


# --- render ------------------------------------------------------------------------------------


def test_render_returns_drafts_plan_and_normalised_answers(panel_raw: dict[str, Any]) -> None:
    data = call({"type": "render", "answers": panel_raw})
    assert data["ok"] is True and data["errors"] == []
    assert set(data) == {
        "ok", "errors", "drafts", "plan", "answers", "answers_filename", "advice", "people", "due",
    }  # fmt: skip
    answers = validate(panel_raw)
    expected = reviewed_drafts(answers)
    assert [{k: d[k] for k in CONTRACT_KEYS} for d in data["drafts"]] == [
        d.to_dict() for d in expected
    ]
    for got, draft in zip(data["drafts"], expected, strict=True):
        assert set(got) == CONTRACT_KEYS | EXTRA_KEYS | VIEW_KEYS
        assert got["id"] == draft.id
        assert got["channel"] == "email"
        assert got["edited"] is False
        assert got["generated"] == {"subject": draft.subject, "body": draft.body}
    steps = [s["id"] for day in data["plan"]["days"] for s in day["steps"]]
    assert sorted(steps + [s["id"] for s in data["plan"]["undated"]]) == sorted(
        d.id for d in expected
    )
    assert data["answers"] == to_dict(answers)
    assert data["answers_filename"] == "follow-up-answers-analytical-engines-ltd.json"
    assert [d["id"] for d in data["drafts"]][:3] == ["thank_you.0", "thank_you.1", "thank_you.2"]


def test_render_normalises_what_it_echoes(panel_raw: dict[str, Any]) -> None:
    panel_raw["role"] = "  Data Engineer  "
    panel_raw["interview"]["interviewers"].append({"name": "", "title": ""})
    data = call({"type": "render", "answers": panel_raw})
    assert data["answers"]["role"] == "Data Engineer"
    assert len(data["answers"]["interview"]["interviewers"]) == 3


def test_render_applies_and_reviews_edits_by_draft_id(panel_raw: dict[str, Any]) -> None:
    body = "Dear Alan Turing,\n\nThanks, and please reply ASAP.\n\nAda Lovelace"
    data = call(
        {
            "type": "render",
            "answers": panel_raw,
            "edits": {
                "thank_you.1": {"body": body},
                "check_in.0": {"subject": "Any news?"},
                "withdraw.7": {"body": "no such draft: ignored"},
            },
        }
    )
    drafts = {d["id"]: d for d in data["drafts"]}
    plain = {d.id: d for d in reviewed_drafts(validate(panel_raw))}
    edited = drafts["thank_you.1"]
    assert edited["body"] == body
    assert edited["subject"] == plain["thank_you.1"].subject
    assert edited["edited"] is True
    assert edited["generated"] == {
        "subject": plain["thank_you.1"].subject,
        "body": plain["thank_you.1"].body,
    }
    codes = {f["code"] for f in edited["findings"]}
    assert {"pushy", "thanks_only"} <= codes
    assert drafts["check_in.0"]["subject"] == "Any news?"
    assert drafts["check_in.0"]["body"] == plain["check_in.0"].body
    assert drafts["check_in.0"]["edited"] is True
    for draft_id, draft in drafts.items():
        if draft_id not in ("thank_you.1", "check_in.0"):
            assert draft["edited"] is False, draft_id
            assert draft["body"] == plain[draft_id].body


def test_an_edit_back_to_the_generated_text_is_not_edited(panel_raw: dict[str, Any]) -> None:
    original = reviewed_drafts(validate(panel_raw))[0]
    edits = {"thank_you.0": {"subject": original.subject, "body": original.body}}
    data = call({"type": "render", "answers": panel_raw, "edits": edits})
    assert data["drafts"][0]["edited"] is False


def test_edits_that_copy_a_note_are_caught_across_drafts(panel_raw: dict[str, Any]) -> None:
    first = reviewed_drafts(validate(panel_raw))[0]
    copied = replaced(first.body, "Dr Hopper", "Dr Turing")
    data = call(
        {"type": "render", "answers": panel_raw, "edits": {"thank_you.1": {"body": copied}}}
    )
    assert [f["code"] for f in data["drafts"][1]["findings"]] == ["identical_notes"]


@pytest.mark.parametrize(
    ("edits", "errors"),
    [
        ([{"body": "x"}], [{"path": "edits", "message": "must be an object"}]),
        ("thank_you.0", [{"path": "edits", "message": "must be an object"}]),
        ({"thank_you.0": "text"}, [{"path": "edits.thank_you.0", "message": "must be an object"}]),
        (
            {"thank_you.0": {"body": None}},
            [{"path": "edits.thank_you.0.body", "message": "must be text"}],
        ),
        (
            {"thank_you.0": {"subject": 5, "body": ["x"]}},
            [
                {"path": "edits.thank_you.0.subject", "message": "must be text"},
                {"path": "edits.thank_you.0.body", "message": "must be text"},
            ],
        ),
    ],
)
def test_malformed_edits_are_errors_as_data(
    panel_raw: dict[str, Any], edits: Any, errors: list[dict[str, str]]
) -> None:
    assert failed({"type": "render", "answers": panel_raw, "edits": edits}) == errors


@pytest.mark.parametrize("edits", [None, {}])
def test_no_edits(panel_raw: dict[str, Any], edits: Any) -> None:
    data = call({"type": "render", "answers": panel_raw, "edits": edits})
    assert not any(d["edited"] for d in data["drafts"])


def test_render_keeps_non_ascii_literal(raw_answers: Callable[[str], dict[str, Any]]) -> None:
    response = handle(json.dumps({"type": "render", "answers": raw_answers("unicode-names")}))
    assert "محمد عبد الله" in response and "🌱" in response


def test_render_is_deterministic(panel_raw: dict[str, Any]) -> None:
    request = json.dumps({"type": "render", "answers": panel_raw})
    assert handle(request) == handle(request)


# --- invalid answers and bad requests ------------------------------------------------------------


def test_invalid_answers_come_back_as_errors(panel_raw: dict[str, Any]) -> None:
    panel_raw["interview"]["interviewers"][0]["email"] = "grace"
    panel_raw["interview"]["date"] = "2026-2-3"
    panel_raw["rol"] = "typo"
    errors = failed({"type": "render", "answers": panel_raw})
    assert sorted(errors, key=lambda e: e["path"]) == [
        {"path": "interview.date", "message": "must be a real date written YYYY-MM-DD"},
        {"path": "interview.interviewers.0.email", "message": "not an email address"},
        {"path": "rol", "message": "unknown field"},
    ]


@pytest.mark.parametrize("kind", ["render", "ics", "eml", "validate"])
def test_every_answers_request_validates(kind: str) -> None:
    assert failed({"type": kind, "answers": {}, "id": "thank_you.0"}) == [
        {"path": "company.name", "message": "is required"},
        {"path": "role", "message": "is required"},
        {"path": "interview.date", "message": "is required"},
    ]


@pytest.mark.parametrize(
    ("request_text", "path", "start"),
    [
        ("", "", "bad request: "),
        ("not json", "", "bad request: "),
        ('{"type": "render"', "", "bad request: "),
        ("[]", "", "the request must be an object"),
        ('[{"type": "render"}]', "", "the request must be an object"),
        ("null", "", "the request must be an object"),
        ('"render"', "", "the request must be an object"),
        ("42", "", "the request must be an object"),
        ("{}", "type", "unknown request type None"),
        ('{"type": "draw"}', "type", "unknown request type 'draw'"),
        ('{"type": ["render"]}', "type", "unknown request type ['render']"),
        ('{"type": {"a": 1}}', "type", "unknown request type"),
        ('{"type": "render"}', "", "the answers must be an object, not null"),
        ('{"type": "render", "answers": []}', "", "the answers must be an object, not a list"),
        ('{"type": "render", "answers": "{}"}', "", "the answers must be an object, not text"),
        ("[" * 100_000 + "]" * 100_000, "", ""),
        ('{"type": "render", "answers": ' + "[" * 50_000 + "]" * 50_000 + "}", "", ""),
    ],
)
def test_bad_requests_come_back_as_errors(request_text: str, path: str, start: str) -> None:
    (error,) = failed(request_text)
    assert error["path"] == path
    assert error["message"].startswith(start)
    assert "Traceback" not in error["message"]
    assert not error["message"].startswith("internal error")


@pytest.mark.parametrize("request_value", [None, 42, b'{"type": "example"}', ["x"]])
def test_handle_never_raises_even_on_non_text(request_value: Any) -> None:
    data = json.loads(handle(request_value))
    assert isinstance(data["ok"], bool)


def test_bytes_request_works_like_text() -> None:
    assert json.loads(handle(b'{"type": "example"}'))["ok"] is True  # type: ignore[arg-type]


def test_lone_surrogate_in_answers_is_an_error(panel_raw: dict[str, Any]) -> None:
    text = replaced(
        json.dumps({"type": "render", "answers": panel_raw}),
        "Ada Lovelace",
        "Ada \\ud800Lovelace",
        1,
    )
    assert failed(text) == [{"path": "candidate.name", "message": "is not valid Unicode text"}]


def test_dates_far_out_are_errors_not_crashes(panel_raw: dict[str, Any]) -> None:
    panel_raw["interview"]["date"] = "9999-12-30"
    panel_raw["interview"]["decision_date"] = "9999-12-31"
    errors = failed({"type": "render", "answers": panel_raw})
    assert {e["path"] for e in errors} == {"interview.date", "interview.decision_date"}


# --- ics and eml ---------------------------------------------------------------------------------


def test_ics_request(panel_raw: dict[str, Any]) -> None:
    data = call({"type": "ics", "answers": panel_raw})
    assert set(data) == {"ok", "errors", "filename", "text", "events"}
    assert data["filename"] == "follow-up-analytical-engines-ltd.ics"
    cal = icalendar.Calendar.from_ical(data["text"])
    # 3 thank-yous, the merged follow-up, 2 check-ins (no news in this file: no stay-in-touch)
    assert len(list(cal.walk("VEVENT"))) == 6 + bool(panel_raw["company"]["news"])
    assert data["events"] == len(list(cal.walk("VEVENT")))
    assert "\r\n" in data["text"]


def test_ics_request_uses_edits(panel_raw: dict[str, Any]) -> None:
    edits = {"check_in.0": {"subject": "Edited; subject", "body": "Edited, body"}}
    data = call({"type": "ics", "answers": panel_raw, "edits": edits})
    descriptions = [
        str(e["DESCRIPTION"]) for e in icalendar.Calendar.from_ical(data["text"]).walk("VEVENT")
    ]
    assert "Subject: Edited; subject\n\nEdited, body" in descriptions


def test_ics_filename_for_a_non_latin_company(answers_with: Callable[..., dict[str, Any]]) -> None:
    answers = answers_with("panel", {"company.name": "李氏工程"})
    assert call({"type": "ics", "answers": answers})["filename"] == "follow-up-draft.ics"


def test_file_names_spell_accented_names_in_ascii(
    answers_with: Callable[..., dict[str, Any]],
) -> None:
    """The same names as the CLI's --out files (followup.export.slug): José Ñúñez → jose-nunez."""
    answers = answers_with(
        "panel", {"interview.interviewers.1.name": "José Ñúñez", "company.name": "Société Ândré"}
    )
    data = call({"type": "eml", "answers": answers, "id": "thank_you.1"})
    assert data["filename"] == "thank_you-1-jose-nunez.eml"
    assert call({"type": "ics", "answers": answers})["filename"] == "follow-up-societe-andre.ics"


def test_eml_request(panel_raw: dict[str, Any]) -> None:
    data = call({"type": "eml", "answers": panel_raw, "id": "thank_you.1"})
    assert set(data) == {"ok", "errors", "filename", "text"}
    assert data["filename"].endswith(".eml") and "alan-turing" in data["filename"]
    msg = email.message_from_bytes(data["text"].encode("ascii"), policy=email.policy.default)
    assert msg["To"].addresses[0].addr_spec == "alan@example.org"
    draft = reviewed_drafts(validate(panel_raw))[1]
    assert msg.get_content().replace("\r\n", "\n") == draft.body + "\n"  # type: ignore[attr-defined]


def test_eml_request_uses_edits(panel_raw: dict[str, Any]) -> None:
    edits = {"withdraw.0": {"subject": "Über", "body": "Edited body\nAda Lovelace"}}
    data = call({"type": "eml", "answers": panel_raw, "id": "withdraw.0", "edits": edits})
    msg = email.message_from_bytes(data["text"].encode("ascii"), policy=email.policy.default)
    assert str(msg["Subject"]) == "Über"
    assert msg.get_content().replace("\r\n", "\n") == "Edited body\nAda Lovelace\n"  # type: ignore[attr-defined]


@pytest.mark.parametrize("draft_id", ["thank_you.9", "", None, {"a": 1}])
def test_eml_for_an_unknown_draft_is_an_error(panel_raw: dict[str, Any], draft_id: Any) -> None:
    (error,) = failed({"type": "eml", "answers": panel_raw, "id": draft_id})
    assert error["path"] == "id"
    assert error["message"].startswith("no draft ")


# --- validate, schema, example ------------------------------------------------------------------


def test_validate_request_returns_the_normalised_answers(panel_raw: dict[str, Any]) -> None:
    messy = copy.deepcopy(panel_raw)
    messy["candidate"]["name"] = "  Ada Lovelace "
    data = call({"type": "validate", "answers": messy})
    assert set(data) == {"ok", "errors", "answers"}
    assert data["answers"] == to_dict(validate(panel_raw))
    assert data["answers"]["candidate"]["name"] == "Ada Lovelace"


def test_schema_request() -> None:
    data = call({"type": "schema"})
    assert data["schema"] == schema()
    assert set(data["checks"]) == set(CHECKS)
    assert data["checks"]["pushy"] == {
        "code": "pushy",
        "severity": "warning",
        "summary": CHECKS["pushy"].summary,
        "guide": "be-patient/#pushy-phrasing",
    }


def test_example_request_gives_valid_answers() -> None:
    data = call({"type": "example"})
    assert data["answers"] == json.loads(examples.text())
    rendered = call({"type": "render", "answers": data["answers"]})
    assert rendered["ok"] is True
    assert parse(examples.text()) == validate(data["answers"])


# --- what the page paints: display texts, files, the plan, errors ----------------------------


def test_each_draft_comes_with_its_display_texts_and_files(panel_raw: dict[str, Any]) -> None:
    panel_raw["interview"]["interviewers"][1]["email"] = ""
    data = call({"type": "render", "answers": panel_raw})
    first, second = data["drafts"][:2]
    assert first["to_text"] == "Grace Hopper <grace@example.org>"
    assert second["to_text"] == "Alan Turing"
    assert first["when_text"] == "Thursday 3 December 2026"
    assert data["drafts"][-1]["when_text"] == "When it happens (kept ready)"
    assert first["text"] == f"Subject: {first['subject']}\n\n{first['body']}\n"
    assert first["text_filename"] == "thank_you-0-grace-hopper.txt"
    href = urlsplit(first["mailto"])
    assert (href.scheme, href.path) == ("mailto", "grace@example.org")
    query = parse_qs(href.query)
    assert query == {"subject": [first["subject"]], "body": [first["body"].replace("\n", "\r\n")]}
    assert "+" not in first["mailto"] and "%20" in first["mailto"]  # as encodeURIComponent


def test_a_draft_with_no_subject_is_its_body_and_has_no_mail_link(
    panel_raw: dict[str, Any],
) -> None:
    panel_raw["preferences"]["channel"] = "letter"
    draft = call({"type": "render", "answers": panel_raw})["drafts"][0]
    assert draft["subject"] == ""
    assert draft["text"] == draft["body"] + "\n"
    assert draft["mailto"] is None


def test_a_mail_link_too_long_to_work_everywhere_is_left_out(panel_raw: dict[str, Any]) -> None:
    edits = {"thank_you.0": {"body": "word " * 500}}
    drafts = call({"type": "render", "answers": panel_raw, "edits": edits})["drafts"]
    assert drafts[0]["mailto"] is None
    assert drafts[1]["mailto"] is not None and len(drafts[1]["mailto"]) <= 2000


def test_the_plan_is_a_timeline_from_the_interview(panel_raw: dict[str, Any]) -> None:
    plan = call({"type": "render", "answers": panel_raw})["plan"]
    start, *later = plan["days"]
    assert start == {
        "date": "2026-12-03",
        "date_text": "Thursday 3 December 2026",
        "when_text": "The interview; send the same day:",
        "start": True,
        "gap": 0,
        "steps": [
            {"id": f"thank_you.{i}", "kind": "thank_you", "label": f"Thank-you note · {name}"}
            for i, name in enumerate(["Grace Hopper", "Alan Turing", "Katherine Johnson"])
        ],
    }
    assert [(d["date"], d["when_text"], d["gap"]) for d in later] == [
        ("2026-12-04", "1 day after the interview", 1),
        ("2026-12-15", "12 days after the interview", 11),
        ("2026-12-22", "19 days after the interview", 7),
        ("2027-01-19", "47 days after the interview", 28),
    ]
    assert later[0]["date_text"] == "Friday 4 December 2026"
    assert [s["kind"] for s in plan["undated"]] == [
        "after_rejection",
        "competing_offer",
        "withdraw",
    ]


def test_with_nothing_due_on_the_day_the_interview_stands_alone(panel_raw: dict[str, Any]) -> None:
    panel_raw["interview"]["time"] = "17:30"  # too late for a same-day note
    start = call({"type": "render", "answers": panel_raw})["plan"]["days"][0]
    assert (start["when_text"], start["steps"]) == ("The interview", [])


@pytest.mark.parametrize(
    ("path", "label"),
    [
        ("", "The answers"),
        ("role", "Role"),
        ("company.name", "Company"),
        ("interview", "The interview"),
        ("interview.interviewers", "Interviewers"),
        ("interview.interviewers.0", "Interviewer 1"),
        ("interview.interviewers.1.email", "Interviewer 2 › Email"),
        ("interview.highlights.2", "Highlight 3"),
        ("interview.extra_info.0.link", "Item 1 › Link"),
        ("rol", "rol"),
        ("interview.interviewers.0.nickname", "interview.interviewers.0.nickname"),
        ("interview.highlights.0.text", "interview.highlights.0.text"),
        ("edits.thank_you.0.body", "edits.thank_you.0.body"),
    ],
)
def test_errors_name_their_field_as_the_form_labels_it(path: str, label: str) -> None:
    assert error_view(FieldError(path, "is required"))["label"] == label


@pytest.mark.parametrize(
    ("message", "text"),
    [
        ("is required", "This field is required."),
        (
            "must be a real date written YYYY-MM-DD",
            "This field must be a real date written YYYY-MM-DD.",
        ),
        ("has 13 entries; the limit is 12", "This field has 13 entries; the limit is 12."),
        ("contains a control character", "This field contains a control character."),
        ("not an email address", "Not an email address."),
        ("unknown field", "Unknown field."),
        ("is before the interview date", "This field is before the interview date."),
    ],
)
def test_errors_come_with_a_sentence_for_beside_the_field(message: str, text: str) -> None:
    view = error_view(FieldError("role", message))
    assert view["text"] == text
    assert view["missing"] is (message == "is required")


def test_every_message_the_model_writes_reads_as_a_sentence(panel_raw: dict[str, Any]) -> None:
    panel_raw["interview"]["interviewers"][0]["email"] = "grace"
    panel_raw["interview"]["decision_date"] = "2026-12-01"
    panel_raw["role"] = ""
    data = json.loads(handle(json.dumps({"type": "render", "answers": panel_raw})))
    assert {e["label"]: e["text"] for e in data["errors"]} == {
        "Interviewer 1 › Email": "Not an email address.",
        "Decision expected by": "This field is before the interview date.",
        "Role": "This field is required.",
    }


# --- remove_item: the edits that follow an entry that goes ------------------------------------


def remove(answers: dict[str, Any], edits: dict[str, Any], path: str, index: int) -> Any:
    data = call(
        {"type": "remove_item", "answers": answers, "edits": edits, "path": path, "index": index}
    )
    assert set(data) == {"ok", "errors", "edits"}
    return data["edits"]


def note(text: str) -> dict[str, str]:
    return {"subject": "s", "body": text}


def test_removing_an_interviewer_moves_the_later_notes_edits_up(panel_raw: dict[str, Any]) -> None:
    edits = {f"thank_you.{i}": note(str(i)) for i in range(3)} | {"check_in.0": note("c")}
    path = "interview.interviewers"
    assert remove(panel_raw, edits, path, 0) == {
        "thank_you.0": note("1"),
        "thank_you.1": note("2"),
        "check_in.0": note("c"),
    }
    assert remove(panel_raw, edits, path, 1) == {
        "thank_you.0": note("0"),
        "thank_you.1": note("2"),
        "check_in.0": note("c"),
    }
    assert remove(panel_raw, edits, path, 2) == {
        "thank_you.0": note("0"),
        "thank_you.1": note("1"),
        "check_in.0": note("c"),
    }


def test_removing_an_entry_that_had_no_note_moves_nothing(panel_raw: dict[str, Any]) -> None:
    interviewers = panel_raw["interview"]["interviewers"]
    interviewers.insert(1, {"name": "", "email": "someone@example.org"})
    interviewers.insert(0, {"name": "  "})
    edits = {f"thank_you.{i}": note(str(i)) for i in range(3)}
    path = "interview.interviewers"
    for unnamed in (0, 2, 9):
        assert remove(panel_raw, edits, path, unnamed) == edits
    # The notes are numbered among named interviewers only: row 3 is the second note.
    assert remove(panel_raw, edits, path, 3) == {"thank_you.0": note("0"), "thank_you.1": note("2")}
    assert remove(panel_raw, edits, "interview.highlights", 0) == edits


@pytest.mark.parametrize(
    ("changes", "error"),
    [
        ({"path": None}, {"path": "path", "message": "must be text"}),
        ({"index": -1}, {"path": "index", "message": "must be a whole number, 0 or more"}),
        ({"index": True}, {"path": "index", "message": "must be a whole number, 0 or more"}),
        ({"index": "1"}, {"path": "index", "message": "must be a whole number, 0 or more"}),
        ({"edits": ["x"]}, {"path": "edits", "message": "must be an object"}),
    ],
)
def test_a_malformed_remove_item_is_an_error(
    panel_raw: dict[str, Any], changes: dict[str, Any], error: dict[str, str]
) -> None:
    request = {"type": "remove_item", "answers": panel_raw, "path": "interview.interviewers"}
    assert failed({**request, "index": 0, **changes}) == [error]


def test_remove_item_takes_the_answers_as_they_are(panel_raw: dict[str, Any]) -> None:
    """The form may hold answers that do not validate yet: the edits still follow."""
    panel_raw["interview"]["interviewers"][2]["email"] = "not an address"
    edits = {"thank_you.2": note("2")}
    assert remove(panel_raw, edits, "interview.interviewers", 0) == {"thank_you.1": note("2")}
    for answers in ({}, {"interview": []}, {"interview": {"interviewers": "x"}}):
        assert remove(answers, edits, "interview.interviewers", 0) == edits


def test_per_item_kinds_are_the_ones_written_once_per_named_entry(
    panel_raw: dict[str, Any],
) -> None:
    """PER_ITEM (what remove_item renumbers) says what render_drafts does."""
    ((path, kinds),) = PER_ITEM.items()
    assert path == "interview.interviewers"
    drafts = render_drafts(validate(panel_raw))
    named = [i.name for i in validate(panel_raw).interview.interviewers if i.name]
    for kind in {d.kind for d in drafts}:
        ours = [d for d in drafts if d.kind == kind]
        if kind in kinds:
            assert [d.to.name for d in ours] == named
            assert [d.id for d in ours] == [f"{kind}.{i}" for i in range(len(named))]
        else:
            assert len(ours) == 1


def test_protocol_module_lists_the_engine_request_types() -> None:
    """worksheet/protocol.mjs, where the page and the worker read the request types from."""
    node = shutil.which("node")
    assert node, "node is needed (make setup)"
    script = (
        "const p = await import(process.argv[1]);console.log(JSON.stringify(p.ENGINE_REQUESTS))"
    )
    out = subprocess.run(
        [node, "--input-type=module", "-e", script, (ROOT / "worksheet" / "protocol.mjs").as_uri()],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert sorted(json.loads(out)) == sorted(HANDLERS)


def test_protocol_module_declares_the_engines_file_constants() -> None:
    """The page writes files itself while the engine is not running: the same backup format and
    the same control characters removed (followup.files, followup.model.CONTROL)."""
    from followup import files, model

    node = shutil.which("node")
    assert node, "node is needed (make setup)"
    script = (
        "const p = await import(process.argv[1]);"
        "console.log(JSON.stringify([p.BACKUP_FORMAT, p.BACKUP_VERSION, p.CONTROL_CHARACTERS,"
        " p.cleanText(JSON.parse(process.argv[2]))]))"
    )
    sample = "a\r\nb\rc\u2028d\x0be\x00f\x1bg\u0085h\ti\nj"
    out = subprocess.run(
        [
            node,
            "--input-type=module",
            "-e",
            script,
            (ROOT / "worksheet" / "protocol.mjs").as_uri(),
            json.dumps(sample),
        ],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert json.loads(out) == [
        files.BACKUP_FORMAT, files.BACKUP_VERSION, model.CONTROL.pattern, files.clean(sample),
    ]  # fmt: skip


# --- several interviews: due, all plans in one calendar ------------------------------------------


def test_render_says_what_is_due_today_and_within_the_week(panel_raw: dict[str, Any]) -> None:
    data = call({"type": "render", "answers": panel_raw, "today": "2026-12-03"})
    due = data["due"]
    assert due, "the panel's thank-you notes are due on the day"
    assert all(
        set(step) == {"id", "kind", "label", "send_on", "today", "when_text"} for step in due
    )
    assert [s["send_on"] for s in due] == sorted(s["send_on"] for s in due)
    assert all(s["send_on"] < "2026-12-10" for s in due)
    today = [s for s in due if s["today"]]
    assert {s["kind"] for s in today} == {"thank_you"} and len(today) == 3
    assert all(s["when_text"] == "Today" for s in today)
    later = [s for s in due if not s["today"]]
    assert later and later[0]["when_text"].startswith(("Monday", "Tuesday", "Wednesday",
                                                        "Thursday", "Friday"))  # fmt: skip
    ids = {d["id"] for d in data["drafts"]}
    assert {s["id"] for s in due} <= ids


def test_a_late_step_is_due_today(raw_answers: Callable[[str], dict[str, Any]]) -> None:
    """Filled four days late: the thank-you is due the day the person looks, not in the past."""
    data = call({"type": "render", "answers": raw_answers("late-filling"), "today": "2026-12-07"})
    first = data["due"][0]
    assert first["kind"] == "thank_you" and first["today"] and first["send_on"] == "2026-12-07"


def test_due_request_covers_each_interview_by_its_id(
    panel_raw: dict[str, Any], raw_answers: Callable[[str], dict[str, Any]]
) -> None:
    unfinished = {"company": {"name": "Initech"}, "role": "QA"}  # no date: no plan yet
    interviews = [
        {"id": "a", "answers": panel_raw},
        {"id": "b", "answers": unfinished},
        {"id": "c", "answers": raw_answers("late-filling")},
    ]
    data = call({"type": "due", "interviews": interviews, "today": "2026-12-07"})
    by_interview: dict[str, list[dict[str, Any]]] = {}
    for step in data["due"]:
        by_interview.setdefault(step["interview"], []).append(step)
    assert set(by_interview) <= {"a", "c"} and "c" in by_interview
    one = call({"type": "render", "answers": raw_answers("late-filling"), "today": "2026-12-07"})
    assert [{k: v for k, v in s.items() if k != "interview"} for s in by_interview["c"]] == one[
        "due"
    ]


@pytest.mark.parametrize("interviews", [None, "x", [1]])
def test_due_request_needs_a_list_of_interviews(interviews: Any) -> None:
    assert failed({"type": "due", "interviews": interviews})[0]["path"].startswith("interviews")


def test_one_calendar_for_every_interview_with_a_plan(
    panel_raw: dict[str, Any], raw_answers: Callable[[str], dict[str, Any]]
) -> None:
    interviews = [
        {"id": "a", "answers": panel_raw, "edits": {}},
        {"id": "b", "answers": {"role": "no company yet"}},
        {"id": "c", "answers": raw_answers("late-filling"),
         "edits": {"thank_you.0": {"subject": "Thanks\x1b", "body": "Edited\x00 body"}}},
    ]  # fmt: skip
    data = call({"type": "ics", "interviews": interviews})
    assert data["filename"] == "follow-up-all-interviews.ics"
    events = icalendar.Calendar.from_ical(data["text"]).walk("VEVENT")
    alone = [
        len(icalendar.Calendar.from_ical(call({"type": "ics", "answers": i["answers"]})["text"])
            .walk("VEVENT"))
        for i in (interviews[0], interviews[2])
    ]  # fmt: skip
    assert len(events) == data["events"] == sum(alone)
    assert len({str(e["UID"]) for e in events}) == len(events)
    assert "Subject: Thanks\n\nEdited body" in [str(e["DESCRIPTION"]) for e in events]


# --- files: every export imports again, control characters go --------------------------------


def test_control_characters_in_edits_go_into_no_file(panel_raw: dict[str, Any]) -> None:
    """Pasted from a word processor: vertical tab, NUL, ESC, DEL, C1, U+2028, a lone CR."""
    edits = {
        "thank_you.0": {
            "subject": "Thank\x0b you\x1b",
            "body": "Dear\u2028Grace\x00,\r\nB\x7f\x85ye\x07",
        }
    }
    clean = {"subject": "Thank you", "body": "Dear\nGrace,\nBye"}
    render = call({"type": "render", "answers": panel_raw, "edits": edits})
    (card,) = [d for d in render["drafts"] if d["id"] == "thank_you.0"]
    assert (card["subject"], card["body"]) == (clean["subject"], clean["body"])
    assert card["text"] == f"Subject: {clean['subject']}\n\n{clean['body']}\n"
    ics = call({"type": "ics", "answers": panel_raw, "edits": edits})["text"]
    eml = call({"type": "eml", "answers": panel_raw, "edits": edits, "id": "thank_you.0"})["text"]
    for text in (ics, eml, card["text"]):
        assert not re.search(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029]", text)
    message = email.message_from_bytes(eml.encode("ascii"), policy=email.policy.default)
    assert message["Subject"] == clean["subject"]
    assert message.get_content().replace("\r\n", "\n") == clean["body"] + "\n"  # type: ignore[attr-defined]


def test_export_writes_unfinished_answers_that_read_back(answers_with: Callable[..., Any]) -> None:
    answers = answers_with("panel", {
        "interview.date": "", "interview.interviewers.0.email": "grace@",
        "update": "Shipped it\x0b today\u2028Really",
    })  # fmt: skip
    answers["interview"]["highlights"].append("   ")
    exported = call({"type": "export", "answers": answers})
    assert exported["filename"] == "follow-up-answers.json"
    data = json.loads(exported["text"])
    assert data["version"] == 2
    assert data["update"] == "Shipped it today\nReally"
    assert data["interview"]["interviewers"][0]["email"] == "grace@"
    assert "   " not in data["interview"]["highlights"]
    read = call({"type": "read_file", "data": data})
    assert read["kind"] == "answers"
    (entry,) = read["interviews"]
    assert entry["answers"] == data
    assert entry["dropped"] == []
    problems = {(p["path"], p["message"]) for p in entry["problems"]}
    assert problems == {
        ("interview.date", "is required"),
        ("interview.interviewers.0.email", "not an email address"),
    }


def test_export_of_finished_answers_is_named_after_the_company(panel_raw: dict[str, Any]) -> None:
    exported = call({"type": "export", "answers": panel_raw})
    assert exported["filename"] == "follow-up-answers-analytical-engines-ltd.json"
    assert json.loads(exported["text"]) == {**panel_raw, "version": 2}
    read = call({"type": "read_file", "data": json.loads(exported["text"])})
    assert read["interviews"][0]["answers"] == to_dict(validate(panel_raw))
    assert read["interviews"][0]["problems"] == []


def test_a_backup_holds_every_interview_and_reads_back(
    panel_raw: dict[str, Any], raw_answers: Callable[[str], dict[str, Any]]
) -> None:
    unfinished = {"version": 2, "company": {"name": "Initech"}, "role": "QA"}
    edits = {"thank_you.0": {"subject": "Hi", "body": "Thanks\x1b!"}}
    backup = call({
        "type": "backup", "today": "2026-12-07",
        "interviews": [
            {"answers": panel_raw, "edits": edits, "archived": False},
            {"answers": unfinished, "edits": {}, "archived": True},
        ],
    })  # fmt: skip
    assert backup["filename"] == "follow-up-backup-2026-12-07.json"
    data = json.loads(backup["text"])
    assert data["format"] == "followup-backup" and data["version"] == 1
    assert data["exported"] == "2026-12-07"
    assert [i["archived"] for i in data["interviews"]] == [False, True]
    assert data["interviews"][0]["edits"] == {"thank_you.0": {"subject": "Hi", "body": "Thanks!"}}
    read = call({"type": "read_file", "data": data})
    assert read["kind"] == "backup"
    first, second = read["interviews"]
    assert first["answers"] == to_dict(validate(panel_raw))
    assert first["edits"] == data["interviews"][0]["edits"] and first["problems"] == []
    assert second["archived"] is True and second["answers"] == unfinished
    assert [p["path"] for p in second["problems"]] == ["interview.date"]


def test_a_file_with_values_the_form_cannot_hold_says_what_it_left_out(
    panel_raw: dict[str, Any],
) -> None:
    data = {
        **panel_raw,
        "compnay": "typo",
        "candidate": {**panel_raw["candidate"], "phone": 5551234},
    }
    data["interview"] = {**data["interview"], "time": ["10:30"], "interviewers": "Grace"}
    (entry,) = call({"type": "read_file", "data": data})["interviews"]
    assert entry["answers"]["candidate"]["phone"] == "5551234"  # a number is kept as text
    assert "compnay" not in entry["answers"] and "time" not in entry["answers"]["interview"]
    assert {(d["path"], d["message"]) for d in entry["dropped"]} == {
        ("compnay", "unknown field"),
        ("interview.time", "must be text, not a list"),
        ("interview.interviewers", "must be a list, not text"),
    }


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        ([{"role": "x"}], "it holds a list"),
        ("answers", "it holds text"),
        (42, "it holds a number"),
        ({"name": "Ada", "email": "ada@example.org"}, "none of the answers' fields"),
        ({"version": 3, "role": "x"}, "newer version of the worksheet"),
        ({"version": "2", "role": "x"}, 'its version is "2"'),
        ({"format": "something-else", "interviews": []}, "its format is"),
        ({"format": "followup-backup", "interviews": []}, "it has no version"),
        ({"format": "followup-backup", "version": 2, "interviews": []}, "newer version"),
        ({"format": "followup-backup", "version": 1, "interviews": {}}, "not a list"),
        ({"format": "followup-backup", "version": 1, "interviews": []}, "holds no interviews"),
        ({"format": "followup-backup", "version": 1, "interviews": [{"edits": {}}]}, "no answers"),
        (
            {"format": "followup-backup", "version": 1,
             "interviews": [{"answers": {"version": 9, "role": "x"}}]},
            "newer version",
        ),
    ],
)  # fmt: skip
def test_only_what_is_not_an_answers_file_is_refused(data: Any, reason: str) -> None:
    (error,) = failed({"type": "read_file", "data": data})
    assert error["path"] == ""
    assert error["message"].startswith("not an answers file: ")
    assert reason in error["message"]


def test_greetings_and_advice_name_the_forms_rows(panel_raw: dict[str, Any]) -> None:
    """A blank row before a filled one: the engine's entry 0 is the form's row 1."""
    panel_raw["interview"]["interviewers"].insert(
        0, {"name": "", "email": "", "main_contact": False}
    )
    panel_raw["interview"]["concerns"] = [
        {"question": "", "answer": ""},
        {"question": "experience with Kafka", "answer": ""},
    ]
    data = call({"type": "render", "answers": panel_raw})
    people = {p["path"]: p["greeting"] for p in data["people"]}
    assert "interview.interviewers.0" not in people
    assert people["interview.interviewers.1"] == "Dear Dr Hopper,"
    assert [a["path"] for a in data["advice"] if a["code"] == "unanswered_concern"] == [
        "interview.concerns.1.answer"
    ]
