"""``station-desk``: start the desktop app, or run a headless command over the same services.

Every command takes ``--db URL`` (default: the local file) and ``--json``; an error prints one
clear line and exits non-zero, never a traceback (the trace goes to the log file).
"""

from __future__ import annotations

import argparse
import contextlib
import json
import logging
import os
import sys
import time
import traceback
from collections.abc import Callable, Sequence
from datetime import datetime
from logging.handlers import RotatingFileHandler

from desktop import __version__
from desktop.errors import Cancelled, StationDeskError

EXIT_OK, EXIT_INTERNAL, EXIT_ERROR, EXIT_CANCELLED = 0, 1, 2, 130

log = logging.getLogger("desktop.cli")


class _Parser(argparse.ArgumentParser):
    """argparse with a one-line Chinese error instead of usage noise on bad arguments."""

    def error(self, message: str):
        self.exit(EXIT_ERROR, f"{self.prog}: 参数错误：{message}（用 --help 查看用法）\n")


def _common(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--db", metavar="URL", help="数据库地址或 SQLite 文件路径（默认：本机数据文件）")
    parser.add_argument("--json", action="store_true", help="以 JSON 输出，便于脚本处理")


USER_HELP = "操作人员工号（修改数据或导出个人信息时必填；密码取自环境变量 STATION_DESK_PASSWORD，否则提示输入）"
PASSWORD_ENV = "STATION_DESK_PASSWORD"


def _user_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--user", metavar="NUMBER", help=USER_HELP)


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="station-desk",
        description="StationDesk 派出所综合指挥室工作台。不带命令时启动桌面程序。",
    )
    parser.add_argument("--version", action="version", version=f"StationDesk {__version__}")
    parser.add_argument("--db", metavar="URL", help="数据库地址或 SQLite 文件路径")
    parser.add_argument("--demo", action="store_true", help="打开（必要时生成）演示派出所数据库")
    parser.add_argument("--lang", choices=["zh_CN", "en"], help="界面语言")
    parser.add_argument("--self-check", action="store_true",
                        help="自检：数据库、迁移脚本、字体、翻译、Qt 插件，生成 PDF 和 Excel，全部通过时返回 0")
    parser.add_argument("--json", action="store_true", help="自检结果以 JSON 输出")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    db = sub.add_parser("db", help="数据库：升级、信息、备份、恢复")
    db_sub = db.add_subparsers(dest="db_command", metavar="ACTION", required=True, parser_class=_Parser)
    p = db_sub.add_parser("upgrade", help="把数据库结构升级到本程序的版本（管理员）")
    _common(p)
    p = db_sub.add_parser("info", help="显示数据库类型、结构版本和各表记录数")
    _common(p)
    p = db_sub.add_parser("backup", help="备份本地 SQLite 数据库到文件（在线备份并校验）")
    p.add_argument("file", help="备份文件路径")
    _common(p)
    p = db_sub.add_parser("restore", help="用备份文件恢复本地 SQLite 数据库")
    p.add_argument("file", help="备份文件路径")
    _common(p)

    p = sub.add_parser("demo", help="在空数据库中生成演示派出所数据")
    p.add_argument("--years", type=int, default=3, help="生成多少年的数据（默认 3）")
    p.add_argument("--seed", type=int, default=1, help="随机种子：相同种子生成相同数据（默认 1）")
    _common(p)

    imp = sub.add_parser("import", help="导入 110 接处警系统导出的数据")
    imp_sub = imp.add_subparsers(dest="import_command", metavar="KIND", required=True, parser_class=_Parser)
    p = imp_sub.add_parser("incidents", help="导入警情明细表（.xlsx 或 .csv），重复导入不会产生重复记录")
    p.add_argument("file", help="导出的 .xlsx 或 .csv 文件")
    p.add_argument("--profile", metavar="NAME", help="使用已保存的列对应方案")
    p.add_argument("--dry-run", action="store_true", help="只检查并统计，不写入数据库")
    p.add_argument("--rejects", metavar="OUT.xlsx", help="把未导入的行（含原因）保存为 Excel 文件")
    p.add_argument("--station", metavar="CODE", help="派出所代码（数据库中有多个派出所时必填）")
    _user_option(p)
    _common(p)

    for kind, help_text, file_help in (
            ("cases", "导入案件台账（.xlsx 或 .csv），按案件编号重复导入不会产生重复记录", "案件台账文件"),
            ("warnings", "导入预警指令台账（.xlsx 或 .csv），重复导入不会产生重复记录", "预警台账文件")):
        p = imp_sub.add_parser(kind, help=help_text)
        p.add_argument("file", help=file_help)
        p.add_argument("--profile", metavar="NAME", help="使用已保存的列对应方案")
        p.add_argument("--dry-run", action="store_true", help="只检查并统计，不写入数据库")
        p.add_argument("--rejects", metavar="OUT.xlsx", help="把未导入的行（含原因）保存为 Excel 文件")
        p.add_argument("--station", metavar="CODE", help="派出所代码（数据库中有多个派出所时必填）")
        _user_option(p)
        if kind == "cases":
            p.add_argument("--kind", choices=["刑事", "行政"], help="文件中没有“案件类型”列时，所有案件按此类型导入")
        _common(p)

    cs = sub.add_parser("cases", help="案件：办案期限")
    cs_sub = cs.add_subparsers(dest="cases_command", metavar="ACTION", required=True, parser_class=_Parser)
    p = cs_sub.add_parser("due", help="列出 N 日内到期或已超期的未结案件（按到期日期排序）")
    p.add_argument("--days", type=int, required=True, metavar="N", help="几日内到期（0 = 今天到期及已超期）")
    p.add_argument("--station", metavar="CODE", help="派出所代码（数据库中有多个派出所时必填）")
    _common(p)

    p = sub.add_parser("repeats", help="列出一段时间内的重复警情（一人多报、一地多报、多人同报）")
    p.add_argument("--from", dest="date_from", required=True, metavar="DATE", help="开始日期，如 2025-03-01")
    p.add_argument("--to", dest="date_to", required=True, metavar="DATE", help="结束日期（含当天），如 2025-03-31")
    p.add_argument("--refresh", action="store_true", help="先按默认规则重新识别这段时间的重复警情（需 --user）")
    p.add_argument("--station", metavar="CODE", help="派出所代码（数据库中有多个派出所时必填）")
    _user_option(p)
    _common(p)

    wo = sub.add_parser("workorders", help="工单：查询列表、导出工单台账")
    wo_sub = wo.add_subparsers(dest="workorders_command", metavar="ACTION", required=True, parser_class=_Parser)
    p = wo_sub.add_parser("list", help="列出工单（可按状态、承办单位、是否超期筛选）")
    p.add_argument("--status", metavar="S", help="状态：issued/accepted/reported/returned/closed/cancelled 或中文名称")
    p.add_argument("--overdue", action="store_true", help="只列出已超期未办结的工单")
    p.add_argument("--unit", metavar="U", help="承办单位代码或名称")
    p.add_argument("--station", metavar="CODE", help="派出所代码（数据库中有多个派出所时必填）")
    _common(p)
    p = wo_sub.add_parser("ledger", help="导出一段时间内下发的工单台账（Excel 和/或 PDF）")
    p.add_argument("--from", dest="date_from", required=True, metavar="DATE", help="下发开始日期，如 2025-03-01")
    p.add_argument("--to", dest="date_to", required=True, metavar="DATE", help="下发结束日期（含当天）")
    p.add_argument("--xlsx", metavar="OUT.xlsx", help="Excel 台账文件")
    p.add_argument("--pdf", metavar="OUT.pdf", help="PDF 台账文件（A4 横向）")
    p.add_argument("--station", metavar="CODE", help="派出所代码（数据库中有多个派出所时必填）")
    _common(p)

    dp = sub.add_parser("disputes", help="矛盾纠纷：查询列表、导出台账、打印人民调解协议书")
    dp_sub = dp.add_subparsers(dest="disputes_command", metavar="ACTION", required=True, parser_class=_Parser)
    p = dp_sub.add_parser("list", help="列出矛盾纠纷（可按状态、风险等级筛选）")
    p.add_argument("--status", metavar="S", help="状态代码或中文名称")
    p.add_argument("--risk", metavar="R", help="风险等级代码或中文名称")
    p.add_argument("--station", metavar="CODE", help="派出所代码（数据库中有多个派出所时必填）")
    _common(p)
    p = dp_sub.add_parser("ledger", help="导出一段时间内登记的矛盾纠纷台账（Excel 和/或 PDF）")
    p.add_argument("--from", dest="date_from", required=True, metavar="DATE", help="登记开始日期，如 2025-03-01")
    p.add_argument("--to", dest="date_to", required=True, metavar="DATE", help="登记结束日期（含当天）")
    p.add_argument("--xlsx", metavar="OUT.xlsx", help="Excel 台账文件")
    p.add_argument("--pdf", metavar="OUT.pdf", help="PDF 台账文件（A4 横向）")
    p.add_argument("--station", metavar="CODE", help="派出所代码（数据库中有多个派出所时必填）")
    _user_option(p)
    _common(p)
    p = dp_sub.add_parser("agreement", help="把人民调解协议书（最新版本）打印成 PDF")
    p.add_argument("number", metavar="NUMBER", help="纠纷编号或协议书编号")
    p.add_argument("--pdf", required=True, metavar="OUT.pdf", help="输出的 PDF 文件")
    p.add_argument("--station", metavar="CODE", help="派出所代码（数据库中有多个派出所时必填）")
    _user_option(p)
    _common(p)

    br = sub.add_parser("briefing", help="晨会 / 周分析 / 月会商")
    br_sub = br.add_subparsers(dest="briefing_command", metavar="ACTION", required=True, parser_class=_Parser)
    p = br_sub.add_parser("compile", help="汇总某日晨会（或周分析、月会商）的数据，可输出 PDF 纪要（不保存）")
    p.add_argument("--date", required=True, metavar="DATE", help="开会日期，如 2025-03-02（晨会统计前一值班日）")
    p.add_argument("--kind", choices=["daily", "weekly", "monthly"], default="daily",
                   help="daily 晨会（默认）/ weekly 周分析 / monthly 月会商")
    p.add_argument("--pdf", metavar="OUT.pdf", help="把汇总结果写成 PDF 纪要")
    p.add_argument("--station", metavar="CODE", help="派出所代码（数据库中有多个派出所时必填）")
    _common(p)

    rp = sub.add_parser("report", help="统计报告：月度、季度或任意时段的统计报告（PDF）和上报工作簿（Excel）")
    rp_sub = rp.add_subparsers(dest="report_command", metavar="ACTION", required=True, parser_class=_Parser)
    p = rp_sub.add_parser("monthly", help="某月的统计报告（PDF）和/或上报工作簿（Excel）")
    p.add_argument("--month", required=True, metavar="YYYY-MM", help="月份，如 2026-10")
    _report_outputs(p)
    p = rp_sub.add_parser("quarterly", help="某季度的统计报告（PDF）和/或上报工作簿（Excel）")
    p.add_argument("--quarter", required=True, metavar="YYYY-Qn", help="季度，如 2026-Q4")
    _report_outputs(p)
    p = rp_sub.add_parser("period", help="任意时段（按值班日）的统计报告（PDF）和/或上报工作簿（Excel）")
    p.add_argument("--from", dest="date_from", required=True, metavar="DATE", help="第一个值班日，如 2026-10-01")
    p.add_argument("--to", dest="date_to", required=True, metavar="DATE", help="最后一个值班日（含当天）")
    _report_outputs(p)

    ex = sub.add_parser("export", help="导出：上报分局的统计工作簿")
    ex_sub = ex.add_subparsers(dest="export_command", metavar="ACTION", required=True, parser_class=_Parser)
    p = ex_sub.add_parser("hq", help="导出一段时间的上报统计工作簿（Excel，可按保存的导出方案）")
    p.add_argument("--from", dest="date_from", required=True, metavar="DATE", help="第一个值班日，如 2026-10-01")
    p.add_argument("--to", dest="date_to", required=True, metavar="DATE", help="最后一个值班日（含当天）")
    p.add_argument("--xlsx", required=True, metavar="OUT.xlsx", help="输出的 Excel 工作簿")
    p.add_argument("--profile", metavar="NAME", help="导出方案名称（选定的工作表、列和脱敏设置）")
    p.add_argument("--station", metavar="CODE", help="派出所代码（数据库中有多个派出所时必填）")
    _user_option(p)
    _common(p)

    audit = sub.add_parser("audit", help="审计日志")
    audit_sub = audit.add_subparsers(dest="audit_command", metavar="ACTION", required=True, parser_class=_Parser)
    p = audit_sub.add_parser("verify", help="校验审计日志的哈希链是否完整未被篡改")
    _common(p)
    return parser


