"""Renderings: French amounts, Quote.explain(), the Jupyter HTML table."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from html.parser import HTMLParser
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ouitec_terms import (
    DEFAULT_TARIFF,
    BillingMode,
    Client,
    Intervention,
    VatRegime,
    WorkPeriod,
    format_eur,
    quote,
)
from ouitec_terms.cli import demo_request
from ouitec_terms.presentation.pieces import line_description
from ouitec_terms.presentation.quotes import quote_html, quote_table, quote_text
from strategies import PARIS


@given(st.decimals(min_value=0, max_value=10**9, places=2))
def test_format_eur_reads_back(amount: Decimal) -> None:
    """French format (1 234,56 €) loses nothing: undoing it gives the amount back."""
    text = format_eur(amount)
    assert text.endswith("\u00a0€")
    back = text.removesuffix("\u00a0€").replace("\u202f", "").replace(",", ".")
    assert Decimal(back) == amount


def test_format_eur_example() -> None:
    """The issue's example: 1234.56 is written 1 234,56 € (no-break spaces)."""
    assert format_eur(Decimal("1234.56")) == "1\u202f234,56\u00a0€"


def demo() -> tuple[Intervention, Client]:
    request = demo_request()
    return request.intervention, request.client


def test_explain_cites_an_article_on_every_line() -> None:
    """explain() accounts for every line, each citing its articles, then the totals."""
    q = quote(*demo())
    text = q.explain()
    for number, line in enumerate(q.lines, 1):
        assert f"{number:>2}. [{line.article}] {line_description(line, q)}" in text
    assert "Total TTC\u00a0: 691,44\u00a0€" in text


class _Cells(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.rows: list[list[str]] = []
        self._in_cell = False

    def handle_starttag(self, tag: str, attrs: object) -> None:
        if tag == "tr":
            self.rows.append([])
        self._in_cell = tag in ("td", "th") or self._in_cell

    def handle_endtag(self, tag: str) -> None:
        if tag in ("td", "th"):
            self._in_cell = False

    def handle_data(self, data: str) -> None:
        if self._in_cell and self.rows:
            self.rows[-1].append(data)


def test_html_table_has_a_row_per_line_and_totals() -> None:
    """_repr_html_ (Jupyter) is a table: header, one row per line, HT / TVA / TTC rows."""
    q = quote(*demo())
    parser = _Cells()
    parser.feed(q._repr_html_())
    header, *body = parser.rows
    assert header[0] == "Art."
    assert len(body) == len(q.lines) + 3
    assert body[-1] == ["Total TTC", format_eur(q.total_ttc)]


def test_html_escapes_labels() -> None:
    """Labels come from users: they are escaped, never injected as markup."""
    start = datetime(2025, 3, 11, 9, tzinfo=PARIS)
    period = WorkPeriod(start=start, end=start.replace(hour=10), label="<script>x</script>")
    html = quote(Intervention(work=(period,)), Client(name="A&B"))._repr_html_()
    assert "<script>" not in html
    assert "&lt;script&gt;" in html
    assert "A&amp;B" in html


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_rule_values_in_documents_come_from_the_tariff(lang: str) -> None:
    """Issue 10: every text that states a rule value reads it from the tariff in force. Under a
    25 % surcharge, a 30-minute step, a 7-hour day and another seat, no rendering of the quote
    says "20 %", "15 min", "quart d'heure", "8 h" or "Charly"."""
    tariff = DEFAULT_TARIFF.replace(
        off_hours_surcharge="0.25", rounding_minutes=30, day_minutes=420, seat="Lyon (Rhône)"
    )
    request = demo_request()
    client = request.client.model_copy(  # 8,5 % VAT: no 20 % on the page but the surcharge's
        update={"vat_regime": VatRegime.GUADELOUPE_MARTINIQUE_REUNION}
    )
    evening = request.intervention
    day = evening.model_copy(update={"mode": BillingMode.REMOTE_DAY})
    for intervention in (evening, day):
        q = quote(intervention, client, tariff=tariff)
        for text in (quote_text(q, lang), quote_table(q, lang), quote_html(q, lang)):
            flat = text.replace("\xa0", " ").replace("\u202f", " ")
            for stale in (
                "20 %",
                "20%",
                "15 min",
                "quart d'heure",
                "quart d’heure",
                " 8 h",
                "Charly",
            ):
                assert stale not in flat, (stale, lang)
            assert "25" in flat
            assert "30 min" in flat
    assert "Lyon (Rhône)" in quote_text(quote(evening, client, tariff=tariff), lang)


def test_an_invoice_as_html_is_a_complete_page_that_prints_on_a4(tmp_path: Path) -> None:
    """Issue 22: ``invoice --format html`` writes a whole page — doctype, UTF-8, its language
    and title, its own CSS with an A4 print sheet, no sheet or font from elsewhere — around the
    same table Jupyter shows."""
    from ouitec_terms.cli import main  # noqa: PLC0415

    examples = Path(__file__).parent.parent / "docs" / "examples"
    out = tmp_path / "invoice.html"
    args = [
        "invoice", str(examples / "invoice-client.toml"), "--seller",
        str(examples / "seller.example.toml"), "--number", "F-2025-0001", "--issued",
        "2025-03-17", "--format", "html", "-o", str(out),
    ]  # fmt: skip
    assert main(args) == 0
    page = out.read_text(encoding="utf-8")
    assert page.startswith('<!DOCTYPE html>\n<html lang="fr">')
    assert '<meta charset="utf-8">' in page
    assert "<title>FACTURE n° F-2025-0001</title>" in page
    assert "@page { size: A4;" in page
    assert "@media print" in page
    assert "http" not in page.split("<body>")[0]
    assert '<div class="ouitec-invoice">' in page
