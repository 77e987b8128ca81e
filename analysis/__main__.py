"""The command line: python -m analysis load|summary|frame|scenario|deck|report|template|sample|retract|dictionary
(see README)."""

from __future__ import annotations

import argparse
import getpass
import io
import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import duckdb

from analysis import i18n, store
from analysis.i18n import N_, _, survey
from analysis.figures import metrics


def _open(db: str | None) -> duckdb.DuckDBPyConnection:
    """The newest published snapshot, read-only: reading never waits for a writer, even while the app runs."""
    return store.reading(db)


@contextmanager
def _writing(db: str | None) -> Iterator[duckdb.DuckDBPyConnection]:
    """The primary store for one write, after any other writer (the app's Upload page, another command)."""
    try:
        with store.writing(db, on_wait=lambda: print(_("waiting for another upload or edit to be saved…"),
                                                     file=sys.stderr, flush=True)) as con:
            yield con
    except store.WriterBusy as busy:
        sys.exit(_("error: {problem}").format(problem=busy))


def _choices(args) -> dict[str, str | None]:
    """--map "HEADING=field" and --ignore "HEADING" as {heading: field or None}; exits on an unknown field."""
    from analysis.loading.mappings import field_named

    choices: dict[str, str | None] = {heading: None for heading in args.ignore}
    for pair in args.map:
        heading, sep, name = pair.rpartition("=")
        field = field_named(name)
        if not sep or not heading.strip() or field is None:
            sys.exit(f"error: --map \"{pair}\": write HEADING=FIELD, where FIELD is a survey field such as "
                     "pct_digitised or its heading 'Collection digitised (%)' (python -m analysis dictionary "
                     "lists them all)")
        choices[heading.strip()] = field
    return choices


def cmd_load(args) -> int:
    from analysis.loading.upload import receive

    i18n.use(args.lang)                     # the report's messages; the JSON's keys and rule codes stay English
    choices = _choices(args)
    reader = _open(args.db)                # files are read and checked against the newest snapshot...
    results = []
    for name in args.files:
        path = Path(name)
        if not path.is_file():
            results.append({"file": name, "status": "rejected", "rows": 0, "warnings": [],
                            "errors": [{"sheet": "", "row": None, "column": "", "value": None,
                                        "rule": "file_not_found",
                                        "message": _("No such file: {file}").format(file=name)}]})
            continue
        upload = receive(reader, path.read_bytes(), path.name, wave=args.wave, choices=choices)
        if upload.stage.committable:       # ...and the primary is held only for the commit
            with _writing(args.db) as con:
                upload.commit(con, user=args.user, warnings_confirmed=True, remember=args.remember)
        results.append(upload.as_dict())
    if args.json:
        print(json.dumps({"files": results}, ensure_ascii=False, indent=2, default=str))
    else:
        for r in results:
            _print_result(r)
    return 1 if any(r["status"] == "rejected" for r in results) else 0


STATUS = {"committed": N_("COMMITTED"), "rejected": N_("REJECTED"), "duplicate": N_("DUPLICATE"),
          "checked": N_("CHECKED")}
UNUSED_COLUMNS = (("unmapped_columns", N_("columns not used (unknown): {columns}")),
                  ("dropped_personal_data_columns", N_("columns dropped (personal data): {columns}")),
                  ("remarks_columns", N_("columns not stored (remarks, address, website, row numbers): {columns}")))
SEVERITY = {"errors": N_("ERROR"), "warnings": N_("WARNING")}


