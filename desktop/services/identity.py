"""Resident ID numbers, phone numbers and addresses: checking and normalising (pure functions, no DB).

* Resident ID (居民身份证号码, GB 11643-1999): 6-digit area code, 8-digit birth date, 3-digit order
  code (odd = male, even = female) and an ISO 7064 MOD 11-2 check character. Legacy 15-digit numbers
  (6 area + YYMMDD + 3 order, born 19YY) are recognised.
* Phones: mobiles ``^1[3-9]\\d{9}$`` (with +86 / 0086 / 86 prefixes, spaces, dashes, full-width
  digits), landlines ``0731-84567890``, short service numbers (110, 12345, 95xxx).
* Addresses are normalised for *matching* only (DESIGN.md §3); callers keep the original text.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date

__all__ = [
    "IdCheck",
    "PhoneResult",
    "check_resident_id",
    "id_check_char",
    "make_resident_id",
    "normalize_address",
    "normalize_phone",
    "to_halfwidth",
    "upgrade_legacy_id",
]

# ISO 7064 MOD 11-2 as used by GB 11643.
_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_CHECK_CHARS = "10X98765432"

# Province-level codes (first two digits of the area code), GB/T 2260.
PROVINCE_CODES: dict[str, str] = {
    "11": "北京", "12": "天津", "13": "河北", "14": "山西", "15": "内蒙古",
    "21": "辽宁", "22": "吉林", "23": "黑龙江",
    "31": "上海", "32": "江苏", "33": "浙江", "34": "安徽", "35": "福建", "36": "江西", "37": "山东",
    "41": "河南", "42": "湖北", "43": "湖南", "44": "广东", "45": "广西", "46": "海南",
    "50": "重庆", "51": "四川", "52": "贵州", "53": "云南", "54": "西藏",
    "61": "陕西", "62": "甘肃", "63": "青海", "64": "宁夏", "65": "新疆",
    "71": "台湾", "81": "香港", "82": "澳门",
}

_SEX_WORDS = {"M": "M", "F": "F", "男": "M", "女": "F", "m": "M", "f": "F", "1": "M", "2": "F"}
_SEX_LABEL = {"M": "男", "F": "女"}


def to_halfwidth(s: str) -> str:
    """Full-width forms (ＡＢＣ１２３，（）＋) to their ASCII equivalents, and the ideographic space to
    a normal space. Chinese characters and Chinese punctuation without an ASCII twin are kept."""
    return unicodedata.normalize("NFKC", s).replace("\u3000", " ")


# --------------------------------------------------------------------------- resident ID


@dataclass(frozen=True)
class IdCheck:
    """The result of :func:`check_resident_id`. ``ok`` when there is no error (warnings allowed)."""

    normalized: str
    birth_date: date | None = None
    sex: str | None = None          # 'M' / 'F'
    area_code: str | None = None    # the 6-digit administrative division code
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    legacy: bool = False            # a 15-digit number
    upgraded: str | None = None     # the 18-digit form of a valid legacy number

    @property
    def ok(self) -> bool:
        return not self.errors


def id_check_char(first17: str) -> str:
    """The check character (0-9 or X) for the first 17 digits of an 18-digit number."""
    if len(first17) != 17 or not first17.isascii() or not first17.isdigit():
        raise ValueError("需要17位数字")
    total = sum(int(d) * w for d, w in zip(first17, _WEIGHTS, strict=True))
    return _CHECK_CHARS[total % 11]


def upgrade_legacy_id(id15: str) -> str:
    """The 18-digit number of a legacy 15-digit one (insert the century 19, append the check char)."""
    s = to_halfwidth(id15).strip()
    if len(s) != 15 or not s.isascii() or not s.isdigit():
        raise ValueError("需要15位数字")
    first17 = s[:6] + "19" + s[6:]
    return first17 + id_check_char(first17)


def _clean_id(value: str) -> str:
    return re.sub(r"\s+", "", to_halfwidth(value or "")).upper()


def _parse_birth(text: str, errors: list[str], today: date) -> date | None:
    try:
        born = date(int(text[0:4]), int(text[4:6]), int(text[6:8]))
    except ValueError:
        errors.append(f"出生日期无效：{text[0:4]}年{text[4:6]}月{text[6:8]}日不存在")
        return None
    if born > today:
        errors.append(f"出生日期{born:%Y年%m月%d日}晚于今天")
        return None
    if born.year < 1900:
        errors.append(f"出生日期{born:%Y年%m月%d日}早于1900年，不合理")
        return None
    return born


def check_resident_id(
    value: str,
    *,
    birth_date: date | None = None,
    sex: str | None = None,
    today: date | None = None,
) -> IdCheck:
    """Check a resident ID number; ``birth_date`` / ``sex`` (if given) must agree with the number.

    Accepts lower-case x, full-width characters and surrounding (or grouping) spaces. Errors and
    warnings are Chinese sentences for the user; an unknown province code is only a warning.
    """
    today = today or date.today()
    s = _clean_id(value)
    errors: list[str] = []
    warnings: list[str] = []
    if not s:
        return IdCheck(normalized="", errors=["身份证号码为空"])

    legacy = False
    if len(s) == 18:
        if not (s[:17].isascii() and s[:17].isdigit()) or not (s[17].isdigit() or s[17] == "X"):
            return IdCheck(normalized=s, errors=["身份证号码格式不正确：前17位应为数字，最后一位为数字或X"])
        expected = id_check_char(s[:17])
        if s[17] != expected:
            errors.append(f"身份证号码校验位错误：最后一位应为{expected}，实际为{s[17]}")
        birth_text, order_digit = s[6:14], s[16]
    elif len(s) == 15:
        if not (s.isascii() and s.isdigit()):
            return IdCheck(normalized=s, errors=["15位身份证号码应全部为数字"])
        legacy = True
        birth_text, order_digit = "19" + s[6:12], s[14]
        warnings.append("这是15位旧身份证号码，建议更新为18位号码")
    else:
        return IdCheck(
            normalized=s,
            errors=[f"身份证号码应为18位（最后一位可为X）或15位，当前为{len(s)}位"],
        )

    area = s[:6]
    if area[:2] not in PROVINCE_CODES:
        warnings.append(f"地区码{area}不属于已知的省级行政区（前两位{area[:2]}），请核对")
    born = _parse_birth(birth_text, errors, today)
    encoded_sex = "M" if int(order_digit) % 2 == 1 else "F"

    if birth_date is not None and born is not None and birth_date != born:
        errors.append(f"出生日期与身份证号码不一致：号码中为{born:%Y年%m月%d日}")
    if sex is not None:
        given = _SEX_WORDS.get(str(sex).strip())
        if given is None:
            errors.append(f"性别“{sex}”无法识别")
        elif given != encoded_sex:
            errors.append(f"性别与身份证号码不一致：号码中为{_SEX_LABEL[encoded_sex]}")

    upgraded = None
    if not errors:
        upgraded = upgrade_legacy_id(s) if legacy else s
    return IdCheck(
        normalized=s,
        birth_date=born,
        sex=encoded_sex,
        area_code=area,
        errors=errors,
        warnings=warnings,
        legacy=legacy,
        upgraded=upgraded,
    )


def make_resident_id(area: str, birth: date, seq: int, sex: str) -> str:
    """A valid 18-digit number: ``seq`` (0–498) numbers the people of one sex born that day there.

    The order code is ``2*seq + 1`` for men and ``2*seq + 2`` for women, so its parity is right.
    """
    if len(area) != 6 or not area.isdigit():
        raise ValueError("地区码应为6位数字")
    code = _SEX_WORDS.get(sex)
    if code is None:
        raise ValueError(f"性别“{sex}”无法识别")
    if not 0 <= seq <= 498:
        raise ValueError("顺序号应在0到498之间")
    order = 2 * seq + (1 if code == "M" else 2)
    first17 = f"{area}{birth:%Y%m%d}{order:03d}"
    return first17 + id_check_char(first17)


# --------------------------------------------------------------------------- phones


@dataclass(frozen=True)
class PhoneResult:
    """``normalized`` is None when the number is invalid or empty; ``raw`` is always the input.

    An empty input is ``valid=False`` with ``error=None``: having no phone is not an input error.
    """

    normalized: str | None
    raw: str | None
    kind: str | None = None  # 'mobile' | 'landline' | 'other'
    valid: bool = False
    error: str | None = None


_MOBILE_RE = re.compile(r"1[3-9]\d{9}")
_SEPARATORS_RE = re.compile(r"[\s\-\u2010-\u2015\u2212\uff0d\ufe63()（）\[\]【】.·/]")
_SERVICE_RE = re.compile(
    r"1[12]\d"          # 110, 119, 120, 122, 114 …
    r"|12\d{3}"         # 12345, 12315, 12110, 12348 …
    r"|10\d{3,4}"       # 10086, 10010, 10000 …
    r"|9[56]\d{3,6}"    # 95xxx / 96xxx service lines
    r"|[48]00\d{7}"     # 400 / 800 numbers
)


def _landline(digits: str) -> str | None:
    """``0731-84567890`` from ``073184567890``: 010 and 02x are 3-digit area codes, others 4."""
    area_len = 3 if digits.startswith(("010", "02")) else 4
    area, local = digits[:area_len], digits[area_len:]
    if 7 <= len(local) <= 8 and local[0] in "23456789":
        return f"{area}-{local}"
    return None


def normalize_phone(raw: str | None) -> PhoneResult:
    """Normalise a phone number: mobile ``13812345678``, landline ``0731-84567890``, service ``110``."""
    if raw is None:
        return PhoneResult(None, None)
    text = to_halfwidth(str(raw)).strip()
    if not text:
        return PhoneResult(None, raw)
    s = _SEPARATORS_RE.sub("", text)
    international = False
    if s.startswith("+"):
        s = s[1:]
        if not s.startswith("86"):
            return PhoneResult(None, raw, "other", False, "不是中国大陆的电话号码")
        s, international = s[2:], True
    elif s.startswith("0086"):
        s, international = s[4:], True
    elif s.startswith("86") and len(s) == 13 and _MOBILE_RE.fullmatch(s[2:]):
        s = s[2:]
    if not s or not s.isascii() or not s.isdigit():
        return PhoneResult(None, raw, None, False, "电话号码含有数字以外的字符")
    if international and not s.startswith("0") and not _MOBILE_RE.fullmatch(s):
        s = "0" + s  # +86 731 84567890 is the landline 0731-84567890

    if _MOBILE_RE.fullmatch(s):
        return PhoneResult(s, raw, "mobile", True)
    if s.startswith("0"):
        number = _landline(s)
        if number:
            return PhoneResult(number, raw, "landline", True)
        return PhoneResult(None, raw, "landline", False,
                           "固定电话格式不正确：应为区号（0开头3–4位）加7–8位号码")
    if not international and _SERVICE_RE.fullmatch(s):
        return PhoneResult(s, raw, "other", True)
    if s.startswith("1"):
        if len(s) == 11:
            return PhoneResult(None, raw, "mobile", False, "手机号码格式不正确：第二位应为3–9")
        return PhoneResult(None, raw, "mobile", False, f"手机号码应为11位，当前为{len(s)}位")
    if len(s) in (7, 8):
        return PhoneResult(None, raw, "landline", False, "固定电话缺少区号")
    return PhoneResult(None, raw, None, False, "无法识别的电话号码")


# --------------------------------------------------------------------------- addresses

# Chinese punctuation without an NFKC twin, mapped to ASCII so both spellings match.
_PUNCT = str.maketrans({
    "、": ",", "，": ",", "。": ".", "．": ".", "；": ";", "：": ":", "！": "!", "？": "?",
    "（": "(", "）": ")", "【": "[", "】": "]", "〔": "[", "〕": "]", "［": "[", "］": "]",
    "《": "<", "》": ">", "〈": "<", "〉": ">", "「": '"', "」": '"', "『": '"', "』": '"',
    "“": '"', "”": '"', "‘": "'", "’": "'", "·": ".", "•": ".",
    "—": "-", "–": "-", "‐": "-", "‑": "-", "－": "-", "﹣": "-", "～": "-", "~": "-",
})
# Trailing words that say "near" the place rather than name it; longest first.
_VAGUE_SUFFIXES = ("附近", "门口", "旁边", "对面", "楼下", "路口", "一带", "周边", "旁", "处", "的")
_TRAILING_PUNCT = ",.;:!?-_\"'"
_NUMBER_SIGN_RE = re.compile(r"(\d+)#")
_WS_RE = re.compile(r"\s+")
_PUNCT_CHARS = frozenset(chr(c) for c in _PUNCT)


def normalize_address(raw: str | None) -> str | None:
    """The matching key of an address: NFKC, no whitespace, one punctuation form, no trailing
    "附近/门口/旁边/旁/对面/楼下/路口/处/一带", ASCII lower-cased. None for an empty address."""
    if raw is None:
        return None
    # The translate and the regex are skipped when they cannot change anything: an import
    # normalises every row's address, and most addresses hold neither.
    s = _WS_RE.sub("", to_halfwidth(raw))
    if not _PUNCT_CHARS.isdisjoint(s):
        s = s.translate(_PUNCT)
    if "#" in s:
        s = _NUMBER_SIGN_RE.sub(r"\1号", s)
    changed = True
    while changed and s:
        changed = False
        stripped = s.rstrip(_TRAILING_PUNCT)
        if stripped != s and stripped:
            s, changed = stripped, True
        for suffix in _VAGUE_SUFFIXES:
            if s.endswith(suffix) and len(s) > len(suffix):
                s, changed = s[: -len(suffix)], True
                break
    s = s.lower()
    return s or None
