"""The answers contract (v1): its fields, their validation, and the typed answers the engine reads."""

from __future__ import annotations

import datetime as dt
import json
import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

VERSION = 1

TONES = ("formal", "warm", "brief")
CHANNELS = ("email", "letter", "linkedin")
STAGES = ("screening", "first_round", "panel", "final", "informational")
FORMATS = ("video", "phone", "in_person")

# Bounds keep a draft a note, not a 40-page email, and keep lists a person can manage.
SHORT = 120
MEDIUM = 300
LONG = 1000
MAX_ITEMS = 10
MAX_INTERVIEWERS = 12

# ASCII only, as 7-bit mail headers (and the .eml export) can carry it: dot-separated RFC 5322
# atoms, then a domain of letter-digit-hyphen labels (an international domain in its xn-- form).
_ATOM = r"[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+"
_LABEL = r"[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?"
_EMAIL = re.compile(rf"^{_ATOM}(?:\.{_ATOM})*@(?:{_LABEL}\.)+(?:[A-Za-z]{{2,}}|xn--{_LABEL})$")
_DATE = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")
_TIME = re.compile(r"^([01][0-9]|2[0-3]):[0-5][0-9]$")
# Follow-ups are planned weeks ahead of the interview; a year outside this range is a typo
# (and the plan's date arithmetic must never run off the end of the calendar).
YEARS = (1900, 2999)
_LINK = re.compile(r"^https?://[^\s<>\"]+$")
# Control characters other than tab and newline have no place in a note.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029]")
# Lone surrogates (JSON allows "\ud800") are not text: no file or page can encode them.
_SURROGATE = re.compile(r"[\ud800-\udfff]")


@dataclass(frozen=True)
class Field:
    """One leaf of the answers: how to label it, explain it and check it."""

    name: str
    label: str
    help: str = ""
    kind: str = "text"  # text | multiline | email | date | time | link | choice
    required: bool = False
    max_length: int = MEDIUM
    choices: tuple[str, ...] = ()
    placeholder: str = ""


@dataclass(frozen=True)
class Group:
    """A named object of fields, or (with ``repeat``) a list of such objects or of one field."""

    name: str
    label: str
    members: tuple[Field | Group, ...]
    help: str = ""
    repeat: int = 0  # 0: a single object; otherwise the most entries allowed
    item_label: str = ""
    # For a repeating group, the member that must be filled when any other is.
    key: str = ""


