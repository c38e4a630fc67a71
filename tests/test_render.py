"""Drafts read naturally: the right parts per channel, personal notes, no holes, tones that differ."""

from __future__ import annotations

import datetime as dt
import itertools
import re

import pytest

from followup import (
    KINDS,
    examples,
    format_date,
    kinds,
    parse,
    render_draft,
    render_drafts,
    validate,
)
from followup.model import CHANNELS, TONES, to_dict
from followup.render import planned_kinds

ANSWERS = examples.FOLDER
COMBOS = list(itertools.product(KINDS, TONES, CHANNELS))
HOLES = re.compile(r"\{\{|\{%|\}\}|%\}|\bNone\b|\[[A-Z][^\]]*\]|^(Dear|Hi|Hello)\s*,|  ", re.M)


def load(name: str):
    return parse((ANSWERS / f"{name}.json").read_bytes())


def words(text: str) -> int:
    return len(text.split())


@pytest.mark.parametrize("name", sorted(p.stem for p in ANSWERS.glob("*.json")))
@pytest.mark.parametrize(("kind", "tone", "channel"), COMBOS)
def test_every_combination_renders_without_holes(name, kind, tone, channel):
    answers = load(name)
    if kind not in planned_kinds(answers):
        with pytest.raises(ValueError, match="call for no"):
            render_draft(answers, kind, 0, tone, channel)
        return
    draft = render_draft(answers, kind, 0, tone, channel)
    assert draft.body.strip(), "empty body"
    assert not HOLES.search(draft.body), draft.body
    assert not HOLES.search(draft.subject), draft.subject
    assert "\n\n\n" not in draft.body
    assert draft.body == draft.body.strip()
    assert draft.channel == (channel if channel in kinds.get(kind).channels else "email")
    if draft.channel == "email":
        assert draft.subject, "an email needs a subject"
    else:
        assert draft.subject == "", "letters and LinkedIn messages have no subject"


LETTER_KINDS = [k.name for k in kinds.REGISTRY if "letter" in k.channels]


@pytest.mark.parametrize("kind", LETTER_KINDS)
def test_letter_has_date_line_salutation_and_closing(kind):
    answers = load("panel")
    draft = render_draft(answers, kind, 0, "formal", "letter")
    lines = draft.body.split("\n")
    if draft.send_on:
        assert format_date(draft.send_on) in lines, "a dated letter carries its date line"
    assert "Dr Grace Hopper" in lines and "Dear Dr Hopper," in lines
    assert lines[-2:] == ["Yours sincerely,", "Ada Lovelace"]
    assert lines[0] == "Ada Lovelace"  # the sender's block opens a letter


@pytest.mark.parametrize("kind", [k for k in KINDS if kinds.get(k).channels == ("email",)])
def test_urgent_notes_go_by_email_whatever_was_chosen(kind):
    for channel in CHANNELS:
        draft = render_draft(load("panel"), kind, 0, "formal", channel)
        assert draft.channel == "email" and draft.subject


PANEL_KINDS = planned_kinds(parse((ANSWERS / "panel.json").read_bytes()))


@pytest.mark.parametrize("kind", PANEL_KINDS)
def test_brief_is_noticeably_shorter(kind):
    answers = load("panel")
    formal = render_draft(answers, kind, 0, "formal", "email").body
    brief = render_draft(answers, kind, 0, "brief", "email").body
    assert words(brief) <= 0.85 * words(formal), (words(brief), words(formal))


@pytest.mark.parametrize("kind", PANEL_KINDS)
def test_linkedin_is_short(kind):
    answers = load("panel")
    assert words(render_draft(answers, kind, 0, "formal", "linkedin").body) <= 90


@pytest.mark.parametrize("tone", TONES)
@pytest.mark.parametrize("channel", CHANNELS)
def test_each_interviewer_gets_a_personal_note(tone, channel):
    answers = load("panel")
    notes = [d for d in render_drafts(answers, tone, channel) if d.kind == "thank_you"]
    assert [d.to.name for d in notes] == [i.name for i in answers.interview.interviewers]
    for note, person in zip(notes, answers.interview.interviewers, strict=True):
        if person.discussed:
            assert person.discussed in note.body
        assert any(part in note.body for part in person.name.split())
    stripped = set()
    for note in notes:
        body = note.body
        for part in note.to.name.split():
            body = body.replace(part, "")
        stripped.add(body)
    assert len(stripped) == len(notes), "two interviewers got the same note"


def test_a_large_panel_with_no_details_still_gets_distinct_notes():
    data = to_dict(load("minimal"))
    data["interview"]["interviewers"] = [{"name": f"Person{i} Surname{i}"} for i in range(8)]
    answers = validate(data)
    for tone, channel in itertools.product(TONES, CHANNELS):
        notes = [d for d in render_drafts(answers, tone, channel) if d.kind == "thank_you"]
        bodies = {re.sub(r"Person\d|Surname\d", "X", d.body) for d in notes}
        # Four wordings rotate, so eight people share at most two of each; names still differ.
        assert len(bodies) >= 4
        assert len({d.body for d in notes}) == 8


def test_only_required_fields_thank_the_hiring_team():
    answers = load("minimal")
    for tone in TONES:
        draft = render_draft(answers, "thank_you", 0, tone, "email")
        first = draft.body.split("\n")[0]
        assert first in ("Dear hiring team,", "Hello to the Northwind Traders team,")
        assert draft.to.name == ""
        assert "Northwind Traders" in draft.body or "Office Manager" in draft.body


