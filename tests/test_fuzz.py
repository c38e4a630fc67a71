"""Hostile and broken input: every case ends in drafts or in `path: message` errors, never a crash."""

from __future__ import annotations

import copy
import itertools
import json
import os
import subprocess
import sys
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from followup import InvalidAnswers, examples, parse, validate
from followup.model import schema
from followup.review import reviewed_drafts
from followup.web import handle

ROOT = Path(__file__).resolve().parent.parent
PANEL = json.loads(examples.text("panel"))
FUZZ = settings(max_examples=150, deadline=2000, suppress_health_check=[HealthCheck.too_slow])

json_leaf = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=False),
    st.text(max_size=50),
    st.text(alphabet=st.characters(codec="utf-8"), max_size=2000),
)
json_value = st.recursive(
    json_leaf,
    lambda inner: (
        st.lists(inner, max_size=5) | st.dictionaries(st.text(max_size=12), inner, max_size=5)
    ),
    max_leaves=30,
)
# Text people actually paste: control characters, NUL, right-to-left marks, emoji, combining marks.
nasty_text = st.lists(
    st.sampled_from(
        [
            "\x00",
            "\x07",
            "\x1b",
            "\n",
            "\r",
            "\t",
            "\u202e",
            "\u200f",
            "\u2028",
            "\ufeff",
            "\U0001f600",
            "\u0301",
            "ß",
            "ﬁ",
            "\ud7ff",
            "{{",
            "}}",
            "{%",
            "%}",
            "{#",
            "<",
            ">",
            "&",
            "a",
            " ",
        ]
    ),
    max_size=40,
).map("".join)


def leaf_paths(group: dict | None = None, prefix: tuple = ()) -> list[tuple]:
    """Every string field's location in a full answers document (lists at index 0)."""
    paths = []
    for member in (group or schema())["members"]:
        here = (*prefix, member["name"]) if member["name"] else prefix
        if member["type"] == "field":
            paths.append(here if member["name"] else (*here, 0))
        elif member["repeat"] and not (
            len(member["members"]) == 1 and not member["members"][0]["name"]
        ):
            paths += leaf_paths(member, (*here, 0))
        else:
            paths += leaf_paths(member, here)
    return paths


PATHS = leaf_paths()


def put(doc: dict, path: tuple, value) -> dict:
    doc = copy.deepcopy(doc)
    node = doc
    for key, following in itertools.pairwise(path):
        if isinstance(node, dict) and key not in node:  # a group the example leaves out
            node[key] = [] if isinstance(following, int) else {}
        if isinstance(node, list) and isinstance(key, int):
            while len(node) <= key:
                node.append({})
        node = node[key]
    node[path[-1]] = value
    return doc


def outcome(data) -> str:
    """Drafts or clean errors; anything else propagates and fails the test."""
    try:
        answers = validate(data)
    except InvalidAnswers as exc:
        assert exc.errors and all(isinstance(e.path, str) and e.message for e in exc.errors)
        return "errors"
    drafts = reviewed_drafts(answers)
    assert drafts and all(d.body for d in drafts)
    return "drafts"


def test_every_string_field_is_reached():
    assert len(PATHS) >= 25


@FUZZ
@given(json_value)
def test_arbitrary_json_never_crashes(data):
    outcome(data)
    response = json.loads(handle(json.dumps({"type": "render", "answers": data})))
    assert response["ok"] or response["errors"]


@FUZZ
@given(st.sampled_from(PATHS), json_value)
def test_wrong_types_anywhere_are_named_errors(path, value):
    data = put(PANEL, path, value)
    result = outcome(data)
    if result == "errors" and not isinstance(value, str | type(None)):
        try:
            validate(data)
        except InvalidAnswers as exc:
            assert any(e.path.startswith(".".join(map(str, path[:1]))) for e in exc.errors)


@FUZZ
@given(st.sampled_from(PATHS), nasty_text)
def test_nasty_text_in_any_field(path, text):
    outcome(put(PANEL, path, text))


@FUZZ
@given(
    st.dictionaries(st.text(max_size=10), json_value, max_size=4),
    st.sampled_from(
        ["", "candidate", "company", "interview", "interview.interviewers.0", "preferences"]
    ),
)
def test_unknown_keys_are_errors_wherever_they_appear(extra, where):
    data = copy.deepcopy(PANEL)
    node = data
    for key in [k for k in where.split(".") if k]:
        node = node[int(key)] if key.isdigit() else node[key]
    extra = {k: v for k, v in extra.items() if k not in node and k != "version"}
    node.update(extra)
    if extra:
        try:
            validate(data)
        except InvalidAnswers as exc:
            named = {e.path for e in exc.errors}
            for key in extra:
                assert (f"{where}.{key}" if where else key) in named
        else:
            raise AssertionError("unknown keys were accepted")


@FUZZ
@given(st.binary(max_size=3000))
def test_arbitrary_bytes_parse_or_fail_cleanly(raw):
    for fmt in ("json", "toml"):
        try:
            parse(raw, fmt)
        except InvalidAnswers as exc:
            assert exc.errors


def test_deep_nesting_and_huge_input_fail_cleanly():
    for text in ("[" * 100_000 + "]" * 100_000, '{"a":' * 50_000 + "1" + "}" * 50_000):
        try:
            parse(text)
        except InvalidAnswers as exc:
            assert exc.errors
    big = put(PANEL, ("role",), "x" * 5_000_000)
    try:
        validate(big)
    except InvalidAnswers as exc:
        assert exc.errors[0].path == "role"


def test_cli_on_hostile_files_exits_cleanly(tmp_path):
    cases = {
        "nul.json": b'{"version": 1, "role": "a\x00b"}',
        "latin1.json": '{"role": "caf\xe9"}'.encode("latin-1"),
        "bom.json": b"\xef\xbb\xbf" + json.dumps(PANEL).encode(),
        "deep.json": b"[" * 200_000,
        "rtl.json": json.dumps(put(PANEL, ("candidate", "name"), "\u202eevil\u202c")).encode(),
        "bad.toml": b"version = 1\n[company\nname = 'x'",
        "array.json": b"[1, 2, 3]",
        "huge-field.json": json.dumps(put(PANEL, ("update",), "word " * 100_000)).encode(),
    }
    env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1"}
    for name, raw in cases.items():
        path = tmp_path / name
        path.write_bytes(raw)
        result = subprocess.run(
            [sys.executable, "-m", "followup", "draft", str(path)],
            capture_output=True,
            text=True,
            timeout=30,
            env=env,
            check=False,
        )
        assert result.returncode in (0, 2), (name, result.stderr)
        assert "Traceback" not in result.stderr, (name, result.stderr)
        if result.returncode == 2:
            assert result.stderr.strip(), name
            for line in result.stderr.strip().splitlines():
                assert ": " in line, (name, line)
