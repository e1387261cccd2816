"""Word (.docx) and Excel (.xlsx) reports, for board packs and spreadsheets: part of the kit.

Each command describes its report as an :class:`~.document.OfficeReport` (a summary that fits
one page, detail as an appendix, one table per spreadsheet sheet: ``scoring/report/office.py``,
``aggregate/office_report.py``, ``compare/office_report.py``), and :mod:`.formats` writes it
with :mod:`.docx_writer` (python-docx) or :mod:`.xlsx_writer` (openpyxl). Those libraries are
imported only when an office format is asked for.
"""
