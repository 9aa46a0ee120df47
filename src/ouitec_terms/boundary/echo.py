"""How a message echoes an input: on one line, and at most 100 characters of it, whatever the
bytes (plain Python: the command uses it before it imports anything heavy)."""

from __future__ import annotations

import re

__all__ = ["CONTROL", "SHOWN_CHARACTERS", "one_line", "shown"]

CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")
"""Line breaks and control characters: what one line of text may not hold."""


def one_line(text: str) -> str:
    """``text`` with its line breaks and control characters escaped, so it prints on one line."""
    return CONTROL.sub(lambda m: repr(m.group())[1:-1], text)


SHOWN_CHARACTERS = 100
"""The most characters of an input a message echoes."""


def shown(text: str, most: int = SHOWN_CHARACTERS) -> str:
    """``text`` as a message echoes it: on one line, cut to ``most`` characters with "…".

    ```pycon
    >>> shown("x" * 150)[-3:], len(shown("x" * 150))
    ('xx…', 101)

    ```
    """
    text = one_line(text)
    return text if len(text) <= most else text[:most] + "…"
