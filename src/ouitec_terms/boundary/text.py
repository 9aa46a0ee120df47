"""Text a person reads on one line: names, labels, references, addresses.

Every one-line field of the inputs (a client's or seller's name, a label, a reference, a tariff's
version or head office) refuses line breaks and control characters, which could forge a line of a
quote (a ``Total TTC : 0,00 €`` inside a label), and the characters XML 1.0 cannot carry, which
would make an e-invoice impossible to write. A name must also have a visible character.
"""

from __future__ import annotations

import re
from typing import Annotated

from pydantic import AfterValidator

from .echo import CONTROL

__all__ = ["MAX_REFERENCE", "Name", "OneLine", "check_one_line", "check_reference"]

_NOT_XML = re.compile(r"[\ud800-\udfff\ufffe\uffff]")
"""What XML 1.0 cannot carry beyond the control characters (its ``Char`` production): lone
surrogates and the non-characters U+FFFE and U+FFFF."""


def check_one_line(text: str) -> str:
    """``text`` if it prints on one line and fits in XML 1.0; else a ``ValueError`` saying why.

    ```pycon
    >>> check_one_line("Garage Petit")
    'Garage Petit'
    >>> check_one_line("Total TTC" + chr(10) + "0,00 €")
    Traceback (most recent call last):
    ...
    ValueError: 'Total TTC\\n0,00 €' holds a line break or a control character; write it on one line

    ```
    """
    found = CONTROL.search(text) or _NOT_XML.search(text)
    if found is None:
        return text
    if _NOT_XML.match(found.group()):
        raise ValueError(
            f"{text[:40]!r} holds the character U+{ord(found.group()):04X}, which no invoice (XML "
            "1.0) can carry; remove it"
        )
    raise ValueError(
        f"{text[:40]!r} holds a line break or a control character; write it on one line"
    )


MAX_REFERENCE = 100
"""The longest reference of the client's accepted (a purchase order, a service code)."""


def check_reference(text: str) -> str:
    """``text`` if it is a reference of the client's (a purchase order, BT-13; a public buyer's
    service code, BT-10): one line, a visible character, 100 characters at most."""
    check_one_line(text)
    if not text.strip() or len(text) > MAX_REFERENCE:
        raise ValueError(
            f"{text[:40]!r} is not a reference: 1 to {MAX_REFERENCE} characters, not only spaces"
        )
    return text


def _not_blank(text: str) -> str:
    if not text.strip():
        raise ValueError(f"{text[:20]!r} is blank; write the name itself")
    return text


OneLine = Annotated[str, AfterValidator(check_one_line)]
"""Text a person reads on one line of a quote (labels, references): no line break, no control
character, nothing XML 1.0 cannot carry."""
Name = Annotated[str, AfterValidator(check_one_line), AfterValidator(_not_blank)]
"""A name on one line with at least one visible character (a party's, a town's)."""
