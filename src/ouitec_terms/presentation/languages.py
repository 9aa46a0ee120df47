"""The languages documents are rendered in, the first the default: a plain tuple, so that the
command lists them before it imports the catalogues."""

from __future__ import annotations

__all__ = ["LANGUAGES"]

LANGUAGES = ("fr", "en")
"""French first (the default), then English; ``messages.CATALOGUES`` has one catalogue each."""
