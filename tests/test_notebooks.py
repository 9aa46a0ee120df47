"""The notebooks in docs/notebooks/ run, cell by cell, and are stored without outputs."""

from __future__ import annotations

import os
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient
from traitlets.config import Config

NOTEBOOKS = sorted((Path(__file__).parent.parent / "docs" / "notebooks").glob("*.ipynb"))


def test_both_notebooks_ship() -> None:
    """Issue 5: "Pricing scenarios" and "Tariff what-if"."""
    assert [p.name for p in NOTEBOOKS] == ["pricing-scenarios.ipynb", "tariff-what-if.ipynb"]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_notebook_is_stored_without_outputs(path: Path) -> None:
    """Stored notebooks carry no outputs: what they show is computed when they run."""
    notebook = nbformat.read(path, as_version=4)  # type: ignore[no-untyped-call]
    for cell in notebook.cells:
        if cell.cell_type == "code":
            assert cell.outputs == []
            assert cell.execution_count is None


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_notebook_runs(path: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Every cell of the notebook executes without error (a failing cell fails the test)."""
    monkeypatch.setenv("MPLBACKEND", "Agg")
    notebook = nbformat.read(path, as_version=4)  # type: ignore[no-untyped-call]
    # a local socket (ipc), not TCP: nothing on the network, and no warning from the kernel
    local = Config({"KernelManager": {"transport": "ipc", "ip": str(tmp_path / "kernel")}})
    client = NotebookClient(
        notebook,
        config=local,
        timeout=600,
        kernel_name="python3",
        resources={"metadata": {"path": str(path.parent)}},
    )
    client.execute(env={**os.environ, "MPLBACKEND": "Agg"})
    outputs = [o for c in notebook.cells if c.cell_type == "code" for o in c.outputs]
    assert not [o for o in outputs if o.output_type == "error"]
    assert any("image/png" in o.get("data", {}) for o in outputs)


def test_the_site_keeps_notebook_tables_and_code_whole() -> None:
    """Issue 22: on the site, a notebook's wide table scrolls inside its own box (never clipped
    by the column), a cell's words are never broken, and code scrolls rather than being cut:
    the site's style sheet says so, and mkdocs.yml loads it."""
    docs = Path(__file__).parent.parent / "docs"
    css = (docs / "stylesheets" / "notebooks.css").read_text(encoding="utf-8")
    assert "stylesheets/notebooks.css" in (docs.parent / "mkdocs.yml").read_text(encoding="utf-8")
    table = css[css.index(".jp-RenderedHTMLCommon table {") :]
    assert "overflow-x: auto" in table.split("}")[0]
    cells = css[css.index(".jupyter-wrapper .jp-RenderedHTMLCommon td,") :].split("}")[0]
    assert "word-break: normal" in cells
    code = css[css.index(".jupyter-wrapper .jp-InputArea-editor,") :].split("}")[0]
    assert "white-space: pre" in code
    assert "overflow-x: auto" in code
