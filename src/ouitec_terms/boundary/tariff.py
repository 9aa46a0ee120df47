"""The tariff as data (Art. 3, rules §1): rates, surcharge, business window, holidays, time zone.

A [`Tariff`][ouitec_terms.boundary.tariff.Tariff] is immutable and versioned.
[`DEFAULT_TARIFF`][ouitec_terms.boundary.tariff.DEFAULT_TARIFF] is the terms of 2024-06-02; build a
variant with [`Tariff.replace`][ouitec_terms.boundary.tariff.Tariff.replace] (validated) or load one
from TOML.

```pycon
>>> DEFAULT_TARIFF.rates(under_contract=True).hourly
Decimal('75')
>>> variant = DEFAULT_TARIFF.replace(off_hours_surcharge="0.25", version="what-if-25")
>>> variant.off_hours_surcharge, DEFAULT_TARIFF.off_hours_surcharge
(Decimal('0.25'), Decimal('0.20'))
>>> Tariff.from_toml_text(variant.to_toml()) == variant
True

```
"""

from __future__ import annotations

from datetime import date, time
from decimal import Decimal
from pathlib import Path
from typing import Any, Self
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import BaseModel, Field, ValidationError, field_validator, model_validator

from ouitec_terms.errors import TariffError

from .amounts import InputAmount
from .holidaydata import is_known_place
from .reading import describe_validation_error, parse_text, read_data
from .text import Name

__all__ = ["DEFAULT_TARIFF", "RateCard", "Tariff", "check_holiday_place", "tariff_schema"]

TARIFF_SCHEMA_COMMAND = "ouitec-terms schema --tariff"
"""The command that prints the JSON Schema of a tariff file (named in error messages)."""


ROUNDING_STEPS = (3, 6, 12, 15, 30, 60)
"""Rounding steps (minutes) whose hours are exact decimals: 60 / step is 2^a * 5^b."""


class RateCard(BaseModel, frozen=True, extra="forbid"):
    """The prices of one client status (Art. 3), € HT."""

    hourly: InputAmount = Field(description="support rate per hour")
    remote_day: InputAmount = Field(description="full remote working day (up to 8 h)")
    onsite_day: InputAmount = Field(description="day of physical intervention on site")
    onsite_day_is_floor: bool = Field(
        default=False, description="the on-site day is a floor ('dès'), the final price on devis"
    )


UNDER_CONTRACT_RATES = RateCard(
    hourly=Decimal(75), remote_day=Decimal(550), onsite_day=Decimal(600)
)
"""Art. 3, clients under contract: 75 € an hour, 550 € the remote day, 600 € the on-site day."""
NOT_UNDER_CONTRACT_RATES = RateCard(
    hourly=Decimal(90), remote_day=Decimal(650), onsite_day=Decimal(750), onsite_day_is_floor=True
)
"""Art. 3, clients not under contract: 90 € an hour, 650 € the remote day, "dès 750 €" on site."""
_RATE_CARDS = {
    "under_contract": UNDER_CONTRACT_RATES,
    "not_under_contract": NOT_UNDER_CONTRACT_RATES,
}


