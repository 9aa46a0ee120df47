"""Exploration helpers (the `notebook` extra): frames, price grids, the heatmap, tariff what-ifs."""

from __future__ import annotations

import subprocess
import sys
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from pathlib import Path

import matplotlib.text
import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from matplotlib import pyplot as plt
from matplotlib.axes import Axes
from matplotlib.image import AxesImage
from matplotlib.patches import Rectangle

from goldens import script
from ouitec_terms import (
    DEFAULT_TARIFF,
    Client,
    Intervention,
    WorkPeriod,
    monthly_statement,
    quote,
)
from ouitec_terms.explore import (
    compare_tariffs,
    decimal_sum,
    price_grid,
    synthetic_tickets,
    to_frame,
    totals_frame,
    week_grid,
    week_heatmap,
)
from strategies import NO_CONTRACT, PARIS, UNDER_CONTRACT, WITH_INCLUDED_HOURS, clients

ROOT = Path(__file__).parent.parent
TICKETS = synthetic_tickets(60, seed=11, year=2025)


@given(st.lists(st.sampled_from(TICKETS), min_size=1, max_size=8), clients)
@settings(max_examples=25)
def test_to_frame_has_a_row_per_line_and_sums_exactly(
    tickets: list[Intervention], client: Client
) -> None:
    """to_frame: one row per quote line; its Decimal amounts add up to the quotes' totals HT."""
    quotes = [quote(t, client) for t in tickets]
    frame = to_frame(quotes)
    assert len(frame) == sum(len(q.lines) for q in quotes)
    assert decimal_sum(frame["amount_ht"]) == sum((q.total_ht for q in quotes), Decimal(0))
    assert all(isinstance(v, Decimal) for v in frame["amount_ht"])


def test_to_frame_of_a_statement_is_its_due_quotes() -> None:
    """A statement's frame holds the lines of its due quotes; totals_frame one row per quote."""
    june = [t for t in synthetic_tickets(300, seed=3, year=2025) if t.earliest_start.month == 6]
    statement = monthly_statement(WITH_INCLUDED_HOURS, june, 2025, 6)
    assert decimal_sum(to_frame(statement)["amount_ht"]) == statement.total_ht
    totals = totals_frame(statement)
    assert list(totals["reference"]) == [q.reference for q in statement.quotes]
    assert decimal_sum(totals["total_ttc"]) == sum(
        (q.total_ttc for q in statement.quotes), Decimal(0)
    )


@given(
    st.lists(st.sampled_from([datetime(2025, 5, d, h, tzinfo=PARIS) for d in range(1, 8)
                              for h in (0, 7, 8, 12, 18, 19, 23)]), min_size=1, max_size=4,
             unique=True),
    st.lists(st.integers(1, 600).map(lambda m: timedelta(minutes=m)), min_size=1, max_size=3,
             unique=True),
    clients,
)  # fmt: skip
@settings(max_examples=20)
def test_price_grid_agrees_with_quote(
    starts: list[datetime], durations: list[timedelta], client: Client
) -> None:
    """price_grid: every cell is the quote of that start and duration."""
    grid = price_grid(client, durations=durations, starts=starts)
    for start in starts:
        for length in durations:
            job = Intervention(work=(WorkPeriod(start=start, end=start + length),))
            cell = grid.at[start, length]
            assert cell == quote(job, client).total_ht


def _image(axes: Axes) -> AxesImage:
    """The heatmap's image (older matplotlib types ``axes.images`` as artists)."""
    image = axes.images[0]
    assert isinstance(image, AxesImage)
    return image


def test_week_heatmap_shows_the_price_grid() -> None:
    """The heatmap's image data is the week's price grid (48 half-hour rows × 7 days)."""
    figure = week_heatmap(NO_CONTRACT, duration=timedelta(hours=2), week_of=date(2025, 5, 1))
    (axes, bar) = figure.axes
    data = np.asarray(_image(axes).get_array())
    grid = week_grid(NO_CONTRACT, duration=timedelta(hours=2), week_of=date(2025, 5, 1))
    assert data.shape == (48, 7)
    assert np.array_equal(data, grid.to_numpy(dtype=float))
    monday_9 = datetime.combine(date(2025, 4, 28), time(9), PARIS)
    job = Intervention(work=(WorkPeriod(start=monday_9, end=monday_9 + timedelta(hours=2)),))
    assert data[18, 0] == float(quote(job, NO_CONTRACT).total_ht) == 180.0
    assert "Prix (€ HT)" in bar.get_ylabel()
    assert "Heure de début" in axes.get_ylabel()


