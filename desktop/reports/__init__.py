"""PDF (ReportLab) and Excel (openpyxl) writers, fed with plain data. No Qt."""
