"""Build-time code for the site: nothing here ships to the browser.

The site is built in two steps, so that any page builder can do the first one:

1. A builder (MkDocs, which publishes, or Zensical) turns ``docs/`` into HTML; the guide's
   examples come from the ``macros`` plugin (``macros/main.py``), which calls the engine and
   ``form``.
2. ``finish`` (``python -m followup_site finish SITE_DIR``) adds the rest to the built folder:
   the worksheet's scripts and its Pyodide runtime (``runtime``), a ``404.html`` that works under
   any sub-path (``notfound``), every page's Content-Security-Policy and checklist labels, and
   last the service worker (``offline``).

With MkDocs, ``macros/main.py``'s ``on_post_build`` runs step 2, so ``mkdocs build`` and
``mkdocs serve`` give the whole site; after ``zensical build``, ``make build-zensical`` runs it.
"""

from __future__ import annotations


class BuildError(RuntimeError):
    """A build step that cannot go on; the message says what to do (often `make setup`)."""
