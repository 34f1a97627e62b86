"""The ledger records a streamed report cites, column by column, kept on disk.

`view.cited_records` holds every cited record's cells in memory, which is right for a report a
person reads and wrong for a million findings. Here the records of the checked files are read
again (only files whose hash still matches the one the check recorded, as `cited_records`
does), and their cells are stored in a temporary SQLite file keyed by place (`file:line`, or
`file:sheet!row`), to be looked up one finding at a time.
"""

from __future__ import annotations

import hashlib
import sqlite3
import tempfile
from pathlib import Path
from types import TracebackType

import orjson

from iprules.check import InputFile
from iprules.i18n import Lang


class RecordContents:
    """`get(place)`: the record's (column header, value) pairs, as `cited_records` gives them."""

    def __init__(self, inputs: list[InputFile], lang: Lang) -> None:
        from iprules.ledger.columns import columns, show
        from iprules.ledger.entry import Entry
        from iprules.ledger.read import read_ledger

        self._folder = tempfile.TemporaryDirectory(prefix="iprules-records-")
        self._db = sqlite3.connect(Path(self._folder.name) / "records.sqlite")
        self._db.execute("PRAGMA journal_mode = OFF")
        self._db.execute("PRAGMA synchronous = OFF")
        self._db.execute("CREATE TABLE record (place TEXT PRIMARY KEY, cells BLOB) WITHOUT ROWID")
        for item in inputs:
            path = Path(item.file)
            try:
                with path.open("rb") as handle:
                    digest = hashlib.file_digest(handle, "sha256").hexdigest()
            except OSError:
                continue
            if digest != item.sha256:
                continue
            batch: list[tuple[str, bytes]] = []
            for read in read_ledger(path):
                if not isinstance(read, Entry):
                    continue
                record = read.record
                kind = str(getattr(record, "type", ""))
                cells = [
                    (column.header(lang), show(column, getattr(record, column.name, None), lang))
                    for column in columns(kind)
                ]
                batch.append((str(read.source), orjson.dumps([cell for cell in cells if cell[1]])))
                if len(batch) >= 10_000:
                    self._store(batch)
                    batch = []
            self._store(batch)

    def _store(self, batch: list[tuple[str, bytes]]) -> None:
        self._db.executemany("INSERT OR REPLACE INTO record VALUES (?, ?)", batch)

    def get(self, place: str) -> list[tuple[str, str]]:
        row = self._db.execute("SELECT cells FROM record WHERE place = ?", (place,)).fetchone()
        return [] if row is None else [(header, value) for header, value in orjson.loads(row[0])]

    def close(self) -> None:
        self._db.close()
        self._folder.cleanup()

    def __enter__(self) -> RecordContents:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        self.close()
