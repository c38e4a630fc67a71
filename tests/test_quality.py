"""Drafts a hiring manager would be glad to receive, checked on many people's answers.

Every answers file under tests/fixtures/ and src/followup/answers/ (the examples), in every tone and channel: the grammar
checker Harper finds nothing; greetings name a person; panel notes differ; lengths, subjects and
connection notes fit the guide; relative words are true on the day; informational meetings read as
conversations; and the review finds nothing to say about the writing.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from functools import cache
from pathlib import Path

import pytest

from followup import Answers, kinds, notes, parse
from followup.lexicon import ABBREVIATIONS
from followup.model import to_dict
from followup.people import TITLE_ONLY
from followup.render import CONNECTION_NOTE_CHARS, SUBJECT_WORDS, Draft, subject_words
from followup.review import THANK_YOU_CORE_DEFAULT, THANK_YOU_CORE_WORDS, reviewed_drafts
from followup.wording import phrase, topic

harper = pytest.importorskip("harper")

ROOT = Path(__file__).resolve().parent.parent
FILES = sorted(
    [*(ROOT / "tests" / "fixtures").glob("*.json"), *(ROOT / "src" / "followup" / "answers").glob("*.json")],
    key=lambda p: (p.parent.name, p.name),
)
TONES = ("formal", "warm", "brief")
CHANNELS = ("email", "letter", "linkedin")
# Files planned from a later "today", as a person who fills the worksheet in late would.
TODAY = {"late-filling": dt.date(2026, 12, 7)}
# Findings about what the answers lack or chose, which the review rightly makes on engine drafts;
# anything else (punctuation, length, sameness, greetings, pushiness...) would be about our writing.
ABOUT_THE_ANSWERS = {
    "not_personal",
    "linkedin_request",
    "slow_letter",
    "unsigned",
    "large_panel",
    "late",
    "after_offer_deadline",
    "tight_offer_deadline",
    "no_link",
    "check_greeting",
    "informal",
    "similar_notes",  # only where people have no detail of their own: see test_panel_notes_differ
}
# Panels where someone has neither a topic nor a job title: nothing can make their notes differ.
NO_DETAIL = {"panel-four-brief", "minimal"}


def ids(path: Path) -> str:
    return path.stem


@cache
def load(path: Path) -> Answers:
    return parse(path.read_bytes())


@cache
def drafts(path: Path, tone: str, channel: str) -> tuple[Draft, ...]:
    return tuple(reviewed_drafts(load(path), tone=tone, channel=channel, today=TODAY.get(path.stem)))


def every_draft(path: Path):
    for tone, channel in itertools.product(TONES, CHANNELS):
        for draft in drafts(path, tone, channel):
            yield tone, channel, draft


# --- grammar -----------------------------------------------------------------------------------


@cache
def _linter():
    return harper.Linter(dialect=harper.Dialect.BRITISH)


def _their_words(answers: Answers) -> list[str]:
    """What the person typed, and each word of the names in it."""
    typed: list[str] = []

    def walk(value: object) -> None:
        if isinstance(value, str) and len(value.strip()) > 1:
            typed.append(value.strip())
        elif isinstance(value, dict):
            for item in value.values():
                walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)

    walk(to_dict(answers))
    # and as the notes fit them into sentences (a closing mark or an emoji taken off)
    typed += [fitted for t in list(typed) for fitted in (phrase(t), topic(t)) if len(fitted) > 1]
    names = [answers.candidate.name, answers.company.name, answers.contact.name]
    names += [i.name for i in answers.interview.interviewers]
    typed += [w.strip(".,") for n in names for w in n.split() if len(w.strip(".,")) > 1]
    return typed


def _names_in(answers: Answers) -> list[str]:
    names = [answers.candidate.name, answers.company.name, answers.contact.name]
    names += [i.name for i in answers.interview.interviewers]
    return [w.strip(".,") for n in names for w in n.split() if len(w.strip(".,")) > 1]


def grammar_findings(text: str, answers: Answers) -> list[str]:
    """Harper's findings on our sentences.

    Left aside, each for a stated reason: spelling (names and the person's own terms); findings
    wholly inside the person's own words (theirs to judge: "TB", "cron jobs"); and "does not start
    with a capital letter" after an abbreviation ("Acme Inc. remains..." is one sentence).
    """
    spans = [
        (m.start(), m.end())
        for typed in _their_words(answers)
        for m in re.finditer(re.escape(typed), text)
    ]
    found = []
    for lint in _linter().lint(text):
        if lint.lint_kind == "Spelling":
            continue
        start, end = lint.span.start, lint.span.end
        if any(a <= start and end <= b for a, b in spans):
            continue
        if any(word in lint.problem_text for word in _names_in(answers)):
            continue  # a suggestion about a name ("Hi Ng"): names are theirs
        before = text[:start].split()
        if "capital letter" in lint.message and before and before[-1].casefold() in ABBREVIATIONS:
            continue
        found.append(f"{lint.message} [{lint.problem_text}]")
    return found


def test_the_grammar_check_finds_real_mistakes() -> None:
    """The checker is on: the mistakes the guide warns of are caught."""
    answers = load(FILES[0])
    assert grammar_findings("I have a email for you.", answers)
    assert grammar_findings("I is glad to answer, and and I hope to hear.", answers)


@pytest.mark.parametrize("path", FILES, ids=ids)
def test_every_draft_passes_the_grammar_checker(path: Path) -> None:
    answers = load(path)
    for tone, channel, draft in every_draft(path):
        text = f"{draft.subject}\n\n{draft.body}" if draft.subject else draft.body
        assert grammar_findings(text, answers) == [], (tone, channel, draft.id, draft.body)


# --- people and greetings ------------------------------------------------------------------------


@pytest.mark.parametrize("path", FILES, ids=ids)
def test_no_greeting_is_only_a_title_or_particle(path: Path) -> None:
    for tone, channel, draft in every_draft(path):
        assert not TITLE_ONLY.search(draft.body), (tone, channel, draft.id)
        assert draft.greeting in draft.body


# --- panel notes ---------------------------------------------------------------------------------


@pytest.mark.parametrize("path", FILES, ids=ids)
def test_panel_notes_share_at_most_a_third_of_their_sentences(path: Path) -> None:
    if path.stem in NO_DETAIL:
        pytest.skip("someone on this panel has no topic or title of their own")
    for tone, channel in itertools.product(TONES, CHANNELS):
        each = [d for d in drafts(path, tone, channel) if kinds.get(d.kind).to == "each"]
        for a, b in itertools.combinations(each, 2):
            shared, total = notes.overlap(a, b)
            assert shared * 3 <= total, (tone, channel, a.to.name, b.to.name)


def test_the_overlap_measure_sees_near_copies() -> None:
    """Two notes that differ by a phrase share nearly all their sentences."""
    path = ROOT / "src" / "followup" / "answers" / "panel.json"
    first, second = drafts(path, "formal", "email")[:2]
    copied = Draft(**{**vars(second), "body": first.body.replace("Hopper", "Turing")})
    shared, total = notes.overlap(first, copied)
    assert shared == total > 2


# --- lengths -------------------------------------------------------------------------------------


@pytest.mark.parametrize("path", FILES, ids=ids)
def test_lengths_fit_the_guide(path: Path) -> None:
    for tone, channel, draft in every_draft(path):
        where = (tone, channel, draft.id)
        if draft.subject:
            assert subject_words(draft.subject) <= SUBJECT_WORDS, (where, draft.subject)
        if kinds.get(draft.kind).to != "each":
            continue
        if draft.channel == "linkedin":
            assert len(draft.body) <= CONNECTION_NOTE_CHARS, (where, len(draft.body))
        else:
            limit = THANK_YOU_CORE_WORDS.get(tone, THANK_YOU_CORE_DEFAULT)
            assert notes.words(notes.core(draft.body)) <= limit, where
            sentences = len(notes.sentences(notes.core(draft.body)))
            assert 3 <= sentences <= 5 or tone == "brief", (where, sentences)


# --- words true on the day ------------------------------------------------------------------------


@pytest.mark.parametrize("path", FILES, ids=ids)
def test_relative_words_are_true_on_the_send_date(path: Path) -> None:
    held = load(path).interview.date
    for tone, channel, draft in every_draft(path):
        text = draft.body
        days = (draft.send_on - held).days if draft.send_on else None
        if re.search(r"\bthis (morning|afternoon|evening)\b|\btoday\b", text):
            assert days == 0, (tone, channel, draft.id)
        if re.search(r"\byesterday\b", text):
            assert days == 1, (tone, channel, draft.id)


@pytest.mark.parametrize("path", FILES, ids=ids)
def test_nothing_is_dated_before_today(path: Path) -> None:
    today = TODAY.get(path.stem, load(path).interview.date)
    for _, _, draft in every_draft(path):
        assert draft.send_on is None or draft.send_on >= today


# --- stage and channel -----------------------------------------------------------------------------


INFORMATIONAL = [p for p in FILES if load(p).interview.stage == "informational"]


@pytest.mark.parametrize("path", INFORMATIONAL, ids=ids)
def test_informational_meetings_read_as_conversations(path: Path) -> None:
    assert len(INFORMATIONAL) >= 3
    for tone, channel, draft in every_draft(path):
        text = f"{draft.subject} {draft.body}".casefold()
        for word in ("interview", "position", "candidacy", "application"):
            assert word not in text, (tone, channel, draft.id, word)


@pytest.mark.parametrize("path", FILES, ids=ids)
def test_urgent_notes_go_by_email(path: Path) -> None:
    for _, _, draft in every_draft(path):
        if kinds.get(draft.kind).channels == ("email",):
            assert draft.channel == "email" and draft.subject


# --- the review has nothing to say about the writing ------------------------------------------------


@pytest.mark.parametrize("path", FILES, ids=ids)
def test_the_review_finds_nothing_wrong_with_the_writing(path: Path) -> None:
    for tone, channel, draft in every_draft(path):
        codes = {f.code for f in draft.findings}
        assert codes <= ABOUT_THE_ANSWERS, (tone, channel, draft.id, draft.findings)
        if "similar_notes" in codes:
            assert path.stem in NO_DETAIL, (tone, channel, draft.id)


def test_there_are_twenty_varied_answers_files() -> None:
    ours = [p for p in FILES if p.parent.name == "fixtures"]
    assert len(ours) >= 20
    stages = {load(p).interview.stage for p in FILES}
    assert stages >= {"screening", "first_round", "panel", "final", "informational"}
    assert {load(p).preferences.channel for p in FILES} == set(CHANNELS)
    assert {load(p).preferences.tone for p in FILES} == set(TONES)
    assert any(len(load(p).interview.interviewers) >= 8 for p in FILES)
    assert any(load(p).contact.name for p in FILES)
    assert any(load(p).offer_deadline for p in FILES)
