"""Resident ID, phone and address normalisation (pure functions)."""

from __future__ import annotations

from datetime import date

import pytest

from desktop.services.identity import (
    check_resident_id,
    id_check_char,
    make_resident_id,
    normalize_address,
    normalize_phone,
    to_halfwidth,
    upgrade_legacy_id,
)

TODAY = date(2025, 6, 30)

# --------------------------------------------------------------------------- resident ID


def test_design_examples():
    good = check_resident_id("11010519491231002X", today=TODAY)
    assert good.ok and good.errors == [] and good.warnings == []
    assert good.normalized == "11010519491231002X"
    assert good.birth_date == date(1949, 12, 31)
    assert good.sex == "F"
    assert good.area_code == "110105"
    bad = check_resident_id("340524198001010013", today=TODAY)
    assert not bad.ok
    assert any("校验位" in e and "X" in e for e in bad.errors)


def test_check_char_weights():
    # Worked by hand: sum of digit*weight for 11010519491231002 is 167; 167 mod 11 = 2 → "X".
    assert id_check_char("11010519491231002") == "X"
    assert id_check_char("34052419800101001") == "X"
    with pytest.raises(ValueError):
        id_check_char("1234")


@pytest.mark.parametrize("value", [
    "11010519491231002x",
    " 11010519491231002X ",
    "１１０１０５１９４９１２３１００２Ｘ",
    "１１０１０５１９４９１２３１００２ｘ",
    "\u300011010519491231002X\t",
    "110105 19491231 002X",
])
def test_lenient_input_forms(value):
    result = check_resident_id(value, today=TODAY)
    assert result.ok, result.errors
    assert result.normalized == "11010519491231002X"


def test_result_is_frozen():
    result = check_resident_id("11010519491231002X", today=TODAY)
    with pytest.raises(AttributeError):
        result.sex = "M"  # type: ignore[misc]


@pytest.mark.parametrize("value, fragment", [
    ("", "为空"),
    ("   ", "为空"),
    ("1101051949123100", "18位"),
    ("110105194912310021X", "18位"),
    ("1101051949123100AX", "格式不正确"),
    ("X1010519491231002X", "格式不正确"),
    ("11010519491231002Y", "格式不正确"),
    ("11010549123100A", "15位"),
])
def test_malformed(value, fragment):
    result = check_resident_id(value, today=TODAY)
    assert not result.ok
    assert any(fragment in e for e in result.errors), result.errors


def _with_check(first17: str) -> str:
    return first17 + id_check_char(first17)


@pytest.mark.parametrize("birth", ["19490230", "19491301", "19490000", "20230229"])
def test_impossible_birth_date(birth):
    result = check_resident_id(_with_check(f"110105{birth}002"), today=TODAY)
    assert not result.ok
    assert any("出生日期无效" in e for e in result.errors)
    assert result.birth_date is None


def test_birth_date_in_future_and_too_early():
    future = check_resident_id(_with_check("11010520250701002"), today=TODAY)
    assert any("晚于今天" in e for e in future.errors)
    today_born = check_resident_id(_with_check("11010520250630002"), today=TODAY)
    assert today_born.ok
    early = check_resident_id(_with_check("11010518991231002"), today=TODAY)
    assert any("1900" in e for e in early.errors)


def test_leap_day_is_a_real_date():
    result = check_resident_id(_with_check("11010520000229001"), today=TODAY)
    assert result.ok and result.birth_date == date(2000, 2, 29) and result.sex == "M"


def test_birth_and_sex_must_agree():
    value = "11010519491231002X"
    assert check_resident_id(value, birth_date=date(1949, 12, 31), sex="F", today=TODAY).ok
    assert check_resident_id(value, sex="女", today=TODAY).ok
    wrong_birth = check_resident_id(value, birth_date=date(1949, 12, 30), today=TODAY)
    assert not wrong_birth.ok and any("出生日期与身份证号码不一致" in e for e in wrong_birth.errors)
    wrong_sex = check_resident_id(value, sex="M", today=TODAY)
    assert not wrong_sex.ok and any("性别与身份证号码不一致" in e and "女" in e for e in wrong_sex.errors)
    both = check_resident_id(value, birth_date=date(1950, 1, 1), sex="男", today=TODAY)
    assert len(both.errors) == 2
    unknown = check_resident_id(value, sex="?", today=TODAY)
    assert any("无法识别" in e for e in unknown.errors)


