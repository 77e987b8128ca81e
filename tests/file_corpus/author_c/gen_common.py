import json, os
OUT = os.environ["FILE_CORPUS_OUT"]

def truth(fname, sheet, museums, not_museums, notes):
    ms = []
    for m in museums:
        d = {k: v for k, v in m.items() if not k.startswith("_")}
        for k, v in list(d.items()):
            if isinstance(v, float) and v.is_integer() and not k.startswith(("pct_", "staff_", "volunteers")):
                d[k] = int(v)
        ms.append(d)
    with open(os.path.join(OUT, fname + ".truth.json"), "w", encoding="utf-8") as f:
        json.dump({"file": fname, "wave": "2025", "sheet_with_data": sheet, "museums": ms,
                   "not_museums": not_museums, "notes": notes}, f, ensure_ascii=False, indent=1)

def check(museums):
    for m in museums:
        g = m.get
        if g("pct_digitised") is not None and g("pct_no_need_digitise") is not None:
            assert g("pct_digitised") + g("pct_no_need_digitise") <= 100, m["museum_name"]
        if g("pct_digitised") is not None and g("pct_digitised_3d") is not None:
            assert g("pct_digitised_3d") <= g("pct_digitised"), m["museum_name"]
        if g("staff_fte_digital") is not None and g("staff_paid_fte") is not None:
            assert g("staff_fte_digital") <= g("staff_paid_fte"), m["museum_name"]
        r = [g("pct_online_open"), g("pct_online_restricted"), g("pct_online_rights_unknown")]
        if all(x is not None for x in r):
            assert abs(sum(r) - 100) <= 2, m["museum_name"]

def inject_cached(path, values):
    """Give formula cells a cached value, as Excel does when it saves. values: {formula text (no '='): number}"""
    import zipfile, re, shutil
    tmp = path + ".tmp"
    with zipfile.ZipFile(path) as zin, zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            if item.filename.startswith("xl/worksheets/sheet"):
                s = data.decode("utf-8")
                for f, v in values.items():
                    s = s.replace(f"<f>{f}</f><v></v>", f"<f>{f}</f><v>{v}</v>").replace(f"<f>{f}</f><v/>", f"<f>{f}</f><v>{v}</v>")
                data = s.encode("utf-8")
            zout.writestr(item, data)
    shutil.move(tmp, path)
