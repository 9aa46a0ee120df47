"""Issue 22, an API reference people can use: one page per module, and a package page that
lists every export with its one-line summary (scripts/make_reference.py writes them)."""

from __future__ import annotations

from pathlib import Path
from types import ModuleType

import pytest

import ouitec_terms
from goldens import script

ROOT = Path(__file__).parent.parent


def _script() -> ModuleType:
    pytest.importorskip("griffe")
    return script("make_reference")


def test_the_reference_pages_are_current() -> None:
    """docs/reference/ and the nav of mkdocs.yml are what the script writes from the source
    (run `make reference` after adding a module or an export)."""
    for path, text in _script().pages().items():
        assert path.read_text(encoding="utf-8") == text, f"{path} is stale: run make reference"


def test_the_package_page_lists_every_export_with_a_summary() -> None:
    """Each name of ouitec_terms.__all__ has its row, a summary and a link to its module's page
    (so that quote() is one click away, not 80 % down one page)."""
    index = (ROOT / "docs" / "reference" / "index.md").read_text(encoding="utf-8")
    rows = {
        line.split("`")[1].removesuffix("()"): line
        for line in index.splitlines()
        if line.startswith("| [`")
    }
    assert set(rows) == set(ouitec_terms.__all__) - {"__version__"}
    for name, row in rows.items():
        cells = row.split(" | ")
        assert cells[1].strip(), f"{name} has no summary"
        page = cells[0].split("](")[1].split("#")[0]
        assert (ROOT / "docs" / "reference" / page).is_file()


def test_the_main_entry_points_document_their_arguments_and_show_an_example() -> None:
    """quote(), monthly_statement(), make_invoice() and the book's entry points say what each
    argument is, what they return and show an example (Google style, rendered as sections)."""
    from ouitec_terms.book.book import Book  # noqa: PLC0415

    for function in (ouitec_terms.quote, ouitec_terms.monthly_statement, ouitec_terms.make_invoice):
        doc = function.__doc__ or ""
        assert "Args:" in doc, function
        assert "Returns:" in doc, function
        assert "Example:" in doc, function
    assert "Example:" in (Book.__doc__ or "")
    for method in (
        Book.init,
        Book.open,
        Book.issue_invoice,
        Book.issue_credit_note,
        Book.record_payment,
    ):
        doc = method.__doc__ or ""
        assert "Args:" in doc, method
        assert "Returns:" in doc, method


def test_type_variables_and_private_validators_stay_out_of_the_reference() -> None:
    """money's type variables are private (_P, _R), and the reference shows no attribute values
    (a type alias's value names private validators such as _known_subdivision)."""
    from ouitec_terms import money  # noqa: PLC0415

    assert not hasattr(money, "P")
    assert not hasattr(money, "R")
    assert "show_attribute_values: false" in (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
