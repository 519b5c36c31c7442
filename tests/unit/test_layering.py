"""DESIGN.md §6: nothing below desktop/views imports Qt, so every rule runs headless."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2] / "desktop"
FORBIDDEN = ("PySide6", "pyqtgraph", "shiboken6", "desktop.views", "desktop.app")
CORE = ("models", "db", "services", "reports")


def _imports(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    names = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names += [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.append(node.module)
    return names


@pytest.mark.parametrize("package", CORE)
def test_core_packages_do_not_import_qt(package):
    files = sorted((ROOT / package).rglob("*.py"))
    assert files, f"desktop/{package} has no modules"
    offenders = [
        f"{p.relative_to(ROOT.parent)}: {name}"
        for p in files
        for name in _imports(p)
        if any(name == f or name.startswith(f + ".") for f in FORBIDDEN)
    ]
    assert offenders == []


IMPORT_EVERYTHING = """
import importlib, pkgutil, sys
import desktop, desktop.cli
for pkg in {core!r}:
    module = importlib.import_module("desktop." + pkg)
    for info in pkgutil.walk_packages(module.__path__, module.__name__ + "."):
        if ".migrations" not in info.name:
            importlib.import_module(info.name)
bad = sorted(m for m in sys.modules if m.split(".")[0] in ("PySide6", "pyqtgraph", "shiboken6")
             or m.startswith("desktop.views") or m == "desktop.app")
print("\\n".join(bad))
raise SystemExit(1 if bad else 0)
"""


def test_importing_every_core_module_and_the_cli_loads_no_qt():
    """Catches indirect imports too (a core module importing a helper that imports Qt)."""
    result = subprocess.run([sys.executable, "-c", IMPORT_EVERYTHING.format(core=CORE)], capture_output=True,
                            text=True, timeout=60)
    assert result.returncode == 0, result.stdout + result.stderr
