"""The review: each check fires on a draft that earns it, and never on the engine's own good drafts."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from answer_files import ALL_ANSWERS
from premise import replaced, substituted

from followup import Answers, Draft, render_drafts, to_dict, validate
from followup.render import with_text
from followup.review import CHECKS, WORD_LIMITS, advise, review, reviewed_drafts

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ALL_ANSWERS
TONES = ("formal", "warm", "brief")
CHANNELS = ("email", "letter", "linkedin")


def codes(draft: Draft) -> list[str]:
    return [f.code for f in draft.findings]


def by_id(drafts: list[Draft], draft_id: str) -> int:
    return next(i for i, d in enumerate(drafts) if d.id == draft_id)


def edit_body(drafts: list[Draft], draft_id: str, change: Callable[[str], str]) -> list[Draft]:
    out = list(drafts)
    i = by_id(out, draft_id)
    out[i] = with_text(out[i], out[i].subject, change(out[i].body))
    return out


def only_flagged(reviewed: list[Draft], code: str, draft_id: str) -> Any:
    """The finding ``code`` is on ``draft_id`` and on no other draft; returns that finding."""
    flagged = [d.id for d in reviewed if code in codes(d)]
    assert flagged == [draft_id]
    finding = next(f for f in reviewed[by_id(reviewed, draft_id)].findings if f.code == code)
    assert finding.severity == CHECKS[code].severity
    assert finding.guide == CHECKS[code].guide
    # the message quotes what it found in “…”; the rest of it is the engine's own, filled-in text
    own = re.sub("\u201c[^\u201d]*\u201d", "", finding.message)
    assert own.strip() and "{" not in own and "None" not in own
    return finding


def test_the_checks_are_exactly_these() -> None:
    """A new check needs a test below; a removed one must be removed here on purpose."""
    assert list(CHECKS) == [
        "placeholder", "title_only_greeting", "punctuation", "missing_subject", "name_missing",
        "identical_notes", "check_in_before_decision", "similar_notes", "late",
        "too_many_check_ins", "too_many_messages", "pushy", "too_long", "long_subject",
        "generic_greeting", "slow_letter", "thanks_only", "not_personal", "check_greeting",
        "informal", "no_link", "tight_offer_deadline", "after_offer_deadline", "linkedin_request",
        "unanswered_concern", "unknown_asker", "nothing_to_say", "unsigned", "large_panel",
    ]  # fmt: skip
    assert {c.severity for c in CHECKS.values()} <= {"error", "warning", "info"}


@pytest.mark.parametrize("code", list(CHECKS))
def test_every_check_links_to_a_guide_section_that_exists(code: str) -> None:
    page, _, anchor = CHECKS[code].guide.partition("#")
    source = ROOT / "docs" / f"{page.rstrip('/')}.md"
    assert source.is_file(), CHECKS[code].guide
    assert "{#" + anchor + "}" in source.read_text(encoding="utf-8"), CHECKS[code].guide


# --- the engine's own drafts pass ----------------------------------------------------------------


# Every fixture in every tone and channel: tests/test_quality.py (the review says nothing about the
# engine's writing, only about what the answers lack or chose).


def test_unsigned_is_the_only_remark_on_minimal_answers(minimal: Answers) -> None:
    reviewed = reviewed_drafts(minimal)
    assert all(codes(d) == ["unsigned"] for d in reviewed)
    assert "Add your name" in reviewed[0].findings[0].message


@pytest.mark.parametrize("count", [5, 8])
def test_a_large_panel_without_details_still_gets_distinct_notes(count: int) -> None:
    """A separate, personalised note to each person, never identical (Princeton, WashU, Berkeley)."""
    names = [
        "Ana Lima",
        "Bo Chen",
        "Cy Diaz",
        "Di Evans",
        "Ed Fox",
        "Flo Gray",
        "Gus Hill",
        "Ivy Jo",
    ]
    answers = validate(
        {
            "candidate": {"name": "Ada Lovelace"},
            "company": {"name": "Analytical Engines Ltd"},
            "role": "Data Engineer",
            "interview": {
                "date": "2026-12-03",
                "interviewers": [{"name": n} for n in names[:count]],
            },
        }
    )
    for tone in TONES:
        reviewed = reviewed_drafts(answers, tone=tone)
        assert not any("identical_notes" in codes(d) for d in reviewed)
        # Met more than about seven people: one letter to the coordinator is an option (Stetson).
        large = [d.id for d in reviewed if "large_panel" in codes(d)]
        assert large == (["thank_you.0"] if count > 7 else [])


# --- each check, triggered --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "typed",
    [
        "[Name]",
        "[Company name]",
        "{{ name }}",
        "{{name}}",
        "{% if x %}",
        "%}",
        "<Company Name>",
        "None",
        "TODO",
        "XXX",
    ],
)
def test_placeholder(panel: Answers, typed: str) -> None:
    drafts = edit_body(
        render_drafts(panel), "thank_you.1", lambda b: replaced(b, "the team", f"{typed} team", 1)
    )
    finding = only_flagged(review(drafts, panel), "placeholder", "thank_you.1")
    quoted = re.search("\u201c([^\u201d]*)\u201d", finding.message)
    assert quoted and quoted.group(1) and quoted.group(1) in typed


def test_placeholder_in_subject(panel: Answers) -> None:
    drafts = render_drafts(panel)
    i = by_id(drafts, "check_in.0")
    drafts[i] = with_text(drafts[i], "[Role] role – checking in", drafts[i].body)
    only_flagged(review(drafts, panel), "placeholder", "check_in.0")


@pytest.mark.parametrize("greeting", ["Dear ,", "Hi ,", "Hello,"])
def test_placeholder_greeting_with_no_name(panel: Answers, greeting: str) -> None:
    drafts = edit_body(
        render_drafts(panel), "check_in.0", lambda b: substituted(b, r"^Dear [^,]+,", greeting)
    )
    assert "placeholder" in codes(review(drafts, panel)[by_id(drafts, "check_in.0")])


def test_none_of_is_ordinary_english(panel: Answers) -> None:
    drafts = edit_body(
        render_drafts(panel),
        "check_in.0",
        lambda b: replaced(b, "I hope", "None of this is urgent. I hope"),
    )
    assert "placeholder" not in codes(review(drafts, panel)[by_id(drafts, "check_in.0")])


@pytest.mark.parametrize("subject", ["", "   "])
def test_missing_subject(panel: Answers, subject: str) -> None:
    drafts = render_drafts(panel)
    i = by_id(drafts, "thank_you.2")
    drafts[i] = with_text(drafts[i], subject, drafts[i].body)
    only_flagged(review(drafts, panel), "missing_subject", "thank_you.2")


def test_letters_need_no_subject(panel: Answers) -> None:
    drafts = render_drafts(panel, channel="letter")
    letters = [d for d in drafts if d.channel == "letter"]
    assert {d.kind for d in letters} == {"thank_you", "stay_in_touch"}  # the rest go by email
    assert all(d.subject == "" for d in letters)
    assert not any("missing_subject" in codes(d) for d in review(drafts, panel))


def test_name_missing(panel: Answers) -> None:
    drafts = edit_body(
        render_drafts(panel),
        "thank_you.1",
        lambda b: replaced(b, "Dear Dr Turing,", "Dear colleague,"),
    )
    assert "Alan" not in drafts[1].body and "Turing" not in drafts[1].body
    finding = only_flagged(review(drafts, panel), "name_missing", "thank_you.1")
    assert "Alan Turing" in finding.message


def test_a_first_name_alone_is_enough(panel: Answers) -> None:
    drafts = edit_body(
        render_drafts(panel), "thank_you.1", lambda b: replaced(b, "Dear Dr Turing,", "Hi Alan,")
    )
    assert "name_missing" not in codes(review(drafts, panel)[1])


def test_a_name_inside_another_word_does_not_count(
    answers_with: Callable[..., dict[str, Any]],
) -> None:
    answers = validate(answers_with("panel", {"interview.interviewers": [{"name": "Al Ng"}]}))
    drafts = edit_body(
        render_drafts(answers),
        "thank_you.0",
        lambda b: replaced(b, "Dear Al Ng,", "Dear Alfred, Ngaio,"),
    )
    assert "name_missing" in codes(review(drafts, answers)[0])


def test_identical_notes(panel: Answers) -> None:
    drafts = render_drafts(panel)
    grace = drafts[by_id(drafts, "thank_you.0")]
    drafts = edit_body(
        drafts, "thank_you.1", lambda _: replaced(grace.body, "Dr Hopper", "Dr Turing")
    )
    finding = only_flagged(review(drafts, panel), "identical_notes", "thank_you.1")
    assert "Grace Hopper" in finding.message


def test_identical_notes_with_only_whitespace_and_case_changed(panel: Answers) -> None:
    drafts = render_drafts(panel)
    grace = replaced(drafts[0].body, "Dr Hopper", "Ms Johnson")
    drafts = edit_body(drafts, "thank_you.2", lambda _: replaced(grace.upper(), "\n\n", "\n \n"))
    drafts = edit_body(drafts, "thank_you.2", lambda b: replaced(b, "MS JOHNSON", "Ms Johnson"))
    assert "identical_notes" in codes(review(drafts, panel)[2])


def test_check_in_before_decision(panel: Answers) -> None:
    drafts = render_drafts(panel)
    i = by_id(drafts, "check_in.0")
    decision = panel.interview.decision_date
    assert decision is not None
    drafts[i] = dataclasses.replace(drafts[i], send_on=decision - dt.timedelta(days=1))
    finding = only_flagged(review(drafts, panel), "check_in_before_decision", "check_in.0")
    assert decision.isoformat() in finding.message


def test_check_in_on_the_decision_date_is_not_before_it(panel: Answers) -> None:
    drafts = render_drafts(panel)
    i = by_id(drafts, "check_in.0")
    drafts[i] = dataclasses.replace(drafts[i], send_on=panel.interview.decision_date)
    assert "check_in_before_decision" not in codes(review(drafts, panel)[i])


def test_too_many_check_ins(panel: Answers) -> None:
    drafts = render_drafts(panel)
    again = drafts[by_id(drafts, "check_in_again.0")]
    assert again.send_on is not None
    third = dataclasses.replace(again, index=1, send_on=again.send_on + dt.timedelta(days=14))
    reviewed = review([*drafts, third], panel)
    assert [d.id for d in reviewed if "too_many_check_ins" in codes(d)] == ["check_in_again.1"]
    finding = reviewed[-1].findings[0]
    assert finding.code == "too_many_check_ins" and finding.severity == "warning"
    assert "3 check-ins" in finding.message


def test_check_ins_less_than_a_week_apart(panel: Answers) -> None:
    """No more than once a week (Ask a Manager)."""
    drafts = render_drafts(panel)
    first = drafts[by_id(drafts, "check_in.0")]
    i = by_id(drafts, "check_in_again.0")
    assert first.send_on is not None
    drafts[i] = dataclasses.replace(drafts[i], send_on=first.send_on + dt.timedelta(days=6))
    only_flagged(review(drafts, panel), "too_many_check_ins", "check_in_again.0")
    drafts[i] = dataclasses.replace(drafts[i], send_on=first.send_on + dt.timedelta(days=7))
    assert not any("too_many_check_ins" in codes(d) for d in review(drafts, panel))


@pytest.mark.parametrize(
    "phrase",
    [
        "Please reply ASAP.",
        "I need an answer as soon as possible.",
        "This is urgent.",
        "Please respond immediately.",
        "I need a decision by Friday.",
        "Why haven't you replied?",
        "You never responded to my last email.",
        "I am still waiting to hear back.",
        "I've been waiting for weeks.",
        "Please respond by Monday.",
        "Any update??",
        "Final notice.",
        "Just checking in again.",
        "I desperately need this job.",
    ],
)
def test_pushy(panel: Answers, phrase: str) -> None:
    drafts = edit_body(
        render_drafts(panel), "check_in.0", lambda b: replaced(b, "I hope you are well.", phrase)
    )
    only_flagged(review(drafts, panel), "pushy", "check_in.0")


@pytest.mark.parametrize("channel", CHANNELS)
def test_too_long(panel: Answers, channel: str) -> None:
    """4-8 sentences (UC handout); three short paragraphs (CareerBuilder, Haefner 2005)."""
    drafts = render_drafts(panel, channel=channel)
    i = by_id(drafts, "stay_in_touch.0")  # a note that goes by any channel
    assert drafts[i].channel == channel
    words = len(drafts[i].body.split())
    limit = WORD_LIMITS[channel]
    at_limit = edit_body(drafts, "stay_in_touch.0", lambda b: b + " more" * (limit - words))
    assert not any("too_long" in codes(d) for d in review(at_limit, panel))
    over = edit_body(drafts, "stay_in_touch.0", lambda b: b + " more" * (limit - words + 1))
    finding = only_flagged(review(over, panel), "too_long", "stay_in_touch.0")
    assert f"{limit + 1} words" in finding.message


def test_limits_are_ordered_by_channel() -> None:
    assert WORD_LIMITS["linkedin"] < WORD_LIMITS["email"] <= WORD_LIMITS["letter"]


@pytest.mark.parametrize(
    ("channel", "words", "flagged"),
    [
        ("email", 150, False),  # 4-8 sentences (UC handout) fit
        ("email", 300, True),
        ("letter", 200, False),
        ("letter", 400, True),
        ("linkedin", 90, False),
        ("linkedin", 130, True),  # read on a phone: shorter than an email
    ],
)
def test_too_long_bounds_in_words(panel: Answers, channel: str, words: int, flagged: bool) -> None:
    body = "Dear Grace Hopper,\n\n" + "word " * (words - 5) + "\n\nAda Lovelace"
    assert len(body.split()) == words
    drafts = edit_body(render_drafts(panel, channel=channel), "stay_in_touch.0", lambda _: body)
    assert ("too_long" in codes(review(drafts, panel)[by_id(drafts, "stay_in_touch.0")])) is flagged


@pytest.mark.parametrize(
    "greeting",
    [
        "Dear Sir or Madam,",
        "Dear Sir,",
        "Dear Hiring Manager,",
        "Dear hiring team,",
        "To whom it may concern,",
        "Hello,",
        "Hi there,",
        "Hi team,",
        "Hello Analytical Engines Ltd team,",
    ],
)
def test_generic_greeting(panel: Answers, greeting: str) -> None:
    drafts = edit_body(
        render_drafts(panel), "check_in.0", lambda b: substituted(b, r"^Dear [^,]+,", greeting)
    )
    assert drafts[by_id(drafts, "check_in.0")].body.startswith(greeting)
    assert "generic_greeting" in codes(review(drafts, panel)[by_id(drafts, "check_in.0")])
    assert [d.id for d in review(drafts, panel) if "generic_greeting" in codes(d)] == ["check_in.0"]


def test_a_team_greeting_is_fine_when_no_name_is_known(
    raw_answers: Callable[[str], dict[str, Any]],
) -> None:
    answers = validate(raw_answers("no-interviewer"))
    for tone in TONES:
        for draft in reviewed_drafts(answers, tone=tone, channel="email"):
            assert draft.body.startswith(
                ("Dear hiring team,", "Hello to the Maple Street Clinic team,")
            )
            assert "generic_greeting" not in codes(draft)


def test_thanks_only(panel: Answers) -> None:
    """A note that only says thanks is a common mistake (Alison Green)."""
    short = (
        "Dear Grace Hopper,\n\nThank you for meeting with me today.\n\nKind regards,\nAda Lovelace"
    )
    drafts = edit_body(render_drafts(panel), "thank_you.0", lambda _: short)
    only_flagged(review(drafts, panel), "thanks_only", "thank_you.0")


def test_thanks_only_is_for_thank_you_notes(panel: Answers) -> None:
    short = "Dear Grace Hopper,\n\nAny news on the role?\n\nKind regards,\nAda Lovelace"
    drafts = edit_body(render_drafts(panel), "check_in.0", lambda _: short)
    assert not any("thanks_only" in codes(d) for d in review(drafts, panel))


def test_unsigned_when_the_name_is_taken_out(panel: Answers) -> None:
    drafts = edit_body(
        render_drafts(panel), "withdraw.0", lambda b: replaced(b, "Ada Lovelace", "Ada")
    )
    finding = only_flagged(review(drafts, panel), "unsigned", "withdraw.0")
    assert "Ada Lovelace" in finding.message


def test_unsigned_when_no_name_is_given(answers_with: Callable[..., dict[str, Any]]) -> None:
    answers = validate(answers_with("panel", {"candidate.name": ""}))
    reviewed = reviewed_drafts(answers)
    assert all("unsigned" in codes(d) for d in reviewed)


# --- how findings are put together -------------------------------------------------------------------


def test_findings_are_sorted_most_serious_first(panel: Answers) -> None:
    body = "Dear Sir or Madam,\n\nThanks!! Any news?? [Name]"
    drafts = edit_body(render_drafts(panel), "thank_you.0", lambda _: body)
    findings = review(drafts, panel)[0].findings
    severities = [f.severity for f in findings]
    assert severities == sorted(severities, key=["error", "warning", "info"].index)
    assert {
        "placeholder",
        "name_missing",
        "pushy",
        "generic_greeting",
        "thanks_only",
        "unsigned",
    } <= set(codes(review(drafts, panel)[0]))


def test_review_does_not_change_text_or_order(panel: Answers) -> None:
    drafts = render_drafts(panel)
    reviewed = review(drafts, panel)
    assert [(d.id, d.subject, d.body, d.send_on) for d in reviewed] == [
        (d.id, d.subject, d.body, d.send_on) for d in drafts
    ]


def test_reviewed_drafts_applies_edits_by_id(panel: Answers) -> None:
    edits = {
        "thank_you.1": {"body": "Dear Alan Turing,\n\nThanks ASAP.\n\nAda Lovelace"},
        "check_in.0": {"subject": ""},
        "no_such.9": {"body": "ignored"},
    }
    reviewed = reviewed_drafts(panel, edits)
    plain = reviewed_drafts(panel)
    assert len(reviewed) == len(plain)
    assert reviewed[1].body == edits["thank_you.1"]["body"]
    assert reviewed[1].subject == plain[1].subject
    assert {"pushy", "thanks_only"} <= set(codes(reviewed[1]))
    i = by_id(reviewed, "check_in.0")
    assert reviewed[i].subject == "" and reviewed[i].body == plain[i].body
    assert codes(reviewed[i]) == ["missing_subject"]
    for a, b in zip(reviewed, plain, strict=True):
        if a.id not in edits:
            assert (a.subject, a.body, a.findings) == (b.subject, b.body, b.findings)


def test_reviewed_drafts_takes_tone_and_channel(panel: Answers) -> None:
    warm = reviewed_drafts(panel, tone="warm", channel="linkedin")
    assert {d.tone for d in warm} == {"warm"}
    assert {d.channel for d in warm} == {"linkedin", "email"}  # urgent news goes by email
    assert warm[0].body.startswith("Hi Grace,")


# --- what a hiring manager would notice (issue 11) -----------------------------------------------


@pytest.mark.parametrize("greeting", ["Hi Dr.,", "Dear Ms,", "Hi van,", "Dear Prof,", "Hi J.,"])
def test_title_only_greeting(panel: Answers, greeting: str) -> None:
    drafts = edit_body(
        render_drafts(panel), "thank_you.1", lambda b: substituted(b, r"^Dear [^,]+,", greeting)
    )
    finding = only_flagged(review(drafts, panel), "title_only_greeting", "thank_you.1")
    assert greeting in finding.message


@pytest.mark.parametrize(
    "greeting", ["Hi Van,", "Dear Dr Turing,", "Hi Alan,", "Dear Ms van Dijk,"]
)
def test_a_name_after_a_title_or_a_given_name_van_is_fine(panel: Answers, greeting: str) -> None:
    drafts = edit_body(
        render_drafts(panel), "thank_you.1", lambda b: substituted(b, r"^Dear [^,]+,", greeting)
    )
    assert "title_only_greeting" not in codes(review(drafts, panel)[1])


@pytest.mark.parametrize(
    ("old", "new", "quoted"),
    [
        ("a take-home exercise.", "a take-home exercise..", "exercise.."),
        ("this morning to", "this morning?: to", "?:"),
        ("a take-home exercise.", "a take-home exercise:", "exercise:"),
        ("streaming. It", "streaming ,. It", ","),
    ],
)
def test_punctuation(panel: Answers, old: str, new: str, quoted: str) -> None:
    drafts = edit_body(render_drafts(panel), "thank_you.0", lambda b: replaced(b, old, new, 1))
    finding = only_flagged(review(drafts, panel), "punctuation", "thank_you.0")
    assert quoted in finding.message


def test_a_colon_before_a_list_and_an_ellipsis_are_fine(panel: Answers) -> None:
    drafts = render_drafts(panel)
    follow_up = drafts[by_id(drafts, "follow_up.0")]
    assert ":\n\n- " in follow_up.body  # the premise: a colon that opens a list
    drafts = edit_body(
        drafts, "thank_you.0", lambda b: replaced(b, "streaming.", "streaming...", 1)
    )
    assert not any("punctuation" in codes(d) for d in review(drafts, panel))


def test_similar_notes_differ_by_a_phrase(panel: Answers) -> None:
    """The same note with a word changed here and there is still the same note."""
    drafts = render_drafts(panel)
    grace = drafts[by_id(drafts, "thank_you.0")].body
    near = replaced(replaced(grace, "Dr Hopper", "Dr Turing"), "especially enjoyed", "really liked")
    drafts = edit_body(drafts, "thank_you.1", lambda _: near)
    finding = only_flagged(review(drafts, panel), "similar_notes", "thank_you.1")
    assert "Grace Hopper" in finding.message
    assert "identical_notes" not in codes(review(drafts, panel)[1])


def test_late(panel: Answers) -> None:
    reviewed = reviewed_drafts(panel, today=dt.date(2026, 12, 7))
    late = [d.id for d in reviewed if "late" in codes(d)]
    assert late == ["thank_you.0", "thank_you.1", "thank_you.2"]
    finding = next(f for f in reviewed[0].findings if f.code == "late")
    assert "4 days ago" in finding.message
    assert not any("late" in codes(d) for d in reviewed_drafts(panel, today=dt.date(2026, 12, 3)))


def test_too_many_messages(panel: Answers) -> None:
    drafts = render_drafts(panel)
    i = by_id(drafts, "check_in.0")
    drafts[i] = dataclasses.replace(drafts[i], send_on=dt.date(2026, 12, 4))
    assert "too_many_messages" in codes(review(drafts, panel)[i])


def test_long_subject(panel: Answers) -> None:
    drafts = render_drafts(panel)
    i = by_id(drafts, "check_in.0")
    drafts[i] = with_text(
        drafts[i], "Checking in about the Data Engineer role I interviewed for", drafts[i].body
    )
    finding = only_flagged(review(drafts, panel), "long_subject", "check_in.0")
    assert "10 words" in finding.message


def test_slow_letter(panel: Answers) -> None:
    """Email when they decide within a week (Lawrence; UC handout); a letter takes days."""
    soon = to_dict(panel)
    soon["interview"]["decision_date"] = "2026-12-07"
    reviewed = reviewed_drafts(validate(soon), channel="letter")
    flagged = [d.id for d in reviewed if "slow_letter" in codes(d)]
    assert flagged == ["thank_you.0", "thank_you.1", "thank_you.2"]
    assert panel.interview.decision_date == dt.date(2026, 12, 11)  # eight days: a letter is fine
    assert not any("slow_letter" in codes(d) for d in reviewed_drafts(panel, channel="letter"))


def test_not_personal(panel: Answers) -> None:
    reviewed = reviewed_drafts(panel)
    finding = only_flagged(reviewed, "not_personal", "thank_you.2")
    assert "Katherine Johnson" in finding.message


def test_after_offer_deadline(panel: Answers) -> None:
    data = to_dict(panel)
    data["offer_deadline"] = "2026-12-16"
    reviewed = reviewed_drafts(validate(data))
    # The second check-in and the note to stay in touch presume you are still waiting.
    assert [d.id for d in reviewed if "after_offer_deadline" in codes(d)] == [
        "check_in_again.0",
        "stay_in_touch.0",
    ]


def test_linkedin_request(panel: Answers) -> None:
    reviewed = reviewed_drafts(panel, channel="linkedin")
    flagged = {d.id for d in reviewed if "linkedin_request" in codes(d)}
    assert flagged == {d.id for d in reviewed if d.channel == "linkedin"}
    informational = validate(
        {**to_dict(panel), "interview": {**to_dict(panel)["interview"], "stage": "informational"}}
    )
    assert not any(
        "linkedin_request" in codes(d) for d in reviewed_drafts(informational, channel="linkedin")
    )


def test_advice_names_the_field_to_fill(panel: Answers) -> None:
    data = to_dict(panel)
    data["interview"]["concerns"].append({"question": "B2B pricing", "answer": ""})
    data["company"]["news"] = ""
    data["update"] = ""
    advice = advise(validate(data))
    assert [(a.path, a.code) for a in advice] == [
        ("interview.concerns.1.answer", "unanswered_concern"),
        ("company.news", "nothing_to_say"),
    ]
    assert "B2B pricing" in advice[0].message
    assert all(a.guide == CHECKS[a.code].guide for a in advice)
    assert advise(panel) == []


@pytest.mark.parametrize("typed", ["Thanks!!", "lol", "Loved it 😍", "haha, yes"])
def test_informal(panel: Answers, typed: str) -> None:
    drafts = edit_body(
        render_drafts(panel),
        "thank_you.1",
        lambda b: replaced(b, "Kind regards,", f"{typed}\n\nKind regards,"),
    )
    only_flagged(review(drafts, panel), "informal", "thank_you.1")


def test_check_greeting_for_a_name_that_may_put_the_family_name_first(panel: Answers) -> None:
    data = to_dict(panel)
    data["interview"]["interviewers"][1]["name"] = "Tanaka Hiroshi"
    data["interview"]["interviewers"][1]["honorific"] = "Mr"
    reviewed = reviewed_drafts(validate(data))
    finding = only_flagged(reviewed, "check_greeting", "thank_you.1")
    assert "Tanaka" in finding.message
    data["interview"]["interviewers"][1]["greet_as"] = "Mr Tanaka"
    assert not any("check_greeting" in codes(d) for d in reviewed_drafts(validate(data)))


def test_no_link(panel: Answers) -> None:
    data = to_dict(panel)
    data["interview"]["extra_info"].append({"topic": "Certificates", "detail": "", "link": ""})
    reviewed = reviewed_drafts(validate(data))
    finding = only_flagged(reviewed, "no_link", "follow_up.0")
    assert "Certificates" in finding.message


def test_tight_offer_deadline(panel: Answers) -> None:
    data = to_dict(panel)
    data["offer_deadline"] = "2026-12-05"
    reviewed = reviewed_drafts(validate(data))
    finding = only_flagged(reviewed, "tight_offer_deadline", "competing_offer.0")
    assert finding.message.startswith("2 days")
