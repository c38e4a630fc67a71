"""Where the answers files are: the tests' own fixtures and the examples the guide and CLI use."""

from __future__ import annotations

from pathlib import Path

from followup import examples

TESTS = Path(__file__).resolve().parent
FIXTURES = TESTS / "fixtures"
# The one set of example answers (the guide's, and `followup example`'s), beside the tests' own.
EXAMPLES = examples.FOLDER
ALL_ANSWERS = sorted(
    [*FIXTURES.glob("*.json"), *EXAMPLES.glob("*.json")], key=lambda p: (p.stem, str(p))
)


def answers_path(name: str) -> Path:
    """A test fixture by name, else the example of that name (``panel``, ``minimal``...)."""
    own = FIXTURES / f"{name}.json"
    return own if own.exists() else examples.path(name)
