"""Exports of what the dashboard shows, one module per kind of output:

- `data`: the table behind a view as CSV and styled XLSX, text that a spreadsheet would run as a formula
  neutralised;
- `images`: chart pictures (PNG, SVG) through kaleido and Chromium, the data version under a picture that
  travels alone (`cited`), a chart without its finding for a page whose heading carries it;
- `fitting`: text widths, title sizes and picture sizes chosen so that a slide reads from the back of a hall;
- `closing`: the method, sources and caveats that end every deck and report;
- `deck`: the PPTX deck;
- `report`: the self-contained HTML report, and the deck as PDF through LibreOffice;
- `tables`: tables shaped for people; `template`: the blank survey workbook.

The names callers use are re-exported here, so `export.pptx_deck(...)` needs no module path.
"""

from analysis.export.data import to_csv, to_xlsx
from analysis.export.deck import pptx_deck
from analysis.export.fitting import keep_figures, lines_at, picture_size, smallest_font, title_fit
from analysis.export.images import (CHROMIUM_HELP, ChromiumUnavailable, chromium, cited, image, images_available,
                                    without_title)
from analysis.export.report import PDF_HELP, PdfUnavailable, html_report, pdf_available, pdf_from_pptx

__all__ = ["CHROMIUM_HELP", "PDF_HELP", "ChromiumUnavailable", "PdfUnavailable", "chromium", "cited", "html_report",
           "image", "images_available", "keep_figures", "lines_at", "pdf_available", "pdf_from_pptx", "picture_size",
           "pptx_deck", "smallest_font", "title_fit", "to_csv", "to_xlsx", "without_title"]
