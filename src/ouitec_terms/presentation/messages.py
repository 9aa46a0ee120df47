"""The message catalogues: every word a client or a billing clerk reads, in French and English.

Renderings never write a word themselves: they ask a
[`Messages`][ouitec_terms.presentation.messages.Messages] for a message by id
(``messages.text("total.ht")``) and for the typography of the language (amounts, percentages, dates,
durations). French is the default; ``lang="en"`` gives English. Both catalogues hold exactly the
same ids (a test checks it), and the language is a rendering choice only: prices, JSON and the data
model never change with it.

```pycon
>>> fr, en = messages_for("fr"), messages_for("en")
>>> fr.amount(Decimal("1234.5")), en.amount(Decimal("1234.5"))
('1\\u202f234,50\\xa0€', '€1,234.50')
>>> fr.percent(Decimal("0.1315")), en.percent(Decimal("0.1315"))
('13,15\\xa0%', '13.15%')
>>> fr.day(date(2025, 3, 14)), en.day(date(2025, 3, 14))
('ven.\\xa014/03/2025', 'Fri\\xa014/03/2025')
>>> fr.text("status.under_contract"), en.text("status.under_contract")
('sous contrat', 'under contract')

```
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from types import MappingProxyType

from ouitec_terms.errors import ArgumentError
from ouitec_terms.money import in_library_context

from .catalogue_en import EN
from .catalogue_fr import FR
from .languages import LANGUAGES
from .numbers import NBSP, NNBSP, format_eur, format_percent, format_price

__all__ = ["CATALOGUES", "LANGUAGES", "Messages", "messages_for"]

CATALOGUES: Mapping[str, Mapping[str, str]] = MappingProxyType({"fr": FR, "en": EN})
"""The catalogues, by language code."""


@dataclass(frozen=True, slots=True, kw_only=True)
class Messages:
    """The words and the typography of one language.

    ``texts`` maps each message id to its text, a ``str.format`` pattern with named fields.
    """

    lang: str
    """The catalogue's language, fr or en."""
    texts: Mapping[str, str]
    """Every message by id."""

    def text(self, key: str, /, **values: object) -> str:
        """The message ``key`` with its fields filled in."""
        return self.texts[key].format(**values)

    # --- typography -----------------------------------------------------------------------

    @property
    def french(self) -> bool:
        """Whether the French typography applies (else the English one)."""
        return self.lang == "fr"

    def amount(self, value: Decimal) -> str:
        """Euros to the cent: ``1 234,56 €`` in French, ``€1,234.56`` in English."""
        return format_eur(value, lang=self.lang)

    def price(self, value: Decimal) -> str:
        """A unit price with at least two decimals and all it has: ``0,636 €``."""
        return format_price(value, lang=self.lang)

    def percent(self, rate: Decimal) -> str:
        """A rate (a fraction) as a percentage: ``13,15 %`` or ``13.15%``."""
        return format_percent(rate, lang=self.lang)

    @in_library_context
    def number(self, value: Decimal, places: int) -> str:
        """A number with ``places`` decimals and grouped thousands, in the language's style."""
        text = f"{value:,.{places}f}"
        if self.french:
            return text.replace(",", NNBSP).replace(".", ",")
        return text

    @in_library_context
    def quantity(self, value: Decimal, unit: str) -> str:
        """A quantity with its unit (``unit.*`` message): ``0,75 h``, ``64 km``, ``1 jour``."""
        places = max(0, -int(value.normalize().as_tuple().exponent))
        if unit == "h":
            places = max(places, 2)
        return f"{self.number(value, places)}{NBSP}{self.text(f'unit.{unit}', n=value)}"

    def hours(self, value: Decimal) -> str:
        """Hours with two decimals: ``1,25 h``."""
        return f"{self.number(value, 2)}{NBSP}{self.text('unit.h', n=value)}"

    @in_library_context
    def length(self, hours: Decimal) -> str:
        """A length of time in hours with only the decimals it needs: ``2 h``, ``1,5 h``."""
        places = max(0, -int(hours.normalize().as_tuple().exponent))
        return f"{self.number(hours, places)}{NBSP}{self.text('unit.h', n=hours)}"

    def minutes(self, value: int) -> str:
        """Whole minutes: ``45 min`` (no break inside)."""
        return f"{value}{NBSP}{self.text('unit.min')}"

    @staticmethod
    @in_library_context
    def duration(seconds: Decimal) -> str:
        """Seconds as ``h:mm:ss`` (fractions of a second shown only when there are some)."""
        whole = int(seconds)
        fraction = seconds - whole
        text = f"{whole // 3600}:{whole % 3600 // 60:02d}:{whole % 60:02d}"
        return text + (f"{fraction:.6f}".lstrip("0") if fraction else "")

    def day(self, value: date) -> str:
        """A date with its weekday: ``ven. 14/03/2025`` or ``Fri 14/03/2025``."""
        weekday = self.text(f"weekday.{value.isoweekday()}")
        return f"{weekday}{NBSP}{value:%d/%m/%Y}"

    def moment(self, value: datetime) -> str:
        """A local date and time: ``ven. 14/03/2025 18:40``."""
        return f"{self.day(value.date())}{NBSP}{value:%H:%M}"

    def month(self, year: int, month: int) -> str:
        """A month and its year: ``juin 2025`` or ``June 2025``."""
        return f"{self.text(f'month.{month}')}{NBSP}{year}"

    def colon(self) -> str:
        """What stands before a colon: a no-break space in French, nothing in English."""
        return NBSP if self.french else ""


def messages_for(lang: str | Messages = "fr") -> Messages:
    """The [`Messages`][ouitec_terms.presentation.messages.Messages] of ``lang`` (``"fr"`` or
    ``"en"``); a [`Messages`][ouitec_terms.presentation.messages.Messages] is kept."""
    if isinstance(lang, Messages):
        return lang
    texts = CATALOGUES.get(lang)
    if texts is None:
        raise ArgumentError(
            f"lang {lang!r} has no catalogue; use one of {', '.join(LANGUAGES)} (fr by default)"
        )
    return Messages(lang=lang, texts=texts)
