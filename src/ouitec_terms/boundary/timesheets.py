"""Reading time entries: a generic CSV (streamed) or JSON export, or a helpdesk's (GLPI, Kimai).

[`read_time_entries`][ouitec_terms.boundary.timesheets.read_time_entries] yields, in the file's
order, a [`TimeEntry`][ouitec_terms.boundary.entries.TimeEntry] for each row it could read, or an
[`EntryFlag`][ouitec_terms.boundary.entries.EntryFlag] for a helpdesk's row of an unexpected shape.
A CSV is read as a stream, one row at a time. A generic export that cannot be read (a bad date, a
missing column, the wrong delimiter or encoding) raises an
[`EntryError`][ouitec_terms.errors.EntryError] naming the row and the column (D84).

The generic entry's columns are the fields of
[`EntryField`][ouitec_terms.boundary.mapping.EntryField]; ``ticket``, ``client``, ``start`` and
``end`` or ``duration`` are required. Durations are minutes (``90``) or ``H:MM`` (``1:30``);
yes and no are ``true``/``false``, ``yes``/``no``, ``oui``/``non``, ``1``/``0``, or the
mapping's words; a distance may have a decimal comma (``12,5``).

```pycon
>>> import io
>>> rows = io.StringIO("ticket,client,start,end,kind,distance_km\\n"
...                    "T-1,Garage Petit,2025-06-03 09:00,2025-06-03 10:30,work,\\n"
...                    "T-1,Garage Petit,2025-06-03 08:30,2025-06-03 09:00,travel,\\n")
>>> [(e.source, e.kind.value, e.start.isoformat()) for e in csv_entries(rows, name="e.csv")]
[('row 2', 'work', '2025-06-03T09:00:00+02:00'), ('row 3', 'travel', '2025-06-03T08:30:00+02:00')]
>>> next(csv_entries(io.StringIO("ticket;client;start;end\\n"), name="e.csv"))
Traceback (most recent call last):
...
ouitec_terms.errors.EntryError: e.csv: row 1: no column 'ticket' ...

```
"""

from __future__ import annotations

import codecs
import csv
import re
import sys
from collections.abc import Iterable, Iterator, Mapping
from datetime import datetime
from pathlib import Path
from typing import IO, Any

from pydantic import ValidationError

from ouitec_terms.errors import EntryError

from .echo import CONTROL, shown
from .entries import EntryFlag, EntryKind, TimeEntry
from .mapping import EntryField, EntryMapping, preset_mapping
from .models import BillingMode, Channel
from .reading import read_data
from .scalars import LOCAL_CLOCK

__all__ = [
    "MAX_EXPORT_BYTES",
    "ValueReader",
    "csv_entries",
    "json_entries",
    "one_line_label",
    "read_time_entries",
]

MAX_EXPORT_BYTES = 512 * 2**20
"""The largest JSON export read (read whole; the JSON of 100 000 Kimai timesheets is ~150 MB).
A CSV is streamed, whatever its size."""

_REQUIRED = (EntryField.TICKET, EntryField.CLIENT, EntryField.START)
_DURATION = re.compile(r"([0-9]{1,6})(?::([0-5][0-9]))?(?::(00))?\Z", re.ASCII)
_TRUE, _FALSE = ("true", "yes", "oui", "vrai", "1"), ("false", "no", "non", "faux", "0")
_LABEL_LENGTH = 200


def one_line_label(text: str) -> str:
    """``text`` as a label: control characters and runs of spaces made one space, cut to 200
    characters with "…" (a label is what was done, not a record of it)."""
    flat = " ".join(CONTROL.sub(" ", text).split())
    return flat if len(flat) <= _LABEL_LENGTH else flat[: _LABEL_LENGTH - 1] + "…"


