"""Exports: the data behind a view as CSV and styled XLSX, chart images, the PPTX deck, the HTML report, PDF.
(analysis.export.tables shapes tables for people; analysis.export.template writes the blank survey.)

Text cells that a spreadsheet would run as a formula (starting with = + - @, tab or carriage return) are
prefixed with an apostrophe (OWASP CSV injection); numbers stay numbers.
"""

from __future__ import annotations

import atexit
import datetime as dt
import html
import io
import os
import re
import shutil
import subprocess
import tempfile
import threading
import unicodedata
from pathlib import Path

import kaleido
import pandas as pd
import plotly.graph_objects as go
from choreographer.browsers.chromium import Chromium
from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter
from pptx import Presentation
from pptx.dml.color import RGBColor
from pptx.enum.shapes import PP_PLACEHOLDER
from pptx.enum.text import MSO_ANCHOR, MSO_AUTO_SIZE, PP_ALIGN
from pptx.util import Inches, Pt

from analysis import limits

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


def to_csv(frame: pd.DataFrame, data_version: str = "") -> bytes:
    """The table as CSV; a last column `data_version` says which uploads and frame it was made from, so the
    file stays one plain table that any tool reads."""
    out = _safe(frame)
    if data_version:
        out = out.assign(data_version=data_version)
    return out.to_csv(index=False).encode("utf-8-sig")     # BOM: Excel opens UTF-8 correctly


def to_xlsx(frame: pd.DataFrame, title: str, caption: str, data_version: str = "") -> bytes:
    """One sheet: the title, the filters in words and the data version above a table with bold headings."""
    wb = Workbook()
    ws = wb.active
    ws.title = "Data"
    ws["A1"] = neutralise(title)
    ws["A1"].font = Font(bold=True, size=14)
    ws["A2"] = neutralise(caption)
    ws["A3"] = neutralise(data_version)
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
CHROMIUM_HELP = ("Chart images and the PowerPoint deck are drawn by Chromium on the server, which is not installed: "
                 "install it with `apt-get install -y chromium` (or set BROWSER_PATH to a Chrome or Chromium "
                 "program), then try again.")


class ChromiumUnavailable(RuntimeError):
    """No Chrome or Chromium for kaleido; the message says how to install it."""


def chromium() -> str | None:
    """The browser kaleido would start, by kaleido's own search ($BROWSER_PATH when set, else a copy it
    downloaded, a Chrome or Chromium on PATH, or one in its usual place); None when there is none to run."""
    path = Chromium.find_browser(skip_local=False)
    return path if path and os.access(path, os.X_OK) else None


def images_available() -> bool:
    return chromium() is not None


def _kaleido() -> None:
    """Start kaleido's browser once and keep it warm: starting Chrome per chart costs seconds."""
    global _kaleido_started
    if not _kaleido_started:
        kaleido.start_sync_server(headless=True, silence_warnings=True)
        atexit.register(kaleido.stop_sync_server, silence_warnings=True)
        _kaleido_started = True


def cited(fig: go.Figure, data_version: str) -> go.Figure:
    """The figure with its data version in small grey text under everything else, for an image that travels
    on its own (a picture pasted in a report still says which data it shows)."""
    if not data_version:
        return fig
    copy = go.Figure(fig)
    bottom = copy.layout.margin.b if copy.layout.margin.b is not None else 80          # plotly's default margin
    copy.update_layout(margin={"b": bottom + 36})
    copy.add_annotation(text=data_version, xref="paper", yref="paper", x=0, y=0, xanchor="left", yanchor="top",
                        yshift=-bottom - 8, showarrow=False, font={"size": 13, "color": "#555f6d"})
    return copy


def image(fig: go.Figure, fmt: str = "png", size: tuple[int, int] = SLIDE_PX, scale: float = 1) -> bytes:
    """PNG or SVG of a figure, rendered by kaleido with the system chromium."""
    if not images_available():
        raise ChromiumUnavailable(CHROMIUM_HELP)
    with _kaleido_lock:
        _kaleido()
        return kaleido.calc_fig_sync(fig, opts={"format": fmt, "width": size[0], "height": size[1],
                                                "scale": scale})


