"""Workbooks are parsed in a child process limited to `limits.PARSE_MEMORY_BYTES` and `limits.PARSE_SECONDS`
while this process checks the bytes (analysis.reading.safety): a file the checks refuse has its child killed
and is refused in their words; what the checks cannot foresee ends the child, not the app."""

from __future__ import annotations

import os
import pickle
import re
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import IO

from analysis import i18n, limits
from analysis.formats import number
from analysis.i18n import _
from analysis.reading import workbook
from analysis.reading.grid import Sheet, UnreadableFile
from analysis.reading.safety import check_workbook


_ROOT = Path(__file__).resolve().parents[2]
_CHILD = "import sys; sys.path.insert(0, sys.argv[1]); from analysis.reading.sandbox import _child_main; _child_main()"
_ALLOCATION = re.compile(r"memory allocation of (\d+) bytes failed")


def check_while_child_parses(data: bytes, fmt: str) -> tuple[dict[str, dict], list[Sheet]]:
    """check_workbook here while read_workbook runs in a fresh interpreter limited to PARSE_MEMORY_BYTES and
    PARSE_SECONDS, side by side on two cores. The app process itself never parses a file the checks have
    not passed; a refused file's child is killed at once, and the checks' plain-words reason wins over
    whatever the child ran into. What the checks could not foresee (a crafted .xls, an odd way of writing
    cell references) ends the child, and the upload is refused in plain words instead of the app
    disappearing."""
    args = [sys.executable, "-I", "-c", _CHILD, str(_ROOT), fmt, str(os.getpid()), str(limits.PARSE_MEMORY_BYTES),
            str(limits.MAX_ROWS), str(limits.MAX_COLUMNS), str(limits.HEADER_SCAN_ROWS), i18n.current()]
    # The bytes go in and the sheets come out through unnamed temporary files, not pipes: a pipe needs this
    # process to feed it, which it cannot do quickly while the checks hold the interpreter.
    with tempfile.TemporaryFile() as given, tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        given.write(data)
        given.seek(0)
        child = subprocess.Popen(args, stdin=given, stdout=out, stderr=err)
        try:
            facts = check_workbook(data, fmt)
            child.wait(limits.PARSE_SECONDS)
        except subprocess.TimeoutExpired:
            child.kill()
            child.wait()
            raise UnreadableFile(_("Reading the workbook took longer than {n} seconds, the limit, and was stopped. "
                                   "It is far bigger than a survey, or crafted. Split it into smaller files.").format(
                n=number(limits.PARSE_SECONDS))) from None
        except BaseException:
            child.kill()
            child.wait()
            raise
        out.seek(0)
        err.seek(0)
        return facts, _child_sheets(child.returncode, out, err.read(), fmt)


def _child_sheets(returncode: int, out: IO[bytes], err: bytes, fmt: str) -> list[Sheet]:
    """The child's sheets, or its failure in plain words."""
    if returncode == 0:
        try:
            kind, payload = pickle.load(out)
        except Exception:                               # noqa: BLE001 - any garbage means the child failed
            kind, payload = "crashed", None
        if kind == "ok":
            return payload
        if kind == "unreadable":
            raise UnreadableFile(payload)
    errors = err.decode("utf-8", "replace")
    wanted = _ALLOCATION.search(errors)
    if wanted or returncode in (-6, -9) or "MemoryError" in errors:
        need = " " + _("(it asked for {size} GB at once)").format(size=number(int(wanted.group(1)) / 2**30, 1)) \
            if wanted else ""
        raise UnreadableFile(_(
            "The workbook needs more memory to open than the limit of {limit} GB{need}, so it was refused. This "
            "usually means a stray entry far below or to the right of the table (in Excel press Ctrl+End to find the "
            "last used cell and delete the empty rows and columns up to it), or a damaged or crafted file. Save a "
            "fresh copy and upload again.").format(limit=number(limits.PARSE_MEMORY_BYTES / 2**30, 1), need=need))
    last = errors.strip().splitlines()[-1:] or [f"exit status {returncode}"]
    raise UnreadableFile(_("The {format} workbook could not be read: the reader stopped ({problem}).").format(
        format=fmt, problem=last[0][:200]))


def _child_main() -> None:
    """The child: limit memory, die with the parent, read the workbook from stdin, pickle the sheets (or the
    plain-words reason, in the parent's language) to stdout."""
    fmt, parent, memory, rows, columns, scan = sys.argv[2], *map(int, sys.argv[3:8])
    i18n.use(sys.argv[8])
    try:
        import ctypes
        import signal
        ctypes.CDLL(None).prctl(1, signal.SIGKILL)      # PR_SET_PDEATHSIG: a killed parent ends the child
    except (OSError, AttributeError):
        pass
    if os.getppid() != parent:
        sys.exit(1)
    if memory:
        try:
            import resource
            resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
        except (ImportError, ValueError, OSError):
            pass
    limits.MAX_ROWS, limits.MAX_COLUMNS, limits.HEADER_SCAN_ROWS = rows, columns, scan
    data = sys.stdin.buffer.read()
    try:
        result = ("ok", workbook.read_workbook(data, fmt))
    except UnreadableFile as exc:
        result = ("unreadable", str(exc))
    except MemoryError:
        sys.stderr.write("MemoryError\n")
        sys.exit(3)
    pickle.dump(result, sys.stdout.buffer, protocol=pickle.HIGHEST_PROTOCOL)   # streamed: no copy in memory