def _report_outputs(p: argparse.ArgumentParser) -> None:
    p.add_argument("--pdf", metavar="OUT.pdf", help="统计报告 PDF 文件（A4 纵向）")
    p.add_argument("--xlsx", metavar="OUT.xlsx", help="上报统计工作簿 Excel 文件")
    p.add_argument("--profile", metavar="NAME", help="工作簿的导出方案名称")
    p.add_argument("--station", metavar="CODE", help="派出所代码（数据库中有多个派出所时必填）")
    _user_option(p)
    _common(p)


# --------------------------------------------------------------------------- commands


def _url(args: argparse.Namespace) -> str:
    from desktop.db.urls import default_url

    return args.db or default_url()


def _open(args: argparse.Namespace, *, create: bool = False):
    from desktop.db import open_database

    return open_database(_url(args), create=create)


def cmd_db_upgrade(args) -> dict:
    from desktop.db.migrate import upgrade

    db = _open(args, create=True)
    try:
        before = _status(db)
        if db.is_sqlite and before["state"] == "behind":
            from desktop.db.backup import backup_before_upgrade

            backup_before_upgrade(db)
        after = upgrade(db)
        return {"database": db.label, "from": before["current"], "to": after.current, "state": str(after.state)}
    finally:
        db.dispose()


