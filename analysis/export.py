"""Downloads of the data behind a view: CSV and styled XLSX, safe to open in a spreadsheet.

Text cells that a spreadsheet would run as a formula (starting with = + - @, tab or carriage return) are
prefixed with an apostrophe (OWASP CSV injection); numbers stay numbers.
"""

from __future__ import annotations

import atexit
import datetime as dt
import html
import io
import shutil
import subprocess
import tempfile
import threading
from pathlib import Path

import kaleido
import pandas as pd
import plotly.graph_objects as go
from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter
from pptx import Presentation
from pptx.util import Inches, Pt

from analysis.charts import split_title

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value: object) -> object:
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def _safe(frame: pd.DataFrame) -> pd.DataFrame:
    out = frame.copy()
    for column in out.columns:
        if out[column].dtype == object or pd.api.types.is_string_dtype(out[column]):
            out[column] = out[column].map(neutralise)
    return out


def to_csv(frame: pd.DataFrame) -> bytes:
    return _safe(frame).to_csv(index=False).encode("utf-8-sig")     # BOM: Excel opens UTF-8 correctly


def to_xlsx(frame: pd.DataFrame, title: str, caption: str) -> bytes:
    """One sheet: the title and the filters in words above a table with bold headings."""
    wb = Workbook()
    ws = wb.active
    ws.title = "Data"
    ws["A1"] = neutralise(title)
    ws["A1"].font = Font(bold=True, size=14)
    ws["A2"] = neutralise(caption)
    safe = _safe(frame)
    for j, column in enumerate(safe.columns, start=1):
        ws.cell(4, j, str(column)).font = Font(bold=True)
        ws.column_dimensions[get_column_letter(j)].width = max(12, min(40, len(str(column)) + 4))
    for i, row in enumerate(safe.itertuples(index=False), start=5):
        for j, value in enumerate(row, start=1):
            if value is not None and not (isinstance(value, float) and value != value) and value is not pd.NA:
                ws.cell(i, j, value.item() if hasattr(value, "item") else value)
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()


# --- images: one warm kaleido server (system chromium) for the whole process ---------------------------
SLIDE_PX = (1600, 900)                   # 16:9 chart images, crisp on a projector
_kaleido_lock = threading.Lock()
_kaleido_started = False


def _kaleido() -> None:
    """Start kaleido's browser once and keep it warm: starting Chrome per chart costs seconds."""
    global _kaleido_started
    if not _kaleido_started:
        kaleido.start_sync_server(headless=True, silence_warnings=True)
        atexit.register(kaleido.stop_sync_server, silence_warnings=True)
        _kaleido_started = True


def image(fig: go.Figure, fmt: str = "png", size: tuple[int, int] = SLIDE_PX, scale: float = 1) -> bytes:
    """PNG or SVG of a figure, rendered by kaleido with the system chromium."""
    with _kaleido_lock:
        _kaleido()
        return kaleido.calc_fig_sync(fig, opts={"format": fmt, "width": size[0], "height": size[1],
                                                "scale": scale})


# --- decks, reports, PDF -----------------------------------------------------------------------------
def _source_line(slide, survey: str) -> str:
    return f"Source: {survey}; {slide.caption}; generated {dt.date.today():%d %B %Y}."


def pptx_deck(slides: list, title: str, subtitle: str, *, survey: str = "Museum digitisation survey",
              template: bytes | None = None) -> bytes:
    """16:9 deck: a title slide, then one chart per slide (PNG), the finding as title, a source footer with
    n and filters, and speaker notes with the key figures and the method."""
    prs = Presentation(io.BytesIO(template)) if template else Presentation()
    if not template:
        prs.slide_height = Inches(7.5)
        prs.slide_width = prs.slide_height * 16 // 9
    first = prs.slides.add_slide(prs.slide_layouts[0])
    first.shapes.title.text = title
    if len(first.placeholders) > 1:
        first.placeholders[1].text = subtitle
    blank = prs.slide_layouts[5 if len(prs.slide_layouts) > 5 else -1]       # "Title Only"
    width, height = prs.slide_width, prs.slide_height
    for slide in slides:
        page = prs.slides.add_slide(blank)
        if page.shapes.title is not None:
            page.shapes.title.text = slide.title
            page.shapes.title.text_frame.paragraphs[0].font.size = Pt(28)
        picture = image(without_title(slide.figure), "png")
        top = int(height * 0.17)
        pic_height = int(height * 0.72)
        pic_width = int(pic_height * SLIDE_PX[0] / SLIDE_PX[1])
        page.shapes.add_picture(io.BytesIO(picture), int((width - pic_width) / 2), top, pic_width, pic_height)
        footer = page.shapes.add_textbox(Inches(0.4), height - Inches(0.55), width - Inches(0.8), Inches(0.4))
        footer.text_frame.text = _source_line(slide, survey)
        footer.text_frame.paragraphs[0].font.size = Pt(11)
        page.notes_slide.notes_text_frame.text = "\n".join([slide.caption, *slide.notes])
    buffer = io.BytesIO()
    prs.save(buffer)
    return buffer.getvalue()


def without_title(fig: go.Figure) -> go.Figure:
    """The slide title carries the finding; the picture keeps only the subtitle line (filters and n)."""
    copy = go.Figure(fig)
    subtitle = split_title(copy.layout.title.text)[1]
    copy.update_layout(title={"text": subtitle, "font": {"size": 16}}, margin={"t": 40 + 22 * (subtitle.count("<br>") + 1)})
    return copy


def html_report(slides: list, title: str, subtitle: str) -> str:
    """One self-contained HTML file: every chart interactive, plotly.js embedded, no network needed."""
    parts = [f"<h1>{html.escape(title)}</h1><p>{html.escape(subtitle)}</p>"]
    for i, slide in enumerate(slides):
        parts.append(f"<section><h2>{html.escape(slide.title)}</h2>")
        parts.append(slide.figure.to_html(full_html=False, include_plotlyjs=(i == 0), config={"displaylogo": False}))
        parts.append("<ul>" + "".join(f"<li>{html.escape(n)}</li>" for n in slide.notes) + "</ul></section>")
    return ("<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'>"
            f"<title>{html.escape(title)}</title><style>body{{font-family:Arial,sans-serif;max-width:1200px;"
            "margin:2em auto;padding:0 1em}section{margin-bottom:3em}</style></head><body>"
            + "".join(parts) + "</body></html>")


PDF_HELP = ("PDF needs LibreOffice on the server: install it with `apt-get install -y libreoffice-impress`, "
            "or download the PPTX and save it as PDF.")


class PdfUnavailable(RuntimeError):
    """LibreOffice is not installed; the message says how to install it."""


def _office() -> str | None:
    return shutil.which("libreoffice") or shutil.which("soffice")


def pdf_available() -> bool:
    return _office() is not None


def pdf_from_pptx(deck: bytes) -> bytes:
    office = _office()
    if office is None:
        raise PdfUnavailable(PDF_HELP)
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / "deck.pptx"
        source.write_bytes(deck)
        subprocess.run([office, "--headless", "--convert-to", "pdf", "--outdir", tmp, str(source)],
                       check=True, capture_output=True, timeout=180)
        return (Path(tmp) / "deck.pdf").read_bytes()
