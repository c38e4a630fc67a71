"""Shared fixtures: the answers files under tests/fixtures/ and ways to vary them, and the site,
built once per test run and served under a sub-path.

Everything under tests/browser/ is marked ``browser`` (``make test-fast`` leaves it out); the
Chromium fixtures live in tests/browser/conftest.py. Nothing here is autouse.
"""

from __future__ import annotations

import copy
import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from answer_files import TESTS, answers_path
from sitekit import SiteServer, build_site, build_site_zensical

from followup import Answers, validate

INVALID = TESTS / "invalid"
BROWSER = TESTS / "browser"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark every test under tests/browser/ ``browser``: they need Chromium and the built site."""
    for item in items:
        if BROWSER in item.path.parents:
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def site_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SiteServer]:
    """The loopback server, bound first so the build can know its address; closed at the end."""
    server = SiteServer(tmp_path_factory.mktemp("build") / "site")
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture(scope="session")
def built_site(site_server: SiteServer) -> Path:
    """The site, built once per test run with the same command as ``make build``.

    ``SITE_URL`` is the address it is served at, as the Pages workflow passes the real one: the
    sitemap is then filled in and Material's instant navigation is on, as in production.
    """
    result = build_site(site_server.root, site_server.url)
    if result.returncode:
        pytest.fail(f"mkdocs build failed:\n{result.stdout}\n{result.stderr}")
    return site_server.root


@pytest.fixture(scope="session")
def zensical_project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the project's pages built by Zensical and finished by ``followup_site``, once
    per run, as a local build (no ``SITE_URL``); its site is ``zensical_project / "site"``."""
    project = tmp_path_factory.mktemp("zensical")
    result = build_site_zensical(project)
    if result.returncode:
        pytest.fail(f"the Zensical build failed:\n{result.stdout}\n{result.stderr}")
    return project


@pytest.fixture(scope="session")
def zensical_site(zensical_project: Path) -> Path:
    """The Zensical build's site folder."""
    return zensical_project / "site"


@pytest.fixture(
    scope="session", params=["mkdocs", pytest.param("zensical", marks=pytest.mark.zensical)]
)
def builder(request: pytest.FixtureRequest) -> str:
    """Which builder made ``any_site``: MkDocs (published) or Zensical."""
    return str(request.param)


@pytest.fixture(scope="session")
def any_site(builder: str, request: pytest.FixtureRequest) -> Path:
    """Each build of the same pages in turn: the MkDocs build as the browser tests see it (with
    SITE_URL, as the Pages workflow makes it), then the Zensical build (a local build)."""
    return Path(request.getfixturevalue("built_site" if builder == "mkdocs" else "zensical_site"))


@pytest.fixture(scope="session")
def site_url(site_server: SiteServer, built_site: Path) -> str:
    """Base URL of the served site, ending in ``/``; the server stops when the session ends."""
    return site_server.start().url

Raw = dict[str, Any]


def _raw(name: str) -> Raw:
    return json.loads(answers_path(name).read_text(encoding="utf-8"))


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
