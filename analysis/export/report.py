"""The interactive HTML report, and the deck as PDF through LibreOffice."""

from __future__ import annotations

import html
import shutil
import subprocess
import tempfile
from pathlib import Path

from analysis import formats, i18n
from analysis.export.closing import CLOSING, SURVEY, closing_paragraphs, today
from analysis.export.images import without_title
from analysis.i18n import N_, _


def html_report(charts: list, title: str, scope: str, *, survey: str = SURVEY) -> str:
    """One self-contained HTML file (plotly.js embedded, no network needed): per chart the finding, the chart
    (its subtitle gives the filters with n), its text description and the speaker notes; then method, sources
    and caveats. Charts with nothing to show are named at the top instead. Words, dates and the page's `lang`
    are those of the current language."""
    survey = _(survey)
    shown = [chart for chart in charts if not chart.empty]
    left_out = [chart for chart in charts if chart.empty]
    esc = html.escape
    generated = _("{scope}. {survey}, generated {date}.").format(scope=scope, survey=survey, date=today())
    parts = [f"<header><h1>{esc(title)}</h1><p>{esc(generated)}</p>",
             *(f"<p class='data-version'>{esc(v)}</p>" for v in dict.fromkeys(c.data_version for c in charts) if v)]
    if left_out:
        named = formats.clauses(f"{chart.title} ({chart.caption})" for chart in left_out)
        parts.append("<p class='left-out'>"
                     + esc(_("Left out, nothing to show under these filters: {charts}.").format(charts=named))
                     + "</p>")
    parts.append("</header>")
    described = esc(_("Chart description:"))
    for number, chart in enumerate(shown, start=1):
        plot = without_title(chart.figure).to_html(full_html=False, include_plotlyjs=(number == 1),
                                                   config={"displaylogo": False}, div_id=f"chart-{chart.key}")
        parts.append(f"<section><h2>{number}. {esc(chart.title)}</h2>"
                     f"<figure aria-describedby='alt-{chart.key}'>{plot}</figure>"
                     f"<p id='alt-{chart.key}'><strong>{described}</strong> {esc(chart.alt)}</p>"
                     "<ul>" + "".join(f"<li>{esc(note)}</li>" for note in chart.notes) + "</ul></section>")
    parts.append(f"<section><h2>{esc(_(CLOSING))}</h2>")
    parts += [f"<h3>{esc(text)}</h3>" if heading else f"<p>{esc(text)}</p>"
              for text, heading in closing_paragraphs(shown, scope, survey, "chart", 1)]
    parts.append("</section>")
    return (f"<!DOCTYPE html><html lang='{i18n.current()}'><head><meta charset='utf-8'>"
            f"<title>{esc(title)}</title><style>body{{font-family:Arial,sans-serif;max-width:1200px;margin:2em auto;"
            "padding:0 1em;color:#1f2a44}section{margin-bottom:3em}figure{margin:0}.left-out{color:#555f6d}"
            "</style></head><body>" + "".join(parts) + "</body></html>")


PDF_HELP = N_("PDF needs LibreOffice on the server: install it with `apt-get install -y libreoffice-impress`, "
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
        raise PdfUnavailable(_(PDF_HELP))
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / "deck.pptx"
        source.write_bytes(deck)
        done = subprocess.run([office, f"-env:UserInstallation={Path(tmp, 'profile').as_uri()}", "--headless",
                               "--convert-to", "pdf", "--outdir", tmp, str(source)],
                              capture_output=True, text=True, timeout=180)
        target = Path(tmp) / "deck.pdf"
        if not target.exists():
            raise RuntimeError(_("LibreOffice did not convert the deck (exit {code}): {error}").format(
                code=done.returncode, error=done.stderr.strip()))
        return target.read_bytes()
