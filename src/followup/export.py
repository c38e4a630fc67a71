"""Files to take elsewhere: the plan as an iCalendar file, each draft as an unsent email."""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import unicodedata
from email.headerregistry import Address
from email.message import EmailMessage
from email.policy import SMTP

from . import kinds
from .files import clean
from .model import Answers, ascii_domain
from .render import WEEKDAYS, Draft, format_date

# Letters that NFKD leaves whole but that have a usual Latin spelling (ß is "ss" in German, etc.).
_LATIN = str.maketrans(
    {"ß": "ss", "æ": "ae", "œ": "oe", "ø": "o", "ł": "l", "đ": "d", "ð": "d", "þ": "th", "ı": "i"}
)


def slug(text: str, limit: int = 40) -> str:
    """``text`` as a file-name part: ASCII letters and digits joined by hyphens, accents dropped
    ("José Ñúñez" → ``jose-nunez``); empty when nothing is left (a name in another script).

    The CLI's ``--out`` files and the worksheet's downloads (``followup.web``) both use it.
    """
    decomposed = unicodedata.normalize("NFKD", text.lower().translate(_LATIN))
    kept = "".join(
        c if c.isascii() and c.isalnum() else "-"
        for c in decomposed
        if not unicodedata.combining(c)
    )
    return "-".join(part for part in kept.split("-") if part)[:limit].strip("-")


def label(draft: Draft) -> str:
    """A short, human name for one step of the plan."""
    name = kinds.get(draft.kind).label
    return f"{name} · {draft.to.name}" if draft.to.name else name


def _escape(text: str) -> str:
    """TEXT value escaping (RFC 5545, 3.3.11), after removing control characters."""
    return (
        clean(text)
        .replace("\\", "\\\\")
        .replace(";", "\\;")
        .replace(",", "\\,")
        .replace("\r\n", "\\n")
        .replace("\r", "\\n")
        .replace("\n", "\\n")
    )


def _fold(line: str) -> str:
    """Fold a content line at 75 octets without splitting a UTF-8 character (RFC 5545, 3.1)."""
    out, current, size = [], "", 0
    for char in line:
        width = len(char.encode("utf-8"))
        if size + width > 75:
            out.append(current)
            current, size = " ", 1
        current += char
        size += width
    out.append(current)
    return "\r\n".join(out)


def plan_uid(draft: Draft, answers: Answers) -> str:
    """The same interview and step always get the same UID, so a re-import updates, not duplicates."""
    seed = f"{answers.company.name}|{answers.role}|{answers.interview.date.isoformat()}|{draft.id}"
    return f"{hashlib.sha256(seed.encode('utf-8')).hexdigest()[:24]}@followup"


def calendar_name(answers: Answers) -> str:
    """The name a calendar app shows for the imported plan."""
    return f"Follow-up: {answers.role} at {answers.company.name}"


def to_ics(drafts: list[Draft], answers: Answers, now: dt.datetime | None = None) -> str:
    """The dated drafts as all-day events, each with a reminder that morning (RFC 5545)."""
    return to_ics_many([(drafts, answers)], calendar_name(answers), now)


def to_ics_many(
    plans: list[tuple[list[Draft], Answers]], name: str, now: dt.datetime | None = None
) -> str:
    """Several interviews' plans in one calendar called ``name``."""
    stamp = (now or dt.datetime.now(dt.UTC)).astimezone(dt.UTC).strftime("%Y%m%dT%H%M%SZ")
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//Interview Follow-Up Guide//followup//EN",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        # NAME is the standard calendar name (RFC 7986); X-WR-CALNAME is what older apps read.
        f"NAME:{_escape(name)}",
        f"X-WR-CALNAME:{_escape(name)}",
    ]
    for drafts, answers in plans:
        lines += _events(drafts, answers, stamp)
    lines.append("END:VCALENDAR")
    return "".join(_fold(line) + "\r\n" for line in lines)


def _events(drafts: list[Draft], answers: Answers, stamp: str) -> list[str]:
    lines = []
    for draft in drafts:
        if draft.send_on is None:
            continue
        # A note due on the day of the interview goes in the afternoon; others first thing.
        hour = 14 if draft.send_on == answers.interview.date else 9
        text = f"Subject: {draft.subject}\n\n{draft.body}" if draft.subject else draft.body
        lines += [
            "BEGIN:VEVENT",
            f"UID:{plan_uid(draft, answers)}",
            f"DTSTAMP:{stamp}",
            f"DTSTART;VALUE=DATE:{draft.send_on.strftime('%Y%m%d')}",
            f"DTEND;VALUE=DATE:{(draft.send_on + dt.timedelta(days=1)).strftime('%Y%m%d')}",
            f"SUMMARY:{_escape(label(draft))}",
            f"DESCRIPTION:{_escape(text)}",
            "TRANSP:TRANSPARENT",
            "BEGIN:VALARM",
            "ACTION:DISPLAY",
            f"DESCRIPTION:{_escape(label(draft))}",
            f"TRIGGER;RELATED=START:PT{hour}H",
            "END:VALARM",
            "END:VEVENT",
        ]
    return lines


def _address(name: str, email: str) -> Address | None:
    if not email:
        return None
    user, _, domain = email.rpartition("@")
    encoded = ascii_domain(domain)  # headers carry an international domain in its xn-- form
    if not user or not encoded:
        return None
    try:
        return Address(display_name=name, username=user, domain=encoded)
    except ValueError:
        return None


def to_eml(draft: Draft, answers: Answers) -> bytes:
    """One draft as an RFC 5322 message marked unsent, so mail apps open it as a draft."""
    message = EmailMessage()
    sender = _address(answers.candidate.name, answers.candidate.email)
    recipient = _address(draft.to.name, draft.to.email)
    if sender:
        message["From"] = sender
    if recipient:
        message["To"] = recipient
    # A subject is one line, however a person edited it; a header may hold no line break.
    subject = re.sub(r"\s*\n+\s*", " ", clean(draft.subject)).strip()
    message["Subject"] = subject or f"{answers.role} – {kinds.get(draft.kind).label}"
    message["X-Unsent"] = "1"  # Outlook and Apple Mail open such a file as a draft to edit
    body = clean(draft.body)
    message.set_content(body + "\n", charset="utf-8", cte="quoted-printable")
    return message.as_bytes(policy=SMTP)


def plan_rows(drafts: list[Draft]) -> list[dict[str, str | None]]:
    """The plan as rows in date order, undated steps (kept for when they happen) last."""
    dated = sorted((d for d in drafts if d.send_on), key=lambda d: (d.send_on, kinds.ORDER[d.kind]))
    undated = [d for d in drafts if d.send_on is None]
    return [
        {
            "id": d.id,
            "kind": d.kind,
            "label": label(d),
            "send_on": d.send_on.isoformat() if d.send_on else None,
            "weekday": WEEKDAYS[d.send_on.weekday()] if d.send_on else None,
            "date_text": format_date(d.send_on) if d.send_on else None,
        }
        for d in [*dated, *undated]
    ]
