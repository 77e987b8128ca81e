"""Named limits, in one place (Datasette-style settings). Each guards memory or time before work starts."""

import os


def _env_int(name: str, default: int) -> int:
    return int(os.environ.get(name, default))


MAX_UPLOAD_BYTES = _env_int("MUSEUM_MAX_UPLOAD_MB", 50) * 1024 * 1024   # one uploaded file
MAX_UNCOMPRESSED_BYTES = _env_int("MUSEUM_MAX_UNCOMPRESSED_MB", 400) * 1024 * 1024  # sum of a zip's parts
MAX_ROWS = _env_int("MUSEUM_MAX_ROWS", 200_000)       # data rows per file
MAX_COLUMNS = _env_int("MUSEUM_MAX_COLUMNS", 500)     # columns per sheet
HEADER_SCAN_ROWS = 40                                 # how far down a header row is looked for
SUPPRESS_BELOW_N = 5                                  # groups with fewer respondents are not shown
