"""Reading TOML and JSON files safely: whatever the bytes, data or one clear error.

Every file the library reads (documents, tariffs, ECB rate files) goes through
[`read_data`][ouitec_terms.boundary.reading.read_data]. It refuses, each with a message naming the
file: unreadable paths, files over [`MAX_FILE_BYTES`][ouitec_terms.boundary.reading.MAX_FILE_BYTES],
text that is not UTF-8, invalid TOML or JSON, duplicate JSON keys (the last one would silently win),
JSON ``NaN`` and ``Infinity``, nesting deeper than
[`MAX_DEPTH`][ouitec_terms.boundary.reading.MAX_DEPTH] and integers longer than
[`MAX_INTEGER_DIGITS`][ouitec_terms.boundary.reading.MAX_INTEGER_DIGITS] digits. Numbers written
with a fraction are kept exactly as [`NumberWithFraction`][ouitec_terms.money.NumberWithFraction],
never as floats.

```pycon
>>> data = parse_text('{"a": {"b": 1.50}}', source="doc.json", toml=False)
>>> data, type(data["a"]["b"]).__name__
({'a': {'b': Decimal('1.50')}}, 'NumberWithFraction')
>>> parse_text('{"a": 1, "a": 2}', source="doc.json", toml=False)
Traceback (most recent call last):
...
ouitec_terms.errors.DocumentError: doc.json: key 'a' appears twice in one object; keep one

```
"""

from __future__ import annotations

import json
import sys
import tomllib
from decimal import Decimal
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from ouitec_terms.errors import DocumentError, OuitecTermsError
from ouitec_terms.money import NumberWithFraction

from .echo import one_line, shown

__all__ = [
    "MAX_DEPTH",
    "MAX_FILE_BYTES",
    "MAX_INTEGER_DIGITS",
    "describe_validation_error",
    "parse_text",
    "read_data",
]

MAX_FILE_BYTES = 64 * 1024 * 1024
"""The largest file read (a statement of 10 000 interventions is a few MB)."""
MAX_DEPTH = 32
"""The deepest nesting of tables and arrays a document may have (documents need about 6)."""
MAX_INTEGER_DIGITS = 30
"""The most digits an integer may have (amounts stay below 10**12)."""


def read_data(
    path: str | Path,
    *,
    error: type[OuitecTermsError] = DocumentError,
    what: str = "file",
    limit: int = MAX_FILE_BYTES,
    array: bool = False,
) -> Any:
    """The data of a TOML (``.toml``) or JSON (any other suffix) file, checked as above;
    ``"-"`` reads standard input (JSON when it starts with ``{``, or with ``array`` an array of
    objects, else TOML).

    ``error`` is the class of the error raised: [`DocumentError`][ouitec_terms.errors.DocumentError]
    by default, [`TariffError`][ouitec_terms.errors.TariffError] for a tariff file. ``limit`` is
    the largest file read, in bytes; ``array`` also accepts a JSON array at the top (an export's
    rows) where a document must be an object.
    """
    source = shown(str(path))
    file = Path(path)
    try:
        if str(path) == "-":  # standard input
            source, raw = "<stdin>", sys.stdin.buffer.read(limit + 1)
        else:
            with file.open("rb") as stream:
                raw = stream.read(limit + 1)
    except OSError as problem:
        reason = problem.strerror or type(problem).__name__
        raise error(f"cannot read {what} {source!r}: {reason}; check the path") from None
    except ValueError:  # a path with a NUL byte
        raise error(f"cannot read {what} {source!r}: not a valid path; check the path") from None
    if len(raw) > limit:
        raise error(
            f"{what} {source!r} is larger than {limit // 2**20} MiB; split it into smaller files"
        )
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise error(f"{what} {source!r} is not UTF-8 text; save it as UTF-8") from None
    from_stdin = source == "<stdin>"
    start = text.lstrip()
    json_start = start.startswith("{") or (
        array and start.startswith("[") and start[1:].lstrip()[:1] in ("{", "]")
    )
    toml = not json_start if from_stdin else file.suffix.lower() == ".toml"
    return parse_text(text, source=f"{what} {source!r}", toml=toml, error=error, array=array)


def parse_text(
    text: str,
    *,
    source: str,
    toml: bool,
    error: type[OuitecTermsError] = DocumentError,
    array: bool = False,
) -> Any:
    """Parse TOML or JSON ``text`` into a dict (or, with ``array``, a JSON array), refusing what
    [`read_data`][ouitec_terms.boundary.reading.read_data] refuses."""
    kind = "TOML" if toml else "JSON"
    try:
        data = _parse_toml(text) if toml else _parse_json(text)
    except _RefusedError as refused:
        raise error(f"{source}: {refused}") from None
    except RecursionError:
        raise error(
            f"{source} nests tables or arrays too deeply; documents need only a few levels"
        ) from None
    except ValueError as problem:  # TOMLDecodeError, JSONDecodeError, int conversion limit
        if "integer string conversion" in str(problem):
            raise error(_too_long(source)) from None
        raise error(f"{source} is not valid {kind}: {one_line(str(problem))}") from None
    if not isinstance(data, dict) and not (array and isinstance(data, list)):
        raise error(
            f"{source} holds a JSON {type(data).__name__}; it must be an object of named tables"
            + (" or an array of rows" if array else "")
        )
    _check_shape(data, source, error)
    return data


