"""The library's errors: one root class, narrow subclasses, messages that say how to fix.

Every error raised on purpose by ``ouitec_terms`` is an :class:`OuitecTermsError`, itself a
:class:`ValueError`, so callers can catch the whole family at once; pydantic's
``ValidationError`` (also a ``ValueError``) reports bad model fields.
"""

from __future__ import annotations

__all__ = [
    "CalendarError",
    "DocumentError",
    "IncludedHoursError",
    "InvalidAmountError",
    "MissingRateError",
    "OuitecTermsError",
    "TariffError",
    "VatError",
]


class OuitecTermsError(ValueError):
    """Root of every error this library raises on purpose."""


class TariffError(OuitecTermsError):
    """A tariff (rates, business window, time zone, holidays) is inconsistent or unreadable."""


class CalendarError(OuitecTermsError):
    """A holiday calendar cannot be built for the tariff's country or subdivision."""


class InvalidAmountError(OuitecTermsError):
    """An amount, a rate or a distance is not an exact finite number (floats are refused)."""


class IncludedHoursError(OuitecTermsError):
    """The included contract hours passed to a quote are not a non-negative multiple of 0.25."""


class VatError(OuitecTermsError):
    """No VAT rate is known for the regime on the status date."""


class MissingRateError(OuitecTermsError):
    """No ECB rate is known for a half-year that a late payment runs through (Art. 4)."""


class DocumentError(OuitecTermsError):
    """An input document (TOML or JSON) cannot be read or does not describe a quote."""
