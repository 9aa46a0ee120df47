"""Write the API reference's pages (``make reference``; a test fails when they are stale).

One page per module, under ``docs/reference/``, grouped by layer in the order data flows, and
``docs/reference/index.md``: every name ``ouitec_terms`` exports, with its one-line summary and
a link to its entry. The ``nav`` of ``mkdocs.yml`` lists the pages (between its two markers).
Summaries come from the docstrings, read by griffe (mkdocstrings' own reader), so that a
constant's docstring (the string under it) counts like a function's.
"""

from __future__ import annotations

import pkgutil
import sys
from pathlib import Path

import griffe

ROOT = Path(__file__).parent.parent
SRC = ROOT / "src"
PAGES = ROOT / "docs" / "reference"
MKDOCS = ROOT / "mkdocs.yml"
BEGIN, END = "  # reference pages: begin", "  # reference pages: end"

LAYERS = (
    ("Foundations", ("ouitec_terms.errors", "ouitec_terms.money")),
    ("Boundary", ("ouitec_terms.boundary",)),
    ("Rules", ("ouitec_terms.rules",)),
    ("Assembly", ("ouitec_terms.assembly",)),
    ("Presentation", ("ouitec_terms.presentation",)),
    (
        "Extras",
        (
            "ouitec_terms.synthetic",
            "ouitec_terms.batch",
            "ouitec_terms.explore",
            "ouitec_terms.einvoice",
        ),
    ),
    ("The invoice book", ("ouitec_terms.book",)),
    ("The command", ("ouitec_terms.cli",)),
)
"""Each layer and its packages or modules, in the order data flows (docs/architecture.md)."""

QUIET = {"ouitec_terms.presentation.catalogue_fr", "ouitec_terms.presentation.catalogue_en"}
"""Modules shown by their docstring only (the catalogues are thousands of words, not API)."""


def modules(name: str) -> list[str]:
    """``name`` and, for a package, every public module under it, in name order."""
    path = SRC / Path(*name.split("."))
    if not path.is_dir():
        return [name]
    found = [name]
    for info in sorted(pkgutil.iter_modules([str(path)]), key=lambda i: i.name):
        if not info.name.startswith("_") and info.name not in ("__main__",):
            found += modules(f"{name}.{info.name}")
    return found


def module_page(name: str) -> str:
    """The page of one module: its docstring and its members."""
    options = ["    options:", "      show_root_heading: true", "      heading_level: 1"]
    if name in QUIET or (SRC / Path(*name.split("."))).is_dir():
        options.append("      members: false")
    return f"::: {name}\n" + "\n".join(options) + "\n"


def summary(obj: griffe.Object | griffe.Alias) -> str:
    """The first sentence line of a docstring, or what kind of thing it is."""
    docstring = obj.docstring
    if docstring is None or not docstring.value.strip():
        return ""
    first = docstring.value.strip().split("\n\n")[0].replace("\n", " ")
    sentence, dot, _ = first.partition(". ")
    return sentence + "." if dot and len(first) > 160 else first


def index_page(package: griffe.Object | griffe.Alias, exports: dict[str, str]) -> str:
    """Every export of ``ouitec_terms``: name, summary, and the module page that documents it."""
    lines = [
        "# API reference",
        "",
        "Everything a user needs is importable from `ouitec_terms` itself; each name below links",
        "to its entry, on the page of the module that defines it. The modules follow, layer by",
        "layer, in the order data flows through them (see [Architecture](../architecture.md)):",
        "the exploration helpers come from `ouitec_terms.explore` (the `notebook` extra), the",
        "columnar path from `ouitec_terms.batch` (`batch`) and the e-invoices from",
        "`ouitec_terms.einvoice` (`einvoice`). `ouitec_terms.__version__` is the release.",
        "",
        "## What `ouitec_terms` exports",
        "",
        "| name | what it is | defined in |",
        "|---|---|---|",
    ]
    for name in sorted(exports, key=str.lower):
        module = exports[name]
        obj = package.modules_collection[f"{module}.{name}"]
        kind = {"class": "class", "function": "function"}.get(obj.kind.value, "value")
        shown = f"`{name}()`" if kind == "function" else f"`{name}`"
        text = summary(obj).replace("|", "\\|")
        lines.append(f"| [{shown}]({module}.md#{module}.{name}) | {text} | `{module}` |")
    lines += ["", "## The modules, layer by layer", ""]
    for layer, roots in LAYERS:
        lines += [f"### {layer}", ""]
        for root in roots:
            for name in modules(root):
                doc = summary(package.modules_collection[name])
                lines.append(f"- [`{name}`]({name}.md): {doc}")
        lines.append("")
    return "\n".join(lines)


def nav() -> str:
    """The nav entries of the reference, for mkdocs.yml."""
    out = [BEGIN, "  - API reference:", "      - reference/index.md"]
    for layer, roots in LAYERS:
        out.append(f"      - {layer}:")
        names = [name for root in roots for name in modules(root)]
        out += [f"          - {name}: reference/{name}.md" for name in names]
    out.append(END)
    return "\n".join(out)


def pages() -> dict[Path, str]:
    """Every file the reference consists of, with its text."""
    sys.path.insert(0, str(SRC))
    import ouitec_terms  # noqa: PLC0415 - from the source tree being documented

    exports = {
        name: "ouitec_terms" + module
        for module, names in ouitec_terms._EXPORTS.items()  # our own table of exports
        for name in names
    }
    exports = {name: module for name, module in exports.items() if name in ouitec_terms.__all__}
    package = griffe.load("ouitec_terms", search_paths=[str(SRC)], resolve_aliases=False)
    written = {PAGES / "index.md": index_page(package, exports) + "\n"}
    for _, roots in LAYERS:
        for root in roots:
            for name in modules(root):
                written[PAGES / f"{name}.md"] = module_page(name)
    text = MKDOCS.read_text(encoding="utf-8")
    start, end = text.index(BEGIN), text.index(END) + len(END)
    written[MKDOCS] = text[:start] + nav() + text[end:]
    return written


def main() -> None:
    """Write the pages, removing those of modules that are gone."""
    written = pages()
    PAGES.mkdir(exist_ok=True)
    for stale in set(PAGES.glob("*.md")) - set(written):
        stale.unlink()
    for path, text in written.items():
        path.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
