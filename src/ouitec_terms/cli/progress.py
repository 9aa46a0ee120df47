"""What long work is doing, on standard error, when standard error is a terminal: one line
rewritten in place ("lecture des saisies : 42 000", "calcul de 10 000 interventions…") and wiped
when the work is done. Piped or redirected, nothing is written: a script reads only results."""

from __future__ import annotations

import sys
import time
from collections.abc import Iterable, Iterator
from decimal import Decimal
from typing import TypeVar

from ouitec_terms.presentation.messages import messages_for

from .files import is_terminal

__all__ = ["Progress"]

T = TypeVar("T")

_EVERY = 0.1
"""Seconds between two redraws of a count: fast enough to see it move, cheap for 100 000 rows."""


class Progress:
    """A line of progress for the clerk, in the command's language (``lang``)."""

    def __init__(self, lang: str) -> None:
        self._m = messages_for(lang)
        self._shown = is_terminal(sys.stderr)
        self._last = 0.0

    def _draw(self, text: str) -> None:
        if self._shown:
            try:
                print(f"\r\033[K{text}", end="", file=sys.stderr, flush=True)
            except (OSError, ValueError):
                self._shown = False

    def phase(self, key: str, **values: object) -> None:
        """Say what is being done now (message ``key`` of the catalogue)."""
        self._draw(self._m.text(key, **values))

    def of(self, key: str, count: int) -> None:
        """Say what is being done to ``count`` things (message ``key`` with ``{count}``)."""
        self.phase(key, count=self._m.number(Decimal(count), 0))

    def counting(self, key: str, items: Iterable[T]) -> Iterator[T]:
        """``items`` unchanged, counted as they pass (message ``key`` with ``{count}``); piped,
        they pass untouched (no clock read per item)."""
        if not self._shown:
            yield from items
            return
        for count, item in enumerate(items, start=1):
            now = time.monotonic()
            if self._shown and now - self._last >= _EVERY:
                self._last = now
                self.of(key, count)
            yield item

    def done(self) -> None:
        """Wipe the line: what follows (the result, an error) starts on a clean line."""
        self._draw("")