class _RefusedError(Exception):
    pass


def _number_with_fraction(text: str) -> NumberWithFraction:
    """A number written with a fraction or an exponent, read exactly; refused when its exponent
    takes it beyond [`MAX_INTEGER_DIGITS`][ouitec_terms.boundary.reading.MAX_INTEGER_DIGITS]
    digits (``1e99999999999999999999`` cannot even be built as a Decimal)."""
    shown = text[:20] + ("…" if len(text) > 20 else "")
    try:
        number = NumberWithFraction(text)
    except ArithmeticError:  # decimal.InvalidOperation: an exponent beyond any context
        number = None
    if number is None or (number and abs(number.adjusted()) > MAX_INTEGER_DIGITS):
        raise _RefusedError(
            f"the number {shown} is beyond {MAX_INTEGER_DIGITS} digits; amounts stay below "
            "10**12 with at most 6 decimal places"
        )
    return number


def _parse_toml(text: str) -> Any:
    return tomllib.loads(text, parse_float=_number_with_fraction)


def _parse_json(text: str) -> Any:
    return json.loads(
        text,
        parse_float=_number_with_fraction,
        parse_int=_json_int,
        parse_constant=_json_constant,
        object_pairs_hook=_unique_keys,
    )


def _json_int(text: str) -> int:
    if len(text.lstrip("-")) > MAX_INTEGER_DIGITS:
        raise _RefusedError(
            f"an integer of {len(text)} digits is too long; amounts stay below 10**12"
        )
    return int(text)


def _json_constant(text: str) -> Any:
    raise _RefusedError(f'{text} is not a number; write an amount as a string such as "12.50"')


def _unique_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for key, value in pairs:
        if key in result:
            raise _RefusedError(f"key {one_line(key)[:60]!r} appears twice in one object; keep one")
        result[key] = value
    return result


def _check_shape(
    data: dict[str, Any] | list[Any], source: str, error: type[OuitecTermsError]
) -> None:
    """Refuse nesting deeper than [`MAX_DEPTH`][ouitec_terms.boundary.reading.MAX_DEPTH] and
    integers longer than allowed."""
    limit = 10**MAX_INTEGER_DIGITS
    stack: list[tuple[Any, int]] = [(data, 1)]
    while stack:
        node, depth = stack.pop()
        if isinstance(node, dict | list):
            if depth > MAX_DEPTH:
                raise error(
                    f"{source} nests tables or arrays more than {MAX_DEPTH} levels deep; "
                    "documents need only a few levels"
                )
            children = node.values() if isinstance(node, dict) else node
            stack.extend((child, depth + 1) for child in children)
        elif isinstance(node, int) and not isinstance(node, bool) and not -limit < node < limit:
            raise error(_too_long(source))
        elif (
            isinstance(node, Decimal)
            and node.is_finite()
            and node
            and abs(node.adjusted()) > MAX_INTEGER_DIGITS
        ):
            raise error(
                f"{source} holds the number {str(node)[:20]}…, beyond {MAX_INTEGER_DIGITS} "
                "digits; amounts stay below 10**12 with at most 6 decimal places"
            )


def _too_long(source: str) -> str:
    return (
        f"{source} holds an integer of more than {MAX_INTEGER_DIGITS} digits; amounts stay "
        "below 10**12"
    )


_HINTS = {
    "timezone_aware": "give an offset, e.g. 2025-03-11T09:00:00+01:00",
    "extra_forbidden": "remove it or check its spelling (see `{schema}`)",
    "missing": "add it (see `{schema}`)",
    "datetime_from_date_parsing": "write an RFC 3339 datetime, e.g. 2025-03-11T09:00:00+01:00",
    "datetime_parsing": "write an RFC 3339 datetime, e.g. 2025-03-11T09:00:00+01:00",
    "enum": "use one of the values listed",
}
_SHOWN = 3
"""How many problems a message spells out before it counts the rest."""


def describe_validation_error(
    error: ValidationError, source: str, schema: str = "ouitec-terms schema"
) -> str:
    """One line: where each problem is, what is wrong and how to fix it (three at most).

    ``schema`` is the command that prints the JSON Schema of what was being read.
    """
    problems = []
    for item in error.errors(include_url=False)[:_SHOWN]:
        where = ".".join(str(part) for part in item["loc"]) or "(document)"
        message = item["msg"].removeprefix("Value error, ")
        hint = _HINTS.get(item["type"])
        problems.append(f"{where}: {message}" + (f"; {hint.format(schema=schema)}" if hint else ""))
    count = error.error_count()
    more = f" | … and {count - _SHOWN} more" if count > _SHOWN else ""
    noun = "problem" if count == 1 else "problems"
    return one_line(f"{source}: {count} {noun}: " + " | ".join(problems) + more)
