"""Dispute documents: the printed 人民调解协议书 and the 矛盾纠纷台账 (Excel and PDF). No Qt.

The agreement is read straight from its rows (the agreement, its signatories and their parties);
the ledger streams the rows of :func:`disputes.dispute_list_query` for any filter, with the list's own
columns, titles and labels. Printing and exporting are written to the audit log.
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Mapping
from datetime import date, datetime
from typing import Any, Protocol

from sqlalchemy import or_, select

from desktop.db import Database
from desktop.db.audit import record_event
from desktop.errors import NotFound
from desktop.models.dispute import Agreement, AgreementParty, Dispute, Party
from desktop.models.enums import AuditAction, PartyRole
from desktop.models.org import Station
from desktop.reports.agreement_pdf import AgreementDocument, AgreementPartyLine, write_agreement_pdf
from desktop.services.paging import Filter, Sort
from desktop.services.permissions import require

LEDGER_TITLE = "矛盾纠纷台账"
_SCREEN_ONLY = frozenset({"tone"})  # a colour hint for the list screen, not a ledger column
_ROLE_ORDER = {PartyRole.APPLICANT.value: 0, PartyRole.RESPONDENT.value: 1}


class Actor(Protocol):
    """Who acts: a LoginResult at a desk, or a StationActor (no staff member) for the CLI."""

    station_id: int
    staff_id: int | None


def _may_print_personal(login: Actor) -> None:
    # A desk's or CLI user's login carries roles; a StationActor is an in-process job (tests, the
    # station report) that no person drives, so there is nobody to check.
    if getattr(login, "roles", None) is not None:
        require(login, "personal.view")


# --------------------------------------------------------------------------- the agreement


def agreement_document(db: Database, station_id: int, agreement_id: int) -> AgreementDocument:
    """The printable agreement (plain data, safe across threads); NotFound for another station's."""
    with db.session(station_id=station_id) as s:
        ag = s.execute(select(Agreement).where(Agreement.id == agreement_id,
                                               Agreement.station_id == station_id)).scalar_one_or_none()
        if ag is None:
            raise NotFound(f"没有编号为 {agreement_id} 的调解协议")
        station = s.execute(select(Station.name).where(Station.id == station_id)).scalar_one()
        rows = s.execute(
            select(AgreementParty.role, Party)
            .join(Party, Party.id == AgreementParty.party_id)
            .where(AgreementParty.agreement_id == ag.id)
            .order_by(Party.id)
        ).all()
        parties = sorted(
            (AgreementPartyLine(name=p.name, role=role, sex=p.sex, ethnicity=p.ethnicity, birth_date=p.birth_date,
                                id_number=p.id_number, address=p.address, phone=p.phone) for role, p in rows),
            key=lambda line: _ROLE_ORDER.get(line.role, 2),  # stable: by party within a role
        )
        mediators = [m.strip() for m in (ag.mediators or "").replace("，", "、").replace(",", "、").split("、")
                     if m.strip()]
        return AgreementDocument(
            station_name=station, organisation=ag.organisation or f"{station}人民调解委员会", number=ag.number,
            version=ag.agreement_version, parties=parties, facts=ag.facts, points=ag.points, terms=ag.terms,
            performance=ag.performance, performance_deadline=ag.performance_deadline, copies=ag.copies,
            mediators=mediators, signed_on=ag.signed_on, signed=ag.status != "draft",
        )


def latest_agreement_id(db: Database, station_id: int, number: str) -> int:
    """The id of the latest version of the agreement with this number, or of the dispute with this
    number; NotFound otherwise."""
    key = number.strip()
    with db.session(station_id=station_id) as s:
        found = s.execute(
            select(Agreement.id)
            .join(Dispute, Dispute.id == Agreement.dispute_id)
            .where(Agreement.station_id == station_id, or_(Agreement.number == key, Dispute.number == key))
            .order_by(Agreement.agreement_version.desc(), Agreement.id.desc())
            .limit(1)
        ).scalar_one_or_none()
    if found is None:
        raise NotFound(f"没有编号为 {key} 的纠纷或调解协议")
    return found


def print_agreement(db: Database, login: Actor, agreement_id: int, path: str | os.PathLike[str]) -> int:
    """Write the agreement to the PDF ``path`` and record the print; returns the number of pages."""
    _may_print_personal(login)
    data = agreement_document(db, login.station_id, agreement_id)
    pages = write_agreement_pdf(path, data)
    with db.transaction(station_id=login.station_id, staff_id=login.staff_id) as s:
        record_event(s, AuditAction.PRINT, table_name="agreements", record_id=agreement_id,
                     summary=f"打印人民调解协议书 {data.number}（第{data.version}版）",
                     changes={"file": os.fspath(path), "pages": pages, "parties": [p.name for p in data.parties]})
    return pages


