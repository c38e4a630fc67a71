"""Write the golden drafts: every kind x tone x channel for two example answers.

Run with `make golden` after an intended wording change, then read the diff before committing:
these files are the wording a person has approved.
"""

from __future__ import annotations

import sys
from pathlib import Path

from followup import KINDS, parse, render_draft
from followup.model import CHANNELS, TONES

ROOT = Path(__file__).resolve().parent
GOLDEN = ROOT / "golden"
ANSWERS = ROOT.parent / "docs" / "answers"
# panel: every optional field filled; minimal: only the three required ones.
SETS = ("panel", "minimal")


def expected() -> dict[Path, str]:
    """Golden file path -> the text the engine renders now."""
    out = {}
    for name in SETS:
        answers = parse((ANSWERS / f"{name}.json").read_bytes())
        for kind in KINDS:
            for tone in TONES:
                for channel in CHANNELS:
                    draft = render_draft(answers, kind, 0, tone, channel)
                    head = f"Subject: {draft.subject}\n\n" if draft.subject else ""
                    out[GOLDEN / name / kind / f"{tone}-{channel}.txt"] = f"{head}{draft.body}\n"
    return out


def main() -> int:
    written = 0
    for path, text in expected().items():
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
            written += 1
    print(f"{written} golden file(s) updated in {GOLDEN.relative_to(ROOT.parent)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
