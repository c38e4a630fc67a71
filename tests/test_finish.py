"""The build steps after the pages (followup_site.finish): on their own, as another builder would run
them, and what they leave in the built site (a policy on every page, every file in the precache)."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

from sitekit import ROOT

from followup_site import finish, offline

ITEM = '<li class="task-list-item"><input type="checkbox" disabled>Say thank you</li>'
NESTED = '<li class="task-list-item"><input type="checkbox" disabled>Plan<ul><li>x</li></ul></li>'
PAGE = f'<html><head><meta charset="utf-8"><title>t</title></head><body><ul>{ITEM}{NESTED}</ul>'
PAGE += "<script>go()</script></body></html>"


def test_each_checklist_box_is_labelled_by_its_text_unless_the_item_holds_a_block() -> None:
    html = finish.label_task_items(PAGE)
    assert '<label><input type="checkbox" disabled>Say thank you</label>' in html
    assert NESTED in html  # a label may not wrap a list


def test_a_page_is_finished_once_however_often_it_runs() -> None:
    once = finish.finish_page(PAGE)
    assert once.count('http-equiv="Content-Security-Policy"') == 1
    assert all(h in once for h in offline.inline_script_hashes(PAGE))
    assert finish.finish_page(once) == once


def test_a_development_server_gets_inline_scripts_and_no_service_worker() -> None:
    html = finish.finish_page(PAGE, dev=True)
    assert offline.DEV_MARKER in html and "'unsafe-inline'" in html
    assert "'sha256-" not in html


def test_finish_from_the_command_line_on_a_built_site_changes_nothing(
    built_site: Path, tmp_path: Path
) -> None:
    """What `python -m followup_site finish SITE_DIR` does after another builder: on a site that
    MkDocs has finished already, it must give the same bytes (it is the same function)."""
    copy = tmp_path / "site"
    shutil.copytree(built_site, copy)
    done = subprocess.run(
        [sys.executable, "-m", "followup_site", "finish", str(copy)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert "sw.js precaches" in done.stdout
    before = {
        p.relative_to(built_site): p.read_bytes() for p in built_site.rglob("*") if p.is_file()
    }
    after = {p.relative_to(copy): p.read_bytes() for p in copy.rglob("*") if p.is_file()}
    assert after.keys() == before.keys()
    assert [name for name in before if before[name] != after[name]] == []


def test_finish_names_what_is_missing(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "followup_site", "finish", str(tmp_path)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 1
    assert (
        done.stderr.strip() == f"followup_site: {tmp_path} has no index.html: build the pages first"
    )


def manifest_urls(site_dir: Path) -> set[str]:
    text = (site_dir / "sw.js").read_text(encoding="utf-8")
    match = re.search(r"const MANIFEST = (\[.*?\]);", text, re.DOTALL)
    assert match, "no precache manifest in sw.js"
    return {entry["url"] for entry in json.loads(match.group(1))}


def test_the_precache_lists_every_file_of_the_build(built_site: Path) -> None:
    files = {
        path.relative_to(built_site).as_posix()
        for path in built_site.rglob("*")
        if path.is_file() and path.name != "sw.js" and path.suffix != ".map"
    }
    assert manifest_urls(built_site) == files
    assert {"index.html", "search/search_index.json", "app/worker.mjs"} <= files
    assert {"app/pyodide/pyodide.asm.wasm", "app/pyodide/pyodide-lock.json"} <= files
    assert any(name.startswith("app/pyodide/followup-") for name in files)


def test_every_page_has_a_policy_that_allows_the_scripts_it_may_run(built_site: Path) -> None:
    """Each page's policy allows its own inline scripts, and also those that Material's instant
    navigation re-runs from any other page (the ones inside its container)."""
    policies, rerun = {}, set()
    for path in built_site.rglob("*.html"):
        html = path.read_text(encoding="utf-8")
        found = re.findall(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)">', html)
        assert len(found) == 1, path
        policy = found[0]
        directives = dict(d.strip().split(" ", 1) for d in policy.split(";"))
        assert directives["default-src"] == "'self'"
        assert "'unsafe-inline'" not in directives["script-src"], path
        assert all(h in policy for h in offline.inline_script_hashes(html)), path
        policies[path] = policy
        container = html[html.find('data-md-component="container"') :]
        rerun |= set(offline.inline_script_hashes(container))
    for path, policy in policies.items():
        assert all(h in policy for h in rerun), path


def test_inline_script_hashes_match_what_the_browser_hashes() -> None:
    html = (
        '<script>a()\r\nb()</script><script src="x.js"></script>'
        '<script type="application/json">{}</script><script type="module">c()</script>'
    )
    # sha256 of "a()\nb()" and of "c()": line ends are normalised as the HTML parser does.
    assert offline.inline_script_hashes(html) == [
        "'sha256-ibDq25dfxIOXFsZCi7JYnQkIbM0rgaCZ1K4jOsB5hdI='",
        "'sha256-uv6BXxguRKhBqgeOtcyTvppA2Vttceh37dUo7xwS8Ug='",
    ]
