"""GLPI's and Kimai's exports, read with their own field names (issue 19, D83).

- **GLPI**: a JSON object ``{"tickets": [...], "tasks": [...]}``, the rows of the REST API's
  ``GET apirest.php/Ticket?expand_dropdowns=true`` and ``GET
  apirest.php/TicketTask?expand_dropdowns=true``. A ticket gives ``id``, ``name``,
  ``entities_id`` (the entity's full name: the client) and ``requesttypes_id`` (the channel, by
  the mapping's ``[values] channel``); a task gives ``tickets_id`` (the ticket's id, or its name
  once expanded), ``begin`` and ``end`` (server-local ``YYYY-MM-DD HH:MM:SS``, read on the
  tariff's clock), ``actiontime`` (seconds), ``users_id_tech``, ``taskcategories_id`` (travel when
  the mapping names it) and ``content`` (HTML, kept as the label's text).
- **Kimai**: the JSON array of Kimai 2's ``GET /api/timesheets?full=true``: ``begin`` and ``end``
  (with their offset), ``duration`` (seconds), ``description``, ``billable``, ``user.alias`` (or
  ``user.username``), ``activity.name`` (travel when the mapping names it), ``project.name``,
  ``project.customer.name`` (the client) and ``tags`` (``ticket:<id>`` names the ticket, else the
  project does).

A row of an unexpected shape becomes a flag naming its id, never a traceback; an export whose top
is not the expected shape is an [`EntryError`][ouitec_terms.errors.EntryError].
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from typing import Any

from pydantic import ValidationError

from ouitec_terms.errors import EntryError

from .echo import shown
from .entries import EntryFlag, EntryKind, FlagReason, TimeEntry
from .mapping import EntryMapping
from .scalars import LOCAL_CLOCK
from .timesheets import ValueReader, one_line_label

__all__ = ["glpi_entries", "kimai_entries"]

_TAG = re.compile(r"<[^>]*>")
_TICKET_TAG = "ticket:"


class _ShapeError(Exception):
    """A row lacks a field or holds a value of the wrong kind (becomes a flag)."""


def _field(row: dict[str, Any], key: str, kinds: type | tuple[type, ...]) -> Any:
    value = row.get(key)
    if isinstance(value, bool) or not isinstance(value, kinds):
        raise _ShapeError(f"{key}: {shown(str(value))[:40]!r}")
    return value


def _dropdown(value: Any) -> str:
    """An expanded dropdown's name; GLPI writes an empty one as 0, "" or "&nbsp;"."""
    if value in (None, 0, "0", "", "&nbsp;"):
        return ""
    if not isinstance(value, str):
        raise _ShapeError(
            f"{shown(str(value))[:40]!r} is not a name (export with expand_dropdowns)"
        )
    return html.unescape(value).strip()


def _html_text(value: Any) -> str:
    if not isinstance(value, str):
        return ""
    return one_line_label(html.unescape(_TAG.sub(" ", html.unescape(value))))


def _validated(data: dict[str, Any], where: str, timezone: str) -> TimeEntry | EntryFlag:
    try:
        return TimeEntry.model_validate(data, context={LOCAL_CLOCK: timezone})
    except ValidationError as error:
        problem = error.errors(include_url=False)[0]
        detail = ".".join(str(p) for p in problem["loc"]) + ": " + problem["msg"][:120]
        return EntryFlag(
            source=where, entries=1, reason=FlagReason.UNEXPECTED_SHAPE,
            client=data.get("client"), ticket=data.get("ticket"), detail=detail,
        )  # fmt: skip


def _id(row: object, number: int) -> str:
    value = row.get("id") if isinstance(row, dict) else None
    if isinstance(value, int | str) and not isinstance(value, bool):
        return str(value)[:20]
    return f"#{number}"


def glpi_entries(
    data: Any, *, name: str, mapping: EntryMapping, timezone: str
) -> Iterator[TimeEntry | EntryFlag]:
    """The entries of a GLPI export (its tasks), joined to their tickets."""
    if not (
        isinstance(data, dict)
        and isinstance(data.get("tickets"), list)
        and isinstance(data.get("tasks"), list)
    ):
        raise EntryError(
            f'{name} is not a GLPI export: write a JSON object {{"tickets": [...], "tasks": '
            "[...]}} of the rows of apirest.php/Ticket and apirest.php/TicketTask"
        )
    reader = ValueReader(mapping)
    by_id: dict[str, dict[str, Any]] = {}
    by_name: dict[str, list[dict[str, Any]]] = {}
    for number, ticket in enumerate(data["tickets"], start=1):
        try:
            if not isinstance(ticket, dict):
                raise _ShapeError("not an object")
            key = str(_field(ticket, "id", (int, str)))
            by_id[key] = ticket
            by_name.setdefault(_dropdown(ticket.get("name")), []).append(ticket)
        except _ShapeError as problem:
            yield EntryFlag(
                source=f"ticket {_id(ticket, number)}", entries=0,
                reason=FlagReason.UNEXPECTED_SHAPE, detail=str(problem),
            )  # fmt: skip
    for number, task in enumerate(data["tasks"], start=1):
        where = f"task {_id(task, number)}"
        try:
            if not isinstance(task, dict):
                raise _ShapeError("not an object")
            yield _glpi_task(
                task, where, by_id=by_id, by_name=by_name, reader=reader,
                timezone=timezone,
            )  # fmt: skip
        except _ShapeError as problem:
            yield EntryFlag(
                source=where, entries=1, reason=FlagReason.UNEXPECTED_SHAPE, detail=str(problem)
            )


