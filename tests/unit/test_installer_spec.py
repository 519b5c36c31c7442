"""The PyInstaller spec bundles every file the code loads (issue 11), derived from
desktop/resources.py and checked against the code and the resources folder, not a second list."""

from __future__ import annotations

import ast
import sys
import types
from pathlib import Path

import pytest

from desktop import resources
from desktop.reports import fonts

ROOT = Path(__file__).resolve().parents[2]
SPEC = ROOT / "installer" / "stationdesk.spec"
RUNTIME_SUFFIXES = (".qm", ".qss", ".png", ".svg", ".ico", ".ttf", ".ttc", ".otf", ".mako", ".json", ".ini")


class _Recorder:
    """Stands in for one of PyInstaller's spec classes and keeps what the spec passed it."""

    made: list[_Recorder]

    def __init__(self, *args, **kwargs):
        self.args, self.kwargs = args, kwargs
        self.binaries = [
            ("PySide6/Qt/plugins/platforms/libqxcb.so", "/x", "BINARY"),
            ("PySide6/Qt/plugins/platforms/libqwayland.so", "/x", "BINARY"),
            ("PySide6/Qt/lib/libQt6Quick.so.6", "/x", "BINARY"),
        ]
        self.datas = list(kwargs.get("datas", []))
        self.pure = self.scripts = []
        type(self).made.append(self)


def _run_spec(monkeypatch) -> dict[str, list[_Recorder]]:
    """Execute the spec as PyInstaller would, with recording stand-ins for its building blocks."""
    classes = {name: type(name, (_Recorder,), {"made": []}) for name in ("Analysis", "PYZ", "EXE", "COLLECT")}
    hooks = types.ModuleType("PyInstaller.utils.hooks")
    hooks.collect_submodules = lambda package, filter=None: [  # filter: PyInstaller's own name
        name for name in ("desktop.app", "desktop.db.migrations.env") if filter is None or filter(name)
    ]
    hooks.copy_metadata = lambda dist: [(f"/site-packages/{dist}.dist-info", f"{dist}.dist-info")]
    for name in ("PyInstaller", "PyInstaller.utils"):
        monkeypatch.setitem(sys.modules, name, types.ModuleType(name))
    monkeypatch.setitem(sys.modules, "PyInstaller.utils.hooks", hooks)
    monkeypatch.setattr(sys, "path", list(sys.path))  # the spec prepends the project and installer/
    namespace = {"__file__": str(SPEC), "SPECPATH": str(SPEC.parent), **classes}
    exec(compile(SPEC.read_text(encoding="utf-8"), str(SPEC), "exec"), namespace)
    return {name: cls.made for name, cls in classes.items()}


@pytest.fixture
def spec(monkeypatch):
    return _run_spec(monkeypatch)


def _bundled(spec) -> set[str]:
    """Bundle-relative paths of the data files the spec hands to PyInstaller."""
    (analysis,) = spec["Analysis"]
    return {f"{dest}/{Path(src).name}" for src, dest in analysis.kwargs["datas"]}


def test_the_spec_bundles_exactly_the_runtime_data_list(spec):
    (analysis,) = spec["Analysis"]
    expected = resources.bundle_datas(ROOT)
    assert expected and all(pair in analysis.kwargs["datas"] for pair in expected)
    for entry in resources.RUNTIME_DATA:  # every entry matched a file
        assert any(dest == entry.dest for _src, dest in expected)


def test_every_file_in_resources_is_bundled(spec):
    """A new icon, style or translation dropped into resources/ without a RUNTIME_DATA entry fails."""
    bundled = _bundled(spec)
    shipped = {
        p.relative_to(ROOT).as_posix() for p in (ROOT / "resources").rglob("*")
        if p.is_file() and p.suffix != ".ts"  # .ts are translation sources; their .qm is loaded
    }
    assert shipped and shipped <= bundled, sorted(shipped - bundled)


def test_every_migration_is_bundled(spec):
    bundled = _bundled(spec)
    from desktop.db.migrate import MIGRATIONS_DIR

    needed = {"env.py", "script.py.mako", *(f"versions/{p.name}" for p in (MIGRATIONS_DIR / "versions").glob("0*.py"))}
    assert {f"desktop/db/migrations/{name}" for name in needed} <= bundled
    # The bundle keeps the path migrate.py derives from its own location.
    assert MIGRATIONS_DIR.relative_to(ROOT).as_posix() == "desktop/db/migrations"


