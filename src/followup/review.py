"""Check any draft, made by the engine or edited by a person, against the guide's advice."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from itertools import combinations, pairwise

from . import kinds, notes, schedule, wording
from .checks import CHECKS, Check
from .model import Answers, Contact, Interviewer
from .people import TITLE_ONLY, may_be_family_first
from .render import (
    CONNECTION_NOTE_CHARS,
    SUBJECT_WORDS,
    Draft,
    Finding,
    format_date,
    render_drafts,
    subject_words,
    with_text,
)
from .schedule import add_business_days

__all__ = ["CHECKS", "Advice", "Check", "advise", "review", "reviewed_drafts"]


# Word limits for the whole draft: 4-8 sentences (UC handout), three short paragraphs
# (CareerBuilder, Haefner 2005); a LinkedIn message is read on a phone and stays shorter still.
WORD_LIMITS = {"email": 220, "letter": 260, "linkedin": 120}
# A thank-you's core (without greeting and sign-off): three to five sentences (WashU Law: three
# can be enough; Iowa State: five or six), so about 130 words, and 80 in the brief tone.
THANK_YOU_CORE_WORDS = {"brief": 80}
THANK_YOU_CORE_DEFAULT = 130
LARGE_PANEL = 7
# Up to two weeks late, a thank-you still reads as one; later, a short status note fits better.
LATE_BUT_WORTH_IT_DAYS = 14
# Letters take days: email when the decision is less than a week away (Lawrence; UC handout).
LETTER_DAYS = 7

_PLACEHOLDER = re.compile(
    r"\[[^\]\n]{1,40}\]|\{\{|\}\}|\{%|%\}|<[A-Za-z' ]{2,30}>|\bNone\b(?! of)|\bTODO\b|\bXXX\b"
    r"|^(Dear|Hi|Hello)\s*,",
    re.MULTILINE,
)
# Needy or pushy phrasing that turns a reminder into pressure (Ask a Manager; Accountemps).
_PUSHY = re.compile(
    r"\b(asap|as soon as possible|urgent(ly)?|immediately|right away"
    r"|i need (to hear|an answer|a decision|this job)|i must hear|desperate(ly)?"
    r"|why (haven't|have you not|hasn't)|you (haven't|have not|never) (replied|responded|got back)"
    r"|still waiting|i('ve| have) been waiting|waiting for weeks|please respond"
    r"|respond by|reply by|expect (a|your) (reply|response|answer)"
    r"|any update\?{2,}|final notice|last chance|just checking in again)\b"
    r"|\?{2,}",
    re.IGNORECASE,
)
# Casual marks that read oddly to an employer: emoji, "lol", a row of exclamation marks.
_INFORMAL = re.compile(
    r"[\U0001F300-\U0001FAFF\u2600-\u27BF]|\b(lol|lmao|omg|haha+|tbh|btw)\b|!{2,}",
    re.IGNORECASE,
)
_GENERIC = re.compile(
    r"^(dear (sir|madam|sir or madam|hiring (team|manager)|recruiter|team)|to whom it may concern"
    r"|hello( there)?|hi( there| all| team)?|hello [^,\n]* team|hi [^,\n]* team)\s*,",
    re.IGNORECASE | re.MULTILINE,
)


def _finding(code: str, message: str) -> Finding:
    check = CHECKS[code]
    return Finding(code, check.severity, message, check.guide)


def _sentences_of_substance(body: str) -> int:
    return len([s for s in notes.sentences(notes.core(body)) if len(s) >= 12])


def _per_draft(draft: Draft, answers: Answers) -> Iterable[Finding]:
    body = draft.body
    text = f"{draft.subject}\n{body}"
    kind = kinds.get(draft.kind)
    found = _PLACEHOLDER.search(text)
    if found:
        yield _finding(
            "placeholder",
            f"\u201c{found.group(0).strip()}\u201d looks like a "
            "placeholder: fill it in or take it out.",
        )
    greeting = TITLE_ONLY.search(body)
    if greeting:
        yield _finding(
            "title_only_greeting",
            f"\u201c{greeting.group(0)}\u201d names no one: greet them by name, as in "
            "\u201cDear Ms Okafor\u201d or \u201cHi Grace\u201d.",
        )
    slip = notes.punctuation_slip(text)
    if slip:
        yield _finding(
            "punctuation", f"\u201c{slip}\u201d: check the punctuation where the text joins."
        )
    if draft.channel == "email" and not draft.subject.strip():
        yield _finding("missing_subject", "Add a subject line so the email is opened and found.")
    if draft.subject and subject_words(draft.subject) > SUBJECT_WORDS:
        yield _finding(
            "long_subject",
            f"The subject has {subject_words(draft.subject)} words; eight or fewer "
            "fit on a phone's screen.",
        )
    yield from _length(draft, kind)
    pushy = _PUSHY.search(text)
    if pushy:
        yield _finding(
            "pushy",
            f"\u201c{pushy.group(0)}\u201d can read as pressure; a calm, "
            "short question works better.",
        )
    generic = _GENERIC.search(body)
    named = draft.to.name or any(i.name for i in answers.interview.interviewers)
    if generic and named:
        yield _finding(
            "generic_greeting",
            f"\u201c{generic.group(0)}\u201d is generic: greet the person by name.",
        )
    if kind.to == "each":
        yield from _thank_you(draft, answers)
    candidate = answers.candidate.name
    if not candidate:
        yield _finding("unsigned", "Add your name under \u201cYou\u201d so the draft is signed.")
    elif candidate not in body:
        yield _finding("unsigned", f"The draft does not end with your name ({candidate}).")
    decision = answers.interview.decision_date
    if kind.asks_status and decision and draft.send_on and draft.send_on < decision:
        yield _finding(
            "check_in_before_decision",
            f"Planned for {draft.send_on.isoformat()}, "
            f"before the decision date "
            f"{decision.isoformat()}: wait until after it.",
        )
    deadline = answers.offer_deadline
    if kind.still_waiting and deadline and draft.send_on and draft.send_on >= deadline:
        yield _finding(
            "after_offer_deadline",
            f"Planned on or after the other offer's deadline ({format_date(deadline)}): by "
            "then you will have answered it. Keep this only if you are still waiting to hear.",
        )
    if draft.kind == "competing_offer" and deadline and draft.send_on:
        days = (deadline - draft.send_on).days
        if days < schedule.OFFER_NOTICE_DAYS:
            yield _finding(
                "tight_offer_deadline",
                f"{days} day{'s' if days != 1 else ''} before you must answer the other offer: "
                "ask that employer for a few more days, and tell this one today.",
            )
    slang = _INFORMAL.search(body)
    if slang:
        yield _finding(
            "informal",
            f"\u201c{slang.group(0).strip()}\u201d reads as casual in a note to an employer.",
        )
    for item in answers.interview.extra_info if kind.sends_material else ():
        if not item.link:
            yield _finding(
                "no_link",
                f"\u201c{item.topic}\u201d has no link: if it is a document, attach it to the "
                "email or add a link.",
            )
    if (
        draft.channel == "linkedin"
        and kind.to != "each"
        and answers.interview.stage != "informational"
    ):
        yield _finding(
            "linkedin_request",
            "Send this on LinkedIn only if you are connected or they wrote to you there; "
            "otherwise email it.",
        )


def _length(draft: Draft, kind: kinds.Kind) -> Iterable[Finding]:
    body = draft.body
    if kind.to == "each" and draft.channel == "linkedin":
        if len(body) > CONNECTION_NOTE_CHARS:
            yield _finding(
                "too_long",
                f"{len(body)} characters; a LinkedIn connection note takes "
                f"{CONNECTION_NOTE_CHARS}. Keep one line here and send the rest once connected.",
            )
        return
    if kind.to == "each":
        limit = THANK_YOU_CORE_WORDS.get(draft.tone, THANK_YOU_CORE_DEFAULT)
        count = notes.words(notes.core(body))
        if count > limit:
            yield _finding(
                "too_long",
                f"{count} words between the greeting and the sign-off; a thank-you of "
                f"about {limit} words or fewer is read to the end.",
            )
        return
    limit = WORD_LIMITS.get(draft.channel, 220)
    if notes.words(body) > limit:
        channel = {"email": "an email", "letter": "a letter", "linkedin": "a LinkedIn"}
        yield _finding(
            "too_long",
            f"{notes.words(body)} words; keep {channel.get(draft.channel, 'a')} note under "
            f"{limit} so it is read to the end.",
        )


def _thank_you(draft: Draft, answers: Answers) -> Iterable[Finding]:
    body = draft.body
    if draft.to.name:
        names = notes.name_parts(draft.to.name, draft.greeting) or [draft.to.name]
        if not any(re.search(rf"(?<!\w){re.escape(n)}(?!\w)", body) for n in names):
            yield _finding(
                "name_missing",
                f"The note never names {draft.to.name}: use their name, spelled as they spell it.",
            )
    if _sentences_of_substance(body) < 2:
        yield _finding(
            "thanks_only",
            "Add one line on what you discussed or why you fit, so "
            "the note does more than say thanks.",
        )
    person = _person(draft, answers)
    if isinstance(person, Interviewer) and not person.discussed:
        yield _finding(
            "not_personal",
            f"Add what you talked about with {person.name} (under Interviewers) so this note "
            "is theirs alone.",
        )
    if draft.late and draft.send_on:
        days = (draft.send_on - answers.interview.date).days
        advice = (
            "Send it today all the same: a short note is still welcome. Thank them again, "
            "without a long apology."
            if days <= LATE_BUT_WORTH_IT_DAYS
            else "A thank-you this late reads oddly on its own: keep it to a line or two, or "
            "send only a short note asking where things stand."
        )
        yield _finding(
            "late", f"The interview was {days} day{'s' if days != 1 else ''} ago. {advice}"
        )
    decision = answers.interview.decision_date
    if draft.channel == "letter" and draft.send_on and answers.interview.stage != "informational":
        if decision and (decision - draft.send_on).days >= LETTER_DAYS:
            return
        when = f"they decide by {format_date(decision)}" if decision else "no decision date"
        yield _finding(
            "slow_letter",
            f"A letter takes days to arrive and {when}: send this by email, and a letter "
            "only when the decision is a week or more away.",
        )
        return
    if draft.channel == "linkedin" and answers.interview.stage != "informational":
        yield _finding(
            "linkedin_request",
            "Send this as a connection note only if they invited you to connect; otherwise "
            "email it now and connect when the process is over."
            + (
                " Requests to the whole panel at once read as a mass mailing."
                if len([i for i in answers.interview.interviewers if i.name]) > 1
                else ""
            ),
        )
    person = _person(draft, answers)
    if person is not None and may_be_family_first(person):
        first = person.name.split()[0]
        yield _finding(
            "check_greeting",
            f"Some names put the family name first. If {first} is {person.name}'s family name, "
            f"set Greet as (for example \u201c{first}\u201d with the right honorific, or the "
            "name they go by).",
        )


def _person(draft: Draft, answers: Answers) -> Contact | None:
    """The person in the answers a draft is written to, if any."""
    if draft.person == "contact":
        return answers.contact
    for i, person in enumerate(answers.interview.interviewers):
        if draft.person == f"interview.interviewers.{i}":
            return person
    return None


def _across_drafts(drafts: list[Draft]) -> dict[int, list[Finding]]:
    found: dict[int, list[Finding]] = {}
    each = [(i, d) for i, d in enumerate(drafts) if kinds.get(d.kind).to == "each" and d.to.name]
    for (_, a), (j, b) in combinations(each, 2):
        if a.to.name == b.to.name:
            continue
        if notes.comparable(a) == notes.comparable(b):
            found.setdefault(j, []).append(
                _finding(
                    "identical_notes",
                    f"This note is the same as the one to {a.to.name}; "
                    "interviewers compare notes, so make each one personal.",
                )
            )
            continue
        shared, total = notes.overlap(a, b)
        if total and shared * 3 > total:
            found.setdefault(j, []).append(
                _finding(
                    "similar_notes",
                    f"{shared} of {total} sentences are the same as in the note to {a.to.name}; "
                    "interviewers compare notes, so change the wording and add "
                    "something from your talk with each.",
                )
            )
    # Met more than about seven people: one letter to the coordinator naming them all (Stetson).
    if len(each) > LARGE_PANEL:
        found.setdefault(each[0][0], []).append(
            _finding(
                "large_panel",
                f"You met {len(each)} people. Notes to each are fine, but one letter "
                "to the coordinator that names them all is also good practice.",
            )
        )
    _check_ins(drafts, found)
    _crowding(drafts, found)
    return found


def _check_ins(drafts: list[Draft], found: dict[int, list[Finding]]) -> None:
    check_ins = sorted(
        ((i, d) for i, d in enumerate(drafts) if kinds.get(d.kind).asks_status),
        key=lambda pair: (pair[1].send_on is None, pair[1].send_on),
    )
    if len(check_ins) > 2:
        for i, _ in check_ins[2:]:
            found.setdefault(i, []).append(
                _finding(
                    "too_many_check_ins",
                    f"{len(check_ins)} check-ins planned; two is the most "
                    "that helps. After the second, move on.",
                )
            )
    for (_, a), (j, b) in pairwise(check_ins):
        if a.send_on and b.send_on and (b.send_on - a.send_on).days < 7:
            found.setdefault(j, []).append(
                _finding(
                    "too_many_check_ins",
                    "Less than a week after the previous check-in; write no more than once a week.",
                )
            )


def _crowding(drafts: list[Draft], found: dict[int, list[Finding]]) -> None:
    """Three messages to one person within two days crowd their inbox (the guide merges them)."""
    by_person: dict[str, list[tuple[int, dt.date]]] = {}
    for i, d in enumerate(drafts):
        if d.send_on and d.to.name:
            by_person.setdefault(d.to.name, []).append((i, d.send_on))
    for name, dated in by_person.items():
        dated.sort(key=lambda pair: pair[1])
        for start in range(len(dated) - 2):
            (_, first), (j, third) = dated[start], dated[start + 2]
            if third <= add_business_days(first, 1):
                found.setdefault(j, []).append(
                    _finding(
                        "too_many_messages",
                        f"The third message to {name} in two days: merge the short ones, "
                        "or send this one later.",
                    )
                )
                break


@dataclass(frozen=True)
class Advice:
    """A remark on the answers rather than on a draft: what to add for a better plan."""

    path: str
    code: str
    message: str
    guide: str


def advise(answers: Answers) -> list[Advice]:
    """What the answers lack for a draft the guide would want (shown beside the fields)."""

    def advice(path: str, code: str, message: str) -> Advice:
        return Advice(path, code, message, CHECKS[code].guide)

    out = [
        advice(
            f"interview.concerns.{i}.answer",
            "unanswered_concern",
            f"Add your fuller answer to \u201c{wording.phrase(c.question)}\u201d and the plan "
            "gets a message that answers it.",
        )
        for i, c in enumerate(answers.interview.concerns)
        if not c.answer
    ]
    names = {p.name.strip().casefold() for p in answers.interview.interviewers if p.name.strip()}
    out += [
        advice(
            f"interview.concerns.{i}.asked_by",
            "unknown_asker",
            f"“{c.asked_by.strip()}” is not one of the interviewers named above; write "
            "the name as you wrote it there, or the reply goes to the person you follow up with.",
        )
        for i, c in enumerate(answers.interview.concerns)
        if c.asked_by.strip() and c.asked_by.strip().casefold() not in names
    ]
    if not kinds.get("stay_in_touch").wanted(answers):
        out.append(
            advice(
                "company.news",
                "nothing_to_say",
                "Add recent company news, or news of your own, and the plan gets a note to "
                "stay in touch a few weeks after the last check-in.",
            )
        )
    return out


def _rank(finding: Finding) -> int:
    return ("error", "warning", "info").index(finding.severity)


def review(drafts: list[Draft], answers: Answers) -> list[Draft]:
    """The same drafts, each with its findings, most serious first."""
    across = _across_drafts(drafts)
    return [
        replace(d, findings=tuple(sorted([*_per_draft(d, answers), *across.get(i, [])], key=_rank)))
        for i, d in enumerate(drafts)
    ]


def reviewed_drafts(
    answers: Answers,
    edits: Mapping[str, Mapping[str, str]] | None = None,
    tone: str | None = None,
    channel: str | None = None,
    today: dt.date | None = None,
) -> list[Draft]:
    """Render every draft, put a person's edits in place (keyed by draft id), and review them all."""
    drafts = render_drafts(answers, tone, channel, today)
    edits = edits or {}
    drafts = [
        with_text(
            d, str(edits[d.id].get("subject", d.subject)), str(edits[d.id].get("body", d.body))
        )
        if d.id in edits
        else d
        for d in drafts
    ]
    return review(drafts, answers)
