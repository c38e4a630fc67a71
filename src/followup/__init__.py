"""Follow-up drafts, a dated plan and a review after a job interview."""

from .kinds import NAMES as KINDS
from .model import Answers, FieldError, InvalidAnswers, parse, schema, to_dict, validate
from .render import Draft, Finding, format_date, render_draft, render_drafts

__all__ = [
    "KINDS",
    "Answers",
    "Draft",
    "FieldError",
    "Finding",
    "InvalidAnswers",
    "format_date",
    "parse",
    "render_draft",
    "render_drafts",
    "schema",
    "to_dict",
    "validate",
]
