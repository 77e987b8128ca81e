"""Word tables built once per machine and kept in the user's cache: every command-line load reads a file in a new
process, and building the tables from their text files takes longer than reading the file."""

from __future__ import annotations

import atexit
import gc
import os
import pickle
from pathlib import Path
from typing import Callable, TypeVar

T = TypeVar("T")
# What is frozen is collected at exit as before: DuckDB's bindings report (on stderr) any object of theirs left over.
atexit.register(gc.unfreeze)
CACHE_DIR = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "museum-survey"


def kept(path: Path, build: Callable[[], T]) -> T:
    """What `build` returns, read from `path` when an earlier process kept it there. `path` is named
    '<table>-<key>.pickle', the key standing for everything the table is built from: a table built from other
    files or code has another key, and the older files of that table are removed once a new one is kept.
    The table is then kept out of the garbage collector's sight for the life of the process (gc.freeze): it
    is never garbage, and with the lexicon's ~430,000 objects every full collection took 0.2-0.3 s, at any
    moment of an upload or a page."""
    table = _read_or_build(path, build)
    gc.freeze()
    return table


def _read_or_build(path: Path, build: Callable[[], T]) -> T:
    collecting = gc.isenabled()
    gc.disable()                    # the lexicon unpickles into ~400,000 objects: collecting them doubles the time
    try:
        return pickle.loads(path.read_bytes())
    except Exception:               # missing, unreadable or from an older build: build it again
        pass
    finally:
        if collecting:
            gc.enable()
    built = build()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        partial = path.with_suffix(f".{os.getpid()}.tmp")
        partial.write_bytes(pickle.dumps(built, protocol=pickle.HIGHEST_PROTOCOL))
        partial.replace(path)       # whole or not at all, even with two processes building at once
        for older in path.parent.glob(f"{path.name.rsplit('-', 1)[0]}-*.pickle"):
            if older != path:
                older.unlink(missing_ok=True)
    except OSError:                 # a read-only home: the table is still built, only not kept
        pass
    return built