def test_sex_from_17th_digit():
    assert check_resident_id(_with_check("43010219800506001"), today=TODAY).sex == "M"
    assert check_resident_id(_with_check("43010219800506002"), today=TODAY).sex == "F"


def test_unknown_area_is_only_a_warning():
    result = check_resident_id(_with_check("99010519491231002"), today=TODAY)
    assert result.ok
    assert result.area_code == "990105"
    assert any("地区码" in w for w in result.warnings)
    for province in ("11", "43", "65", "71", "81", "82"):
        assert check_resident_id(_with_check(f"{province}010519491231002"), today=TODAY).warnings == []
    assert check_resident_id(_with_check("10010519491231002"), today=TODAY).warnings


def test_legacy_15_digit():
    result = check_resident_id("110105491231002", today=TODAY)
    assert result.ok and result.legacy
    assert result.birth_date == date(1949, 12, 31)
    assert result.sex == "F"
    assert result.upgraded == "11010519491231002X"
    assert any("15位" in w for w in result.warnings)
    male = check_resident_id("430102800506011", today=TODAY)
    assert male.ok and male.sex == "M" and male.birth_date == date(1980, 5, 6)
    assert not check_resident_id("110105491331002", today=TODAY).ok  # month 13
    assert upgrade_legacy_id("110105491231002") == "11010519491231002X"
    with pytest.raises(ValueError):
        upgrade_legacy_id("1101054912310")


def test_legacy_with_mismatched_sex():
    result = check_resident_id("430102800506011", sex="F", today=TODAY)
    assert not result.ok


@pytest.mark.parametrize("sex", ["M", "F"])
@pytest.mark.parametrize("seq", [0, 1, 57, 498])
def test_make_resident_id_round_trip(sex, seq):
    birth = date(1987, 3, 14)
    value = make_resident_id("430105", birth, seq, sex)
    assert len(value) == 18
    result = check_resident_id(value, birth_date=birth, sex=sex, today=TODAY)
    assert result.ok, result.errors
    assert result.sex == sex and result.area_code == "430105"


def test_make_resident_id_rejects_bad_input():
    with pytest.raises(ValueError):
        make_resident_id("4301", date(1980, 1, 1), 1, "M")
    with pytest.raises(ValueError):
        make_resident_id("430105", date(1980, 1, 1), 499, "M")
    with pytest.raises(ValueError):
        make_resident_id("430105", date(1980, 1, 1), 1, "X")
    assert make_resident_id("430105", date(1980, 1, 1), 3, "男") == make_resident_id(
        "430105", date(1980, 1, 1), 3, "M")


# --------------------------------------------------------------------------- phones


@pytest.mark.parametrize("raw", [
    "13812345678",
    "138 1234 5678",
    "138-1234-5678",
    "(138)12345678",
    "+8613812345678",
    "+86 138 1234 5678",
    "+86-138-1234-5678",
    "008613812345678",
    "0086 138 1234 5678",
    "8613812345678",
    "１３８１２３４５６７８",
    "＋８６　１３８ １２３４ ５６７８",
    "  13812345678  ",
    "138－1234－5678",
])
def test_mobile_forms(raw):
    result = normalize_phone(raw)
    assert result == normalize_phone(raw)
    assert result.valid and result.kind == "mobile" and result.error is None
    assert result.normalized == "13812345678"
    assert result.raw == raw


@pytest.mark.parametrize("raw", ["19912345678", "16612345678", "17312345678"])
def test_mobile_prefixes(raw):
    assert normalize_phone(raw).normalized == raw