# --- decks, reports, PDF -----------------------------------------------------------------------------
# A deck is read from the back of a hall: sizes are set for a slide shown SHOWN_PX wide (1 pt = 2 px on a
# 13.33-inch slide) and every chart picture is laid out so that its smallest text reaches MIN_TEXT_PX there.
SHOWN_PX = 1920
MIN_TEXT_PX = 18
TITLE_PT = (36, 32, 28, 26, 24, 22, 20, 18, 16)      # a chart title takes the largest that fits in two lines
COVER_PT = (44, 40, 36, 32, 28, 24)                  # the deck title on the title slide
BODY_PT = (20, 18, 16, 14, 12)                       # the closing slide's text
FOOTER_PT = 11
# Text widths are computed from Arial Bold's advance widths (those of Helvetica-Bold and Liberation Sans Bold
# too), ' ' to '~' in 1/1000 em: PowerPoint shrinks overflowing text only when it redraws a slide itself, and
# LibreOffice never does, so sizes are chosen here. Regular text is narrower, so bold widths are safe for it.
_ADVANCE = (278, 333, 474, 556, 556, 889, 722, 238, 333, 333, 389, 584, 278, 333, 278, 278, 556, 556, 556, 556,
            556, 556, 556, 556, 556, 556, 333, 333, 584, 584, 584, 611, 975, 722, 722, 722, 722, 667, 611, 778,
            722, 278, 556, 722, 611, 833, 722, 778, 667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 333,
            278, 333, 584, 556, 333, 556, 611, 556, 611, 556, 333, 611, 611, 278, 278, 556, 278, 889, 611, 611,
            611, 611, 389, 556, 333, 611, 556, 778, 556, 556, 500, 389, 280, 389, 584)
SLACK = 1.05                                         # line breaking differs a little between applications
# A template's typeface is unknown here: its text is taken 1.2 times as wide as Arial's (DejaVu Sans Bold,
# what LibreOffice draws for a font it lacks, measures 1.19).
WIDER = 1.2
LINE_EM = 1.2                                        # Arial's single line spacing is 1.15 em
HEADING_EM = 0.6                                     # space above a heading after the first, in em
FONT = "Arial"
INK = RGBColor(0x1F, 0x2A, 0x44)
MUTED = RGBColor(0x55, 0x5F, 0x6D)
ACCENT = RGBColor(0x00, 0x72, 0xB2)                 # the charts' first colour
MARGIN = Inches(0.5)
TITLE_TOP = Inches(0.3)
GAP = Inches(0.15)
INSET = Inches(0.05)                                 # top and bottom inset of every text box written here
_CSS_FONT_SIZE = re.compile(r"font-size:\s*([\d.]+)px")

SOURCES = (
    "Population frame: museums per country from EGMUS, national statistics offices and research datasets, "
    "each with its year, what it counts and its source (Methodology page).",
    "Commission Recommendation (EU) 2021/1970 on a common European data space for cultural heritage: "
    "digitisation targets for 2025 and 2030.",
    "NEMO, Network of European Museum Organisations: recommendations on AI in museums (Brussels, 2024).",
)
CAVEATS = (
    "Respondents chose to answer (self-selected): the figures describe them, not every museum.",
    f"Groups with fewer than {limits.SUPPRESS_BELOW_N} answers are suppressed: they are not shown and do not count "
    "as zero.",
    "Each chart's n counts the museums that answered its question; it can be below the respondents.",
)


def smallest_font(fig: go.Figure) -> float:
    """The smallest text size a figure asks for, in its own px: every font size of its layout and traces, sizes
    written into its HTML text, and the layout font (plotly's 12 when unset) that text without a size inherits.
    Hover labels are left out: a picture never shows them."""
    spec = fig.to_dict()
    layout = spec.get("layout", {})
    template_font = layout.get("template", {}).get("layout", {}).get("font", {})
    sizes = [layout.get("font", {}).get("size") or template_font.get("size") or 12]

    def walk(node, key: str = "") -> None:
        if isinstance(node, dict):
            if key.endswith("font") and node.get("size") is not None:
                size = node["size"]
                sizes.extend([size] if isinstance(size, (int, float)) else [s for s in size if s is not None])
            for k, v in node.items():
                if k not in ("hoverlabel", "geojson"):
                    walk(v, k)
        elif isinstance(node, (list, tuple)):
            for item in node:
                walk(item, key)
        elif isinstance(node, str):
            sizes.extend(float(s) for s in _CSS_FONT_SIZE.findall(node))

    walk(spec)
    return float(min(sizes))


