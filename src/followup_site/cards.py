"""The guide's draft cards and plans as HTML, in the structure the worksheet paints them.

A card and a plan have one element tree, one set of ``fu-`` classes and data attributes, and
one stylesheet (``docs/stylesheets/cards.css``, which spells the tree out), whoever draws them:
this module for the guide's examples, ``worksheet/cards.mjs`` and ``worksheet/plan.mjs`` in the
browser. Both draw from the same views (``followup.web.draft_view`` and ``plan_view``), so every
text is the engine's; ``tests/browser/test_cards.py`` compares the two. Each result is one line
of HTML with no blank line (newlines in a body are entities), so Markdown leaves it alone.
"""

from __future__ import annotations

from html import escape
from typing import Any

from followup import Answers, Draft
from followup.web import draft_view, plan_view


def draft_card(draft: Draft, answers: Answers, provenance: dict[str, str] | None = None) -> str:
    """One draft as a card; ``provenance`` becomes ``data-`` attributes (which answers, tone…)
    that say where an example comes from."""
    view = draft_view(draft, answers)
    data = {"draft-kind": view["kind"], "draft-id": view["id"], "channel": view["channel"]}
    data |= provenance or {}
    subject = (
        '<p class="fu-draft__subject"><span class="fu-draft__subject-label">Subject: </span>'
        f'<span data-draft-part="subject">{escape(view["subject"])}</span></p>'
        if view["subject"]
        else ""
    )
    body = escape(view["body"]).replace("\n", "&#10;")
    return (
        f"<article{_attrs({'class': 'fu-draft'}, data)}>"
        '<header class="fu-draft__head">'
        f'<p class="fu-draft__title">{escape(view["label"])}</p></header>'
        '<dl class="fu-draft__meta">'
        f'<dt>To</dt><dd class="fu-draft__to">{escape(view["to_text"])}</dd>'
        f'<dt>Send</dt><dd class="fu-draft__when">{escape(view["when_text"])}</dd></dl>'
        f'<div class="fu-draft__view">{subject}'
        f'<pre class="fu-draft__body" data-draft-part="body">{body}</pre></div>'
        "</article>"
    )


def plan(drafts: list[Draft], answers: Answers) -> str:
    """The dated plan as a timeline from the interview, then the steps kept for when it happens."""
    view = plan_view(drafts, answers.interview.date)
    items = []
    for day in view["days"]:
        start = " fu-timeline__item--start" if day["start"] else ""
        steps = _steps(day["steps"]) if day["steps"] else ""
        items.append(
            f'<li class="fu-timeline__item{start}" style="--fu-gap: {int(day["gap"])}">'
            f'<time class="fu-timeline__date" datetime="{escape(day["date"])}">'
            f"{escape(day['date_text'])}</time>"
            f'<span class="fu-timeline__when">{escape(day["when_text"])}</span>{steps}</li>'
        )
    undated = (
        '<p class="fu-plan__undated">Keep ready for when it happens</p>' + _steps(view["undated"])
        if view["undated"]
        else ""
    )
    return (
        '<div class="fu-plan"><ol class="fu-timeline" aria-label="Follow-up timeline">'
        f"{''.join(items)}</ol>{undated}</div>"
    )


def _steps(steps: list[dict[str, Any]]) -> str:
    items = "".join(
        f'<li data-plan-kind="{escape(step["kind"])}">{escape(step["label"])}</li>' for step in steps
    )
    return f'<ul class="fu-steps">{items}</ul>'


def _attrs(attrs: dict[str, str], data: dict[str, str]) -> str:
    pairs = [*attrs.items(), *((f"data-{k}", v) for k, v in data.items())]
    return "".join(f' {name}="{escape(value)}"' for name, value in pairs)
