"""Export what a lazy table shows (current filter, sort and visible columns) to .xlsx.

The rows are streamed from the model's :class:`PagedQuery` in keyset-paged blocks, not read
through ``data()``: the export must neither touch the model's small cache nor run Qt code off
the UI thread. :func:`export_job` takes the snapshot on the UI thread and returns the plain
``func(progress, cancel)`` that :func:`desktop.views.job_runner.run_job` runs in its worker.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from typing import Any

from desktop.reports.xlsx_export import Progress, write_table_xlsx
from desktop.services.paging import Filter, PagedQuery, Sort
from desktop.views.lazy_table_model import LazyTableModel

EXPORT_BLOCK = 1000


def export_job(model: LazyTableModel, path: str | os.PathLike[str], visible_columns: Sequence[int], *,
               title: str = "", sheet_name: str | None = None) -> Callable[[Progress, Callable[[], bool]], int]:
    """Snapshot ``model``'s query, filter, sort and row count (UI thread) and return the job
    that writes them to ``path`` (any thread); the job returns the number of rows written."""
    query, filter_, sort = model.query, model.current_filter, model.current_sort
    columns = list(visible_columns)
    total = model.rowCount()

    def job(progress: Progress, cancel: Callable[[], bool]) -> int:
        return _export(query, filter_, sort, columns, path, title=title, sheet_name=sheet_name,
                       total=total, progress=progress, cancel=cancel)

    return job


def export_model_to_xlsx(model: LazyTableModel, path: str | os.PathLike[str], visible_columns: Sequence[int], *,
                         title: str = "", sheet_name: str | None = None, progress: Progress | None = None,
                         cancel: Callable[[], bool] | None = None) -> int:
    """Write every row of ``model``'s current filter, in its current sort, with the columns
    ``visible_columns`` (logical column numbers, in the order shown) to ``path``.

    Call on the UI thread for small lists, or use :func:`export_job` with the job runner."""
    return export_job(model, path, visible_columns, title=title, sheet_name=sheet_name)(
        progress or _no_progress, cancel or _never)


def _export(query: PagedQuery, filter_: Filter, sort: Sort, columns: list[int], path, *, title: str,
            sheet_name: str | None, total: int, progress: Progress, cancel: Callable[[], bool]) -> int:
    specs = [query.columns[c] for c in columns]
    positions = [c + 1 for c in columns]  # fetched rows are (id, value, …)

    def rows() -> Any:
        for row in query.iter_rows(filter=filter_, sort=sort, block=EXPORT_BLOCK):
            yield tuple(row[p] for p in positions)

    return write_table_xlsx(path, title=title or "export", columns=[(s.title, s.kind) for s in specs],
                            rows=rows(), progress=progress, cancel=cancel, sheet_name=sheet_name, total=total)


def _no_progress(_done: int, _total: int, _text: str = "") -> None:
    return None


def _never() -> bool:
    return False


__all__ = ["export_job", "export_model_to_xlsx"]
