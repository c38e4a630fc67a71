"""Edits that a test builds its case on, which fail loudly when their premise is gone.

``text.replace(old, new)`` does nothing when ``old`` is not there, and a negative test ("this edit
is not flagged") then passes with nothing tested. ``replaced`` asserts ``old`` first.
"""

from __future__ import annotations

import re


def replaced(text: str, old: str, new: str, count: int = -1) -> str:
    """``text.replace(old, new, count)``, after asserting that ``old`` is in ``text``."""
    assert old in text, f"the test's premise is gone: {old!r} is not in {text!r}"
    return text.replace(old, new, count)


def substituted(text: str, pattern: str, new: str) -> str:
    """``re.sub(pattern, new, text, flags=re.MULTILINE)``, after asserting that it matched."""
    result, count = re.subn(pattern, new, text, flags=re.MULTILINE)
    assert count, f"the test's premise is gone: {pattern!r} matches nothing in {text!r}"
    return result
