"""Turn validated answers into follow-up drafts with Jinja2 templates (plain text, user text as data)."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import jinja2

from . import kinds, lexicon, schedule, wording
from .model import Answers, Contact, Interviewer
from .people import Greeting, greeting, tidied

# Kinds written once per named entry of an answers list, by the list's path: the n-th named
# interviewer's thank-you is ``<kind>.n``. Every other kind is one draft (to the first).
PER_ITEM = {"interview.interviewers": tuple(k.name for k in kinds.REGISTRY if k.to == "each")}

# Spelled out here, not by strftime, so CPython and Pyodide agree whatever the locale.
MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")

# The guide's limits (thank-you/#length, subject-lines/#length, situations/linkedin): a subject of
# eight words at most; a LinkedIn connection note of 200 characters (free accounts).
SUBJECT_WORDS = 8
CONNECTION_NOTE_CHARS = 200


# Which wording each interviewer's thank-you uses for its opening, detail, fit and closing
# sentences (of 4, 4, 3 and 5 wordings). Any two rows agree in at most one place, so two notes of
# one panel share at most one sentence of four (the guide: never identical notes; tested in
# test_render). Up to twelve interviewers; the thirteenth would start again.
SLOTS = ("opening", "detail", "fit", "closing")
WORDINGS = (
    (0, 0, 0, 0), (2, 3, 1, 3), (3, 1, 2, 4), (0, 2, 2, 2), (1, 0, 1, 2), (3, 3, 0, 1),
    (1, 1, 0, 3), (2, 0, 2, 1), (3, 2, 1, 0), (2, 2, 0, 4), (0, 1, 1, 1), (1, 3, 2, 0),
)  # fmt: skip


@dataclass(frozen=True)
class Recipient:
    name: str
    email: str = ""


@dataclass(frozen=True)
class Finding:
    """One review remark on a draft, with the guide section that explains it."""

    code: str
    severity: str  # "error" | "warning" | "info"
    message: str
    guide: str


@dataclass(frozen=True)
class Draft:
    """One message ready to copy, with when to send it and what the review found."""

    kind: str
    to: Recipient
    subject: str
    body: str
    send_on: dt.date | None
    findings: tuple[Finding, ...] = ()
    # Which draft of its kind this is (the n-th interviewer's thank-you), and how it was written.
    index: int = 0
    channel: str = "email"
    tone: str = "formal"
    # Who the note is to, in the answers ("interview.interviewers.1", "contact", "" for a team),
    # how it greets them, and whether the thank-you goes later than the rules wanted.
    person: str = ""
    greeting: str = ""
    late: bool = False
    meta: dict[str, Any] = field(default_factory=dict, compare=False)

    @property
    def id(self) -> str:
        """Stable within one set of answers: kind and position, e.g. ``<kind>.0``."""
        return f"{self.kind}.{self.index}"

    def to_dict(self) -> dict[str, Any]:
        """The drafts contract of DESIGN.md."""
        return {
            "kind": self.kind,
            "to": {"name": self.to.name, "email": self.to.email},
            "subject": self.subject,
            "body": self.body,
            "send_on": self.send_on.isoformat() if self.send_on else None,
            "findings": [vars(f).copy() for f in self.findings],
        }


def format_date(day: dt.date, weekday: bool = False, within: dt.date | None = None) -> str:
    """``3 December 2026`` (or ``Thursday 3 December 2026``): unambiguous in every country.

    ``within``: the date a note is sent; a date of that year needs no year (``3 December``).
    """
    text = f"{day.day} {MONTHS[day.month - 1]}"
    if within is None or within.year != day.year:
        text += f" {day.year}"
    return f"{WEEKDAYS[day.weekday()]} {text}" if weekday else text


def relative(held: dt.date, start: dt.time | None, sent: dt.date | None, channel: str) -> str:
    """How a draft sent on ``sent`` refers to an interview held on ``held``: true on that day."""
    if sent is None or channel == "letter":  # a letter arrives days later: name the day
        return f"on {WEEKDAYS[held.weekday()]} {held.day} {MONTHS[held.month - 1]}"
    days = (sent - held).days
    if days <= 0:
        if start is None:
            return "today"
        if start < schedule.NOON:
            return "this morning"
        return "this afternoon" if start < schedule.EVENING else "this evening"
    if days == 1:
        return "yesterday"
    monday = sent - dt.timedelta(days=sent.weekday())
    if days < 7:
        # "on Thursday" could be the coming one when that was in an earlier week
        return f"{'last' if held < monday else 'on'} {WEEKDAYS[held.weekday()]}"
    if monday - dt.timedelta(days=7) <= held < monday:
        return "last week"
    return f"on {held.day} {MONTHS[held.month - 1]}"


def _possessive_when(when: str) -> str:
    """``today's``, ``yesterday's``; "our" where the day is named."""
    if when.startswith(("on ", "last ")) and when != "last week":
        return "our"
    return f"{when}'s"


def _environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(Path(__file__).parent / "templates"),
        autoescape=False,  # plain text out; nothing here is HTML
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=False,
    )
    env.filters["end"] = wording.end
    env.filters["phrase"] = wording.phrase
    env.filters["sentence"] = wording.sentence
    env.filters["join_and"] = wording.join_and
    env.filters["possessive"] = wording.possessive
    env.filters["you"] = wording.second_person
    env.filters["as_reply"] = wording.reply
    env.filters["as_sentence"] = wording.as_sentence
    env.filters["news"] = wording.news_clause
    env.filters["ask"] = wording.ask
    env.filters["next_step"] = wording.next_step
    env.filters["capitalize_first"] = wording.capitalize_first
    env.tests["sentence"] = wording.is_sentence
    env.tests["question"] = wording.is_question
    return env


_ENV = _environment()


def named(answers: Answers) -> list[tuple[str, Interviewer]]:
    """The interviewers with a name and their paths, in order: each gets a note of their own."""
    return [
        (f"interview.interviewers.{i}", person)
        for i, person in enumerate(answers.interview.interviewers)
        if person.name and greeting(person)
    ]


def lead(answers: Answers) -> tuple[str, Contact]:
    """The interviewer to follow up with: the one chosen for check-ins, else the first."""
    people = answers.interview.interviewers
    for index, person in enumerate(people):
        if person.main_contact and person.name:
            return f"interview.interviewers.{index}", person
    first = named(answers)
    return first[0] if first else ("", Contact())


def asker(answers: Answers) -> tuple[str, Contact] | None:
    """The interviewer who asked every answered question, when the answers name one."""
    asked = {c.asked_by.strip().casefold() for c in kinds.answered(answers)}
    if len(asked) != 1 or "" in asked:
        return None
    return next((p for p in named(answers) if p[1].name.strip().casefold() in asked), None)


def recipient(answers: Answers, kind: kinds.Kind, index: int) -> tuple[str, Contact]:
    """Who a draft of ``kind`` goes to, and where they are in the answers."""
    if kind.to == "asker":
        return asker(answers) or lead(answers)
    if kind.to == "each":
        people = named(answers)
        return people[index] if people else ("", Contact())
    if kind.to == "contact" and answers.contact.name and greeting(answers.contact):
        for where, person in named(answers):  # the main contact also sat on the panel
            if person.name.casefold() == answers.contact.name.casefold():
                return where, person
        return "contact", answers.contact
    return lead(answers)


def greeting_line(tone: str, names: Greeting | None, company: str, conversation: bool) -> str:
    """``Dear Ms Okafor,``, ``Hi Grace,``; to a team when no one is named."""
    if names is None:
        if tone == "formal":
            return "Dear hiring team," if not conversation else "Hello,"
        org = organisation(company)
        team = org if org.casefold().startswith("the ") else f"the {org}"
        return f"Hello to {team} team,"
    return f"Dear {names.formal}," if tone == "formal" else f"Hi {names.warm},"


_ROLE_WORDS = ("role", "position", "job", "post", "vacancy", "opening", "internship")


# A job advert's labels that are no part of the role's name: "(m/w/d)", "(all genders)".
_ADVERT_LABELS = re.compile(r"\s*\((?:[mwfdx]\s*/\s*)+[mwfdx]\)|\s*\(all genders\)", re.IGNORECASE)


def role_name(role: str) -> str:
    """The role as a note names it: ``Entwicklungsingenieur Software (m/w/d)`` without the label."""
    return wording.phrase(_ADVERT_LABELS.sub("", role))


def the_role(role: str) -> str:
    """``the Data Engineer role``, but ``the Data Engineer position`` as it was written."""
    role = role_name(role)
    last = role.split()[-1].casefold() if role.split() else ""
    return f"the {role}" if last in _ROLE_WORDS else f"the {role} role"


def _subject(lines: str) -> str:
    """The first of the template's subject lines that fits in eight words (else the shortest)."""
    options = [line.strip() for line in lines.split("\n") if line.strip()]
    if not options:
        return ""
    fitting = [o for o in options if subject_words(o) <= SUBJECT_WORDS]
    return fitting[0] if fitting else min(options, key=subject_words)


