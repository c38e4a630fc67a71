"""The answers contract, declared once as typed dataclasses: validation, parsing and serialising follow.

Each field carries a ``Spec`` (what kind of value it holds, its bounds); the form's labels and help
live in ``form_text``. Adding a field means adding it here (and its copy there), then using it.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from .people import read_name

# Version 2 added greetings (honorific, greet-as), a main contact and another offer's deadline;
# every version-1 file is a valid version-2 file, so both load and exports say 2.
VERSION = 2
VERSIONS = (1, 2)

TONES = ("formal", "warm", "brief")
CHANNELS = ("email", "letter", "linkedin")
STAGES = ("screening", "first_round", "panel", "final", "informational")
FORMATS = ("video", "phone", "in_person")
# How a greeting may address someone formally ("Dear Ms Okafor"); empty: by their full name.
HONORIFICS = ("Ms", "Mr", "Mx", "Dr", "Prof")

# Bounds keep a draft a note, not a 40-page email, and keep lists a person can manage.
SHORT = 120
MEDIUM = 300
LONG = 1000
MAX_ITEMS = 10
MAX_INTERVIEWERS = 12

# Dot-separated RFC 5322 atoms (ASCII: 7-bit mail headers, and the .eml export, carry no other
# user part), then a domain of letter-digit-hyphen labels. An international domain may be typed
# in its own script (bücher.example): it is checked, and written into .eml headers, in its IDNA
# (xn--) form, which is what mail systems use (RFC 5890; see ascii_domain).
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
CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029]")
# Lone surrogates (JSON allows "\ud800") are not text: no file or page can encode them.
_SURROGATE = re.compile(r"[\ud800-\udfff]")


@dataclass(frozen=True)
class Spec:
    """What one field of the contract holds.

    Leaves are ``text``, ``multiline``, ``email``, ``date``, ``time``, ``link``, ``choice`` or
    ``flag`` (true or false);
    ``group`` holds one object of dataclass ``of``; ``list`` holds up to ``repeat`` entries, each
    an object of dataclass ``of`` (whose ``key`` field must be filled when any other is) or, when
    ``of`` is a Spec, a leaf.
    """

    kind: str = "text"
    max_length: int = MEDIUM
    required: bool = False
    choices: tuple[str, ...] = ()
    default: str = ""
    of: Any = None
    repeat: int = 0
    key: str = ""


def _field(spec: Spec, default: Any = "", factory: Any = None) -> Any:
    meta = {"spec": spec}
    if factory is not None:
        return dataclasses.field(default_factory=factory, metadata=meta)
    return dataclasses.field(default=default, metadata=meta)


def text_field(max_length: int = MEDIUM, *, required: bool = False, multiline: bool = False) -> Any:
    return _field(Spec("multiline" if multiline else "text", max_length, required))


def ascii_domain(domain: str) -> str | None:
    """``domain`` as mail headers carry it: unchanged if ASCII, else its IDNA (``xn--``) form;
    None when it cannot be encoded (an empty or over-long label)."""
    if domain.isascii():
        return domain
    if any(label.startswith("-") or label.endswith("-") for label in domain.split(".")):
        return None  # a hostname rule (RFC 5891, 4.2.3.1) that Python's IDNA 2003 codec skips
    try:
        return domain.encode("idna").decode("ascii")
    except UnicodeError:
        return None


def is_email(value: str) -> bool:
    """An address a mail app accepts: ASCII user part, any domain that has an ASCII form."""
    user, at, domain = value.rpartition("@")
    encoded = ascii_domain(domain) if at else None
    return encoded is not None and bool(_EMAIL.match(f"{user}@{encoded}"))


def email_field() -> Any:
    return _field(Spec("email", SHORT))


def link_field() -> Any:
    return _field(Spec("link", MEDIUM))


def date_field(*, required: bool = False) -> Any:
    return _field(Spec("date", required=required), None)


def time_field() -> Any:
    return _field(Spec("time"), None)


def choice_field(choices: tuple[str, ...], default: str = "") -> Any:
    return _field(Spec("choice", choices=choices, default=default), default)


def flag_field() -> Any:
    return _field(Spec("flag"), False)


def group_field(of: type) -> Any:
    return _field(Spec("group", of=of), factory=of)


def list_of(of: type | Spec, repeat: int = MAX_ITEMS, key: str = "") -> Any:
    return _field(Spec("list", of=of, repeat=repeat, key=key), factory=tuple)


@dataclass(frozen=True, kw_only=True)
class Candidate:
    name: str = text_field(SHORT)
    email: str = email_field()
    phone: str = text_field(40)
    signature: str = text_field(MEDIUM, multiline=True)


@dataclass(frozen=True, kw_only=True)
class Company:
    name: str = text_field(SHORT, required=True)
    news: str = text_field(MEDIUM)


@dataclass(frozen=True, kw_only=True)
class Contact:
    """Someone the candidate writes to: how to name, greet and reach them."""

    name: str = text_field(SHORT)
    honorific: str = choice_field(HONORIFICS)
    greet_as: str = text_field(SHORT)
    title: str = text_field(SHORT)
    email: str = email_field()


@dataclass(frozen=True, kw_only=True)
class Interviewer(Contact):
    discussed: str = text_field(MEDIUM)
    # Gets the check-ins when no main contact is given (the first interviewer otherwise).
    main_contact: bool = flag_field()


@dataclass(frozen=True, kw_only=True)
class Concern:
    question: str = text_field(MEDIUM)
    answer: str = text_field(LONG)
    asked_by: str = text_field(SHORT)


@dataclass(frozen=True, kw_only=True)
class ExtraInfo:
    topic: str = text_field(SHORT)
    detail: str = text_field(LONG)
    link: str = link_field()


@dataclass(frozen=True, kw_only=True)
class Interview:
    date: dt.date = date_field(required=True)
    time: dt.time | None = time_field()
    stage: str = choice_field(STAGES)
    format: str = choice_field(FORMATS)
    interviewers: tuple[Interviewer, ...] = list_of(Interviewer, MAX_INTERVIEWERS, key="name")
    highlights: tuple[str, ...] = list_of(Spec("text", MEDIUM))
    concerns: tuple[Concern, ...] = list_of(Concern, key="question")
    extra_info: tuple[ExtraInfo, ...] = list_of(ExtraInfo, key="topic")
    decision_date: dt.date | None = date_field()
    next_steps: str = text_field(MEDIUM)


@dataclass(frozen=True, kw_only=True)
class Preferences:
    tone: str = choice_field(TONES, "formal")
    channel: str = choice_field(CHANNELS, "email")


@dataclass(frozen=True, kw_only=True)
class Answers:
    """Validated answers: every string trimmed, every date a real date."""

    candidate: Candidate = group_field(Candidate)
    company: Company = group_field(Company)
    role: str = text_field(SHORT, required=True)
    contact: Contact = group_field(Contact)
    interview: Interview = group_field(Interview)
    update: str = text_field(LONG, multiline=True)
    offer_deadline: dt.date | None = date_field()
    preferences: Preferences = group_field(Preferences)


def spec_of(member: dataclasses.Field[Any]) -> Spec:
    spec: Spec = member.metadata["spec"]
    return spec


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


def check_leaf(spec: Spec, value: Any, path: str, errors: list[FieldError]) -> Any:
    """Return the cleaned value of one leaf, or None after recording why it is wrong."""
    if spec.kind == "flag":
        if value is None or value == "" or isinstance(value, bool):
            return bool(value)
        errors.append(FieldError(path, f"must be true or false, not {type_name(value)}"))
        return None
    if value is None:
        value = ""
    # TOML (for writing by hand) has dates and times of its own: take them as written.
    if spec.kind == "date" and type(value) is dt.date:
        value = value.isoformat()
    elif spec.kind == "time" and isinstance(value, dt.time) and value.tzinfo is None:
        value = value.strftime("%H:%M") if not (value.second or value.microsecond) else str(value)
    if not isinstance(value, str):
        errors.append(FieldError(path, f"must be text, not {type_name(value)}"))
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
    if CONTROL.search(value) or ("\t" in value and spec.kind != "multiline"):
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
        return None if spec.kind in ("date", "time") else spec.default
    if spec.kind == "email" and not is_email(value):
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


def type_name(value: Any) -> str:
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


def _check_list(spec: Spec, value: Any, path: str, errors: list[FieldError]) -> tuple[Any, ...]:
    """The entries of a list field that hold something; a blank form row is no entry."""
    if value is None:
        return ()
    if not isinstance(value, list):
        errors.append(FieldError(path, f"must be a list, not {type_name(value)}"))
        return ()
    if len(value) > spec.repeat:
        errors.append(FieldError(path, f"has {len(value)} entries; the limit is {spec.repeat}"))
        return ()
    entries = []
    for index, item in enumerate(value):
        item_path = _join(path, index)
        if isinstance(spec.of, Spec):
            cleaned = check_leaf(spec.of, item, item_path, errors)
            if cleaned:
                entries.append(cleaned)
            continue
        before = len(errors)
        obj = _check_object(spec.of, item, item_path, errors)
        if obj is None or not any(dataclasses.astuple(obj)):
            continue
        if spec.key and not getattr(obj, spec.key):
            key_path = _join(item_path, spec.key)
            if not any(e.path == key_path for e in errors[before:]):  # too long is not also missing
                errors.append(FieldError(key_path, "is required"))
            continue
        entries.append(obj)
    return tuple(entries)


def _check_object(cls: Any, value: Any, path: str, errors: list[FieldError]) -> Any:
    """An instance of dataclass ``cls`` from a mapping, or None when it is not one."""
    if value is None:
        value = {}
    if not isinstance(value, Mapping):
        errors.append(FieldError(path, f"must be an object, not {type_name(value)}"))
        return None
    members = dataclasses.fields(cls)
    known = {m.name for m in members}
    for key in value:
        if key not in known and not (not path and key == "version"):
            errors.append(FieldError(_join(path, str(key)), "unknown field"))
    values: dict[str, Any] = {}
    for member in members:
        spec, raw, member_path = spec_of(member), value.get(member.name), _join(path, member.name)
        if spec.kind == "group":
            obj = _check_object(spec.of, raw, member_path, errors)
            values[member.name] = obj if obj is not None else spec.of()
        elif spec.kind == "list":
            values[member.name] = _check_list(spec, raw, member_path, errors)
        else:
            values[member.name] = check_leaf(spec, raw, member_path, errors)
    return cls(**values)


def validate(data: Any) -> Answers:
    """Check raw answers (parsed JSON or TOML) against the contract.

    Raises InvalidAnswers listing every problem, each as ``path: message``.
    """
    errors: list[FieldError] = []
    if not isinstance(data, Mapping):
        raise InvalidAnswers(
            [FieldError("", f"the answers must be an object, not {type_name(data)}")]
        )
    version = data.get("version", VERSION)
    if type(version) is not int or version not in VERSIONS:
        errors.append(FieldError("version", f"must be 1 or {VERSION}; this file says {version!r}"))
    answers: Answers = _check_object(Answers, data, "", errors)
    _check_across(answers, data, errors)
    if errors:
        raise InvalidAnswers(errors)
    return answers


def _check_across(answers: Answers, data: Mapping[str, Any], errors: list[FieldError]) -> None:
    """Rules that span fields: dates in order, one interviewer chosen for the check-ins."""
    held, decision = answers.interview.date, answers.interview.decision_date
    if held and decision and decision < held:
        errors.append(FieldError("interview.decision_date", "is before the interview date"))
    people = [("contact", answers.contact)] if answers.contact.name else []
    raw = data.get("interview")
    rows = raw.get("interviewers") if isinstance(raw, Mapping) else None
    for index, row in enumerate(rows if isinstance(rows, list) else []):
        name = row.get("name") if isinstance(row, Mapping) else None
        if isinstance(name, str) and name.strip():
            people.append((f"interview.interviewers.{index}", Contact(name=name)))
    for path, person in people:
        if person.name and not read_name(person.name).plain:
            errors.append(FieldError(f"{path}.name", "is only a title: add the person's name"))
    chosen = [
        i
        for i, row in enumerate(rows if isinstance(rows, list) else [])
        if isinstance(row, Mapping) and row.get("main_contact") is True
    ]
    for index in chosen[1:]:
        errors.append(
            FieldError(
                f"interview.interviewers.{index}.main_contact",
                "only one interviewer can get the check-ins",
            )
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


def _plain(spec: Spec, value: Any) -> Any:
    if spec.kind == "group":
        return _object_dict(value)
    if spec.kind == "list":
        return [v if isinstance(spec.of, Spec) else _object_dict(v) for v in value]
    if spec.kind == "date":
        return value.isoformat() if value else ""
    if spec.kind == "time":
        return value.strftime("%H:%M") if value else ""
    return value


def _object_dict(obj: Any) -> dict[str, Any]:
    return {m.name: _plain(spec_of(m), getattr(obj, m.name)) for m in dataclasses.fields(obj)}


def to_dict(answers: Answers) -> dict[str, Any]:
    """The JSON form of validated answers (what the worksheet exports)."""
    return {"version": VERSION, **_object_dict(answers)}


def schema() -> dict[str, Any]:
    """The contract as plain data with the form's words (``form_text``): the worksheet's form."""
    from .form_text import schema_of  # the form's words depend on the contract, not the reverse

    return schema_of(Answers)
