"""Issue 13: a wheel users can install. `make dist` builds the sdist and the wheel; the wheel
installs into a clean environment, where the command and the public API work."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import ouitec_terms
from documented import console_blocks, script

ROOT = Path(__file__).parent.parent
UV = Path(sys.executable).parent / "uv"


def test_the_wheel_installs_and_runs_in_a_clean_environment(tmp_path: Path) -> None:
    """Build the wheel, install it (with its core dependencies only) into a new virtual
    environment, run `ouitec-terms demo` and import the public API there."""
    subprocess.run(
        [str(UV), "build", "--wheel", "--quiet", "--out-dir", str(tmp_path / "dist"), str(ROOT)],
        check=True,
    )
    (wheel,) = (tmp_path / "dist").glob("ouitec_terms-*.whl")
    assert wheel.name.startswith(f"ouitec_terms-{ouitec_terms.__version__}-")
    checked = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "check_wheel_metadata.py"), str(wheel)],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert checked.returncode == 0, checked.stderr  # licence (PEP 639), URLs, no dev extras
    venv = tmp_path / "venv"
    subprocess.run([str(UV), "venv", "--quiet", "--python", sys.executable, str(venv)], check=True)
    python = venv / "bin" / "python"
    subprocess.run(
        [str(UV), "pip", "install", "--quiet", "--python", str(python), str(wheel)], check=True
    )
    demo = subprocess.run(
        [str(venv / "bin" / "ouitec-terms"), "demo"], capture_output=True, text=True, check=True
    )
    assert "691,44" in demo.stdout
    code = (
        "import ouitec_terms as o; from ouitec_terms import quote, to_json, make_invoice; "
        "print(o.__version__, len(o.__all__))"
    )
    imported = subprocess.run([str(python), "-c", code], capture_output=True, text=True, check=True)
    assert imported.stdout.split()[0] == ouitec_terms.__version__
    installed = subprocess.run(
        [str(UV), "pip", "list", "--python", str(python)], capture_output=True, text=True,
        check=True,
    )  # fmt: skip
    assert "pandas" not in installed.stdout  # the core only: extras stay optional


def test_the_readme_commands_run_from_a_fresh_wheel(tmp_path: Path) -> None:
    """Issue 22: a fresh virtual environment with the wheel (and its einvoice extra) runs every
    command line of the README, in an empty folder far from the clone: `init` writes what the
    others read, from the package's own data."""
    subprocess.run(
        [str(UV), "build", "--wheel", "--quiet", "--out-dir", str(tmp_path / "dist"), str(ROOT)],
        check=True,
    )
    (wheel,) = (tmp_path / "dist").glob("ouitec_terms-*.whl")
    venv = tmp_path / "venv"
    subprocess.run([str(UV), "venv", "--quiet", "--python", sys.executable, str(venv)], check=True)
    subprocess.run(
        [str(UV), "pip", "install", "--quiet", "--python", str(venv / "bin" / "python"),
         f"{wheel}[einvoice]"],
        check=True,
    )  # fmt: skip
    (block,) = [
        b for b in console_blocks(ROOT / "README.md") if b[0].line.startswith("ouitec-terms")
    ]
    folder = tmp_path / "elsewhere"
    folder.mkdir()
    env = {
        "PATH": f"{venv / 'bin'}{os.pathsep}/usr/bin:/bin",
        "HOME": str(tmp_path),
        "OUITEC_ECB_RATES": str(tmp_path / "ecb.toml"),
    }
    done = subprocess.run(
        ["bash", "-c", script(block)], cwd=folder, env=env, capture_output=True, text=True,
        check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr[-2000:]
    assert (folder / "try-it" / "invoice.pdf").read_bytes().startswith(b"%PDF")
