"""Generate the README's picture: the week heatmap of the terms (``make figures``).

Usage: ``python scripts/make_figures.py OUTPUT_DIR``. The picture is computed by the library
(``ouitec_terms.explore.week_heatmap``), never drawn by hand.
"""

from __future__ import annotations

import sys
from datetime import date, timedelta
from pathlib import Path

from ouitec_terms import Client
from ouitec_terms.explore import week_heatmap

#: The scenario of the README picture: 2 h of work for a client without contract, the week of
#: Labour Day 2025.
CLIENT = Client(name="Client hors contrat")
DURATION = timedelta(hours=2)
WEEK_OF = date(2025, 5, 1)


def make_figures(folder: Path) -> list[Path]:
    """Write the figures into ``folder`` and return their paths."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "week-heatmap.png"
    figure = week_heatmap(CLIENT, duration=DURATION, week_of=WEEK_OF)
    figure.savefig(path, dpi=80, metadata={"Software": None})
    return [path]


if __name__ == "__main__":
    for written in make_figures(Path(sys.argv[1] if len(sys.argv) > 1 else "docs/images")):
        print(written)
