"""Masking of personal data for roles that may not see it (DESIGN.md §6); no Qt."""

from __future__ import annotations

import pytest

from desktop.models.enums import Role
from desktop.services.masking import (
    PERSONAL_DATA_ROLES,
    mask_id_number,
    mask_name,
    mask_phone,
    mask_value,
    may_see_personal,
)


def test_roles_that_see_personal_data():
    assert {"chief", "duty", "officer", "mediator"} == PERSONAL_DATA_ROLES
    assert may_see_personal(["duty"]) and may_see_personal(("viewer", "chief"))
    assert may_see_personal({Role.MEDIATOR}) and may_see_personal([Role.OFFICER])
    assert not may_see_personal(["admin"]) and not may_see_personal([Role.VIEWER, Role.ADMIN])
    assert not may_see_personal([]) and not may_see_personal(None)


@pytest.mark.parametrize(("raw", "masked"), [
    ("13812345678", "138****5678"),
    ("0731-84567890", "0731-****7890"),
    ("010-6512345", "010-***2345"),
    # Other spellings are normalised before masking: nothing of the middle leaks.
    ("+86 138 1234 5678", "138****5678"),
    ("１３８１２３４５６７８", "138****5678"),
    ("138-1234-5678", "138****5678"),
    ("073184567890", "0731-****7890"),
    # Not a valid phone: first 3 and last 4 stay, the rest is masked.
    ("12345678901234", "123*******1234"),
    # Short values never show whole, and show at most a short tail.
    ("110", "**0"),
    ("12345", "***45"),
    ("7", "*"),
])
def test_mask_phone(raw, masked):
    assert mask_phone(raw) == masked


@pytest.mark.parametrize(("raw", "masked"), [
    ("11010519491231002X", "110105********002X"),
    ("11010519491231002x", "110105********002X"),
    ("110105491231002", "110105*****1002"),
    ("1101", "***1"),
    # Too short for 6 + 4: only the end stays, less than half of it.
    ("1234567890", "******7890"),
])
def test_mask_id_number(raw, masked):
    assert mask_id_number(raw) == masked


def test_mask_name():
    assert mask_name("张三丰") == "张**"
    assert mask_name("张三") == "张*"
    assert mask_name("张") == "*"
    assert mask_name("买买提·艾力") == "买*****"
    assert mask_name(" 李娜 ") == "李*"


def test_empty_values_stay_as_they_are():
    for func in (mask_phone, mask_id_number, mask_name):
        assert func(None) is None
        assert func("") == ""
        assert func("  ") == "  "


def test_mask_value_dispatches_on_the_column_mask_name():
    assert mask_value("phone", "13812345678") == "138****5678"
    assert mask_value("id_number", "11010519491231002X") == "110105********002X"
    assert mask_value("name", "张三丰") == "张**"
    assert mask_value(None, "13812345678") == "13812345678"
    assert mask_value("phone", None) is None
    assert mask_value("name", "") == ""
    # A typo in a column spec masks everything rather than reveal the value.
    assert mask_value("phones", "13812345678") == "*" * 11
