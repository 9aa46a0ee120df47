"""Issue 17, §1 and §4: what the command writes, proven with real processes.

A full disk is a real one as the process sees it: a file-size limit (``RLIMIT_FSIZE``) makes
every write past it fail with ``EFBIG``, half-way through, as a full disk would (Python ignores
the ``SIGXFSZ`` that comes with it); ``/dev/full`` fails every write with ``ENOSPC``; a closed
standard output is ``>&-``. In each case the command prints one line and exits 1, and a file it
was asked to replace is left exactly as it was, with no temporary file beside it (D73).
"""

from __future__ import annotations

import os
import resource
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).parent.parent
EXAMPLES = ROOT / "docs" / "examples"
INVOICE = ["invoice", str(EXAMPLES / "invoice-client.toml"),
           "--seller", str(EXAMPLES / "seller.example.toml"), "--number", "F-2025-0001",
           "--issued", "2025-03-17"]  # fmt: skip
pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX processes and limits")


def command(
    args: list[str | bytes],
    *,
    file_limit: int | None = None,
    stdout: int | None = subprocess.PIPE,
    cwd: Path | None = None,
) -> subprocess.CompletedProcess[bytes]:
    """``ouitec-terms ARGS`` in a process of its own, under a file-size limit if given."""

    def limit() -> None:
        if file_limit is not None:
            resource.setrlimit(resource.RLIMIT_FSIZE, (file_limit, file_limit))

    return subprocess.run(
        [sys.executable, "-m", "ouitec_terms", *args],
        stdout=stdout,
        stderr=subprocess.PIPE,
        preexec_fn=limit,
        cwd=cwd,
        env={**os.environ, "LC_ALL": "C.UTF-8"},
        check=False,
        timeout=120,
    )


def one_line(result: subprocess.CompletedProcess[bytes]) -> str:
    """The process's standard error: one line, no traceback."""
    err = result.stderr.decode("utf-8", "replace")
    assert err.count("\n") == 1, err
    assert "Traceback" not in err
    return err


def test_a_full_standard_output_exits_1_with_one_line() -> None:
    """`demo > /dev/full` was an OSError traceback: it is one line and exit 1."""
    with open("/dev/full", "wb") as full:
        result = command(["demo"], stdout=full.fileno())
    assert result.returncode == 1
    assert "No space left on device" in one_line(result)


def test_a_closed_standard_output_is_not_a_silent_success() -> None:
    """`demo >&-` exited 0 having written nothing: it is one line and exit 1."""
    result = subprocess.run(
        [sys.executable, "-m", "ouitec_terms", "demo"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        check=False,
        close_fds=True,
        pass_fds=(),
        preexec_fn=lambda: os.close(1),
    )
    assert result.returncode == 1
    assert "standard output is closed" in one_line(result)


def test_a_write_that_fails_half_way_leaves_the_file_as_it_was(tmp_path: Path) -> None:
    """A write cut at 1 024 bytes truncated a 45 001-byte file in place; now the old file is
    untouched, no temporary file is left, and the command says so in one line (exit 1)."""
    target = tmp_path / "quote.txt"
    original = b"x" * 45_001
    target.write_bytes(original)
    statement = ["statement", str(EXAMPLES / "statement-2025-06.toml"), "--month", "2025-06"]
    result = command([*statement, "--format", "json", "-o", str(target)], file_limit=1024)
    assert result.returncode == 1
    assert "nothing was written" in one_line(result)
    assert target.read_bytes() == original
    assert [p.name for p in tmp_path.iterdir()] == ["quote.txt"]
    # negative control: without the limit the same command replaces it whole
    assert command([*statement, "--format", "json", "-o", str(target)]).returncode == 0
    assert target.read_bytes().startswith(b"{")


def test_a_pdf_whose_temporary_file_cannot_be_written_exits_1(tmp_path: Path) -> None:
    """factur-x writes the PDF to a temporary file: a full temporary folder was an OSError
    traceback; it is one line and exit 1, and no PDF is left."""
    pytest.importorskip("facturx")
    target = tmp_path / "invoice.pdf"
    result = command([*INVOICE, "--format", "pdf", "-o", str(target)], file_limit=4096)
    assert result.returncode == 1
    assert "nothing was written" in one_line(result)
    assert not target.exists()
    assert list(tmp_path.iterdir()) == []


def test_output_to_a_device_is_written_through() -> None:
    """`-o /dev/full` is a device: written as it is (not renamed over), it fails in one line."""
    result = command(["demo", "-o", "/dev/full"])
    assert result.returncode == 1
    assert "No space left on device" in one_line(result)
    assert command(["demo", "-o", "/dev/null"]).returncode == 0  # negative control


def test_the_command_never_writes_over_its_own_input(tmp_path: Path) -> None:
    """`quote x.toml -o x.toml` destroyed the document; it is refused before any work."""
    document = tmp_path / "x.toml"
    text = (EXAMPLES / "spec-01-business-hours.toml").read_bytes()
    document.write_bytes(text)
    for name in ("x.toml", "./x.toml", str(document)):
        result = command(["quote", "x.toml", "-o", name], cwd=tmp_path)
        assert result.returncode == 2
        assert "is one of the command's inputs" in one_line(result)
    assert document.read_bytes() == text


def test_dash_is_standard_output() -> None:
    """`-o -` writes to standard output, like no -o at all."""
    result = command(["demo", "--format", "json", "-o", "-"])
    assert result.returncode == 0
    assert result.stdout == command(["demo", "--format", "json"]).stdout


@pytest.mark.parametrize("kind", ["xml", "pdf"])
def test_an_existing_invoice_is_replaced_only_with_force(kind: str, tmp_path: Path) -> None:
    """An invoice PDF or XML is never replaced silently: refused unless --force."""
    pytest.importorskip("facturx")
    target = tmp_path / f"F-2025-0001.{kind}"
    target.write_bytes(b"the invoice as sent")
    result = command([*INVOICE, "--format", kind, "-o", str(target)])
    assert result.returncode == 2
    assert "--force" in one_line(result)
    assert target.read_bytes() == b"the invoice as sent"
    assert command([*INVOICE, "--format", kind, "-o", str(target), "--force"]).returncode == 0
    assert target.read_bytes() != b"the invoice as sent"


def test_non_utf8_bytes_in_an_argument_exit_2(tmp_path: Path) -> None:
    """`--reason $'\\xff'` was a UnicodeEncodeError; the argument is refused by its position."""
    result = command([*INVOICE, "--reason", b"\xff"])
    assert result.returncode == 2
    assert "argument 10 is not UTF-8" in one_line(result)
    path = os.fsencode(tmp_path) + b"/\xff.toml"
    assert command(["quote", path]).returncode == 2