def _print_result(r: dict) -> None:
    """One file's report for a person, in the current language."""
    from analysis import formats
    print(_("{file}: {status} - {message}").format(file=r["file"], status=_(STATUS.get(r["status"], r["status"])),
                                                   message=r.get("message", "")))
    if r.get("sheets"):
        used, skipped = r["sheets"]["used"], r["sheets"]["skipped"]
        if used:
            print("  " + _("sheets used: {sheets}").format(sheets=", ".join(used)))
        for sheet, why in skipped.items():
            print("  " + _("sheet skipped: {sheet} ({why})").format(sheet=sheet, why=why))
    mapping = r.get("mapping", [])
    if mapping:
        print("  " + _("columns: {n} mapped").format(n=len(mapping)))
        for m in mapping:
            if m["confidence"] < 100:
                print("    " + _("'{column}' -> {field} ({how}: {why}, confidence {confidence}%)").format(**m))
    for key, label in UNUSED_COLUMNS:
        if r.get(key):
            print("  " + _(label).format(columns=", ".join(r[key])))
    for skipped in r.get("rows_skipped", []):
        print("  " + _("row {row} skipped ({sheet}): {reason}").format(**skipped))
    for note in r.get("notes", []):
        print("  " + _("note: {note}").format(note=note))
    for kind in ("errors", "warnings"):
        for f in r.get(kind, []):
            where = ", ".join(x for x in (f.get("sheet"), _("row {row}").format(row=f["row"]) if f.get("row") else "",
                                          _("column '{column}'").format(column=f["column"]) if f.get("column") else "")
                              if x)
            print("  " + formats.labelled(f"{_(SEVERITY[kind])} [{f['rule']}] {where}", f["message"]))


SUMMARY_LINES = (("respondents", N_("Museums that answered"), "number"), ("countries", N_("Countries"), "number"),
                 ("mean_pct_digitised", N_("Collection digitised, mean"), "pct"),
                 ("weighted_pct_digitised", N_("Objects digitised"), "pct"),
                 ("total_funding_need_eur", N_("Funding need"), "money"),
                 ("total_funding_available_eur", N_("Funding available"), "money"),
                 ("total_funding_shortfall_eur", N_("Funding shortfall"), "money"))


def _print_summary(result: dict) -> None:
    """The headline figures for a person: labels, numbers, percentages and money in the current language."""
    from analysis import formats, schema

    shown = {"number": formats.number, "pct": lambda v: formats.pct(v, 1), "money": formats.money}
    for key, label, kind in SUMMARY_LINES:
        print(_("{label}: {value}").format(label=_(label), value=shown[kind](result[key])))
    print(_("Shortfall by pillar:"))
    for pillar, value in result["shortfall_by_pillar"].items():
        print("  " + _("{label}: {value}").format(label=i18n.survey_label(schema.PILLARS[pillar]),
                                                  value=formats.money(value)))


def cmd_summary(args) -> int:
    con = _open(args.db)
    result = metrics.summary(con, wave=args.wave, countries=args.country)
    if args.json:
        print(json.dumps(result, indent=2))
    else:
        i18n.use(args.lang)
        _print_summary(result)
    return 0


def _filters(con: duckdb.DuckDBPyConnection, args):
    """--wave (default: the latest) and --country as Filters; exits when the store or the wave has no answers."""
    from analysis.figures.filters import Filters

    waves = metrics.waves(con)
    if not waves:
        sys.exit("error: the store has no survey answers yet; load a survey first (python -m analysis load FILE)")
    if args.wave and args.wave not in waves:
        sys.exit(f"error: no answers for wave {args.wave}; waves in the store: {', '.join(waves)}")
    return Filters(wave=args.wave or metrics.latest_wave(con),
                   countries=tuple(dict.fromkeys(c.upper() for c in args.country or ())))


def cmd_frame(args) -> int:
    """`frame` prints the population frame in use: per country (and size band where a register gives it) the
    number of museums, its year, what it counts, scope, status and source; then the countries listed without
    a usable figure, and the frame's version."""
    from analysis.figures import provenance

    con = _open(args.db)
    frame = metrics.population_frame(con)
    listed = store.museum_population_table(con)
    missing = listed[listed["museums"].isna() & ~listed["country"].isin(frame["country"])]
    version = provenance.current(con, None)
    if args.json:
        print(json.dumps({"version": version.frame, "registers": list(version.registers),
                          "countries": int(frame["country"].nunique()),
                          "frame": json.loads(frame.to_json(orient="records")),
                          "without_figure": json.loads(missing[["country", "counts", "status"]].to_json(
                              orient="records"))}, indent=2, ensure_ascii=False))
    else:
        sys.stdout.write(frame.assign(frame_version=version.frame).to_csv(index=False))
    return 0


