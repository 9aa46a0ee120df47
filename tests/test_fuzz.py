"""Fuzzing the boundary: arbitrary JSON into the models and the CLI yields a quote or a
validation error, nothing else (no crash, no traceback, no float slipping through)."""

from __future__ import annotations

import json
import tempfile
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import ValidationError

from ouitec_terms import OuitecTermsError, Quote, QuoteRequest, quote
from ouitec_terms.cli import main
from strategies import clients, interventions

#: Values that are valid somewhere in a document, or nearly so: mutations often stay priceable.
PLAUSIBLE = st.sampled_from(
    (
        "2025-03-11T09:00:00+01:00",
        "2025-03-11T10:20:00+01:00",
        "2025-03-11T07:00:00Z",
        "2025-03-11T09:00:00",
        "1999-12-31T23:00:00Z",
        "2025-10-26T02:30:00+02:00",
        "2025-10-26T02:30:00+01:00",
        "2025-05-01T12:00:00+02:00",
        "9999-12-31T23:00:00-05:00",
        "0001-01-01T00:30:00+05:00",
        "0.636",
        "499.99",
        "12",
        12,
        0,
        "1e999999",
        "NaN",
        "-5",
        "soc",
        "france",
        "outside-eu",
        "hourly",
        "remote_day",
        "phone",
        "chat",
        "2024-06-02",
        "",
        [],
    )
)
json_scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(10**20), 10**20),
    st.floats(allow_nan=False, allow_infinity=False),
    st.text(max_size=30),
    PLAUSIBLE,
)
json_values = st.recursive(
    json_scalars,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4),
        st.dictionaries(st.text(max_size=12), inner, max_size=4),
    ),
    max_leaves=20,
)

VALID: dict[str, Any] = {
    "client": {
        "name": "ACME",
        "contracts": [
            {"service": "soc", "monthly_commitment": "600", "start": "2024-01-01", "months": 24}
        ],
    },
    "intervention": {
        "reference": "F-1",
        "channel": "phone",
        "work": [{"start": "2025-03-11T09:00:00+01:00", "end": "2025-03-11T10:20:00+01:00"}],
        "travel": [
            {
                "start": "2025-03-11T08:20:00+01:00",
                "end": "2025-03-11T09:00:00+01:00",
                "distance_km": "32",
            }
        ],
    },
}
PATHS: list[tuple[str | int, ...]] = [
    ("client",),
    ("client", "name"),
    ("client", "contracts"),
    ("client", "contracts", 0),
    ("client", "contracts", 0, "monthly_commitment"),
    ("client", "contracts", 0, "months"),
    ("client", "contracts", 0, "start"),
    ("client", "vat_regime"),
    ("intervention", "mode"),
    ("intervention", "channel"),
    ("intervention", "work"),
    ("intervention", "work", 0),
    ("intervention", "work", 0, "start"),
    ("intervention", "work", 0, "end"),
    ("intervention", "travel", 0, "distance_km"),
    ("intervention", "travel", 0, "start"),
    ("intervention", "extra"),
    ("extra",),
]


def _child(node: Any, key: str | int) -> Any:
    """``node[key]`` where it exists, else ``None`` (the mutation then does nothing)."""
    if isinstance(node, dict) and isinstance(key, str):
        return node.get(key)
    if isinstance(node, list) and isinstance(key, int) and key < len(node):
        return node[key]
    return None


@st.composite
def mutated_documents(draw: st.DrawFn) -> Any:
    """The valid document with one to three places replaced by arbitrary JSON."""
    document = json.loads(json.dumps(VALID))
    for path in draw(st.lists(st.sampled_from(PATHS), min_size=1, max_size=3)):
        node = document
        for key in path[:-1]:
            node = _child(node, key)
        last, value = path[-1], draw(st.one_of(PLAUSIBLE, json_values))
        if isinstance(node, list):
            if isinstance(last, int) and last < len(node):
                node[last] = value
        elif isinstance(node, dict):
            node[last] = value
    return document


#: Documents the strategies of tests/strategies.py build: valid, with DST days and holidays.
valid_documents = st.builds(
    lambda intervention, client: {
        "client": client.model_dump(mode="json"),
        "intervention": intervention.model_dump(mode="json"),
    },
    interventions(channel=None),
    clients,
)
documents = st.one_of(json_values, mutated_documents(), valid_documents)


def price(document: Any) -> Quote | None:
    """Price a document, returning ``None`` when it is refused with a validation error."""
    try:
        request = QuoteRequest.model_validate(document)
        return quote(request.intervention, request.client)
    except (ValidationError, OuitecTermsError):
        return None


@given(documents)
def test_arbitrary_json_gives_a_quote_or_a_validation_error(document: Any) -> None:
    """Any JSON value is either priced or refused with ValidationError / OuitecTermsError."""
    result = price(document)
    if result is not None:
        assert result.total_ttc == result.total_ht + result.total_vat


