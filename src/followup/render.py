"""Turn validated answers into follow-up drafts with Jinja2 templates (plain text, user text as data)."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import jinja2

from . import kinds, schedule
from .model import Answers, Interviewer

# Kinds written once per named entry of an answers list, by the list's path: the n-th named
# interviewer's thank-you is ``thank_you.n``. Every other kind is one draft (to the first).
PER_ITEM = {"interview.interviewers": tuple(k.name for k in kinds.REGISTRY if k.per_interviewer)}

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
    meta: dict[str, Any] = field(default_factory=dict, compare=False)

    @property
    def id(self) -> str:
        """Stable within one set of answers: kind and position, e.g. ``check_in.0``."""
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


def format_date(day: dt.date, weekday: bool = False) -> str:
    """``3 December 2026`` (or ``Thursday 3 December 2026``): unambiguous in every country."""
    text = f"{day.day} {MONTHS[day.month - 1]} {day.year}"
    return f"{WEEKDAYS[day.weekday()]} {text}" if weekday else text


def _relative(held: dt.date, start: dt.time | None, sent: dt.date | None, channel: str) -> str:
    """How a draft sent on ``sent`` refers to an interview held on ``held``."""
    if sent is None or channel == "letter":  # a letter arrives days later: name the day
        return f"on {WEEKDAYS[held.weekday()]} {held.day} {MONTHS[held.month - 1]}"
    days = (sent - held).days
    if days == 0:
        return "this morning" if start is not None and start < schedule.NOON else "today"
    if days == 1:
        return "yesterday"
    if days < 7:
        return f"on {WEEKDAYS[held.weekday()]}"
    monday = sent - dt.timedelta(days=sent.weekday())
    if monday - dt.timedelta(days=7) <= held < monday:
        return "last week"
    return f"on {held.day} {MONTHS[held.month - 1]}"


_POSSESSIVE = {
    "this morning": "this morning's",
    "today": "today's",
    "yesterday": "yesterday's",
    "last week": "last week's",
}


def _end(text: str) -> str:
    """End a phrase as a sentence, keeping the person's own punctuation when there is some."""
    text = str(text)
    return text if text[-1:] in ".!?\u2026" else text + "."


def _possessive(name: str) -> str:
    """``Acme's``, but ``Northwind Traders'``."""
    name = str(name)
    return f"{name}'" if name.endswith(("s", "S")) else f"{name}'s"


def _join_and(items: Any) -> str:
    """``a``, ``a and b``, ``a, b and c``."""
    words = [str(i) for i in items]
    if len(words) <= 1:
        return "".join(words)
    return ", ".join(words[:-1]) + " and " + words[-1]


def _environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(Path(__file__).parent / "templates"),
        autoescape=False,  # plain text out; nothing here is HTML
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=False,
    )
    env.filters["end"] = _end
    env.filters["join_and"] = _join_and
    env.filters["possessive"] = _possessive
    return env


_ENV = _environment()


def tidy(text: str) -> str:
    """Trailing spaces off, at most one blank line in a row, no blank edges."""
    lines = [line.rstrip() for line in text.split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip("\n")


def _first_name(name: str) -> str:
    return name.split()[0] if name.split() else name


def _recipients(answers: Answers) -> list[Interviewer]:
    return [i for i in answers.interview.interviewers if i.name] or [Interviewer()]


def planned_kinds(answers: Answers) -> list[str]:
    """Which kinds of draft these answers call for, in the order they would be sent."""
    return [kind.name for kind in kinds.planned(answers)]


def render_draft(
    answers: Answers, kind: str, index: int = 0, tone: str | None = None, channel: str | None = None
) -> Draft:
    """Render one draft; ``index`` picks the interviewer for thank-you notes."""
    spec = kinds.get(kind)
    tone = tone or answers.preferences.tone
    channel = channel or answers.preferences.channel
    recipients = _recipients(answers)
    person = recipients[index] if spec.per_interviewer else recipients[0]
    iv = answers.interview
    sent = kinds.send_on(kind, answers)
    when = _relative(iv.date, iv.time, sent, channel)
    team = not person.name
    context: dict[str, Any] = {
        "kind": kind,
        "tone": tone,
        "channel": channel,
        "short": tone == "brief" or channel == "linkedin",
        "variant": index,
        "to": {
            "name": person.name,
            "first": _first_name(person.name),
            "title": person.title,
            "discussed": person.discussed,
            "team": team,
        },
        "others": [r.name for r in recipients if r.name and r is not person],
        "candidate": vars(answers.candidate),
        "company": answers.company.name,
        "news": answers.company.news,
        "role": answers.role,
        "stage": iv.stage,
        "format": iv.format,
        "when": when,
        "when_possessive": _POSSESSIVE.get(when, "our"),
        "held_text": format_date(iv.date),
        "send_text": format_date(sent) if sent else "",
        "highlights": list(iv.highlights),
        "concerns": [vars(c) for c in iv.concerns],
        "extra_info": [vars(x) for x in iv.extra_info],
        "decision_text": format_date(iv.decision_date) if iv.decision_date else "",
        "earlier_note_text": format_date(schedule.status_due(answers)),
        "next_steps": iv.next_steps,
        "update": answers.update,
    }
    template = _ENV.get_template(spec.template)
    body = tidy(template.render(context))
    subject = ""
    if channel == "email":
        subject = tidy("".join(template.blocks["subject"](template.new_context(context))))
    return Draft(
        kind=kind,
        to=Recipient(person.name, person.email),
        subject=subject,
        body=body,
        send_on=sent,
        index=index,
        tone=tone,
        channel=channel,
    )


def render_drafts(
    answers: Answers, tone: str | None = None, channel: str | None = None
) -> list[Draft]:
    """Every draft the answers call for, thank-you notes first, in sending order."""
    drafts: list[Draft] = []
    for kind in kinds.planned(answers):
        count = len(_recipients(answers)) if kind.per_interviewer else 1
        drafts.extend(render_draft(answers, kind.name, i, tone, channel) for i in range(count))
    return drafts


def with_text(draft: Draft, subject: str, body: str) -> Draft:
    """The same draft with text a person edited."""
    return replace(draft, subject=subject, body=body)
