"""Issue 11: the worked examples rendered as text in French and in English are golden
documents, compared exactly. After a change to a rendering that was meant, run
``make golden`` and review ``git diff tests/golden``."""

from __future__ import annotations

from pathlib import Path

import pytest

from goldens import golden_script

golden = golden_script()

CASES = [(example, lang) for example in golden.examples() for lang in ("fr", "en")]


def test_the_eight_worked_examples_have_golden_documents() -> None:
    """Eight worked examples, each in French and in English."""
    assert len(golden.examples()) == 8
    assert sorted(p.name for p in golden.GOLDEN.glob("*.txt")) == sorted(
        golden.golden_path(example, lang).name for example, lang in CASES
    )


@pytest.mark.parametrize(("example", "lang"), CASES, ids=lambda c: getattr(c, "stem", c))
def test_rendering_equals_the_golden_document(example: Path, lang: str) -> None:
    """The text document is byte for byte the stored one (`make golden` rewrites them)."""
    expected = golden.golden_path(example, lang).read_text(encoding="utf-8")
    assert golden.render(example, lang) == expected