def test_week_heatmap_marks_the_holidays_of_the_week() -> None:
    """Labour Day (Thursday 1 May 2025) is named under its column and hatched; all its slots
    cost the off-hours price."""
    figure = week_heatmap(NO_CONTRACT, duration=timedelta(hours=1), week_of=date(2025, 5, 1))
    axes = figure.axes[0]
    labels = [t.get_text() for t in axes.get_xticklabels()]
    assert "Fête du Travail" in labels[3]
    assert all("\n" not in label for k, label in enumerate(labels) if k != 3)
    hatched = [p for p in axes.patches if isinstance(p, Rectangle) and p.get_hatch()]
    assert len(hatched) == 1
    assert hatched[0].get_x() == pytest.approx(2.5)
    data = np.asarray(_image(axes).get_array())
    assert set(data[:, 3]) == {108.0}


def test_compare_tariffs_differences_are_those_of_the_quotes() -> None:
    """compare_tariffs: each difference is the difference of the two quotes' totals HT."""
    variant = DEFAULT_TARIFF.replace(version="v", off_hours_surcharge="0.25")
    frame = compare_tariffs(TICKETS, UNDER_CONTRACT, {"terms": DEFAULT_TARIFF, "v": variant})
    assert list(frame.columns) == ["reference", "terms", "v", "Δ v"]
    for ticket, row in zip(TICKETS, frame.itertuples(index=False), strict=True):
        a = quote(ticket, UNDER_CONTRACT).total_ht
        b = quote(ticket, UNDER_CONTRACT, tariff=variant).total_ht
        assert (row[1], row[2], row[3]) == (a, b, b - a)


def test_synthetic_tickets_are_reproducible_and_mixed() -> None:
    """The same seed gives the same tickets; the mix has remote fixes, outages, on-site days."""
    a = synthetic_tickets(300, seed=5, year=2025)
    assert a == synthetic_tickets(300, seed=5, year=2025)
    assert a != synthetic_tickets(300, seed=6, year=2025)
    assert all(t.earliest_start.year in (2025, 2026) for t in a)
    assert any(t.travel for t in a)
    off_hours = [quote(t, NO_CONTRACT) for t in a[:100]]
    assert any(line.off_hours for q in off_hours for line in q.lines)


def test_core_does_not_import_the_notebook_extra() -> None:
    """The core depends on pydantic and holidays only: importing it loads no pandas/matplotlib."""
    code = (
        "import sys, ouitec_terms, ouitec_terms.cli; "
        "print(sorted(m for m in ('pandas', 'matplotlib', 'numpy') if m in sys.modules))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"


def test_figures_are_generated_by_the_script(tmp_path: Path) -> None:
    """The README's picture and the invoice page of docs/invoicing.md come from
    scripts/make_figures.py (make figures), not by hand."""
    done = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "make_figures.py"), str(tmp_path)],
        capture_output=True,
        text=True,
        check=True,
        env={"MPLBACKEND": "Agg", "PATH": ""},
    )
    written = [Path(line) for line in done.stdout.split()]
    assert [p.name for p in written] == ["week-heatmap.png", "invoice-page-1.png"]
    for path in written:
        assert path.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
        assert (ROOT / "docs" / "images" / path.name).exists()
    assert "docs/images/week-heatmap.png" in (ROOT / "README.md").read_text(encoding="utf-8")
    invoicing = (ROOT / "docs" / "invoicing.md").read_text(encoding="utf-8")
    assert "images/invoice-page-1.png" in invoicing


def test_the_sites_figure_speaks_the_sites_language() -> None:
    """The home page and the README are English: the heatmap under their English caption has
    English words, not the French default of week_heatmap()."""
    module = script("make_figures")
    figure = module.heatmap()
    words = " ".join(
        text.get_text() for axes in figure.axes for text in axes.findobj(matplotlib.text.Text)
    )
    assert "Start time" in words
    assert "Heure" not in words
    assert "Jour" not in words
    plt.close(figure)
