"""Issue 19's scale: 100 000 time entries of one month for 300 clients, imported and priced end
to end from a CSV (`make bench` runs it; docs/performance.md reports a run).

The CSV is written once into a temporary folder (seeded): each client has tickets worked by one
or two technicians, 1 to 4 entries a ticket, a travel leg now and then, a tenth of the entries
in the evening or on a Saturday, and 5 000 rows of the previous month at the top (flagged as a
run). The import is timed in three parts, each on a fresh read of the file: reading alone
(`read_time_entries`), reading and grouping (`interventions_from_entries`), and the whole
(`import_month`: reading, grouping, pricing). The goal is at least 10 000 entries/s end to end;
the peak memory of the whole is the resident size of a fresh process that imports the file, and a
second file with 200 000 extra rows of other months shows it follows the month's entries, not the
file's.
"""

from __future__ import annotations

import csv
import random
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path

from ouitec_terms import (
    import_month,
    interventions_from_entries,
    parse_clients,
    read_time_entries,
)

ENTRIES, CLIENTS, EARLIER = 100_000, 300, 5_000
GOAL = 10_000  # entries per second, end to end
MAY = datetime(2025, 5, 1, 9)  # noqa: DTZ001 - the export's wall times, on the tariff's clock
JUNE = datetime(2025, 6, 1)  # noqa: DTZ001


def write_export(path: Path, *, earlier: int, seed: int = 2026) -> None:
    """The seeded export: ``earlier`` rows of May, then ENTRIES rows of June 2025."""
    rng = random.Random(seed)
    with path.open("w", encoding="utf-8", newline="") as stream:
        writer = csv.writer(stream)
        writer.writerow(["ticket", "client", "start", "end", "technician", "kind", "label"])
        for n in range(earlier):
            start = MAY + timedelta(minutes=15 * (n % 2000))
            end = start + timedelta(minutes=30)
            writer.writerow([f"M-{n}", "Client 1", f"{start:%Y-%m-%d %H:%M}",
                             f"{end:%Y-%m-%d %H:%M}", "alice", "work", "mai"])  # fmt: skip
        written = 0
        ticket = 0
        while written < ENTRIES:
            ticket += 1
            client = rng.randrange(CLIENTS) + 1
            hour = rng.choice((8, 9, 10, 14, 16, 18, 20))
            day = JUNE.replace(day=rng.randrange(1, 31), hour=hour)
            for technician in ("alice", "bob")[: rng.choice((1, 1, 1, 2))]:
                moment = day + timedelta(minutes=rng.randrange(0, 60, 5))
                for _ in range(rng.randrange(1, 5)):
                    length = timedelta(minutes=rng.randrange(10, 150))
                    kind = "travel" if rng.random() < 0.1 else "work"
                    end = moment + length
                    times = (f"{moment:%Y-%m-%d %H:%M}", f"{end:%Y-%m-%d %H:%M}")
                    row = [f"T-{ticket}", f"Client {client}", *times, technician, kind, "Work"]
                    writer.writerow(row)
                    moment += length + timedelta(minutes=5)
                    written += 1


def clients_text() -> str:
    """300 clients, a third under contract with included hours, all with a distance."""
    blocks = []
    for n in range(1, CLIENTS + 1):
        block = f'[[client]]\nname = "Client {n}"\ndistance_km = "{n % 40 + 3}"\n'
        if n % 3 == 0:
            block += (
                '[[client.contracts]]\nservice = "support-utilisateur"\nmonthly_commitment = '
                '"800"\nstart = 2025-01-01\nmonths = 12\nincluded_hours_per_month = "4"\n'
            )
        blocks.append(block)
    return "\n".join(blocks)


def timed(work: Callable[[], object]) -> float:
    start = time.perf_counter()
    work()
    return time.perf_counter() - start


def _peak_memory(export: Path, clients: Path) -> float:
    """The peak resident memory, MiB, of a fresh process importing ``export`` (Linux: KiB)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    subprocess.run(
        [sys.executable, "-m", "ouitec_terms", "import", str(export), "--clients", str(clients),
         "--month", "2025-06", "--format", "json", "-o", "/dev/null"],
        check=True,
    )  # fmt: skip
    after = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return max(after, before) / 1024


def main() -> int:
    clients = parse_clients(clients_text())
    with tempfile.TemporaryDirectory() as folder:
        export, big = Path(folder) / "june.csv", Path(folder) / "big.csv"
        write_export(export, earlier=EARLIER)
        write_export(big, earlier=EARLIER + 200_000)
        read = min(timed(lambda: sum(1 for _ in read_time_entries(export))) for _ in range(2))
        grouped = min(
            timed(lambda: interventions_from_entries(read_time_entries(export), clients, 2025, 6))
            for _ in range(2)
        )
        whole = min(
            timed(lambda: import_month(read_time_entries(export), clients, 2025, 6))
            for _ in range(2)
        )
        result = import_month(read_time_entries(export), clients, 2025, 6)
        clients_file = Path(folder) / "clients.toml"
        clients_file.write_text(clients_text(), encoding="utf-8")
        peaks = [_peak_memory(path, clients_file) for path in (export, big)]
    s = result.summary
    rate = s.entries_read / whole
    print(f"import of {s.entries_read} entries ({ENTRIES} of June 2025, {EARLIER} of May), "
          f"{CLIENTS} clients")  # fmt: skip
    flags = len(result.flags)
    print(f"  statements {s.clients}, interventions {s.interventions}, priced "
          f"{s.entries_priced}, flagged {s.entries_flagged} in {flags} flag(s)")  # fmt: skip
    print(f"  reading        {read:6.2f} s  ({read / whole:5.1%})")
    print(f"  grouping       {grouped - read:6.2f} s  ({(grouped - read) / whole:5.1%})")
    print(f"  pricing        {whole - grouped:6.2f} s  ({(whole - grouped) / whole:5.1%})")
    print(f"  end to end     {whole:6.2f} s  = {rate:,.0f} entries/s (goal ≥ {GOAL:,})")
    print(f"  peak memory    {peaks[0]:6.1f} MiB; with 200 000 more rows of other months "
          f"{peaks[1]:6.1f} MiB")  # fmt: skip
    verdict = "PASS" if rate >= GOAL else "FAIL"
    print(f"  {verdict}  import ≥ {GOAL:,} entries/s: {rate:,.0f}")
    return 0 if rate >= GOAL else 1


if __name__ == "__main__":
    sys.exit(main())
