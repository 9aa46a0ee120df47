"""Issue 17, "Done means": mutated documents into every subcommand, by file and by stdin.

The worked examples and the seller and tariff files are mutated (a value replaced by a hostile
or plausible one, a key dropped, a byte flipped, a text cut short) and given to every command
that reads them, once as a file and once on standard input. Whatever the mutation, the command
exits 0 with nothing on standard error, or 2 with exactly one line that echoes at most about 100
characters of the input, never a traceback.
"""

from __future__ import annotations

import io
import json
import tempfile
import tomllib
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ouitec_terms.cli import main

ROOT = Path(__file__).parent.parent
EXAMPLES = ROOT / "docs" / "examples"
SELLER = EXAMPLES / "seller.example.toml"
LONG = "x" * 300 + "\u2028" + "y" * 300
HOSTILE: st.SearchStrategy[Any] = st.sampled_from(
    (
        "1e99999999999999999999", "-1", "", " ", "\ufffe", "\uffff", "\x00", "\x85", LONG,
        "0001-01-01T00:00:00", "9999-12-31T23:59:59-12:00", "2025-03-30T02:30:00",
        "2025-10-26T02:30:00", "UK", "EL", "XX", "outside-eu", "eu-reverse-charge",
        "guadeloupe-martinique-reunion", "=HYPERLINK(\"x\")", "DE136695976", "IT00743110157",
        "97400", "98800", "Гарант", "東京", "2025-06-31", "9" * 40, 10**40, -(10**40), 0, 1,
        True, None, [], {}, 1.5, "0.636", "600",
    )
)  # fmt: skip


