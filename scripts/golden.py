"""Write the golden documents of tests/golden/ again (``make golden``), after a change to a
rendering that was meant: the eight worked examples of the rules (docs/examples/spec-*),
rendered as text in French and in English. ``git diff tests/golden`` then shows what changed.
"""

from __future__ import annotations

import sys
from decimal import Decimal
from pathlib import Path

from ouitec_terms import load_document, quote
from ouitec_terms.presentation.quotes import quote_text
from ouitec_terms.rules.calendar import DATA_VERSION

ROOT = Path(__file__).parent.parent
EXAMPLES = ROOT / "docs" / "examples"
GOLDEN = ROOT / "tests" / "golden"


def examples() -> list[Path]:
    """The documents of the worked examples, in order."""
    return sorted(EXAMPLES.glob("spec-0*"))


def render(example: Path, lang: str) -> str:
    """The worked example ``example`` as the text document of ``lang``."""
    request = load_document(example)
    hours = request.expected.included_hours if request.expected else Decimal(0)
    result = quote(request.intervention, request.client, included_hours_available=hours)
    # the installed holidays release is stated on every quote (D77): a placeholder here, so that
    # the golden documents hold for every release the declared floors allow
    return quote_text(result, lang).replace(DATA_VERSION, "holidays <version>") + "\n"


def golden_path(example: Path, lang: str) -> Path:
    """Where the golden document of ``example`` in ``lang`` is stored."""
    return GOLDEN / f"{example.stem}.{lang}.txt"


def main() -> int:
    GOLDEN.mkdir(exist_ok=True)
    for example in examples():
        for lang in ("fr", "en"):
            golden_path(example, lang).write_text(render(example, lang), encoding="utf-8")
            print(f"written: {golden_path(example, lang).relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
