"""Read a national museum register (the population frame) from CSV / XLSX and check it before it is stored.

A register is a list of museums, not a survey: id or code, name, type, visits or a size class, ownership,
region and, when the file covers several countries, the country. Real ones come as ';'-separated Latin-1
text with 'na' for blanks and codes like Muséofile M0965 (France) or mm.* (Mapping Museums, UK).

    bytes -> sheets (analysis.reading) -> header row and columns (own synonyms, then analysis.parsing.columns)
          -> values (analysis.parsing.normalise: countries, blanks, numbers, museum type and ownership codes)
          -> ParsedRegister (museums + findings) -> analysis.store.commit_register (one transaction)

Registers go into their own tables (register_museums, registers), never into survey responses.
Errors block the file (nothing is written); warnings are shown and the file may still be loaded.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from dataclasses import dataclass, field

import duckdb
import pandas as pd

from analysis import formats, limits, schema, store
from analysis.i18n import N_, _
from analysis.parsing import normalise
from analysis.parsing.headers.recognise import match_header
from analysis.parsing.columns import cell_text, column_letter, is_total_label
from analysis.reading.formats import read_sheets
from analysis.reading.grid import Sheet, UnreadableFile
from analysis.parsing.report import ERROR, WARNING, Finding, HasFindings

# Register columns -> headings as registers write them (compared after schema.header_key, digits removed,
# so "Fréquentation 2023" is "frequentation"). Checked before the survey synonyms of analysis.parsing.columns,
# because in a register "Name" / "Nom" is the museum, never a respondent.
COLUMNS: dict[str, tuple[str, ...]] = {
    "museum_ref": ("id", "identifiant", "identifier", "ref", "reference", "code", "museum id", "museum code",
                   "mm id", "museofile", "identifiant museofile", "ref museofile", "code museofile",
                   "reference museofile", "numero museofile", "register id", "registry id", "isil", "kennung",
                   "museumsnummer", "museumnummer", "codice", "identificador", "numer", "nr"),
    "name": ("name", "nom", "naam", "nombre", "nome", "nazwa", "museum", "musee", "museum name", "name of museum",
             "nom du musee", "nom officiel", "nom officiel du musee", "nom usuel", "appellation", "denomination",
             "bezeichnung", "name des museums", "museumsname", "naam museum", "nombre del museo", "nome museo",
             "nazwa muzeum", "institution", "institution name", "etablissement"),
    "museum_type": ("type", "museum type", "type of museum", "category", "categorie", "categorie de musee",
                    "domaine", "domaine thematique", "thematique", "subject", "subject matter", "museumsart",
                    "sparte", "soort", "tipo", "tipologia", "rodzaj", "typ", "egmus type"),
    "annual_visits": ("visits", "visitors", "annual visits", "visits per year", "visitor numbers",
                      "frequentation", "frequentation totale", "entrees", "nombre de visiteurs", "visiteurs",
                      "besuche", "besucher", "besucherzahl", "bezoekers", "visitantes", "visitas", "visitatori",
                      "ingressi", "frekwencja", "zwiedzajacy", "liczba zwiedzajacych"),
    "size": ("size", "size band", "size class", "size category", "taille", "classe de taille", "groesse",
             "grosse", "grossenklasse", "grootte", "tamano", "dimensione", "wielkosc"),
    "ownership": ("ownership", "owner", "governance", "governance type", "statut", "statut juridique", "tutelle",
                  "propriete", "traeger", "trager", "tragerschaft", "eigentumer", "rechtsform", "eigendom",
                  "titularidad", "proprieta", "wlasnosc", "legal status"),
    "region": ("region", "admin area", "nuts2", "nuts 2", "region nuts2", "bundesland", "regio", "provincie",
               "regione", "comunidad autonoma", "wojewodztwo"),
    "country": ("country", "pays", "land", "staat", "pais", "paese", "kraj", "country code", "iso"),
}
LABELS = {"museum_ref": N_("ID / code"), "name": N_("Name"), "museum_type": N_("Type"),
          "annual_visits": N_("Visits a year"), "size": N_("Size class"), "ownership": N_("Ownership"),
          "region": N_("Region"), "country": N_("Country")}
# Survey fields that mean the same register column when the survey synonyms recognise a heading.
_FROM_SURVEY = {"museum_id": "museum_ref", "museum_name": "name", "museum_type": "museum_type",
                "annual_visits": "annual_visits", "ownership": "ownership", "region_nuts2": "region",
                "country": "country"}
# A size class written as words (Mapping Museums: small / medium / large / huge).
SIZE_WORDS = {
    "small": "small", "petit": "small", "petits": "small", "klein": "small", "kleine": "small", "pequeno": "small",
    "piccolo": "small", "maly": "small", "medium": "medium", "moyen": "medium", "mittel": "medium",
    "middel": "medium", "middelgroot": "medium", "mediano": "medium", "medio": "medium", "sredni": "medium",
    "large": "large", "grand": "large", "gross": "large", "groot": "large", "grande": "large", "duzy": "large",
    "huge": "huge", "very large": "huge", "tres grand": "huge", "sehr gross": "huge", "zeer groot": "huge",
    "muy grande": "huge", "molto grande": "huge", "bardzo duzy": "huge",
}
# Museum types registers name that the survey's answers do not cover.
TYPE_WORDS = {"ecomusee": "regional_local", "ecomuseum": "regional_local", "local histories": "regional_local",
              "mixed": "general_mixed", "buildings": "monument_site", "arts": "art"}
# Governance words registers use that the survey's ownership answers do not cover (Mapping Museums).
OWNERSHIP_WORDS = {
    "independent not for profit": "private_nonprofit", "independent": "private_nonprofit",
    "independent private": "private_for_profit", "independent national trust": "private_nonprofit",
    "government local authority": "regional_local_authority", "government national": "national_state",
    "government other": "other_public", "government": "other_public", "university": "other_public",
    "local authority": "regional_local_authority", "etat": "national_state", "collectivite": "regional_local_authority",
    "collectivite territoriale": "regional_local_authority", "commune": "regional_local_authority",
    "prive": "private_nonprofit", "association": "private_nonprofit",
}
_DIGITS = re.compile(r"\b\d+\b")


def _key(text: object) -> str:
    return " ".join(_DIGITS.sub(" ", schema.header_key(text)).split())


_SYNONYMS = {_key(s): column for column, words in COLUMNS.items() for s in words}


def match_column(text: str) -> tuple[str | None, str]:
    """(register column, how) for one heading: a register synonym, else the survey synonyms
    (analysis.parsing.headers.recognise.match_header) when they name an identification or classification field."""
    key = _key(text)
    if key in _SYNONYMS:
        return _SYNONYMS[key], _("register synonym")
    if not key:
        return None, _("empty")
    found = match_header(text)
    if found.field in _FROM_SURVEY:
        return _FROM_SURVEY[found.field], _("survey heading ({why}, {confidence})").format(
            why=found.why, confidence=found.confidence)
    return None, _("not used")


@dataclass
class RegisterHeader:
    row: int                                   # 0-based grid row
    columns: dict[int, str]                    # column index -> register column
    mapping: list[dict]                        # per heading: heading, letter, column, how

    @property
    def score(self) -> int:
        return len(set(self.columns.values()))


def find_register_header(rows: list[list]) -> RegisterHeader | None:
    """The row among the first HEADER_SCAN_ROWS that names the most register columns (at least two, one of
    them the name or the ID)."""
    best = None
    for r in range(min(len(rows), limits.HEADER_SCAN_ROWS)):
        texts = [cell_text(v) for v in rows[r]]
        if sum(1 for t in texts if t) < 2:
            continue
        columns, mapping = {}, []
        for c, text in enumerate(texts):
            if not text:
                continue
            column, how = match_column(text)
            if column in columns.values():
                how, column = _("ignored: a second '{label}' column").format(label=_(LABELS[column])), None
            if column:
                columns[c] = column
            mapping.append({"heading": text, "letter": column_letter(c), "column": column, "how": how})
        header = RegisterHeader(r, columns, mapping)
        if header.score >= 2 and {"name", "museum_ref"} & set(columns.values()):
            if best is None or header.score > best.score:
                best = header
    return best


@dataclass
class ParsedRegister(HasFindings):
    filename: str
    sha256: str
    format: str = ""
    sheet: str = ""
    header_row: int | None = None              # as Excel shows it
    mapping: list[dict] = field(default_factory=list)
    museums: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(columns=list(store.REGISTER_COLUMNS)))
    findings: list[Finding] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    rows_skipped: list[dict] = field(default_factory=list)

    def add(self, severity: str, rule: str, message: str, **where) -> None:
        self.findings.append(Finding(severity, rule, message, sheet=self.sheet, **where))

    @property
    def ok(self) -> bool:
        return not self.errors and len(self.museums) > 0

    def summary(self) -> pd.DataFrame:
        """Museums read per country and size band (the strata this register gives), with column totals."""
        if self.museums.empty:
            return pd.DataFrame(columns=["country", *BAND_COLUMNS, "museums"])
        bands = self.museums["size_band"].fillna("size unknown")
        table = pd.crosstab(self.museums["country"], bands).reindex(columns=BAND_COLUMNS, fill_value=0)
        table["museums"] = table.sum(axis=1)
        return table.reset_index()

    def as_report(self) -> dict:
        return {"file": self.filename, "sha256": self.sha256, "format": self.format, "sheet": self.sheet,
                "header_row": self.header_row, "museums": len(self.museums),
                "columns": [m for m in self.mapping if m["column"]],
                "errors": [f.as_dict() for f in self.errors], "warnings": [f.as_dict() for f in self.warnings],
                "rows_skipped": self.rows_skipped, "notes": self.notes}


BAND_COLUMNS = [*(b for b, _ in schema.SIZE_BANDS), "size unknown"]


def band_from_visits(visits: int | None) -> str | None:
    """The survey's size band (analysis.schema.SIZE_BANDS) for a number of visits a year."""
    if visits is None:
        return None
    band = None
    for name, lower in schema.SIZE_BANDS:
        if visits >= lower:
            band = name
    return band


