"""The golden-document script (scripts/golden.py), loaded once as the module ``golden`` for every
test that compares a rendering with its stored document."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).parent.parent


def golden_script() -> ModuleType:
    """scripts/golden.py as a module, loaded on first use and kept."""
    module = sys.modules.get("golden")
    if module is None:
        spec = importlib.util.spec_from_file_location("golden", ROOT / "scripts" / "golden.py")
        assert spec is not None
        assert spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        sys.modules["golden"] = module
        spec.loader.exec_module(module)
    return module
