"""``station-desk --self-check``: proves an installation works, offline, in a few seconds.

Checks the data files, the database (a fresh temporary SQLite migrated to head, or ``--db`` which
must already be at head and is left unchanged), the Alembic migrations, the Chinese PDF fonts, the
translation, the Qt platform and image plugins, and writes a PDF and an xlsx to a temporary folder.
One line per check; exit code 0 only when all pass. CI runs it inside the PyInstaller bundle, so a
data file missing from the spec fails the build (installer/build.py --check).

Nothing here reaches the network (no update check, no credential store). Qt is imported only
inside the translation and platform checks, so ``desktop.cli`` stays Qt-free at import time.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
import time
import zipfile
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path

# A source string the shipped translation must translate (it is the first-run dialog's heading).
KNOWN_CONTEXT, KNOWN_SOURCE = "FirstAdminDialog", "Create the administrator"
SAMPLE_TEXT = "派出所综合指挥室 自检 ✓"
EXIT_OK, EXIT_FAILED = 0, 2


@dataclass(frozen=True)
class CheckResult:
    name: str
    title: str  # Chinese description shown on the line
    ok: bool
    detail: str
    seconds: float = 0.0


class CheckFailed(Exception):
    """A check's clear, one-line reason for failing."""


# --------------------------------------------------------------------------- the checks


def check_resources() -> str:
    from desktop.db.migrate import MIGRATIONS_DIR
    from desktop.resources import (
        TRANSLATED_LANGUAGES,
        base_dir,
        icon_paths,
        missing_files,
        resources_dir,
        style_sheet_path,
        translation_path,
    )

    missing = missing_files()
    # The files the code opens by name, in case one was dropped from the list as well as the bundle.
    named = [style_sheet_path(), *icon_paths(), *map(translation_path, TRANSLATED_LANGUAGES), MIGRATIONS_DIR / "env.py"]
    missing += [str(path) for path in named if not path.is_file() and not any(path.name in m for m in missing)]
    if missing:
        raise CheckFailed(f"缺少 {'、'.join(missing)}（资源目录 {resources_dir()}）")
    return f"资源目录 {resources_dir()}，程序目录 {base_dir()}"


def check_migrations() -> str:
    from alembic.script import ScriptDirectory

    from desktop.db.migrate import MIGRATIONS_DIR, alembic_config

    if not (MIGRATIONS_DIR / "env.py").is_file():
        raise CheckFailed(f"找不到数据库迁移脚本目录：{MIGRATIONS_DIR}")
    script = ScriptDirectory.from_config(alembic_config())
    heads = script.get_heads()
    revisions = list(script.walk_revisions())
    if len(heads) != 1:
        raise CheckFailed(f"迁移脚本应当只有一个最新版本，实际为 {len(heads)} 个：{', '.join(heads) or '无'}")
    return f"{len(revisions)} 个版本，最新 {heads[0]}"


def check_database(db_url: str | None, workdir: Path) -> str:
    from desktop.db import open_database
    from desktop.db.migrate import SchemaState, prepare, schema_status

    if db_url is None:
        db = open_database(str(workdir / "self-check.db"))
        try:
            status = prepare(db)
        finally:
            db.dispose()
        if status.state is not SchemaState.CURRENT:
            raise CheckFailed(f"新建的临时数据库未能升级到最新结构（{status.state}）")
        return f"临时 SQLite 数据库已建立并升级到 {status.head}"
    db = open_database(db_url, create=False)
    try:
        status = schema_status(db)
        label = db.label
    finally:
        db.dispose()
    if status.state is not SchemaState.CURRENT:
        raise CheckFailed(
            f"{label} 的结构版本为 {status.current or '无'}（{status.state}），本程序需要 {status.head}；未做任何修改"
        )
    return f"{label} 已是最新结构 {status.head}（未做修改）"


def check_fonts() -> str:
    from desktop.reports.fonts import load_fonts

    fonts = load_fonts()  # raises StationDeskError with the install hint when no face embeds
    files = sorted(set(fonts.paths.values()))
    return "可嵌入的中文字体：" + "、".join(files)


def _qt_application():
    """The running Qt application, or a QGuiApplication on the platform QT_QPA_PLATFORM names
    (offscreen by default, so the check also runs without a desktop session)."""
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication.instance()
    if app is None:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        app = QGuiApplication([sys.argv[0] if sys.argv else "station-desk", "-platform",
                               os.environ["QT_QPA_PLATFORM"]])
    return app


def check_translations() -> str:
    from PySide6.QtCore import QTranslator

    from desktop.resources import translation_path

    path = translation_path("zh_CN")
    translator = QTranslator()
    if not translator.load(str(path)):
        raise CheckFailed(f"无法加载中文界面翻译：{path}")
    text = translator.translate(KNOWN_CONTEXT, KNOWN_SOURCE)
    if not text or text == KNOWN_SOURCE:
        raise CheckFailed(f"翻译文件 {path.name} 没有翻译“{KNOWN_SOURCE}”")
    return f"{path.name}：“{KNOWN_SOURCE}” → “{text}”"


