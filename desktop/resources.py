"""The data files StationDesk loads at run time: the ONE list, read by the code and by the
PyInstaller spec (installer/stationdesk.spec), so a file cannot be used without being bundled.

Paths resolve in the source tree (``resources/`` beside the package) and inside a PyInstaller
bundle (``sys._MEIPASS``), where the spec puts every file at the same relative path. No Qt here:
the CLI, the self-check and the spec import this module headless.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from pathlib import Path

# The source tree: the folder holding desktop/ and resources/.
PROJECT_ROOT = Path(__file__).resolve().parent.parent

# Points the application at another resources folder (the self-check's tests use an empty one).
ENV_RESOURCES_DIR = "STATION_DESK_RESOURCES_DIR"

STYLE_SHEET = "style.qss"
ICON_FILES = ("station-desk.png", "station-desk.svg")
TRANSLATION_PREFIX = "stationdesk_"
# Interface languages that have a translation file (English is the source text and needs none).
TRANSLATED_LANGUAGES = ("zh_CN",)


@dataclass(frozen=True)
class DataFiles:
    """Files matching ``pattern`` (relative to the project root) go to ``dest`` in the bundle."""

    pattern: str
    dest: str
    what: str  # what it is, in Chinese, for the self-check and the build report


# Everything loaded at run time from a file rather than imported as a module. A new resource is
# added here, and only here (tests/unit/test_installer_spec.py fails otherwise).
RUNTIME_DATA: tuple[DataFiles, ...] = (
    DataFiles(f"resources/{STYLE_SHEET}", "resources", "界面样式表"),
    *(DataFiles(f"resources/icons/{name}", "resources/icons", "程序图标") for name in ICON_FILES),
    *(
        DataFiles(f"resources/translations/{TRANSLATION_PREFIX}{lang}.qm", "resources/translations", "界面翻译")
        for lang in TRANSLATED_LANGUAGES
    ),
    # Alembic reads env.py and the revision files as source files from the script directory.
    DataFiles("desktop/db/migrations/env.py", "desktop/db/migrations", "数据库迁移脚本"),
    DataFiles("desktop/db/migrations/script.py.mako", "desktop/db/migrations", "数据库迁移模板"),
    DataFiles("desktop/db/migrations/versions/[0-9]*.py", "desktop/db/migrations/versions", "数据库迁移版本"),
)


def bundle_root() -> Path | None:
    """The unpacked bundle folder when running from a PyInstaller build, else None."""
    bundle = getattr(sys, "_MEIPASS", None)
    return Path(bundle) if bundle else None


def base_dir() -> Path:
    """The folder the RUNTIME_DATA patterns are relative to at run time."""
    return bundle_root() or PROJECT_ROOT


def resources_dir() -> Path:
    """``resources/``: the override folder if set, else inside the bundle or the source tree."""
    override = os.environ.get(ENV_RESOURCES_DIR)
    if override:
        return Path(override)
    return base_dir() / "resources"


def style_sheet_path() -> Path:
    return resources_dir() / STYLE_SHEET


def icon_paths() -> list[Path]:
    folder = resources_dir() / "icons"
    return [folder / name for name in ICON_FILES]


def translations_dir() -> Path:
    return resources_dir() / "translations"


def translation_path(lang: str) -> Path:
    return translations_dir() / f"{TRANSLATION_PREFIX}{lang}.qm"


def bundle_datas(root: Path = PROJECT_ROOT) -> list[tuple[str, str]]:
    """``(source file, bundle folder)`` pairs for PyInstaller's ``datas``; raises FileNotFoundError
    when a pattern matches nothing (a .qm not built yet, a renamed icon), so the build stops."""
    pairs: list[tuple[str, str]] = []
    for entry in RUNTIME_DATA:
        matches = sorted(root.glob(entry.pattern))
        if not matches:
            raise FileNotFoundError(f"{entry.what}：{root / entry.pattern} 不存在")
        pairs += [(str(path), entry.dest) for path in matches if path.is_file()]
    return pairs


def missing_files(root: Path | None = None) -> list[str]:
    """The RUNTIME_DATA patterns with no file under ``root`` (default: where the app runs from),
    with the resources override applied to the ``resources/`` entries."""
    missing = []
    for entry in RUNTIME_DATA:
        if root is None and entry.pattern.startswith("resources/"):
            folder, pattern = resources_dir(), entry.pattern.removeprefix("resources/")
        else:
            folder, pattern = root or base_dir(), entry.pattern
        if not any(p.is_file() for p in folder.glob(pattern)):
            missing.append(f"{entry.what}（{entry.pattern}）")
    return missing
