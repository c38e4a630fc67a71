"""``python -m followup_site``: the site's build steps from a shell, run in the project's root.

prepare            fetch what the runtime needs (npm's Pyodide, two wheels): the one step
                   that needs the network; `make setup` runs it
assemble OUTDIR    write the Pyodide runtime into OUTDIR
finish SITE_DIR    after any builder wrote the pages into SITE_DIR: worksheet scripts,
                   runtime, 404.html for any sub-path (without $SITE_URL), checklist labels,
                   Content-Security-Policy, then sw.js
icons              redraw the site's PNG icons and link-preview card from their SVG
                   drawings (Chromium, by hand after changing one; the PNGs are committed)
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from . import BuildError, icons, runtime
from .finish import finish


def parser() -> argparse.ArgumentParser:
    top = argparse.ArgumentParser(
        prog="python -m followup_site", description=__doc__.split("\n\n")[0].strip()
    )
    top.add_argument(
        "--root", type=Path, default=Path.cwd(), help="the project's folder (default: here)"
    )
    sub = top.add_subparsers(dest="command", required=True)
    sub.add_parser("prepare", help="fetch npm's Pyodide and the two wheels (needs the network)")
    assemble = sub.add_parser("assemble", help="write the Pyodide runtime into OUTDIR")
    assemble.add_argument("outdir", type=Path)
    done = sub.add_parser("finish", help="turn the pages a builder wrote into the whole site")
    done.add_argument("site_dir", type=Path)
    done.add_argument(
        "--dev", action="store_true", help="for a development server: no policy hashes"
    )
    done.add_argument(
        "--site-url",
        default=os.environ.get("SITE_URL") or None,
        help="the address the pages were built for (default: $SITE_URL, as the builders read "
        "it); without one, 404.html finds the site's root in the browser",
    )
    sub.add_parser("icons", help="redraw the PNG icons and card from their SVG (Chromium)")
    return top


def main(argv: Sequence[str] | None = None) -> int:
    args = parser().parse_args(argv)
    root: Path = args.root.resolve()
    try:
        if args.command == "prepare":
            runtime.prepare(root)
        elif args.command == "icons":
            for path in icons.render(root):
                print(path.relative_to(root))
        elif args.command == "assemble":
            for path in runtime.assemble(root, args.outdir):
                print(path)
        else:
            result = finish(args.site_dir.resolve(), root, dev=args.dev, site_url=args.site_url)
            print(
                f"{args.site_dir}: {result.pages} pages, {result.app_files} app files, "
                f"{result.runtime_files} runtime files; sw.js precaches "
                f"{result.precache.count} files ({result.precache.size / 1e6:.1f} MB)"
            )
    except BuildError as exc:
        print(f"followup_site: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
