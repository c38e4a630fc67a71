"""The worksheet's HTML, generated at build time from the engine's answers model so it cannot drift.

``render()`` is what the guide's ``{{ worksheet() }}`` macro becomes: the form (every control named
by its answers path, e.g. ``interview.interviewers.0.email``), the toolbar, the status line and the
empty containers that ``worksheet.mjs`` and its modules fill with drafts and the plan. The result is
one HTML block without blank lines, so Markdown passes it through untouched.
"""

from __future__ import annotations

import html
from typing import Any

from followup import model

# Shown for a choice nobody made; a choice the engine fills in itself names its default instead.
NOT_GIVEN = "Not given"
# How a choice reads on screen, where capitalising the value is not enough.
CHOICE_LABELS = {"linkedin": "LinkedIn", "in_person": "In person", "first_round": "First round"}
# Browser autofill for the candidate's own details; other people's fields must not be autofilled.
AUTOCOMPLETE = {
    "candidate.name": "name",
    "candidate.email": "email",
    "candidate.phone": "tel",
}
# Email and link stay type=text: browsers rewrite type=email values (IDN to punycode) and trim
# type=url ones, and the engine must see exactly what was typed.
INPUT_TYPES: dict[str, dict[str, str]] = {
    "text": {"type": "text"},
    "email": {"type": "text", "inputmode": "email", "spellcheck": "false"},
    "link": {"type": "text", "inputmode": "url", "spellcheck": "false"},
    "date": {"type": "date"},
    "time": {"type": "time"},
}
# The row index in a repeating group's <template>; form.mjs replaces it in every attribute.
INDEX = "__i__"
# The worksheet's modules (worksheet/), fetched while the page loads rather than one after
# another once worksheet.mjs has run: controller.mjs and every module it imports, and the
# engine's client (tests/test_form.py checks the list against the imports).
MODULES = (
    "controller.mjs", "cards.mjs", "client.mjs", "dom.mjs", "drafts.mjs", "engine.mjs",
    "files.mjs", "form.mjs", "hints.mjs", "interviews.mjs", "merge.mjs", "notices.mjs",
    "picker.mjs", "plan.mjs", "protocol.mjs", "shelf.mjs", "status.mjs", "store.mjs",
    "summary.mjs",
)  # fmt: skip


def render(arg: str = "") -> str:
    """The whole worksheet UI for ``docs/worksheet.md``; ``arg`` is unused and must be empty.
    Its scripts, stylesheet and preloads are added after the build (``finish``)."""
    if arg.strip():
        raise ValueError(f"the worksheet shortcode takes no argument, not {arg!r}")
    schema = model.schema()
    defaults = _defaults()
    form = "".join(_member(m, defaults) for m in schema["members"])
    parts = [
        '<div class="fw" data-fw-root data-fw-busy="false">',
        _status(),
        '<div class="fw-notices" data-fw-notices></div>',
        _book(),
        _toolbar(),
        '<div class="fw-layout">',
        '<form class="fw-form" data-fw-form novalidate aria-labelledby="fw-form-title">',
        '<h2 id="fw-form-title" class="fw-heading">What happened</h2>',
        '<p class="fw-intro">Fields marked <span class="fw-req" aria-hidden="true">*</span>'
        '<span class="fw-sr">with a star</span> are required; the rest make the drafts more '
        'personal. <a class="fw-skip" href="#fw-output-title">Skip to your drafts</a></p>',
        form,
        "</form>",
        '<section class="fw-output" aria-labelledby="fw-output-title">',
        '<h2 id="fw-output-title" class="fw-heading">Your drafts and plan</h2>',
        '<div class="fw-summary" data-fw-summary data-state="empty">',
        f"<p>Your drafts appear here once these are filled in: {_e(_required(schema))}.</p></div>",
        '<div class="fw-plan" data-fw-plan hidden>',
        '<h3 class="fw-subheading" id="fw-plan-title">When to send what</h3>',
        '<div class="fw-plan__body" data-fw-plan-body></div>',
        "</div>",
        '<h3 class="fw-subheading" id="fw-drafts-title" data-fw-drafts-title hidden>The drafts</h3>',
        '<div class="fw-drafts" data-fw-drafts data-state="empty"></div>',
        "</section>",
        "</div>",
        '<p class="fw-sr" data-fw-announce aria-live="polite"></p>',
        "</div>",
    ]
    return "\n".join(parts)


