"""Export what a lazy table shows (current filter, sort, visible columns, masking) to .xlsx or
to a ledger PDF for printing.

The rows are streamed from the model's :class:`PagedQuery` in keyset-paged blocks, not read
through ``data()``: the export must neither touch the model's small cache nor run Qt code off
the UI thread. :func:`export_job` and :func:`pdf_job` take the snapshot on the UI thread and
return the plain ``func(progress, cancel)`` that :func:`desktop.views.job_runner.run_job` runs in
its worker. When the model masks personal data, so does the file: an export never reveals more
than the list shows.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator, Sequence
from typing import Any

from desktop.services.masking import mask_value
from desktop.services.paging import ColumnSpec, Filter, PagedQuery, Sort
from desktop.views.lazy_table_model import LazyTableModel

EXPORT_BLOCK = 1000
# The writers (openpyxl, ReportLab: ~0.5 s of imports) are imported when a job runs, not when a
# list screen opens.
Progress = Callable[[int, int, str], None]
Job = Callable[[Progress, Callable[[], bool]], int]


def export_job(model: LazyTableModel, path: str | os.PathLike[str], visible_columns: Sequence[int], *,
               title: str = "", sheet_name: str | None = None) -> Job:
    """Snapshot ``model``'s query, filter, sort, masking and row count (UI thread) and return the
    job that writes them to ``path`` (any thread); the job returns the number of rows written."""
    snapshot = _Snapshot.of(model, visible_columns)

    def job(progress: Progress, cancel: Callable[[], bool]) -> int:
        from desktop.reports.xlsx_export import write_table_xlsx

        return write_table_xlsx(path, title=title or "export", columns=[(s.title, s.kind) for s in snapshot.specs],
                                rows=snapshot.rows(), progress=progress, cancel=cancel, sheet_name=sheet_name,
                                total=snapshot.total)

    return job


def export_model_to_xlsx(model: LazyTableModel, path: str | os.PathLike[str], visible_columns: Sequence[int], *,
                         title: str = "", sheet_name: str | None = None, progress: Progress | None = None,
                         cancel: Callable[[], bool] | None = None) -> int:
    """Write every row of ``model``'s current filter, in its current sort, with the columns
    ``visible_columns`` (logical column numbers, in the order shown) to ``path``.

    Call on the UI thread for small lists, or use :func:`export_job` with the job runner."""
    return export_job(model, path, visible_columns, title=title, sheet_name=sheet_name)(
        progress or _no_progress, cancel or _never)


def pdf_job(model: LazyTableModel, path: str | os.PathLike[str], visible_columns: Sequence[int], *, title: str,
            subtitle: str | None = None, widths: Sequence[float] | None = None) -> Job:
    """Like :func:`export_job`, for a ledger PDF (desktop/reports/pdf_table.py); ``widths`` (e.g.
    the columns' pixel widths on screen) weigh the PDF's column widths."""
    snapshot = _Snapshot.of(model, visible_columns)
    weights = list(widths) if widths is not None else [_default_weight(s) for s in snapshot.specs]

    def job(progress: Progress, cancel: Callable[[], bool]) -> int:
        from desktop.reports.pdf_table import write_table_pdf

        def report(done: int, _total: int, text: str = "") -> None:
            progress(done, snapshot.total, text)

        return write_table_pdf(path, title=title, subtitle=subtitle,
                               columns=[(s.title, s.kind, w) for s, w in zip(snapshot.specs, weights, strict=True)],
                               rows=snapshot.rows(), progress=report, cancel=cancel)

    return job


class _Snapshot:
    """What a model shows at one moment, as plain data a worker thread may read."""

    def __init__(self, query: PagedQuery, filter_: Filter, sort: Sort, columns: list[int], total: int,
                 reveal_personal: bool) -> None:
        self.query, self.filter, self.sort, self.total = query, filter_, sort, total
        self.specs: list[ColumnSpec] = [query.columns[c] for c in columns]
        self.positions = [c + 1 for c in columns]  # fetched rows are (id, value, …)
        self.masks = [None if reveal_personal else s.mask for s in self.specs]

    @classmethod
    def of(cls, model: LazyTableModel, visible_columns: Sequence[int]) -> _Snapshot:
        # A file may reveal less than the screen: roles without "export.unmasked" export masked
        # values (desktop.services.permissions; the screens set the flag from the login).
        reveal = model.reveal_personal and getattr(model, "export_unmasked", True)
        return cls(model.query, model.current_filter, model.current_sort, list(visible_columns), model.rowCount(),
                   reveal)

    def rows(self) -> Iterator[tuple[Any, ...]]:
        cols = [(p, m, s.labels) for p, m, s in zip(self.positions, self.masks, self.specs, strict=True)]
        for row in self.query.iter_rows(filter=self.filter, sort=self.sort, block=EXPORT_BLOCK):
            yield tuple(_shown(row[p], m, labels) for p, m, labels in cols)


def _shown(value: Any, mask: str | None, labels: Any) -> Any:
    if mask is not None:
        return mask_value(mask, value)
    if labels is not None and value is not None:
        return labels.get(value, value)
    return value


def _default_weight(spec: ColumnSpec) -> float:
    return {"datetime": 1.3, "date": 1.0, "int": 0.7, "bool": 0.5}.get(spec.kind, 1.5)


def _no_progress(_done: int, _total: int, _text: str = "") -> None:
    return None


def _never() -> bool:
    return False


__all__ = ["EXPORT_BLOCK", "export_job", "export_model_to_xlsx", "pdf_job"]