class ValueReader:
    """An export's words for an entry's values, read the mapping's way, in any case."""

    def __init__(self, mapping: EntryMapping) -> None:
        values = mapping.values

        def words(*groups: tuple[str, ...]) -> frozenset[str]:
            return frozenset(word.casefold().strip() for group in groups for word in group)

        self.date_format = mapping.date_format
        self.travel = words(values.travel, ("travel",))
        self.work = words(values.work, ("work",))
        self.true, self.false = words(values.true, _TRUE), words(values.false, _FALSE)
        self.confirmed = words(values.confirmed)
        self.channels = {c.value: c for c in Channel} | {
            k.casefold().strip(): v for k, v in values.channel.items()
        }
        self.modes = {m.value: m for m in BillingMode} | {
            k.casefold().strip(): v for k, v in values.mode.items()
        }

    def kind(self, text: str) -> EntryKind:
        """``work`` (also when empty) or ``travel``, or the mapping's words for them."""
        word = text.casefold().strip()
        if not word or word in self.work:
            return EntryKind.WORK
        if word in self.travel:
            return EntryKind.TRAVEL
        raise ValueError(f"{shown(text)!r} is neither work nor travel; name it in [values]")

    def flag(self, text: str, *, default: bool) -> bool:
        """Yes or no, ``default`` when empty."""
        word = text.casefold().strip()
        if not word:
            return default
        if word in self.true or word in self.false:
            return word in self.true
        raise ValueError(f"{shown(text)!r} is neither yes nor no; name it in [values] true/false")

    def channel(self, text: str) -> Channel | None:
        """A channel of Art. 5, or ``None`` when empty."""
        word = text.casefold().strip()
        if not word:
            return None
        if word in self.channels:
            return self.channels[word]
        raise ValueError(
            f"{shown(text)!r} is not a channel (portal, email, phone, chat); name it in "
            "[values] channel"
        )

    def mode(self, text: str) -> BillingMode:
        """A billing mode of Art. 3, hourly when empty."""
        word = text.casefold().strip()
        if not word:
            return BillingMode.HOURLY
        if word in self.modes:
            return self.modes[word]
        raise ValueError(
            f"{shown(text)!r} is not a billing mode (hourly, remote_day, onsite_day); name it in "
            "[values] mode"
        )

    def moment(self, text: str) -> datetime | str | None:
        """A clock time: parsed with the mapping's ``date_format``, else left to the entry's
        ISO 8601 reading (an offset-less time is on the tariff's clock, D60)."""
        text = text.strip()
        if not text:
            return None
        if self.date_format is None:
            return text
        try:
            return datetime.strptime(text, self.date_format)  # noqa: DTZ007 - D60: tariff clock
        except ValueError:
            raise ValueError(
                f"{shown(text)!r} does not match date_format {self.date_format!r}"
            ) from None


def _duration(text: str) -> int | None:
    """Minutes, from ``90``, ``1:30`` or ``1:30:00``."""
    text = text.strip()
    if not text:
        return None
    found = _DURATION.match(text)
    if found is None:
        raise ValueError(f"{shown(text)!r} is not a duration; write minutes (90) or H:MM (1:30)")
    hours_or_minutes, minutes = int(found.group(1)), found.group(2)
    return hours_or_minutes if minutes is None else hours_or_minutes * 60 + int(minutes)


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str | int):
        return str(value)
    raise ValueError(f"a JSON {type(value).__name__} where text or a number is meant")


def _entry(
    values: Mapping[EntryField, Any], where: str, mapping: EntryMapping, reader: ValueReader,
    clock: str,
) -> TimeEntry:  # fmt: skip
    """The entry of one generic row, or an error naming ``where`` and the column."""
    data: dict[str, Any] = {"source": where}
    field = EntryField.TICKET
    try:
        for field, value in values.items():
            text = _text(value)
            match field:
                case EntryField.START | EntryField.END:
                    data[field.value] = reader.moment(text)
                case EntryField.DURATION:
                    data["duration_minutes"] = _duration(text)
                case EntryField.KIND:
                    data["kind"] = reader.kind(text)
                case EntryField.BILLABLE | EntryField.CONFIRMED:
                    data[field.value] = reader.flag(text, default=field is EntryField.BILLABLE)
                case EntryField.CHANNEL:
                    data["channel"] = reader.channel(text)
                case EntryField.MODE:
                    data["mode"] = reader.mode(text)
                case EntryField.DISTANCE_KM:
                    text = text.strip().replace(",", ".", 1) if text.count(",") == 1 else text
                    data["distance_km"] = text.strip() or None
                case EntryField.LABEL:
                    data["label"] = one_line_label(text)
                case _:
                    data[field.value] = text.strip()
        return TimeEntry.model_validate(data, context={LOCAL_CLOCK: clock})
    except ValidationError as error:
        problem = error.errors(include_url=False)[0]
        name = str(problem["loc"][0]) if problem["loc"] else field.value
        field = EntryField(name.replace("duration_minutes", "duration"))
        message = problem["msg"].removeprefix("Value error, ")
    except ValueError as error:
        message = str(error)
    raise EntryError(f"{where}, column {shown(mapping.header(field))!r}: {message}")


def csv_entries(
    stream: Iterable[str], *, name: str, mapping: EntryMapping | None = None,
    timezone: str = "Europe/Paris",
) -> Iterator[TimeEntry]:  # fmt: skip
    """The entries of a generic CSV ``stream``, one row at a time."""
    mapping = mapping or EntryMapping()
    reader, rows = ValueReader(mapping), csv.reader(stream, delimiter=mapping.delimiter)
    try:
        header = next(rows, None)
        columns = _columns(header or [], mapping, f"{name}: row 1")
        for cells in rows:
            if not any(cell.strip() for cell in cells):
                continue
            where = f"{name}: row {rows.line_num}"
            if len(cells) != len(header or ()):
                raise EntryError(
                    f"{where} has {len(cells)} fields, the header {len(header or ())}; check the "
                    f"delimiter ({mapping.delimiter!r}) and the quoting of that row"
                )
            values = {field: cells[index] for field, index in columns.items()}
            yield _entry(values, where.removeprefix(f"{name}: "), mapping, reader, timezone)
    except csv.Error as error:
        raise EntryError(f"{name}: row {rows.line_num}: {error}; fix that row") from None
    except EntryError as error:
        message = str(error)
        raise EntryError(message if message.startswith(name) else f"{name}: {message}") from None