def _required(schema: dict[str, Any]) -> str:
    """The labels of the required fields, as a list in words: `Company, Role and Interview date`."""
    labels: list[str] = []

    def walk(node: dict[str, Any]) -> None:
        if node["type"] == "field":
            if node["required"]:
                labels.append(node["label"])
        elif not node["repeat"]:
            for member in node["members"]:
                walk(member)

    walk(schema)
    return ", ".join(labels[:-1]) + f" and {labels[-1]}" if len(labels) > 1 else "".join(labels)


def _status() -> str:
    return (
        '<div class="fw-status" data-fw-status data-stage="starting" role="status" aria-live="polite">'
        '<span class="fw-status__icon" aria-hidden="true"></span>'
        '<span class="fw-status__text" data-fw-status-text>Starting the drafting engine. '
        "You can fill in the form meanwhile.</span>"
        '<span class="fw-status__detail" data-fw-status-detail hidden></span>'
        '<button type="button" class="fw-btn" data-fw-retry hidden>Retry</button>'
        "</div>"
    )


def _book() -> str:
    """The interviews: a list to switch between them (painted by picker.mjs), what to do with
    the one shown, and what is due across all of them."""
    return (
        '<section class="fw-book" data-fw-book aria-labelledby="fw-book-title">'
        '<h2 class="fw-heading" id="fw-book-title">Your interviews</h2>'
        '<ul class="fw-book__list" data-fw-book-list aria-label="Interviews"></ul>'
        '<details class="fw-book__archived" data-fw-book-archived hidden>'
        "<summary>Archived interviews (<span data-fw-book-archived-count>0</span>)</summary>"
        '<ul class="fw-book__list" data-fw-book-archived-list aria-label="Archived interviews">'
        "</ul></details>"
        '<div class="fw-book__actions">'
        '<button type="button" class="fw-btn" data-fw-new>New interview</button>'
        '<span class="fw-check"><input type="checkbox" id="fw-new-copy" data-fw-new-copy checked>'
        '<label for="fw-new-copy">Start it with my details (name, email, phone and '
        "signature)</label></span>"
        '<button type="button" class="fw-btn" data-fw-archive>Archive this interview</button>'
        '<button type="button" class="fw-btn fw-btn--danger" data-fw-delete>'
        "Delete this interview</button>"
        "</div>"
        '<div class="fw-due" data-due aria-labelledby="fw-due-title">'
        '<h3 class="fw-subheading" id="fw-due-title">Due</h3>'
        '<div data-fw-due-body><p class="fw-due__none">Nothing to send in the next seven days.'
        "</p></div></div>"
        "</section>"
    )


def _toolbar() -> str:
    return (
        '<div class="fw-toolbar" role="group" aria-label="Your answers and files">'
        '<span class="fw-file">'
        '<input type="file" id="fw-import" accept=".json,application/json" data-fw-import>'
        '<label for="fw-import" class="fw-btn">Import answers</label>'
        "</span>"
        '<button type="button" class="fw-btn" data-fw-export>Export answers</button>'
        '<button type="button" class="fw-btn" data-fw-backup>Back up all interviews</button>'
        '<button type="button" class="fw-btn" data-fw-example>Load the example</button>'
        '<button type="button" class="fw-btn" data-fw-ics disabled>Download plan (.ics)</button>'
        '<button type="button" class="fw-btn" data-fw-ics-all>'
        "Download all plans (.ics)</button>"
        '<button type="button" class="fw-btn" data-fw-print disabled>Print drafts</button>'
        '<button type="button" class="fw-btn fw-btn--danger" data-fw-clear>Clear my data</button>'
        "</div>"
    )


