"""Validating lifecycle messages as the FNFE publishes the rules: the CDAR D22B XSD (lxml) and
the BR-FR-CDV Schematron of XP Z12-012 V1.4 (saxonche), vendored in tests/vendor/fnfe-rfe with
their licence and version."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from lxml import etree
from saxonche import PyXsltExecutable

from facturx_checks import saxon

VENDOR = Path(__file__).parent / "vendor" / "fnfe-rfe"
XSD = VENDOR / "1xsd-CDAR_D22B_uncoupled" / "CrossDomainAcknowledgementAndResponse_100pD22B.xsd"
SCHEMATRON = VENDOR / "schematron" / "BR-FR-CDV-Schematron-CDAR.xslt"
SVRL = {"svrl": "http://purl.oclc.org/dsdl/svrl"}


@cache
def _schema() -> etree.XMLSchema:
    return etree.XMLSchema(etree.parse(str(XSD)))


@cache
def _stylesheet() -> PyXsltExecutable:
    return saxon().new_xslt30_processor().compile_stylesheet(stylesheet_file=str(SCHEMATRON))


def cdar_xsd_errors(xml: bytes) -> list[str]:
    """The CDAR XSD's errors on ``xml`` (empty when valid)."""
    schema = _schema()
    if schema.validate(etree.fromstring(xml)):
        return []
    return [f"line {e.line}: {e.message}" for e in schema.error_log]


def cdv_failures(xml: bytes, *, warnings: bool = False) -> list[str]:
    """The BR-FR-CDV assertions ``xml`` fails, fatal ones unless ``warnings``: "id: text"."""
    document = saxon().parse_xml(xml_text=xml.decode("utf-8"))
    report = etree.fromstring(_stylesheet().transform_to_string(xdm_node=document).encode())
    failures = []
    for failed in report.iterfind(".//svrl:failed-assert", SVRL):
        if warnings or failed.get("flag", "fatal") == "fatal":
            text = " ".join("".join(failed.itertext()).split())
            failures.append(f"{failed.get('id')}: {text[:160]}")
    return failures
