"""The worksheet's storage as the browser tests read and write it (worksheet/store.mjs).

Keys are scoped by the site's path: ``followup:/interview-follow-up/:interview:<id>`` holds one
interview's record ({version, id, epoch, created, answers, edits, archived, deleted, stamps});
``followup-worksheet`` is where the one-interview worksheet kept ``{version: 1, answers, edits}``.
"""

from __future__ import annotations

import json
from typing import Any

from playwright.sync_api import Page
from sitekit import PREFIX

SCOPE = f"followup:{PREFIX}:"
RECORD = f"{SCOPE}interview:"
LEGACY_KEY = "followup-worksheet"

# The current interview's stored record (null before it is first saved).
CURRENT = f"""() => {{
  const button = document.querySelector('[data-interview][aria-current="true"]');
  const raw = button && localStorage.getItem({json.dumps(RECORD)} + button.dataset.interview);
  return raw === null ? null : JSON.parse(raw);
}}"""
# Every stored record, deleted ones (tombstones) included.
RECORDS = f"""() => Object.keys(localStorage).filter((key) => key.startsWith({json.dumps(RECORD)}))
  .map((key) => JSON.parse(localStorage.getItem(key)))"""


def current(page: Page) -> dict[str, Any] | None:
    """The record of the interview the page shows."""
    record: dict[str, Any] | None = page.evaluate(CURRENT)
    return record


def records(page: Page) -> list[dict[str, Any]]:
    """Every interview stored (not the deleted), oldest first."""
    found: list[dict[str, Any]] = page.evaluate(RECORDS)
    return sorted((r for r in found if not r.get("deleted")), key=lambda r: (r["created"], r["id"]))


def saved_answers(page: Page) -> dict[str, Any]:
    """The answers saved for the interview the page shows."""
    record = current(page)
    assert record is not None, "nothing is saved for the interview shown"
    answers: dict[str, Any] = record["answers"]
    return answers


def put(page: Page, key: str, raw: str) -> None:
    page.evaluate("([key, raw]) => localStorage.setItem(key, raw)", [key, raw])


def legacy(answers: dict[str, Any], edits: dict[str, Any] | None = None) -> str:
    """What the one-interview worksheet saved."""
    return json.dumps({"version": 1, "answers": answers, "edits": edits or {}})