def _defaults() -> dict[str, str]:
    """What the engine fills in for a choice left empty (the tone, the channel), by path."""
    minimal = model.validate(
        {"company": {"name": "x"}, "role": "x", "interview": {"date": "2026-01-05"}}
    )
    out: dict[str, str] = {}

    def walk(node: Any, path: str) -> None:
        if isinstance(node, dict):
            for key, value in node.items():
                walk(value, f"{path}.{key}" if path else key)
        elif isinstance(node, str) and node:
            out[path] = node

    walk(model.to_dict(minimal), "")
    return out


def _member(node: dict[str, Any], defaults: dict[str, str]) -> str:
    if node["type"] == "field":
        return _field(node, node["path"], defaults)
    if node["repeat"]:
        return _repeat(node, defaults)
    inner = "".join(_member(m, defaults) for m in node["members"])
    gid = _id(node["path"])
    described = f' aria-describedby="{gid}-help"' if node["help"] else ""
    return (
        f'<fieldset class="fw-group" data-fw-group="{_e(node["path"])}"{described}>'
        f'<legend class="fw-legend">{_e(node["label"])}</legend>'
        f"{_help(node, gid)}{inner}</fieldset>"
    )


def _repeat(node: dict[str, Any], defaults: dict[str, str]) -> str:
    """A list of entries: one row in the page, a <template> row, Add and Remove buttons."""
    path, item = node["path"], node["item_label"]
    gid = _id(path)
    row = _row(node, defaults)
    # Rows are numbered for people from 1; <span data-fw-n> is filled in by form.mjs.
    first = row.replace(INDEX, "0").replace("<span data-fw-n></span>", "<span data-fw-n>1</span>")
    # The group's help and its own errors (e.g. too many rows) are read with its legend.
    described = " ".join(([f"{gid}-help"] if node["help"] else []) + [f"{gid}-error"])
    return (
        f'<fieldset class="fw-group fw-repeat" data-fw-repeat="{_e(path)}" '
        f'data-fw-max="{node["repeat"]}" data-fw-item="{_e(item)}" aria-describedby="{described}">'
        f'<legend class="fw-legend">{_e(node["label"])}</legend>'
        f"{_help(node, gid)}"
        f'<ol class="fw-rows" data-fw-rows>{first}</ol>'
        f"<template data-fw-template>{row}</template>"
        f'<p class="fw-error" id="{gid}-error" data-fw-error="{_e(path)}"></p>'
        f'<button type="button" class="fw-btn fw-btn--add" data-fw-add>'
        f"Add {_e(item.lower())}</button>"
        f'<p class="fw-limit" data-fw-limit hidden>That is the most this list can hold '
        f"({node['repeat']}).</p>"
        "</fieldset>"
    )


def _row(node: dict[str, Any], defaults: dict[str, str]) -> str:
    path, item = node["path"], node["item_label"]
    members = node["members"]
    single = len(members) == 1 and members[0]["type"] == "field" and not members[0]["name"]
    remove = (
        '<button type="button" class="fw-btn fw-btn--remove" data-fw-remove>Remove'
        f'<span class="fw-sr"> {_e(item.lower())} <span data-fw-n></span></span></button>'
    )
    if single:
        field = dict(members[0], label=f"{item} ")
        control = _field(field, f"{path}.{INDEX}", defaults, numbered=True, extra=remove)
        return f'<li class="fw-row fw-row--single" data-fw-row>{control}</li>'
    fields = "".join(
        _field(m, f"{path}.{INDEX}.{m['name']}", defaults) for m in members if m["type"] == "field"
    )
    return (
        f'<li class="fw-row" data-fw-row><fieldset class="fw-item">'
        f'<legend class="fw-item__legend">{_e(item)} <span data-fw-n></span></legend>'
        f'<div class="fw-item__fields"><div class="fw-item__grid">{fields}</div></div>'
        f"{remove}</fieldset></li>"
    )


