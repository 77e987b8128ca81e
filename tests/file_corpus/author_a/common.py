"""Shared helpers for the corpus generators (canonical data -> local rendering + truth)."""
import json, math

NBSP = "\u00a0"

def fmt(x, thou=".", dec=",", decimals=None):
    """Format a number the local way: fmt(1234567.5) -> '1.234.567,5'."""
    if decimals is None:
        decimals = 0 if float(x).is_integer() else len(repr(float(x)).split(".")[1])
    s = f"{x:,.{decimals}f}"
    s = s.replace(",", "\x00").replace(".", dec).replace("\x00", thou)
    return s

def truth_row(row, fields):
    """Build the canonical dict of one museum: museum_name, country + every answered schema field."""
    d = {}
    for f in ["museum_name", "country"] + [f for f in fields if f not in ("museum_name", "country")]:
        v = row.get(f)
        if v is None:
            continue
        if isinstance(v, (list, tuple)) and len(v) == 0:
            continue
        d[f] = list(v) if isinstance(v, (list, tuple)) else v
    return d

def write_truth(path, file, sheet, museums, not_museums, notes):
    with open(path, "w", encoding="utf-8") as fh:
        json.dump({"file": file, "wave": "2025", "sheet_with_data": sheet, "museums": museums,
                   "not_museums": not_museums, "notes": notes}, fh, ensure_ascii=False, indent=1)

# ---------------------------------------------------------------- minimal ODS writer (no odfpy available)
import zipfile
from xml.sax.saxutils import escape as _esc

def _ods_cell(v, style=None):
    st = f' table:style-name="{style}"' if style else ""
    if v is None or v == "":
        return "<table:table-cell/>"
    if isinstance(v, bool):
        v = str(v)
    import datetime as _dt
    if isinstance(v, _dt.date):
        return (f'<table:table-cell table:style-name="datecell" office:value-type="date" office:date-value="{v.isoformat()}" '
                f'calcext:value-type="date"><text:p>{v.day}.{v.month}.{v.year}</text:p></table:table-cell>')
    if isinstance(v, (int, float)):
        return (f'<table:table-cell{st} office:value-type="float" office:value="{v!r}" calcext:value-type="float">'
                f"<text:p>{_esc(str(v).replace('.', ','))}</text:p></table:table-cell>")
    paras = "".join(f"<text:p>{_esc(p)}</text:p>" for p in str(v).split("\n"))
    return f'<table:table-cell{st} office:value-type="string" calcext:value-type="string">{paras}</table:table-cell>'

def write_ods(path, sheets, col_widths=None, bold_rows=None):
    """sheets: list of (name, rows); rows: list of lists. col_widths: {sheet: [cm,...]}; bold_rows: {sheet: set(row idx)}."""
    col_widths = col_widths or {}; bold_rows = bold_rows or {}
    ns = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
          'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
          'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
          'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
          'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" '
          'xmlns:calcext="urn:org:documentfoundation:names:experimental:calc:xmlns:calcext:1.0" '
          'xmlns:number="urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0" '
          'xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0" '
          'xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"')
    auto = ['<number:date-style style:name="N_dmy"><number:day/><number:text>.</number:text><number:month/>'
            '<number:text>.</number:text><number:year number:style="long"/></number:date-style>',
            '<style:style style:name="datecell" style:family="table-cell" style:data-style-name="N_dmy"/>',
            '<style:style style:name="bold" style:family="table-cell"><style:table-cell-properties fo:wrap-option="wrap"/>'
            '<style:text-properties fo:font-weight="bold"/></style:style>',
            '<style:style style:name="wrap" style:family="table-cell"><style:table-cell-properties fo:wrap-option="wrap"/></style:style>']
    widths = sorted({w for ws in col_widths.values() for w in ws})
    for w in widths:
        auto.append(f'<style:style style:name="co{str(w).replace(".", "_")}" style:family="table-column">'
                    f'<style:table-column-properties style:column-width="{w}cm"/></style:style>')
    body = []
    for name, rows in sheets:
        body.append(f'<table:table table:name="{_esc(name)}">')
        for w in col_widths.get(name, []):
            body.append(f'<table:table-column table:style-name="co{str(w).replace(".", "_")}"/>')
        for ri, row in enumerate(rows):
            b = ri in bold_rows.get(name, set())
            cells = []
            for v in row:
                style = "bold" if b else ("wrap" if isinstance(v, str) and "\n" in v else None)
                cells.append(_ods_cell(v, style))
            body.append("<table:table-row>" + "".join(cells) + "</table:table-row>")
        body.append("</table:table>")
    content = (f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {ns} office:version="1.2">'
               f'<office:automatic-styles>{"".join(auto)}</office:automatic-styles>'
               f'<office:body><office:spreadsheet>{"".join(body)}</office:spreadsheet></office:body></office:document-content>')
    manifest = ('<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">'
                '<manifest:file-entry manifest:full-path="/" manifest:version="1.2" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>'
                '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
                '<manifest:file-entry manifest:full-path="meta.xml" manifest:media-type="text/xml"/>'
                '</manifest:manifest>')
    meta = (f'<?xml version="1.0" encoding="UTF-8"?><office:document-meta {ns} office:version="1.2"><office:meta>'
            '<meta:generator>LibreOffice/7.6</meta:generator></office:meta></office:document-meta>')
    with zipfile.ZipFile(path, "w") as z:
        z.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.spreadsheet", compress_type=zipfile.ZIP_STORED)
        z.writestr("META-INF/manifest.xml", manifest, compress_type=zipfile.ZIP_DEFLATED)
        z.writestr("meta.xml", meta, compress_type=zipfile.ZIP_DEFLATED)
        z.writestr("content.xml", content, compress_type=zipfile.ZIP_DEFLATED)