class Tariff(BaseModel, frozen=True, extra="forbid"):
    """Everything the terms fix in numbers, with the 2024-06-02 terms as defaults.

    A rate-card table given in part keeps the terms' value of every key it leaves out:
    ``[not_under_contract]`` with only ``hourly = "95"`` still bills the on-site day "dès
    750 €" (D43).
    """

    version: Name = Field(
        default="2024-06-02",
        min_length=1,
        max_length=100,
        description="the date of the terms this tariff applies",
    )
    under_contract: RateCard = Field(
        default=UNDER_CONTRACT_RATES, description="rates for a client under contract (Art. 3)"
    )
    not_under_contract: RateCard = Field(
        default=NOT_UNDER_CONTRACT_RATES, description="rates for any other client (Art. 3)"
    )
    off_hours_surcharge: InputAmount = Field(
        default=Decimal("0.20"), description="fraction added outside business hours (Art. 3)"
    )
    business_start: time = Field(default=time(8, 0), description="business window start, local")
    business_end: time = Field(default=time(19, 0), description="business window end, local")
    business_weekdays: tuple[int, ...] = Field(
        default=(1, 2, 3, 4, 5), description="ISO weekdays with business hours (1 = Monday)"
    )
    holiday_country: str = Field(
        default="FR",
        min_length=2,
        max_length=3,
        description="country of the public-holiday calendar (holidays package code)",
    )
    holiday_subdivision: str | None = Field(
        default=None, description="e.g. '57' Moselle, '6AE' Alsace, '974' La Réunion"
    )
    extra_closures: tuple[date, ...] = Field(
        default=(), description="further dates treated like public holidays"
    )
    timezone: str = Field(default="Europe/Paris", description="IANA zone times are judged in")
    seat: Name = Field(
        default="Charly (Rhône)",
        min_length=1,
        max_length=100,
        description="OUiTEC's head office, where travel distances are measured from (Art. 11)",
    )
    per_km: InputAmount = Field(
        default=Decimal("0.636"), description="travel price per km, € HT (Art. 11; a convention)"
    )
    rounding_minutes: int = Field(
        default=15, description="every started step is due (Art. 5: quarter hour)"
    )
    day_minutes: int = Field(default=480, description="minutes a day unit covers (up to 8 h)")
    contract_min_monthly: InputAmount = Field(
        default=Decimal(500), description="€ HT per month that makes a client under contract"
    )
    contract_min_months: int = Field(default=12, ge=1, description="minimum commitment term")
    sum_active_contracts: bool = Field(
        default=False,
        description="add up the commitments of all qualifying active contracts (off: 'un contrat')",
    )

    @model_validator(mode="before")
    @classmethod
    def _rate_cards_key_by_key(cls, data: Any) -> Any:
        """A rate-card table given in part takes the terms' values for the keys it omits."""
        if isinstance(data, dict):
            for name, card in _RATE_CARDS.items():
                given = data.get(name)
                if isinstance(given, dict):
                    data = {**data, name: {**dict(card), **given}}
        return data

    @field_validator("holiday_subdivision")
    @classmethod
    def _subdivision_given(cls, value: str | None) -> str | None:
        if value is not None and not value.strip():
            raise ValueError(
                "an empty subdivision would silently mean the national calendar; leave the key "
                "out for the national calendar, or give a code such as '57'"
            )
        return value

    @field_validator("business_start", "business_end")
    @classmethod
    def _naive_time(cls, value: time) -> time:
        if value.tzinfo is not None:
            raise ValueError(
                f"{value.isoformat()} carries an offset; business hours are local wall times in "
                "the tariff's time zone: write e.g. '08:00'"
            )
        return value

    @field_validator("business_weekdays")
    @classmethod
    def _iso_weekdays(cls, value: tuple[int, ...]) -> tuple[int, ...]:
        if not value or any(not 1 <= day <= 7 for day in value) or len(set(value)) != len(value):
            raise ValueError(
                f"{value} is not a list of distinct ISO weekdays; use 1 (Monday) to 7 (Sunday)"
            )
        return tuple(sorted(value))

    @field_validator("extra_closures")
    @classmethod
    def _sorted_closures(cls, value: tuple[date, ...]) -> tuple[date, ...]:
        return tuple(sorted(set(value)))

    @field_validator("timezone")
    @classmethod
    def _known_zone(cls, value: str) -> str:
        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError):
            raise ValueError(
                f"unknown time zone {value!r}; use an IANA name such as 'Europe/Paris'"
            ) from None
        return value

    @field_validator("rounding_minutes")
    @classmethod
    def _divides_hour(cls, value: int) -> int:
        if value not in ROUNDING_STEPS:
            raise ValueError(
                f"rounding step {value} min is not one of {ROUNDING_STEPS}: the step must divide "
                "the hour into a whole number of steps of an exact decimal hour (Art. 5 uses 15)"
            )
        return value

    @model_validator(mode="after")
    def _consistent(self) -> Self:
        if self.business_end <= self.business_start:
            raise ValueError(
                f"business_end {self.business_end} is not after business_start "
                f"{self.business_start}; the window is one span within a day"
            )
        if not 0 < self.day_minutes <= 24 * 60 or self.day_minutes % self.rounding_minutes:
            raise ValueError(
                f"day_minutes {self.day_minutes} must be 1 to 1440 and a multiple of the "
                f"rounding step {self.rounding_minutes}"
            )
        check_holiday_place(self.holiday_country, self.holiday_subdivision)
        return self

    def rates(self, *, under_contract: bool) -> RateCard:
        """The rate card for a client under contract or not (Art. 3)."""
        return self.under_contract if under_contract else self.not_under_contract

    def replace(self, **changes: Any) -> Tariff:
        """A copy with ``changes`` applied and validated (unlike ``model_copy``).

        A rate card given as a dict changes only the keys it names:
        ``replace(under_contract={"hourly": "80"})`` keeps this tariff's day rates.
        """
        current = dict(self)
        for name in _RATE_CARDS:
            if isinstance(changes.get(name), dict):
                changes[name] = {**dict(current[name]), **changes[name]}
        return Tariff.model_validate({**current, **changes})

    @classmethod
    def from_toml(cls, path: str | Path) -> Tariff:
        """Load a tariff from a TOML file; keys absent from it keep the 2024-06-02 defaults.

        Any problem (unreadable file, invalid TOML, a bad value) is a
        [`TariffError`][ouitec_terms.errors.TariffError] that names the file and the field.
        """
        data = read_data(path, error=TariffError, what="tariff file")
        return cls._validated(data, repr(str(path)))

    @classmethod
    def from_toml_text(cls, text: str, *, source: str = "<text>") -> Tariff:
        """Parse a tariff from TOML text (see ``docs/tariff-2024-06-02.toml``)."""
        return cls._validated(parse_text(text, source=source, toml=True, error=TariffError), source)

    @classmethod
    def _validated(cls, data: dict[str, Any], source: str) -> Tariff:
        try:
            return cls.model_validate(data)
        except ValidationError as error:
            message = describe_validation_error(error, f"tariff {source}", TARIFF_SCHEMA_COMMAND)
            raise TariffError(message) from None

    def to_toml(self) -> str:
        """This tariff as TOML text that
        [`Tariff.from_toml_text`][ouitec_terms.boundary.tariff.Tariff.from_toml_text] reads back to
        an equal tariff."""
        top: list[str] = []
        tables: list[str] = []
        for name, value in self:
            if value is None:
                continue
            if isinstance(value, RateCard):
                body = "\n".join(f"{k} = {_toml_value(v)}" for k, v in value)
                tables.append(f"\n[{name}]\n{body}\n")
            else:
                top.append(f"{name} = {_toml_value(value)}")
        return "\n".join(top) + "\n" + "".join(tables)


