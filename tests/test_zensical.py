"""The same checkout built by Zensical, Material's successor, and finished by ``followup_site``.

Zensical reads mkdocs.yml, runs the guide's macros with its own ``macros`` support and ignores
``hooks:`` (and the macros module's ``on_post_build``), so ``python -m followup_site finish site``
is its second step (``make build-zensical``). tests/test_site.py runs its checks (every page, every
example equal to the CLI's, links, nothing from elsewhere) and tests/test_finish.py its precache
and policy checks on this build too; here: what only this build needs to show.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from sitekit import precached

from followup_site import notfound, offline, runtime

pytestmark = pytest.mark.zensical

POLICY = re.compile(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)">')


def test_it_was_built_by_zensical(zensical_site: Path) -> None:
    """The premise of every test on this build."""
    html = (zensical_site / "index.html").read_text(encoding="utf-8")
    assert re.search(r'<meta name="generator" content="zensical-[0-9.]+">', html)


# The engine's output in a page (followup_site.cards): a draft card or a plan.
CARD = re.compile(r'<article class="fu-draft".*?</article>|<div class="fu-plan">.*?</div>', re.S)


def test_the_examples_are_the_same_as_in_the_mkdocs_build(
    zensical_site: Path, built_site: Path
) -> None:
    """Every page's draft cards and plans, byte for byte, as MkDocs renders them."""
    compared = 0
    for page in built_site.rglob("index.html"):
        mkdocs = CARD.findall(page.read_text(encoding="utf-8"))
        zensical = zensical_site / page.relative_to(built_site)
        assert CARD.findall(zensical.read_text(encoding="utf-8")) == mkdocs, page
        compared += len(mkdocs)
    assert compared >= 50


def test_the_worksheet_and_its_runtime_are_there(zensical_site: Path) -> None:
    html = (zensical_site / "worksheet" / "index.html").read_text(encoding="utf-8")
    assert "data-fw-root" in html and 'name="candidate.name"' in html
    assert 'src="../app/worksheet.mjs"' in html
    app = zensical_site / "app"
    assert {"worksheet.mjs", "worker.mjs", "controller.mjs", "worksheet.css"} <= {
        p.name for p in app.iterdir()
    }
    lock = app / "pyodide" / "pyodide-lock.json"
    assert lock.is_file() and (app / "pyodide" / "pyodide.asm.wasm").is_file()
    assert list((app / "pyodide").glob("followup-*.whl"))


def test_the_service_worker_precaches_the_whole_site(zensical_site: Path) -> None:
    urls = precached(zensical_site)
    assert {"index.html", "404.html", "worksheet/index.html", "app/worker.mjs"} <= urls
    assert "app/pyodide/pyodide.asm.wasm" in urls


def test_every_page_has_its_content_security_policy(zensical_site: Path) -> None:
    pages = list(zensical_site.rglob("*.html"))
    assert len(pages) > 20
    for page in pages:
        html = page.read_text(encoding="utf-8")
        policies = POLICY.findall(html)
        assert len(policies) == 1, page
        assert policies[0].startswith("default-src 'self'; script-src 'self'")
        assert all(h in policies[0] for h in offline.inline_script_hashes(html)), page


def test_a_local_404_page_finds_the_site_root_itself(zensical_site: Path) -> None:
    """Built without SITE_URL: no URL starts at the server's root (tests/browser/test_pages.py
    opens it under a sub-path)."""
    html = (zensical_site / "404.html").read_text(encoding="utf-8")
    assert notfound.MARKER in html
    assert not re.search(r'\s(?:href|src)="/', html)
    assert 'new URL("/",location)' not in html and '"base":"/"' not in html


def test_the_project_cache_outlives_a_clean_build(zensical_project: Path, tmp_path: Path) -> None:
    """`zensical build --clean` empties `.cache/`; the project's own cache is elsewhere."""
    project = tmp_path / "project"
    shutil.copytree(zensical_project, project, symlinks=True, ignore=shutil.ignore_patterns("site"))
    ours = project / runtime.CACHE_DIR / "marker"
    ours.parent.mkdir()
    ours.write_text("kept")
    theirs = project / ".cache" / "marker"
    theirs.write_text("emptied")
    zensical = Path(sys.executable).with_name("zensical")
    done = subprocess.run(
        [str(zensical), "build", "--clean", "--strict"],
        cwd=project,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert not theirs.exists()  # the premise: --clean empties the builders' cache
    assert ours.read_text() == "kept"


def test_its_own_search_box_not_materials(zensical_site: Path) -> None:
    """overrides/partials/search.html names Material's search dialog; Zensical draws its search
    differently, so the override gives it Zensical's own markup (else a broken header)."""
    html = (zensical_site / "thank-you" / "index.html").read_text(encoding="utf-8")
    assert 'class="md-search__button"' in html
    assert 'class="md-search__input"' not in html