def _text(value: object) -> str | None:
    if normalise.is_blank(value):
        return None
    text = cell_text(value)
    return None if not text or normalise.is_blank(text) else text


def parse_register(data: bytes, filename: str, country: str | None = None) -> ParsedRegister:
    """Read and check one register file. `country` (ISO alpha-2) is used for rows without a country column
    or value; rows naming another country are an error, so a file is never filed under the wrong country."""
    result = ParsedRegister(filename, hashlib.sha256(data).hexdigest())
    try:
        result.format, sheets = read_sheets(data)
    except UnreadableFile as exc:
        result.add(ERROR, "unreadable_file", str(exc))
        return result
    found = [(sheet, find_register_header(sheet.rows)) for sheet in sheets if sheet.visible]
    found = [(s, h) for s, h in found if h is not None]
    if not found:
        result.add(ERROR, "no_register_header",
                   _("No sheet has register columns. A register needs a heading row with at least the museum's "
                     "name or ID and one more of: type, visits or size, ownership, region, country."))
        return result
    sheet, header = max(found, key=lambda sh: sh[1].score)
    result.sheet, result.header_row, result.mapping = sheet.name, header.row + 1, header.mapping
    if sheet.note:
        result.notes.append(formats.labelled(filename, sheet.note) + ".")
    others = [s.name for s, _header in found if s is not sheet]
    if others:
        result.notes.append(_("Sheet '{sheet}' was read; other sheets were left out: {others}.").format(
            sheet=sheet.name, others=", ".join(others)))
    columns = set(header.columns.values())
    if "country" not in columns and not country:
        result.add(ERROR, "no_country", _("The file has no country column: choose the country of this register."))
        return result
    if not columns & {"annual_visits", "size"}:
        result.notes.append(_("No visits or size column: the register gives the number of museums of the country, "
                              "not their distribution by size, so weights will be by country only."))
    _read_rows(sheet, header, result, country)
    return result


