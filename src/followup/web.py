"""One JSON-in, JSON-out function for the worksheet's Web Worker: errors come back as data."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from typing import Any

from . import export, model
from .model import FieldError, InvalidAnswers
from .people import greeting
from .render import Draft, greeting_line
from .review import CHECKS, advise, reviewed_drafts
from .sample import SAMPLE

Handler = Callable[[dict[str, Any]], dict[str, Any]]


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
    return {str(k): {p: v[p] for p in ("subject", "body") if p in v} for k, v in edits.items()}


def _draft_json(draft: Any, generated: dict[str, Any]) -> dict[str, Any]:
    data: dict[str, Any] = draft.to_dict()
    data["id"] = draft.id
    data["label"] = export.label(draft)
    data["channel"] = draft.channel
    original = generated[draft.id]
    data["edited"] = (draft.subject, draft.body) != (original.subject, original.body)
    data["generated"] = {"subject": original.subject, "body": original.body}
    return data


def _render(request: dict[str, Any]) -> dict[str, Any]:
    answers = _answers(request)
    drafts = _reviewed(request, answers)
    generated = {d.id: d for d in reviewed_drafts(answers, today=_today(request))}
    return {
        "drafts": [_draft_json(d, generated) for d in drafts],
        "plan": export.plan_rows(drafts),
        "answers": model.to_dict(answers),
        "advice": [vars(a).copy() for a in advise(answers)],
        "people": _people(answers),
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


def _ics(request: dict[str, Any]) -> dict[str, Any]:
    answers = _answers(request)
    drafts = _reviewed(request, answers)
    return {
        "filename": f"follow-up-{_slug(answers.company.name)}.ics",
        "text": export.to_ics(drafts, answers),
    }


def _eml(request: dict[str, Any]) -> dict[str, Any]:
    answers = _answers(request)
    wanted = str(request.get("id", ""))
    for draft in _reviewed(request, answers):
        if draft.id == wanted:
            return {
                "filename": f"{draft.id.replace('.', '-')}-{_slug(draft.to.name or answers.company.name)}.eml",
                "text": export.to_eml(draft, answers).decode("ascii"),
            }
    raise InvalidAnswers([FieldError("id", f"no draft {wanted!r}")])


def _validate(request: dict[str, Any]) -> dict[str, Any]:
    return {"answers": model.to_dict(_answers(request))}


def _slug(text: str) -> str:
    slug = "".join(c.lower() if c.isalnum() else "-" for c in text if c.isascii())
    return "-".join(part for part in slug.split("-") if part)[:40] or "draft"


HANDLERS: dict[str, Handler] = {
    "render": _render,
    "ics": _ics,
    "eml": _eml,
    "validate": _validate,
    "schema": lambda _: {
        "schema": model.schema(),
        "checks": {c: vars(k) for c, k in CHECKS.items()},
    },
    "example": lambda _: {"answers": json.loads(SAMPLE)},
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
        result = {"ok": False, "errors": [vars(e).copy() for e in exc.errors]}
    except (ValueError, RecursionError) as exc:
        result = {"ok": False, "errors": [{"path": "", "message": f"bad request: {exc}"}]}
    except Exception as exc:  # never a traceback in the page; say what broke
        result = {
            "ok": False,
            "errors": [{"path": "", "message": f"internal error: {type(exc).__name__}: {exc}"}],
        }
    return json.dumps(result, ensure_ascii=False)