@given(documents)
def test_arbitrary_json_into_the_cli_exits_0_or_2(document: Any) -> None:
    """The CLI on any JSON document prints a quote (exit 0) or a message (exit 2), and agrees
    with the library on which."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "doc.json"
        path.write_text(json.dumps(document), encoding="utf-8")
        with pytest.MonkeyPatch.context() as patch:
            patch.setattr("sys.stdout", _Sink())
            patch.setattr("sys.stderr", _Sink())
            status = main(["quote", str(path), "--format", "json"])
    has_float = "." in json.dumps(document) and _contains_float(document)
    expected = 2 if has_float else (0 if price(document) is not None else 2)
    assert status == expected


def _contains_float(value: Any) -> bool:
    if isinstance(value, float):
        return True
    if isinstance(value, dict):
        return any(_contains_float(v) for v in value.values())
    if isinstance(value, list):
        return any(_contains_float(v) for v in value)
    return False


class _Sink:
    def __init__(self) -> None:
        self.text = ""

    def write(self, text: str) -> int:
        self.text += text
        return len(text)

    def flush(self) -> None:
        pass


def test_valid_document_prices() -> None:
    """The fuzzer's seed document is valid, so mutations start from something priced."""
    result = price(VALID)
    assert result is not None
    assert not result.due


numbers_as_text = st.one_of(
    st.decimals(allow_nan=True, allow_infinity=True).map(str),
    st.integers(-(10**30), 10**30).map(str),
    st.sampled_from(("1e999999", "-0", "0.001", "1E+99", "nan", "", " 12 ", "1_000")),
    st.text(max_size=12),
)
dates_as_text = st.one_of(
    st.dates().map(date.isoformat), st.text(max_size=12), st.sampled_from(("9999-12-31",))
)


@given(numbers_as_text, dates_as_text, dates_as_text, st.one_of(st.none(), numbers_as_text))
def test_late_command_never_crashes(amount: str, due: str, paid: str, rate: str | None) -> None:
    """`ouitec-terms late` on arbitrary arguments exits 0 or 2, never with a traceback."""
    args = ["late", amount, "--due", due, "--paid", paid]
    if rate is not None:
        args += ["--ecb-rate", rate]
    assert _exit_status(args) in (0, 2)


@given(numbers_as_text)
def test_included_hours_option_never_crashes(hours: str) -> None:
    """`--included-hours` with any text exits 0 or 2, never with a traceback."""
    assert _exit_status(["demo", "--format", "json", "--included-hours", hours]) in (0, 2)


def _exit_status(args: list[str]) -> int:
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr("sys.stdout", _Sink())
        patch.setattr("sys.stderr", _Sink())
        try:
            return main(args)
        except SystemExit as stop:  # argparse refuses malformed arguments with status 2
            return stop.code if isinstance(stop.code, int) else 2


def _deep_json(depth: int) -> str:
    return '{"client": ' * depth + "1" + "}" * depth


def _deep_toml(depth: int) -> str:
    return "a = " + "[" * depth + "]" * depth + "\n"


#: Hostile texts: nesting thousands of levels deep, integers of thousands of digits, numbers
#: with huge exponents, dotted keys as deep as the text allows, and arbitrary bytes.
hostile_files = st.one_of(
    st.integers(1, 50_000).map(lambda d: ("doc.json", ("[" * d + "]" * d).encode())),
    st.integers(1, 50_000).map(lambda d: ("doc.json", _deep_json(d).encode())),
    st.integers(31, 6_000).map(
        lambda n: ("doc.json", ('{"client": {"name": "A"}, "x": ' + "9" * n + "}").encode())
    ),
    st.sampled_from(("1e999999999", "-1E-999999999", "NaN", "Infinity")).map(
        lambda n: (
            "doc.json",
            ('{"client": {"name": "A", "contracts": [{"months": ' + n + "}]}}").encode(),
        )
    ),
    st.integers(1, 20_000).map(lambda d: ("doc.toml", _deep_toml(d).encode())),
    st.integers(1, 5_000).map(lambda d: ("doc.toml", (".".join(["a"] * d) + " = 1\n").encode())),
    st.integers(1, 5_000).map(
        lambda d: ("doc.toml", ("a = " + "{b = " * d + "1" + "}" * d + "\n").encode())
    ),
    st.integers(31, 6_000).map(lambda n: ("doc.toml", ("months = " + "9" * n + "\n").encode())),
    st.tuples(st.sampled_from(("doc.json", "doc.toml")), st.binary(max_size=300)),
)


def _commands(path: str) -> list[list[str]]:
    """Every command that reads a file, with ``path`` as that file."""
    return [
        ["quote", path],
        ["compare", path],
        ["statement", path, "--month", "2025-06"],
        ["demo", "--tariff", path],
        ["calendar", "2025", "--tariff", path],
        ["late", "100.00", "--due", "2026-06-30", "--paid", "2026-07-02", "--ecb-rates", path],
    ]


@given(hostile_files)
def test_any_bytes_in_any_file_exit_2_with_one_line(file: tuple[str, bytes]) -> None:
    """Whatever the bytes of a document, a statement, a tariff or an ECB rate file — nested
    thousands of levels deep, integers of thousands of digits — the CLI ends with exit 2 and
    one line, never a traceback (RecursionError and the int conversion limit included); the
    few byte strings that are a valid file for a command (an empty tariff) exit 0 silently."""
    name, content = file
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / name
        path.write_bytes(content)
        for command in _commands(str(path)):
            with pytest.MonkeyPatch.context() as patch:
                errors = _Sink()
                patch.setattr("sys.stdout", _Sink())
                patch.setattr("sys.stderr", errors)
                status = main(command)
            assert status in (0, 2), command
            assert errors.text.count("\n") == (status == 2), (command, errors.text)
            assert "Traceback" not in errors.text