def text_em(text: str) -> float:
    """Width of `text` in em of Arial Bold; an accented letter as its base letter, other characters as 'o'."""
    total = 0
    for ch in text:
        code = ord(unicodedata.normalize("NFKD", ch)[:1] or ch)
        total += _ADVANCE[code - 32] if 32 <= code < 127 else 611
    return total / 1000


def lines_at(text: str, width: int, size: float, spread: float = 1.0) -> int:
    """How many lines `text` wraps into at `size` pt in a box `width` EMU wide, breaking at spaces (not at
    no-break spaces), in Arial (spread: how much wider the typeface is)."""
    room = width / Pt(size) / SLACK / spread
    space = text_em(" ")
    lines, line = 1, None
    for word in filter(None, re.split(r"[ \t\n]+", text)):
        wide = text_em(word)
        if line is not None and line + space + wide > room:
            lines, line = lines + 1, None
        line = wide if line is None else line + space + wide
        while line > room:                                    # a word longer than the line breaks inside
            lines, line = lines + 1, line - room
    return lines


_UNIT_AFTER = re.compile(r"(\d) (%|M\b|k\b|pp\b|points\b)")
_FIGURE_AFTER = re.compile(r"\b(EUR|n =) (\d)")


def keep_figures(text: str) -> str:
    """No-break spaces inside '48 %', 'EUR 12.4 M' and 'n = 208', so that a title never wraps a figure
    away from its unit."""
    text = _FIGURE_AFTER.sub(lambda m: m[1].replace(" ", "\u00a0") + "\u00a0" + m[2], text)
    return _UNIT_AFTER.sub("\\1\u00a0\\2", text)


def title_fit(text: str, width: int, sizes: tuple[int, ...] = TITLE_PT, spread: float = 1.0,
              most: int = 2) -> tuple[int, int]:
    """(size in pt, lines): the largest size at which the text wraps into at most `most` lines of the box;
    the smallest size, on more lines, for a text too long for that."""
    for size in sizes:
        lines = lines_at(text, width, size, spread)
        if lines <= most:
            break
    return size, lines


def _text_height(size: float, lines: int) -> int:
    return int(Pt(size) * LINE_EM * lines) + 2 * INSET


def _write(shape, paragraphs: list[tuple[str, float, bool, RGBColor]], branded: bool,
           align=PP_ALIGN.LEFT, anchor=MSO_ANCHOR.TOP) -> None:
    """Fill a shape with (text, size, bold, colour) paragraphs at fixed sizes; a branded template keeps its own
    typeface and colours."""
    frame = shape.text_frame
    frame.word_wrap = True
    frame.auto_size = MSO_AUTO_SIZE.NONE
    frame.vertical_anchor = anchor
    frame.margin_left = frame.margin_right = 0
    frame.margin_top = frame.margin_bottom = INSET
    frame.text = ""
    for i, (text, size, bold, colour) in enumerate(paragraphs):
        paragraph = frame.paragraphs[0] if i == 0 else frame.add_paragraph()
        paragraph.alignment = align
        paragraph.line_spacing = 1.0
        if bold and i:
            paragraph.space_before = Pt(size * HEADING_EM)
        run = paragraph.add_run()
        run.text = text
        run.font.size = Pt(size)
        run.font.bold = bold
        if not branded:
            run.font.name = FONT
            run.font.color.rgb = colour


def _box(page, placeholder, left: int, top: int, width: int, height: int):
    """The placeholder moved to an explicit place (a template's own positions may be 4:3), or a new text box."""
    shape = placeholder if placeholder is not None else page.shapes.add_textbox(left, top, width, height)
    shape.left, shape.top, shape.width, shape.height = left, top, width, height
    return shape


