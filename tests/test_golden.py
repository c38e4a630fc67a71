"""The golden drafts: wording a person has read. `make golden` rewrites them on purpose."""

from __future__ import annotations

import golden
import pytest

EXPECTED = golden.expected()


def test_every_kind_tone_and_channel_has_a_golden_file():
    assert len(EXPECTED) == 2 * 9 * 3 * 3
    on_disk = set(golden.GOLDEN.rglob("*.txt"))
    assert on_disk == set(EXPECTED), "stale or missing golden files: run `make golden`"


@pytest.mark.parametrize("path", sorted(EXPECTED), ids=lambda p: str(p.relative_to(golden.GOLDEN)))
def test_draft_matches_golden(path):
    assert path.read_text(encoding="utf-8") == EXPECTED[path], (
        f"{path} differs from what the engine renders; if the change is intended, run "
        "`make golden` and read the diff"
    )
