"""Word (.docx) and Excel (.xlsx) reports, for board packs and spreadsheets.

Each command's report is first described as an :class:`~.document.OfficeReport` (a summary that
fits one page, detail as an appendix, and one table per spreadsheet sheet), then written by
:mod:`.docx_writer` (python-docx) or :mod:`.xlsx_writer` (openpyxl). Those libraries are
imported only when an office format is asked for.
"""
