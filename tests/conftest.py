"""Engine fixtures: the shared answers files under tests/fixtures/ and ways to vary them.

Browser-test fixtures live in tests/browser/conftest.py; nothing here is autouse.
"""

from __future__ import annotations

import copy
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from followup import Answers, validate

TESTS = Path(__file__).resolve().parent
FIXTURES = TESTS / "fixtures"
INVALID = TESTS / "invalid"

Raw = dict[str, Any]


def _raw(name: str) -> Raw:
    return json.loads((FIXTURES / f"{name}.json").read_text(encoding="utf-8"))


def _set(data: Raw, path: str, value: Any) -> Raw:
    """Set ``value`` at a dotted answers path (``interview.interviewers.0.email``) in place."""
    *parents, last = path.split(".")
    node: Any = data
    for part in parents:
        node = node[int(part)] if isinstance(node, list) else node.setdefault(part, {})
    if isinstance(node, list):
        node[int(last)] = value
    else:
        node[last] = value
    return data


@pytest.fixture
def raw_answers() -> Callable[[str], Raw]:
    """A fresh, mutable copy of one fixture's parsed JSON: ``raw_answers("panel")``."""
    return lambda name: copy.deepcopy(_raw(name))


@pytest.fixture
def answers_with() -> Callable[..., Raw]:
    """A fixture's JSON with some paths changed: ``answers_with("panel", {"role": "x"})``.

    Paths are answers paths with numeric list indices, exactly as errors name them.
    """

    def make(name: str = "panel", changes: dict[str, Any] | None = None) -> Raw:
        data = copy.deepcopy(_raw(name))
        for path, value in (changes or {}).items():
            _set(data, path, value)
        return data

    return make


@pytest.fixture
def panel_raw() -> Raw:
    """The fullest fixture: every field of the contract filled, three interviewers."""
    return copy.deepcopy(_raw("panel"))


@pytest.fixture
def panel(panel_raw: Raw) -> Answers:
    return validate(panel_raw)


@pytest.fixture
def minimal() -> Answers:
    """Only the three required fields."""
    return validate(_raw("minimal"))
