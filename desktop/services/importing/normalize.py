"""Turning messy export cells into clean values: times, text and incident numbers.

Hot path: prepare_rows() calls these for every cell of 100,000-row files, so the common shapes
(real datetime cells, ``YYYY-MM-DD HH:MM[:SS]``, plain printable text) take a fast path and every
pattern is compiled once.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date, datetime, time, timedelta
from typing import Any

__all__ = ["EARLIEST", "clean_number", "clean_text", "parse_time"]

EARLIEST = datetime(2000, 1, 1)
_FUTURE_SLACK = timedelta(minutes=5)  # desk clocks drift a little from the dispatch system's
_EXCEL_EPOCH = datetime(1899, 12, 30)  # 1900 date system, including Lotus' phantom 1900-02-29
_EXCEL_MIN, _EXCEL_MAX = 20000, 80000  # 1954 … 2119: anything else is not a plausible time serial

_FAST_RE = re.compile(r"(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})(?::(\d{2}))?")
_TEXT_RE = re.compile(
    r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?"
    r"(?:\s*T?\s*(\d{1,2})\s*[:时点]\s*(\d{1,2})\s*(?:[:分]\s*(\d{1,2})(?:\.\d+)?\s*秒?|分)?)?"
)
_DIGITS_RE = re.compile(r"\d{8}(?:\d{4}(?:\d{2})?)?")
_SPACES_RE = re.compile(r"[ \t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]+")
_CTRL_RE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u200b\ufeff]")
_LINE_EDGE_RE = re.compile(r" ?\n ?")


def _build(y: int, mo: int, d: int, h: int, mi: int, s: int | None) -> datetime:
    if h < 24 and mi < 60 and (s is None or s < 60):
        try:
            return datetime(y, mo, d, h, mi, s or 0)
        except ValueError:
            pass
    try:
        date(y, mo, d)
    except ValueError:
        raise ValueError(f"日期不存在：{y:04d}-{mo:02d}-{d:02d}") from None
    shown = f"{h:02d}:{mi:02d}" if s is None else f"{h:02d}:{mi:02d}:{s:02d}"
    raise ValueError(f"时间不存在：{shown}")


def _from_text(text: str) -> datetime:
    if len(text) in (16, 19) and text[4] == "-" and text[10] in " T":
        try:  # the C parser is several times faster than any regex for YYYY-MM-DD HH:MM[:SS]
            parsed = datetime.fromisoformat(text)
        except ValueError:
            parsed = None  # let the patterns below say what is wrong
        if parsed is not None and parsed.tzinfo is None:
            return parsed
    m = _FAST_RE.fullmatch(text)
    if m is not None:
        y, mo, d, h, mi, s = m.groups()
        return _build(int(y), int(mo), int(d), int(h), int(mi), None if s is None else int(s))
    if not text.isascii():
        text = unicodedata.normalize("NFKC", text).strip()
    m = _TEXT_RE.fullmatch(text)
    if m is not None:
        y, mo, d, h, mi, s = m.groups()
        return _build(int(y), int(mo), int(d), int(h or 0), int(mi or 0), None if s is None else int(s))
    if _DIGITS_RE.fullmatch(text):
        # 20240305 / 202403051407 / 20240305140700, as dispatch systems and Excel numbers give them
        return _build(int(text[:4]), int(text[4:6]), int(text[6:8]), int(text[8:10] or 0),
                      int(text[10:12] or 0), int(text[12:14]) if len(text) == 14 else None)
    try:
        number = float(text)
    except ValueError:
        raise ValueError(f"无法识别的时间格式：{text}") from None
    return _from_number(number, text)


def _from_number(number: float, shown: str) -> datetime:
    if number != number or number in (float("inf"), float("-inf")):
        raise ValueError(f"无法识别的时间格式：{shown}")
    if _EXCEL_MIN <= number <= _EXCEL_MAX:
        return _round_seconds(_EXCEL_EPOCH + timedelta(days=number))
    if number == int(number):
        digits = str(int(number))
        if len(digits) in (8, 12, 14):
            return _from_text(digits)
    raise ValueError(f"无法识别的时间格式：{shown}")


def _round_seconds(value: datetime) -> datetime:
    # Excel stores times as fractions of a day: 14:07:00 may come back as 14:06:59.999998.
    if value.microsecond >= 500_000:
        value += timedelta(seconds=1)
    return value.replace(microsecond=0)


def parse_time(value: Any, *, now: datetime | None = None) -> datetime:
    """A naive datetime (whole seconds) from a cell, or ValueError whose text is a Chinese reason.

    Accepts datetime/date cells, Excel serial numbers (1900 system), and text such as
    ``2024/3/5 14:07``, ``2024-03-05 14:07:00``, ``2024.3.5 14:07``, ``2024年3月5日14时07分``,
    ``20240305140700``, ``202403051407`` or a date alone (midnight). Full-width digits are fine.
    A time more than 5 minutes after ``now`` (default: the clock) or before 2000 is refused.
    """
    cls = type(value)
    if cls is datetime:
        result = _round_seconds(value.replace(tzinfo=None)) if value.microsecond or value.tzinfo else value
    elif cls is str:
        text = value.strip()
        if not text:
            raise ValueError("时间为空")
        result = _from_text(text)
    elif value is None:
        raise ValueError("时间为空")
    elif isinstance(value, datetime):
        result = _round_seconds(value.replace(tzinfo=None))
    elif isinstance(value, date):
        result = datetime(value.year, value.month, value.day)
    elif isinstance(value, time):
        raise ValueError(f"只有时刻没有日期：{value:%H:%M}")
    elif isinstance(value, bool):
        raise ValueError(f"无法识别的时间格式：{value}")
    elif isinstance(value, int | float):
        result = _from_number(float(value), clean_text(value) or "")
    else:
        return parse_time(str(value), now=now)
    if result < EARLIEST:
        raise ValueError(f"时间早于2000年：{result:%Y-%m-%d %H:%M}")
    limit = (now or datetime.now()) + _FUTURE_SLACK
    if result > limit:
        raise ValueError(f"报警时间晚于当前时间：{result:%Y-%m-%d %H:%M}")
    return result


def _text_of_number(value: int | float) -> str:
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, int):
        return str(value)
    if value == value and abs(value) < 1e17 and value == int(value):
        return str(int(value))  # Excel keeps every number as a float: 13812345678.0 is a phone
    text = repr(value)
    if "e" in text or "E" in text:
        # Spell out 1.5e-05 rather than show an exponent to a desk officer.
        text = format(value, "f").rstrip("0").rstrip(".")
    return text


def clean_text(value: Any, *, max_len: int | None = None) -> str | None:
    """Display text of a cell: NFC, stripped, runs of spaces/tabs collapsed (newlines kept), control
    characters removed; None when empty. Numbers keep their digits (no ``.0``, no exponent).
    Text that looks like a formula (``=…``, ``+…``, ``-…``, ``@…``) is kept exactly as text."""
    cls = type(value)
    if cls is str:
        s = value
    elif value is None:
        return None
    elif cls is float or cls is int or isinstance(value, int | float):
        s = _text_of_number(value)
    elif isinstance(value, datetime):
        s = f"{_round_seconds(value):%Y-%m-%d %H:%M:%S}"
    elif isinstance(value, date):
        s = value.isoformat()
    elif isinstance(value, time):
        s = f"{value:%H:%M:%S}"
    else:
        s = str(value)
    if s.isprintable():
        # Only the plain space can occur here (tabs, NBSP and U+3000 are not "printable").
        if "  " in s:
            s = _SPACES_RE.sub(" ", s)
    else:
        s = _CTRL_RE.sub("", s.replace("\r\n", "\n").replace("\r", "\n"))
        s = _LINE_EDGE_RE.sub("\n", _SPACES_RE.sub(" ", s))
    if not s.isascii():
        s = unicodedata.normalize("NFC", s)
    s = s.strip()
    if not s:
        return None
    if max_len is not None and len(s) > max_len:
        s = s[:max_len].rstrip()
    return s


_ALL_SPACE_RE = re.compile(r"\s+")


def clean_number(value: Any) -> str | None:
    """An incident number: clean text without any whitespace, full-width forms made ASCII (NFKC).

    A leading apostrophe (the spreadsheet "this is text" marker some CSV exports keep) is dropped.
    """
    s = clean_text(value)
    if s is None:
        return None
    if not s.isascii():
        s = unicodedata.normalize("NFKC", s)
    if " " in s or not s.isprintable():
        s = _ALL_SPACE_RE.sub("", s)
    if s.startswith("'"):
        s = s[1:]
    return s or None