def _layouts(prs) -> tuple:
    """The template's title-slide layout and its layout with a title alone, found by their placeholders
    (a branded template may name them otherwise)."""
    furniture = {PP_PLACEHOLDER.DATE, PP_PLACEHOLDER.FOOTER, PP_PLACEHOLDER.SLIDE_NUMBER}

    def kinds(layout) -> set:
        return {ph.placeholder_format.type for ph in layout.placeholders} - furniture

    cover = next((lay for lay in prs.slide_layouts if PP_PLACEHOLDER.CENTER_TITLE in kinds(lay)), prs.slide_layouts[0])
    titled = min(prs.slide_layouts, key=lambda lay: (PP_PLACEHOLDER.TITLE not in kinds(lay), len(kinds(lay))))
    return cover, titled


def _placeholder(page, *kinds):
    return next((ph for ph in page.placeholders if ph.placeholder_format.type in kinds), None)


def _only(page, *keep) -> None:
    """Remove the layout's placeholders left unused, which would show 'Click to add text' while editing."""
    for ph in list(page.placeholders):
        if ph not in keep:
            ph._element.getparent().remove(ph._element)


def _spread(branded: bool) -> float:
    return WIDER if branded else 1.0


def _title_bottom(text: str, width: int, branded: bool) -> int:
    return TITLE_TOP + _text_height(*title_fit(text, width - 2 * MARGIN, spread=_spread(branded)))


def _slide_title(page, text: str, width: int, branded: bool) -> int:
    """The finding across the top of the slide, at most two lines, sized to fit; returns its bottom edge."""
    text = keep_figures(text)
    size, lines = title_fit(text, width - 2 * MARGIN, spread=_spread(branded))
    placeholder = _placeholder(page, PP_PLACEHOLDER.TITLE, PP_PLACEHOLDER.CENTER_TITLE)
    box = _box(page, placeholder, MARGIN, TITLE_TOP, width - 2 * MARGIN, _text_height(size, lines))
    _write(box, [(text, size, True, INK)], branded, anchor=MSO_ANCHOR.BOTTOM)
    return box.top + box.height


def _footer(page, text: str, number: int, width: int, height: int, branded: bool) -> int:
    """Source line (survey, filters in words with n, date) and slide number at the foot; returns its top edge."""
    number_width = Inches(0.8)
    text_width = width - 2 * MARGIN - number_width
    box_height = _text_height(FOOTER_PT, lines_at(text, text_width, FOOTER_PT, _spread(branded)))
    top = height - Inches(0.2) - box_height
    _write(page.shapes.add_textbox(MARGIN, top, text_width, box_height), [(text, FOOTER_PT, False, MUTED)], branded)
    _write(page.shapes.add_textbox(width - MARGIN - number_width, top, number_width, box_height),
           [(str(number), FOOTER_PT, False, MUTED)], branded, align=PP_ALIGN.RIGHT)
    return top


def picture_size(fig: go.Figure, box_width: int, box_height: int, slide_width: int) -> tuple[int, int, float]:
    """(width, height, scale) to render a chart for a box of a slide: the figure is laid out, with the box's
    aspect, at the width where its smallest text scaled to the box on a SHOWN_PX-wide slide is MIN_TEXT_PX;
    scale makes the PNG as many px wide as the box is on such a slide."""
    shown = box_width / slide_width * SHOWN_PX
    width = int(smallest_font(fig) * shown / MIN_TEXT_PX)
    return width, round(width * box_height / box_width), shown / width


def _date() -> str:
    today = dt.date.today()
    return f"{today.day} {today:%B %Y}"


def _notes(page, lines: list[str]) -> None:
    page.notes_slide.notes_text_frame.text = "\n".join(line for line in lines if line)


def _method(chart) -> str:
    return chart.method.removeprefix("Method:").strip()


