"""The tariff as data (Art. 3, rules §1): defaults, validation, TOML round trip."""

from __future__ import annotations

from datetime import date, time
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import ValidationError

from ouitec_terms import DEFAULT_TARIFF, RateCard, Tariff, TariffError

DOCS = Path(__file__).parent.parent / "docs"


def test_default_tariff_is_the_2024_terms() -> None:
    """Art. 3: 75/550/600 € under contract, 90/650/750 (a floor) without, +20 % off-hours,
    Mon–Fri 08:00–19:00 Europe/Paris, quarter hours; 0.636 €/km by convention (rules §1)."""
    t = DEFAULT_TARIFF
    assert t.version == "2024-06-02"
    assert t.under_contract == RateCard(
        hourly=Decimal(75), remote_day=Decimal(550), onsite_day=Decimal(600)
    )
    assert t.not_under_contract == RateCard(
        hourly=Decimal(90),
        remote_day=Decimal(650),
        onsite_day=Decimal(750),
        onsite_day_is_floor=True,
    )
    assert t.off_hours_surcharge == Decimal("0.20")
    assert (t.business_start, t.business_end) == (time(8), time(19))
    assert t.business_weekdays == (1, 2, 3, 4, 5)
    assert (t.timezone, t.holiday_country, t.holiday_subdivision) == ("Europe/Paris", "FR", None)
    assert t.per_km == Decimal("0.636")
    assert t.rounding_minutes == 15
    assert (t.contract_min_monthly, t.contract_min_months) == (Decimal(500), 12)


def test_shipped_toml_is_the_default_tariff() -> None:
    """docs/tariff-2024-06-02.toml, the example users copy, is exactly the default tariff."""
    assert Tariff.from_toml(DOCS / "tariff-2024-06-02.toml") == DEFAULT_TARIFF


tariffs = st.builds(
    lambda surcharge, hourly, start, weekdays, closures, sub, version: DEFAULT_TARIFF.replace(
        off_hours_surcharge=surcharge,
        under_contract=DEFAULT_TARIFF.under_contract.model_copy(update={"hourly": hourly}),
        business_start=start,
        business_weekdays=weekdays,
        extra_closures=closures,
        holiday_subdivision=sub,
        version=version,
    ),
    st.decimals(min_value=0, max_value=2, places=2),
    st.decimals(min_value=0, max_value=999, places=3),
    st.sampled_from((time(7), time(8), time(8, 30))),
    st.lists(st.integers(1, 7), min_size=1, max_size=7, unique=True).map(tuple),
    st.lists(st.dates(date(2024, 1, 1), date(2026, 12, 31)), max_size=3).map(tuple),
    st.sampled_from((None, "57", "6AE", "974")),
    # any one-line text with a visible character (line breaks and control characters are refused)
    st.text(
        st.characters(codec="utf-8", exclude_categories=("Cc", "Cs", "Zl", "Zp")),
        min_size=1,
        max_size=20,
    ).filter(lambda s: s.strip() == s and s.strip()),
)


@given(tariffs)
def test_toml_round_trip_is_the_identity(tariff: Tariff) -> None:
    """A tariff written with to_toml() reads back equal: tariffs are data you can store."""
    assert Tariff.from_toml_text(tariff.to_toml()) == tariff


def test_toml_file_round_trip(tmp_path: Path) -> None:
    """Tariff.to_toml() written to a file and read with Tariff.from_toml(path) is the same."""
    variant = DEFAULT_TARIFF.replace(version="été", holiday_subdivision="57", per_km="0.7")
    path = tmp_path / "variant.toml"
    path.write_text(variant.to_toml(), encoding="utf-8")
    assert Tariff.from_toml(path) == variant


def test_partial_toml_keeps_defaults() -> None:
    """Keys absent from a tariff file keep the 2024-06-02 defaults."""
    tariff = Tariff.from_toml_text('off_hours_surcharge = "0.25"\n[under_contract]\nhourly = 80\n'
                                   'remote_day = 550\nonsite_day = 600\n')  # fmt: skip
    assert tariff.off_hours_surcharge == Decimal("0.25")
    assert tariff.under_contract.hourly == Decimal(80)
    assert tariff.not_under_contract == DEFAULT_TARIFF.not_under_contract


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"business_end": "07:00"}, "not after business_start"),
        ({"business_weekdays": (0, 1)}, "ISO weekdays"),
        ({"business_weekdays": ()}, "ISO weekdays"),
        ({"timezone": "Europe/Charly"}, "unknown time zone"),
        ({"rounding_minutes": 7}, "rounding step 7"),
        ({"holiday_subdivision": "99"}, "no holiday calendar for subdivision '99'"),
        ({"holiday_country": "XX"}, "no holiday calendar for country 'XX'"),
        ({"per_km": 0.636}, "float"),
        ({"off_hours_surcharge": "-0.2"}, "no sign"),
        ({"off_hours_surcharge": Decimal("-0.2")}, "negative"),
        ({"day_minutes": 481}, "multiple of the rounding step"),
        ({"colour": "red"}, "Extra inputs"),
    ],
)
def test_bad_tariff_is_refused_with_the_fix(changes: dict[str, Any], message: str) -> None:
    """A tariff that cannot be applied is refused, the message naming the value and the fix."""
    with pytest.raises(ValidationError, match=message):
        DEFAULT_TARIFF.replace(**changes)


def test_unreadable_tariff_file_is_a_tariff_error(tmp_path: Path) -> None:
    """A missing or malformed TOML file raises TariffError naming the file."""
    with pytest.raises(TariffError, match="cannot read tariff file"):
        Tariff.from_toml(tmp_path / "absent.toml")
    bad = tmp_path / "bad.toml"
    bad.write_text("version = \n", encoding="utf-8")
    with pytest.raises(TariffError, match=r"tariff file '.*bad\.toml' is not valid TOML"):
        Tariff.from_toml(bad)


def test_replace_validates_but_model_copy_does_not_hide_it() -> None:
    """Tariff.replace() validates its changes, so a float never sneaks in (unlike model_copy)."""
    with pytest.raises(ValidationError):
        DEFAULT_TARIFF.replace(off_hours_surcharge=0.25)
    assert DEFAULT_TARIFF.replace(off_hours_surcharge="0.25").off_hours_surcharge == Decimal("0.25")
