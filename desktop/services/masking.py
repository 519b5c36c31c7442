"""Masking of personal data in lists and exports (DESIGN.md §6). No Qt.

"ID numbers and phones are masked in lists and exports unless the role may see them." The
column that holds such data names its kind in ``ColumnSpec.mask`` (``"phone"``, ``"id_number"``,
``"name"``); :func:`mask_value` turns a value of that kind into what a role without the right
may see. Masking is for display: it keeps enough to tell rows apart (a phone's last four digits,
an ID number's area code), never enough to contact or identify the person.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from desktop.services.identity import normalize_phone, to_halfwidth
from desktop.services.permissions import allowed, roles_for

# admin is a technical role and viewer is read-only: both see masked values. The matrix in
# desktop.services.permissions decides ("personal.view"); the name is kept for its readers.
PERSONAL_DATA_ROLES = roles_for("personal.view")
MASK_KINDS: tuple[str, ...] = ("phone", "id_number", "name")
MASK_CHAR = "*"


def may_see_personal(roles: Iterable[Any] | None) -> bool:
    """Whether a user with ``roles`` (strings or ``Role`` members) sees personal data unmasked."""
    return allowed(roles or (), "personal.view")


def _mask_ends(text: str, head: int, tail: int) -> str:
    """Keep ``head`` leading and ``tail`` trailing characters. A value too short for that keeps
    less than half of itself (only its end), so a short value is never shown whole."""
    n = len(text)
    if n <= head + tail:
        head, tail = 0, min(tail, (n - 1) // 2)
    return text[:head] + MASK_CHAR * (n - head - tail) + (text[n - tail:] if tail else "")


def mask_phone(value: str | None) -> str | None:
    """``13812345678`` → ``138****5678``, ``0731-84567890`` → ``0731-****7890``; other spellings
    (+86, spaces, full-width digits) are normalised first; what is not a phone keeps 3 + 4."""
    if value is None or not str(value).strip():
        return value
    text = str(value).strip()
    result = normalize_phone(text)
    if result.valid and result.normalized:
        number = result.normalized
        if result.kind == "landline":
            area, local = number.split("-", 1)
            return f"{area}-{_mask_ends(local, 0, 4)}"
        if result.kind == "mobile":
            return _mask_ends(number, 3, 4)
        text = number
    return _mask_ends(to_halfwidth(text), 3, 4)


def mask_id_number(value: str | None) -> str | None:
    """``11010519491231002X`` → ``110105********002X``: the area code and the last four stay."""
    if value is None or not str(value).strip():
        return value
    return _mask_ends(to_halfwidth(str(value)).strip().upper(), 6, 4)


def mask_name(value: str | None) -> str | None:
    """``张三丰`` → ``张**``: the first character (usually the surname) stays; ``张`` → ``*``."""
    if value is None or not str(value).strip():
        return value
    text = str(value).strip()
    if len(text) == 1:
        return MASK_CHAR
    return text[0] + MASK_CHAR * (len(text) - 1)


_MASKERS = {"phone": mask_phone, "id_number": mask_id_number, "name": mask_name}


def mask_value(kind: str | None, value: Any) -> Any:
    """``value`` masked as personal data of ``kind`` (a ``ColumnSpec.mask`` name); unchanged when
    ``kind`` is None or the value is None/empty. An unknown kind masks the whole value: a typo in
    a column spec must not reveal data."""
    if kind is None or value is None:
        return value
    if isinstance(value, str) and not value.strip():
        return value
    masker = _MASKERS.get(kind)
    if masker is None:
        return MASK_CHAR * len(str(value))
    return masker(str(value))


__all__ = [
    "MASK_KINDS",
    "PERSONAL_DATA_ROLES",
    "mask_id_number",
    "mask_name",
    "mask_phone",
    "mask_value",
    "may_see_personal",
]
