"""Browser fixtures: Debian's Chromium, with the flags that keep it off the network.

The site itself (``built_site``, ``site_url``: built once, served under a sub-path) comes from
tests/conftest.py, which also marks every test here ``browser``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from sitekit import CHROMIUM, CHROMIUM_ARGS


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args: dict[str, Any]) -> dict[str, Any]:
    """Launch Debian's Chromium when there is one; else Playwright's own (``playwright install``)."""
    args = {**browser_type_launch_args, "args": CHROMIUM_ARGS}
    if Path(CHROMIUM).exists():
        args["executable_path"] = CHROMIUM
    return args