def check_holiday_place(country: str, subdivision: str | None) -> None:
    """Raise ``ValueError`` unless ``holidays`` has a calendar for that country and subdivision
    (known at once when its table is in the cache, D98)."""
    if is_known_place(country, subdivision):
        return
    import holidays  # noqa: PLC0415 - the package's 250 countries, only when not cached

    try:
        holidays.country_holidays(country)
    except NotImplementedError:
        raise ValueError(
            f"no holiday calendar for country {country!r}; use an ISO 3166 code such as 'FR'"
        ) from None
    try:
        holidays.country_holidays(country, subdiv=subdivision)
    except NotImplementedError:
        known = holidays.country_holidays(country).subdivisions
        raise ValueError(
            f"no holiday calendar for subdivision {subdivision!r} of {country}; "
            f"use one of {', '.join(known)}, or none for the national calendar"
        ) from None


def _toml_string(text: str) -> str:
    """A TOML basic string: quotes, backslashes and control characters escaped."""
    escaped = text.replace("\\", "\\\\").replace('"', '\\"')
    return (
        '"'
        + "".join(f"\\u{ord(c):04X}" if ord(c) < 0x20 or ord(c) == 0x7F else c for c in escaped)
        + '"'
    )


def _toml_value(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, Decimal | str):
        return _toml_string(str(value))
    if isinstance(value, date | time):
        return value.isoformat()
    if isinstance(value, tuple):
        return "[" + ", ".join(_toml_value(item) for item in value) + "]"
    raise TypeError(f"no TOML form for {value!r}")  # pragma: no cover - fields are closed


def tariff_schema() -> dict[str, Any]:
    """The JSON Schema of a tariff file: every key optional, rate-card keys included."""
    schema = Tariff.model_json_schema(mode="validation")
    card = schema["$defs"]["RateCard"]
    card.pop("required", None)
    card["description"] = (
        "The prices of one client status (Art. 3), € HT; keys left out keep the terms' values."
    )
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "ouitec-terms Tariff"
    return schema


DEFAULT_TARIFF = Tariff()
"""The terms of 2024-06-02 (Art. 3, rules §1)."""