def _status(db) -> dict:
    from desktop.db.migrate import schema_status

    s = schema_status(db)
    return {"state": str(s.state), "current": s.current, "head": s.head}


def cmd_db_info(args) -> dict:
    from desktop.services.bootstrap import table_counts

    db = _open(args)
    try:
        status = _status(db)
        counts = table_counts(db)
        return {
            "backend": db.backend,
            "database": db.label,
            "schema": status,
            "counts": counts,
        }
    finally:
        db.dispose()


def cmd_db_backup(args) -> dict:
    from desktop.db.backup import backup

    db = _open(args)
    try:
        dest = backup(db, args.file)
        return {"database": db.label, "backup": str(dest), "bytes": dest.stat().st_size}
    finally:
        db.dispose()


def cmd_db_restore(args) -> dict:
    from desktop.db.backup import backup_before_upgrade, restore

    db = _open(args)
    try:
        safety = backup_before_upgrade(db) if db.sqlite_path and db.sqlite_path.stat().st_size else None
        restore(db, args.file)
        return {"database": db.label, "restored_from": str(args.file),
                "previous_copy": str(safety) if safety else None}
    finally:
        db.dispose()


def cmd_demo(args) -> dict:
    from desktop.services.bootstrap import create_demo_database

    started = time.perf_counter()
    show = _progress_printer() if not args.json and sys.stderr.isatty() else None
    result = create_demo_database(_url(args), years=args.years, seed=args.seed, progress=show)
    if show:
        sys.stderr.write("\n")
    return {
        "database": result.db_label,
        "station_id": result.station_id,
        "seconds": round(time.perf_counter() - started, 1),
        "counts": result.counts,
    }


def _station_id(db, code: str | None) -> int:
    from desktop.services.accounts import list_stations

    stations = list_stations(db)
    if code:
        for st in stations:
            if st.code == code:
                return st.id
        raise StationDeskError(f"没有代码为 {code} 的派出所", hint="用 station-desk db info 查看数据库内容")
    if len(stations) == 1:
        return stations[0].id
    if not stations:
        raise StationDeskError("数据库中还没有派出所", hint="请先在桌面程序中完成初始设置")
    codes = "、".join(st.code for st in stations)
    raise StationDeskError(f"数据库中有多个派出所（{codes}），请用 --station 指定")


def _login(args: argparse.Namespace, db, station_id: int, action: str):
    """Authenticate ``--user`` (lock-out and audit apply as at a desk) and check ``action``.

    The password comes from the STATION_DESK_PASSWORD environment variable (for scripts), else a
    prompt that does not echo."""
    from desktop.services.accounts import authenticate
    from desktop.services.permissions import ACTIONS, require

    number = (getattr(args, "user", None) or "").strip()
    if not number:
        raise StationDeskError(f"{ACTIONS[action]}需要指定操作人员：请加上 --user 工号",
                               hint=f"密码从环境变量 {PASSWORD_ENV} 读取，未设置时会提示输入")
    password = os.environ.get(PASSWORD_ENV)
    if password is None:
        import getpass

        password = getpass.getpass(f"工号 {number} 的密码：")
    login = authenticate(db, number=number, password=password, station_id=station_id)
    require(login, action)
    return login


def _parse_date(text: str, what: str):
    from datetime import date

    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise StationDeskError(f"{what}格式不正确：{text}", hint="请写成 2025-03-01 这样的日期") from None


def _day_range(args: argparse.Namespace):
    """``--from`` / ``--to`` (both days included) as (first day, last day, start, end): ``[start, end)``
    runs from the first day's midnight to the midnight after the last day."""
    from datetime import datetime, time, timedelta

    first = _parse_date(args.date_from, "开始日期")
    last = _parse_date(args.date_to, "结束日期")
    if last < first:
        raise StationDeskError("结束日期早于开始日期")
    return first, last, datetime.combine(first, time()), datetime.combine(last, time()) + timedelta(days=1)


