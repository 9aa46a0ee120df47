"""The invoice book's store: one standard-library SQLite file, append-only and verifiable.

- **One transaction per operation.** Issuing takes the write lock first (``BEGIN IMMEDIATE``),
  then reads the series' last number, builds the invoice with the next one, stores its JSON, its
  XML and its PDF with the PDF's SHA-256, and commits: numbers run 1, 2, 3… per series and year
  with no gap and no repeat, whatever the processes writing at once; a process killed half-way
  leaves nothing (SQLite's rollback journal).
- **Append-only.** Triggers refuse every ``UPDATE`` and ``DELETE`` of a record; a correction is
  a credit note.
- **Verifiable.** Each record carries the SHA-256 of its content and of the record before it;
  [`Store.verify`][ouitec_terms.book.store.Store.verify] recomputes the chain, runs ``PRAGMA
  integrity_check`` and checks the numbering, and names the first broken record.

The store holds bytes and texts; the rules over them ([`ouitec_terms.rules.ledger`]
[ouitec_terms.rules.ledger]) never see SQL. A shared PostgreSQL store would implement the same
narrow interface (``append``, ``records``, ``next_number``) with ``SELECT … FOR UPDATE`` on a
series row instead of ``BEGIN IMMEDIATE`` (docs/architecture.md).
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from ouitec_terms.boundary.echo import shown
from ouitec_terms.errors import BookError, OutputError

__all__ = ["SCHEMA_VERSION", "Record", "Store", "Transaction"]

SCHEMA_VERSION = "2"
"""The version of the book's tables."""
_GENESIS = "0" * 64

_SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE records (
    seq INTEGER PRIMARY KEY,
    kind TEXT NOT NULL CHECK (kind IN ('invoice', 'credit_note', 'payment', 'penalty')),
    number TEXT UNIQUE,
    series TEXT,
    year INTEGER,
    n INTEGER,
    day TEXT NOT NULL,
    entered TEXT NOT NULL,
    invoice TEXT,
    client TEXT NOT NULL,
    siren TEXT,
    amount TEXT NOT NULL,
    body TEXT NOT NULL,
    xml BLOB,
    pdf BLOB,
    pdf_sha256 TEXT,
    prev_hash TEXT NOT NULL,
    hash TEXT NOT NULL UNIQUE,
    UNIQUE (series, year, n)
);
CREATE TRIGGER records_no_update BEFORE UPDATE ON records
    BEGIN SELECT RAISE(ABORT, 'the invoice book is append-only: correct with a credit note'); END;
CREATE TRIGGER records_no_delete BEFORE DELETE ON records
    BEGIN SELECT RAISE(ABORT, 'the invoice book is append-only: correct with a credit note'); END;
CREATE TRIGGER meta_no_update BEFORE UPDATE ON meta
    BEGIN SELECT RAISE(ABORT, 'the invoice book''s settings are fixed at init'); END;
CREATE TRIGGER meta_no_delete BEFORE DELETE ON meta
    BEGIN SELECT RAISE(ABORT, 'the invoice book''s settings are fixed at init'); END;
"""
_TRIGGERS = ("records_no_update", "records_no_delete", "meta_no_update", "meta_no_delete")
_FIELDS = (
    "seq", "kind", "number", "series", "year", "n", "day", "entered", "invoice", "client", "siren",
    "amount", "body", "xml", "pdf", "pdf_sha256", "prev_hash", "hash",
)  # fmt: skip


@dataclass(frozen=True, slots=True, kw_only=True)
class Record:
    """One record of the book: an invoice, a credit note or a payment."""

    seq: int
    """Its place in the book (1, 2, 3…), which the hash chain follows."""
    kind: str
    """``invoice``, ``credit_note``, ``payment`` or ``penalty``."""
    number: str | None
    """An invoice's or credit note's number."""
    series: str | None
    """The series it was numbered in (``invoice``, ``credit_note``)."""
    year: int | None
    """The year of its number."""
    n: int | None
    """Its counter in the series and year."""
    day: date
    """Its issue date, or the payment's date."""
    entered: date
    """The day (UTC) it entered the book: the FEC's ``ValidDate``."""
    invoice: str | None
    """What it refers to: the invoice a credit note credits or a payment pays."""
    client: str
    """The client's name."""
    siren: str | None
    """The client's SIREN."""
    amount: str
    """Its amount, € TTC, as text."""
    body: str
    """Its JSON (an invoice's ``to_json``, a payment's fields)."""
    xml: bytes | None
    """An invoice's CII XML."""
    pdf: bytes | None
    """An invoice's Factur-X PDF."""
    pdf_sha256: str | None
    """The SHA-256 of that PDF."""
    prev_hash: str
    """The hash of the record before it."""
    hash: str
    """The hash of its content and ``prev_hash``."""

    def content_hash(self) -> str:
        """The hash this record must have, recomputed from what it holds."""
        return _hash(self.prev_hash, self._content())

    def _content(self) -> list[Any]:
        xml = hashlib.sha256(self.xml).hexdigest() if self.xml is not None else ""
        pdf = hashlib.sha256(self.pdf).hexdigest() if self.pdf is not None else ""
        return [self.seq, self.kind, self.number, self.series, self.year, self.n,
                self.day.isoformat(), self.entered.isoformat(), self.invoice, self.client,
                self.siren, self.amount, self.body, xml, pdf, self.pdf_sha256]  # fmt: skip


