"""Work orders (工单): the state machine, issuing with numbers, lists, my desk, statistics and
attachments (DESIGN.md §3 "Work order", §4). No Qt.

Split by concern — ``workflow`` (the only code that changes an order's status), ``reads`` (details,
list query, counts, my desk), ``stats`` and ``attachments`` — and re-exported here, so callers import
``desktop.services.work_orders``.
"""

from desktop.services.work_orders.attachments import (
    MAX_ATTACHMENT_BYTES,
    AttachmentCorrupt,
    add_attachment,
    attachment_bytes,
    mime_type_of,
)
from desktop.services.work_orders.reads import (
    DEFAULT_TITLES,
    AttachmentRow,
    EventRow,
    MyDesk,
    OrderDetail,
    OrderRow,
    due_today_filter,
    is_overdue,
    my_desk,
    order_detail,
    orders_for_source,
    overdue_filter,
    status_counts,
    tone_expr,
    work_order_list_query,
)
from desktop.services.work_orders.stats import StatsRow, WorkOrderStats, hours_between, statistics
from desktop.services.work_orders.workflow import (
    ACTION_LABELS,
    ACTIONS,
    CLOSED_STATES,
    DEFAULT_DEADLINE_HOURS,
    FROM_STATES,
    OPEN_STATES,
    PRIORITY_LABELS,
    SOURCE_LABELS,
    STATUS_LABELS,
    NewOrder,
    actions_for,
    allowed_actions,
    can_issue,
    create_work_order,
    default_deadline,
    reassign_many,
    transition,
    urge_many,
)

__all__ = [
    "ACTIONS", "ACTION_LABELS", "CLOSED_STATES", "DEFAULT_DEADLINE_HOURS", "DEFAULT_TITLES", "FROM_STATES",
    "MAX_ATTACHMENT_BYTES", "OPEN_STATES", "PRIORITY_LABELS", "SOURCE_LABELS", "STATUS_LABELS", "AttachmentCorrupt",
    "AttachmentRow", "EventRow", "MyDesk", "NewOrder", "OrderDetail", "OrderRow", "StatsRow", "WorkOrderStats",
    "actions_for", "add_attachment", "allowed_actions", "attachment_bytes", "can_issue", "create_work_order",
    "default_deadline", "due_today_filter", "hours_between", "is_overdue", "mime_type_of", "my_desk",
    "order_detail", "orders_for_source", "overdue_filter", "reassign_many", "statistics", "status_counts",
    "tone_expr", "transition", "urge_many", "work_order_list_query",
]