def subject_words(subject: str) -> int:
    """Words in a subject line; a dash between its parts is not a word."""
    return len([w for w in subject.split() if w not in ("–", "—", "-", "|")])


def _called(person: Contact, tone: str) -> str:
    """How a note mentions someone it is not addressed to, as it would greet them: "Dr Qureshi"
    in a formal note, "Imran" in a warm one."""
    names = greeting(person)
    if names is None:
        return person.name
    return names.formal if tone == "formal" else names.warm


# A note names at most this many other people; a bigger panel is "and the rest of the panel".
NAMED_AT_MOST = 4


def _mentioned(people: list[str]) -> list[str]:
    if len(people) <= NAMED_AT_MOST:
        return people
    return [*people[: NAMED_AT_MOST - 1], "the rest of the panel"]


def _highlight(answers: Answers, index: int) -> str:
    """The highlight the ``index``-th interviewer's note leads with.

    Each note leads with a different one where there are several, none is in more than two
    notes (a panel comparing notes would see the same claim pasted in again and again), and two
    notes with the same highlight never open with the same wording either: the highlight would
    make their other sentences alike. Later interviewers may get none.
    """
    highlights = answers.interview.highlights
    given: list[int | None] = []
    for person in range(index + 1):
        used = [i for i in given if i is not None]
        opening = WORDINGS[person % len(WORDINGS)][0]
        choices = [
            h
            for h in sorted(
                range(len(highlights)),
                key=lambda h: (used.count(h), (h - person) % len(highlights)),
            )
            if used.count(h) < 2
            and all(
                WORDINGS[other % len(WORDINGS)][0] != opening
                for other, g in enumerate(given)
                if g == h
            )
        ]
        given.append(choices[0] if choices else None)
    chosen = given[index]
    return highlights[chosen] if chosen is not None else ""