def _glpi_task(
    task: dict[str, Any], where: str, *, by_id: dict[str, dict[str, Any]],
    by_name: dict[str, list[dict[str, Any]]], reader: ValueReader,
    timezone: str,
) -> TimeEntry | EntryFlag:  # fmt: skip
    link = _field(task, "tickets_id", (int, str))
    if str(link) in by_id:
        tickets = [by_id[str(link)]]
    else:  # an id the export lacks, or the ticket's name (expand_dropdowns)
        tickets = [] if isinstance(link, int) else by_name.get(_dropdown(link), [])
    if len(tickets) != 1:
        reason = FlagReason.SHARED_TICKET_NAME if tickets else FlagReason.UNKNOWN_TICKET
        return EntryFlag(source=where, entries=1, reason=reason, ticket=str(link)[:200])
    ticket = tickets[0]
    client = _dropdown(ticket.get("entities_id"))
    reference = str(_field(ticket, "id", (int, str)))
    request = _dropdown(ticket.get("requesttypes_id"))
    channel = reader.channels.get(request.casefold())
    if channel is None:
        return EntryFlag(
            source=where, entries=1, reason=FlagReason.UNMAPPED_VALUE, client=client,
            ticket=reference, detail=f"requesttypes_id: {request[:60]!r}",
        )  # fmt: skip
    seconds = task.get("actiontime")
    if seconds is not None and not (isinstance(seconds, int) and not isinstance(seconds, bool)):
        raise _ShapeError(f"actiontime: {shown(str(seconds))[:40]!r}")
    category = _dropdown(task.get("taskcategories_id")).casefold()
    return _validated(
        {
            "source": where,
            "ticket": reference,
            "client": client,
            "start": task.get("begin") or None,
            "end": task.get("end") or None,
            "duration_minutes": None if seconds is None else seconds // 60,
            "technician": _dropdown(task.get("users_id_tech")),
            "kind": EntryKind.TRAVEL if category in reader.travel else EntryKind.WORK,
            "label": _html_text(task.get("content")),
            "channel": channel,
            "confirmed": request.casefold().strip() in reader.confirmed,
        },
        where,
        timezone,
    )


def kimai_entries(
    data: Any, *, name: str, mapping: EntryMapping, timezone: str
) -> Iterator[TimeEntry | EntryFlag]:
    """The entries of a Kimai export (``GET /api/timesheets?full=true``)."""
    if not isinstance(data, list):
        raise EntryError(
            f"{name} is not a Kimai export: write the JSON array of GET /api/timesheets?full=true"
        )
    reader = ValueReader(mapping)
    for number, row in enumerate(data, start=1):
        where = f"timesheet {_id(row, number)}"
        try:
            if not isinstance(row, dict):
                raise _ShapeError("not an object")
            yield _kimai_row(row, where, reader, timezone)
        except _ShapeError as problem:
            yield EntryFlag(
                source=where, entries=1, reason=FlagReason.UNEXPECTED_SHAPE, detail=str(problem)
            )


def _kimai_row(
    row: dict[str, Any], where: str, reader: ValueReader, timezone: str
) -> TimeEntry | EntryFlag:
    user = _field(row, "user", dict)
    project = _field(row, "project", dict)
    customer = _field(project, "customer", dict)
    activity = _field(row, "activity", dict)
    tags = row.get("tags") or []
    if not isinstance(tags, list):
        raise _ShapeError(f"tags: {shown(str(tags))[:40]!r}")
    tickets = [
        tag[len(_TICKET_TAG) :].strip()
        for tag in tags
        if isinstance(tag, str) and tag.startswith(_TICKET_TAG)
    ]
    seconds = row.get("duration")
    if seconds is not None and not (isinstance(seconds, int) and not isinstance(seconds, bool)):
        raise _ShapeError(f"duration: {shown(str(seconds))[:40]!r}")
    billable = row.get("billable", True)
    if not isinstance(billable, bool):
        raise _ShapeError(f"billable: {shown(str(billable))[:40]!r}")
    technician = user.get("alias") or user.get("username") or ""
    description = row.get("description")
    return _validated(
        {
            "source": where,
            "ticket": tickets[0] if tickets else _field(project, "name", str),
            "client": _field(customer, "name", str),
            "start": row.get("begin") or None,
            "end": row.get("end") or None,
            # a running timer has no end, and its duration means nothing yet
            "duration_minutes": None if seconds is None or not row.get("end") else seconds // 60,
            "technician": technician if isinstance(technician, str) else "",
            "kind": (
                EntryKind.TRAVEL
                if str(activity.get("name", "")).casefold().strip() in reader.travel
                else EntryKind.WORK
            ),
            "billable": billable,
            "label": one_line_label(description) if isinstance(description, str) else "",
        },
        where,
        timezone,
    )
