"""Which data a figure was made from, so that it can be cited and a shared link checked a year later.

A figure's data version is the uploads it includes (by id and commit date), and the population frame (the
bundled frame file's sha256 and the national registers in force). Pages, downloads, images, decks and
reports print it; a shared link carries its short `token` (`?data=`), so that the link opened later either
shows the same figures or says what has changed since.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import duckdb

from analysis import formats, store
from analysis.i18n import _


@dataclass(frozen=True)
class DataVersion:
    wave: str | None
    uploads: tuple[tuple[int, dt.datetime], ...]     # (upload id, committed at), in id order
    frame: str                                       # first 8 hex digits of the frame file's sha256
    registers: tuple[int, ...]                       # national registers in force (analysis.loading.registers)

    @property
    def token(self) -> str:
        """'12.7.641a19c7': last upload id, number of uploads, frame; '+r2-5' when registers are in force."""
        last = self.uploads[-1][0] if self.uploads else 0
        regs = "+r" + "-".join(map(str, self.registers)) if self.registers else ""
        return f"{last}.{len(self.uploads)}.{self.frame}{regs}"

    @property
    def text(self) -> str:
        """'Data version: wave 2025, uploads #1–3 and #5 (committed 2 Dec 2026 to 4 Dec 2026); population
        frame 641a19c7 with registers #2.'"""
        if self.uploads:
            dates = sorted({when.date() for _id, when in self.uploads})
            span = formats.date(dates[0]) if len(dates) == 1 else _("{first} to {last}").format(
                first=formats.date(dates[0]), last=formats.date(dates[-1]))
            uploads = _("upload {ids} (committed {span})") if len(self.uploads) == 1 else \
                _("uploads {ids} (committed {span})")
            data = uploads.format(ids=_ranges([i for i, _when in self.uploads]), span=span)
        else:
            data = _("no uploads")
        wave = _("wave {wave}").format(wave=self.wave) + ", " if self.wave else ""
        regs = " " + (_("with register {ids}") if len(self.registers) == 1 else _("with registers {ids}")).format(
            ids=_ranges(list(self.registers))) if self.registers else ""
        return _("Data version: {wave}{data}; population frame {frame}{registers}.").format(
            wave=wave, data=data, frame=self.frame, registers=regs)


def current(con: duckdb.DuckDBPyConnection, wave: str | None) -> DataVersion:
    """The data version of the figures of `wave` (all waves when None) as the store holds them now."""
    sha, registers = store.frame_version(con)
    with con.cursor() as cur:
        uploads = cur.execute("""
            SELECT upload_id, uploaded_at FROM uploads u
            WHERE status = 'committed' AND EXISTS (
                SELECT 1 FROM responses r WHERE r.upload_id = u.upload_id AND r.is_current
                AND (CAST(? AS VARCHAR) IS NULL OR r.survey_wave = ?))
            ORDER BY upload_id""", [wave, wave]).fetchall()
    return DataVersion(wave, tuple(uploads), (sha or "none")[:8], tuple(registers or ()))


def changes_since(token: str, now: DataVersion) -> list[str]:
    """What differs between the data a shared link was made from (its token) and the data now, in words;
    empty when the figures are the same."""
    try:
        last, count, frame = token.split(".", 2)
        last, count = int(last), int(count)
    except ValueError:
        return [_("The link's data version '{token}' is not one this app writes; figures are today's.").format(
            token=token)]
    changes = []
    newer = [i for i, _ in now.uploads if i > last]
    if newer:
        changes.append((_("{n} upload committed since the link was made ({ids})") if len(newer) == 1 else
                        _("{n} uploads committed since the link was made ({ids})")).format(n=len(newer),
                                                                                           ids=_ranges(newer)))
    if len(now.uploads) - len(newer) != count:
        changes.append(_("uploads included when the link was made have been retracted since"))
    if frame != now.token.split(".", 2)[2]:
        changes.append(_("the population frame (museums per country) has changed since"))
    return changes


def _ranges(ids: list[int]) -> str:
    """[1, 2, 3, 5] -> '#1–3 and #5'."""
    runs: list[list[int]] = []
    for i in sorted(ids):
        if runs and i == runs[-1][-1] + 1:
            runs[-1].append(i)
        else:
            runs.append([i])
    parts = [f"#{r[0]}" if len(r) == 1 else f"#{r[0]}–{r[-1]}" for r in runs]
    return parts[0] if len(parts) == 1 else _("{items} and {last}").format(items=", ".join(parts[:-1]),
                                                                          last=parts[-1])
