"""Answers files and backups: what an import holds, and what an export writes, free of control characters.

An *answers file* is the answers contract (``model``), one interview. A *backup* holds every
interview of a worksheet, each as an answers file plus its edited drafts::

    {"format": "followup-backup", "version": 1, "exported": "2026-12-07",
     "interviews": [{"answers": {...}, "edits": {"thank_you.0": {"subject": "...", "body": "..."}},
                     "archived": false}]}

Every export re-imports: an unfinished interview (no date yet, a half-typed email) is written as it
is, and reading it back gives the values to put into the form with the problems to show beside them.
Only a file that is not an answers file or a backup at all is refused, with the reason.
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from . import model
from .model import Answers, FieldError, InvalidAnswers, Spec, spec_of, type_name

BACKUP_FORMAT = "followup-backup"
BACKUP_VERSION = 1
BACKUP_KEYS = ("format", "version", "exported", "interviews")
ENTRY_KEYS = ("answers", "edits", "archived")
# Line and paragraph separators (pasted from word processors) end a line; they become newlines.
_LINE_BREAKS = str.maketrans({"\u2028": "\n", "\u2029": "\n"})


def clean(text: str) -> str:
    """Text without control characters but tab and newline: CR and CRLF become newlines."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").translate(_LINE_BREAKS)
    return model.CONTROL.sub("", text)


def clean_data(value: Any) -> Any:
    """Parsed JSON with every string (keys included) cleaned."""
    if isinstance(value, str):
        return clean(value)
    if isinstance(value, Mapping):
        return {clean(str(k)): clean_data(v) for k, v in value.items()}
    if isinstance(value, list):
        return [clean_data(v) for v in value]
    return value


class NotAnswers(ValueError):
    """The file is neither an answers file nor a backup; the message says why, as a clause."""


@dataclass
class Entry:
    """One interview read from a file: values for the form, and what could not be kept."""

    answers: dict[str, Any]
    edits: dict[str, dict[str, str]] = field(default_factory=dict)
    archived: bool = False
    # The answers' problems (shown beside their fields once loaded) and what was left out.
    errors: list[FieldError] = field(default_factory=list)
    dropped: list[FieldError] = field(default_factory=list)


@dataclass
class Reading:
    """What a file holds: ``answers`` (one interview) or ``backup`` (any number)."""

    kind: str
    entries: list[Entry]


def read(data: Any) -> Reading:
    """Read parsed JSON as an answers file or a backup; NotAnswers when it is neither."""
    if isinstance(data, list):
        raise NotAnswers("it holds a list, and an answers file holds one set of answers")
    if not isinstance(data, Mapping):
        raise NotAnswers(f"it holds {type_name(data)}, not a set of answers")
    if "format" in data or "interviews" in data:
        return Reading("backup", _read_backup(data))
    return Reading("answers", [_entry(data, {}, False, "")])


def _version(data: Mapping[str, Any], known: tuple[int, ...], what: str) -> None:
    version = data.get("version", known[-1])
    if type(version) is int and version > known[-1]:
        raise NotAnswers(
            f"it was written by a newer version of the worksheet ({what} version {version}), "
            f"and this one reads version {' or '.join(map(str, known))}"
        )
    if type(version) is not int or version not in known:
        raise NotAnswers(
            f"its version is {json.dumps(version)}, and {what}s are version "
            f"{' or '.join(map(str, known))}"
        )


def _read_backup(data: Mapping[str, Any]) -> list[Entry]:
    if data.get("format") != BACKUP_FORMAT:
        raise NotAnswers(f"its format is {json.dumps(data.get('format'))}, not {BACKUP_FORMAT}")
    if "version" not in data:
        raise NotAnswers("it has no version")
    _version(data, (BACKUP_VERSION,), "backup")
    interviews = data.get("interviews")
    if not isinstance(interviews, list):
        raise NotAnswers(f"its interviews are {type_name(interviews)}, not a list")
    if not interviews:
        raise NotAnswers("it holds no interviews")
    entries = []
    for index, item in enumerate(interviews):
        if not isinstance(item, Mapping) or not isinstance(item.get("answers"), Mapping):
            raise NotAnswers(f"interview {index + 1} in it has no answers")
        path = f"interviews.{index}"
        dropped = [
            FieldError(f"{path}.{key}", "unknown field") for key in item if key not in ENTRY_KEYS
        ]
        archived = item.get("archived", False)
        if not isinstance(archived, bool):
            dropped.append(FieldError(f"{path}.archived", "must be true or false"))
            archived = False
        entry = _entry(item["answers"], item.get("edits"), archived, f"{path}.answers")
        entry.dropped[:0] = dropped
        entries.append(entry)
    return entries


def _entry(raw: Mapping[str, Any], edits: Any, archived: bool, path: str) -> Entry:
    """One interview's answers: normalised when valid, else as much as the form can hold."""
    _version(raw, model.VERSIONS, "answers file")
    known = {f.name for f in dataclasses.fields(Answers)}
    if not known & set(raw):
        raise NotAnswers(
            "it has none of the answers' fields (company, role, interview and the others)"
        )
    kept_edits, dropped = _edits(edits, path.removesuffix("answers") + "edits" if path else "")
    try:
        answers = model.to_dict(model.validate(clean_data(raw)))
        return Entry(answers, kept_edits, archived, dropped=dropped)
    except InvalidAnswers:
        pass
    answers = salvage(raw, dropped, path)
    try:
        model.validate(answers)
        errors: list[FieldError] = []
    except InvalidAnswers as exc:
        errors = exc.errors
    return Entry(answers, kept_edits, archived, errors, dropped)


