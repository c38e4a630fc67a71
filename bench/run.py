"""Benchmark the worksheet against a plain Pyodide page, in the same run, in headless Chromium.

``make bench`` runs this file. It builds the site into ``bench/out/site``, adds the pages in
``bench/pages/`` to that copy only (``bench-baseline/``: the worksheet page without its scripts,
which after ``load`` runs ``loadPyodide()`` on the main thread from the site's own runtime, then
``loadPackage`` of Jinja2, MarkupSafe and the engine, then one render; ``bench-stock/``, the same
on a stock runtime; ``bench-floor/``, Python alone), serves it on loopback under a sub-path as
GitHub Pages would (``server.py``) and drives Debian's Chromium (``visits.py``). Worksheet and
baseline runs alternate; each cold run has a fresh profile.

Prints a short table and writes ``bench/results.json`` (flat keys with units in their names).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import shutil
import sys
import time
from collections.abc import Callable
from pathlib import Path

import chart  # bench/chart.py, beside this file
from playwright.sync_api import sync_playwright

# tests/sitekit.py: the site build, its server, MIME types and Chromium flags, shared with the tests.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))
import sitekit
from server import MeasuringServer
from summary import median, summarise, table
from visits import FIXTURE, Chromium, baseline_cold, guide_page, warm, worksheet_cold

from followup_site import runtime

ROOT = sitekit.ROOT
OUT = ROOT / "bench" / "out"
PAGES = ROOT / "bench" / "pages"
RESULTS = ROOT / "bench" / "results.json"


def build_site(site: Path, site_url: str) -> float:
    """``mkdocs build`` as ``make build`` does, with ``SITE_URL`` set as the Pages workflow sets
    it (instant navigation on); returns the build's duration in seconds."""
    started = time.perf_counter()
    result = sitekit.build_site(site, site_url)
    if result.returncode:
        sys.exit(f"mkdocs build failed:\n{result.stdout}\n{result.stderr}")
    return time.perf_counter() - started


def stock_runtime(out: Path) -> None:
    """Pyodide as its npm package ships it (standard library as sources) and the wheels as
    PyPI and ``build`` make them (sources), with a lock for them: what other sites serve."""
    core = ROOT / "node_modules" / "pyodide"
    out.mkdir(parents=True, exist_ok=True)
    for name in ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip"):
        shutil.copyfile(core / name, out / name)
    cached = runtime.wheels_dir(ROOT)
    wheels = [cached / runtime.JINJA2_WHEEL, cached / runtime.MARKUPSAFE_WHEEL]
    for wheel in wheels:
        shutil.copyfile(wheel, out / wheel.name)
    wheels.append(runtime.build_engine_source_wheel(ROOT, out))
    runtime.write_lock(core / "pyodide-lock.json", wheels, out)


