"""Named limits, in one place (Datasette-style settings). Each guards memory or time before work starts."""

import os


def _env_int(name: str, default: int) -> int:
    return int(os.environ.get(name, default))


MAX_UPLOAD_BYTES = _env_int("MUSEUM_MAX_UPLOAD_MB", 50) * 1024 * 1024   # one uploaded file


def too_big(size: int) -> str | None:
    """Why a file of `size` bytes is refused before any reading work, in plain words (MB of 2^20 bytes, as the
    upload widget counts them); None when it is within MAX_UPLOAD_BYTES."""
    if size <= MAX_UPLOAD_BYTES:
        return None
    from analysis.formats import number
    from analysis.i18n import _
    return _("The file is {size} MB, more than the limit of {limit} MB. Split it into smaller files, or remove "
             "sheets that are not survey answers (pictures, pivot tables).").format(
        size=number(size / 2**20, 1), limit=number(MAX_UPLOAD_BYTES / 2**20))

MAX_UNCOMPRESSED_BYTES = _env_int("MUSEUM_MAX_UNCOMPRESSED_MB", 400) * 1024 * 1024  # sum of a zip's parts
MAX_ROWS = _env_int("MUSEUM_MAX_ROWS", 200_000)       # data rows per file
MAX_COLUMNS = _env_int("MUSEUM_MAX_COLUMNS", 500)     # columns per sheet
MAX_CELLS = _env_int("MUSEUM_MAX_CELLS", 5_000_000)  # filled cells per file, counted before parsing
HEADER_SCAN_ROWS = 40                                 # how far down a header row is looked for
SUPPRESS_BELOW_N = 5                                  # groups with fewer respondents are not shown
ROWS_SHOWN = 100                                      # rows of a per-museum list on a page; all of it downloads

# --- reading workbooks safely (analysis.reading; shared/STACK-NOTES.md section H) -----------------------
# calamine (the Rust reader under fastexcel) aborts the whole process (an allocation failure, not an
# exception) on a cell far outside the table (XFD1048576) and on some crafted .xls headers. Workbooks are
# therefore parsed in a child process that may use at most PARSE_MEMORY_BYTES and PARSE_SECONDS, while the
# app checks their bytes; with PARSE_IN_CHILD off, the checks come first and the parse follows in-process.
# No cell may sit below row MAX_ROWS + HEADER_SCAN_ROWS or right of column MAX_COLUMNS, and a text file
# may not have more lines than that many rows: both are checked on the raw bytes.
MAX_ZIP_ENTRIES = _env_int("MUSEUM_MAX_ZIP_ENTRIES", 10_000)   # parts in one xlsx / ods
PARSE_IN_CHILD = os.environ.get("MUSEUM_PARSE_IN_CHILD", "1") != "0"   # 0: parse in-process (no guard)
PARSE_MEMORY_BYTES = _env_int("MUSEUM_MAX_PARSE_MEMORY_MB", 4096) * 1024 * 1024   # the parsing child
PARSE_SECONDS = _env_int("MUSEUM_MAX_PARSE_SECONDS", 300)                          # the parsing child

# --- many readers, one writer at a time (analysis.store.snapshots) ----------------------------------------
WRITE_WAIT_SECONDS = _env_int("MUSEUM_WRITE_WAIT_SECONDS", 120)   # how long a write waits for another writer
SNAPSHOTS_KEEP = max(1, _env_int("MUSEUM_SNAPSHOTS_KEEP", 3))    # published snapshots kept beside the store
