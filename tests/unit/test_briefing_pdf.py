"""The 晨会纪要 / 周分析 / 月会商 minutes PDF (DESIGN.md §5), read back with pypdf."""

from __future__ import annotations

from datetime import datetime
from types import SimpleNamespace

from pypdf import PdfReader

from desktop.reports.briefing_pdf import pct, write_minutes_pdf


def sample_view(kind="daily", **over):
    by_hour = [3, 1, 0, 0, 1, 2, 4, 6, 9, 7, 5, 6, 8, 4, 3, 5, 7, 9, 11, 8, 6, 5, 4, 2]
    compiled = {
        "incidents": {
            "total": 115, "prev": 100, "last_year": 0, "change_prev_pct": 15.0, "change_year_pct": None,
            "by_category": [
                {"code": "0101", "name": "盗窃", "count": 12, "prev": 10, "last_year": 0},
                {"code": "0201", "name": "邻里纠纷", "count": 30, "prev": 40, "last_year": 25},
            ],
            "by_community": [{"name": "东山社区", "count": 40}, {"name": "西湖社区", "count": 22}],
            "by_grid": [{"name": "东山一网格", "count": 18}],
            "by_hour": by_hour,
            "notable": [{"number": "JQ20261122000123", "at": datetime(2026, 11, 22, 21, 5),
                         "category": "盗窃", "address": "东山路12号", "summary": "电动车被盗"}],
        },
        "repeats": {"total": 1, "by_kind": {"same_caller": 1, "same_place": 0, "same_event": 0},
                    "clusters": [{"id": 4, "kind": "same_caller", "match_key": "13800000000", "count": 3,
                                  "numbers": ["JQ1", "JQ2", "JQ3"]}]},
        "cases": {"admin_due": [{"id": 1, "number": "XA-2026-0042", "kind": "administrative", "title": "殴打他人案",
                                 "stage": "调查", "due_at": "2026-11-20T00:00:00", "officer": "张伟",
                                 "overdue": True}],
                  "admin_overdue": 1, "criminal_due": [], "accepted": 4, "closed": 2},
        "warnings": {"received": 5, "by_kind": {"fraud": 4, "stability": 0, "public_order": 1, "hazard": 0,
                                                 "other": 0}, "not_acted": 2, "overdue": 1},
        "disputes": {"registered": 2, "high_risk": [], "follow_ups_due": [],
                     "criminal_risk": [{"id": 9, "number": "MD-2026-0009", "nature": "neighbour", "risk_level": "high",
                                        "criminal_risk": True, "status": "mediating", "summary": "宅基地边界争执"}]},
        "work_orders": {"issued": 6, "closed": 3, "overdue": 1, "issued_by_unit": {"社区警务队": 6},
                        "closed_by_unit": {"社区警务队": 3}, "overdue_by_unit": {"社区警务队": 1},
                        "open_from_directives": [{"id": 5, "number": "GD-2026-000005", "title": "走访独居老人",
                                                  "unit": "社区警务队", "status": "accepted",
                                                  "deadline": "2026-11-22T18:00:00", "overdue": True}]},
    }
    if kind == "monthly":
        compiled["incidents"].update(avg3=98.3, change_avg3_pct=17.0)
    view = {
        "kind": kind, "period_start": datetime(2026, 11, 22, 8), "period_end": datetime(2026, 11, 23, 8),
        "status": "signed", "held_at": datetime(2026, 11, 23, 8, 30), "chair": (3, "王强"),
        "attendees": "王强、张伟、李娜", "analysis": "夜间盗窃警情上升，集中在东山社区。\n建议加强巡逻。",
        "compiled": compiled, "signed_at": datetime(2026, 11, 23, 9, 0), "signed_by": (4, "刘所长"),
        "addenda": [{"text": "补充：西湖社区增派巡逻一组", "by": 3, "at": "2026-11-23T10:00:00"}],
        "directives": [SimpleNamespace(
            seq=1, text="加强东山社区夜间巡逻防控",
            targets=[(1, "社区警务队", 2, "张伟"), (3, "案件办理队", None, None)],
            priority="urgent", deadline=datetime(2026, 11, 24, 8), orders=[(7, "GD-2026-000007", "issued")])],
    }
    view.update(over)
    return view


def _fonts_in(reader):
    found = []
    for page in reader.pages:
        for _name, ref in page["/Resources"].get("/Font", {}).items():
            font = ref.get_object()
            descendants = font.get("/DescendantFonts")
            for f in ([d.get_object() for d in descendants] if descendants else [font]):
                found.append((str(f.get("/BaseFont")), f.get("/FontDescriptor")))
    return found


def test_daily_minutes_read_back(tmp_path):
    out = tmp_path / "晨会纪要.pdf"
    pages = write_minutes_pdf(out, station_name="东山派出所", view_like=sample_view())
    reader = PdfReader(str(out))
    assert len(reader.pages) == pages and pages in range(1, 7)
    text = "".join(p.extract_text() for p in reader.pages)
    compact = text.replace(" ", "").replace("\n", "")
    assert "东山派出所晨会纪要" in compact
    for heading in ("一、警情概况", "二、重复警情", "三、执法动态", "四、预警信息", "五、矛盾纠纷", "六、工单情况",
                    "七、研判意见", "八、工作指令", "九、补充记录"):
        assert heading in compact, heading
    assert "邻里纠纷" in compact and "+20.0%" in compact and "-25.0%" in compact
    assert "加强东山社区夜间巡逻防控" in compact and "GD-2026-000007" in compact
    assert "社区警务队（张伟）" in compact and "签发：刘所长" in compact and "主持人：王强" in compact
    assert "一人多报1组" in compact and "XA-2026-0042" in compact and "【已超期】" in compact
    assert "反诈4条" in compact and "MD-2026-0009" in compact and "GD-2026-000005" in compact
    assert "-1-" in compact
    embedded = [(name, desc) for name, desc in _fonts_in(reader) if name.startswith("/SD-") or "+" in name]
    assert embedded and all(desc is not None and desc.get_object().get("/FontFile2") for _n, desc in embedded)
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".part")]


def test_kinds_have_their_titles_and_monthly_average(tmp_path):
    out = tmp_path / "m.pdf"
    write_minutes_pdf(out, station_name="东山派出所", view_like=sample_view("monthly", directives=[], addenda=[],
                                                                         signed_at=None))
    compact = "".join(p.extract_text() for p in PdfReader(str(out)).pages).replace(" ", "").replace("\n", "")
    assert "东山派出所月会商纪要" in compact and "近三年同期均值98.3起" in compact
    assert "（未签发）" in compact and "九、" not in compact
    out2 = tmp_path / "w.pdf"
    write_minutes_pdf(out2, station_name="东山派出所", view_like=sample_view("weekly"))
    assert "东山派出所周分析" in PdfReader(str(out2)).pages[0].extract_text().replace(" ", "")


def test_percent_display():
    assert pct(None) == "—" and pct(12.345) == "+12.3%" and pct(-3) == "-3.0%"