SCHEMA = Group(
    "",
    "Answers",
    (
        Group(
            "candidate",
            "You",
            (
                Field(
                    "name",
                    "Your name",
                    "Used to sign the drafts.",
                    max_length=SHORT,
                    placeholder="Ada Lovelace",
                ),
                Field(
                    "email",
                    "Your email",
                    "Shown in letters and used as the sender of .eml files.",
                    kind="email",
                    max_length=SHORT,
                    placeholder="ada@example.org",
                ),
                Field(
                    "phone",
                    "Your phone",
                    "Optional; added under your name.",
                    max_length=40,
                    placeholder="+44 20 7946 0000",
                ),
                Field(
                    "signature",
                    "Signature",
                    "Extra lines under your name, such as a link "
                    "to your portfolio. Replaces email and phone when given.",
                    kind="multiline",
                    max_length=MEDIUM,
                ),
            ),
        ),
        Group(
            "company",
            "The company",
            (
                Field(
                    "name",
                    "Company",
                    required=True,
                    max_length=SHORT,
                    placeholder="Analytical Engines Ltd",
                ),
                Field(
                    "news",
                    "Recent company news",
                    "Something the company did lately that "
                    "you noticed, for a later stay-in-touch note. Write it to follow "
                    "\u201cI was glad to read about\u201d.",
                    max_length=MEDIUM,
                    placeholder="the launch of your streaming service",
                ),
            ),
        ),
        Field(
            "role",
            "Role",
            "The job title you interviewed for.",
            required=True,
            max_length=SHORT,
            placeholder="Data Engineer",
        ),
        Group(
            "interview",
            "The interview",
            (
                Field("date", "Interview date", required=True, kind="date"),
                Field(
                    "time",
                    "Start time",
                    "24-hour clock. A morning interview gets its thank-you the same afternoon.",
                    kind="time",
                ),
                Field("stage", "Stage", kind="choice", choices=STAGES),
                Field("format", "Format", kind="choice", choices=FORMATS),
                Group(
                    "interviewers",
                    "Interviewers",
                    (
                        Field(
                            "name",
                            "Name",
                            "Spell it exactly as they do.",
                            max_length=SHORT,
                            placeholder="Grace Hopper",
                        ),
                        Field(
                            "title",
                            "Job title",
                            max_length=SHORT,
                            placeholder="Engineering Manager",
                        ),
                        Field(
                            "email",
                            "Email",
                            kind="email",
                            max_length=SHORT,
                            placeholder="grace@example.org",
                        ),
                        Field(
                            "discussed",
                            "What you talked about",
                            "One thing from your "
                            "conversation with this person; it makes their note personal. "
                            "Write it to follow \u201cI enjoyed talking about\u201d.",
                            max_length=MEDIUM,
                            placeholder="moving the nightly batch jobs to streaming",
                        ),
                    ),
                    help="Everyone who interviewed you. Each gets a note of their own.",
                    repeat=MAX_INTERVIEWERS,
                    item_label="Interviewer",
                    key="name",
                ),
                Group(
                    "highlights",
                    "Highlights",
                    (
                        Field(
                            "",
                            "Highlight",
                            max_length=MEDIUM,
                            placeholder="migrating a 2 TB warehouse to Parquet",
                        ),
                    ),
                    help="Something of yours that came up and went down well. Write it to "
                    "follow \u201cmy experience with\u201d.",
                    repeat=MAX_ITEMS,
                    item_label="Highlight",
                ),
                Group(
                    "concerns",
                    "Concerns or questions",
                    (
                        Field(
                            "question",
                            "Question or concern",
                            "What they asked or seemed unsure about.",
                            max_length=MEDIUM,
                            placeholder="experience with project management software",
                        ),
                        Field(
                            "answer",
                            "Your fuller answer",
                            max_length=LONG,
                            placeholder="three years of running sprints in Jira and Asana",
                        ),
                    ),
                    help="Questions you could answer better now, or doubts they raised.",
                    repeat=MAX_ITEMS,
                    item_label="Concern",
                    key="question",
                ),
                Group(
                    "extra_info",
                    "Information to send",
                    (
                        Field("topic", "Topic", max_length=SHORT, placeholder="portfolio"),
                        Field(
                            "detail",
                            "Detail",
                            max_length=LONG,
                            placeholder="the pipeline case study",
                        ),
                        Field(
                            "link",
                            "Link",
                            kind="link",
                            max_length=MEDIUM,
                            placeholder="https://example.org/case",
                        ),
                    ),
                    help="Material you promised, or something you had no chance to mention.",
                    repeat=MAX_ITEMS,
                    item_label="Item",
                    key="topic",
                ),
                Field(
                    "decision_date",
                    "Decision expected by",
                    "The date they said they would decide. No check-in goes out before it.",
                    kind="date",
                ),
                Field(
                    "next_steps",
                    "Next steps they mentioned",
                    max_length=MEDIUM,
                    placeholder="a take-home exercise",
                ),
            ),
        ),
        Field(
            "update",
            "News of your own",
            "Something new since the interview, for a later note. A full sentence.",
            kind="multiline",
            max_length=LONG,
            placeholder="I have since completed the AWS data engineering certification",
        ),
        Group(
            "preferences",
            "Style",
            (
                Field("tone", "Tone", kind="choice", choices=TONES),
                Field("channel", "Channel", kind="choice", choices=CHANNELS),
            ),
        ),
    ),
)