def _string_literals(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    return [node.value for node in ast.walk(tree) if isinstance(node, ast.Constant) and isinstance(node.value, str)]


def _loads_resources(path: Path, literals: list[str]) -> bool:
    """A module that locates data files: it uses desktop.resources or names a resources/ path."""
    text = path.read_text(encoding="utf-8")
    return ("desktop.resources" in text or "resources_dir" in text or path == ROOT / "desktop" / "resources.py"
            or any(t.startswith("resources/") for t in literals))


def test_every_file_name_the_code_loads_is_bundled(spec):
    """Scan desktop/ for the file names (data suffixes) and resources/ paths in the modules that load
    data files: each must be in the bundle (or a system font fonts.py looks for on the computer)."""
    bundled = _bundled(spec)
    bundled_names = {path.rsplit("/", 1)[-1] for path in bundled}
    bundled_dirs = {entry.dest for entry in resources.RUNTIME_DATA} | {"resources"}
    system_fonts = {Path(p).name for names in fonts.WINDOWS_CANDIDATES.values() for p in names}
    system_fonts |= {Path(p).name for p in fonts.WELL_KNOWN_PATHS}
    found: dict[str, str] = {}
    for path in sorted((ROOT / "desktop").rglob("*.py")):
        if "migrations" in path.parts:
            continue
        literals = _string_literals(path)
        loader = _loads_resources(path, literals)
        for text in literals:
            name = text.strip()
            if any(c.isspace() for c in name) or "*" in name or "{" in name or name.startswith("."):
                continue  # prose, file-dialog filters, templates, a bare suffix (".png" of a save dialog)
            if name.startswith("resources/") or (loader and name.lower().endswith(RUNTIME_SUFFIXES)):
                found[name] = path.relative_to(ROOT).as_posix()
    assert {"style.qss", "station-desk.png", "station-desk.svg"} <= set(found), "the scan no longer sees them"
    missing = {name: where for name, where in found.items()
               if Path(name).name not in bundled_names | system_fonts and name.rstrip("/") not in bundled_dirs}
    assert missing == {}


def test_only_known_modules_locate_files_beside_the_code():
    """A module finding files from its own location (``__file__``) is a resource loader the list
    may not know about: the ones that exist are accounted for in RUNTIME_DATA."""
    users = sorted(p.relative_to(ROOT).as_posix() for p in (ROOT / "desktop").rglob("*.py")
                   if "migrations" not in p.parts and "__file__" in p.read_text(encoding="utf-8"))
    # resources.py: the list itself; migrate.py: desktop/db/migrations (listed); cli.py: a log record.
    assert users == ["desktop/cli.py", "desktop/db/migrate.py", "desktop/resources.py"]


def test_the_code_finds_resources_only_through_desktop_resources():
    """resources_dir() (app.py's too) is used for paths only in desktop/resources.py, so the list
    there stays the one place; other modules call its named helpers."""
    offenders = []
    for path in sorted((ROOT / "desktop").rglob("*.py")):
        if path.name == "resources.py" and path.parent.name == "desktop":
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if "resources_dir()" in line and "/" in line.split("resources_dir()", 1)[1][:4]:
                offenders.append(f"{path.relative_to(ROOT)}:{number}: {line.strip()}")
    assert offenders == []


def test_translations_for_every_language_are_listed():
    for lang in resources.TRANSLATED_LANGUAGES:
        assert resources.translation_path(lang).is_file()
    assert not resources.missing_files(ROOT)


def test_the_spec_leaves_out_unused_qt_and_filters_plugins(spec):
    from installer.spec_rules import EXCLUDES, HIDDEN_IMPORTS

    (analysis,) = spec["Analysis"]
    excludes = analysis.kwargs["excludes"]
    for module in ("PySide6.QtWebEngineCore", "PySide6.Qt3DCore", "PySide6.QtQuick", "PySide6.QtQml",
                   "PySide6.QtMultimedia", "PySide6.QtCharts", "PySide6.QtSql", "tkinter", "numpy.tests"):
        assert module in excludes
    assert excludes == EXCLUDES
    hidden = analysis.kwargs["hiddenimports"]
    for module in ("alembic.context", "sqlalchemy.dialects.postgresql.psycopg", "sqlalchemy.dialects.mysql.pymysql",
                   "argon2", "python_calamine", "xlsxwriter", "desktop.app"):
        assert module in hidden
    assert set(HIDDEN_IMPORTS) <= set(hidden)
    assert "desktop.db.migrations.env" not in hidden  # loaded by Alembic from the data files
    # The spec applied the plugin filter to what PyInstaller collected.
    assert [dest for dest, _src, _kind in analysis.binaries] == ["PySide6/Qt/plugins/platforms/libqxcb.so"]
    (collect,) = spec["COLLECT"]
    assert collect.kwargs["name"] == "StationDesk"
    names = [exe.kwargs["name"] for exe in spec["EXE"]]
    assert names == (["StationDesk", "station-desk"] if sys.platform == "win32" else ["station-desk"])
    assert all(exe.kwargs["exclude_binaries"] for exe in spec["EXE"])  # one folder, not one file


@pytest.mark.parametrize(("dest", "platform", "kept"), [
    ("PySide6/Qt/plugins/platforms/libqxcb.so", "linux", True),
    ("PySide6/Qt/plugins/platforms/libqoffscreen.so", "linux", True),
    ("PySide6/Qt/plugins/platforms/libqwayland.so", "linux", False),
    ("PySide6/Qt/plugins/platforms/libqeglfs.so", "linux", False),
    ("PySide6\\Qt\\plugins\\platforms\\qwindows.dll", "win32", True),
    ("PySide6/Qt/plugins/imageformats/qsvg.dll", "win32", True),
    ("PySide6/Qt/plugins/styles/qmodernwindowsstyle.dll", "win32", True),
    ("PySide6/Qt/plugins/xcbglintegrations/libqxcb-glx-integration.so", "linux", True),
    ("PySide6/Qt/plugins/xcbglintegrations/libqxcb-glx-integration.so", "win32", False),
    ("PySide6/Qt/plugins/platforminputcontexts/libibusplatforminputcontextplugin.so", "linux", True),
    ("PySide6/Qt/plugins/platforminputcontexts/libqtvirtualkeyboardplugin.so", "linux", False),
    ("PySide6/Qt/plugins/multimedia/libffmpegmediaplugin.so", "linux", False),
    ("PySide6/Qt/plugins/tls/qopensslbackend.dll", "win32", False),
    ("PySide6/Qt/plugins/sqldrivers/qsqlite.dll", "win32", False),
    ("PySide6/Qt/translations/qtbase_zh_CN.qm", "win32", True),
    ("PySide6/Qt/translations/qtbase_de.qm", "win32", False),
    ("PySide6/Qt/translations/assistant_zh_CN.qm", "linux", False),
    ("PySide6/Qt/lib/libQt6Quick.so.6", "linux", False),
    ("PySide6/Qt6Qml.dll", "win32", False),
    ("PySide6/opengl32sw.dll", "win32", False),
    ("PySide6/Qt6Widgets.dll", "win32", True),
    ("PySide6/Qt/lib/libQt6Pdf.so.6", "linux", True),
    ("resources/style.qss", "win32", True),
])
def test_keep_qt_file(dest, platform, kept):
    from installer.spec_rules import keep_qt_file

    assert keep_qt_file(dest, platform) is kept


def test_the_installer_keeps_user_data_and_upgrades_in_place():
    text = (ROOT / "installer" / "stationdesk.iss").read_text(encoding="utf-8-sig")
    assert "[UninstallDelete]\n" not in text  # nothing of the user's is removed on uninstall
    assert "AppId={{" in text and "DefaultDirName={autopf}\\StationDesk" in text
    assert "PrivilegesRequired=admin" in text
    assert "ChineseSimplified.isl" in text and text.index('Name: "chinesesimplified"') < text.index('Name: "english"')
    assert "{app}\\station-desk.exe" in text and "--self-check" in text
