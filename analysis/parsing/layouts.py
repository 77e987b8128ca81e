"""Online survey tools: recognise whose export a sheet is, from its content, and what to set aside.

Each tool writes its own telltale header cells (metadata columns, preamble rows, a row of import ids).
Recognising them lets the report say "SurveyMonkey export", keeps tool metadata out of the unknown-column
list, and skips header-continuation rows (Qualtrics' {"ImportId": ...} row) so they are never a museum.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from analysis.schema import header_key as _key, question_text


def header_key(text: str) -> str:
    return _key(question_text(text))


@dataclass(frozen=True)
class Layout:
    tool: str
    telltales: frozenset[str]         # header keys; enough of them present means this tool
    needed: int
    metadata: frozenset[str]          # columns set aside (timestamps, ids, progress, language, ...)


def _keys(*texts: str) -> frozenset[str]:
    return frozenset(header_key(t) for t in texts)


LAYOUTS = (
    Layout("EUSurvey", _keys("Alias", "Export Date", "Contribution ID", "Creation date", "Last update", "Languages",
                             "Numéro d'identification de la contribution", "Date de création",
                             "Dernière mise à jour", "Langues", "Beitrags-ID", "Erstellungsdatum"),
           2, _keys("Contribution ID", "Creation date", "Last update", "Languages", "Invitation number",
                    "Contribution date", "Draft ID", "Alias", "Export Date",
                    "Numéro d'identification de la contribution", "Date de création", "Dernière mise à jour",
                    "Langues", "Date d'export", "Beitrags-ID", "Erstellungsdatum", "Letzte Aktualisierung",
                    "Sprachen", "Exportdatum")),
    Layout("Qualtrics", _keys("StartDate", "EndDate", "ResponseId", "Progress", "Duration (in seconds)",
                              "RecordedDate", "DistributionChannel", "UserLanguage", "ExternalReference"),
           3, _keys("StartDate", "EndDate", "Status", "Progress", "Duration (in seconds)", "Finished", "RecordedDate",
                    "ResponseId", "ExternalReference", "DistributionChannel", "UserLanguage", "Q_RecaptchaScore",
                    "Start Date", "End Date", "Response Type", "Recorded Date", "Response ID",
                    "Distribution Channel", "User Language", "External Data Reference")),
    Layout("SurveyMonkey", _keys("Respondent ID", "Collector ID", "Start Date", "End Date", "Custom Data 1"),
           3, _keys("Respondent ID", "Collector ID", "Start Date", "End Date", "Custom Data 1", "Custom Data")),
    Layout("LimeSurvey", _keys("Response ID", "Date submitted", "Last page", "Start language", "Seed",
                               "Date started", "Date last action", "id", "submitdate", "lastpage", "startlanguage"),
           3, _keys("Response ID", "Date submitted", "Last page", "Start language", "Seed", "Date started",
                    "Date last action", "Referrer URL", "Total time", "id", "submitdate", "lastpage", "startlanguage",
                    "seed", "startdate", "datestamp", "refurl", "interviewtime")),
    Layout("KoboToolbox", _keys("_uuid", "_submission_time", "_id", "_index", "_validation_status",
                                "_submitted_by", "_version_", "meta/instanceID", "__version__"),
           2, _keys("start", "end", "today", "deviceid", "_uuid", "_submission_time", "_id", "_index",
                    "_validation_status", "_submitted_by", "_version_", "__version__", "meta/instanceID", "_tags",
                    "_notes", "_status", "formhub/uuid", "_parent_table_name", "_parent_index", "_location_precision",
                    "_location_altitude", "_geolocation")),
    Layout("Microsoft Forms", _keys("ID", "Start time", "Completion time", "Last modified time"),
           3, _keys("ID", "Start time", "Completion time", "Last modified time")),
    Layout("Google Forms", _keys("Timestamp", "Horodateur", "Zeitstempel", "Marca temporal", "Tijdstempel",
                                 "Informazioni cronologiche", "Sygnatura czasowa"),
           1, _keys("Timestamp", "Horodateur", "Zeitstempel", "Marca temporal", "Tijdstempel",
                    "Informazioni cronologiche", "Sygnatura czasowa", "Score", "Total score")),
)
GENERIC_METADATA = _keys("Timestamp", "Submission date", "Submitted at", "Response date", "Completion date",
                         "Progress", "Language", "Version", "Duration", "Status", "Token", "Network ID")


def detect(header_rows: list[list[str]]) -> Layout | None:
    """The tool whose telltale headers appear in the first rows of a sheet, or None."""
    present = {header_key(text) for row in header_rows for text in row if text}
    scored = [(len(layout.telltales & present), layout) for layout in LAYOUTS]
    hits, best = max(scored, key=lambda s: s[0])
    return best if hits >= best.needed else None


def is_metadata(header: str, layout: Layout | None) -> bool:
    """A survey tool's bookkeeping column; for KoboToolbox also any system field ("_id", "group/_uuid")."""
    key = header_key(header)
    if layout is not None and layout.tool == "KoboToolbox" and header.rsplit("/", 1)[-1].startswith("_"):
        return True
    return key in GENERIC_METADATA or (layout is not None and key in layout.metadata)


_IMPORT_ID = re.compile(r'^\{\s*"?ImportId"?\s*:', re.IGNORECASE)


def is_header_continuation(cells: list[str]) -> bool:
    """A row a survey tool writes under its headers: Qualtrics' {"ImportId": "QID4"} cells."""
    filled = [c for c in cells if c]
    return bool(filled) and sum(bool(_IMPORT_ID.match(c)) for c in filled) >= len(filled) / 2
