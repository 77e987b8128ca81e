"""Chart pictures (PNG, SVG) drawn by kaleido with a Chromium kept warm for the whole process, and the figure
changes a picture needs: the data version under a chart that travels alone, no finding above a chart whose page
heading carries it."""

from __future__ import annotations

import atexit
import os
import threading

import kaleido
import plotly.graph_objects as go
from choreographer.browsers.chromium import Chromium

from analysis.i18n import N_, _

SLIDE_PX = (1600, 900)                   # 16:9 chart images, crisp on a projector
_kaleido_lock = threading.Lock()
_kaleido_started = False
CHROMIUM_HELP = N_("Chart images and the PowerPoint deck are drawn by Chromium on the server, which is not installed: "
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
        raise ChromiumUnavailable(_(CHROMIUM_HELP))
    with _kaleido_lock:
        _kaleido()
        return kaleido.calc_fig_sync(fig, opts={"format": fmt, "width": size[0], "height": size[1],
                                                "scale": scale})


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
