"""The years the library prices, in plain Python (the command checks its date options with them
before it imports anything heavy).

```pycon
>>> from datetime import date
>>> check_day(date(2025, 6, 30), "--issued")
datetime.date(2025, 6, 30)

```
"""

from __future__ import annotations

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (a quicker start)
if TYPE_CHECKING:
    from datetime import date

__all__ = ["FIRST_YEAR", "LAST_YEAR", "check_day"]

#: The years the library prices (D5, D41): from 1970 to the last year the ``holidays`` package
#: states French public holidays for (2100 in every release since 0.62).
FIRST_YEAR, LAST_YEAR = 1970, 2100


def check_day(day: date, name: str) -> date:
    """``day`` if it falls in the years the library prices (1970–2100); else a ``ValueError``
    naming ``name``, so that no date computed from it (a due date, a month's end) overflows.

    ```pycon
    >>> from datetime import date
    >>> check_day(date(9999, 12, 31), "--issued")
    Traceback (most recent call last):
    ...
    ValueError: --issued 9999-12-31 is outside the years the library prices (1970–2100); ...

    ```
    """
    if not FIRST_YEAR <= day.year <= LAST_YEAR:
        raise ValueError(
            f"{name} {day.isoformat()} is outside the years the library prices "
            f"({FIRST_YEAR}–{LAST_YEAR}); check the date"
        )
    return day
