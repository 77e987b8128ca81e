"""OLE2 compound files (MS-CFB): legacy xls workbooks, and what else Office keeps in that container (a
password-protected xlsx or xls, Word, PowerPoint), told apart from the file's directory before any reader
sees it, with just enough of a compound-file parser to list the streams and read the start of one."""

from __future__ import annotations

import struct

from analysis.i18n import N_, _
from analysis.reading.grid import UnreadableFile
from analysis.reading.safety import PASSWORD_PROTECTED


# --- before parsing: OLE2 files (xls, and what else hides in that container) ----------------------------------
OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ENDOFCHAIN, _FREESECT = 0xFFFFFFFE, 0xFFFFFFFF
NOT_A_SPREADSHEET = N_("This is {what}, not a spreadsheet. Upload an xlsx, xls, ods or csv file.")


def ole_format(data: bytes) -> str:
    """'xls' for a legacy workbook. Refuses, in plain words, what else Office keeps in an OLE2 container:
    a password-protected xlsx (EncryptionInfo + EncryptedPackage streams), a password-protected xls (a
    FILEPASS record in the workbook stream), Word and PowerPoint files. A container this reader cannot
    follow is left to python-calamine, which explains it."""
    try:
        ole = _Cfb(data)
    except (struct.error, ValueError, IndexError):
        return "xls"
    names = {name.lower(): entry for name, entry in ole.entries.items()}
    if "encryptedpackage" in names or "encryptioninfo" in names:
        raise UnreadableFile(_(PASSWORD_PROTECTED))
    book = names.get("workbook") or names.get("book")
    if book is None:
        for stream, what in (("worddocument", N_("a Word document (.doc)")),
                             ("powerpoint document", N_("a PowerPoint presentation (.ppt)"))):
            if stream in names:
                raise UnreadableFile(_(NOT_A_SPREADSHEET).format(what=_(what)))
        raise UnreadableFile(_("This is an Office 97-2003 file (OLE2) with no Excel workbook in it. Upload an "
                               "xlsx, xls, ods or csv file."))
    try:
        head = ole.read(book, 1 << 16)
    except (struct.error, ValueError, IndexError):
        return "xls"
    at = 0
    for _record in range(256):           # FILEPASS follows the first BOF record; look a little further
        if at + 4 > len(head):
            break
        kind, size = struct.unpack_from("<HH", head, at)
        if kind == 0x002F and head[at + 4: at + 6] != b"\x00\x00":
            raise UnreadableFile(_(PASSWORD_PROTECTED))
        if kind == 0x000A:               # EOF of the workbook globals
            break
        at += 4 + size
    return "xls"


class _Cfb:
    """Just enough of MS-CFB to list a compound file's streams and read the start of one."""

    def __init__(self, data: bytes):
        self.data = data
        shift, mini_shift = struct.unpack_from("<HH", data, 30)
        if shift not in (9, 12) or mini_shift != 6:
            raise ValueError("not a compound file")
        self.size = 1 << shift
        n_fat, first_dir, _, self.cutoff, first_minifat, _, first_difat, n_difat = struct.unpack_from(
            "<IIIIIIII", data, 44)
        difat = list(struct.unpack_from("<109I", data, 76))
        sector, seen = first_difat, 0
        while sector not in (_ENDOFCHAIN, _FREESECT) and seen < n_difat and len(difat) < n_fat + 109:
            words = struct.unpack_from(f"<{self.size // 4}I", data, self._offset(sector))
            difat += words[:-1]
            sector, seen = words[-1], seen + 1
        self.fat: list[int] = []
        for sector in difat[: min(n_fat, len(difat))]:
            self.fat += struct.unpack_from(f"<{self.size // 4}I", data, self._offset(sector))
        directory = b"".join(self._sector(s) for s in self._chain(first_dir))
        self.entries: dict[str, tuple[int, int, int]] = {}
        self.root = None
        for i in range(len(directory) // 128):
            entry = directory[i * 128: (i + 1) * 128]
            length, kind = struct.unpack_from("<HB", entry, 64)
            start, size = struct.unpack_from("<IQ", entry, 116)
            if self.size == 512:
                size &= 0xFFFFFFFF                      # version 3: the high word may be garbage
            if kind == 5:
                self.root = (kind, start, size)
            elif kind == 2 and 2 <= length <= 64:
                self.entries[entry[: length - 2].decode("utf-16-le", "replace")] = (kind, start, size)
        self.first_minifat = first_minifat

    def _offset(self, sector: int) -> int:
        offset = (sector + 1) * self.size
        if offset + self.size > len(self.data):
            raise ValueError("sector outside the file")
        return offset

    def _sector(self, sector: int) -> bytes:
        offset = self._offset(sector)
        return self.data[offset: offset + self.size]

    def _chain(self, start: int, fat: list[int] | None = None):
        fat = self.fat if fat is None else fat
        sector, steps = start, 0
        while sector not in (_ENDOFCHAIN, _FREESECT) and sector < len(fat):
            yield sector
            sector, steps = fat[sector], steps + 1
            if steps > len(fat):
                raise ValueError("sector chain loops")

    def read(self, entry: tuple[int, int, int], most: int) -> bytes:
        _, start, size = entry
        want = min(size, most)
        if size >= self.cutoff:
            out = bytearray()
            for sector in self._chain(start):
                out += self._sector(sector)
                if len(out) >= want:
                    break
            return bytes(out[:want])
        if self.root is None:
            raise ValueError("no root entry")
        minifat: list[int] = []
        for sector in self._chain(self.first_minifat):
            minifat += struct.unpack(f"<{self.size // 4}I", self._sector(sector))
        stream = bytearray()
        for sector in self._chain(self.root[1]):
            stream += self._sector(sector)
        out = bytearray()
        for mini in self._chain(start, minifat):
            out += stream[mini * 64: mini * 64 + 64]
            if len(out) >= want:
                break
        return bytes(out[:want])
