"""Citations resolve: every decision, article and rules section the code cites exists in the
docs that ship with the project, and the site links them (issue 13)."""

from __future__ import annotations

import re
from pathlib import Path
from types import ModuleType

import pytest

from goldens import script

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
SOURCES = sorted((ROOT / "src").rglob("*.py")) + sorted(DOCS.glob("*.md"))


def _anchors(page: str) -> set[str]:
    return set(re.findall(r"\{#([a-z0-9-]+)\}", (DOCS / page).read_text(encoding="utf-8")))


def _cited(pattern: str) -> set[tuple[str, str]]:
    found = set()
    for path in SOURCES:
        for match in re.finditer(pattern, path.read_text(encoding="utf-8")):
            found.add((path.name, match[0]))
    return found


def test_every_cited_decision_has_an_anchor() -> None:
    """A decision cited from the code or the docs ("D27") is a heading with a stable anchor in
    docs/decisions.md, so a reader can follow it."""
    anchors = _anchors("decisions.md")
    missing = {
        (name, text) for name, text in _cited(r"\bD\d{1,2}\b(?!-)") if f"d{text[1:]}" not in anchors
    }
    assert not missing


def test_every_cited_rules_section_has_an_anchor() -> None:
    """ "rules §5.1" names a section of docs/rules.md that exists."""
    anchors = _anchors("rules.md")
    missing = set()
    for name, text in _cited(r"rules §\d{1,2}(?:\.\d)?"):
        anchor = "s" + text.removeprefix("rules §").replace(".", "-")
        if anchor not in anchors:
            missing.add((name, text))
    assert not missing


def test_every_cited_article_is_in_the_terms() -> None:
    """ "Art. N" names one of the fourteen articles that docs/terms.md carries in full."""
    anchors = _anchors("terms.md")
    missing = {
        (name, text)
        for name, text in _cited(r"\bArt\. \d{1,2}\b")
        if f"art-{text.removeprefix('Art. ')}" not in anchors
    }
    assert not missing


def test_decisions_are_in_order() -> None:
    """Decisions are numbered in the order they appear, so that D27 is found by scrolling."""
    numbers = [int(n) for n in re.findall(r"\{#d(\d+)\}", (DOCS / "decisions.md").read_text())]
    assert numbers == sorted(numbers)
    assert len(numbers) == len(set(numbers))


def _hook() -> ModuleType:
    pytest.importorskip("mkdocs")
    return script("docs_links")


def test_site_links_citations_outside_code() -> None:
    """The site hook turns prose citations into links, leaves code and existing links alone,
    and refuses a decision that does not exist (a stale citation fails ``make docs``)."""
    hook = _hook()
    base = {"terms.md": "../terms/", "rules.md": "../rules/", "decisions.md": "../decisions/"}
    html = '<p>Art. 3 and rules §5.1, D27; D441-5 stays.</p><code>Art. 4</code><a href="x">D27</a>'
    linked = hook.link_html(html, base, frozenset({27}), "x.md")
    assert '<a href="../terms/#art-3">Art. 3</a>' in linked
    assert '<a href="../rules/#s5-1">rules §5.1</a>' in linked
    assert '<a href="../decisions/#d27">D27</a>' in linked
    assert "D441-5 stays" in linked
    assert "<code>Art. 4</code>" in linked
    assert linked.count("#d27") == 1
    with pytest.raises(Exception, match="D99"):
        hook.link_html("<p>D99</p>", base, frozenset({27}), "x.md")


def test_site_build_refuses_a_heading_attribute_printed_as_text() -> None:
    """A heading whose ``{#d49}`` wrapped to the next line is rendered as text and loses its
    anchor; the hook fails the build on it, which strict MkDocs alone does not."""
    hook = _hook()
    hook._check_anchors('<h2 id="d1">D1. x</h2><p>Art. 3.</p>', "a.md")
    with pytest.raises(Exception, match=r"\{#d2\}"):
        hook._check_anchors("<h2>D2. x</h2><p>(Art. 3). {#d2}</p>", "a.md")
    hook._check_anchors("<pre><code>{#kept}</code></pre>", "a.md")


def test_site_build_refuses_fonts_from_a_third_party() -> None:
    """Issue 22: a French company's site sends no visitor to Google Fonts; the hook fails the
    build on a page that would, and mkdocs.yml sets what keeps it so (and the site's URL)."""
    hook = _hook()
    hook.check_no_third_party('<link href="assets/main.css">', "a.md")
    with pytest.raises(Exception, match="third party"):
        hook.check_no_third_party(
            '<link href="https://fonts.googleapis.com/css?family=Roboto">', "a.md"
        )
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    assert "\n  font: false\n" in config
    assert "\nsite_url: https://" in config


def test_site_build_refuses_sources_copied_into_the_site(tmp_path: Path) -> None:
    """Issue 22: an older mkdocs-jupyter copied every page's Markdown into site/; the hook fails
    the build on any .md or .py there."""
    hook = _hook()
    (tmp_path / "guide").mkdir()
    (tmp_path / "guide" / "index.html").write_text("<p>x</p>", encoding="utf-8")
    hook.check_no_sources(str(tmp_path))
    (tmp_path / "guide" / "guide.md").write_text("# x", encoding="utf-8")
    with pytest.raises(Exception, match="source file"):
        hook.check_no_sources(str(tmp_path))
