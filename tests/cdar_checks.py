"""Validating lifecycle messages as the FNFE publishes the rules: the CDAR D22B XSD (lxml) and
the BR-FR-CDV Schematron of XP Z12-012 V1.4 (saxonche), vendored in tests/vendor/fnfe-rfe with
their licence and version."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from lxml import etree
from saxonche import PyXsltExecutable

from facturx_checks import failed_assertions, saxon, schema_errors

VENDOR = Path(__file__).parent / "vendor" / "fnfe-rfe"
XSD = VENDOR / "1xsd-CDAR_D22B_uncoupled" / "CrossDomainAcknowledgementAndResponse_100pD22B.xsd"
SCHEMATRON = VENDOR / "schematron" / "BR-FR-CDV-Schematron-CDAR.xslt"


@cache
def _schema() -> etree.XMLSchema:
    return etree.XMLSchema(etree.parse(str(XSD)))


@cache
def _stylesheet() -> PyXsltExecutable:
    return saxon().new_xslt30_processor().compile_stylesheet(stylesheet_file=str(SCHEMATRON))


def cdar_xsd_errors(xml: bytes) -> list[str]:
    """The CDAR XSD's errors on ``xml`` (empty when valid)."""
    return schema_errors(_schema(), xml)


def cdv_failures(xml: bytes, *, warnings: bool = False) -> list[str]:
    """The BR-FR-CDV assertions ``xml`` fails, fatal ones unless ``warnings``: "id: text"."""
    return [
        f"{rule}: {text[:160]}"
        for rule, flag, text in failed_assertions(_stylesheet(), xml)
        if warnings or flag == "fatal"
    ]