def _candidate(answers: Answers) -> dict[str, str]:
    """The candidate's details for the sign-off, a name typed in one case tidied ("liam
    o'connor" signs as "Liam O'Connor", in the signature too)."""
    out = dict(vars(answers.candidate))
    name = out["name"].strip()
    out["name"] = tidied(name)
    if name and out["signature"].startswith(name):
        out["signature"] = out["name"] + out["signature"][len(name) :]
    return out


def organisation(company: str) -> str:
    """The company as a sentence names it: ``the Department for Work and Pensions``, ``Figma``
    for "Figma, Inc." (the letter's heading keeps the name as written)."""
    name = lexicon.LEGAL_FORM.sub("", company.strip()) or company.strip()
    name = wording.phrase(name)
    return f"the {name}" if lexicon.THE_NAMES.match(name) else name


def short_role(role: str) -> str:
    """The role without a closing "role" or "position", for subjects ("Data Engineer role")."""
    # "Area Manager \u2013 North West" -> "Area Manager, North West": a subject has one dash.
    words = re.sub(r"\s+[-–—]\s+", ", ", role_name(role)).split()
    if len(words) > 1 and words[-1].casefold() in _ROLE_WORDS:
        words = words[:-1]
    return " ".join(words)


def render_draft(
    answers: Answers,
    kind: str,
    index: int = 0,
    tone: str | None = None,
    channel: str | None = None,
    plan: schedule.Timeline | None = None,
) -> Draft:
    """Render one draft; ``index`` picks the interviewer for notes sent to each of them."""
    spec = kinds.get(kind)
    if not spec.wanted(answers):
        raise ValueError(f"these answers call for no {kind} draft")
    plan = plan or schedule.timeline(answers)
    tone = tone or answers.preferences.tone
    channel = spec.channel(channel or answers.preferences.channel)
    path, person = recipient(answers, spec, index)
    names = greeting(person)
    iv = answers.interview
    sent = kinds.send_on(kind, answers, plan)
    when = relative(iv.date, iv.time, sent, channel)
    conversation = iv.stage == "informational"
    context: dict[str, Any] = {
        "kind": kind,
        "tone": tone,
        "channel": channel,
        # Brief notes, LinkedIn messages, and the thank-you after a screening call (a few
        # lines the same day: Princeton, WashU Law) take the short form.
        "short": tone == "brief"
        or channel == "linkedin"
        or (iv.stage == "screening" and spec.to == "each"),
        "pick": dict(zip(SLOTS, WORDINGS[index % len(WORDINGS)], strict=True)),
        "greeting": greeting_line(tone, names, answers.company.name, conversation),
        "to": {
            "name": person.name,
            "full": names.full if names else "",
            "title": person.title,
            "discussed": getattr(person, "discussed", ""),
            "topic": wording.topic(getattr(person, "discussed", "")),
            # The job-title sentence only where no one else on the panel has the same title.
            "title_unique": bool(person.title)
            and sum(p.title.casefold() == person.title.casefold() for _, p in named(answers)) <= 1,
            "team": names is None,
            # An interviewer was there; a main contact may only have arranged it.
            "was_there": path.startswith("interview."),
            "highlight": (h := _highlight(answers, index if spec.to == "each" else 0)),
            **wording.highlight(h),
            # Pay, a move, leave: thanked for explaining, not called fascinating.
            "practical": wording.is_practical(getattr(person, "discussed", "")),
        },
        # The other people met, named as this tone names people ("Alan" or "Alan Turing").
        "others": _mentioned([_called(p, tone) for where, p in named(answers) if where != path]),
        "org": organisation(answers.company.name),
        # What the conversation was about, as the notes after the thank-you refer to it.
        "our_topic": f"your work at {organisation(answers.company.name)}"
        if conversation
        else the_role(answers.role),
        "candidate": _candidate(answers),
        "company": answers.company.name,
        "news": answers.company.news,
        "role": role_name(answers.role),
        "the_role": the_role(answers.role),
        "role_short": short_role(answers.role),
        # How the conversation is described: "speaking with me" on the phone, else "meeting".
        "met": "speaking with me" if iv.format == "phone" else "meeting with me",
        "phone": iv.format == "phone",
        "met_warm": "talking with me",
        "interviewers": _mentioned(
            [_called(p, tone) for where, p in named(answers) if where != path]
        ),
        "stage": iv.stage,
        "conversation": conversation,
        "screening": iv.stage == "screening",
        "format": iv.format,
        "when": when,
        "when_possessive": _possessive_when(when),
        "late": spec.to == "each" and plan.late,
        # Filled in so late that the decision date has passed: the note to the person who gets
        # the check-ins asks for news too, and the first check-in waits a week (schedule).
        "asks_news": spec.to == "each"
        and plan.news_in_thanks
        and recipient(answers, kinds.STATUS, 0)[0] == path,
        "send_text": format_date(sent) if sent else "",
        "highlights": list(iv.highlights),
        "concerns": [vars(c) for c in kinds.answered(answers)],
        "extra_info": [vars(x) for x in iv.extra_info],
        "decision_text": format_date(iv.decision_date, within=sent) if iv.decision_date else "",
        "earlier_note_text": format_date(plan.status, within=sent),
        # The late thank-you that asked for news already: the check-in refers to it.
        "news_asked_text": format_date(plan.thanks, within=sent) if plan.news_in_thanks else "",
        "offer_deadline_text": (
            format_date(answers.offer_deadline, weekday=True, within=sent or iv.date)
            if answers.offer_deadline
            else ""
        ),
        "next_steps": iv.next_steps,
        "update": answers.update,
        "trim": 0,
    }
    template = _ENV.get_template(spec.template)
    body = wording.tidy(template.render(context))
    # A LinkedIn thank-you is a connection note: shorter versions until it fits the limit.
    connection_note = channel == "linkedin" and spec.to == "each"
    while connection_note and len(body) > CONNECTION_NOTE_CHARS and context["trim"] < 4:
        context["trim"] += 1
        body = wording.tidy(template.render(context))
    subject = ""
    if channel == "email":
        subject = _subject(
            wording.tidy("".join(template.blocks["subject"](template.new_context(context))))
        )
    return Draft(
        kind=kind,
        to=Recipient(person.name, person.email),
        subject=subject,
        body=body,
        send_on=sent,
        index=index,
        tone=tone,
        channel=channel,
        person=path,
        greeting=context["greeting"],
        late=context["late"],
    )


def render_drafts(
    answers: Answers,
    tone: str | None = None,
    channel: str | None = None,
    today: dt.date | None = None,
) -> list[Draft]:
    """Every draft the answers call for, in sending order; nothing dated before ``today``."""
    plan = schedule.timeline(answers, today)
    drafts: list[Draft] = []
    for kind in kinds.planned(answers):
        count = max(len(named(answers)), 1) if kind.to == "each" else 1
        drafts.extend(
            render_draft(answers, kind.name, i, tone, channel, plan) for i in range(count)
        )
    return drafts


def planned_kinds(answers: Answers) -> list[str]:
    """Which kinds of draft these answers call for, in the order they would be sent."""
    return [kind.name for kind in kinds.planned(answers)]


def with_text(draft: Draft, subject: str, body: str) -> Draft:
    """The same draft with text a person edited."""
    return replace(draft, subject=subject, body=body)
