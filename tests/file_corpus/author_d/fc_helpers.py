"""Shared helpers for the museum-survey test corpus generators (file_corpus_d)."""
import json
import os

from openpyxl.styles import Alignment, Border, Font, PatternFill, Side

OUT = os.environ["FILE_CORPUS_OUT"]

BOLD = Font(bold=True)
TITLE = Font(bold=True, size=14)
ITALIC = Font(italic=True, color="666666")
HEAD_FILL = PatternFill("solid", fgColor="D9E1F2")
GROUP_FILL = PatternFill("solid", fgColor="B4C6E7")
TOTAL_FILL = PatternFill("solid", fgColor="FFF2CC")
THIN = Side(style="thin", color="999999")
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
WRAP = Alignment(wrap_text=True, vertical="top")
CENTER = Alignment(horizontal="center", vertical="center", wrap_text=True)


def out_path(name):
    os.makedirs(OUT, exist_ok=True)
    return os.path.join(OUT, name)


def fmt_num(x, thousands=" ", dec=",", ndp=0):
    """Format a number the local way: fmt_num(1234.5, '.', ',', 1) -> '1.234,5'."""
    neg = x < 0
    x = abs(x)
    s = f"{x:,.{ndp}f}"  # 1,234.5
    s = s.replace(",", "\x00").replace(".", dec).replace("\x00", thousands)
    return ("-" if neg else "") + s


def fmt_dec(x, dec=","):
    """Decimal without thousands, minimal digits: 2.5 -> '2,5', 3.0 -> '3'."""
    if x == int(x):
        return str(int(x))
    return repr(float(x)).replace(".", dec)


def check_rules(m):
    """Assert the schema's cross-field rules on a canonical museum dict."""
    g = m.get
    if g("pct_digitised") is not None and g("pct_no_need_digitise") is not None:
        assert g("pct_digitised") + g("pct_no_need_digitise") <= 100, m["museum_name"]
    if g("pct_digitised") is not None and g("pct_digitised_3d") is not None:
        assert g("pct_digitised_3d") <= g("pct_digitised"), m["museum_name"]
    r = [g("pct_online_open"), g("pct_online_restricted"), g("pct_online_rights_unknown")]
    if all(v is not None for v in r):
        assert abs(sum(r) - 100) <= 2, m["museum_name"]
    if g("staff_fte_digital") is not None and g("staff_paid_fte") is not None:
        assert g("staff_fte_digital") <= g("staff_paid_fte"), m["museum_name"]
    for k, v in m.items():
        if k.startswith("pct_") and v is not None:
            assert 0 <= v <= 100, (m["museum_name"], k, v)
        if (k.endswith("_eur")) and v is not None:
            assert v >= 0


def write_truth(data_file, sheet, museums, not_museums, notes, fields=None):
    """Write <data_file>.truth.json. If fields is given, every museum dict gets exactly
    museum_name, country and those fields (missing -> null)."""
    out = []
    for m in museums:
        check_rules(m)
        if fields is not None:
            d = {"museum_name": m["museum_name"], "country": m["country"]}
            for f in fields:
                if f in ("museum_name", "country"):
                    continue
                d[f] = m.get(f)
            m = d
        out.append(m)
    truth = {
        "file": data_file,
        "wave": "2025",
        "sheet_with_data": sheet,
        "museums": out,
        "not_museums": not_museums,
        "notes": notes,
    }
    with open(out_path(data_file + ".truth.json"), "w", encoding="utf-8") as fh:
        json.dump(truth, fh, ensure_ascii=False, indent=2)


def autowidth(ws, minw=8, maxw=40):
    widths = {}
    for row in ws.iter_rows():
        for c in row:
            if c.value is None:
                continue
            ln = max(len(x) for x in str(c.value).split("\n"))
            widths[c.column_letter] = max(widths.get(c.column_letter, 0), ln)
    for col, w in widths.items():
        ws.column_dimensions[col].width = max(minw, min(maxw, w + 2))
