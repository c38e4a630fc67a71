"""The README's CLI session is real: every command shown prints exactly what the README says."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

from followup import examples, parse, to_dict

ROOT = Path(__file__).resolve().parent.parent
# `followup example > answers.json` in the README writes the sample; it is the guide's panel file.
ANSWERS = examples.path("panel")


def session() -> list[tuple[str, str | None, list[str]]]:
    """(command, stdin, shown output lines) for each command in the README's console block."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    block = re.search(r"```console\n(.*?)```", text, re.S)
    assert block, "README has no console block"
    steps: list[tuple[str, str | None, list[str]]] = []
    for line in block.group(1).splitlines():
        if line.startswith("$ "):
            steps.append((line[2:], None, []))
        else:
            steps[-1][2].append(line)
    return steps


def test_the_sample_is_the_guides_panel_example():
    assert to_dict(parse(examples.text())) == to_dict(parse(ANSWERS.read_bytes()))


def test_readme_output_is_real():
    checked = 0
    last_code = None
    for command, _, shown in session():
        command = command.split("  #")[0].strip()
        if command == "echo $?":
            assert shown == [str(last_code)]
            continue
        stdin = None
        piped = re.match(r"echo '(.*)' \| (followup .*)", command)
        if piped:
            stdin, command = piped.group(1), piped.group(2)
        if ">" in command:  # `followup example > answers.json` prints nothing itself
            assert not shown
            continue
        args = command.split()[1:]
        args = [str(ANSWERS) if a == "answers.json" else a for a in args]
        result = subprocess.run([sys.executable, "-m", "followup", *args], input=stdin,
                                capture_output=True, text=True, cwd=ROOT, check=False)
        last_code = result.returncode
        real = (result.stdout + result.stderr).splitlines()
        if shown and shown[-1] == "...":
            assert real[: len(shown) - 1] == shown[:-1], command
        else:
            assert real == shown, command
        checked += 1
    assert checked >= 4


def test_readme_names_the_two_commands():
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "make serve" in text and "make test" in text
    assert json.loads(examples.text())["version"] == 2