@pytest.mark.parametrize("raw, expected", [
    ("0731-84567890", "0731-84567890"),
    ("073184567890", "0731-84567890"),
    ("(0731)84567890", "0731-84567890"),
    ("（0731）84567890", "0731-84567890"),
    ("0731 8456 7890", "0731-84567890"),
    ("０７３１－８４５６７８９０", "0731-84567890"),
    ("0731-8456789", "0731-8456789"),
    ("010-62345678", "010-62345678"),
    ("02087654321", "020-87654321"),
    ("+86 731 84567890", "0731-84567890"),
    ("0086 10 62345678", "010-62345678"),
])
def test_landlines(raw, expected):
    result = normalize_phone(raw)
    assert result.valid and result.kind == "landline", result
    assert result.normalized == expected


@pytest.mark.parametrize("raw", ["110", "119", "120", "122", "12345", "12315", "95588", "96110", "10086",
                                 "4008123123"])
def test_service_numbers(raw):
    result = normalize_phone(raw)
    assert result.valid and result.kind == "other" and result.normalized == raw


@pytest.mark.parametrize("raw, fragment", [
    ("12812345678", "第二位"),
    ("1381234567", "11位"),
    ("138123456789", "11位"),
    ("84567890", "区号"),
    ("0731-123", "固定电话"),
    ("0731-0456789", "固定电话"),
    ("abc", "数字以外"),
    ("138abc45678", "数字以外"),
    ("+1 415 555 0100", "中国大陆"),
    ("+86 12812345678", "固定电话"),
    ("99999", "无法识别"),
    ("8612812345678", "无法识别"),  # bare 86 is only stripped before a real mobile
])
def test_invalid_numbers_keep_raw(raw, fragment):
    result = normalize_phone(raw)
    assert not result.valid
    assert result.normalized is None
    assert result.raw == raw
    assert result.error and fragment in result.error, result


@pytest.mark.parametrize("raw", [None, "", "   ", "\u3000"])
def test_empty_phone_is_not_an_error(raw):
    result = normalize_phone(raw)
    assert result.normalized is None and not result.valid and result.error is None and result.kind is None
    assert result.raw == raw


# --------------------------------------------------------------------------- addresses


@pytest.mark.parametrize("raw", [
    "城关镇解放路128号",
    "城关镇解放路128号附近",
    "城关镇解放路128号门口",
    "城关镇解放路128号旁边",
    "城关镇解放路128号旁",
    "城关镇解放路128号对面",
    "城关镇解放路128号楼下",
    "城关镇解放路128号一带",
    "城关镇解放路128号处",
    "城关镇解放路128号门口附近",
    "城关镇解放路128号 门口 旁边",
    "城关镇 解放路 128号",
    "城关镇解放路１２８号",
    "城关镇　解放路１２８号附近。",
    "城关镇解放路128#",
    " 城关镇解放路128号, ",
])
def test_address_variants_match(raw):
    assert normalize_address(raw) == "城关镇解放路128号"


def test_address_punctuation_and_case():
    assert normalize_address("新城大道88号（金桂花园）") == normalize_address("新城大道88号(金桂花园)")
    assert normalize_address("解放路、人民路交叉路口") == normalize_address("解放路,人民路交叉")
    assert normalize_address("金桂花园A栋") == "金桂花园a栋"
    assert normalize_address("ＡＢＣ广场") == "abc广场"
    assert normalize_address("滨江路—沿江大道") == normalize_address("滨江路-沿江大道")


def test_address_keeps_meaningful_text():
    assert normalize_address("附近") == "附近"
    assert normalize_address("门口") == "门口"
    assert normalize_address("城关镇人民医院") == "城关镇人民医院"
    assert normalize_address(None) is None
    assert normalize_address("   ") is None
    assert normalize_address("") is None


def test_address_does_not_change_the_input():
    raw = "城关镇解放路128号附近"
    normalize_address(raw)
    assert raw == "城关镇解放路128号附近"


def test_to_halfwidth():
    assert to_halfwidth("ＡＢＣ１２３（）＋－") == "ABC123()+-"
    assert to_halfwidth("城关镇\u3000解放路") == "城关镇 解放路"
    assert to_halfwidth("，。") == ",。"
