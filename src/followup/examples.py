"""The example answers files: the guide draws its examples from them, the CLI prints one, and the
tests read them alongside their own fixtures."""

from __future__ import annotations

from pathlib import Path

FOLDER = Path(__file__).parent / "answers"
SAMPLE = "panel"  # the complete one: every field filled, three interviewers


def names() -> list[str]:
    """Every example's name (``panel``, ``minimal``...), sorted."""
    return sorted(p.stem for p in FOLDER.glob("*.json"))


def path(name: str) -> Path:
    """The file of the example called ``name``; ValueError naming the known ones otherwise."""
    found = FOLDER / f"{name}.json"
    if name not in names():
        raise ValueError(f"no example answers named {name!r} (known: {', '.join(names())})")
    return found


def text(name: str = SAMPLE) -> str:
    """The example's JSON text, as `followup example` prints it."""
    return path(name).read_text(encoding="utf-8")
