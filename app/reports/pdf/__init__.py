"""The summary PDF (ReportLab): pages, text, charts and fonts."""
