"""Sizes chosen before a slide is drawn: how many lines a text wraps into, the largest title size that fits,
and the size to render a chart at so that its smallest text stays readable on a projected slide."""

from __future__ import annotations

import re
import unicodedata

import plotly.graph_objects as go
from pptx.util import Pt

# A deck is read from the back of a hall: sizes are set for a slide shown SHOWN_PX wide (1 pt = 2 px on a
# 13.33-inch slide) and every chart picture is laid out so that its smallest text reaches MIN_TEXT_PX there.
SHOWN_PX = 1920
MIN_TEXT_PX = 18
TITLE_PT = (36, 32, 28, 26, 24, 22, 20, 18, 16)      # a chart title takes the largest that fits in two lines
# Text widths are computed from Arial Bold's advance widths (those of Helvetica-Bold and Liberation Sans Bold
# too), ' ' to '~' in 1/1000 em: PowerPoint shrinks overflowing text only when it redraws a slide itself, and
# LibreOffice never does, so sizes are chosen here. Regular text is narrower, so bold widths are safe for it.
_ADVANCE = (278, 333, 474, 556, 556, 889, 722, 238, 333, 333, 389, 584, 278, 333, 278, 278, 556, 556, 556, 556,
            556, 556, 556, 556, 556, 556, 333, 333, 584, 584, 584, 611, 975, 722, 722, 722, 722, 667, 611, 778,
            722, 278, 556, 722, 611, 833, 722, 778, 667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 333,
            278, 333, 584, 556, 333, 556, 611, 556, 611, 556, 333, 611, 611, 278, 278, 556, 278, 889, 611, 611,
            611, 611, 389, 556, 333, 611, 556, 778, 556, 556, 500, 389, 280, 389, 584)
SLACK = 1.05                                         # line breaking differs a little between applications
_CSS_FONT_SIZE = re.compile(r"font-size:\s*([\d.]+)px")


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


def picture_size(fig: go.Figure, box_width: int, box_height: int, slide_width: int) -> tuple[int, int, float]:
    """(width, height, scale) to render a chart for a box of a slide: the figure is laid out, with the box's
    aspect, at the width where its smallest text scaled to the box on a SHOWN_PX-wide slide is MIN_TEXT_PX;
    scale makes the PNG as many px wide as the box is on such a slide."""
    shown = box_width / slide_width * SHOWN_PX
    width = int(smallest_font(fig) * shown / MIN_TEXT_PX)
    return width, round(width * box_height / box_width), shown / width
