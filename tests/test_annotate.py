"""The annotated copy: fills and comments on exactly the cells with problems, an Issues sheet with one row per
finding, the grid rebuilt for text files, and never a macro."""

from __future__ import annotations

import io
import zipfile
from xml.sax.saxutils import escape

import openpyxl
from openpyxl.comments import Comment

from analysis.loading.annotate import ERROR_FILL, ISSUE_COLUMNS, WARNING_FILL, annotated_name, annotated_workbook
from analysis.parsing.sheets import parse_upload
from tests.conftest import write_xlsx

HEADER = ["Museum name", "Country", "Collection digitised (%)", "Share of collection online (%)",
          "Digital budget available (EUR a year)"]
# Row 1 is a title (the wave is read from it: a warning with no cell). Worked out by hand:
#   C3  150 % digitised                      -> error   out_of_range
#   E4  'lots' as a budget                   -> error   not_a_number
#   D4  30 % online but 20 % digitised        -> warning online_over_digitised
ROWS = [["Museum survey 2025"], HEADER,
        ["Wien Museum", "AT", 150, 10, 10_000],
        ["Grazer Stadtmuseum", "AT", 20, 30, "lots"],
        ["Museum aan de Stroom", "BE", 40, 20, 1_000]]
EXPECTED = {("Survey", "C3"): ERROR_FILL, ("Survey", "E4"): ERROR_FILL, ("Survey", "D4"): WARNING_FILL}


def marked_cells(wb: openpyxl.Workbook, skip: str = "Issues") -> dict[tuple[str, str], tuple[str, str]]:
    """(sheet, cell) -> (fill colour, comment text) for every cell with a fill or a comment."""
    out = {}
    for ws in wb.worksheets:
        if ws.title == skip:
            continue
        for row in ws.iter_rows():
            for cell in row:
                colour = cell.fill.fgColor.rgb if cell.fill.fill_type == "solid" else None
                if colour or cell.comment:
                    out[(ws.title, cell.coordinate)] = (colour, cell.comment.text if cell.comment else "")
    return out


def issues(wb: openpyxl.Workbook) -> list[dict]:
    rows = list(wb["Issues"].iter_rows(values_only=True))
    assert list(rows[0]) == list(ISSUE_COLUMNS)
    return [dict(zip(ISSUE_COLUMNS, r)) for r in rows[1:]]


def test_bad_cells_get_fill_and_comment_and_every_finding_an_issues_row(tmp_path):
    data = write_xlsx(tmp_path / "survey.xlsx", ROWS).read_bytes()
    parsed = parse_upload(data, "survey.xlsx")
    assert sorted((f.cell, f.rule) for f in parsed.report.findings) == [
        ("", "wave_from_title"), ("C3", "out_of_range"), ("D4", "online_over_digitised"), ("E4", "not_a_number")]

    wb = openpyxl.load_workbook(io.BytesIO(annotated_workbook(data, parsed.report)))
    assert wb.sheetnames == ["Survey", "Issues"]
    assert wb.active.title == "Issues"
    marked = marked_cells(wb)
    assert {k: v[0] for k, v in marked.items()} == {k: f.fgColor.rgb for k, f in EXPECTED.items()}
    assert marked[("Survey", "C3")][1] == ("Error: 150 is outside 0–100. Collection digitised is a percentage "
                                           "between 0 and 100.")
    assert marked[("Survey", "D4")][1].startswith("Warning: Online (30 %) is more than digitised (20 %).")
    assert wb["Survey"]["C3"].value == 150 and wb["Survey"]["E4"].value == "lots"        # values untouched

    listed = issues(wb)
    assert len(listed) == len(parsed.report.findings) == 4
    assert [(r["Severity"], r["Cell"], r["Excel row"], r["Rule"]) for r in listed] == [
        ("Error", "C3", 3, "out_of_range"), ("Error", "E4", 4, "not_a_number"),
        ("Warning", None, None, "wave_from_title"), ("Warning", "D4", 4, "online_over_digitised")]
    assert listed[1]["Value"] == "lots" and listed[0]["Value"] == 150
    links = {c.value: c.hyperlink.location for c in wb["Issues"]["C"][1:] if c.hyperlink}
    assert links == {"C3": "'Survey'!C3", "E4": "'Survey'!E4", "D4": "'Survey'!D4"}


def test_a_clean_file_gets_an_issues_sheet_saying_so(tmp_path):
    rows = [HEADER + ["Survey wave"], ["Wien Museum", "AT", 40, 10, 10_000, "2025"]]
    data = write_xlsx(tmp_path / "clean.xlsx", rows).read_bytes()
    parsed = parse_upload(data, "clean.xlsx")
    assert parsed.report.findings == []
    wb = openpyxl.load_workbook(io.BytesIO(annotated_workbook(data, parsed.report)))
    assert marked_cells(wb) == {}
    assert wb["Issues"]["H2"].value == "No problems found."


