"""One JSON-in, JSON-out function for the worksheet's Web Worker: errors come back as data.

Whatever the page shows that depends on the answers comes from here ready to paint, so the page
only moves data: each draft's recipient line, send date, text file and mail link; the plan as a
timeline; each error's field name and sentence; which edits follow an entry that is removed. The
guide's cards (``followup_site.cards``) draw the same views. The request types and their replies
are declared for JavaScript in ``worksheet/protocol.mjs``.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Callable
from functools import cache
from typing import Any
from urllib.parse import quote

from . import examples, export, files, model
from .model import FieldError, InvalidAnswers
from .people import greeting
from .render import PER_ITEM, Draft, format_date, greeting_line, render_drafts
from .review import CHECKS, advise, reviewed_drafts

Handler = Callable[[dict[str, Any]], dict[str, Any]]

# Longer mailto: links are cut short by some mail apps and browsers.
MAILTO_LIMIT = 2000
# The send line of a draft kept for when something happens.
UNDATED = "When it happens (kept ready)"
# The engine's message for a required field left empty (model.py).
REQUIRED = "is required"
# How far apart two dates of the plan are drawn, at most, in days.
MAX_GAP = 30
# The "Due" list: what to send today, and in the days after it up to a week from today.
DUE_DAYS = 7
# A step's list index in the answers as validated (blank rows left out) ⇄ the form's row.
_INDEXED = re.compile(r"^(interview\.(?:interviewers|concerns|extra_info))\.(\d+)(\..*)?$")


def _answers(request: dict[str, Any]) -> model.Answers:
    return model.validate(request.get("answers"))


def _today(request: dict[str, Any]) -> dt.date | None:
    """The browser's local date, so the plan is made from the day the person is looking at it."""
    value = request.get("today")
    if value in (None, ""):
        return None
    try:
        if not isinstance(value, str) or len(value) != 10:
            raise ValueError
        return dt.date.fromisoformat(value)
    except ValueError:
        raise InvalidAnswers([FieldError("today", "must be a date written YYYY-MM-DD")]) from None


def _reviewed(request: dict[str, Any], answers: model.Answers) -> list[Draft]:
    return reviewed_drafts(answers, _edits(request), today=_today(request))


def _edits(request: dict[str, Any]) -> dict[str, dict[str, str]]:
    edits = request.get("edits") or {}
    if not isinstance(edits, dict):
        raise InvalidAnswers([FieldError("edits", "must be an object")])
    # A person's text is taken as it is, but only text: null must not become the word "None".
    errors = [
        FieldError(f"edits.{k}", "must be an object")
        for k, v in edits.items()
        if not isinstance(v, dict)
    ]
    errors += [
        FieldError(f"edits.{k}.{p}", "must be text")
        for k, v in edits.items()
        if isinstance(v, dict)
        for p in ("subject", "body")
        if p in v and not isinstance(v[p], str)
    ]
    if errors:
        raise InvalidAnswers(errors)
    # Control characters pasted into an edit (from a word processor) go into no file.
    return {
        str(k): {p: files.clean(v[p]) for p in ("subject", "body") if p in v}
        for k, v in edits.items()
    }


# --- what the page paints ------------------------------------------------------------------------


def draft_view(
    draft: Draft, answers: model.Answers, generated: Draft | None = None
) -> dict[str, Any]:
    """One draft as the page shows it: the drafts contract plus its display texts and files.

    ``generated`` is the draft before a person's edits (the draft itself when not edited).
    """
    original = generated or draft
    to = draft.to.name or "The hiring team"
    return {
        **draft.to_dict(),
        "id": draft.id,
        "label": export.label(draft),
        "channel": draft.channel,
        "edited": (draft.subject, draft.body) != (original.subject, original.body),
        "generated": {"subject": original.subject, "body": original.body},
        "to_text": f"{to} <{draft.to.email}>" if draft.to.email else to,
        "when_text": format_date(draft.send_on, weekday=True) if draft.send_on else UNDATED,
        "text": plain_text(draft),
        "text_filename": f"{_file_stem(draft, answers)}.txt",
        "mailto": _mailto(draft),
    }


def plain_text(draft: Draft) -> str:
    """The draft as one text file: ``Subject: …``, a blank line and the body (no subject: the body)."""
    text = f"Subject: {draft.subject}\n\n{draft.body}\n" if draft.subject else f"{draft.body}\n"
    return files.clean(text)