def cmd_import_incidents(args) -> dict:
    from desktop.db.migrate import prepare
    from desktop.services.incident_import import analyse, load_profile, run_import, write_rejects

    db = _open(args)
    try:
        prepare(db)
        station_id = _station_id(db, args.station)
        profile = load_profile(db, station_id, args.profile) if args.profile else None
        # A dry run writes nothing: no log-in needed to check a file.
        staff_id = None if args.dry_run else _login(args, db, station_id, "import.run").staff_id
        analysis = analyse(args.file, profile=profile, profile_name=args.profile)
        show = _progress_printer("导入警情") if not args.json and sys.stderr.isatty() else None
        summary = run_import(db, station_id, staff_id, analysis, dry_run=args.dry_run, progress=show)
        if show:
            sys.stderr.write("\n")
        rejects = None
        if args.rejects and summary.not_imported():
            write_rejects(summary, args.rejects)
            rejects = str(args.rejects)
        return {
            "file": analysis.file_name, "dry_run": summary.dry_run, "batch_id": summary.batch_id,
            "counts": summary.counts(), "rejects_file": rejects,
            "rejected": [{"row": p.row, "reason": p.reason} for p in summary.rejected],
            "conflicts": [{"row": p.row, "number": p.number, "reason": p.reason} for p in summary.conflicts],
            "review": [{"row": p.row, "number": p.number, "reason": p.reason} for p in summary.review],
        }
    finally:
        db.dispose()


def _import_result(analysis, summary, rejects: str | None) -> dict:
    return {
        "file": analysis.file_name, "dry_run": summary.dry_run, "batch_id": summary.batch_id,
        "counts": summary.counts(), "rejects_file": rejects,
        "rejected": [{"row": p.row, "reason": p.reason} for p in summary.rejected],
        "conflicts": [{"row": p.row, "number": p.number, "reason": p.reason} for p in summary.conflicts],
        "review": [{"row": p.row, "number": p.number, "reason": p.reason} for p in summary.review],
    }


def _case_rules():
    """The case rules: the settings' defaults (the desk's own settings live in Qt's store)."""
    from desktop.services.cases import CaseRules
    from desktop.settings import Settings

    return CaseRules.from_settings(Settings.from_values({}))


def cmd_import_cases(args) -> dict:
    from desktop.db.migrate import prepare
    from desktop.services.case_import import analyse, load_profile, run_import, write_rejects

    db = _open(args)
    try:
        prepare(db)
        station_id = _station_id(db, args.station)
        profile = load_profile(db, station_id, args.profile) if args.profile else None
        staff_id = None if args.dry_run else _login(args, db, station_id, "import.run").staff_id
        analysis = analyse(args.file, profile=profile, profile_name=args.profile)
        show = _progress_printer("导入案件") if not args.json and sys.stderr.isatty() else None
        summary = run_import(db, station_id, staff_id, analysis, rules=_case_rules(), default_kind=args.kind,
                             dry_run=args.dry_run, progress=show)
        if show:
            sys.stderr.write("\n")
        rejects = None
        if args.rejects and summary.not_imported():
            write_rejects(summary, args.rejects)
            rejects = str(args.rejects)
        return _import_result(analysis, summary, rejects)
    finally:
        db.dispose()


def cmd_import_warnings(args) -> dict:
    from desktop.db.migrate import prepare
    from desktop.services.case_import import load_profile
    from desktop.services.warning_import import analyse_warnings, run_warning_import, write_warning_rejects

    db = _open(args)
    try:
        prepare(db)
        station_id = _station_id(db, args.station)
        profile = load_profile(db, station_id, args.profile, kind="warning") if args.profile else None
        staff_id = None if args.dry_run else _login(args, db, station_id, "import.run").staff_id
        analysis = analyse_warnings(args.file, profile=profile, profile_name=args.profile)
        show = _progress_printer("导入预警") if not args.json and sys.stderr.isatty() else None
        summary = run_warning_import(db, station_id, staff_id, analysis, dry_run=args.dry_run, progress=show)
        if show:
            sys.stderr.write("\n")
        rejects = None
        if args.rejects and summary.not_imported():
            write_warning_rejects(summary, args.rejects)
            rejects = str(args.rejects)
        return _import_result(analysis, summary, rejects)
    finally:
        db.dispose()


def cmd_cases_due(args) -> dict:
    from datetime import date

    from desktop.db.migrate import prepare
    from desktop.services.cases import CASE_STATUS_LABELS, KIND_LABELS, cases_due

    if args.days < 0:
        raise StationDeskError("--days 不能为负数")
    today = date.today()
    db = _open(args)
    try:
        prepare(db)
        station_id = _station_id(db, args.station)
        rows = cases_due(db, station_id, within_days=args.days, today=today)
        return {"today": today.isoformat(), "days": args.days, "cases": [
            {"number": r.number, "kind": r.kind, "kind_label": KIND_LABELS.get(r.kind, r.kind), "title": r.title,
             "stage": r.stage, "accepted_at": r.accepted_at.isoformat(" ", "minutes"),
             "due_date": r.due_at.date().isoformat(), "days_left": r.days_left, "overdue": r.overdue,
             "status": r.status, "status_label": CASE_STATUS_LABELS.get(r.status, r.status),
             "officer": r.officer, "unit": r.unit}
            for r in rows
        ]}
    finally:
        db.dispose()


def cmd_repeats(args) -> dict:
    from datetime import timedelta

    from desktop.db.migrate import prepare
    from desktop.services.repeats import clusters_in_range

    _first, _last, start, end = _day_range(args)
    db = _open(args)
    try:
        prepare(db)
        station_id = _station_id(db, args.station)
        if args.refresh:
            from desktop.services.incidents import refresh_repeat_clusters

            login = _login(args, db, station_id, "repeats.refresh")
            refresh_repeat_clusters(db, station_id, login.staff_id, start, end)
        with db.session(station_id=station_id) as s:
            rows = clusters_in_range(s, station_id, start, end)
        return {
            "from": start.date().isoformat(), "to": (end - timedelta(days=1)).date().isoformat(),
            "clusters": [
                {"id": r.id, "kind": r.kind, "match_key": r.match_key, "first_at": r.first_at.isoformat(" "),
                 "last_at": r.last_at.isoformat(" "), "count": r.incident_count, "status": r.status,
                 "incidents": list(r.numbers)}
                for r in rows
            ],
        }
    finally:
        db.dispose()