def _read_rows(sheet: Sheet, header: RegisterHeader, result: ParsedRegister, country: str | None) -> None:
    at = {column: c for c, column in header.columns.items()}
    letter = {column: column_letter(c) for column, c in at.items()}
    heading = {m["column"]: m["heading"] for m in header.mapping if m["column"]}
    fields = schema.FIELDS_BY_NAME
    records, unknown_type, unknown_owner, unknown_size = [], Counter(), Counter(), Counter()
    seen_refs: dict[tuple[str, str], int] = {}

    def cell(row: list, column: str) -> object:
        c = at.get(column)
        return row[c] if c is not None and c < len(row) else None

    def where(row_number: int, column: str, value: object) -> dict:
        return {"row": row_number, "column": heading.get(column, ""), "value": value,
                "cell": f"{letter.get(column, '')}{row_number}"}

    for i in range(header.row + 1, len(sheet.rows)):
        row, row_number = sheet.rows[i], i + 1
        filled = [v for v in row if cell_text(v)]
        if not filled:
            continue
        first = cell_text(filled[0])
        if sum(1 for c, col in header.columns.items() if c < len(row)
               and cell_text(row[c]).lower() == heading[col].lower()) >= 2:
            result.rows_skipped.append({"row": row_number, "reason": _("repeated heading row")})
            continue
        if is_total_label(first):
            reason = _("totals row ('{text}')").format(text=first[:40])
            result.rows_skipped.append({"row": row_number, "reason": reason})
            continue
        ref, name = _text(cell(row, "museum_ref")), _text(cell(row, "name"))
        if ref is None and name is None:
            result.rows_skipped.append({"row": row_number, "reason": _("no name and no ID") if len(filled) > 1
                                        else _("note ('{text}')").format(text=first[:60])})
            continue
        raw_country = cell(row, "country")
        code = country
        if not normalise.is_blank(raw_country) and cell_text(raw_country):
            code, problem = normalise.parse_cell(raw_country, fields["country"])
            if problem:
                severity, rule, message = problem
                result.add(severity, rule, message, **where(row_number, "country", raw_country))
            if code and country and code != country:
                said = _("This row is in {country} ({code}) but the register is being loaded for {chosen} "
                         "({chosen_code}). Load each country's register for that country, or choose no country so "
                         "the column is used.").format(country=schema.country_name(code), code=code,
                                                       chosen=schema.country_name(country), chosen_code=country)
                result.add(ERROR, "other_country", said, **where(row_number, "country", raw_country))
        if not code:
            if normalise.is_blank(raw_country) or not cell_text(raw_country):
                result.add(ERROR, "no_country", _("No country for this museum: fill the country column or choose "
                                                  "the register's country when loading."),
                           **where(row_number, "country", raw_country))
            continue
        visits, raw_visits = None, cell(row, "annual_visits")
        if not normalise.is_blank(raw_visits):
            visits, problem = normalise.parse_cell(raw_visits, fields["annual_visits"])
            if problem:
                result.add(WARNING, problem[1], problem[2] + " " + _("The size of this museum is taken from the "
                                                                    "size column if there is one, else left unknown."),
                           **where(row_number, "annual_visits", raw_visits))
            elif visits is not None and visits < 0:
                result.add(WARNING, "negative_visits", _("{visits} visits is below zero; left blank.").format(
                               visits=formats.number(visits)),
                           **where(row_number, "annual_visits", raw_visits))
                visits = None
        size = band_from_visits(visits)
        raw_size = _text(cell(row, "size"))
        if size is None and raw_size is not None:
            size = SIZE_WORDS.get(schema.header_key(raw_size))
            if size is None and schema.header_key(raw_size) not in ("unknown", "inconnu", "unbekannt"):
                unknown_size[raw_size] += 1
        museum_type = _code(cell(row, "museum_type"), fields["museum_type"], TYPE_WORDS, unknown_type)
        ownership = _code(cell(row, "ownership"), fields["ownership"], OWNERSHIP_WORDS, unknown_owner)
        if ref is not None:
            earlier = seen_refs.get((code, ref))
            if earlier is not None:
                result.add(WARNING, "duplicate_museum", _(
                    "ID {ref} is listed twice (rows {earlier} and {row}); the first is kept so the museum is counted "
                    "once.").format(ref=ref, earlier=earlier, row=row_number), **where(row_number, "museum_ref", ref))
                continue
            seen_refs[(code, ref)] = row_number
        records.append({"country": code, "museum_ref": ref, "name": name, "museum_type": museum_type,
                        "size_band": size, "annual_visits": visits, "ownership": ownership,
                        "region": _text(cell(row, "region")), "source_row": row_number})
    for counter, what, column in ((unknown_type, N_("museum type"), "museum_type"),
                                  (unknown_owner, N_("ownership"), "ownership"),
                                  (unknown_size, N_("size class"), "size")):
        if counter:
            listed = ", ".join(f"'{v}' ({n})" for v, n in counter.most_common(8))
            more = " " + _("and {n} more").format(n=len(counter) - 8) if len(counter) > 8 else ""
            result.add(WARNING, f"unknown_{column}", _(
                "{n} museum(s) have a {what} that matches none of the survey's categories, so it is left blank: "
                "{listed}{more}.").format(n=sum(counter.values()), what=_(what), listed=listed, more=more),
                       column=heading.get(column, ""))
    result.museums = pd.DataFrame(records, columns=list(store.REGISTER_COLUMNS))
    if result.museums.empty and not result.errors:
        result.add(ERROR, "no_museums", _("The heading row was found but no museum rows under it. Nothing was "
                                          "loaded."))
    elif not result.errors:
        blank = int(result.museums["size_band"].isna().sum())
        if blank and {"annual_visits", "size"} & set(at):
            result.notes.append(_("{blank} of {n} museums have no visits or size: in the frame they are shared out "
                                  "over the size bands in proportion to the others.").format(
                blank=formats.number(blank), n=formats.number(len(result.museums))))


