"""The ``ouitec-terms`` command: price a document, show the demo, the calendar, the schema.

Whatever the bytes it is given, the command prints its result, or one line of error and exits 2
for bad input (a missing file, invalid TOML or JSON, an unknown field, a naive datetime, float
money, an argument that is not UTF-8…) or 1 when the result cannot be written (a full or
read-only disk, a closed output), never a traceback. Each input is read once (``-`` is standard
input, for one input at most); ``-o FILE`` is written whole or not at all
([`ouitec_terms.cli.files`][ouitec_terms.cli.files]).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence

from ouitec_terms.boundary.echo import shown
from ouitec_terms.errors import OutputError

from .arguments import EXIT_BAD_INPUT, EXIT_OUTPUT_FAILED, check_utf8
from .files import write_stdout
from .parser import parser

__all__ = ["EXIT_BAD_INPUT", "EXIT_OUTPUT_FAILED", "demo_request", "main", "run"]

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (a quicker start)
if TYPE_CHECKING:
    from typing import Any

    from .demo import demo_request


def __getattr__(name: str) -> Any:
    """``demo_request`` (the built-in scenario) on first use: it loads the models."""
    if name == "demo_request":
        from .demo import demo_request  # noqa: PLC0415 - lazy, issue 18

        return demo_request
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def run(argv: Sequence[str] | None = None) -> str:
    """Run the command line ``argv`` and return what it prints (errors raise)."""
    words = list(sys.argv[1:] if argv is None else argv)
    args = parser(words).parse_args(words)
    from .commands import COMMANDS, check_inputs  # noqa: PLC0415 - once the arguments hold

    check_inputs(args)
    return COMMANDS[args.command](args)


def _say(message: str) -> None:
    """One line on standard error, if there is one to write to."""
    if sys.stderr is None:
        return
    import contextlib  # noqa: PLC0415 - only on an error (a quicker start)

    with contextlib.suppress(OSError, ValueError):
        print(f"ouitec-terms: {shown(message, 400)}", file=sys.stderr, flush=True)


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of ``ouitec-terms``: print the result, or one line of error and exit 2 (bad
    input) or 1 (the result could not be written).

    Output piped into a command that stops reading early (``| head``) ends quietly.
    """
    arguments = list(sys.argv[1:] if argv is None else argv)
    try:
        check_utf8(arguments)
        if sys.stdout is None:
            raise OutputError("standard output is closed; give -o FILE, or leave it open")
        output = run(arguments)
        if output:
            write_stdout((output + "\n").encode("utf-8"))
    except BrokenPipeError:
        # the reader has gone: send what is left to /dev/null so the exit does not complain
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except KeyboardInterrupt:
        return 130
    except Exception as error:  # every failure is one line, never a traceback
        from .commands import failure  # noqa: PLC0415 - only on failure

        status, message = failure(error)
        _say(message)
        return status
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
