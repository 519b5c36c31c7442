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


def test_cli_commands_load_no_qt():
    code = (
        "import sys, desktop.cli, desktop.db, desktop.db.migrate, desktop.services.bootstrap;"
        "bad=[m for m in sys.modules if m.split('.')[0] in ('PySide6','pyqtgraph','shiboken6')];"
        "print(bad); raise SystemExit(1 if bad else 0)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stdout + result.stderr
