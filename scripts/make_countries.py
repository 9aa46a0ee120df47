"""Write ``src/ouitec_terms/boundary/iso3166.py`` again from pycountry, the maintained Python
edition of the ISO 3166-1 alpha-2 list (``make countries``). ``tests/test_places.py`` fails when
the installed pycountry and the written list disagree, so the list is never typed by hand.
"""

from __future__ import annotations

import importlib.metadata
from pathlib import Path

import pycountry

TARGET = Path(__file__).parent.parent / "src" / "ouitec_terms" / "boundary" / "iso3166.py"


def main() -> None:
    """Write the module: every alpha-2 code with its English name, sorted."""
    version = importlib.metadata.version("pycountry")
    rows = "\n".join(
        f"    {c.alpha_2!r}: {c.name!r},"
        for c in sorted(pycountry.countries, key=lambda country: country.alpha_2)
    )
    TARGET.write_text(
        f'''"""The ISO 3166-1 alpha-2 country codes and their English short names.

Written by ``scripts/make_countries.py`` from pycountry {version} (the iso-codes data of
Debian's pkg-isocodes, which follows the ISO 3166 Maintenance Agency); never edit by hand.
"""

from __future__ import annotations

__all__ = ["COUNTRIES", "SOURCE"]

SOURCE = "ISO 3166-1 alpha-2, from pycountry {version}"
"""Where the list comes from."""

COUNTRIES: dict[str, str] = {{
{rows}
}}
"""Every officially assigned alpha-2 code, with its English short name."""
''',
        encoding="utf-8",
    )


if __name__ == "__main__":
    main()
