"""Files to take elsewhere: the plan as iCalendar (RFC 5545), each draft as an unsent email (RFC 5322)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import email
import email.policy
import re
from collections.abc import Callable
from email.message import EmailMessage
from pathlib import Path
from typing import Any

import icalendar
import pytest
from answer_files import ALL_ANSWERS

from followup import Answers, Draft, parse, validate
from followup.export import label, plan_rows, plan_uid, slug, to_eml, to_ics
from followup.kinds import NAMES as KINDS
from followup.kinds import REGISTRY
from followup.render import WEEKDAYS, format_date, with_text
from followup.review import reviewed_drafts

FIXTURES = ALL_ANSWERS
NOW = dt.datetime(2026, 11, 20, 8, 30, tzinfo=dt.UTC)


def load(path: Path) -> Answers:
    return parse(path.read_bytes())


def calendar(text: str) -> icalendar.Calendar:
    return icalendar.Calendar.from_ical(text)


def events(text: str) -> list[Any]:
    return list(calendar(text).walk("VEVENT"))


def message(raw: bytes) -> EmailMessage:
    parsed = email.message_from_bytes(raw, policy=email.policy.default)
    assert isinstance(parsed, EmailMessage)
    return parsed


def subject(msg: EmailMessage) -> str:
    """The Subject as a mail app shows it.

    For a long subject the stdlib generator folds right after "Subject:" (legal folding white
    space), and the stdlib parser then keeps that one space; mail apps drop it, and so do we.
    """
    value = str(msg["Subject"])
    return value[1:] if value.startswith(" ") else value


def description(draft: Draft) -> str:
    return f"Subject: {draft.subject}\n\n{draft.body}" if draft.subject else draft.body


# --- iCalendar -------------------------------------------------------------------------------------


LABELS = {kind.name: kind.label for kind in REGISTRY}


def test_labels_are_distinct_and_cover_every_kind() -> None:
    assert list(LABELS) == list(KINDS)
    assert len(set(LABELS.values())) == len(KINDS)


@pytest.mark.parametrize("path", FIXTURES, ids=lambda p: p.stem)
def test_ics_parses_back_with_one_event_per_dated_draft(path: Path) -> None:
    answers = load(path)
    drafts = reviewed_drafts(answers)
    dated = [d for d in drafts if d.send_on is not None]
    assert dated, "every answers file plans at least a thank-you"
    cal = calendar(to_ics(drafts, answers, NOW))
    assert str(cal["VERSION"]) == "2.0"
    assert str(cal["PRODID"]).startswith("-//")
    found = list(cal.walk("VEVENT"))
    assert len(found) == len(dated)
    for event, draft in zip(found, dated, strict=True):
        start = event["DTSTART"].dt
        assert type(start) is dt.date, "an all-day event: DTSTART is a DATE, not a DATE-TIME"
        assert start == draft.send_on
        assert event["DTEND"].dt == draft.send_on + dt.timedelta(days=1)  # type: ignore[operator]
        assert str(event["SUMMARY"]) == label(draft)
        assert str(event["DESCRIPTION"]) == description(draft)
        assert event["DTSTAMP"].dt == NOW
        alarms = list(event.walk("VALARM"))
        assert len(alarms) == 1
        assert str(alarms[0]["ACTION"]) == "DISPLAY"
        assert str(alarms[0]["DESCRIPTION"]) == label(draft)
        trigger = alarms[0]["TRIGGER"].dt
        assert dt.timedelta(0) <= trigger < dt.timedelta(days=1), "the reminder is on the day"


def test_situational_drafts_are_not_in_the_calendar(panel: Answers) -> None:
    text = to_ics(reviewed_drafts(panel), panel, NOW)
    summaries = {str(e["SUMMARY"]) for e in events(text)}
    for kind in ("after_rejection", "competing_offer", "withdraw"):
        assert not any(s.startswith(LABELS[kind]) for s in summaries)
    assert any(s.startswith(LABELS["check_in"]) for s in summaries)


def test_same_day_thank_you_reminds_in_the_afternoon_others_in_the_morning(panel: Answers) -> None:
    triggers = {
        str(e["SUMMARY"]): next(iter(e.walk("VALARM")))["TRIGGER"].dt
        for e in events(to_ics(reviewed_drafts(panel), panel, NOW))
    }
    assert triggers["Thank-you note · Grace Hopper"] == dt.timedelta(hours=14)
    assert triggers["Check in · Grace Hopper"] == dt.timedelta(hours=9)


def test_uids_are_unique_and_stable_across_calls(panel: Answers) -> None:
    drafts = reviewed_drafts(panel)
    first = to_ics(drafts, panel, NOW)
    second = to_ics(reviewed_drafts(panel), panel, NOW + dt.timedelta(days=3))
    uids = [str(e["UID"]) for e in events(first)]
    assert len(uids) == len(set(uids))
    assert uids == [str(e["UID"]) for e in events(second)]
    assert all(uid.endswith("@followup") for uid in uids)
    assert first != second  # only DTSTAMP differs
    assert first.replace("20261120T083000Z", "20261123T083000Z") == second


def test_uids_depend_on_the_interview_not_the_text(
    panel: Answers, answers_with: Callable[..., dict[str, Any]]
) -> None:
    draft = reviewed_drafts(panel)[0]
    edited = with_text(draft, "Other subject", "Other body")
    assert plan_uid(edited, panel) == plan_uid(draft, panel)
    for change in (
        {"role": "Data Scientist"},
        {"company.name": "Other Ltd"},
        {"interview.date": "2026-12-02"},
    ):
        other = validate(answers_with("panel", change))
        assert plan_uid(draft, other) != plan_uid(draft, panel), change


def test_uids_differ_between_interviewers(panel: Answers) -> None:
    drafts = reviewed_drafts(panel)
    assert len({plan_uid(d, panel) for d in drafts}) == len(drafts)


@pytest.mark.parametrize("path", FIXTURES, ids=lambda p: p.stem)
def test_ics_lines_are_folded_crlf_and_at_most_75_octets(path: Path) -> None:
    answers = load(path)
    raw = to_ics(reviewed_drafts(answers), answers, NOW).encode("utf-8")
    assert raw.endswith(b"END:VCALENDAR\r\n")
    assert b"\n" not in raw.replace(b"\r\n", b""), "bare LF"
    assert b"\r" not in raw.replace(b"\r\n", b""), "bare CR"
    for line in raw.split(b"\r\n")[:-1]:
        assert len(line) <= 75, line
        line.decode("utf-8")  # a fold never splits a character


def test_ics_escapes_commas_semicolons_backslashes_and_round_trips(panel: Answers) -> None:
    body = "Dear Grace Hopper,\n\nPoints; commas, a back\\slash, and “quotes”.\r\nCR\rLF.\n\nAda Lovelace"
    drafts = reviewed_drafts(panel)
    drafts[0] = with_text(drafts[0], "Re: a; b, c\\d", body)
    text = to_ics(drafts, panel, NOW)
    unfolded = text.replace("\r\n ", "")
    assert "Points\\; commas\\, a back\\\\slash\\," in unfolded
    event = events(text)[0]
    assert str(event["DESCRIPTION"]) == (
        "Subject: Re: a; b, c\\d\n\n"
        "Dear Grace Hopper,\n\nPoints; commas, a back\\slash, and “quotes”.\nCR\nLF.\n\nAda Lovelace"
    )


def test_ics_keeps_non_ascii_text(raw_answers: Callable[[str], dict[str, Any]]) -> None:
    answers = validate(raw_answers("unicode-names"))
    drafts = reviewed_drafts(answers)
    cal = calendar(to_ics(drafts, answers, NOW))
    assert str(cal["X-WR-CALNAME"]) == (
        "Follow-up: Ingénieure logiciel – données at Société Générale d’Ingénierie ☕"
    )
    found = list(cal.walk("VEVENT"))
    assert [str(e["SUMMARY"]) for e in found[:4]] == [
        "Thank-you note · محمد عبد الله",
        "Thank-you note · שרה כהן",
        "Thank-you note · José Ñúñez 🎉",
        "Thank-you note · 李小龍",
    ]
    for event, draft in zip(found, drafts, strict=False):
        assert str(event["DESCRIPTION"]) == description(draft)


def test_ics_names_the_calendar_the_standard_way_and_the_old_way(
    answers_with: Callable[..., dict[str, Any]],
) -> None:
    """RFC 7986 NAME, which apps unescape (a comma is no backslash-comma), and X-WR-CALNAME."""
    answers = validate(answers_with("panel", {"company.name": "Acme, Inc.; Labs"}))
    text = to_ics(reviewed_drafts(answers), answers, NOW)
    assert "\r\nNAME:Follow-up: Data Engineer at Acme\\, Inc.\\; Labs\r\n" in text
    assert "\r\nX-WR-CALNAME:Follow-up: Data Engineer at Acme\\, Inc.\\; Labs\r\n" in text
    # (icalendar leaves both unparsed: unescaped here as RFC 5545, 3.3.11 says)
    name = str(calendar(text)["NAME"])
    assert re.sub(r"\\([\\;,])", r"\1", name) == "Follow-up: Data Engineer at Acme, Inc.; Labs"


def test_ics_with_no_dated_drafts_is_an_empty_calendar(panel: Answers) -> None:
    undated = [d for d in reviewed_drafts(panel) if d.send_on is None]
    text = to_ics(undated, panel, NOW)
    assert events(text) == []
    assert text.startswith("BEGIN:VCALENDAR\r\n") and text.endswith("END:VCALENDAR\r\n")


def test_ics_without_now_stamps_the_current_time(panel: Answers) -> None:
    before = dt.datetime.now(dt.UTC).replace(microsecond=0)
    stamp = events(to_ics(reviewed_drafts(panel), panel))[0]["DTSTAMP"].dt
    after = dt.datetime.now(dt.UTC)
    assert before <= stamp <= after


# --- .eml ----------------------------------------------------------------------------------------------


@pytest.mark.parametrize("path", FIXTURES, ids=lambda p: p.stem)
def test_eml_parses_back_with_the_draft(path: Path) -> None:
    answers = load(path)
    for draft in reviewed_drafts(answers, channel="email"):
        raw = to_eml(draft, answers)
        raw.decode("ascii")  # 7-bit clean
        assert b"\n" not in raw.replace(b"\r\n", b""), "bare LF"
        assert all(len(line) <= 78 for line in raw.split(b"\r\n")), "SMTP line length"
        msg = message(raw)
        assert msg["X-Unsent"] == "1"
        assert subject(msg) == draft.subject
        if answers.candidate.email:
            (sender,) = msg["From"].addresses
            assert sender.addr_spec == answers.candidate.email
            assert sender.display_name == answers.candidate.name
        else:
            assert msg["From"] is None
        if draft.to.email:
            (recipient,) = msg["To"].addresses
            assert recipient.addr_spec == draft.to.email
            assert recipient.display_name == draft.to.name
        else:
            assert msg["To"] is None
        assert msg.get_content_type() == "text/plain"
        assert msg.get_content_charset() == "utf-8"
        content = msg.get_content()
        assert content.replace("\r\n", "\n") == draft.body + "\n"


def test_eml_non_ascii_names_and_text(raw_answers: Callable[[str], dict[str, Any]]) -> None:
    answers = validate(raw_answers("unicode-names"))
    draft = reviewed_drafts(answers)[0]
    msg = message(to_eml(draft, answers))
    assert str(msg["From"]) == "Zoë Ngô-Łukasiewicz 🌱 <zoe@example.org>"
    assert msg["To"].addresses[0].display_name == "محمد عبد الله"
    # A role with a dash of its own would make a subject with two: its dash becomes a comma.
    assert subject(msg) == "Thanks for this morning's conversation – Ingénieure logiciel, données"
    assert "نقل المهام الليلية إلى البث المباشر" in msg.get_content()


@pytest.mark.parametrize(
    "name", ['Lee, Jordan "JJ"', "O'Brien (Sales)", "Ada <Lovelace>", "a;b:c@d", "Zoë, 🌱"]
)
def test_eml_display_names_with_specials_round_trip(
    name: str, answers_with: Callable[..., dict[str, Any]]
) -> None:
    answers = validate(
        answers_with("panel", {"candidate.name": name, "interview.interviewers.0.name": name})
    )
    draft = reviewed_drafts(answers)[0]
    msg = message(to_eml(draft, answers))
    assert msg["From"].addresses[0].display_name == name
    assert msg["From"].addresses[0].addr_spec == "ada@example.org"
    assert msg["To"].addresses[0].display_name == name
    assert msg["To"].addresses[0].addr_spec == "grace@example.org"


def test_eml_for_a_letter_gets_a_subject_to_find_it_by(panel: Answers) -> None:
    draft = reviewed_drafts(panel, channel="letter")[0]
    assert draft.subject == ""
    assert subject(message(to_eml(draft, panel))) == "Data Engineer – Thank-you note"


def test_eml_subject_edited_across_lines_is_one_line(panel: Answers) -> None:
    draft = with_text(
        reviewed_drafts(panel)[0], "Thank you\r\nfor the\ninterview", "Dear Grace,\rHi\r\nthere"
    )
    raw = to_eml(draft, panel)
    assert b"\n" not in raw.replace(b"\r\n", b"")
    msg = message(raw)
    assert subject(msg) == "Thank you for the interview"
    assert msg.get_content().replace("\r\n", "\n") == "Dear Grace,\nHi\nthere\n"


def test_eml_long_lines_survive_quoted_printable(panel: Answers) -> None:
    body = "Dear Grace Hopper,\n\n" + "word " * 200 + "end.\n\nAda Lovelace"
    draft = with_text(reviewed_drafts(panel)[0], "x" * 200, body)
    msg = message(to_eml(draft, panel))
    assert msg.get_content().replace("\r\n", "\n") == body + "\n"
    assert subject(msg) == "x" * 200


def test_eml_body_that_looks_like_mbox_or_smtp_is_kept(panel: Answers) -> None:
    body = "From the start,\n.\n..\nAda Lovelace"
    draft = with_text(reviewed_drafts(panel)[0], "s", body)
    assert message(to_eml(draft, panel)).get_content().replace("\r\n", "\n") == body + "\n"


def test_eml_writes_an_international_domain_in_its_ascii_form(
    answers_with: Callable[..., dict[str, Any]],
) -> None:
    """Addresses are kept as typed (bücher.example); mail headers carry the IDNA form."""
    raw = answers_with(
        "panel",
        {"candidate.email": "ada@exämple.org", "interview.interviewers.0.email": "grace@bücher.example"},
    )
    answers = validate(raw)
    assert answers.interview.interviewers[0].email == "grace@bücher.example"
    data = to_eml(reviewed_drafts(answers)[0], answers)
    data.decode("ascii")  # 7-bit headers
    msg = message(data)
    assert msg["To"].addresses[0].addr_spec == "grace@xn--bcher-kva.example"
    assert msg["From"].addresses[0].addr_spec == "ada@xn--exmple-cua.org"


def test_eml_without_addresses(minimal: Answers) -> None:
    draft = reviewed_drafts(minimal)[0]
    msg = message(to_eml(draft, minimal))
    assert msg["From"] is None and msg["To"] is None
    assert msg["X-Unsent"] == "1"


# --- plan rows ---------------------------------------------------------------------------------------


def test_plan_rows_are_in_date_order_with_undated_last(panel: Answers) -> None:
    rows = plan_rows(reviewed_drafts(panel))
    dated = [r for r in rows if r["send_on"]]
    assert [r["send_on"] for r in dated] == sorted(r["send_on"] for r in dated)  # type: ignore[type-var]
    assert [r["kind"] for r in rows[len(dated) :]] == [
        "after_rejection",
        "competing_offer",
        "withdraw",
    ]
    assert all(r["weekday"] is None and r["date_text"] is None for r in rows[len(dated) :])
    for row in dated:
        day = dt.date.fromisoformat(str(row["send_on"]))
        assert row["weekday"] == WEEKDAYS[day.weekday()]
        assert row["date_text"] == format_date(day)
    assert rows[0] == {
        "id": "thank_you.0",
        "kind": "thank_you",
        "label": "Thank-you note · Grace Hopper",
        "send_on": "2026-12-03",
        "weekday": "Thursday",
        "date_text": "3 December 2026",
    }


def test_plan_rows_sort_by_kind_on_the_same_day(panel: Answers) -> None:
    drafts = reviewed_drafts(panel)
    same = [dataclasses.replace(d, send_on=dt.date(2026, 12, 7)) for d in reversed(drafts)]
    kinds = [r["kind"] for r in plan_rows(same)]
    assert kinds == sorted(kinds, key=list(LABELS).index)


def test_label_names_the_person_or_not(minimal: Answers, panel: Answers) -> None:
    assert label(reviewed_drafts(panel)[1]) == "Thank-you note · Alan Turing"
    assert label(reviewed_drafts(minimal)[0]) == "Thank-you note"


# --- file names ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("José Ñúñez 🎉", "jose-nunez"),
        ("Zoë Ngô-Łukasiewicz", "zoe-ngo-lukasiewicz"),
        ("Société Générale d’Ingénierie ☕", "societe-generale-d-ingenierie"),
        ("Straße & Søn", "strasse-son"),
        ("ﬁnance Ⅳ", "finance-iv"),  # compatibility forms, as NFKD spells them
        ("Analytical Engines Ltd", "analytical-engines-ltd"),
        ("محمد عبد الله", ""),  # another script: nothing to spell in ASCII, the caller decides
        ("--", ""),
    ],
)
def test_slug_keeps_the_letters_of_accented_names(text: str, expected: str) -> None:
    assert slug(text) == expected


def test_slug_is_cut_at_a_word_boundary_that_leaves_no_hyphen() -> None:
    assert slug("a" * 39 + " b") == "a" * 39
    assert len(slug("word " * 20)) <= 40 and not slug("word " * 20).endswith("-")