# --------------------------------------------------------------------------- the ledger


def _cell(value: Any, kind: str, labels: Mapping[str, str] | None) -> Any:
    if labels and value is not None and kind == "text":
        return labels.get(str(value), value)
    if kind == "bool" and value is not None:
        return "是" if value else "否"
    return value


def write_dispute_ledger(db: Database, login: Actor, path_xlsx: str | os.PathLike[str] | None = None,
                         path_pdf: str | os.PathLike[str] | None = None, *, equals: Mapping[str, Any] | None = None,
                         ranges: Mapping[str, tuple[Any, Any]] | None = None, text: str = "",
                         subtitle: str | None = None, now: datetime | None = None) -> int:
    """Write the 矛盾纠纷台账 of the disputes matching the filter (over the list query's keys) to
    ``path_xlsx`` and/or ``path_pdf`` (landscape) by registration time; returns the number of
    disputes written and records one export in the audit log. Any thread."""
    if path_xlsx is None and path_pdf is None:
        raise ValueError("write_dispute_ledger needs an Excel or a PDF path")
    _may_print_personal(login)
    from desktop.reports.pdf_table import write_table_pdf
    from desktop.reports.xlsx_export import write_table_xlsx
    from desktop.services.disputes import dispute_list_query

    now = now or datetime.now()
    station_id = login.station_id
    query = dispute_list_query(db, station_id, None)
    positions = [(i, c) for i, c in enumerate(query.columns, start=1) if c.key not in _SCREEN_ONLY]
    specs = [c for _i, c in positions]
    flt = Filter(text=text, equals=dict(equals or {}), ranges=dict(ranges or {}))
    total = query.count(flt)
    with db.session(station_id=station_id) as s:
        station_name = s.execute(select(Station.name).where(Station.id == station_id)).scalar_one()
    sort = Sort("registered_at") if any(c.key == "registered_at" for c in specs) else Sort()
    kinds = ["int"] + [c.kind if c.kind != "bool" else "text" for c in specs]
    titles = ["序号"] + [c.title for c in specs]

    def cells() -> Iterator[tuple]:
        for n, row in enumerate(query.iter_rows(filter=flt, sort=sort), start=1):
            yield (n, *(_cell(row[i], c.kind, c.labels) for i, c in positions))

    both = path_xlsx is not None and path_pdf is not None
    kept: list[tuple] = []

    def tee() -> Iterator[tuple]:
        for row in cells():
            kept.append(row)
            yield row

    written = 0
    files: list[str] = []
    title = f"{station_name}{LEDGER_TITLE}"
    if path_xlsx is not None:
        written = write_table_xlsx(path_xlsx, title=title, columns=list(zip(titles, kinds, strict=True)),
                                   rows=tee() if both else cells(), sheet_name=LEDGER_TITLE, total=total)
        files.append(os.fspath(path_xlsx))
    if path_pdf is not None:
        weights = [0.6] + [3.0 if c.key in ("cause", "summary") else 1.6 if c.key == "number"
                           else 1.4 if c.kind in ("datetime", "date") else 1.0
                           for c in specs]
        try:
            written = write_table_pdf(path_pdf, title=title,
                                      subtitle=subtitle or f"共 {total} 件　{now:%Y年%m月%d日}制表",
                                      columns=list(zip(titles, kinds, weights, strict=True)),
                                      rows=kept if both else cells(), landscape=True)
        except BaseException:
            if path_xlsx is not None:  # all or nothing
                try:
                    os.unlink(path_xlsx)
                except OSError:
                    pass
            raise
        files.append(os.fspath(path_pdf))
    with db.transaction(station_id=station_id, staff_id=login.staff_id) as s:
        record_event(s, AuditAction.EXPORT, table_name="disputes", summary=f"导出{LEDGER_TITLE} {written} 条",
                     changes={"list": LEDGER_TITLE, "rows": written, "files": files,
                              "filter": {"text": flt.text, "equals": _jsonable(flt.equals),
                                         "ranges": {k: [_jsonable(x) for x in v] for k, v in flt.ranges.items()}}})
    return written


def _jsonable(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, Mapping):
        return {k: _jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple | set | frozenset):
        return [_jsonable(v) for v in value]
    return value


__all__ = ["LEDGER_TITLE", "Actor", "agreement_document", "latest_agreement_id", "print_agreement",
           "write_dispute_ledger"]