def write_baseline(site: Path) -> None:
    """``bench-baseline/``: the worksheet page with its own scripts (and any preload hints for
    them) swapped for ``pages/baseline.mjs`` and the answers it renders, in the served copy only.
    ``bench-stock/`` is the same page on a stock runtime (``stock_runtime``); ``bench-floor/`` is
    ``pages/floor/``."""
    html = (site / "worksheet" / "index.html").read_text(encoding="utf-8")
    html = re.sub(r'<script[^>]*src="[^"]*app/[^"]*"[^>]*>\s*</script>', "", html)
    html = re.sub(r'<link[^>]*rel="(?:modulepreload|preload)"[^>]*app/[^>]*>', "", html)
    if "app/worksheet.mjs" in html or "app/pyodide" in html:
        sys.exit("bench: could not take the worksheet's scripts out of the baseline page")
    answers = json.dumps(json.loads(FIXTURE.read_text(encoding="utf-8"))).replace("</", "<\\/")
    data = f'<script type="application/json" id="bench-answers">{answers}</script>'
    for name, runtime_url in (("bench-baseline", "../app/pyodide/"), ("bench-stock", "./pyodide/")):
        out = site / name
        out.mkdir(exist_ok=True)
        script = f'<script type="module" src="baseline.mjs?runtime={runtime_url}"></script>'
        (out / "index.html").write_text(html.replace("</body>", f"{data}{script}</body>"))
        shutil.copyfile(PAGES / "baseline.mjs", out / "baseline.mjs")
    stock_runtime(site / "bench-stock" / "pyodide")
    shutil.copytree(PAGES / "floor", site / "bench-floor", dirs_exist_ok=True)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5, help="runs of each kind (median)")
    parser.add_argument("--keys", type=int, default=10, help="keystrokes per cold run")
    parser.add_argument("--no-build", action="store_true", help="reuse bench/out/site")
    parser.add_argument("--output", type=Path, default=RESULTS, help="where to write the JSON")
    args = parser.parse_args(argv)

    site = OUT / "site"
    server = MeasuringServer(site)
    build_seconds = None
    if not args.no_build or not (site / "worksheet" / "index.html").exists():
        if site.exists():
            shutil.rmtree(site)
        build_seconds = build_site(site, server.url)
    write_baseline(site)
    started = time.perf_counter()
    load_before = os.getloadavg()[0]
    worksheet, baseline, warm_ws, warm_base, guides, floor, stock = [], [], [], [], [], [], []
    with server, sync_playwright() as playwright:
        chromium = Chromium(playwright)
        for run in range(args.runs):  # alternate, and swap who goes first every other run
            pair: list[Callable[[], None]] = [
                lambda: worksheet.append(worksheet_cold(chromium, server, args.keys)),
                lambda: baseline.append(baseline_cold(chromium, server)),
                lambda: floor.append(baseline_cold(chromium, server, "bench-floor/")),
                lambda: stock.append(baseline_cold(chromium, server, "bench-stock/")),
            ]
            for step in pair if run % 2 == 0 else pair[::-1]:
                step()
            print(
                f"run {run + 1}/{args.runs}: cold {worksheet[-1]['first_draft_ms']:.0f} ms "
                f"vs baseline {baseline[-1]['first_draft_ms']:.0f} ms",
                file=sys.stderr,
            )
        for run in range(args.runs):
            pair = [
                lambda: warm_ws.append(warm(chromium, server, "worksheet/")),
                lambda: warm_base.append(warm(chromium, server, "bench-baseline/")),
            ]
            for step in pair if run % 2 == 0 else pair[::-1]:
                step()
        for _ in range(3):
            guides.append(guide_page(chromium, server))
        chromium_version = chromium.version

    results = summarise(worksheet, baseline, warm_ws, warm_base, guides)
    results["pyodide_bare_start_cold_ms"] = median([row["first_draft_ms"] for row in floor])
    results["stock_baseline_first_render_cold_ms"] = median(
        [row["first_draft_ms"] for row in stock]
    )
    results["ratio_cold_vs_stock"] = round(
        results["first_draft_cold_ms"] / results["stock_baseline_first_render_cold_ms"], 3
    )
    results.update(
        {
            "runs": args.runs,
            "load_average_1m": round((load_before + os.getloadavg()[0]) / 2, 2),
            "cpu_count": os.cpu_count(),
            "bench_duration_s": round(time.perf_counter() - started, 1),
            "site_build_s": round(build_seconds, 1) if build_seconds is not None else None,
            "chromium": chromium_version,
            "python": platform.python_version(),
            "date": time.strftime("%Y-%m-%d"),
        }
    )
    args.output.write_text(json.dumps(results, indent=1) + "\n")
    if args.output == RESULTS:
        chart.update_page(results)  # bench/RESULTS.md shows the committed results
    raw = {
        "worksheet": worksheet,
        "baseline": baseline,
        "warm_worksheet": warm_ws,
        "warm_baseline": warm_base,
        "guide": guides,
        "floor": floor,
        "stock": stock,
    }
    OUT.mkdir(exist_ok=True)
    (OUT / "raw.json").write_text(json.dumps(raw, indent=1) + "\n")
    print(table(results))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