def _code(value: object, f: schema.Field, extra: dict[str, str], unknown: Counter) -> str | None:
    text = _text(value)
    if text is None:
        return None
    key = schema.header_key(text)
    if key in extra:
        return extra[key]
    code, _exact = normalise.match_choice(text, f)
    if code is None:
        unknown[text] += 1
    return code


def load_register(con: duckdb.DuckDBPyConnection, data: bytes, filename: str, *, country: str | None = None,
                  user: str) -> dict:
    """Parse and, when there is no error, store a register. {"status": committed | duplicate | rejected,
    "message", "rows", "parsed"}."""
    parsed = parse_register(data, filename, country)
    return commit(con, parsed, user=user)


def commit(con: duckdb.DuckDBPyConnection, parsed: ParsedRegister, *, user: str) -> dict:
    if not parsed.ok:
        return {"status": "rejected", "rows": 0, "parsed": parsed,
                "message": _("{n} error(s): nothing was loaded from {file}.").format(n=len(parsed.errors),
                                                                                      file=parsed.filename)}
    done = store.commit_register(con, parsed.museums, filename=parsed.filename, sha256=parsed.sha256,
                                 sheet=parsed.sheet, user=user, report=parsed.as_report())
    if done["status"] == "duplicate":
        message = _("This exact file was already loaded (register {register}); nothing changed.").format(
            register=done["register_ids"][0])
    else:
        countries = ", ".join(schema.country_name(c) for c in done["countries"])
        message = _("Loaded {n} museum(s) into the population frame for {countries}; this register now replaces "
                    "any earlier one for that country in the weights.").format(n=formats.number(done["rows"]),
                                                                              countries=countries)
    return {**done, "parsed": parsed, "message": message}