def test_an_existing_comment_is_kept_and_a_merged_cell_is_marked_at_its_top_left(tmp_path):
    path = write_xlsx(tmp_path / "merged.xlsx", ROWS)
    wb = openpyxl.load_workbook(path)
    wb["Survey"]["C3"].comment = Comment("Figure from the 2024 annual report", "Museum")
    wb["Survey"].merge_cells("D4:D5")               # D4 is the top-left of a merged block
    wb.save(path)
    data = path.read_bytes()
    parsed = parse_upload(data, "merged.xlsx")
    out = openpyxl.load_workbook(io.BytesIO(annotated_workbook(data, parsed.report)))
    comment = out["Survey"]["C3"].comment.text
    assert comment.startswith("Figure from the 2024 annual report\n---\nError: 150 is outside 0–100.")
    assert out["Survey"]["D4"].fill.fgColor.rgb == WARNING_FILL.fgColor.rgb


def test_a_csv_becomes_a_workbook_with_the_same_grid_and_no_formulas(tmp_path):
    text = ("Museum name;Country;Survey wave;Collection digitised (%)\n"
            "=HYPERLINK(\"http://x\");AT;2025;40\n"
            "Grazer;AT;2025;abc\n")
    data = text.encode("utf-8")
    parsed = parse_upload(data, "survey.csv")
    assert [(f.cell, f.rule) for f in parsed.report.findings] == [("D3", "not_a_number")]
    wb = openpyxl.load_workbook(io.BytesIO(annotated_workbook(data, parsed.report)))
    assert wb.sheetnames == ["CSV", "Issues"]
    ws = wb["CSV"]
    assert [[c.value for c in row] for row in ws.iter_rows()] == [
        ["Museum name", "Country", "Survey wave", "Collection digitised (%)"],
        ['=HYPERLINK("http://x")', "AT", "2025", "40"], ["Grazer", "AT", "2025", "abc"]]
    assert ws["A2"].data_type == "s"                 # text, never a formula that would run when opened
    assert {k: v[0] for k, v in marked_cells(wb).items()} == {("CSV", "D3"): ERROR_FILL.fgColor.rgb}
    assert len(issues(wb)) == 1
    assert annotated_name("survey.csv") == "survey - checked.xlsx"


def test_an_xlsm_is_annotated_without_its_macros(tmp_path):
    xlsx = write_xlsx(tmp_path / "plain.xlsx", ROWS).read_bytes()
    macro = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(xlsx)) as src, zipfile.ZipFile(macro, "w") as dst:
        for item in src.infolist():
            dst.writestr(item, src.read(item))
        dst.writestr("xl/vbaProject.bin", b"Attribute VB_Name = \"Evil\"\nSub Auto_Open()\nEnd Sub\n")
    data = macro.getvalue()
    parsed = parse_upload(data, "survey.xlsm")
    assert parsed.report.format == "xlsm"
    out = annotated_workbook(data, parsed.report)
    with zipfile.ZipFile(io.BytesIO(out)) as zf:
        assert not [n for n in zf.namelist() if "vba" in n.lower()]
        assert b"macroEnabled" not in zf.read("[Content_Types].xml")
    wb = openpyxl.load_workbook(io.BytesIO(out))
    assert set(marked_cells(wb)) == set(EXPECTED)
    assert annotated_name("survey.xlsm") == "survey - checked.xlsx"


def ods(rows: list[list]) -> bytes:
    """A minimal OpenDocument spreadsheet (one sheet 'Survey'), written by hand: no ods writer is installed."""
    def cell(v) -> str:
        if v is None:
            return "<table:table-cell/>"
        if isinstance(v, (int, float)):
            return (f'<table:table-cell office:value-type="float" office:value="{v}"><text:p>{v}</text:p>'
                    '</table:table-cell>')
        return f'<table:table-cell office:value-type="string"><text:p>{escape(str(v))}</text:p></table:table-cell>'
    body = "".join("<table:table-row>" + "".join(cell(v) for v in row) + "</table:table-row>" for row in rows)
    content = ('<?xml version="1.0" encoding="UTF-8"?><office:document-content '
               'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
               'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
               'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">'
               f'<office:body><office:spreadsheet><table:table table:name="Survey">{body}</table:table>'
               '</office:spreadsheet></office:body></office:document-content>')
    manifest = ('<?xml version="1.0" encoding="UTF-8"?><manifest:manifest '
                'xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">'
                '<manifest:file-entry manifest:full-path="/" '
                'manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>'
                '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
                '</manifest:manifest>')
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as zf:
        zf.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.spreadsheet")
        zf.writestr("META-INF/manifest.xml", manifest)
        zf.writestr("content.xml", content)
    return out.getvalue()


def test_an_ods_file_is_rebuilt_from_the_grid():
    """openpyxl cannot open ods (nor xls): the grid read by calamine is written out, cell for cell."""
    data = ods(ROWS)
    parsed = parse_upload(data, "survey.ods")
    assert parsed.report.format == "ods"
    assert sorted(f.cell for f in parsed.report.findings) == ["", "C3", "D4", "E4"]
    wb = openpyxl.load_workbook(io.BytesIO(annotated_workbook(data, parsed.report)))
    assert wb.sheetnames == ["Survey", "Issues"]
    assert [c.value for c in wb["Survey"][2]] == HEADER
    assert wb["Survey"]["A3"].value == "Wien Museum" and wb["Survey"]["C3"].value == 150
    assert {k: v[0] for k, v in marked_cells(wb).items()} == {k: f.fgColor.rgb for k, f in EXPECTED.items()}
    assert len(issues(wb)) == 4
