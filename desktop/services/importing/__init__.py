"""Reading 110 incident exports and preparing their rows (Qt-free; no database).

``read_sheet`` -> ``find_header`` / ``auto_map`` -> ``prepare_rows`` (or ``preview`` for the wizard).
The database half lives in desktop.services.incident_import.
"""

from desktop.services.importing.categories import resolve_category
from desktop.services.importing.fields import (
    FIELDS,
    FieldDef,
    auto_map,
    find_header,
    is_blank_row,
    is_totals_row,
    normalize_header,
)
from desktop.services.importing.normalize import clean_number, clean_text, parse_time
from desktop.services.importing.prepare import (
    CONTENT_FIELDS,
    Prepared,
    PreparedRow,
    PreviewRow,
    RowProblem,
    content_key,
    prepare_rows,
    preview,
)
from desktop.services.importing.reader import ImportFileError, Sheet, read_sheet

__all__ = [
    "CONTENT_FIELDS",
    "FIELDS",
    "FieldDef",
    "ImportFileError",
    "Prepared",
    "PreparedRow",
    "PreviewRow",
    "RowProblem",
    "Sheet",
    "auto_map",
    "clean_number",
    "clean_text",
    "content_key",
    "find_header",
    "is_blank_row",
    "is_totals_row",
    "normalize_header",
    "parse_time",
    "prepare_rows",
    "preview",
    "read_sheet",
    "resolve_category",
]