def _hash(previous: str, content: list[Any]) -> str:
    text = json.dumps([previous, *content], ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _failure(path: Path, error: sqlite3.Error) -> BookError | OutputError:
    reason = str(error)
    if isinstance(error, sqlite3.OperationalError) and any(
        word in reason for word in ("readonly", "disk", "full", "unable to open", "I/O")
    ):
        return OutputError(f"cannot write the book {shown(str(path))!r}: {reason}; nothing changed")
    if isinstance(error, sqlite3.DatabaseError) and "not a database" in reason:
        return BookError(f"{shown(str(path))!r} is not an invoice book (SQLite): {reason}")
    return BookError(f"the book {shown(str(path))!r}: {reason}; nothing changed")


class Store:
    """The SQLite file of one invoice book."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)

    @contextmanager
    def _connection(self, *, write: bool) -> Iterator[sqlite3.Connection]:
        if not self.path.exists():
            raise BookError(
                f"no invoice book at {shown(str(self.path))!r}; create it with "
                "`ouitec-terms book init`, or give --book PATH"
            )
        try:
            mode = "rw" if write else "ro"
            connection = sqlite3.connect(
                f"file:{self.path}?mode={mode}", uri=True, timeout=60, isolation_level=None
            )
        except sqlite3.Error as error:
            raise _failure(self.path, error) from None
        try:
            connection.execute("PRAGMA synchronous = FULL")
            yield connection
        except sqlite3.Error as error:
            raise _failure(self.path, error) from None
        finally:
            connection.close()

    @classmethod
    def create(cls, path: str | Path, settings: dict[str, str]) -> Store:
        """A new book at ``path`` (refused if a file is there), with its fixed ``settings``; the
        file appears whole or not at all (built beside it, then renamed)."""
        target = Path(path)
        if target.exists():
            raise BookError(f"{shown(str(target))!r} exists; an invoice book is created once")
        temporary = target.with_name(f".{target.name}.{os.getpid()}.tmp")
        try:
            connection = sqlite3.connect(temporary, isolation_level=None)
            try:
                connection.executescript(_SCHEMA)
                connection.execute("BEGIN")
                rows = [("schema", SCHEMA_VERSION), *sorted(settings.items())]
                connection.executemany("INSERT INTO meta VALUES (?, ?)", rows)
                connection.execute("COMMIT")
            finally:
                connection.close()
            os.replace(temporary, target)
        except (sqlite3.Error, OSError) as error:
            temporary.unlink(missing_ok=True)
            reason = getattr(error, "strerror", None) or str(error)
            raise OutputError(f"cannot create the book {shown(str(target))!r}: {reason}") from None
        return cls(target)

    def settings(self) -> dict[str, str]:
        """The settings fixed at init (series patterns, the VAT option…)."""
        with self._connection(write=False) as connection:
            return dict(connection.execute("SELECT key, value FROM meta").fetchall())

    def records(self) -> tuple[Record, ...]:
        """Every record, in the book's order."""
        with self._connection(write=False) as connection:
            return tuple(_record(row) for row in connection.execute(_SELECT).fetchall())

    def append(self, build: Callable[[Transaction], dict[str, Any]]) -> Record:
        """Append the record ``build`` returns, in one transaction that holds the write lock.

        ``build`` is given the [`Transaction`][ouitec_terms.book.store.Transaction]: the records
        and the next counter of a series, read inside it; it returns the record's fields (no
        ``seq``, ``prev_hash`` or ``hash``: the store sets them)."""
        with self._connection(write=True) as connection:
            connection.execute("BEGIN IMMEDIATE")
            try:
                last = connection.execute(
                    "SELECT seq, hash FROM records ORDER BY seq DESC LIMIT 1"
                ).fetchone()
                seq, previous = (last[0] + 1, last[1]) if last else (1, _GENESIS)

                fields = build(Transaction(connection))
                today = datetime.now(UTC).date()
                draft = Record(seq=seq, prev_hash=previous, hash="", entered=today, **fields)
                record = Record(**{**_as_dict(draft), "hash": draft.content_hash()})
                values = _as_dict(record)
                values["day"] = record.day.isoformat()
                values["entered"] = record.entered.isoformat()
                connection.execute(
                    f"INSERT INTO records ({', '.join(_FIELDS)}) VALUES "
                    f"({', '.join('?' for _ in _FIELDS)})",
                    [values[name] for name in _FIELDS],
                )
                connection.execute("COMMIT")
            except BaseException:
                if connection.in_transaction:
                    connection.execute("ROLLBACK")
                raise
        return record

    def verify(self) -> int:
        """Check the book: SQLite's own integrity check, the triggers, the hash chain, and the
        numbering (1, 2, 3… per series and year, dates never back). Returns the number of
        records; raises [`BookError`][ouitec_terms.errors.BookError] naming the first broken."""
        with self._connection(write=False) as connection:
            check = connection.execute("PRAGMA integrity_check").fetchall()
            if check != [("ok",)]:
                raise BookError(f"SQLite's integrity check fails: {check[0][0]}")
            names = {r[0] for r in connection.execute("SELECT name FROM sqlite_master")}
            missing = [name for name in _TRIGGERS if name not in names]
            if missing:
                raise BookError(f"the trigger {missing[0]} is gone: the book is not append-only")
            rows = connection.execute(_SELECT).fetchall()
        previous = _GENESIS
        counters: dict[tuple[str, int | None], int] = {}
        last_day: dict[str, date] = {}
        for index, row in enumerate(rows, start=1):
            record = _record(row)
            where = f"record {record.seq} ({record.number or record.kind})"
            if record.seq != index or record.prev_hash != previous:
                raise BookError(f"{where}: the chain is broken (a record missing or moved)")
            if record.content_hash() != record.hash:
                raise BookError(f"{where}: its content does not match its hash (changed)")
            if (
                record.pdf is not None
                and hashlib.sha256(record.pdf).hexdigest() != record.pdf_sha256
            ):
                raise BookError(f"{where}: its PDF does not match its SHA-256")
            if record.series is not None:
                key = (record.series, record.year)
                before = counters.get(key, 0)
                if record.n != before + 1:
                    raise BookError(f"{where}: number {record.n} follows {before}")
                counters[key] = before + 1
                if record.day < last_day.get(record.series, record.day):
                    raise BookError(f"{where}: issued before the one before it in its series")
                last_day[record.series] = record.day
            previous = record.hash
        return len(rows)


class Transaction:
    """What an operation may read inside its transaction, under the write lock."""

    def __init__(self, connection: sqlite3.Connection) -> None:
        self._connection = connection

    def next_number(self, series: str, year: int) -> int:
        """The next counter of ``series`` in ``year`` (1 for the first)."""
        row = self._connection.execute(
            "SELECT MAX(n) FROM records WHERE series = ? AND year = ?", (series, year)
        ).fetchone()
        return int(row[0] or 0) + 1

    def last_day(self, series: str) -> date | None:
        """The issue date of the series' last record, if any."""
        row = self._connection.execute(
            "SELECT day FROM records WHERE series = ? ORDER BY seq DESC LIMIT 1", (series,)
        ).fetchone()
        return None if row is None else date.fromisoformat(row[0])

    def records(self) -> tuple[Record, ...]:
        """Every record so far."""
        return tuple(_record(row) for row in self._connection.execute(_SELECT).fetchall())


_SELECT = f"SELECT {', '.join(_FIELDS)} FROM records ORDER BY seq"


def _record(row: tuple[Any, ...]) -> Record:
    values = dict(zip(_FIELDS, row, strict=True))
    values["day"] = date.fromisoformat(values["day"])
    values["entered"] = date.fromisoformat(values["entered"])
    return Record(**values)


def _as_dict(record: Record) -> dict[str, Any]:
    return {name: getattr(record, name) for name in _FIELDS}
