"""The built-in scenario of ``ouitec-terms demo``: the document the package ships,
``ouitec_terms/examples/demo.toml`` (also ``docs/examples/demo.toml``), read like any other."""

from __future__ import annotations

from importlib.resources import as_file, files

from ouitec_terms.boundary.documents import QuoteRequest, load_document

__all__ = ["demo_request"]


def demo_request() -> QuoteRequest:
    """The built-in scenario: a Friday evening outage for a client without contract.

    The technician drives 32 km from the head office at 17:30, works on site from 18:10 to
    21:35 (the business window closes at 19:00) and drives back until 22:15. Its labels are the
    clerk's words, in French, whatever the language of the document (they are data, D75).
    """
    with as_file(files("ouitec_terms") / "examples" / "demo.toml") as path:
        return load_document(path)
