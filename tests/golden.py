"""Write the golden drafts: every draft x tone x channel for a few example answers.

Run with `make golden` after an intended wording change, then read the diff before committing:
these files are the wording a person has approved.
"""

from __future__ import annotations

import sys
from pathlib import Path

from followup import parse, render_drafts
from followup.model import CHANNELS, TONES

ROOT = Path(__file__).resolve().parent
GOLDEN = ROOT / "golden"
ANSWERS = ROOT.parent / "src" / "followup" / "answers"
FIXTURES = ROOT / "fixtures"
# panel: every optional field filled; minimal: only the three required ones; a main contact
# with two interviewers; four names with titles, particles and a compound given name.
SETS = {
    "panel": ANSWERS,
    "minimal": ANSWERS,
    "recruiter-contact": FIXTURES,
    "titles-particles": FIXTURES,
}


def expected() -> dict[Path, str]:
    """Golden file path -> the text the engine renders now: every draft, every person."""
    out = {}
    for name, folder in SETS.items():
        answers = parse((folder / f"{name}.json").read_bytes())
        for tone in TONES:
            for channel in CHANNELS:
                for draft in render_drafts(answers, tone, channel):
                    head = f"Subject: {draft.subject}\n\n" if draft.subject else ""
                    path = GOLDEN / name / draft.id / f"{tone}-{channel}.txt"
                    out[path] = f"{head}{draft.body}\n"
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
