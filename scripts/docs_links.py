"""MkDocs hook: every citation in the built site links to what it cites.

The code and the docs cite three things in plain text, so that a docstring reads well in a
terminal too: an article of the terms ("Art. 3"), a section of the rules page ("rules §5.1")
and a decision ("D27"). On each rendered page, outside code, links and headings, this hook
turns them into links to the anchors of ``terms.md``, ``rules.md`` and ``decisions.md``; a
decision that does not exist is an error, so that a stale citation fails ``make docs``.
"""

from __future__ import annotations

import re
from typing import Any

from mkdocs.exceptions import PluginError
from mkdocs.utils import get_relative_url

_TAG = re.compile(r"(<[^>]+>)")
_SKIP = frozenset({"a", "code", "pre", "h1", "h2", "h3", "h4", "h5", "h6", "script", "style"})
_CITATION = re.compile(
    r"(?P<art>\bArt\.(?:\s|&nbsp;|\u00a0)?(?P<art_n>\d{1,2})\b)"
    r"|(?P<rules>\brules\s§(?P<sec>\d{1,2})(?:\.(?P<sub>\d))?)"
    r"|(?P<dec>\bD(?P<dec_n>\d{1,2})\b(?!-))"
)
_DECISION_ANCHOR = re.compile(r"\{#d(\d+)\}")
_TERMS, _RULES, _DECISIONS = "terms.md", "rules.md", "decisions.md"


_decisions: frozenset[int] = frozenset()
"""The decision numbers that docs/decisions.md anchors, read once per build."""


def on_pre_build(config: Any) -> None:
    """Read the decisions' anchors once per build (MkDocs ``on_pre_build`` event)."""
    global _decisions  # noqa: PLW0603 - one value per build, replaced as a whole
    with open(f"{config['docs_dir']}/{_DECISIONS}", encoding="utf-8") as handle:
        _decisions = frozenset(int(n) for n in _DECISION_ANCHOR.findall(handle.read()))


def _link_citations(text: str, base: dict[str, str], decisions: frozenset[int], where: str) -> str:
    def link(match: re.Match[str]) -> str:
        if match["art"]:
            return f'<a href="{base[_TERMS]}#art-{match["art_n"]}">{match[0]}</a>'
        if match["rules"]:
            anchor = f"s{match['sec']}" + (f"-{match['sub']}" if match["sub"] else "")
            return f'<a href="{base[_RULES]}#{anchor}">{match[0]}</a>'
        number = int(match["dec_n"])
        if number not in decisions:
            raise PluginError(f"{where}: {match[0]} cites a decision that docs/decisions.md lacks")
        return f'<a href="{base[_DECISIONS]}#d{number}">{match[0]}</a>'

    return _CITATION.sub(link, text)


def on_page_content(html: str, page: Any, config: Any, files: Any) -> str:
    """Link the citations of one rendered page (MkDocs ``on_page_content`` event)."""
    targets = {name: files.get_file_from_path(name) for name in (_TERMS, _RULES, _DECISIONS)}
    base = {
        name: (
            "" if target.src_uri == page.file.src_uri else get_relative_url(target.url, page.url)
        )
        for name, target in targets.items()
    }
    _check_anchors(html, page.file.src_uri)
    return link_html(html, base, _decisions, page.file.src_uri)


_LEFT_ATTRIBUTE = re.compile(r"\{#[A-Za-z][\w-]*\}")
_CODE = re.compile(r"<(pre|code)\b.*?</\1>", re.DOTALL)


def _check_anchors(html: str, where: str) -> None:
    """Fail the build on an anchor the page asks for but does not get.

    A heading whose ``{#id}`` is not on the heading's line (a wrapped heading) is printed as
    text and its anchor is missing; MkDocs' strict mode only catches anchors somebody links to.
    """
    outside_code = _CODE.sub("", html)
    left = _LEFT_ATTRIBUTE.search(outside_code)
    if left:
        raise PluginError(
            f"{where}: {left[0]} is printed as text (a heading's attribute not on its line)"
        )
    if where == _DECISIONS:
        missing = sorted(n for n in _decisions if f'id="d{n}"' not in html)
        if missing:
            raise PluginError(f"{where}: no anchor for decision(s) {missing}")


def link_html(html: str, base: dict[str, str], decisions: frozenset[int], where: str) -> str:
    """Link the citations of an HTML fragment, outside code, links and headings."""
    pieces = _TAG.split(html)
    depth = 0
    for index, piece in enumerate(pieces):
        if index % 2:  # a tag
            name = re.match(r"</?\s*([a-zA-Z0-9]+)", piece)
            if name and name[1].lower() in _SKIP and not piece.endswith("/>"):
                depth += -1 if piece.startswith("</") else 1
        elif depth == 0 and piece:
            pieces[index] = _link_citations(piece, base, decisions, where)
    return "".join(pieces)


_THIRD_PARTY = re.compile(r"https?://(?:fonts\.googleapis\.com|fonts\.gstatic\.com)[^\"' )]*")


def on_config(config: Any) -> Any:
    """Refuse a build without ``site_url``: the sitemap would be empty and the 404 page's links
    would break under a sub-path (MkDocs ``on_config`` event)."""
    if not config.get("site_url"):
        raise PluginError("mkdocs.yml: set site_url (the sitemap and 404.html need it)")
    return config


def on_post_page(output: str, page: Any, config: Any) -> str:
    """Refuse a page that loads fonts from a third party: a visitor's address would be sent
    to it (GDPR); the site uses the visitor's own fonts (MkDocs ``on_post_page`` event)."""
    check_no_third_party(output, page.file.src_uri)
    return output


def check_no_third_party(html: str, where: str) -> None:
    """Fail on a font loaded from Google's servers."""
    found = _THIRD_PARTY.search(html)
    if found:
        raise PluginError(f"{where}: loads {found[0]} from a third party; set theme.font: false")


def on_post_build(config: Any) -> None:
    """Refuse a site that ships its sources: a page's Markdown or a script copied beside its
    HTML (MkDocs ``on_post_build`` event). The notebooks' own download is the one source kept."""
    check_no_sources(config["site_dir"])


def check_no_sources(site_dir: str) -> None:
    """Fail on a ``.md`` or ``.py`` file in the built site."""
    import os  # noqa: PLC0415 - once per build

    for folder, _, names in os.walk(site_dir):
        for name in names:
            if name.endswith((".md", ".py")):
                raise PluginError(f"{os.path.join(folder, name)}: a source file in the site")
