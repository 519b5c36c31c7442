"""The 人民调解协议书 PDF: contents read back, fonts embedded, the draft mark, speed."""

from __future__ import annotations

from datetime import date

from pypdf import PdfReader

from desktop.reports.agreement_pdf import AgreementDocument, AgreementPartyLine, party_text, write_agreement_pdf


def _doc(**over) -> AgreementDocument:
    fields = dict(
        station_name="城关派出所", organisation="城关派出所人民调解委员会", number="CG调〔2026〕第12号", version=1,
        parties=[
            AgreementPartyLine("张三", "applicant", "M", "汉族", date(1980, 1, 2), "110101198001020011",
                               "城关镇幸福路1号", "13800138000"),
            AgreementPartyLine("李四", "respondent", "F", "回族", date(1985, 5, 6), None, "城关镇幸福路3号"),
            AgreementPartyLine("王五", "other"),
        ],
        facts="申请人张三与被申请人李四因宅基地边界发生争执。", points="围墙位置及赔偿金额。",
        terms="被申请人赔偿申请人损失人民币3000元。\n围墙按原界址重建。", performance="现金一次性支付。",
        performance_deadline=date(2026, 4, 1), copies=4, mediators=["赵六", "钱七"], signed_on=date(2026, 3, 5),
        signed=True,
    )
    fields.update(over)
    return AgreementDocument(**fields)


def _text(path) -> str:
    return "".join(page.extract_text() for page in PdfReader(str(path)).pages).replace("\n", "").replace(" ", "")


def test_agreement_contents_and_fonts(tmp_path):
    path = tmp_path / "agreement.pdf"
    pages = write_agreement_pdf(path, _doc())
    reader = PdfReader(str(path))
    assert pages == len(reader.pages) >= 1
    text = _text(path)
    for needle in ("人民调解协议书", "CG调〔2026〕第12号", "申请人：张三", "被申请人：李四", "当事人：王五",
                   "110101198001020011", "1980年1月2日出生", "纠纷主要事实", "争议事项", "达成协议内容",
                   "被申请人赔偿申请人损失人民币3000元", "围墙按原界址重建", "履行方式和期限", "2026年4月1日前履行完毕",
                   "本协议书一式4份，当事人各执一份，人民调解委员会留存一份。", "三十日内", "司法确认",
                   "签名、盖章或按指印", "赵六、钱七", "城关派出所人民调解委员会（印）", "2026年3月5日", "-1-"):
        assert needle in text, needle
    assert "各方责任" not in text  # optional and empty
    assert "草稿" not in text
    assert "第1版" not in text
    fonts = set()
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            fonts.add(font["/BaseFont"])
            descendant = font["/DescendantFonts"][0].get_object() if "/DescendantFonts" in font else font
            descriptor = descendant["/FontDescriptor"].get_object()
            assert any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3")), font["/BaseFont"]
    assert fonts and not any("Helvetica" in f for f in fonts)


def test_draft_is_marked_and_undated(tmp_path):
    path = tmp_path / "draft.pdf"
    write_agreement_pdf(path, _doc(signed=False, version=2, responsibilities="被申请人负主要责任。", copies=3))
    text = _text(path)
    for page in PdfReader(str(path)).pages:
        assert "草稿" in page.extract_text()
    assert "（第2版）" in text
    assert "三、各方责任" in text and "四、达成协议内容" in text and "五、履行方式和期限" in text
    assert "一式3份" in text
    assert "2026年3月5日" not in text  # an unsigned agreement leaves the date blank


def test_party_text_skips_missing_parts():
    assert party_text(AgreementPartyLine("王五", "other")) == "当事人：王五。"
    assert party_text(AgreementPartyLine("李四", "respondent", "F", phone="13900000000")) == (
        "被申请人：李四，女，联系电话13900000000。")


def test_long_agreement_flows_over_pages(tmp_path):
    # (Its speed is a benchmark figure, not a test: timings fail on a busy machine.)
    long_facts = "\n".join(f"第{i}段：双方因邻里琐事多次发生口角，经社区调解未果。" * 3 for i in range(40))
    pages = write_agreement_pdf(tmp_path / "long.pdf", _doc(facts=long_facts))
    assert pages >= 3
    text = _text(tmp_path / "long.pdf")
    assert "第39段" in text and "-3-" in text