def _field(
    node: dict[str, Any],
    path: str,
    defaults: dict[str, str],
    *,
    numbered: bool = False,
    extra: str = "",
) -> str:
    """One labelled control with its help and error slot, tied together by aria-describedby."""
    fid = _id(path)
    kind = node["kind"]
    describedby = ([f"{fid}-help"] if node["help"] else []) + [f"{fid}-error"]
    # Beside "Greet as": the greeting the drafts use for this person (hints.mjs fills it in).
    person = path.removesuffix(".greet_as") if node["name"] == "greet_as" else ""
    if person:
        describedby.append(f"{fid}-greeting")
    attrs: dict[str, str | None] = {
        "id": fid,
        "name": path,
        "aria-describedby": " ".join(describedby),
        "required": "" if node["required"] else None,
    }
    if node["placeholder"]:
        attrs["placeholder"] = f"e.g. {node['placeholder']}"
    if kind == "choice":
        blank = defaults.get(node["path"])
        options = [f'<option value="">{_e(_choice(blank) if blank else NOT_GIVEN)}</option>']
        options += [f'<option value="{_e(c)}">{_e(_choice(c))}</option>' for c in node["choices"]]
        control = f"<select{_attrs(attrs)}>{''.join(options)}</select>"
    elif kind == "multiline":
        control = f"<textarea{_attrs(attrs | {'rows': '3'})}></textarea>"
    elif kind == "flag":  # true or false: a checkbox, never a required one
        control = f'<input type="checkbox"{_attrs(attrs | {"required": None})}>'
    else:
        attrs |= _input_attrs(kind, path)
        control = f"<input{_attrs(attrs)}>"
    star = '<span class="fw-req" aria-hidden="true"> *</span>' if node["required"] else ""
    number = "<span data-fw-n></span>" if numbered else ""
    # Short fields may share a line; longer text gets the full width.
    wide = (
        " fw-field--wide"
        if kind in ("multiline", "link") or node["max_length"] > model.SHORT
        else ""
    )
    return (
        f'<div class="fw-field fw-field--{kind}{wide}" data-fw-field="{_e(path)}">'
        f'<label class="fw-label" for="{fid}">{_e(node["label"])}{number}{star}</label>'
        f"{_help(node, fid)}"
        f'<div class="fw-control">{control}{extra}</div>'
        f'<p class="fw-error" id="{fid}-error" data-fw-error="{_e(path)}"></p>'
        f"{_greeting(fid, person) if person else ''}"
        "</div>"
    )


def _greeting(fid: str, person: str) -> str:
    return (
        f'<p class="fw-greeting" id="{fid}-greeting" data-fw-greeting="{_e(person)}" hidden></p>'
    )


def _input_attrs(kind: str, path: str) -> dict[str, str | None]:
    attrs: dict[str, str | None] = dict(INPUT_TYPES[kind])
    if kind in ("email", "link"):
        attrs["autocapitalize"] = "off"
    generic = path.replace(INDEX, "0")
    attrs["autocomplete"] = AUTOCOMPLETE.get(generic, "off")
    return attrs


def _help(node: dict[str, Any], fid: str) -> str:
    if not node["help"]:
        return ""
    return f'<p class="fw-help" id="{fid}-help">{_e(node["help"])}</p>'


def _choice(value: str) -> str:
    return CHOICE_LABELS.get(value, value.replace("_", " ").capitalize())


def _id(path: str) -> str:
    return "fw-" + path.replace(".", "-")


def _attrs(attrs: dict[str, str | None]) -> str:
    return "".join(
        f" {k}" if v == "" else f' {k}="{_e(v)}"' for k, v in attrs.items() if v is not None
    )


def _e(text: str) -> str:
    return html.escape(text, quote=True)
