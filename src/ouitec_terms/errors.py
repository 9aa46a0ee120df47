"""The library's errors: one root class, narrow subclasses, messages that say how to fix.

Every error raised on purpose by ``ouitec_terms`` is an
[`OuitecTermsError`][ouitec_terms.errors.OuitecTermsError], itself a `ValueError`, so callers can
catch the whole family at once; the library always raises one of the narrow subclasses below, never
the root itself. Pydantic's ``ValidationError`` (also a ``ValueError``) reports bad model fields,
each with its path.
"""

from __future__ import annotations

__all__ = [
    "ArgumentError",
    "BatchError",
    "BookError",
    "CalendarError",
    "DocumentError",
    "EntryError",
    "IncludedHoursError",
    "InvalidAmountError",
    "InvoiceError",
    "MissingRateError",
    "OuitecTermsError",
    "OutputError",
    "PaymentError",
    "StatementError",
    "TariffError",
    "VatError",
]


class OuitecTermsError(ValueError):
    """Root of every error this library raises on purpose (never raised itself)."""


class ArgumentError(OuitecTermsError):
    """A function was given an argument outside what it accepts (a count, a date, a list)."""


class TariffError(OuitecTermsError):
    """A tariff (rates, business window, time zone, holidays) is inconsistent or unreadable."""


class BookError(OuitecTermsError):
    """The invoice book refuses an operation (an unknown number, an overpayment, a credit note
    beyond what is left) or finds itself broken (``book verify`` names the first record)."""


class CalendarError(OuitecTermsError):
    """A holiday calendar cannot be built for the place, or a date is outside its years."""


class InvalidAmountError(OuitecTermsError):
    """An amount, a rate or a distance is not an exact finite number (floats are refused)."""


class IncludedHoursError(OuitecTermsError):
    """Included contract hours are not quarter hours (a contract's) or whole minutes (what is
    left), from 0 to the documented bound."""


class VatError(OuitecTermsError):
    """No VAT rate is known for the regime on the status date."""


class PaymentError(OuitecTermsError):
    """A late-payment computation got an amount, a date or an ECB rate it cannot use (Art. 4)."""


class MissingRateError(PaymentError):
    """No ECB rate is known for a half-year that a late payment runs through (Art. 4).

    ``half_year`` names it (``"2026-H2"``), so that a caller can say how to add it in its own
    terms (the command line says ``--ecb-rate 2026-H2=R``).
    """

    def __init__(self, message: str, *, half_year: str) -> None:
        super().__init__(message)
        self.half_year = half_year

    def __reduce__(self) -> tuple[object, ...]:
        return _missing_rate, (str(self), self.half_year)


def _missing_rate(message: str, half_year: str) -> MissingRateError:
    return MissingRateError(message, half_year=half_year)


class StatementError(OuitecTermsError):
    """A monthly statement was asked for a month or a number of interventions it cannot take."""


class BatchError(OuitecTermsError):
    """The columnar path cannot price these rows exactly (use ``quote()``) or they are malformed."""


class InvoiceError(OuitecTermsError):
    """An invoice cannot be made: a party's identity is missing or invalid, a number is not an
    invoice number, a series has a gap (C. com. L441-9; CGI annexe II art. 242 nonies A)."""


class DocumentError(OuitecTermsError):
    """An input document (TOML or JSON) cannot be read or does not describe a quote."""


class EntryError(OuitecTermsError):
    """A time-entry export, its mapping or a clients file cannot be read: the message names the
    file, the row and the column, and says how to fix it. An entry that can be read but not
    priced is not an error: it is flagged (an ``EntryFlag``)."""


class OutputError(OuitecTermsError):
    """A result could not be written (a full or read-only disk, a closed output): nothing was
    left half-written. The command exits 1 for it, an I/O failure rather than bad input."""
