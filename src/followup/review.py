"""Check any draft, made by the engine or edited by a person, against the guide's advice."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from itertools import pairwise

from . import kinds
from .model import Answers
from .render import Draft, Finding, render_drafts, with_text


@dataclass(frozen=True)
class Check:
    """One kind of finding: its code, how serious it is, and the guide section behind it."""

    code: str
    severity: str
    summary: str
    guide: str


CHECKS = {
    c.code: c
    for c in (
        Check(
            "placeholder",
            "error",
            "a placeholder such as [Name] or {{ name }} left unfilled",
            "mistakes/#placeholders",
        ),
        Check(
            "missing_subject",
            "error",
            "an email with no subject line",
            "subject-lines/#why-a-subject",
        ),
        Check(
            "name_missing",
            "error",
            "a thank-you that never names the person it thanks",
            "thank-you/#personalise",
        ),
        Check(
            "identical_notes",
            "error",
            "the same note sent to different interviewers",
            "situations/panel/#one-note-each",
        ),
        Check(
            "check_in_before_decision",
            "error",
            "a check-in dated before the decision date",
            "be-patient/#decision-date",
        ),
        Check(
            "too_many_check_ins",
            "warning",
            "more than two check-ins, or two within a week",
            "be-patient/#how-often",
        ),
        Check("pushy", "warning", "pushy or needy phrasing", "be-patient/#pushy-phrasing"),
        Check("too_long", "warning", "too long for its kind and channel", "thank-you/#length"),
        Check(
            "generic_greeting",
            "warning",
            "a generic greeting where a name is known",
            "mistakes/#generic-greetings",
        ),
        Check(
            "thanks_only",
            "info",
            "a thank-you that only says thanks",
            "thank-you/#more-than-thanks",
        ),
        Check("unsigned", "info", "a draft with no name to sign it", "thank-you/#personalise"),
        Check(
            "large_panel",
            "info",
            "more than seven interviewers to thank one by one",
            "situations/panel/#one-note-each",
        ),
    )
}

# Word limits: 4-8 sentences (UC handout), three short paragraphs (CareerBuilder, Haefner 2005);
# a LinkedIn message is read on a phone and stays shorter still.
WORD_LIMITS = {"email": 220, "letter": 260, "linkedin": 120}
LARGE_PANEL = 7

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
    r"|!{2,}|\?{2,}",
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


def _words(text: str) -> int:
    return len(text.split())


def _sentences(body: str) -> int:
    """Sentences of substance: greeting and sign-off lines (ending in a comma or none) left out."""
    lines = [line for line in body.split("\n") if line.strip().endswith((".", "!", "?"))]
    return len(re.findall(r"[^.!?]{12,}[.!?]", " ".join(lines)))


def _names(name: str) -> list[str]:
    return [part for part in name.split() if len(part) > 1]


def _per_draft(draft: Draft, answers: Answers) -> Iterable[Finding]:
    body = draft.body
    text = f"{draft.subject}\n{body}"
    if _PLACEHOLDER.search(text):
        found = _PLACEHOLDER.search(text)
        assert found is not None
        yield _finding(
            "placeholder",
            f"\u201c{found.group(0).strip()}\u201d looks like a "
            "placeholder: fill it in or take it out.",
        )
    if draft.channel == "email" and not draft.subject.strip():
        yield _finding("missing_subject", "Add a subject line so the email is opened and found.")
    limit = WORD_LIMITS.get(draft.channel, 220)
    if _words(body) > limit:
        yield _finding(
            "too_long",
            f"{_words(body)} words; keep a {draft.channel} note under "
            f"{limit} so it is read to the end.",
        )
    pushy = _PUSHY.search(text)
    if pushy:
        yield _finding(
            "pushy",
            f"\u201c{pushy.group(0)}\u201d can read as pressure; a calm, "
            "short question works better.",
        )
    greeting = _GENERIC.search(body)
    named = draft.to.name or any(i.name for i in answers.interview.interviewers)
    if greeting and named:
        yield _finding(
            "generic_greeting",
            f"\u201c{greeting.group(0)}\u201d is generic: greet the person by name.",
        )
    if kinds.get(draft.kind).per_interviewer and draft.to.name:
        names = _names(draft.to.name) or [draft.to.name]
        if not any(re.search(rf"(?<!\w){re.escape(n)}(?!\w)", body) for n in names):
            yield _finding(
                "name_missing",
                f"The note never names {draft.to.name}: use their name, spelled as they spell it.",
            )
    if kinds.get(draft.kind).per_interviewer and _sentences(body) < 2:
        yield _finding(
            "thanks_only",
            "Add one line on what you discussed or why you fit, so "
            "the note does more than say thanks.",
        )
    candidate = answers.candidate.name
    if not candidate:
        yield _finding("unsigned", "Add your name under \u201cYou\u201d so the draft is signed.")
    elif candidate not in body:
        yield _finding("unsigned", f"The draft does not end with your name ({candidate}).")
    decision = answers.interview.decision_date
    if kinds.get(draft.kind).asks_status and decision and draft.send_on and draft.send_on < decision:
        yield _finding(
            "check_in_before_decision",
            f"Planned for {draft.send_on.isoformat()}, "
            f"before the decision date "
            f"{decision.isoformat()}: wait until after it.",
        )


def _stripped_of_names(draft: Draft) -> str:
    """A thank-you body with its recipient's names taken out, to compare notes fairly."""
    body = draft.body
    for name in sorted([draft.to.name, *_names(draft.to.name)], key=len, reverse=True):
        if name:
            body = body.replace(name, "\u2022")
    return re.sub(r"\s+", " ", body).strip().casefold()


def _across_drafts(drafts: list[Draft]) -> dict[int, list[Finding]]:
    found: dict[int, list[Finding]] = {}
    notes = [(i, d) for i, d in enumerate(drafts) if kinds.get(d.kind).per_interviewer and d.to.name]
    seen: dict[str, Draft] = {}
    for i, draft in notes:
        key = _stripped_of_names(draft)
        if key in seen and seen[key].to.name != draft.to.name:
            found.setdefault(i, []).append(
                _finding(
                    "identical_notes",
                    f"This note is the same as the one to {seen[key].to.name}; "
                    "interviewers compare notes, so make each one personal.",
                )
            )
        seen.setdefault(key, draft)
    check_ins = sorted(
        ((i, d) for i, d in enumerate(drafts) if kinds.get(d.kind).asks_status),
        key=lambda pair: (pair[1].send_on is None, pair[1].send_on),
    )
    # Met more than about seven people: one letter to the coordinator naming them all (Stetson).
    if len(notes) > LARGE_PANEL:
        found.setdefault(notes[0][0], []).append(
            _finding(
                "large_panel",
                f"You met {len(notes)} people. Notes to each are fine, but one letter "
                "to the coordinator that names them all is also good practice.",
            )
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
    return found


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
) -> list[Draft]:
    """Render every draft, put a person's edits in place (keyed by draft id), and review them all."""
    drafts = render_drafts(answers, tone, channel)
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
