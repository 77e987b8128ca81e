"""Where the store lives and how it is opened, and the one write path's transaction.

Rules (shared/DESIGN.md): one connection per process, a cursor per unit of work, results materialised at once;
every write (analysis.store.writes, migrations, backup) holds `write_lock` and runs in one transaction, followed
by CHECKPOINT so the .duckdb file alone is a consistent backup.
"""

from __future__ import annotations

import datetime as dt
import os
import threading
from contextlib import contextmanager
from pathlib import Path

import duckdb

DATA = Path(__file__).resolve().parent.parent.parent / "data"
DEFAULT_DB = DATA / "museums.duckdb"
write_lock = threading.Lock()


def db_path(path: str | os.PathLike | None = None) -> Path:
    """--db, else $MUSEUM_DB, else data/museums.duckdb."""
    return Path(path or os.environ.get("MUSEUM_DB") or DEFAULT_DB)


# Rows per row group of the store's tables (DuckDB's default is 122,880). A write of fewer rows than a row group keeps
# them in memory and compresses and writes them at COMMIT, on one core; in groups of 16,384 rows they are written
# while the statements run, on every core. Writing a 70,000-row file: 2.0 s -> 1.6 s; reads of the same million
# answers stored either way took the same time, side by side. DuckDB takes the size when a file is attached, not
# from the file.
ROW_GROUP_ROWS = 16_384


def connect(path: str | os.PathLike | None = None, *, read_only: bool = False) -> duckdb.DuckDBPyConnection:
    """The store attached with ROW_GROUP_ROWS as the default database of the connection and of its cursors (the
    in-memory database DuckDB starts with is detached). No extension is fetched or loaded behind our back, and no
    progress bar: DuckDB would print one to stdout into a pipe (corrupting `--json` output) once a statement runs
    past two seconds. A query too big for memory spills beside the store (<store>.tmp, as DuckDB does for a store
    it opens itself), not into a .tmp folder of whatever directory the process runs in."""
    target = db_path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    con = duckdb.connect(config={"autoinstall_known_extensions": False, "autoload_known_extensions": False,
                                 "temp_directory": f"{target}.tmp"})
    con.execute(f"ATTACH ? AS store (ROW_GROUP_SIZE {ROW_GROUP_ROWS}{', READ_ONLY' if read_only else ''})",
                [str(target)])
    con.execute("USE store")
    con.execute("DETACH memory")
    con.execute("SET enable_progress_bar = false")      # a session setting: every cursor of `con` inherits it
    # A big write flushes each full row group at once instead of holding five: ~60 MB less at the peak of a
    # 70,000-row load, in the same time.
    con.execute("SET write_buffer_row_group_count = 1")
    return con


def now() -> dt.datetime:
    """The time a write is recorded with: UTC, to the second."""
    return dt.datetime.now(dt.timezone.utc).replace(tzinfo=None, microsecond=0)


class _Transaction:
    def __init__(self, cursor: duckdb.DuckDBPyConnection) -> None:
        self.cursor, self.kept = cursor, True

    def abandon(self) -> None:
        """Roll back instead of committing (nothing to change, e.g. a duplicate)."""
        self.kept = False


@contextmanager
def transaction(con: duckdb.DuckDBPyConnection):
    """The one write path: the process-wide write lock, one transaction on its own cursor, committed (then
    CHECKPOINT) when the block ends normally, rolled back when it raises or abandons."""
    with write_lock, con.cursor() as cur:
        cur.execute("BEGIN TRANSACTION")
        tx = _Transaction(cur)
        try:
            yield tx
        except BaseException:
            cur.execute("ROLLBACK")
            raise
        if tx.kept:
            cur.execute("COMMIT")
            checkpoint(cur)
        else:
            cur.execute("ROLLBACK")


def checkpoint(cur: duckdb.DuckDBPyConnection) -> None:
    """Fold the WAL into the file. Skipped (the WAL keeps the commit durable) while a reader's transaction
    is still open; the next commit or DuckDB's automatic checkpoint folds it in."""
    try:
        cur.execute("CHECKPOINT")
    except duckdb.TransactionException:
        pass
