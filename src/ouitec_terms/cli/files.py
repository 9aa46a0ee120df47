"""What the command writes, and how: never half a file, never over one of its own inputs.

``-o FILE`` writes to a temporary file in the same folder, flushes it to the disk (``fsync``) and
renames it over ``FILE`` in one step (``os.replace``): a write that fails half-way (a full disk, a
file-size limit, a crash) leaves ``FILE`` as it was and no temporary file behind (D73). ``-o -``
is standard output. A device or a pipe (``/dev/null``, a FIFO) is written as it is, since it
cannot be renamed over. Every failure is an [`OutputError`][ouitec_terms.errors.OutputError]
(exit 1); a refusal of the arguments (an output that is an input, an invoice that exists) is an
[`ArgumentError`][ouitec_terms.errors.ArgumentError] (exit 2).
"""

from __future__ import annotations

import os
import stat
import sys
from collections.abc import Iterable

from ouitec_terms.boundary.echo import shown
from ouitec_terms.errors import ArgumentError, OutputError

__all__ = ["STDIO", "check_output", "is_terminal", "screen_width", "write_output", "write_stdout"]

STDIO = "-"
"""The path that means standard input (for an input) or standard output (for ``-o``)."""


def _same_file(output: str, given: str) -> bool:
    if given in ("", STDIO):
        return False
    try:
        return os.path.samefile(output, given)
    except OSError:  # an input that does not exist (it was refused already) or cannot be seen
        return False


def check_output(path: str, *, inputs: Iterable[str | None], force: bool, keep: bool) -> None:
    """Refuse, before any work, an output that would destroy data: an empty path, one of the
    command's own ``inputs``, or (when ``keep``, for invoices) a file that exists unless
    ``force``."""
    if path == "":
        raise ArgumentError("-o: an empty path; give a file name, or - for standard output")
    if path == STDIO:
        return
    for given in inputs:
        if given is not None and _same_file(path, given):
            raise ArgumentError(
                f"-o {shown(path)!r} is one of the command's inputs; write the result elsewhere"
            )
    if keep and not force and os.path.exists(path) and _regular(path):
        raise ArgumentError(
            f"-o {shown(path)!r} exists; an invoice is never replaced silently: give --force to "
            "replace it, or another name"
        )


def _regular(path: str) -> bool:
    try:
        return stat.S_ISREG(os.stat(path).st_mode)
    except OSError:
        return False


def write_output(path: str, data: bytes) -> None:
    """Write ``data`` to ``path`` whole or not at all (``-`` is standard output)."""
    if path == STDIO:
        write_stdout(data)
        return
    import tempfile  # noqa: PLC0415 - only when a file is written (a quicker start)

    if os.path.exists(path) and not _regular(path):  # a device or a pipe: it cannot be replaced
        _write_through(path, data)
        return
    folder = os.path.dirname(os.path.abspath(path))
    name = os.path.basename(path)
    try:
        handle, temporary = tempfile.mkstemp(dir=folder, prefix=f".{name[:40]}.", suffix=".tmp")
    except OSError as error:
        raise _failed(path, error) from None
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temporary, 0o666 & ~_umask())
        os.replace(temporary, path)
    except OSError as error:
        import contextlib  # noqa: PLC0415 - only on a failed write

        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise _failed(path, error) from None
    _sync_folder(folder)


def _write_through(target: str, data: bytes) -> None:
    try:
        with open(target, "wb") as stream:
            stream.write(data)
    except OSError as error:
        raise _failed(target, error) from None


def _sync_folder(folder: str) -> None:
    """Make the rename durable (a crash after it keeps the new file); not every system can."""
    import contextlib  # noqa: PLC0415 - only once a file is written

    with contextlib.suppress(OSError):
        descriptor = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(descriptor)
        finally:
            os.close(descriptor)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _failed(path: str, error: OSError) -> OutputError:
    reason = error.strerror or type(error).__name__
    return OutputError(f"cannot write {shown(path)!r}: {reason}; nothing was written")


def write_stdout(data: bytes) -> None:
    """Write ``data`` to standard output; a closed or full output is an
    [`OutputError`][ouitec_terms.errors.OutputError]."""
    stream = sys.stdout
    if stream is None:
        raise OutputError("standard output is closed; give -o FILE to write the result")
    binary = getattr(stream, "buffer", None)  # a replaced stream (a test's) may be text only
    try:
        stream.flush()
        if binary is None:
            stream.write(data.decode("utf-8"))
        else:
            binary.write(data)  # UTF-8 whatever the locale: never an encoding error (D73)
            binary.flush()
    except BrokenPipeError:
        raise
    except (OSError, UnicodeError) as error:
        reason = getattr(error, "strerror", None) or type(error).__name__
        raise OutputError(f"cannot write to standard output: {reason}") from None


def is_terminal(stream: object) -> bool:
    """Whether ``stream`` is a terminal: false for a pipe, a file, a closed stream, or an
    embedding's stream that has no ``isatty`` (or is ``None``)."""
    isatty = getattr(stream, "isatty", None)
    try:
        return callable(isatty) and bool(isatty())
    except (OSError, ValueError):  # closed
        return False


def screen_width(args: object) -> int | None:
    """The width a table wraps within: the terminal's when standard output is one (``COLUMNS``
    first, as ``shutil`` reads it), ``COLUMNS`` when the user sets it for piped output, and
    otherwise none: a file (``-o``) or a pipe gets full lines, for tools that read them."""
    if getattr(args, "output", None) not in (None, STDIO):
        return None
    columns = os.environ.get("COLUMNS", "")
    if columns.isdigit() and int(columns) > 0:
        return int(columns)
    if is_terminal(sys.stdout):
        import shutil  # noqa: PLC0415 - only for a terminal

        return shutil.get_terminal_size().columns
    return None
