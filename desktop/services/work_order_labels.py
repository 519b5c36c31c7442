"""Chinese display labels of work-order values, in one place for the views, documents and CLI. No Qt.

The stored values are the enums in desktop/models/enums.py; an unknown value shows as itself.
"""

from __future__ import annotations

STATUS_LABELS: dict[str, str] = {
    "issued": "已下发",
    "accepted": "已签收",
    "reported": "已反馈",
    "returned": "已退回",
    "closed": "已办结",
    "cancelled": "已撤销",
}

PRIORITY_LABELS: dict[str, str] = {
    "urgent": "紧急",
    "high": "急",
    "normal": "一般",
    "long_term": "长期",
}

EVENT_LABELS: dict[str, str] = {
    "issue": "下发",
    "accept": "签收",
    "report": "反馈",
    "return": "退回",
    "close": "办结",
    "urge": "催办",
    "reassign": "转派",
    "cancel": "撤销",
}

SOURCE_LABELS: dict[str, str] = {
    "incident": "警情",
    "cluster": "重复警情",
    "directive": "指令",
    "warning": "预警",
    "dispute": "矛盾纠纷",
    "hq": "上级交办",
    "manual": "自建",
}


def status_label(value: str | None) -> str:
    return "" if value is None else STATUS_LABELS.get(str(value), str(value))


def priority_label(value: str | None) -> str:
    return "" if value is None else PRIORITY_LABELS.get(str(value), str(value))


def event_label(value: str | None) -> str:
    return "" if value is None else EVENT_LABELS.get(str(value), str(value))


def source_label(value: str | None) -> str:
    return "" if value is None else SOURCE_LABELS.get(str(value), str(value))


__all__ = [
    "EVENT_LABELS", "PRIORITY_LABELS", "SOURCE_LABELS", "STATUS_LABELS",
    "event_label", "priority_label", "source_label", "status_label",
]
