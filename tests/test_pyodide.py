"""Parity between CPython and Pyodide: the worksheet's drafts equal the CLI's, byte for byte.

Runs the real Pyodide in Node (no browser) from a runtime assembled exactly as the site ships it,
with the trimmed ``pyodide-lock.json``. Needs ``make setup`` (npm + wheels) to have run once.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
from answer_files import ALL_ANSWERS

from followup import examples
from followup.web import handle
from followup_site import runtime

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ALL_ANSWERS
# The built-in example plus every shared answers fixture.
CASES = {"example": examples.text()} | {path.stem: path.read_text(encoding="utf-8") for path in FIXTURES}


def _request(answers_json: str) -> str:
    return json.dumps({"type": "render", "answers": json.loads(answers_json)})


def _idn_request() -> str:
    """An .eml download to an international domain: Python's IDNA codec must be in the runtime."""
    answers = json.loads(examples.text())
    answers["interview"]["interviewers"][0]["email"] = "grace@bücher.example"
    return json.dumps({"type": "eml", "answers": answers, "id": "thank_you.0"})


# Requests other than a render, compared the same way (byte for byte).
OTHER = {"idn-eml": _idn_request()}


@pytest.fixture(scope="module")
def runtime_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The worksheet runtime, assembled into a fresh folder."""
    out = tmp_path_factory.mktemp("pyodide")
    try:
        runtime.assemble(ROOT, out)
    except runtime.RuntimeNotPrepared as error:
        pytest.fail(str(error))  # not a skip: `make test` prepares first, so this is a bug
    return out


@pytest.fixture(scope="module")
def pyodide_responses(runtime_dir: Path) -> dict[str, str]:
    """``followup.web.handle``'s answer to each case, computed once in Pyodide under Node."""
    node = shutil.which("node")
    if node is None:
        pytest.fail("node is not installed; the Pyodide parity test needs Node >= 20")
    requests = [_request(text) for text in CASES.values()] + list(OTHER.values())
    completed = subprocess.run(
        [node, str(ROOT / "tests" / "pyodide_render.mjs"), str(runtime_dir)],
        input=json.dumps(requests),
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=300,
        check=False,
    )
    if completed.returncode != 0:
        pytest.fail(f"Pyodide run failed:\n{completed.stderr[-4000:]}")
    responses: list[str] = json.loads(completed.stdout)["responses"]
    return dict(zip([*CASES, *OTHER], responses, strict=True))


def test_lock_lists_only_the_shipped_wheels(runtime_dir: Path) -> None:
    lock: dict[str, Any] = json.loads((runtime_dir / "pyodide-lock.json").read_text())
    assert set(lock["packages"]) == {"jinja2", "markupsafe", "followup"}
    for entry in lock["packages"].values():
        wheel = runtime_dir / entry["file_name"]
        assert "/" not in entry["file_name"], "lock paths must be relative to the lock"
        assert hashlib.sha256(wheel.read_bytes()).hexdigest() == entry["sha256"]


def test_engine_wheel_is_reproducible(runtime_dir: Path, tmp_path: Path) -> None:
    first = next(runtime_dir.glob("followup-*.whl"))
    second = runtime.build_engine_wheel(ROOT, tmp_path)
    assert first.read_bytes() == second.read_bytes()


@pytest.mark.parametrize("case", list(CASES))
def test_drafts_match_cpython(case: str, pyodide_responses: dict[str, str]) -> None:
    expected_text = handle(_request(CASES[case]))
    actual_text = pyodide_responses[case]
    expected, actual = json.loads(expected_text), json.loads(actual_text)
    # A fixture of invalid answers has no drafts: then its field errors must match instead.
    want_drafts, got_drafts = expected.get("drafts", []), actual.get("drafts", [])
    assert [d["kind"] for d in got_drafts] == [d["kind"] for d in want_drafts]
    for want, got in zip(want_drafts, got_drafts, strict=True):
        assert got["subject"] == want["subject"], want["id"]
        assert got["body"] == want["body"], want["id"]
    assert actual_text == expected_text  # and everything else, byte for byte


@pytest.mark.parametrize("case", list(OTHER))
def test_other_requests_match_cpython(case: str, pyodide_responses: dict[str, str]) -> None:
    expected = handle(OTHER[case])
    assert json.loads(expected)["ok"], expected
    assert "xn--bcher-kva.example" in expected  # the premise: the codec ran
    assert pyodide_responses[case] == expected
