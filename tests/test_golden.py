"""The golden drafts: wording a person has read. `make golden` rewrites them on purpose."""

from __future__ import annotations

import golden
import pytest

EXPECTED = golden.expected()


def test_every_draft_tone_and_channel_has_a_golden_file():
    # panel: 3 thank-yous + 7 others; minimal: 1 + 5; recruiter-contact: 2 + 5; titles: 4 + 6
    assert len(EXPECTED) == (10 + 6 + 7 + 10) * 3 * 3
    # every person of a panel, not only the first
    assert {p.parent.name for p in EXPECTED if p.parts[-3] == "panel"} >= {
        "thank_you.0",
        "thank_you.1",
        "thank_you.2",
    }
    on_disk = set(golden.GOLDEN.rglob("*.txt"))
    assert on_disk == set(EXPECTED), "stale or missing golden files: run `make golden`"


@pytest.mark.parametrize("path", sorted(EXPECTED), ids=lambda p: str(p.relative_to(golden.GOLDEN)))
def test_draft_matches_golden(path):
    assert path.read_text(encoding="utf-8") == EXPECTED[path], (
        f"{path} differs from what the engine renders; if the change is intended, run "
        "`make golden` and read the diff"
    )