def cmd_workorders_list(args) -> dict:
    from desktop.db.migrate import prepare
    from desktop.models.enums import WorkOrderStatus
    from desktop.services.work_order_documents import iter_ledger_rows, ledger_filter, overdue_filter, unit_id_for
    from desktop.services.work_order_labels import STATUS_LABELS

    equals: dict = {}
    if args.status:
        by_label = {label: value for value, label in STATUS_LABELS.items()}
        status = by_label.get(args.status.strip(), args.status.strip())
        if status not in {s.value for s in WorkOrderStatus}:
            raise StationDeskError(f"没有这种工单状态：{args.status}",
                                   hint="可用：" + "、".join(f"{k}（{v}）" for k, v in STATUS_LABELS.items()))
        equals["status"] = status
    now = datetime.now()
    db = _open(args)
    try:
        prepare(db)
        station_id = _station_id(db, args.station)
        if args.unit:
            equals["unit_id"] = unit_id_for(db, station_id, args.unit)
        ranges: dict = {}
        if args.overdue:
            equals, ranges = overdue_filter(now, equals=equals)
        rows = iter_ledger_rows(db, station_id, ledger_filter(equals=equals, ranges=ranges), now=now)
        return {"orders": [
            {"number": r.number, "title": r.title, "status": r.status, "unit": r.unit, "assignee": r.assignee,
             "deadline": r.deadline.isoformat(" ", "minutes") if r.deadline else None, "overdue": bool(r.overdue)}
            for r in rows
        ]}
    finally:
        db.dispose()


def cmd_workorders_ledger(args) -> dict:
    from datetime import timedelta

    from desktop.db.migrate import prepare
    from desktop.services.work_order_documents import StationActor, write_ledger

    _first, _last, start, end = _day_range(args)
    if not args.xlsx and not args.pdf:
        raise StationDeskError("请用 --xlsx 或 --pdf 指定输出文件")
    db = _open(args)
    try:
        prepare(db)
        station_id = _station_id(db, args.station)
        # issued_at in [start, end): the range is inclusive, so end a microsecond earlier.
        show = _progress_printer("导出工单台账") if not args.json and sys.stderr.isatty() else None
        rows = write_ledger(db, StationActor(station_id), args.xlsx, args.pdf,
                            ranges={"issued_at": (start, end - timedelta(microseconds=1))}, progress=show,
                            subtitle=f"下发时间 {start:%Y-%m-%d} 至 {end - timedelta(days=1):%Y-%m-%d}")
        if show:
            sys.stderr.write("\n")
        return {"from": start.date().isoformat(), "to": (end - timedelta(days=1)).date().isoformat(),
                "orders": rows, "xlsx": args.xlsx, "pdf": args.pdf}
    finally:
        db.dispose()


def _dispute_choice(query, key: str, text: str, what: str) -> str:
    """A stored code from a code or its Chinese label (the list column's labels)."""
    labels = next((c.labels for c in query.columns if c.key == key), None) or {}
    wanted = text.strip()
    by_label = {label: code for code, label in labels.items()}
    code = by_label.get(wanted, wanted)
    if labels and code not in labels:
        raise StationDeskError(f"没有这种{what}：{text}",
                               hint="可用：" + "、".join(f"{k}（{v}）" for k, v in labels.items()))
    return code


def cmd_disputes_list(args) -> dict:
    from desktop.db.migrate import prepare
    from desktop.services.disputes import dispute_list_query
    from desktop.services.paging import Filter, Sort

    db = _open(args)
    try:
        prepare(db)
        station_id = _station_id(db, args.station)
        query = dispute_list_query(db, station_id, None)
        equals: dict = {}
        if args.status:
            equals["status"] = _dispute_choice(query, "status", args.status, "纠纷状态")
        if args.risk:
            equals["risk"] = _dispute_choice(query, "risk", args.risk, "风险等级")
        specs = list(query.columns)
        out = []
        for row in query.iter_rows(filter=Filter(equals=equals), sort=Sort("registered_at")):
            item = {}
            for spec, value in zip(specs, row[1:], strict=True):
                if spec.key == "tone":  # a colour hint for the list screen
                    continue
                if spec.labels and value is not None:
                    value = spec.labels.get(str(value), value)
                if isinstance(value, datetime):
                    value = value.isoformat(" ", "minutes")
                item[spec.key] = value
            out.append(item)
        return {"disputes": out}
    finally:
        db.dispose()


def cmd_disputes_ledger(args) -> dict:
    from datetime import timedelta

    from desktop.db.migrate import prepare
    from desktop.services.dispute_documents import write_dispute_ledger

    _first, _last, start, end = _day_range(args)
    if not args.xlsx and not args.pdf:
        raise StationDeskError("请用 --xlsx 或 --pdf 指定输出文件")
    db = _open(args)
    try:
        prepare(db)
        station_id = _station_id(db, args.station)
        login = _login(args, db, station_id, "personal.view")
        rows = write_dispute_ledger(db, login, args.xlsx, args.pdf,
                                    ranges={"registered_at": (start, end - timedelta(microseconds=1))},
                                    subtitle=f"登记时间 {start:%Y-%m-%d} 至 {end - timedelta(days=1):%Y-%m-%d}")
        return {"from": start.date().isoformat(), "to": (end - timedelta(days=1)).date().isoformat(),
                "disputes": rows, "xlsx": args.xlsx, "pdf": args.pdf}
    finally:
        db.dispose()


def cmd_disputes_agreement(args) -> dict:
    from desktop.db.migrate import prepare
    from desktop.services.dispute_documents import agreement_document, latest_agreement_id, print_agreement

    db = _open(args)
    try:
        prepare(db)
        station_id = _station_id(db, args.station)
        agreement_id = latest_agreement_id(db, station_id, args.number)
        login = _login(args, db, station_id, "personal.view")
        pages = print_agreement(db, login, agreement_id, args.pdf)
        doc = agreement_document(db, station_id, agreement_id)
        return {"number": doc.number, "version": doc.version, "signed": doc.signed, "pages": pages,
                "parties": [p.name for p in doc.parties], "pdf": args.pdf}
    finally:
        db.dispose()