def _mailto(draft: Draft) -> str | None:
    """A mailto: link that opens the draft in a mail app (RFC 6068: CRLF line breaks), or None
    for a letter or LinkedIn message, or when the link would be too long to work everywhere."""
    if draft.channel != "email":
        return None
    to = "@".join(_uri(part) for part in draft.to.email.split("@"))
    query = [f"subject={_uri(draft.subject)}"] if draft.subject else []
    body = re.sub(r"\r?\n", "\r\n", draft.body)
    query.append(f"body={_uri(body)}")
    href = f"mailto:{to}?{'&'.join(query)}"
    return href if len(href) <= MAILTO_LIMIT else None


def _uri(text: str) -> str:
    """Percent-encoding as JavaScript's encodeURIComponent does it."""
    return quote(text.encode("utf-8", "replace"), safe="!'()*~")


def plan_view(drafts: list[Draft], held: dt.date) -> dict[str, Any]:
    """The plan as a timeline: the interview (with any steps due that day), then each send date
    with its steps, how long after the interview it is and the wait before it (``gap``, in days,
    at most MAX_GAP); then the steps kept for when something happens."""
    dated: dict[str, list[dict[str, str]]] = {}
    undated = []
    for row in export.plan_rows(drafts):
        step = {"id": str(row["id"]), "kind": str(row["kind"]), "label": str(row["label"])}
        if row["send_on"]:
            dated.setdefault(str(row["send_on"]), []).append(step)
        else:
            undated.append(step)
    same_day = dated.pop(held.isoformat(), [])
    days = [
        {
            "date": held.isoformat(),
            "date_text": format_date(held, weekday=True),
            "when_text": "The interview; send the same day:" if same_day else "The interview",
            "start": True,
            "gap": 0,
            "steps": same_day,
        }
    ]
    previous = held
    for iso in sorted(dated):
        day = dt.date.fromisoformat(iso)
        after = (day - held).days
        days.append(
            {
                "date": iso,
                "date_text": format_date(day, weekday=True),
                "when_text": f"{after} day{'' if after == 1 else 's'} after the interview",
                "start": False,
                "gap": min(max((day - previous).days, 0), MAX_GAP),
                "steps": dated[iso],
            }
        )
        previous = day
    return {"days": days, "undated": undated}


def field_label(path: str) -> str:
    """What a field is called on the worksheet: its label, after its row's (``Interviewer 2``)
    in a list; a list's own name; the path itself when it names no field (an unknown key)."""
    if not path:
        return "The answers"
    node = _schema()
    parts = path.split(".")
    prefix = ""
    while parts:
        member = next((m for m in node.get("members", []) if m["name"] == parts[0]), None)
        if member is None:
            return path
        node, parts = member, parts[1:]
        if node["type"] == "field":
            return f"{prefix}{node['label']}" if not parts else path
        if node["repeat"]:
            if not parts:
                return str(node["label"])
            if not parts[0].isdigit():
                return path
            item = f"{node['item_label']} {int(parts[0]) + 1}"
            parts = parts[1:]
            if not parts:
                return item
            members = node["members"]
            if len(members) == 1 and not members[0]["name"]:  # a list of single texts
                return path
            prefix = f"{item} › "
    return f"{prefix}{node['label']}"


@cache
def _schema() -> dict[str, Any]:
    return model.schema()


def error_view(error: FieldError) -> dict[str, Any]:
    """One problem as the page shows it: the field's name, and a sentence to show beside it."""
    message = error.message
    if re.match(r"(is|must|has|contains)\b", message):
        text = f"This field {message}."
    else:
        text = f"{message[:1].upper()}{message[1:]}."
    return {
        "path": error.path,
        "message": message,
        "label": field_label(error.path),
        "text": text,
        "missing": message == REQUIRED,
    }


# --- the request types -----------------------------------------------------------------------------


def _render(request: dict[str, Any]) -> dict[str, Any]:
    answers = _answers(request)
    edits, today = _edits(request), _today(request)
    drafts = reviewed_drafts(answers, edits, today=today)
    # The drafts as generated, for the edited ones (a second rendering only when there are edits).
    unedited = reviewed_drafts(answers, today=today) if edits else drafts
    generated = {d.id: d for d in unedited}
    rows = _form_rows(request.get("answers"))
    return {
        "drafts": [draft_view(d, answers, generated[d.id]) for d in drafts],
        "plan": plan_view(drafts, answers.interview.date),
        "answers": model.to_dict(answers),
        "answers_filename": f"follow-up-answers-{_slug(answers.company.name)}.json",
        "advice": [{**vars(a), "path": _form_path(a.path, rows)} for a in advise(answers)],
        "people": [{**p, "path": _form_path(p["path"], rows)} for p in _people(answers)],
        "due": due_view(drafts, today or dt.date.today()),
    }


