"""The GitHub workflows: tests before every publication, the site built with its own dependencies
only, and no runtime past its end of life (the actions' own, Node.js, Python)."""

from __future__ import annotations

import datetime as dt
import re
import tomllib
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
WORKFLOWS = ROOT / ".github" / "workflows"

# The first major release of each official action that runs on Node.js 24 (Node.js 20, which the
# earlier ones use, is end of life; GitHub stopped running it in 2026). A composite action counts
# by the actions it uses: upload-pages-artifact 5 is the first on upload-artifact 7.
FIRST_ON_NODE_24 = {
    "actions/checkout": 5,
    "actions/setup-python": 6,
    "actions/setup-node": 5,
    "actions/configure-pages": 6,
    "actions/upload-pages-artifact": 5,
    "actions/deploy-pages": 5,
}
# End of life of the LTS lines of Node.js and of Python versions (nodejs/Release, PEP 745 etc.).
NODE_END_OF_LIFE = {22: dt.date(2027, 4, 30), 24: dt.date(2028, 4, 30), 26: dt.date(2029, 4, 30)}
PYTHON_END_OF_LIFE = {"3.12": dt.date(2028, 10, 31), "3.13": dt.date(2029, 10, 31)}


def workflow(name: str) -> dict[str, Any]:
    data: dict[Any, Any] = yaml.safe_load((WORKFLOWS / name).read_text(encoding="utf-8"))
    data["on"] = data.pop(True, data.get("on"))  # YAML 1.1 reads a bare `on` as true
    return data


def steps(job: dict[str, Any]) -> list[dict[str, Any]]:
    return list(job.get("steps", []))


def test_publishing_waits_for_the_whole_test_suite() -> None:
    pages = workflow("pages.yml")
    jobs = pages["jobs"]
    assert jobs["test"]["uses"] == "./.github/workflows/ci.yml"
    assert set(jobs["deploy"]["needs"]) == {"test", "build"}
    ci = workflow("ci.yml")
    assert "workflow_call" in ci["on"] and "pull_request" in ci["on"]
    assert [s["run"] for s in steps(ci["jobs"]["test"]) if "run" in s] == [".ci/run"]
    assert "make test" in (ROOT / ".ci" / "run").read_text(encoding="utf-8")


def test_the_published_build_installs_only_what_a_build_needs() -> None:
    build = workflow("pages.yml")["jobs"]["build"]
    runs = [s["run"] for s in steps(build) if "run" in s]
    assert runs == ["make build EXTRAS=docs NPM_OMIT=dev"]
    docs = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["optional-dependencies"]
    names = {re.split(r"[=<>\[]", req)[0].lower() for req in docs["docs"]}
    assert not names & {"pytest", "playwright", "hypothesis", "ruff", "mypy", "zensical"}
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert "pip install --quiet -e '.[$(EXTRAS)]'" in makefile
    assert "$(if $(NPM_OMIT),--omit=$(NPM_OMIT))" in makefile


def test_caches_for_pip_and_npm() -> None:
    for name, job in [("ci.yml", "test"), ("pages.yml", "build")]:
        job_steps = steps(workflow(name)["jobs"][job])
        used = {s["uses"].split("@")[0]: s.get("with", {}) for s in job_steps if "uses" in s}
        assert used["actions/setup-python"]["cache"] == "pip", name
        assert used["actions/setup-node"]["cache"] == "npm", name


def test_every_action_runs_on_a_current_node() -> None:
    seen = set()
    for path in WORKFLOWS.glob("*.yml"):
        for uses in re.findall(r"uses:\s*([\w./-]+)@(\S+)", path.read_text(encoding="utf-8")):
            action, version = uses
            major = re.fullmatch(r"v(\d+)(?:\.\d+)*", version)
            assert major, f"{path.name}: {action}@{version} is not a release tag"
            assert int(major.group(1)) >= FIRST_ON_NODE_24[action], f"{path.name}: {action}"
            seen.add(action)
    assert seen == set(FIRST_ON_NODE_24)


def test_node_and_python_are_supported_releases() -> None:
    """Fails on the day a line reaches its end of life: then move .nvmrc or the workflows on."""
    node = int((ROOT / ".nvmrc").read_text().strip())
    assert dt.date.today() < NODE_END_OF_LIFE[node], f"Node.js {node} is end of life"
    for name, job in [("ci.yml", "test"), ("pages.yml", "build")]:
        setup = next(
            s for s in steps(workflow(name)["jobs"][job]) if "setup-node" in s.get("uses", "")
        )
        assert setup["with"]["node-version-file"] == ".nvmrc"
        python = next(
            s for s in steps(workflow(name)["jobs"][job]) if "setup-python" in s.get("uses", "")
        )["with"]["python-version"]
        assert dt.date.today() < PYTHON_END_OF_LIFE[python], f"Python {python} is end of life"
