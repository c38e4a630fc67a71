"""``followup.files``: answers files and backups in and out, free of control characters."""

from __future__ import annotations

import json
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from followup import files, model, to_dict, validate
from followup.files import NotAnswers


@given(st.text())
def test_clean_text_has_no_control_character_but_tab_and_newline(text: str) -> None:
    cleaned = files.clean(text)
    assert not model.CONTROL.search(cleaned)
    assert files.clean(cleaned) == cleaned
    # Everything else stays, in order.
    kept = [c for c in text if not model.CONTROL.match(c)]
    assert [c for c in cleaned if c != "\n"] == [c for c in kept if c != "\n"]


@pytest.mark.parametrize(
    ("text", "cleaned"),
    [
        ("a\r\nb", "a\nb"),
        ("a\rb", "a\nb"),
        ("line\u2028next\u2029para", "line\nnext\npara"),
        ("tab\tstays", "tab\tstays"),
        ("\x00nul\x1besc\x0bvt\x7fdel\x85nel", "nulescvtdelnel"),
    ],
)
def test_clean(text: str, cleaned: str) -> None:
    assert files.clean(text) == cleaned


def test_clean_data_cleans_keys_and_values_at_any_depth() -> None:
    assert files.clean_data({"a\x00": ["x\x1b", {"b": "c\u2028d"}], "n": 1, "f": True}) == {
        "a": ["x", {"b": "c\nd"}],
        "n": 1,
        "f": True,
    }


@pytest.mark.parametrize(
    ("entry", "blank"),
    [("", True), ("  ", True), ("x", False), ({"name": "", "main_contact": False}, True),
     ({"name": "", "main_contact": True}, False), (None, True), ({}, True)],
)  # fmt: skip
def test_blank_entries(entry: Any, blank: bool) -> None:
    assert files.blank(entry) is blank


def test_a_version_1_file_reads_as_it_is(raw_answers: Any) -> None:
    data = raw_answers("panel")
    data["version"] = 1
    reading = files.read(data)
    assert reading.kind == "answers"
    (entry,) = reading.entries
    assert entry.answers == to_dict(validate(data))
    assert entry.errors == entry.dropped == []


def test_a_file_of_the_form_as_saved_reads_back(raw_answers: Any) -> None:
    """A list longer than the form holds keeps what fits, and says so."""
    data = raw_answers("minimal")
    data["interview"]["highlights"] = [f"highlight {i}" for i in range(model.MAX_ITEMS + 2)]
    (entry,) = files.read(data).entries
    assert entry.answers["interview"]["highlights"] == data["interview"]["highlights"][:10]
    assert [(e.path, e.message) for e in entry.dropped] == [
        ("interview.highlights", f"has {model.MAX_ITEMS + 2} entries; the worksheet holds 10")
    ]


def test_answers_file_is_what_was_typed_without_blank_rows() -> None:
    typed = {
        "version": 2,
        "company": {"name": "Acme\x1b", "news": ""},
        "role": "",
        "interview": {
            "date": "",
            "interviewers": [{"name": "", "email": "", "main_contact": False},
                             {"name": "Grace", "email": "grace@", "main_contact": True}],
            "highlights": ["", "migrations"],
        },
    }  # fmt: skip
    assert files.answers_file(typed) == {
        "version": 2,
        "company": {"name": "Acme", "news": ""},
        "role": "",
        "interview": {
            "date": "",
            "interviewers": [{"name": "Grace", "email": "grace@", "main_contact": True}],
            "highlights": ["migrations"],
        },
    }


def test_a_backup_entry_with_broken_edits_keeps_the_rest(raw_answers: Any) -> None:
    data = {
        "format": files.BACKUP_FORMAT,
        "version": files.BACKUP_VERSION,
        "interviews": [
            {
                "answers": raw_answers("minimal"),
                "edits": {"thank_you.0": {"subject": "S", "body": "B"}, "check_in.0": "oops"},
                "archived": "yes",
                "colour": "blue",
            }
        ],
    }
    (entry,) = files.read(data).entries
    assert entry.edits == {"thank_you.0": {"subject": "S", "body": "B"}}
    assert entry.archived is False
    assert {(e.path, e.message) for e in entry.dropped} == {
        ("interviews.0.colour", "unknown field"),
        ("interviews.0.archived", "must be true or false"),
        ("interviews.0.edits.check_in.0", "must have a subject and a body as text"),
    }


def test_dumps_is_indented_utf8_with_a_final_newline() -> None:
    text = files.dumps({"name": "Zoë"})
    assert text == '{\n  "name": "Zoë"\n}\n'
    assert json.loads(text) == {"name": "Zoë"}


def test_not_answers_is_a_value_error() -> None:
    with pytest.raises(NotAnswers, match="it holds a list"):
        files.read([])


def test_a_date_time_or_choice_its_control_cannot_show_is_left_out_and_named(
    raw_answers: Any,
) -> None:
    data = raw_answers("minimal")
    data["interview"].update({"date": "2026-02-30", "time": "9:30", "stage": "lunch"})
    data["offer_deadline"] = " 2026-12-20 "
    (entry,) = files.read(data).entries
    assert "date" not in entry.answers["interview"] and "time" not in entry.answers["interview"]
    assert "stage" not in entry.answers["interview"]
    assert entry.answers["offer_deadline"] == "2026-12-20"
    assert [e.path for e in entry.dropped] == ["interview.date", "interview.time", "interview.stage"]
    assert [e.path for e in entry.errors] == ["interview.date"]