def _people(answers: model.Answers) -> list[dict[str, str]]:
    """Each named person and the greeting the drafts use, to show beside them in the form."""
    people: list[tuple[str, model.Contact]] = [("contact", answers.contact)]
    people += [
        (f"interview.interviewers.{i}", p) for i, p in enumerate(answers.interview.interviewers)
    ]
    tone, company = answers.preferences.tone, answers.company.name
    conversation = answers.interview.stage == "informational"
    return [
        {"path": path, "greeting": greeting_line(tone, greeting(person), company, conversation)}
        for path, person in people
        if greeting(person)
    ]


def _form_rows(raw: Any) -> dict[str, list[int]]:
    """For each list of the answers, the form's row of each entry the engine kept: rows nobody
    filled in are left out of the answers, so entry 1 may be the form's row 2."""
    out: dict[str, list[int]] = {}
    interview = raw.get("interview") if isinstance(raw, dict) else None
    for name in ("interviewers", "concerns", "extra_info"):
        rows = interview.get(name) if isinstance(interview, dict) else None
        if isinstance(rows, list):
            out[f"interview.{name}"] = [i for i, row in enumerate(rows) if not files.blank(row)]
    return out


def _form_path(path: str, rows: dict[str, list[int]]) -> str:
    """An answers path with the form's row number in place of the entry's."""
    match = _INDEXED.match(path)
    if not match:
        return path
    listed, index, rest = match.group(1), int(match.group(2)), match.group(3) or ""
    kept = rows.get(listed, [])
    return f"{listed}.{kept[index]}{rest}" if index < len(kept) else path


def due_view(drafts: list[Draft], today: dt.date) -> list[dict[str, Any]]:
    """The steps to send today (any late one included) and in the days after it, up to a week
    from today, in date order; ``when_text`` is "Today" or the day."""
    out = []
    for row in export.plan_rows(drafts):
        if not row["send_on"]:
            continue
        day = dt.date.fromisoformat(str(row["send_on"]))
        if (day - today).days >= DUE_DAYS:
            continue
        out.append(
            {
                "id": str(row["id"]),
                "kind": str(row["kind"]),
                "label": str(row["label"]),
                "send_on": day.isoformat(),
                "today": day <= today,
                "when_text": "Today" if day <= today else format_date(day, weekday=True),
            }
        )
    return out


def _ics(request: dict[str, Any]) -> dict[str, Any]:
    """One interview's plan as a calendar; with ``interviews``, every one's in one calendar."""
    if "interviews" not in request:
        answers = _answers(request)
        drafts = _reviewed(request, answers)
        return {
            "filename": f"follow-up-{_slug(answers.company.name)}.ics",
            "text": export.to_ics(drafts, answers),
            "events": sum(1 for d in drafts if d.send_on),
        }
    plans = [
        (_reviewed({**request, "edits": item.get("edits")}, answers), answers)
        for item, answers in _interviews(request)
    ]
    return {
        "filename": "follow-up-all-interviews.ics",
        "text": export.to_ics_many(plans, "Follow-ups: all interviews"),
        "events": sum(1 for drafts, _ in plans for d in drafts if d.send_on),
    }


def _interviews(request: dict[str, Any]) -> list[tuple[dict[str, Any], model.Answers]]:
    """Each interview of ``interviews`` ({id, answers, edits}) with its answers, when they are
    complete; the others have no plan yet, and are left out."""
    items = request.get("interviews")
    if not isinstance(items, list):
        raise InvalidAnswers([FieldError("interviews", "must be a list")])
    out = []
    for index, item in enumerate(items):
        if not isinstance(item, dict):
            raise InvalidAnswers([FieldError(f"interviews.{index}", "must be an object")])
        try:
            out.append((item, model.validate(item.get("answers"))))
        except InvalidAnswers:
            continue
    return out


def _due(request: dict[str, Any]) -> dict[str, Any]:
    """What is due today and this week in each interview (named by its ``id``) with a plan."""
    today = _today(request) or dt.date.today()
    due = []
    for item, answers in _interviews(request):
        drafts = render_drafts(answers, today=today)
        due += [{**step, "interview": str(item.get("id", ""))} for step in due_view(drafts, today)]
    return {"due": due}


def _read_file(request: dict[str, Any]) -> dict[str, Any]:
    """An imported file's interviews, ready for the form, or why it is not an answers file."""
    try:
        reading = files.read(request.get("data"))
    except files.NotAnswers as exc:
        raise InvalidAnswers([FieldError("", f"not an answers file: {exc}")]) from None
    return {
        "kind": reading.kind,
        "interviews": [
            {
                "answers": entry.answers,
                "edits": entry.edits,
                "archived": entry.archived,
                "problems": [error_view(e) for e in entry.errors],
                "dropped": [error_view(e) for e in entry.dropped],
            }
            for entry in reading.entries
        ],
    }