def cmd_briefing_compile(args) -> dict:
    from sqlalchemy import select

    from desktop.db.migrate import prepare
    from desktop.models.org import Station
    from desktop.services.briefings import compile_briefing, period_for

    day = _parse_date(args.date, "开会日期")
    db = _open(args)
    try:
        prepare(db)
        station_id = _station_id(db, args.station)
        with db.session(station_id=station_id) as s:
            name, cutover = s.execute(select(Station.name, Station.cutover_hour).where(Station.id == station_id)).one()
        start, end = period_for(args.kind, day, cutover)
        compiled = compile_briefing(db, station_id, args.kind, start, end)
    finally:
        db.dispose()
    pages = None
    if args.pdf:
        from desktop.reports.briefing_pdf import write_minutes_pdf

        # Compile-only: nothing is stored, so the minutes carry the figures and no analysis or directives.
        view = {"kind": args.kind, "period_start": start, "period_end": end, "status": "draft", "compiled": compiled}
        pages = write_minutes_pdf(args.pdf, station_name=name, view_like=view)
    return {"station": name, "kind": args.kind, "date": day.isoformat(), "period_start": start.isoformat(" "),
            "period_end": end.isoformat(" "), "compiled": compiled, "pdf": args.pdf, "pages": pages}


def cmd_audit_verify(args) -> dict:
    from desktop.db.audit import chain_ids, verify_chain
    from desktop.db.migrate import SchemaState, schema_status
    from desktop.errors import AuditTamperError, SchemaError

    db = _open(args)
    try:
        if schema_status(db).state is not SchemaState.CURRENT:
            raise SchemaError("数据库结构不是当前版本，无法校验审计日志", hint="请先运行 station-desk db upgrade")
        with db.engine.connect() as conn:
            reports = [verify_chain(conn, cid) for cid in chain_ids(conn)]
        result = {
            "database": db.label,
            "chains": [
                {"chain": r.chain_id, "entries": r.entries, "ok": r.ok, "problem": r.problem} for r in reports
            ],
        }
        bad = [r for r in reports if not r.ok]
        if bad:
            raise AuditTamperError(
                f"审计日志校验失败：链 {bad[0].chain_id} {bad[0].problem}", hint="日志可能被改动，请报告管理员"
            )
        return result
    finally:
        db.dispose()


def _report_period(args, db, station_id: int):
    """The statistics period a report command names (--month, --quarter or --from/--to)."""
    import re
    from datetime import date

    from desktop.services.station_report import station_period

    if getattr(args, "month", None) is not None:
        m = re.fullmatch(r"\s*(\d{4})-(\d{1,2})\s*", args.month)
        if not m or not 1 <= int(m.group(2)) <= 12:
            raise StationDeskError(f"月份格式不正确：{args.month}", hint="请写成 2026-10 这样的年月")
        return station_period(db, station_id, "month", date(int(m.group(1)), int(m.group(2)), 1))
    if getattr(args, "quarter", None) is not None:
        m = re.fullmatch(r"\s*(\d{4})-?[Qq]([1-4])\s*", args.quarter)
        if not m:
            raise StationDeskError(f"季度格式不正确：{args.quarter}", hint="请写成 2026-Q4 这样的季度")
        return station_period(db, station_id, "quarter", date(int(m.group(1)), 3 * int(m.group(2)) - 2, 1))
    first, last, _start, _end = _day_range(args)
    return station_period(db, station_id, "custom", first, last_day=last)


def _report_actor(args, db, station_id: int):
    """Without --user the CLI acts as the station with no staff member and no roles, like
    `workorders ledger` (a scheduled run): the workbook is masked. With --user a duty officer or
    chief logs in and exports with that role's rights."""
    from desktop.services.work_order_documents import StationActor

    if getattr(args, "user", None):
        return _login(args, db, station_id, "report.export_hq")
    return StationActor(station_id)


def _report_outputs_check(args) -> None:
    if not args.pdf and not args.xlsx:
        raise StationDeskError("请用 --pdf 或 --xlsx 指定输出文件")


def cmd_report(args) -> dict:
    from desktop.db.migrate import prepare
    from desktop.services.hq_export import write_hq_workbook
    from desktop.services.station_report import write_station_report

    _report_outputs_check(args)
    db = _open(args)
    try:
        prepare(db)
        station_id = _station_id(db, args.station)
        period = _report_period(args, db, station_id)
        actor = _report_actor(args, db, station_id)
        sheets = None
        if args.pdf:
            write_station_report(db, actor, period, args.pdf)
        if args.xlsx:
            try:
                sheets = write_hq_workbook(db, actor, period, args.xlsx, profile=args.profile)
            except BaseException:
                if args.pdf:  # all or nothing, as the ledgers
                    with contextlib.suppress(OSError):
                        os.unlink(args.pdf)
                raise
        return {"period": period.label, "from": period.first_day.isoformat(), "to": period.last_day.isoformat(),
                "pdf": args.pdf, "xlsx": args.xlsx, "sheets": sheets}
    finally:
        db.dispose()


def cmd_export_hq(args) -> dict:
    from desktop.db.migrate import prepare
    from desktop.services.hq_export import write_hq_workbook

    db = _open(args)
    try:
        prepare(db)
        station_id = _station_id(db, args.station)
        period = _report_period(args, db, station_id)
        sheets = write_hq_workbook(db, _report_actor(args, db, station_id), period, args.xlsx,
                                   profile=args.profile)
        return {"period": period.label, "from": period.first_day.isoformat(), "to": period.last_day.isoformat(),
                "xlsx": args.xlsx, "profile": args.profile, "sheets": sheets}
    finally:
        db.dispose()


def _progress_printer(what: str = "生成演示数据") -> Callable[[int, int, str], None]:
    def show(done: int, total: int, text: str) -> None:
        pct = 100 * done // total if total else 0
        sys.stderr.write(f"\r{what} {pct:3d}%  {text}" + " " * 10)
        sys.stderr.flush()

    return show


# --------------------------------------------------------------------------- output