def check_qt() -> str:
    from PySide6.QtCore import QLibraryInfo
    from PySide6.QtGui import QGuiApplication, QImage

    from desktop.resources import icon_paths

    app = _qt_application()
    platform = QGuiApplication.platformName()
    folder = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.PluginsPath)) / "platforms"
    native = {"win32": "qwindows", "darwin": "qcocoa"}.get(sys.platform, "qxcb")
    plugins = sorted(p.stem.removeprefix("lib") for p in folder.glob("*") if p.is_file())
    if native not in plugins:
        raise CheckFailed(f"缺少本机窗口插件 {native}（{folder} 中只有 {', '.join(plugins) or '无'}）")
    for icon in icon_paths():
        image = QImage(str(icon))  # the SVG also proves the imageformats plugin (qsvg) is there
        if image.isNull():
            raise CheckFailed(f"无法读取图标 {icon}（文件缺失或缺少图像插件）")
    del app
    return f"平台 {platform}，本机插件 {native} 可用，图标可读"


def check_pdf(workdir: Path) -> str:
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph, SimpleDocTemplate

    from desktop.reports.fonts import load_fonts

    fonts = load_fonts()
    path = workdir / "self-check.pdf"
    doc = SimpleDocTemplate(str(path), pagesize=A4, title="StationDesk 自检")
    style = ParagraphStyle("check", fontName=fonts.song, fontSize=14, leading=20)
    doc.build([Paragraph(SAMPLE_TEXT, style)])
    data = path.read_bytes()
    if not data.startswith(b"%PDF-") or len(data) < 1000:
        raise CheckFailed(f"生成的 PDF 文件不完整（{len(data)} 字节）")
    # ReportLab embeds a TrueType subset as a /FontFile2 stream; without it Chinese shows as boxes.
    if b"/FontFile2" not in data:
        raise CheckFailed("生成的 PDF 没有嵌入中文字体")
    return f"{path.name}，{len(data):,} 字节，已嵌入中文字体"


def check_xlsx(workdir: Path) -> str:
    from desktop.reports.xlsx_export import write_table_xlsx

    path = workdir / "self-check.xlsx"
    rows = write_table_xlsx(path, title="自检", columns=[("项目", "text"), ("数量", "int")],
                            rows=[(SAMPLE_TEXT, 1), ("第二行", 2)])
    try:
        with zipfile.ZipFile(path) as book:
            text = "".join(book.read(n).decode("utf-8") for n in book.namelist() if n.endswith(".xml"))
    except (zipfile.BadZipFile, OSError) as exc:
        raise CheckFailed(f"生成的 Excel 文件无法读取：{exc}") from exc
    if rows != 2 or "第二行" not in text:
        raise CheckFailed("生成的 Excel 文件内容不对")
    return f"{path.name}，{path.stat().st_size:,} 字节，{rows} 行"


# --------------------------------------------------------------------------- running them


def _checks(db_url: str | None, workdir: Path) -> list[tuple[str, str, Callable[[], str]]]:
    return [
        ("resources", "数据文件", check_resources),
        ("migrations", "数据库迁移脚本", check_migrations),
        ("database", "数据库", lambda: check_database(db_url, workdir)),
        ("fonts", "PDF 中文字体", check_fonts),
        ("translations", "中文界面翻译", check_translations),
        ("qt", "Qt 平台插件与图标", check_qt),
        ("pdf", "生成 PDF", lambda: check_pdf(workdir)),
        ("xlsx", "生成 Excel", lambda: check_xlsx(workdir)),
    ]


def run_checks(db_url: str | None = None, workdir: Path | None = None) -> list[CheckResult]:
    """Run every check (each one even when an earlier one failed) and return the results."""
    from desktop.errors import StationDeskError

    results = []
    with tempfile.TemporaryDirectory(prefix="stationdesk-self-check-") as tmp:
        folder = Path(workdir or tmp)
        folder.mkdir(parents=True, exist_ok=True)
        for name, title, check in _checks(db_url, folder):
            started = time.perf_counter()
            try:
                detail, ok = check(), True
            except CheckFailed as exc:
                detail, ok = str(exc), False
            except StationDeskError as exc:
                detail, ok = " ".join(str(exc).split()), False
            except Exception as exc:  # noqa: BLE001 - a self-check reports every failure as a line
                detail, ok = f"{type(exc).__name__}: {exc}", False
            results.append(CheckResult(name, title, ok, detail, round(time.perf_counter() - started, 3)))
    return results


def format_line(result: CheckResult) -> str:
    return f"{'✓' if result.ok else '✗'} {result.title}：{result.detail}"


def main(*, db_url: str | None = None, as_json: bool = False) -> int:
    """The ``--self-check`` command: print the results; 0 when all passed, 2 otherwise."""
    from desktop import __version__

    started = time.perf_counter()
    results = run_checks(db_url)
    ok = all(r.ok for r in results)
    if as_json:
        print(json.dumps({"version": __version__, "ok": ok, "seconds": round(time.perf_counter() - started, 2),
                          "checks": [asdict(r) for r in results]}, ensure_ascii=False, indent=2))
    else:
        for result in results:
            print(format_line(result))
        failed = sum(not r.ok for r in results)
        print(f"StationDesk {__version__} 自检{'通过' if ok else f'未通过：{failed} 项失败'}"
              f"（{time.perf_counter() - started:.1f} 秒）")
    sys.stdout.flush()
    return EXIT_OK if ok else EXIT_FAILED
