"""The printed work order (工作指令单): text, wrapping, page flow and embedded fonts."""

from __future__ import annotations

from datetime import datetime

from pypdf import PdfReader

from desktop.reports.work_order_form import WorkOrderForm, _chunks, write_work_order_form
from desktop.services.work_order_labels import event_label, priority_label, source_label, status_label


def _form(**kw) -> WorkOrderForm:
    fields = dict(
        station_name="城关派出所", number="GD-2025-000123", title="核查解放路128号噪音扰民重复警情",
        source_label="重复警情", priority_label="急", status_label="已签收", unit="社区警务队", assignee="李明",
        tracker="王芳", issued_at=datetime(2025, 3, 6, 9, 0), deadline=datetime(2025, 3, 7, 9, 0),
        instructions="请于今日18时前到现场核查。\n核查后及时反馈。",
        history=[(datetime(2025, 3, 6, 9, 0), "王芳", "下发", "按晨会指令下发"),
                 (datetime(2025, 3, 6, 9, 30), "李明", "签收", None)],
    )
    fields.update(kw)
    return WorkOrderForm(**fields)


def _text(path) -> tuple[PdfReader, str]:
    reader = PdfReader(str(path))
    return reader, "".join(p.extract_text() for p in reader.pages)


def _flat(text: str) -> str:
    return "".join(text.split())


def test_form_carries_every_field(tmp_path):
    out = tmp_path / "工单.pdf"
    write_work_order_form(out, _form())
    reader, text = _text(out)
    assert len(reader.pages) == 1
    page = reader.pages[0]
    assert float(page.mediabox.width) < float(page.mediabox.height)  # A4 portrait
    flat = _flat(text)
    for expected in ("城关派出所工作指令单", "GD-2025-000123", "核查解放路128号噪音扰民重复警情", "来源", "重复警情",
                     "优先级", "承办单位", "社区警务队", "承办人", "李明", "跟踪人", "王芳", "下发时间",
                     "2025-03-0609:00", "办结时限", "2025-03-0709:00", "状态", "已签收", "工作要求",
                     "请于今日18时前到现场核查。", "处理过程", "按晨会指令下发", "反馈情况", "承办人签名",
                     "审核人签名", "-1-"):
        assert expected in flat, expected
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".part")]


def test_cjk_font_embedded(tmp_path):
    out = tmp_path / "f.pdf"
    write_work_order_form(out, _form())
    reader = PdfReader(str(out))
    found = []
    for page in reader.pages:
        for _name, ref in page["/Resources"].get("/Font", {}).items():
            font = ref.get_object()
            for d in font.get("/DescendantFonts") or [font]:
                found.append(d.get_object())
    assert found
    for f in found:
        descriptor = f.get("/FontDescriptor")
        assert descriptor is not None and "/FontFile2" in descriptor.get_object(), f.get("/BaseFont")


def test_long_texts_wrap_and_flow_without_loss(tmp_path):
    out = tmp_path / "long.pdf"
    instructions = "\n".join(f"第{i}条要求：会同网格员逐户走访核查，登记在册并落实整改措施，结果报指挥室。"
                             for i in range(1, 41))
    feedback = "".join(f"走访第{i}户情况正常；" for i in range(400))  # longer than a page
    history = [(datetime(2025, 3, 6, 9, 0), "王芳", "下发", "下发"),
               (datetime(2025, 3, 6, 15, 0), "李明", "反馈", feedback),
               (datetime(2025, 3, 6, 16, 0), "王芳", "退回", "请补充当事人联系方式")]
    write_work_order_form(out, _form(instructions=instructions, history=history,
                                     title="关于" + "解放路沿线商铺噪音扰民" * 8 + "的核查"))
    reader, text = _text(out)
    assert len(reader.pages) >= 3
    flat = _flat(text)
    assert "第1条要求" in flat and "第40条要求" in flat
    # Every piece of the long feedback is printed, the entry after it too.
    assert "走访第0户情况正常" in flat and "走访第399户情况正常" in flat
    assert "请补充当事人联系方式" in flat
    assert "反馈情况" in flat and "审核人签名" in flat
    assert f"-{len(reader.pages)}-" in _flat(reader.pages[-1].extract_text())


def test_empty_fields_and_history(tmp_path):
    out = tmp_path / "empty.pdf"
    write_work_order_form(out, _form(assignee=None, tracker=None, instructions=None, history=[]))
    flat = _flat(_text(out)[1])
    assert "（无）" in flat and "（暂无）" in flat and "反馈情况" in flat


def test_chunks_keep_every_character():
    text = "甲" * 1500 + "\n乙乙\n" + "丙" * 10
    pieces = _chunks(text, 600)
    assert all(len(p) <= 600 for p in pieces)
    assert "".join(pieces).replace("\n", "") == text.replace("\n", "")
    assert _chunks("", 600) == [""]


def test_labels():
    assert status_label("issued") == "已下发" and status_label("cancelled") == "已撤销"
    assert priority_label("long_term") == "长期" and priority_label("high") == "急"
    assert event_label("reassign") == "转派" and event_label("urge") == "催办"
    assert source_label("cluster") == "重复警情"
    assert status_label("odd") == "odd" and status_label(None) == ""
