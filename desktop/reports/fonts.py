"""Chinese fonts for ReportLab PDFs (DESIGN.md §5).

Finds the best available CJK face for each role (仿宋 / 宋体 / 黑体 / 楷体), keeps only TrueType-outline
faces that ReportLab can embed (OpenType/CFF such as Noto CJK cannot be), falls back across roles to
any usable face and registers them once under stable names. No Qt here.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import threading
from dataclasses import dataclass
from pathlib import Path

from desktop.errors import StationDeskError

ROLES = ("fangsong", "song", "hei", "kai")

NO_FONT_MESSAGE = (
    "未找到可嵌入的中文字体，无法生成 PDF"
    "（Windows 请确认 C:\\Windows\\Fonts 下有 simsun/simhei；Linux 请安装 fonts-wqy-microhei）"
)

_WIN_FONTS = Path(os.environ.get("WINDIR", r"C:\Windows")) / "Fonts"

# Per role, the Windows file names in order of preference (msyh is the last resort for every role).
WINDOWS_CANDIDATES: dict[str, list[str]] = {
    "fangsong": ["simfang.ttf", "simsun.ttc", "msyh.ttc"],
    "song": ["simsun.ttc", "simfang.ttf", "msyh.ttc"],
    "hei": ["simhei.ttf", "msyh.ttc", "simsun.ttc"],
    "kai": ["simkai.ttf", "simfang.ttf", "simsun.ttc", "msyh.ttc"],
}

# Well-known paths elsewhere (used in addition to fontconfig).
WELL_KNOWN_PATHS: list[str] = [
    "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
    "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
    "/usr/share/fonts/wqy-microhei/wqy-microhei.ttc",
    "/usr/share/fonts/wqy-zenhei/wqy-zenhei.ttc",
    "/usr/share/fonts/truetype/arphic/uming.ttc",
    "/usr/share/fonts/truetype/arphic/ukai.ttc",
    "/System/Library/Fonts/STHeiti Light.ttc",
    "/Library/Fonts/Arial Unicode.ttf",
]

# Family keywords (lower case) per role for fontconfig results.
ROLE_KEYWORDS: dict[str, tuple[str, ...]] = {
    "fangsong": ("fangsong", "仿宋", "fang song"),
    "song": ("song", "宋", "serif", "ming", "uming"),
    "hei": ("hei", "黑", "sans"),
    "kai": ("kai", "楷"),
}


@dataclass(frozen=True)
class FontSet:
    """ReportLab font names (registered) and the files they came from, per role."""

    fangsong: str
    song: str
    hei: str
    kai: str
    paths: dict[str, str]


_lock = threading.Lock()
_cache: FontSet | None = None
_registered: dict[tuple[str, int], str] = {}


def _fc_list() -> list[tuple[str, str]]:
    """(path, families) pairs from ``fc-list :lang=zh file family``; empty when unavailable."""
    exe = shutil.which("fc-list")
    if not exe:
        return []
    try:
        out = subprocess.run(
            [exe, ":lang=zh", "file", "family"], capture_output=True, text=True, timeout=10, check=False
        ).stdout
    except (OSError, subprocess.SubprocessError):
        return []
    pairs = []
    for line in out.splitlines():
        path, _, fam = line.partition(":")
        if path.strip():
            pairs.append((path.strip(), fam.strip().lower()))
    return pairs


def candidates(role: str) -> list[str]:
    """Candidate font files for a role, best first (may include files that cannot be embedded)."""
    found: list[str] = []
    if sys.platform.startswith("win"):
        found += [str(_WIN_FONTS / name) for name in WINDOWS_CANDIDATES.get(role, [])]
    pairs = _fc_list()
    keys = ROLE_KEYWORDS.get(role, ())
    found += [p for p, fam in pairs if any(k in fam for k in keys)]
    found += [p for p, _ in pairs]
    found += WELL_KNOWN_PATHS
    seen: set[str] = set()
    ordered = []
    for p in found:
        if p not in seen and p.lower().endswith((".ttf", ".ttc", ".otf")):
            seen.add(p)
            ordered.append(p)
    return ordered


def _try_register(path: str, role: str) -> str | None:
    """Register ``path`` with ReportLab (subfont 0 of a .ttc); its name, or None if it cannot embed."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    key = (path, 0)
    if key in _registered:
        return _registered[key]
    if not os.path.isfile(path):
        return None
    name = f"SD-{role}-{len(_registered)}"
    try:
        font = TTFont(name, path, subfontIndex=0) if path.lower().endswith(".ttc") else TTFont(name, path)
    except Exception:  # noqa: BLE001 - TTFError for CFF outlines, anything from a broken file: skip it
        return None
    pdfmetrics.registerFont(font)
    _registered[key] = name
    return name


def load_fonts() -> FontSet:
    """Find, register (once) and return the CJK fonts; raise StationDeskError when none can embed."""
    global _cache
    with _lock:
        if _cache is not None:
            return _cache
        chosen: dict[str, tuple[str, str]] = {}
        for role in ROLES:
            for path in candidates(role):
                name = _try_register(path, role)
                if name:
                    chosen[role] = (name, path)
                    break
        if not chosen:
            raise StationDeskError(NO_FONT_MESSAGE)
        fallback = chosen.get("song") or chosen.get("hei") or next(iter(chosen.values()))
        for role in ROLES:
            chosen.setdefault(role, fallback)
        _cache = FontSet(
            fangsong=chosen["fangsong"][0],
            song=chosen["song"][0],
            hei=chosen["hei"][0],
            kai=chosen["kai"][0],
            paths={role: chosen[role][1] for role in ROLES},
        )
        return _cache


def reset_cache() -> None:
    """Forget the chosen set (tests); registered ReportLab fonts stay registered."""
    global _cache
    with _lock:
        _cache = None