def test_when_phrases_follow_the_send_date():
    answers = load("panel")  # Thursday 10:30
    assert "this morning" in render_draft(answers, "thank_you", 0, "formal", "email").body
    assert "yesterday" in render_draft(answers, "follow_up", 0, "formal", "email").body
    assert (
        "on Thursday 3 December" in render_draft(answers, "thank_you", 0, "formal", "letter").body
    )
    friday = load("minimal")  # Friday, no time: thanks go that day, within 24 hours
    assert "today" in render_draft(friday, "thank_you", 0, "brief", "email").body
    check_in = render_draft(answers, "check_in", 0, "formal", "email")
    assert "by 11 December." in check_in.body  # the decision date they gave, in this year


def test_informational_meetings_plan_no_check_ins():
    kinds = planned_kinds(load("informational"))
    assert "check_in" not in kinds and "withdraw" not in kinds
    assert kinds[0] == "thank_you" and "stay_in_touch" in kinds


def test_drafts_come_in_sending_order_with_one_thank_you_each():
    drafts = render_drafts(load("panel"))
    kinds = [d.kind for d in drafts]
    assert kinds == ["thank_you"] * 3 + [
        "follow_up",
        "check_in",
        "check_in_again",
        "stay_in_touch",
        "after_rejection",
        "competing_offer",
        "withdraw",
    ]
    assert [d.id for d in drafts][:3] == ["thank_you.0", "thank_you.1", "thank_you.2"]


def test_brief_example_one_thanks_for_yesterdays_meeting():
    """The brief's first example: thanks for yesterday's meeting, open to questions."""
    draft = render_draft(load("brief-thanks"), "thank_you")
    assert draft.body.startswith("Dear Grace Hopper,")
    assert "meeting with me yesterday" in draft.body
    assert "questions" in draft.body and "look forward to hearing from you" in draft.body


def test_brief_example_two_answers_the_missed_question():
    """The brief's second example: the project management software question, answered later."""
    draft = render_draft(load("brief-missed-question"), "address_concern")
    assert draft.body.startswith("Hi Grace,")
    assert "my experience with project management software" in draft.body
    assert "Jira" in draft.body
    assert "let me know" in draft.body


def test_brief_example_three_touches_base_with_company_news():
    """The brief's third example: stay in touch, mention a company development, restate interest."""
    draft = render_draft(load("brief-touch-base"), "stay_in_touch")
    assert "your move into real-time analytics" in draft.body
    assert "keep the conversation going" in draft.body


def test_user_text_is_never_compiled():
    data = to_dict(load("panel"))
    data["role"] = "{{ 7*7 }} {% if true %}x{% endif %}"
    data["interview"]["interviewers"][0]["discussed"] = "{# comment #} {{ config }}"
    answers = validate(data)
    for draft in render_drafts(answers):
        assert "49" not in draft.body
    text = "\n".join(d.body for d in render_drafts(answers))
    assert "{{ 7*7 }} {% if true %}x{% endif %}" in text
    assert "{# comment #} {{ config }}" in text


def test_send_dates_are_dates_or_none():
    for draft in render_drafts(load("panel")):
        assert draft.send_on is None or isinstance(draft.send_on, dt.date)
        assert (draft.send_on is None) == (
            draft.kind in ("after_rejection", "competing_offer", "withdraw")
        )


def test_a_screening_call_gets_a_short_note():
    """After a screening call, a short same-day email (Princeton, WashU Law)."""
    from followup import notes

    answers = load("screening")
    for tone in TONES:
        note = render_draft(answers, "thank_you", 0, tone, "email")
        assert notes.words(notes.core(note.body)) <= 80, (tone, note.body)
        assert note.send_on == answers.interview.date


@pytest.mark.parametrize("tone", TONES)
@pytest.mark.parametrize("kind", ["after_rejection", "withdraw"])
def test_after_a_phone_call_no_note_says_they_met(kind, tone):
    data = to_dict(load("panel"))
    data["interview"]["format"] = "phone"
    body = render_draft(validate(data), kind, 0, tone, "email").body
    assert not re.search(r"\bmeet(ing)?\b", body), body
    if kind == "after_rejection":  # the premise: these notes do name how they met
        assert "speak" in body
        data["interview"]["format"] = "video"
        assert re.search(r"\bmeet(ing)?\b", render_draft(validate(data), kind, 0, tone, "email").body)


def test_the_answer_to_a_question_goes_to_the_interviewer_who_asked_it():
    from followup.review import advise

    data = to_dict(load("panel"))
    second = data["interview"]["interviewers"][1]["name"]
    kind = next(k for k in planned_kinds(validate(data)) if k in ("follow_up", "address_concern"))
    assert render_draft(validate(data), kind).person == "interview.interviewers.0"  # the premise
    for concern in data["interview"]["concerns"]:
        concern["asked_by"] = f"  {second.upper()} "
    answers = validate(data)
    assert render_draft(answers, kind).person == "interview.interviewers.1"
    assert render_draft(answers, kind).body.split("\n")[0].endswith(",")
    assert not [a for a in advise(answers) if a.code == "unknown_asker"]
    # A name that is no interviewer's: the person followed up with, and advice beside the field.
    data["interview"]["concerns"][0]["asked_by"] = "Someone Else"
    answers = validate(data)
    assert render_draft(answers, kind).person == "interview.interviewers.0"
    assert [a.path for a in advise(answers) if a.code == "unknown_asker"] == [
        "interview.concerns.0.asked_by"
    ]