def _closing_paragraphs(shown: list, scope: str, survey: str, noun: str = "Slide",
                        first: int = 2) -> list[tuple[str, bool]]:
    """(text, is heading): each shown chart's method, by its slide (or chart) number, those sharing one named
    together; the sources with n; the caveats."""
    methods: dict[str, list[int]] = {}
    for number, chart in enumerate(shown, start=first):
        methods.setdefault(_method(chart), []).append(number)
    lines = [("Method", True)]
    lines += [(f"{noun}{'s' if len(numbers) > 1 else ''} {', '.join(map(str, numbers))}: {method}", False)
              for method, numbers in methods.items()]
    lines += [("Sources", True), (f"{survey}: {scope}.", False),
              *((v, False) for v in dict.fromkeys(chart.data_version for chart in shown) if v),
              *((s, False) for s in SOURCES)]
    lines += [("Caveats", True), *((c, False) for c in CAVEATS)]
    return lines


def _pages(paragraphs: list[tuple[str, bool]], width: int, height: int, spread: float) -> tuple[int, list[list]]:
    """The largest body size at which the paragraphs fit the box; at the smallest size, as many boxes as
    needed (a deck of every chart), split between paragraphs."""
    def needed(part: list, size: int) -> int:
        headings = sum(bold for _, bold in part[1:])
        lines = sum(lines_at(text, width, size, spread) for text, _ in part)
        return _text_height(size, lines) + int(Pt(size) * HEADING_EM * headings)

    for size in BODY_PT:
        if needed(paragraphs, size) <= height:
            return size, [paragraphs]
    pages, page = [], []
    for paragraph in paragraphs:
        if page and needed(page + [paragraph], size) > height:
            pages.append(page)
            page = []
        page.append(paragraph)
    return size, pages + [page]


def _cover(prs, layout, title: str, scope: str, survey: str, shown: list, left_out: list, branded: bool) -> None:
    """The deck title, the scope (filters in words with n) and the date; the notes list the charts, and those
    left out because they have nothing to show."""
    width, height = prs.slide_width, prs.slide_height
    page = prs.slides.add_slide(layout)
    size, lines = title_fit(title, width - 2 * MARGIN, COVER_PT, _spread(branded), most=1)    # one line if it can
    if lines > 1:
        size, lines = title_fit(title, width - 2 * MARGIN, COVER_PT, _spread(branded))
    heading = _box(page, _placeholder(page, PP_PLACEHOLDER.CENTER_TITLE, PP_PLACEHOLDER.TITLE), MARGIN,
                   int(height * 0.33), width - 2 * MARGIN, _text_height(size, lines))
    _write(heading, [(title, size, True, INK)], branded, anchor=MSO_ANCHOR.BOTTOM)
    if not branded:                                                       # an accent rule above the title
        rule = page.shapes.add_textbox(MARGIN, heading.top - Inches(0.25), Inches(1.5), Inches(0.08))
        rule.fill.solid()                              # a text box: a shape would bring the theme's shadow
        rule.fill.fore_color.rgb = ACCENT
    versions = [(v, 14, False, MUTED) for v in dict.fromkeys(c.data_version for c in shown + left_out) if v]
    lines = lines_at(scope, width - 2 * MARGIN, 20, _spread(branded)) + 2 + sum(
        lines_at(v, width - 2 * MARGIN, 14, _spread(branded)) for v, *_ in versions)
    under = _box(page, _placeholder(page, PP_PLACEHOLDER.SUBTITLE), MARGIN, heading.top + heading.height + GAP,
                 width - 2 * MARGIN, _text_height(20, lines))
    _write(under, [(scope, 20, False, INK), (f"{survey} · generated {_date()}", 16, False, MUTED), *versions],
           branded)
    _only(page, heading, under)
    _notes(page, [f"Scope: {scope}. Generated {_date()}.", *(v for v, *_ in versions),
                  "Charts: " + "; ".join(f"slide {i}, {chart.title}" for i, chart in enumerate(shown, start=2)),
                  "Left out, nothing to show under these filters: "
                  + "; ".join(f"{chart.title} [{chart.key}] ({chart.caption})" for chart in left_out)
                  if left_out else "Every chosen chart has something to show under these filters."])


