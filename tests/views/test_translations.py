"""Every string the views pass to tr()/translate() is in the Simplified Chinese .ts, finished, and
in the built .qm (so a fresh checkout shows Chinese)."""

from __future__ import annotations

import ast
import xml.etree.ElementTree as ET
from pathlib import Path

from PySide6.QtCore import QTranslator

ROOT = Path(__file__).resolve().parents[2]
TS = ROOT / "resources" / "translations" / "stationdesk_zh_CN.ts"
QM = TS.with_suffix(".qm")
SOURCES = [*sorted((ROOT / "desktop" / "views").glob("*.py")), ROOT / "desktop" / "app.py"]


def _source_strings() -> tuple[set[tuple[str, str]], list[str]]:
    """(context, source) of every tr()/translate() call, and calls whose text is not a literal."""
    found, dynamic = set(), []
    for path in SOURCES:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for cls in [None, *[n for n in ast.walk(tree) if isinstance(n, ast.ClassDef)]]:
            nodes = ast.walk(cls) if cls is not None else ast.walk(tree)
            for node in nodes:
                if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)):
                    continue
                where = f"{path.name}:{node.lineno}"
                if node.func.attr == "tr" and cls is not None:
                    arg = node.args[0] if node.args else None
                    if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                        found.add((cls.name, arg.value))
                    else:
                        dynamic.append(where)
                elif node.func.attr == "translate" and cls is None and len(node.args) >= 2:
                    ctx, text = node.args[:2]
                    if all(isinstance(a, ast.Constant) and isinstance(a.value, str) for a in (ctx, text)):
                        found.add((ctx.value, text.value))
                    else:
                        dynamic.append(where)
    return found, dynamic


def _ts_messages() -> dict[tuple[str, str], tuple[str | None, str | None]]:
    messages = {}
    for context in ET.parse(TS).getroot().iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            translation = message.find("translation")
            text = translation.text
            if message.get("numerus") == "yes":  # Chinese has one plural form
                text = translation.findtext("numerusform")
            messages[(name, message.findtext("source"))] = (translation.get("type"), text)
    return messages


def _numerus(context: str, source: str) -> bool:
    for ctx in ET.parse(TS).getroot().iter("context"):
        if ctx.findtext("name") == context:
            for message in ctx.iter("message"):
                if message.findtext("source") == source:
                    return message.get("numerus") == "yes"
    return False


def test_every_source_string_has_a_finished_chinese_translation():
    strings, dynamic = _source_strings()
    assert not dynamic, f"tr()/translate() with a non-literal text cannot be extracted: {dynamic}"
    assert len(strings) > 40
    messages = _ts_messages()
    missing = sorted(s for s in strings if s not in messages)
    unfinished = sorted(s for s in strings if s in messages and (messages[s][0] or not messages[s][1]))
    assert not missing, f"not in {TS.name} (run pyside6-lupdate): {missing}"
    assert not unfinished, f"unfinished translations in {TS.name}: {unfinished}"


def test_built_qm_matches_the_ts():
    translator = QTranslator()
    assert translator.load(str(QM)), f"{QM} missing: run pyside6-lrelease"
    stale = [
        (context, source)
        for (context, source), (kind, text) in _ts_messages().items()
        if kind not in ("obsolete", "vanished")
        and translator.translate(context, source, None, 1 if _numerus(context, source) else -1) != text
    ]
    assert not stale, f"{QM.name} is older than {TS.name} (run pyside6-lrelease): {stale}"


def test_placeholders_survive_translation():
    import re

    for (context, source), (_kind, text) in _ts_messages().items():
        assert set(re.findall(r"\{\w+\}", source)) == set(re.findall(r"\{\w+\}", text or "")), (context, source)