def _print_human(command: str, result: dict) -> None:
    if command == "db info":
        print(f"数据库类型：{result['backend']}")
        print(f"数据库：{result['database']}")
        s = result["schema"]
        state = {"current": "当前版本", "behind": "需要升级", "empty": "空库（未初始化）",
                 "newer": "比本程序新", "foreign": "不是 StationDesk 数据库"}.get(s["state"], s["state"])
        print(f"结构版本：{s['current'] or '无'}（本程序：{s['head']}，{state}）")
        if result["counts"]:
            print("记录数：")
            width = max(len(n) for n in result["counts"])
            for name, count in result["counts"].items():
                print(f"  {name.ljust(width)}  {count:>12,}")
    elif command == "db upgrade":
        if result["from"] == result["to"]:
            print(f"{result['database']} 已是最新结构版本 {result['to']}，无需升级")
        else:
            print(f"已升级 {result['database']}：{result['from'] or '空库'} → {result['to']}")
    elif command == "db backup":
        print(f"已备份到 {result['backup']}（{result['bytes']:,} 字节，已校验）")
    elif command == "db restore":
        extra = f"；恢复前的数据已另存为 {result['previous_copy']}" if result["previous_copy"] else ""
        print(f"已从 {result['restored_from']} 恢复 {result['database']}{extra}")
    elif command == "demo":
        c = result["counts"]
        print(f"演示派出所已生成：{result['database']}（用时 {result['seconds']} 秒）")
        print(f"  警情 {c.get('incidents', 0):,} 起，案件 {c.get('cases', 0):,} 件，"
              f"工单 {c.get('work_orders', 0):,} 张，矛盾纠纷 {c.get('disputes', 0):,} 件，"
              f"人员 {c.get('staff', 0):,} 名")
    elif command in ("import incidents", "import cases", "import warnings"):
        c = result["counts"]
        head = "检查完成（未写入数据库）" if result["dry_run"] else "导入完成"
        print(f"{head}：{result['file']}")
        print(f"  读取 {c['read']:,} 行：新增 {c['imported']:,}，已存在 {c['already_present']:,}，"
              f"文件内重复 {c['duplicates_in_file']:,}，编号冲突 {c['conflicts']:,}，拒绝 {c['rejected']:,}，"
              f"需复核 {c['review']:,}")
        for item in (result["rejected"] + result["conflicts"])[:20]:
            print(f"  第 {item['row']} 行：{item['reason']}")
        if result["rejects_file"]:
            print(f"未导入的行已保存到 {result['rejects_file']}")
    elif command == "cases due":
        cases = result["cases"]
        print(f"{result['days']} 日内到期或已超期的未结案件 {len(cases)} 件（{result['today']}）")
        for c in cases:
            left = f"超期 {-c['days_left']} 日" if c["overdue"] else f"剩余 {c['days_left']} 日"
            print(f"  {c['number']}  {c['kind_label']}  到期 {c['due_date']}  {left}  {c['status_label']}  "
                  f"{c['officer'] or '—'}  {c['title']}")
    elif command == "repeats":
        labels = {"same_caller": "一人多报", "same_place": "一地多报", "same_event": "多人同报"}
        print(f"{result['from']} 至 {result['to']} 重复警情 {len(result['clusters'])} 组")
        for c in result["clusters"]:
            print(f"  {labels.get(c['kind'], c['kind'])}  {c['first_at'][:16]}–{c['last_at'][:16]}  "
                  f"{c['count']} 起  {c['match_key']}  {'、'.join(c['incidents'])}")
    elif command == "workorders list":
        orders = result["orders"]
        print(f"工单 {len(orders)} 张")
        for o in orders:
            flag = "  【超期】" if o["overdue"] else ""
            print(f"  {o['number']}  {o['status']}  {o['unit']}  {o['assignee'] or '—'}  "
                  f"时限 {o['deadline'] or '—'}  {o['title']}{flag}")
    elif command == "workorders ledger":
        files = "、".join(f for f in (result["xlsx"], result["pdf"]) if f)
        print(f"{result['from']} 至 {result['to']} 下发的工单 {result['orders']} 张，台账已保存到 {files}")
    elif command == "disputes list":
        items = result["disputes"]
        print(f"矛盾纠纷 {len(items)} 件")
        for d in items:
            keys = ("number", "registered_at", "status", "risk", "cause")
            print("  " + "  ".join(str(d.get(k) or "—") for k in keys))
    elif command == "disputes ledger":
        files = "、".join(f for f in (result["xlsx"], result["pdf"]) if f)
        print(f"{result['from']} 至 {result['to']} 登记的矛盾纠纷 {result['disputes']} 件，台账已保存到 {files}")
    elif command == "disputes agreement":
        state = "已签订" if result["signed"] else "草稿"
        print(f"人民调解协议书 {result['number']}（第{result['version']}版，{state}，{result['pages']} 页，"
              f"当事人 {'、'.join(result['parties'])}）已保存到 {result['pdf']}")
    elif command == "briefing compile":
        _print_briefing(result)
    elif command in ("report monthly", "report quarterly", "report period", "export hq"):
        print(f"{result['period']}（{result['from']} 至 {result['to']}）")
        if result.get("pdf"):
            print(f"  统计报告已保存到 {result['pdf']}")
        if result.get("xlsx"):
            sheets = "，".join(f"{name} {n:,} 行" for name, n in (result["sheets"] or {}).items())
            print(f"  上报工作簿已保存到 {result['xlsx']}（{sheets}）")
    elif command == "audit verify":
        for chain in result["chains"]:
            print(f"链 {chain['chain']}：{chain['entries']:,} 条，完整")
        if not result["chains"]:
            print("审计日志为空")
    else:  # pragma: no cover - every command is listed above
        print(json.dumps(result, ensure_ascii=False, indent=2, default=str))


