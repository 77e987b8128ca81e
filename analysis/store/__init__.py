"""The DuckDB store.

    connection   where the store is, how it is opened, the write lock and the one transaction every write uses
    migrations   the tables (numbered migrations) and the bundled population frame kept in step with its file
    derived      every derived metric defined once in SQL: the views, and the tables the write path keeps
                 (museum_facts, fact_cells) so that no read recomputes a metric per answer
    writes       every change: uploads, retractions, targets, unit costs, saved mappings, registers
    reads        upload history, saved mappings, registers, the population frame, the data version
    backup       backup and restore
    snapshots    published read-only copies: pages read the newest (`reading`), every write goes through
                 `writing` (one writer at a time across processes, then a new snapshot)

The names below are what the rest of the product uses; analysis.figures.metrics reads the SQL of `derived` directly.
"""

from analysis.store.backup import backup, restore
from analysis.store.connection import DATA, DEFAULT_DB, connect, db_path
from analysis.store.migrations import MIGRATIONS, migrate, open_store
from analysis.store.reads import (data_version, find_duplicate, frame_version, load_mapping, museum_population_table,
                                  register_counts, register_list, retract_preview, upload_details, upload_history)
from analysis.store.snapshots import WriterBusy, reading, writing
from analysis.store.writes import (REGISTER_COLUMNS, UNIT_COST_COLUMNS, CommitResult, commit_register,
                                   commit_upload, replace_targets, replace_unit_costs, retract_upload, save_mapping)

__all__ = ["DATA", "DEFAULT_DB", "MIGRATIONS", "REGISTER_COLUMNS", "UNIT_COST_COLUMNS", "CommitResult", "WriterBusy",
           "backup",
           "commit_register", "commit_upload", "connect", "data_version", "db_path", "find_duplicate",
           "frame_version", "load_mapping", "migrate", "museum_population_table", "open_store", "register_counts",
           "register_list", "replace_targets", "replace_unit_costs", "restore", "retract_preview", "retract_upload",
           "save_mapping", "upload_details", "upload_history", "reading", "writing"]