def _leaves(data: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every path to a value of ``data`` (tables and arrays included)."""
    found = [path] if path else []
    if isinstance(data, dict):
        for key, value in data.items():
            found += _leaves(value, (*path, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            found += _leaves(value, (*path, index))
    return found


def _mutated(data: Any, path: tuple[Any, ...], value: Any, drop: bool) -> Any:
    copy = json.loads(json.dumps(data, default=str))
    node = copy
    for part in path[:-1]:
        node = node[part]
    if drop and isinstance(node, dict):
        del node[path[-1]]
    else:
        node[path[-1]] = value
    return copy


def _load(path: Path) -> Any:
    return json.loads(json.dumps(tomllib.loads(path.read_text("utf-8")), default=str))


SOURCES = {
    "quote": _load(EXAMPLES / "invoice-client.toml"),
    "statement": _load(EXAMPLES / "statement-2025-06.toml"),
    "tariff": _load(ROOT / "docs" / "tariff-2024-06-02.toml"),
    "seller": _load(SELLER),
}


@st.composite
def mutations(draw: st.DrawFn, kind: str) -> bytes:
    """A document of ``kind`` with one value replaced or dropped, as JSON, or its TOML text with
    a byte changed or cut short."""
    data = SOURCES[kind]
    if draw(st.booleans()):
        path = draw(st.sampled_from(_leaves(data)))
        changed = _mutated(data, path, draw(HOSTILE), draw(st.booleans()))
        return json.dumps(changed, ensure_ascii=draw(st.booleans())).encode()
    text = {
        "quote": EXAMPLES / "invoice-client.toml",
        "statement": EXAMPLES / "statement-2025-06.toml",
        "tariff": ROOT / "docs" / "tariff-2024-06-02.toml",
        "seller": SELLER,
    }[kind].read_bytes()
    at = draw(st.integers(0, len(text) - 1))
    if draw(st.booleans()):
        return text[:at]
    return text[:at] + bytes([draw(st.integers(0, 255))]) + text[at + 1 :]


class _Sink(io.TextIOWrapper):
    def __init__(self, data: bytes = b"") -> None:
        super().__init__(io.BytesIO(data), encoding="utf-8")

    def text(self) -> str:
        self.flush()
        raw: bytes = self.buffer.getvalue()  # type: ignore[attr-defined]
        return raw.decode("utf-8", "replace")


def _run(args: list[str], stdin: bytes = b"") -> tuple[int, str]:
    errors = _Sink()
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr("sys.stdin", _Sink(stdin))
        patch.setattr("sys.stdout", _Sink())
        patch.setattr("sys.stderr", errors)
        try:
            status = main(args)
        except SystemExit as stop:  # argparse's own refusals, exit 2 with one line
            status = int(stop.code or 0)
    return status, errors.text()


def _check(args: list[str], status: int, err: str) -> None:
    assert status in (0, 2), (args, status, err)
    assert err.count("\n") == (1 if status else 0), (args, err)
    assert "Traceback" not in err
    assert len(err) < 700, err
    for code in ("Decimal(", "date(", "datetime", "HalfYear", "late_payment("):
        assert code not in err, "a message showed Python code to a command-line user"
    for run in (LONG[:101], "x" * 101, "y" * 101):
        assert run not in err, "a message echoed more than 100 characters of the input"


def _commands(kind: str, path: str) -> list[list[str]]:
    """Every subcommand that reads a file of ``kind``, given as ``path``."""
    invoice = ["--seller", str(SELLER), "--number", "F-1", "--issued", "2025-07-01"]
    return {
        "quote": [
            ["quote", path, "--format", "csv"],
            ["compare", path, "--format", "json"],
            ["invoice", path, *invoice, "--format", "xml"],
            ["invoice", path, *invoice, "--format", "text", "--credit-note-of", "F-0",
             "--corrected-issued", "2025-07-01", "--corrected-total", "1000", "--reason", "x"],
        ],
        "statement": [
            ["statement", path, "--month", "2025-06", "--format", "table"],
            ["invoice", path, *invoice, "--month", "2025-06", "--format", "xml"],
        ],
        "tariff": [
            ["demo", "--tariff", path, "--format", "text"],
            ["calendar", "2025", "--tariff", path],
            ["statement", str(EXAMPLES / "statement-2025-06.toml"), "--month", "2025-06",
             "--tariff", path],
        ],
        "seller": [
            ["invoice", str(EXAMPLES / "invoice-client.toml"), "--seller", path,
             "--number", "F-1", "--issued", "2025-03-17", "--format", "xml"],
        ],
    }[kind]  # fmt: skip


@pytest.mark.parametrize("kind", list(SOURCES))
@settings(max_examples=25, suppress_health_check=(HealthCheck.too_slow,))
@given(data=st.data())
def test_every_subcommand_exits_0_or_2_with_one_line(kind: str, data: st.DataObject) -> None:
    """A mutated document, statement, tariff or seller file, given by file and by stdin to every
    subcommand that reads it: exit 0 silently, or exit 2 with one short line."""
    pytest.importorskip("facturx")
    content = data.draw(mutations(kind))
    with tempfile.TemporaryDirectory() as folder:
        for suffix in (".json", ".toml"):
            path = Path(folder) / f"doc{suffix}"
            path.write_bytes(content)
            for args in _commands(kind, str(path)):
                _check(args, *_run(args))
        for args in _commands(kind, "-"):
            _check(args, *_run(args, stdin=content))


@settings(max_examples=40)
@given(
    args=st.lists(
        HOSTILE.map(str) | st.sampled_from(("--month", "--issued", "--lang", "--included-hours")),
        max_size=4,
    ),
    command=st.sampled_from(("late", "calendar", "schema", "demo", "quote", "invoice")),
)
def test_hostile_arguments_exit_0_or_2_with_one_line(args: list[str], command: str) -> None:
    """Hostile words as arguments of any subcommand: exit 0 or 2 with one short line, and
    whatever is written goes to a temporary folder."""
    with tempfile.TemporaryDirectory() as folder:
        _check([command, *args], *_run([command, *args, "-o", str(Path(folder) / "out")]))


@pytest.mark.parametrize(
    "args",
    [
        ["late", "100.005", "--due", "2025-01-01", "--paid", "2025-03-01"],
        ["late", "1e3", "--due", "2025-01-01", "--paid", "2025-03-01"],
        ["late", "100", "--due", "2025-01-01", "--paid", "2026-08-01"],
        ["demo", "--included-hours", "1.001"],
        ["demo", "--included-hours", "-3"],
    ],
)
def test_no_message_shows_python_code(args: list[str]) -> None:
    """A command-line user never reads Python code in a message (the missing-ECB-rate one
    suggested `with_added_rates(…)`, the included hours `Decimal('1.5')`)."""
    status, err = _run(args)
    assert status == 2
    _check(args, status, err)
