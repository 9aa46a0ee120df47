"""The scripts of scripts/ as modules for the tests: the golden-document script
(scripts/golden.py) for every test that compares a rendering with its stored document, the docs
hook, the figures and the reference's writer. Each is loaded once and kept."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).parent.parent


def script(name: str) -> ModuleType:
    """scripts/``name``.py as the module ``name``, loaded on first use and kept."""
    module = sys.modules.get(name)
    if module is None:
        spec = importlib.util.spec_from_file_location(name, ROOT / "scripts" / f"{name}.py")
        assert spec is not None
        assert spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module
        spec.loader.exec_module(module)
    return module


def golden_script() -> ModuleType:
    """scripts/golden.py as a module."""
    return script("golden")