def _chart_keys(text: str | None) -> list[str]:
    """--charts "KEY,KEY" in the order given (default: the catalogue's default deck); exits on an unknown key."""
    from analysis.charts import catalogue

    if not text:
        return list(catalogue.DEFAULT_DECK)
    keys = [key.strip() for key in text.split(",") if key.strip()]
    unknown = [key for key in keys if key not in catalogue.CHARTS]
    if unknown or not keys:
        named = ", ".join(unknown) if unknown else repr(text)
        sys.exit(f"error: unknown chart key{'s' if len(unknown) > 1 else ''}: {named}. "
                 f"Valid keys: {', '.join(catalogue.CHARTS)}")
    return keys


def cmd_deck(args) -> int:
    """`deck` writes a PPTX, `report` a self-contained HTML file, of the chosen charts under the filters."""
    from pptx import Presentation

    from analysis import export
    from analysis.charts import catalogue

    i18n.use(args.lang)                     # titles, filters in words, numbers and dates in this language
    keys = _chart_keys(args.charts)
    con = _open(args.db)
    filters = _filters(con, args)
    s = metrics.summary(con, filters=filters)
    scope = filters.describe(s["respondents"], s["countries"])
    built = catalogue.build(con, filters, keys)
    shown = [chart for chart in built if not chart.empty]
    if not shown:
        sys.exit(_("error: none of the charts has anything to show for {scope}").format(scope=scope))
    title = i18n._("Museum digitisation in Europe, wave {wave}").format(wave=filters.wave)
    out = Path(args.out)
    if args.command == "deck":
        template = Path(args.template).read_bytes() if args.template else None
        try:
            deck = export.pptx_deck(built, title, scope, template=template)
        except export.ChromiumUnavailable as exc:
            sys.exit(_("error: {problem}").format(problem=exc))
        out.write_bytes(deck)
        slides = len(Presentation(io.BytesIO(deck)).slides)
        print(_("wrote {file}: {slides} slides (title, {charts} charts, method and sources) for {scope}").format(
            file=out, slides=slides, charts=len(shown), scope=scope))
    else:
        out.write_text(export.html_report(built, title, scope), encoding="utf-8")
        print(_("wrote {file}: {charts} charts for {scope}").format(file=out, charts=len(shown), scope=scope))
    for chart in built:
        if chart.empty:
            print("  " + _("left out, nothing to show: {key} ({title})").format(key=chart.key, title=chart.title))
    return 0


def _euros(text: str) -> float:
    """--budget: a number of euros, 0 or more."""
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number of euros (write 50000000 for EUR 50 M)")
    if value < 0 or value != value or value == float("inf"):
        raise argparse.ArgumentTypeError(f"{text!r}: the sum must be 0 euros or more")
    return value


def cmd_scenario(args) -> int:
    """`scenario` shares a sum among the museums' funding shortfalls by a rule (analysis.figures.scenarios) and prints what it
    achieves in total, per pillar and per country, and over all museums of the frame when only countries are chosen."""
    from analysis import formats, limits
    from analysis.figures import projections, scenarios

    rule = args.rule or scenarios.DEFAULT_RULE
    try:
        scenarios.rule_name(rule)
    except ValueError as exc:
        sys.exit(f"error: --rule: {exc}")
    weights = {}
    for pair in filter(None, (args.weights or "").split(",")):
        pillar, sep, value = pair.partition("=")
        try:
            weights[pillar.strip()] = float(value)
        except ValueError:
            sep = ""
        if not sep:
            sys.exit(f"error: --weights {args.weights!r}: write PILLAR=NUMBER,... with pillars among "
                     f"{', '.join(scenarios.PILLARS)}")
    try:
        scenarios.pillar_weights(weights)
    except ValueError as exc:
        sys.exit(f"error: --weights: {exc}")
    con = _open(args.db)
    filters = _filters(con, args)
    inputs = metrics.scenario_inputs(con, filters)
    s = scenarios.run(inputs["museums"], args.budget, rule, weights, args.horizon, respondents=inputs["respondents"])
    population = metrics.scenario_context(con, filters)["population"]
    frame, reason = projections.extrapolation(inputs["museums"], population, filters, args.budget, rule, weights)
    result = {"survey_wave": filters.wave, "countries": list(filters.countries),
              **projections.as_json(s, frame, reason)}
    if args.json:
        print(json.dumps(result, indent=2, ensure_ascii=False))
        return 0
    print(f"{s.described}, wave {filters.wave}: {s.funded} of {s.with_gap} museums with a gap fully funded; "
          f"{formats.money(s.closed_eur)} of {formats.money(s.total_eur)} closed, {formats.money(s.remaining_eur)} "
          f"left (n = {s.n} museums that gave need and budget).")
    for country, r in result["by_country"].items():
        print(f"  {country}: " + (f"fewer than {limits.SUPPRESS_BELOW_N} museums, not shown" if r["suppressed"] else
                                  f"{r['museums_fully_funded']:.0f} of {r['museums_with_gap']:.0f} fully funded, "
                                  f"{formats.money(r['shortfall_closed_eur'])} closed, "
                                  f"{formats.money(r['shortfall_remaining_eur'])} left (n = {r['n']})"))
    return 0