def _export(request: dict[str, Any]) -> dict[str, Any]:
    """The answers as typed, as a file that imports again (unfinished ones too)."""
    answers = files.answers_file(request.get("answers"))
    try:
        name = _slug(model.validate(answers).company.name)
    except InvalidAnswers:
        name = ""
    return {
        "filename": f"follow-up-answers-{name}.json" if name else "follow-up-answers.json",
        "text": files.dumps(answers),
    }


def _backup(request: dict[str, Any]) -> dict[str, Any]:
    """Every interview, with its edits, as one backup file (files.py describes it)."""
    today = (_today(request) or dt.date.today()).isoformat()
    return {
        "filename": f"follow-up-backup-{today}.json",
        "text": files.dumps(files.backup(request.get("interviews"), today)),
    }


def _eml(request: dict[str, Any]) -> dict[str, Any]:
    answers = _answers(request)
    wanted = str(request.get("id", ""))
    for draft in _reviewed(request, answers):
        if draft.id == wanted:
            return {
                "filename": f"{_file_stem(draft, answers)}.eml",
                "text": export.to_eml(draft, answers).decode("ascii"),
            }
    raise InvalidAnswers([FieldError("id", f"no draft {wanted!r}")])


def _validate(request: dict[str, Any]) -> dict[str, Any]:
    return {"answers": model.to_dict(_answers(request))}


def _remove_item(request: dict[str, Any]) -> dict[str, Any]:
    """The edits once entry ``index`` of the list at ``path`` is removed from the answers (as the
    form holds them, before the removal): drafts numbered by entry move up with their entries."""
    edits = _edits(request)
    path, index = request.get("path"), request.get("index")
    if not isinstance(path, str):
        raise InvalidAnswers([FieldError("path", "must be text")])
    if type(index) is not int or index < 0:
        raise InvalidAnswers([FieldError("index", "must be a whole number, 0 or more")])
    entries: Any = request.get("answers")
    for part in path.split("."):
        entries = entries.get(part) if isinstance(entries, dict) else None
    kinds = PER_ITEM.get(path, ())
    if not kinds or not isinstance(entries, list) or not _named(entries[index : index + 1]):
        return {"edits": edits}  # no draft was written for that entry: no number changes
    gone = len(_named(entries[:index]))
    moved = {}
    for key, edit in edits.items():
        kind, _, number = key.rpartition(".")
        if kind in kinds and number.isdigit() and int(number) >= gone:
            if int(number) > gone:
                moved[f"{kind}.{int(number) - 1}"] = edit
        else:
            moved[key] = edit
    return {"edits": moved}


def _named(entries: list[Any]) -> list[Any]:
    """The entries that get drafts of their own: those with a name (see render.render_drafts)."""
    return [e for e in entries if isinstance(e, dict) and str(e.get("name") or "").strip()]


def _file_stem(draft: Draft, answers: model.Answers) -> str:
    return f"{draft.id.replace('.', '-')}-{_slug(draft.to.name or answers.company.name)}"


def _slug(text: str) -> str:
    return export.slug(text) or "draft"


HANDLERS: dict[str, Handler] = {
    "render": _render,
    "ics": _ics,
    "eml": _eml,
    "validate": _validate,
    "remove_item": _remove_item,
    "due": _due,
    "read_file": _read_file,
    "export": _export,
    "backup": _backup,
    "schema": lambda _: {
        "schema": model.schema(),
        "checks": {c: vars(k) for c, k in CHECKS.items()},
    },
    "example": lambda _: {"answers": json.loads(examples.text())},
}


def handle(request: str) -> str:
    """Answer one request (``{"type": ..., ...}``) with ``{"ok": true, ...}`` or ``{"ok": false, "errors": [...]}``."""
    try:
        data = json.loads(request)
        if not isinstance(data, dict):
            raise InvalidAnswers([FieldError("", "the request must be an object")])
        kind = data.get("type")
        if not isinstance(kind, str) or kind not in HANDLERS:
            raise InvalidAnswers([FieldError("type", f"unknown request type {kind!r}")])
        result = {"ok": True, "errors": [], **HANDLERS[kind](data)}
    except InvalidAnswers as exc:
        result = {"ok": False, "errors": [error_view(e) for e in exc.errors]}
    except (ValueError, RecursionError) as exc:
        result = {"ok": False, "errors": [error_view(FieldError("", f"bad request: {exc}"))]}
    except Exception as exc:  # never a traceback in the page; say what broke
        message = f"internal error: {type(exc).__name__}: {exc}"
        result = {"ok": False, "errors": [error_view(FieldError("", message))]}
    return json.dumps(result, ensure_ascii=False)
