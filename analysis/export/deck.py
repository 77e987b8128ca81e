"""The PPTX deck: a title slide with the scope, one slide per chart with the finding as title and a source
footer, and closing slides with method, sources and caveats; every box placed and sized here."""

from __future__ import annotations

import io

from pptx import Presentation
from pptx.dml.color import RGBColor
from pptx.enum.shapes import PP_PLACEHOLDER
from pptx.enum.text import MSO_ANCHOR, MSO_AUTO_SIZE, PP_ALIGN
from pptx.util import Inches, Pt

from analysis import formats
from analysis.export.closing import CLOSING, SURVEY, closing_paragraphs, today
from analysis.export.fitting import keep_figures, lines_at, picture_size, title_fit
from analysis.export.images import image, without_title
from analysis.i18n import _

COVER_PT = (44, 40, 36, 32, 28, 24)                  # the deck title on the title slide
BODY_PT = (20, 18, 16, 14, 12)                       # the closing slide's text
FOOTER_PT = 11
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



def _notes(page, lines: list[str]) -> None:
    page.notes_slide.notes_text_frame.text = "\n".join(line for line in lines if line)


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
    _write(under, [(scope, 20, False, INK),
                   (_("{survey} · generated {date}").format(survey=survey, date=today()), 16, False, MUTED),
                   *versions], branded)
    _only(page, heading, under)
    _notes(page, [_("Scope: {scope}. Generated {date}.").format(scope=scope, date=today()),
                  *(v for v, *_ in versions),
                  _("Charts: {charts}").format(charts=formats.clauses(
                      _("slide {number}, {title}").format(number=i, title=chart.title)
                      for i, chart in enumerate(shown, start=2))),
                  _("Left out, nothing to show under these filters: {charts}").format(charts=formats.clauses(
                      f"{chart.title} [{chart.key}] ({chart.caption})" for chart in left_out))
                  if left_out else _("Every chosen chart has something to show under these filters.")])


def _chart_slide(prs, layout, chart, number: int, survey: str, branded: bool) -> None:
    """The finding as title, the picture in the space left above the source footer, the notes."""
    width = prs.slide_width
    page = prs.slides.add_slide(layout)
    _only(page, _placeholder(page, PP_PLACEHOLDER.TITLE, PP_PLACEHOLDER.CENTER_TITLE))
    top = _slide_title(page, chart.title, width, branded) + GAP
    source = _("Source: {survey}; {caption}; generated {date}.").format(survey=survey, caption=chart.caption,
                                                                       date=today())
    bottom = _footer(page, source, number, width, prs.slide_height, branded) - GAP
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


def _part(name: str, part: int, parts: int) -> str:
    return _("{title} ({part} of {parts})").format(title=name, part=part, parts=parts)


def _closing(prs, layout, scope: str, survey: str, shown: list, branded: bool) -> None:
    """Method of each shown chart, sources with n, caveats: one slide, or more for a deck of every chart."""
    width, name = prs.slide_width, _(CLOSING)
    top = _title_bottom(_part(name, 1, 2), width, branded) + GAP                  # room for a part number
    height = prs.slide_height - Inches(0.5) - top
    size, pages = _pages(closing_paragraphs(shown, scope, survey), width - 2 * MARGIN, height, _spread(branded))
    for part, paragraphs in enumerate(pages, start=1):
        page = prs.slides.add_slide(layout)
        _only(page, _placeholder(page, PP_PLACEHOLDER.TITLE, PP_PLACEHOLDER.CENTER_TITLE))
        _slide_title(page, _part(name, part, len(pages)) if len(pages) > 1 else name, width, branded)
        _write(page.shapes.add_textbox(MARGIN, top, width - 2 * MARGIN, height),
               [(text, size, bold, INK) for text, bold in paragraphs], branded)
        _notes(page, [_("Scope: {scope}.").format(scope=scope), *(text for text, _bold in paragraphs)])


def pptx_deck(charts: list, title: str, scope: str, *, survey: str = SURVEY,
              template: bytes | None = None) -> bytes:
    """16:9 deck: a title slide with the scope (filters in words with n, date), one slide per chart that has
    something to show (the finding as title, the picture, a source footer), and a closing slide with method,
    sources and caveats. Every slide has speaker notes; charts with nothing to show are left out and listed in
    the title slide's notes. A branded template lends its layouts, typeface and colours; every box is still
    placed here, because a template's own positions may be 4:3. Words and dates are in the current language
    (the survey's default name too); the titles, scope and charts come in it."""
    survey = _(survey)
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