def cmd_template(args) -> int:
    from analysis.export.template import write_template

    write_template(args.out, language=args.lang)
    print(f"wrote {args.out}")
    return 0


def cmd_sample(args) -> int:
    from analysis.loading.sample import generate_sample
    from analysis.export.template import write_template

    frame = generate_sample(museums=args.museums, seed=args.seed)
    write_template(args.out, frame, language=args.lang)
    print(f"wrote {args.out}: {len(frame)} rows, {frame['museum_id'].nunique()} museums, "
          f"{frame['country'].nunique()} countries")
    return 0


def cmd_retract(args) -> int:
    with _writing(args.db) as con:
        result = store.retract_upload(con, args.upload_id, user=args.user)
    print(json.dumps(result, indent=2, default=str))
    return 0 if result["status"] == "retracted" else 1


def cmd_dictionary(args) -> int:
    from analysis.docs import data_dictionary_markdown

    Path(args.out).write_text(data_dictionary_markdown(), encoding="utf-8")
    print(f"wrote {args.out}")
    return 0


def cmd_backup(args) -> int:
    with _writing(args.db) as con:             # a consistent copy: no write can start meanwhile
        print(json.dumps(store.backup(con, args.folder), indent=2))
    return 0


def cmd_restore(args) -> int:
    try:
        print(json.dumps(store.restore(args.backup, args.db, replace=args.replace), indent=2))
        with _writing(args.db):                 # readers move to the restored store on their next rerun
            pass
    except (FileExistsError, FileNotFoundError) as exc:
        sys.exit(f"error: {exc}")
    return 0


