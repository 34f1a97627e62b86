"""Records grouped by case, in bounded memory.

A case's records may be spread over several files and out of order, so a case is complete
only when every file has been read. Holding every parsed record until then costs about a
kilobyte each (a million records would not fit the memory a laptop can spare), so past a
limit the groups held so far are written to a few temporary partition files, by a stable hash
of the case id, in a compact form; a partition is then read back whole, and holds every
record of its cases. Records keep their reading order within a case.
"""

from __future__ import annotations

import pickle
import tempfile
import zlib
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

from iprules.ledger.entry import Entry
from iprules.ledger.record import Record
from iprules.ledger.source import Source

Packed = tuple[type[Record], dict[str, Any], str, int, str | None]


def pack(entry: Entry) -> Packed:
    """An entry as plain values: pickling pydantic models costs ~40 µs each, this ~2 µs."""
    source = entry.source
    return (type(entry.record), dict(entry.record.__dict__), source.file, source.line, source.sheet)


def unpack(packed: Packed) -> Entry:
    """The entry back. Validating its values again (pydantic-core, ~4 µs) is faster than
    `model_construct` (Python, ~25 µs) and gives the same record: they were validated once."""
    kind, values, file, line, sheet = packed
    return Entry(record=kind.model_validate(values), source=Source(file=file, line=line, sheet=sheet))


class CaseSpool:
    """Collects a ledger's case records by case; spills to disk past `limit` records held."""

    def __init__(self, limit: int = 50_000, partitions: int = 16) -> None:
        self.limit = limit
        self.partitions = partitions
        self._held: dict[str, list[Entry]] = defaultdict(list)
        self._count = 0
        self._directory: tempfile.TemporaryDirectory[str] | None = None
        self._files: list[IO[bytes]] = []

    @property
    def cases_hint(self) -> int:
        """Cases held in memory; once spilled, at least the spill limit (a big ledger)."""
        return max(len(self._held), self.limit if self.spilled else 0)

    @property
    def spilled(self) -> bool:
        return self._directory is not None

    def add(self, case: str, entry: Entry) -> None:
        self._held[case].append(entry)
        self._count += 1
        if self._count >= self.limit:
            self._spill()

    def _spill(self) -> None:
        if self._directory is None:
            self._directory = tempfile.TemporaryDirectory(prefix="iprules-")
            folder = Path(self._directory.name)
            self._files = [(folder / f"part{n}.pickle").open("w+b") for n in range(self.partitions)]
        chunks: list[list[tuple[str, list[Packed]]]] = [[] for _ in range(self.partitions)]
        for case, entries in self._held.items():
            chunks[zlib.crc32(case.encode()) % self.partitions].append((case, [pack(e) for e in entries]))
        for handle, chunk in zip(self._files, chunks, strict=True):
            if chunk:
                pickle.dump(chunk, handle, protocol=pickle.HIGHEST_PROTOCOL)
        self._held = defaultdict(list)
        self._count = 0

    def groups(self) -> Iterator[dict[str, list[Entry]]]:
        """Groups of whole cases: everything at once if nothing was spilled, else one
        partition at a time (each case complete, its records in reading order)."""
        for group in self.packed_groups() if self.spilled else [self._held]:
            yield {
                case: [e if isinstance(e, Entry) else unpack(e) for e in items]
                for case, items in group.items()
            }

    def packed_groups(self) -> Iterator[dict[str, list[Packed]]]:
        """The same groups as plain values (for other processes), never unpacked here."""
        if not self.spilled:
            yield {case: [pack(e) for e in entries] for case, entries in self._held.items()}
            return
        self._spill()
        try:
            for handle in self._files:
                handle.seek(0)
                merged: dict[str, list[Packed]] = defaultdict(list)
                while True:
                    try:
                        chunk = pickle.load(handle)
                    except EOFError:
                        break
                    for case, packed in chunk:
                        merged[case].extend(packed)
                yield dict(merged)
        finally:
            self.close()

    def close(self) -> None:
        for handle in self._files:
            handle.close()
        self._files = []
        if self._directory is not None:
            self._directory.cleanup()
            self._directory = None
