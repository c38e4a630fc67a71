"""The build steps after the pages (followup_site.finish): on their own, as another builder would run
them, and what they leave in the built site (a policy on every page, every file in the precache)."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

from sitekit import ROOT, precached

from followup_site import finish, form, notfound, offline

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


def test_the_precache_lists_every_file_of_the_build(any_site: Path) -> None:
    """On either build (MkDocs and Zensical, tests/conftest.py): every file but sw.js, source
    maps and the link-preview card, which no page asks for."""
    files = {
        path.relative_to(any_site).as_posix()
        for path in any_site.rglob("*")
        if path.is_file() and path.name != "sw.js" and path.suffix != ".map"
    }
    assert "images/social-card.png" in files  # the premise: the card is in the site
    assert precached(any_site) == files - {"images/social-card.png"}
    assert {"index.html", "app/worker.mjs"} <= files
    assert files & {"search/search_index.json", "search.json"}  # MkDocs' or Zensical's index
    assert {"app/pyodide/pyodide.asm.wasm", "app/pyodide/pyodide-lock.json"} <= files
    assert any(name.startswith("app/pyodide/followup-") for name in files)


def test_every_page_has_a_policy_that_allows_the_scripts_it_may_run(any_site: Path) -> None:
    """Each page's policy allows its own inline scripts, and also those that Material's instant
    navigation re-runs from any other page (the ones inside its container); on either build."""
    policies, rerun = {}, set()
    for path in any_site.rglob("*.html"):
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


ROOTED_404 = (
    '<html><head><meta charset="utf-8"><link rel="stylesheet" href="/assets/main.css">'
    '<script>__md_scope=new URL("/",location)</script></head><body>'
    '<a href="/">Home</a> <a href="/thank-you/">Thanks</a> <a href="https://example.org/">x</a>'
    '<script id="__config" type="application/json">{"base": "/", "search": "/assets/s.js"}'
    '</script><script src="/assets/bundle.js"></script></body></html>'
)


def test_a_404_page_rooted_at_slash_is_made_relative_to_the_site_root() -> None:
    html = notfound.relocate(ROOTED_404, ["404.html", "assets", "thank-you", "index.html"])
    assert '="/' not in html.replace('="https://', "")
    assert 'href="assets/main.css"' in html and 'href="./"' in html
    assert 'src="assets/bundle.js"' in html and 'href="https://example.org/"' in html
    assert '{"base": ".", "search": "assets/s.js"}' in html
    assert 'new URL(".",location)' in html
    # the script that moves the page to the root comes first, before anything loads
    assert html.index(notfound.MARKER) < html.index("assets/main.css")
    assert '["assets", "index.html", "thank-you"]' in html
    assert notfound.relocate(html, ["assets"]) == html  # once


def test_a_404_page_that_knows_its_address_is_left_alone() -> None:
    """Built with SITE_URL (the Pages workflow): the builder rooted it at the real sub-path."""
    page = ROOTED_404.replace('"/', '"/repo/')
    assert notfound.relocate(page, ["assets"]) == page


WORKSHEET_PAGE = (
    '<html><head><meta charset="utf-8"></head><body><article>'
    '<div class="fw" data-fw-root data-fw-busy="false"><form data-fw-form></form></div>'
    "</article></body></html>"
)


def test_the_worksheets_assets_go_inside_the_worksheet_and_nowhere_else() -> None:
    html = finish.finish_page(WORKSHEET_PAGE, to_root="../")
    assets = (
        '<link rel="stylesheet" href="../app/worksheet.css">'
        '<script type="module" src="../app/worksheet.mjs"></script>'
        + "".join(f'<link rel="modulepreload" href="../app/{name}">' for name in form.MODULES)
    )
    assert '<div class="fw" data-fw-root data-fw-busy="false">' + assets + "<form" in html
    assert finish.finish_page(html, to_root="../") == html  # once
    assert "worksheet.mjs" not in finish.finish_page(PAGE, to_root="../")


def test_only_the_worksheet_page_of_either_build_loads_the_worksheets_files(
    any_site: Path,
) -> None:
    loading = sorted(
        str(path.relative_to(any_site))
        for path in any_site.rglob("*.html")
        if re.search(r"app/worksheet\.(?:mjs|css)", path.read_text(encoding="utf-8"))
    )
    assert loading == ["worksheet/index.html"]
    html = (any_site / "worksheet" / "index.html").read_text(encoding="utf-8")
    assert 'src="../app/worksheet.mjs"' in html and 'href="../app/worksheet.css"' in html