def cmd_hash_password(args) -> int:
    from analysis.accounts import hash_password

    password = getpass.getpass("Password: ")
    if password != getpass.getpass("Again: "):
        sys.exit("error: the passwords differ")
    print(hash_password(password))
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m analysis", description="Museum survey store.")
    sub = parser.add_subparsers(dest="command", required=True)
    db_help = "DuckDB file (default: $MUSEUM_DB or data/museums.duckdb)"
    lang_help = "the language of the headings, instructions and answers (a survey catalogue)"
    report_lang_help = "language of the printed report and its numbers (default: en; --json stays the same)"

    p = sub.add_parser("load", help="validate survey files and commit the clean ones")
    p.add_argument("files", nargs="+")
    p.add_argument("--db", help=db_help)
    p.add_argument("--wave", help="survey wave for rows whose sheet gives none, e.g. 2025")
    p.add_argument("--user", default=getpass.getuser(), help="who is loading (recorded in the audit trail)")
    p.add_argument("--json", action="store_true", help="print the machine-readable report")
    p.add_argument("--map", action="append", default=[], metavar="HEADING=FIELD",
                   help="store the column with this heading as this field (repeatable)")
    p.add_argument("--ignore", action="append", default=[], metavar="HEADING",
                   help="leave the column with this heading out (repeatable)")
    p.add_argument("--remember", action="store_true",
                   help="save --map/--ignore for the next file with the same headings")
    p.add_argument("--lang", choices=i18n.languages(), default=i18n.SOURCE_LANGUAGE, help=report_lang_help)
    p.set_defaults(run=cmd_load)

    p = sub.add_parser("summary", help="headline figures for one wave")
    p.add_argument("--db", help=db_help)
    p.add_argument("--wave", help="default: the latest wave")
    p.add_argument("--country", nargs="*", help="ISO alpha-2 codes")
    p.add_argument("--json", action="store_true")
    p.add_argument("--lang", choices=i18n.languages(), default=i18n.SOURCE_LANGUAGE, help=report_lang_help)
    p.set_defaults(run=cmd_summary)

    p = sub.add_parser("frame", help="print the population frame in use (museums per country) as CSV or JSON")
    p.add_argument("--db", help=db_help)
    p.add_argument("--json", action="store_true")
    p.set_defaults(run=cmd_frame)

    for name, what in (("deck", "a 16:9 PowerPoint deck (.pptx)"), ("report", "a self-contained HTML report")):
        p = sub.add_parser(name, help=f"write {what} of the chosen charts")
        p.add_argument("out")
        p.add_argument("--db", help=db_help)
        p.add_argument("--wave", help="default: the latest wave")
        p.add_argument("--country", nargs="*", help="ISO alpha-2 codes")
        p.add_argument("--charts", metavar="KEY,KEY", help="chart keys in slide order (default: the standard deck)")
        p.add_argument("--lang", choices=i18n.languages(), default=i18n.SOURCE_LANGUAGE,
                       help="language of the titles, words and numbers (default: en)")
        if name == "deck":
            p.add_argument("--template", help="branded template (.pptx) whose layouts and typeface the deck uses")
        p.set_defaults(run=cmd_deck)

    p = sub.add_parser("scenario", help="what a sum would achieve, shared among the museums' funding shortfalls")
    p.add_argument("--budget", type=_euros, required=True, help="the sum in euros, e.g. 50000000")
    p.add_argument("--rule", help="how the sum is shared out: proportional (the default), smallest-first, pillars or "
                                  "equal")
    p.add_argument("--weights", metavar="PILLAR=W,...",
                   help="pillar weights for the pillars rule, e.g. training=2,data_metadata=2 (others 1)")
    p.add_argument("--horizon", type=int, default=2030, help="year of the digitisation outlook")
    p.add_argument("--db", help=db_help)
    p.add_argument("--wave", help="default: the latest wave")
    p.add_argument("--country", nargs="*", help="ISO alpha-2 codes")
    p.add_argument("--json", action="store_true")
    p.set_defaults(run=cmd_scenario)

    p = sub.add_parser("template", help="write the blank survey workbook")
    p.add_argument("out")
    p.add_argument("--lang", default="en", choices=survey.languages(), help=lang_help)
    p.set_defaults(run=cmd_template)

    p = sub.add_parser("sample", help="write a calibrated synthetic survey")
    p.add_argument("out")
    p.add_argument("--museums", type=int, default=700)
    p.add_argument("--seed", type=int, default=2025)
    p.add_argument("--lang", default="en", choices=survey.languages(), help=lang_help)
    p.set_defaults(run=cmd_sample)

    p = sub.add_parser("retract", help="withdraw an upload (its rows leave every figure)")
    p.add_argument("upload_id", type=int)
    p.add_argument("--db", help=db_help)
    p.add_argument("--user", default=getpass.getuser())
    p.set_defaults(run=cmd_retract)

    p = sub.add_parser("dictionary", help="write the data dictionary (Markdown) generated from the schema")
    p.add_argument("out")
    p.set_defaults(run=cmd_dictionary)

    p = sub.add_parser("backup", help="copy the store into a new file in FOLDER (consistent snapshot)")
    p.add_argument("folder")
    p.add_argument("--db", help=db_help)
    p.set_defaults(run=cmd_backup)

    p = sub.add_parser("restore", help="put a backup file in place as the store")
    p.add_argument("backup")
    p.add_argument("--db", help=db_help)
    p.add_argument("--replace", action="store_true", help="overwrite an existing store")
    p.set_defaults(run=cmd_restore)

    p = sub.add_parser("hash-password", help="print a password hash for [accounts] in .streamlit/secrets.toml")
    p.set_defaults(run=cmd_hash_password)

    args = parser.parse_args(argv)
    return args.run(args)


if __name__ == "__main__":
    sys.exit(main())