@dataclass(frozen=True)
class Candidate:
    name: str = ""
    email: str = ""
    phone: str = ""
    signature: str = ""


@dataclass(frozen=True)
class Company:
    name: str
    news: str = ""


@dataclass(frozen=True)
class Interviewer:
    name: str = ""
    title: str = ""
    email: str = ""
    discussed: str = ""


@dataclass(frozen=True)
class Concern:
    question: str
    answer: str = ""


@dataclass(frozen=True)
class ExtraInfo:
    topic: str
    detail: str = ""
    link: str = ""


@dataclass(frozen=True)
class Interview:
    date: dt.date
    time: dt.time | None = None
    stage: str = ""
    format: str = ""
    interviewers: tuple[Interviewer, ...] = ()
    highlights: tuple[str, ...] = ()
    concerns: tuple[Concern, ...] = ()
    extra_info: tuple[ExtraInfo, ...] = ()
    decision_date: dt.date | None = None
    next_steps: str = ""


@dataclass(frozen=True)
class Preferences:
    tone: str = "formal"
    channel: str = "email"


@dataclass(frozen=True)
class Answers:
    """Validated answers: every string trimmed, every date a real date."""

    company: Company
    role: str
    interview: Interview
    candidate: Candidate = field(default_factory=Candidate)
    update: str = ""
    preferences: Preferences = field(default_factory=Preferences)


@dataclass(frozen=True)
class FieldError:
    """A problem with one field, named by its answers path."""

    path: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}: {self.message}" if self.path else self.message


class InvalidAnswers(ValueError):
    """Raised with every problem found, so a person can fix them all in one pass."""

    def __init__(self, errors: list[FieldError]) -> None:
        super().__init__("\n".join(str(e) for e in errors))
        self.errors = errors


def _join(path: str, name: str | int) -> str:
    return f"{path}.{name}" if path else str(name)


def _check_leaf(spec: Field, value: Any, path: str, errors: list[FieldError]) -> Any:
    """Return the cleaned value of one leaf, or None after recording why it is wrong."""
    if value is None:
        value = ""
    # TOML (for writing by hand) has dates and times of its own: take them as written.
    if spec.kind == "date" and type(value) is dt.date:
        value = value.isoformat()
    elif spec.kind == "time" and isinstance(value, dt.time) and value.tzinfo is None:
        value = value.strftime("%H:%M") if not (value.second or value.microsecond) else str(value)
    if not isinstance(value, str):
        errors.append(FieldError(path, f"must be text, not {_type_name(value)}"))
        return None
    if spec.kind == "multiline":
        lines = [
            line.strip() for line in value.replace("\r\n", "\n").replace("\r", "\n").split("\n")
        ]
        value = re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()
    else:
        value = value.strip()
        if "\n" in value or "\r" in value:
            errors.append(FieldError(path, "must be a single line"))
            return None
    if _SURROGATE.search(value):
        errors.append(FieldError(path, "is not valid Unicode text"))
        return None
    if _CONTROL.search(value) or ("\t" in value and spec.kind != "multiline"):
        errors.append(FieldError(path, "contains a control character"))
        return None
    if len(value) > spec.max_length:
        errors.append(
            FieldError(path, f"is {len(value)} characters long; the limit is {spec.max_length}")
        )
        return None
    if not value:
        if spec.required:
            errors.append(FieldError(path, "is required"))
            return None
        return None if spec.kind in ("date", "time") else ""
    if spec.kind == "email" and not _EMAIL.match(value):
        errors.append(FieldError(path, "not an email address"))
        return None
    if spec.kind == "link" and not _LINK.match(value):
        errors.append(FieldError(path, "must be a web address starting with https:// or http://"))
        return None
    if spec.kind == "choice" and value not in spec.choices:
        errors.append(FieldError(path, f"must be one of {', '.join(spec.choices)}"))
        return None
    if spec.kind == "date":
        try:
            if not _DATE.match(value):
                raise ValueError
            day = dt.date.fromisoformat(value)
        except ValueError:
            errors.append(FieldError(path, "must be a real date written YYYY-MM-DD"))
            return None
        if not YEARS[0] <= day.year <= YEARS[1]:
            errors.append(FieldError(path, f"must be a date between {YEARS[0]} and {YEARS[1]}"))
            return None
        return day
    if spec.kind == "time":
        if not _TIME.match(value):
            errors.append(FieldError(path, "must be a time written HH:MM (24-hour clock)"))
            return None
        return dt.time.fromisoformat(value)
    return value


