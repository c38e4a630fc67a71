"""The answers contract and the draft kinds as tables for the guide, from their declarations."""

from __future__ import annotations

from html import escape
from typing import Any

from followup import kinds, model

KIND_WORDS = {
    "text": "text, one line",
    "multiline": "text, several lines",
    "email": "an email address",
    "date": "a date, YYYY-MM-DD",
    "time": "a time, HH:MM (24-hour clock)",
    "link": "a web address (https://…)",
    "choice": "one of",
    "flag": "true or false",
}
TO_WORDS = {
    "each": "each interviewer",
    "lead": "the interviewer you follow up with",
    "contact": "the main contact, else the interviewer you follow up with",
    "asker": "the interviewer who asked (see [Who gets it](concerns.md#who-asked)), else the interviewer you follow up with",
}


def _cell(*parts: str) -> str:
    """Label and help as one table cell: plain text, pipes escaped."""
    text = " ".join(p if p.endswith((".", "?", "!")) else f"{p}." for p in parts if p)
    return escape(text, quote=False).replace("|", "\\|")


def fields_table() -> str:
    """Every field of the answers file: its path, what it holds, its limit and what it is for."""
    rows = ["| Field | Holds | Required | What it is for |", "| --- | --- | --- | --- |"]

    def walk(node: dict[str, Any], path: str, listed: bool) -> None:
        for member in node["members"]:
            if member["type"] == "group":
                inner = f"{member['path']}.N" if member["repeat"] else member["path"]
                if member["repeat"] and not (
                    len(member["members"]) == 1 and not member["members"][0]["name"]
                ):
                    rows.append(
                        f"| `{member['path']}` | a list of up to {member['repeat']} | "
                        f"| {_cell(member['label'], member['help'])} |"
                    )
                    walk(_renamed(member, inner), inner, True)
                elif member["repeat"]:
                    leaf = member["members"][0]
                    rows.append(
                        f"| `{member['path']}` | a list of up to {member['repeat']} lines of "
                        f"{leaf['max_length']} characters | | "
                        f"{_cell(member['label'], member['help'])} |"
                    )
                else:
                    walk(member, member["path"], False)
                continue
            holds = KIND_WORDS[member["kind"]]
            if member["kind"] == "choice":
                holds += " " + ", ".join(f"`{c}`" for c in member["choices"])
            elif member["kind"] in ("text", "multiline"):
                holds += f", up to {member['max_length']} characters"
            name = f"{path}.{member['name']}" if listed else member["path"]
            rows.append(
                f"| `{name}` | {holds} | {'yes' if member['required'] else ''} | "
                f"{_cell(member['label'], member['help'])} |"
            )

    walk(model.schema(), "", False)
    return "\n".join(rows)


def _renamed(group: dict[str, Any], path: str) -> dict[str, Any]:
    return {**group, "path": path}


def kinds_table() -> str:
    """The kinds of draft in the order they are sent, from the registry."""
    rows = ["| Kind | In the plan | Goes to | By |", "| --- | --- | --- | --- |"]
    for kind in kinds.REGISTRY:
        by = ", ".join(kind.channels)
        rows.append(f"| `{kind.name}` | {kind.label} | {TO_WORDS[kind.to]} | {by} |")
    return "\n".join(rows)
