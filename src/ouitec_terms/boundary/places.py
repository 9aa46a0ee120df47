"""Where a client is: ISO 3166-1 country codes, the EU member states, France's overseas
postcodes, and the VAT regimes a place and a VAT number allow (D66).

A country code is one of ISO 3166-1 alpha-2 ([`COUNTRIES`][ouitec_terms.boundary.iso3166.COUNTRIES],
written from pycountry, never by hand); the usual mistakes get a hint (``UK`` is ``GB``, ``EL`` is
the VAT prefix of Greece, ``GR``).

```pycon
>>> country_code("DE")
'DE'
>>> country_code("UK")
Traceback (most recent call last):
...
ValueError: 'UK' is not an ISO 3166-1 alpha-2 country code; did you mean GB (United Kingdom)?
>>> regimes_of_place("FR", "69002"), regimes_of_place("FR", "97400")
(('france',), ('guadeloupe-martinique-reunion',))
>>> regimes_of_vat_number("DE136695976")
('eu-reverse-charge',)

```
"""

from __future__ import annotations

from .iso3166 import COUNTRIES

__all__ = [
    "EU_MEMBER_STATES",
    "VAT_PREFIXES",
    "country_code",
    "regimes_of_place",
    "regimes_of_vat_number",
]

EU_MEMBER_STATES = frozenset(
    [
        "AT",
        "BE",
        "BG",
        "CY",
        "CZ",
        "DE",
        "DK",
        "EE",
        "ES",
        "FI",
        "FR",
        "GR",
        "HR",
        "HU",
        "IE",
        "IT",
        "LT",
        "LU",
        "LV",
        "MT",
        "NL",
        "PL",
        "PT",
        "RO",
        "SE",
        "SI",
        "SK",
    ]
)
"""The 27 member states of the European Union since 1 February 2020 (TEU art. 52), by ISO code."""
VAT_PREFIXES = {code: code for code in EU_MEMBER_STATES} | {"EL": "GR"}
"""The prefix of each member state's VAT numbers and its ISO code (Greece writes EL)."""
_HINTS = {"UK": "GB", "EL": "GR", "EN": "GB", "FX": "FR"}
"""Codes people write for a country that ISO spells otherwise."""

# France outside the metropolis, by postcode prefix (La Poste) and by its own ISO code, with the
# VAT regime each is in (CGI art. 294 and 296). The collectivities of TFEU art. 349/355 that lie
# outside the EU's VAT territory (Saint-Barthélemy 97133, Saint-Martin 97150, Saint-Pierre-et-
# Miquelon 975, Wallis-et-Futuna, Polynesia, New Caledonia, the TAAF: 98…) are billed as outside
# the EU (CGI art. 259-1). The longest prefix that matches wins.
_OVERSEAS_POSTCODES = (
    ("97133", "outside-eu"),
    ("97150", "outside-eu"),
    ("971", "guadeloupe-martinique-reunion"),
    ("972", "guadeloupe-martinique-reunion"),
    ("974", "guadeloupe-martinique-reunion"),
    ("973", "guyane-mayotte"),
    ("976", "guyane-mayotte"),
    ("975", "outside-eu"),
    ("977", "outside-eu"),
    ("978", "outside-eu"),
    ("98", "outside-eu"),
)
_OVERSEAS_CODES = {
    "GP": "guadeloupe-martinique-reunion",
    "MQ": "guadeloupe-martinique-reunion",
    "RE": "guadeloupe-martinique-reunion",
    "GF": "guyane-mayotte",
    "YT": "guyane-mayotte",
}


def country_code(value: str) -> str:
    """``value`` if it is an ISO 3166-1 alpha-2 code; else a ``ValueError`` with a hint."""
    if value in COUNTRIES:
        return value
    shown = repr(value[:10])
    hint = _HINTS.get(value.upper()) or (value.upper() if value.upper() in COUNTRIES else None)
    suggestion = f"; did you mean {hint} ({COUNTRIES[hint]})?" if hint else ", e.g. FR or DE"
    return _refuse(f"{shown} is not an ISO 3166-1 alpha-2 country code{suggestion}")


def _refuse(message: str) -> str:
    raise ValueError(message)


def regimes_of_place(country: str, postcode: str) -> tuple[str, ...]:
    """The VAT regimes (``VatRegime`` values) a client at that address may be billed under.

    Metropolitan France and Monaco: French VAT. Guadeloupe, Martinique, La Réunion: their 8,5 %
    (CGI 296). Guyane and Mayotte: no VAT (CGI 294). The overseas collectivities and every
    country outside the EU: outside the EU (CGI 259-1), or French VAT for a client that is not
    a business. Another member state: reverse charge, or French VAT for a client without a VAT
    number.
    """
    code = postcode.replace(" ", "")
    if country in ("FR", "MC"):
        found = (regime for prefix, regime in _OVERSEAS_POSTCODES if code.startswith(prefix))
        return (next(found, "france"),)
    if country in _OVERSEAS_CODES:
        return (_OVERSEAS_CODES[country],)
    if country in EU_MEMBER_STATES:
        return ("eu-reverse-charge", "france")
    return ("outside-eu", "france")


def regimes_of_vat_number(vat_number: str) -> tuple[str, ...]:
    """The VAT regimes a client with that (valid) EU VAT number may be billed under: a French
    number means France or its overseas departments, another member state's means reverse
    charge (CGI art. 283-2)."""
    if vat_number.startswith("FR"):
        return ("france", "guadeloupe-martinique-reunion", "guyane-mayotte")
    return ("eu-reverse-charge",)