def _type_name(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "an object"
    if isinstance(value, str):
        return "text"
    if isinstance(value, dt.datetime):  # TOML values, before dt.date: a datetime is a date
        return "a date and time"
    if isinstance(value, dt.date):
        return "a date"
    if isinstance(value, dt.time):
        return "a time"
    return type(value).__name__


def _check_group(spec: Group, value: Any, path: str, errors: list[FieldError]) -> Any:
    """Return a dict (or list of dicts/strings) of cleaned values for one group."""
    if spec.repeat:
        if value is None:
            return []
        if not isinstance(value, list):
            errors.append(FieldError(path, f"must be a list, not {_type_name(value)}"))
            return []
        if len(value) > spec.repeat:
            errors.append(FieldError(path, f"has {len(value)} entries; the limit is {spec.repeat}"))
            return []
        items = []
        for index, item in enumerate(value):
            item_path = _join(path, index)
            if (
                len(spec.members) == 1
                and isinstance(spec.members[0], Field)
                and not spec.members[0].name
            ):
                cleaned = _check_leaf(spec.members[0], item, item_path, errors)
                if cleaned:
                    items.append(cleaned)
                continue
            obj = _check_object(spec, item, item_path, errors)
            if obj is None or not any(obj.values()):
                continue  # an entry left blank (a form row nobody filled) is no entry
            if spec.key and not obj.get(spec.key):
                key_path = _join(item_path, spec.key)
                if not any(e.path == key_path for e in errors):  # too long is not also missing
                    errors.append(FieldError(key_path, "is required"))
                continue
            items.append(obj)
        return items
    return _check_object(spec, value, path, errors)


def _check_object(
    spec: Group, value: Any, path: str, errors: list[FieldError]
) -> dict[str, Any] | None:
    if value is None:
        value = {}
    if not isinstance(value, Mapping):
        errors.append(FieldError(path, f"must be an object, not {_type_name(value)}"))
        return None
    known = {m.name for m in spec.members}
    for key in value:
        if key not in known and not (not path and key == "version"):
            errors.append(FieldError(_join(path, str(key)), "unknown field"))
    out: dict[str, Any] = {}
    for member in spec.members:
        member_path = _join(path, member.name)
        raw = value.get(member.name)
        if isinstance(member, Field):
            out[member.name] = _check_leaf(member, raw, member_path, errors)
        else:
            out[member.name] = _check_group(member, raw, member_path, errors)
    return out


def validate(data: Any) -> Answers:
    """Check raw answers (parsed JSON or TOML) against the v1 contract.

    Raises InvalidAnswers listing every problem, each as ``path: message``.
    """
    errors: list[FieldError] = []
    if not isinstance(data, Mapping):
        raise InvalidAnswers(
            [FieldError("", f"the answers must be an object, not {_type_name(data)}")]
        )
    version = data.get("version", VERSION)
    if type(version) is not int or version != VERSION:
        errors.append(FieldError("version", f"must be {VERSION}; this file says {version!r}"))
    cleaned = _check_object(SCHEMA, data, "", errors)
    if cleaned is not None:
        _check_dates(cleaned, errors)
    if errors or cleaned is None:
        raise InvalidAnswers(errors)
    return _build(cleaned)


def _check_dates(cleaned: dict[str, Any], errors: list[FieldError]) -> None:
    interview = cleaned.get("interview") or {}
    held, decision = interview.get("date"), interview.get("decision_date")
    if held and decision and decision < held:
        errors.append(FieldError("interview.decision_date", "is before the interview date"))


def _build(c: dict[str, Any]) -> Answers:
    iv = c["interview"]
    prefs = c["preferences"]
    return Answers(
        candidate=Candidate(**c["candidate"]),
        company=Company(**c["company"]),
        role=c["role"],
        interview=Interview(
            date=iv["date"],
            time=iv["time"],
            stage=iv["stage"],
            format=iv["format"],
            interviewers=tuple(Interviewer(**i) for i in iv["interviewers"]),
            highlights=tuple(iv["highlights"]),
            concerns=tuple(Concern(**x) for x in iv["concerns"]),
            extra_info=tuple(ExtraInfo(**x) for x in iv["extra_info"]),
            decision_date=iv["decision_date"],
            next_steps=iv["next_steps"],
        ),
        update=c["update"],
        preferences=Preferences(
            tone=prefs["tone"] or "formal", channel=prefs["channel"] or "email"
        ),
    )


def parse(text: str | bytes, fmt: str = "json") -> Answers:
    """Parse answers from JSON (the interchange format) or TOML (for writing by hand)."""
    if isinstance(text, bytes):
        try:
            text = text.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise InvalidAnswers(
                [FieldError("", f"the file is not UTF-8 text (byte {exc.start})")]
            ) from None
    if not text.strip():
        raise InvalidAnswers([FieldError("", "the file is empty")])
    try:
        data = tomllib.loads(text) if fmt == "toml" else json.loads(text)
    except json.JSONDecodeError as exc:
        raise InvalidAnswers(
            [FieldError("", f"not valid JSON: {exc.msg} (line {exc.lineno}, column {exc.colno})")]
        ) from None
    except tomllib.TOMLDecodeError as exc:
        raise InvalidAnswers([FieldError("", f"not valid TOML: {exc}")]) from None
    except RecursionError:
        raise InvalidAnswers([FieldError("", "the file is nested too deeply")]) from None
    except ValueError as exc:  # e.g. a number too long to convert
        raise InvalidAnswers([FieldError("", f"not valid {fmt.upper()}: {exc}")]) from None
    return validate(data)


def to_dict(answers: Answers) -> dict[str, Any]:
    """The v1 JSON form of validated answers (what the worksheet exports)."""
    iv = answers.interview
    return {
        "version": VERSION,
        "candidate": vars(answers.candidate).copy(),
        "company": vars(answers.company).copy(),
        "role": answers.role,
        "interview": {
            "date": iv.date.isoformat(),
            "time": iv.time.strftime("%H:%M") if iv.time else "",
            "stage": iv.stage,
            "format": iv.format,
            "interviewers": [vars(i).copy() for i in iv.interviewers],
            "highlights": list(iv.highlights),
            "concerns": [vars(x).copy() for x in iv.concerns],
            "extra_info": [vars(x).copy() for x in iv.extra_info],
            "decision_date": iv.decision_date.isoformat() if iv.decision_date else "",
            "next_steps": iv.next_steps,
        },
        "update": answers.update,
        "preferences": vars(answers.preferences).copy(),
    }


def schema() -> dict[str, Any]:
    """The answers contract as plain data, for generating the worksheet's form."""

    def describe(node: Field | Group, path: str) -> dict[str, Any]:
        if isinstance(node, Field):
            return {
                "type": "field",
                "name": node.name,
                "path": path,
                "label": node.label,
                "help": node.help,
                "kind": node.kind,
                "required": node.required,
                "max_length": node.max_length,
                "choices": list(node.choices),
                "placeholder": node.placeholder,
            }
        return {
            "type": "group",
            "name": node.name,
            "path": path,
            "label": node.label,
            "help": node.help,
            "repeat": node.repeat,
            "item_label": node.item_label,
            "members": [describe(m, _join(path, m.name) if m.name else path) for m in node.members],
        }

    return describe(SCHEMA, "")