def _print_briefing(result: dict) -> None:
    from desktop.reports.briefing_pdf import KIND_TITLES, pct

    c = result["compiled"]
    inc, rep, cases, warn, disp, wo = (c.get(k) or {} for k in
                                       ("incidents", "repeats", "cases", "warnings", "disputes", "work_orders"))
    print(f"{result['station']}{KIND_TITLES.get(result['kind'], '')}（{result['date']}）")
    print(f"统计时段：{result['period_start'][:16]} 至 {result['period_end'][:16]}")
    line = (f"警情 {inc.get('total', 0)} 起；上期 {inc.get('prev', 0)} 起，环比 {pct(inc.get('change_prev_pct'))}；"
            f"去年同期 {inc.get('last_year', 0)} 起，同比 {pct(inc.get('change_year_pct'))}")
    if "avg3" in inc:
        line += f"；近三年均值 {inc['avg3']:.1f} 起，较均值 {pct(inc.get('change_avg3_pct'))}"
    print(line)
    for cat in (inc.get("by_category") or [])[:10]:
        print(f"  {cat['name']}  {cat['count']}（上期 {cat['prev']}，去年同期 {cat['last_year']}）")
    print(f"重复警情 {rep.get('total', 0)} 组")
    print(f"案件：受理 {cases.get('accepted', 0)} 件，结案 {cases.get('closed', 0)} 件，"
          f"临期治安案件 {len(cases.get('admin_due') or [])} 件（超期 {cases.get('admin_overdue', 0)} 件）")
    print(f"预警：接收 {warn.get('received', 0)} 条，未处置 {warn.get('not_acted', 0)} 条，"
          f"逾期 {warn.get('overdue', 0)} 条")
    print(f"矛盾纠纷：登记 {disp.get('registered', 0)} 件，高风险 {len(disp.get('high_risk') or [])} 件，"
          f"民转刑风险 {len(disp.get('criminal_risk') or [])} 件")
    print(f"工单：下发 {wo.get('issued', 0)} 张，办结 {wo.get('closed', 0)} 张，超期 {wo.get('overdue', 0)} 张")
    if result["pdf"]:
        print(f"纪要已保存到 {result['pdf']}（{result['pages']} 页）")


COMMANDS: dict[str, Callable[[argparse.Namespace], dict]] = {
    "db upgrade": cmd_db_upgrade,
    "db info": cmd_db_info,
    "db backup": cmd_db_backup,
    "db restore": cmd_db_restore,
    "demo": cmd_demo,
    "audit verify": cmd_audit_verify,
    "import incidents": cmd_import_incidents,
    "import cases": cmd_import_cases,
    "import warnings": cmd_import_warnings,
    "cases due": cmd_cases_due,
    "repeats": cmd_repeats,
    "workorders list": cmd_workorders_list,
    "workorders ledger": cmd_workorders_ledger,
    "briefing compile": cmd_briefing_compile,
    "disputes list": cmd_disputes_list,
    "disputes ledger": cmd_disputes_ledger,
    "disputes agreement": cmd_disputes_agreement,
    "report monthly": cmd_report,
    "report quarterly": cmd_report,
    "report period": cmd_report,
    "export hq": cmd_export_hq,
}


def _command_name(args: argparse.Namespace) -> str | None:
    if args.command == "db":
        return f"db {args.db_command}"
    if args.command == "audit":
        return f"audit {args.audit_command}"
    if args.command == "import":
        return f"import {args.import_command}"
    if args.command == "workorders":
        return f"workorders {args.workorders_command}"
    if args.command == "cases":
        return f"cases {args.cases_command}"
    if args.command == "briefing":
        return f"briefing {args.briefing_command}"
    if args.command == "disputes":
        return f"disputes {args.disputes_command}"
    if args.command == "report":
        return f"report {args.report_command}"
    if args.command == "export":
        return f"export {args.export_command}"
    return args.command


def _log_file_handler() -> RotatingFileHandler | None:
    try:
        from desktop.db.urls import data_dir

        folder = data_dir() / "logs"
        folder.mkdir(exist_ok=True)
        return RotatingFileHandler(folder / "station-desk.log", maxBytes=2_000_000, backupCount=5, encoding="utf-8")
    except OSError:
        return None


def main(argv: Sequence[str] | None = None) -> int:
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(encoding="utf-8", errors="replace")
    args = build_parser().parse_args(argv)
    command = _command_name(args)
    if command is None and args.self_check:
        from desktop.self_check import main as self_check

        code = self_check(db_url=args.db, as_json=args.json)
        # The check made a QGuiApplication: leave as the desktop app does (see below).
        logging.shutdown()
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(code)
    if command is None:
        from desktop.app import run

        code = run(db_url=args.db, demo=args.demo, lang=args.lang)
        # Everything is saved and closed by now. Leaving without interpreter finalisation spares
        # the user PySide6's teardown abort (bool_dealloc in the garbage collector, PySide6 6.12 on
        # Python 3.11) after a clean close; see tests/conftest.py.
        logging.shutdown()
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(code)
    try:
        result = COMMANDS[command](args)
    except Cancelled:
        print("已取消，数据库未改变", file=sys.stderr)
        return EXIT_CANCELLED
    except KeyboardInterrupt:
        print("已中断，数据库未改变", file=sys.stderr)
        return EXIT_CANCELLED
    except StationDeskError as exc:
        _emit_error(args, str(exc), exc.code)
        return EXIT_ERROR
    except Exception as exc:  # noqa: BLE001 - the last line of defence: log it, show one line
        ref = datetime.now().strftime("E%Y%m%d%H%M%S")
        handler = _log_file_handler()
        where = ""
        if handler is not None:
            handler.emit(logging.LogRecord("desktop.cli", logging.ERROR, __file__, 0,
                                           f"{ref} {command}\n{traceback.format_exc()}", None, None))
            handler.close()
            where = f"，详细信息已写入 {handler.baseFilename}"
        _emit_error(args, f"内部错误（参考号 {ref}）：{type(exc).__name__}: {exc}{where}", "internal")
        return EXIT_INTERNAL
    try:
        if args.json:
            print(json.dumps(result, ensure_ascii=False, indent=2, default=str))
        else:
            _print_human(command, result)
        sys.stdout.flush()
    except BrokenPipeError:  # output piped into `head` and the like
        sys.stderr.close()
    return EXIT_OK


def _emit_error(args: argparse.Namespace, message: str, code: str) -> None:
    one_line = " ".join(message.split())
    if getattr(args, "json", False):
        print(json.dumps({"error": one_line, "code": code}, ensure_ascii=False))
    print(f"station-desk: 错误：{one_line}", file=sys.stderr)


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
