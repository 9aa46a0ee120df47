"""A smoke run of the benchmark script (make bench) on 200 intervals: it runs, every peer is
measured, every target is evaluated, and the results are written as JSON."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).parent.parent


def test_benchmark_script_runs_on_200_items(tmp_path: Path) -> None:
    """`benchmarks/bench.py --items 200` prints the table and writes the same as JSON."""
    output = tmp_path / "bench.json"
    done = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "bench.py"), "--items", "200",
         "--repeats", "1", "--batch-rows", "20000", "--json", str(output)],
        capture_output=True, text=True, check=True, timeout=600,
    )  # fmt: skip
    assert "targets:" in done.stdout
    result = json.loads(output.read_text(encoding="utf-8"))
    names = {row["name"] for row in result["rows"]}
    for peer in ("businesstimedelta", "pandas CustomBusinessHour", "workalendar France day walk"):
        assert peer in names
    assert {
        "price_hourly_batch()",
        "monthly_statement(100)",
        "monthly_statement(10 000)",
        "JSON → quote() → JSON",
        "floor: the same, reimplemented",
        "to_cii_xml()",
        "to_facturx_pdf()",
        "ouitec-terms --version",
        "ouitec-terms quote FILE",
    } <= names
    assert len(result["targets"]) == 11  # eight of the pipeline, three of the start (issue 18)
    ours = next(r for r in result["rows"] if r["name"] == "ouitec-terms split() segments")
    assert ours["extra"]["disagreement_count"] == 0
    floor = next(r for r in result["rows"] if r["name"] == "floor: the same, reimplemented")
    assert floor["extra"]["mismatch_count"] == 0, "the floor must compute what quote() does"