def _chart_slide(prs, layout, chart, number: int, survey: str, branded: bool) -> None:
    """The finding as title, the picture in the space left above the source footer, the notes."""
    width = prs.slide_width
    page = prs.slides.add_slide(layout)
    _only(page, _placeholder(page, PP_PLACEHOLDER.TITLE, PP_PLACEHOLDER.CENTER_TITLE))
    top = _slide_title(page, chart.title, width, branded) + GAP
    bottom = _footer(page, f"Source: {survey}; {chart.caption}; generated {_date()}.", number, width,
                     prs.slide_height, branded) - GAP
    box_width, box_height = width - 2 * MARGIN, bottom - top
    figure = without_title(chart.figure)
    logical_width, logical_height, scale = picture_size(figure, box_width, box_height, width)
    png = image(figure, "png", (logical_width, logical_height), scale)
    png_width, png_height = int.from_bytes(png[16:20], "big"), int.from_bytes(png[20:24], "big")
    pic_width = min(box_width, box_height * png_width // png_height)
    pic_height = pic_width * png_height // png_width
    picture = page.shapes.add_picture(io.BytesIO(png), MARGIN + (box_width - pic_width) // 2,
                                      top + (box_height - pic_height) // 2, pic_width, pic_height)
    picture._element.nvPicPr.cNvPr.set("descr", chart.alt)              # alt text for screen readers
    _notes(page, [chart.caption, *chart.notes])


def _closing(prs, layout, scope: str, survey: str, shown: list, branded: bool) -> None:
    """Method of each shown chart, sources with n, caveats: one slide, or more for a deck of every chart."""
    width, name = prs.slide_width, "Method, sources and caveats"
    top = _title_bottom(name + " (1 of 2)", width, branded) + GAP                 # room for a part number
    height = prs.slide_height - Inches(0.5) - top
    size, pages = _pages(_closing_paragraphs(shown, scope, survey), width - 2 * MARGIN, height, _spread(branded))
    for part, paragraphs in enumerate(pages, start=1):
        page = prs.slides.add_slide(layout)
        _only(page, _placeholder(page, PP_PLACEHOLDER.TITLE, PP_PLACEHOLDER.CENTER_TITLE))
        _slide_title(page, name + (f" ({part} of {len(pages)})" if len(pages) > 1 else ""), width, branded)
        _write(page.shapes.add_textbox(MARGIN, top, width - 2 * MARGIN, height),
               [(text, size, bold, INK) for text, bold in paragraphs], branded)
        _notes(page, [f"Scope: {scope}.", *(text for text, _ in paragraphs)])


def pptx_deck(charts: list, title: str, scope: str, *, survey: str = "Museum digitisation survey",
              template: bytes | None = None) -> bytes:
    """16:9 deck: a title slide with the scope (filters in words with n, date), one slide per chart that has
    something to show (the finding as title, the picture, a source footer), and a closing slide with method,
    sources and caveats. Every slide has speaker notes; charts with nothing to show are left out and listed in
    the title slide's notes. A branded template lends its layouts, typeface and colours; every box is still
    placed here, because a template's own positions may be 4:3."""
    prs = Presentation(io.BytesIO(template)) if template else Presentation()
    branded = template is not None
    if not branded:
        prs.slide_height = Inches(7.5)
        prs.slide_width = prs.slide_height * 16 // 9
    cover, titled = _layouts(prs)
    shown = [chart for chart in charts if not chart.empty]
    _cover(prs, cover, title, scope, survey, shown, [chart for chart in charts if chart.empty], branded)
    for number, chart in enumerate(shown, start=2):
        _chart_slide(prs, titled, chart, number, survey, branded)
    _closing(prs, titled, scope, survey, shown, branded)
    buffer = io.BytesIO()
    prs.save(buffer)
    return buffer.getvalue()


def without_title(fig: go.Figure) -> go.Figure:
    """The figure without its finding, for a slide or report whose own heading carries it. The subtitle (filters
    and n) keeps its style and its place at the top, and the top margin gives up the finding's lines (plotly sets
    title lines 1.3 times the title's font size apart), so a legend or label under the subtitle keeps its room."""
    copy = go.Figure(fig)
    text = copy.layout.title.text or ""
    head, span, rest = text.partition("<span")
    head_lines = head.count("<br>") if span else head.count("<br>") + 1
    size = copy.layout.title.font.size or 1.4 * (copy.layout.font.size or 12)       # plotly's default title size
    title = copy.layout.title
    if title.yref == "container" and title.y is not None and title.y < 1 and copy.layout.height:
        # a place given as a share of the chart's own height, fixed in px for a picture of another height
        copy.update_layout(title={"y": 1, "yanchor": "top", "pad": {"t": (1 - title.y) * copy.layout.height}})
    top = copy.layout.margin.t if copy.layout.margin.t is not None else 100          # plotly's default margin
    copy.update_layout(title={"text": span + rest}, margin={"t": max(0, top - round(head_lines * 1.3 * size))})
    return copy


def html_report(charts: list, title: str, scope: str, *, survey: str = "Museum digitisation survey") -> str:
    """One self-contained HTML file (plotly.js embedded, no network needed): per chart the finding, the chart
    (its subtitle gives the filters with n), its text description and the speaker notes; then method, sources
    and caveats. Charts with nothing to show are named at the top instead."""
    shown = [chart for chart in charts if not chart.empty]
    left_out = [chart for chart in charts if chart.empty]
    esc = html.escape
    parts = [f"<header><h1>{esc(title)}</h1><p>{esc(scope)}. {esc(survey)}, generated {_date()}.</p>",
             *(f"<p class='data-version'>{esc(v)}</p>" for v in dict.fromkeys(c.data_version for c in charts) if v)]
    if left_out:
        parts.append("<p class='left-out'>Left out, nothing to show under these filters: "
                     + "; ".join(esc(f"{chart.title} ({chart.caption})") for chart in left_out) + ".</p>")
    parts.append("</header>")
    for number, chart in enumerate(shown, start=1):
        plot = without_title(chart.figure).to_html(full_html=False, include_plotlyjs=(number == 1),
                                                   config={"displaylogo": False}, div_id=f"chart-{chart.key}")
        parts.append(f"<section><h2>{number}. {esc(chart.title)}</h2>"
                     f"<figure aria-describedby='alt-{chart.key}'>{plot}</figure>"
                     f"<p id='alt-{chart.key}'><strong>Chart description:</strong> {esc(chart.alt)}</p>"
                     "<ul>" + "".join(f"<li>{esc(note)}</li>" for note in chart.notes) + "</ul></section>")
    parts.append("<section><h2>Method, sources and caveats</h2>")
    parts += [f"<h3>{esc(text)}</h3>" if heading else f"<p>{esc(text)}</p>"
              for text, heading in _closing_paragraphs(shown, scope, survey, "Chart", 1)]
    parts.append("</section>")
    return ("<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'>"
            f"<title>{esc(title)}</title><style>body{{font-family:Arial,sans-serif;max-width:1200px;margin:2em auto;"
            "padding:0 1em;color:#1f2a44}section{margin-bottom:3em}figure{margin:0}.left-out{color:#555f6d}"
            "</style></head><body>" + "".join(parts) + "</body></html>")


PDF_HELP = ("PDF needs LibreOffice on the server: install it with `apt-get install -y libreoffice-impress`, "
            "or download the PPTX and save it as PDF.")


class PdfUnavailable(RuntimeError):
    """LibreOffice is not installed; the message says how to install it."""


def _office() -> str | None:
    return shutil.which("libreoffice") or shutil.which("soffice")


def pdf_available() -> bool:
    return _office() is not None


def pdf_from_pptx(deck: bytes) -> bytes:
    """The deck as PDF, converted by LibreOffice with a profile of its own, so that a LibreOffice already
    running for the same user does not swallow the conversion."""
    office = _office()
    if office is None:
        raise PdfUnavailable(PDF_HELP)
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / "deck.pptx"
        source.write_bytes(deck)
        done = subprocess.run([office, f"-env:UserInstallation={Path(tmp, 'profile').as_uri()}", "--headless",
                               "--convert-to", "pdf", "--outdir", tmp, str(source)],
                              capture_output=True, text=True, timeout=180)
        target = Path(tmp) / "deck.pdf"
        if not target.exists():
            raise RuntimeError(f"LibreOffice did not convert the deck (exit {done.returncode}): {done.stderr.strip()}")
        return target.read_bytes()