def _columns(header: list[str], mapping: EntryMapping, where: str) -> dict[EntryField, int]:
    """Where each entry field is in the row; the required ones must be there."""
    cells = [cell.strip().lstrip("\ufeff") for cell in header]
    index = {cell: position for position, cell in enumerate(cells)}
    if len(index) != len(cells):
        twice = next(cell for cell in cells if cells.count(cell) > 1)
        raise EntryError(f"{where}: the column {shown(twice)!r} appears twice; rename one")
    found = {f: index[mapping.header(f)] for f in EntryField if mapping.header(f) in index}
    missing = [f for f in _REQUIRED if f not in found]
    if EntryField.END not in found and EntryField.DURATION not in found:
        missing.append(EntryField.END)
    if missing:
        header_text = ", ".join(repr(shown(cell)) for cell in cells[:8])
        hint = "name it in [columns] of a mapping file (--map)"
        for other in (";", ",", "\t", "|"):
            if len(cells) == 1 and other != mapping.delimiter and other in cells[0]:
                hint = f"the file seems separated by {other!r}: set delimiter in --map"
        first = missing[0]
        raise EntryError(
            f"{where}: no column {shown(mapping.header(first))!r} (the entry's {first.value}); "
            f"the header has {header_text or 'nothing'}; {hint}"
        )
    return found


def json_entries(
    rows: Any, *, name: str, mapping: EntryMapping | None = None, timezone: str = "Europe/Paris"
) -> Iterator[TimeEntry]:
    """The entries of a generic JSON export: an array of objects keyed like the CSV's header."""
    mapping = mapping or EntryMapping()
    if not isinstance(rows, list):
        raise EntryError(f"{name} holds a JSON object; a generic export is an array of entries")
    reader = ValueReader(mapping)
    for number, row in enumerate(rows, start=1):
        where = f"entry {number}"
        if not isinstance(row, dict):
            raise EntryError(f"{name}: {where} is not an object of named fields")
        if number == 1 or row.keys() != rows[number - 2].keys():
            columns = _columns(list(row), mapping, f"{name}: {where}")
        values = {field: row[header] for header, field in _named(columns, row).items()}
        try:
            yield _entry(values, where, mapping, reader, timezone)
        except EntryError as error:
            raise EntryError(f"{name}: {error}") from None


def _named(columns: dict[EntryField, int], row: dict[str, Any]) -> dict[str, EntryField]:
    keys = list(row)
    return {keys[index]: field for field, index in columns.items()}


def read_time_entries(
    path: str | Path,
    *,
    source: str = "generic",
    mapping: EntryMapping | None = None,
    timezone: str = "Europe/Paris",
) -> Iterator[TimeEntry | EntryFlag]:
    """The entries of the export at ``path`` (``-``: standard input), in its order.

    ``source`` is ``generic`` (a CSV, or a JSON array when the file ends in ``.json``),
    ``glpi`` or ``kimai``; ``mapping`` adapts it (default: the source's preset). Offset-less
    times are read on ``timezone``'s clock, the tariff's (D60).
    """
    from .helpdesks import glpi_entries, kimai_entries  # noqa: PLC0415 - one module per source

    mapping = mapping or preset_mapping(source)
    name = "standard input" if str(path) == "-" else f"{shown(str(path))!r}"
    if source in ("glpi", "kimai") or Path(path).suffix.lower() == ".json":
        data = read_data(path, error=EntryError, what="export", limit=MAX_EXPORT_BYTES, array=True)
        if source == "glpi":
            yield from glpi_entries(data, name=name, mapping=mapping, timezone=timezone)
        elif source == "kimai":
            yield from kimai_entries(data, name=name, mapping=mapping, timezone=timezone)
        else:
            yield from json_entries(data, name=name, mapping=mapping, timezone=timezone)
        return
    encoding = "utf-8-sig" if codecs.lookup(mapping.encoding).name == "utf-8" else mapping.encoding
    try:
        binary: IO[bytes] = sys.stdin.buffer if str(path) == "-" else Path(path).open("rb")  # noqa: SIM115
    except OSError as problem:
        reason = problem.strerror or type(problem).__name__
        raise EntryError(f"cannot read export {name}: {reason}; check the path") from None
    except ValueError:
        raise EntryError(f"cannot read export {name}: not a valid path; check the path") from None
    with binary:
        lines = _decoded_lines(binary, encoding, name, mapping.encoding)
        yield from csv_entries(lines, name=name, mapping=mapping, timezone=timezone)


def _decoded_lines(binary: IO[bytes], encoding: str, name: str, shown_as: str) -> Iterator[str]:
    """The text of ``binary``, a line at a time, so that bytes that are not ``encoding`` are
    reported on their own line."""
    decoder = codecs.getincrementaldecoder(encoding)()
    number = 0
    try:
        for number, raw in enumerate(binary, start=1):  # noqa: B007 - the line, for the message
            yield decoder.decode(raw)
        yield decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        raise EntryError(
            f"{name}: row {number}: bytes that are not {shown_as}; give the file's encoding in "
            'the mapping (--map), e.g. encoding = "cp1252"'
        ) from None