def _edits(value: Any, path: str) -> tuple[dict[str, dict[str, str]], list[FieldError]]:
    """Well-formed edits, cleaned: {draft id: {subject, body}}; the rest is left out."""
    if value is None:
        return {}, []
    if not isinstance(value, Mapping):
        return {}, [FieldError(path, f"must be an object, not {type_name(value)}")]
    kept, dropped = {}, []
    for key, edit in value.items():
        if (
            isinstance(edit, Mapping)
            and isinstance(edit.get("subject", ""), str)
            and isinstance(edit.get("body"), str)
        ):
            kept[clean(str(key))] = {
                "subject": clean(edit.get("subject", "")),
                "body": clean(edit["body"]),
            }
        else:
            dropped.append(FieldError(f"{path}.{key}", "must have a subject and a body as text"))
    return kept, dropped


# --- as much as the form can hold --------------------------------------------------------------


def salvage(raw: Mapping[str, Any], dropped: list[FieldError], path: str = "") -> dict[str, Any]:
    """The answers as the form can show them: text (numbers as text), flags, known fields only,
    blank list entries left out; each value left out is recorded in ``dropped``."""
    out = _object(Answers, clean_data(raw), path, dropped)
    return {"version": model.VERSION, **out}


def _object(cls: Any, value: Mapping[str, Any], path: str, dropped: list[FieldError]) -> Any:
    members = {m.name: m for m in dataclasses.fields(cls)}
    out: dict[str, Any] = {}
    for key, item in value.items():
        item_path = f"{path}.{key}" if path else str(key)
        member = members.get(key)
        if member is None:
            if not (cls is Answers and key == "version"):
                dropped.append(FieldError(item_path, "unknown field"))
            continue
        kept = _value(spec_of(member), item, item_path, dropped)
        if kept is not None:
            out[key] = kept
    return out


def _value(spec: Spec, value: Any, path: str, dropped: list[FieldError]) -> Any:
    if value is None:
        return None
    if spec.kind == "group":
        if isinstance(value, Mapping):
            return _object(spec.of, value, path, dropped)
        dropped.append(FieldError(path, f"must be an object, not {type_name(value)}"))
        return None
    if spec.kind == "list":
        if not isinstance(value, list):
            dropped.append(FieldError(path, f"must be a list, not {type_name(value)}"))
            return None
        entries = []
        for index, item in enumerate(value):
            kept = _value(spec.of if isinstance(spec.of, Spec) else Spec("group", of=spec.of),
                          item, f"{path}.{index}", dropped)  # fmt: skip
            if kept is not None and not blank(kept):
                entries.append(kept)
        if len(entries) > spec.repeat:
            dropped.append(
                FieldError(path, f"has {len(entries)} entries; the worksheet holds {spec.repeat}")
            )
        return entries[: spec.repeat]
    if spec.kind == "flag":
        if isinstance(value, bool) or value == "":
            return value is True
    elif isinstance(value, str):
        return _shown(spec, value, path, dropped)
    elif isinstance(value, int | float) and not isinstance(value, bool):
        return str(value)
    dropped.append(FieldError(path, f"must be {_wanted(spec)}, not {type_name(value)}"))
    return None


def _shown(spec: Spec, value: str, path: str, dropped: list[FieldError]) -> str | None:
    """A date, a time or a choice that its control cannot show is left out (and said so); text
    is kept as it is, to be shown with its problem beside it."""
    if spec.kind not in ("date", "time", "choice") or not value.strip():
        return value
    problems: list[FieldError] = []
    model.check_leaf(spec, value, path, problems)
    dropped += problems
    return None if problems else value.strip()


def _wanted(spec: Spec) -> str:
    return "true or false" if spec.kind == "flag" else "text"


def blank(value: Any) -> bool:
    """Whether a list entry holds nothing (a form row nobody filled in)."""
    if isinstance(value, str):
        return not value.strip()
    if isinstance(value, Mapping):
        return all(blank(v) for v in value.values())
    return value is None or value is False


# --- exports -------------------------------------------------------------------------------------


def answers_file(raw: Any) -> dict[str, Any]:
    """The answers as typed, for a file: clean text, blank list entries left out, this version.

    Unfinished or invalid answers are written too (a backup must never be refused); what the form
    cannot hold is not written."""
    if not isinstance(raw, Mapping):
        raise InvalidAnswers([FieldError("answers", f"must be an object, not {type_name(raw)}")])
    return salvage(raw, [])


def backup(interviews: Any, exported: str) -> dict[str, Any]:
    """A backup of every interview: its answers file, edits and whether it is archived."""
    if not isinstance(interviews, list) or not interviews:
        raise InvalidAnswers([FieldError("interviews", "must be a list of interviews")])
    out = []
    for index, item in enumerate(interviews):
        if not isinstance(item, Mapping):
            raise InvalidAnswers([FieldError(f"interviews.{index}", "must be an object")])
        edits, _ = _edits(item.get("edits"), f"interviews.{index}.edits")
        out.append(
            {
                "answers": answers_file(item.get("answers")),
                "edits": edits,
                "archived": item.get("archived") is True,
            }
        )
    return {
        "format": BACKUP_FORMAT,
        "version": BACKUP_VERSION,
        "exported": exported,
        "interviews": out,
    }


def dumps(data: Any) -> str:
    """JSON as the files are written: indented, UTF-8 text as it is, a final newline."""
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
