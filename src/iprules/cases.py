"""Records grouped by case, in bounded memory, before they are even validated.

A case's records may be spread over several files and out of order, so a case is complete
only when every file has been read. The spool holds what is needed to check a case later,
as cheaply as possible: a JSONL line stays the bytes it was read as (the process that checks
the case parses and validates it), a record read from a table is a packed entry (plain values,
not a pydantic model). Every item carries its reading position (`seq`), so a case's records
keep their reading order wherever they were kept.

Past a limit, the items held so far are written to a few temporary partition files, by a
stable hash of the case key, in a compact form (pickled plain values); a partition is then
read back whole, by whichever process checks it, and holds every record of its cases.

The case key is the case id as written, with every whitespace character removed: the record
model strips whitespace around the id, so records of one case always share a key (a key may
rarely hold two cases, which the checking side tells apart after validation).
"""

from __future__ import annotations

import pickle
import tempfile
import unicodedata
import zlib
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any, TypeAlias

from iprules.ledger.entry import Entry
from iprules.ledger.record import Record
from iprules.ledger.rejection import Rejection
from iprules.ledger.source import Source

# (seq, file, line, sheet, payload): the payload is a raw JSONL line (bytes) to parse, an
# already validated record as (its class, its field values), or a rejected row whose case id
# could be read, as (Rejection, its field values): it travels with its case, to mark the
# findings it could have changed (iprules.unread)
Payload: TypeAlias = bytes | tuple[type[Record] | type[Rejection], dict[str, Any]]
Item: TypeAlias = tuple[int, str, int, str | None, Payload]
Group: TypeAlias = list[Item]  # one key's items, in reading order


def case_key(case: str) -> str:
    """The spool's key of a case id as read, before validation: the same for every spelling
    the record model takes for one id (full-width forms are NFKC-normalised there too)."""
    if not case.isascii():
        case = unicodedata.normalize("NFKC", case)
    return "".join(case.split())


def pack(seq: int, entry: Entry) -> Item:
    """An entry as plain values: pickling pydantic models costs ~40 µs each, this ~2 µs."""
    source = entry.source
    return (seq, source.file, source.line, source.sheet, (type(entry.record), dict(entry.record.__dict__)))


def pack_rejection(seq: int, rejection: Rejection) -> Item:
    source = rejection.source
    return (seq, source.file, source.line, source.sheet, (Rejection, rejection.model_dump()))


def unpack_record(payload: tuple[type[Record] | type[Rejection], dict[str, Any]]) -> Record | Rejection:
    """The record (or rejection) back. Validating its values again (pydantic-core, ~4 µs) is
    faster than `model_construct` (Python, ~25 µs) and gives the same record: they were
    validated once."""
    kind, values = payload
    return kind.model_validate(values)


def source_of(item: Item) -> Source:
    return Source(file=item[1], line=item[2], sheet=item[3])


# a partition is read whole by the process that checks it, its records validated and its
# findings held until it is done (~3 KB a record): about this many records keeps a worker near
# 70 MB however big the ledger (at 15,600 records a partition, 1M records, a worker took 100 MB)
PARTITION_RECORDS = 10_000
MIN_PARTITIONS = 64
MAX_PARTITIONS = 1_000  # files open while spilling: under the usual limit of 1,024 a process
RECORD_BYTES = 110  # about what one JSONL record of a ledger takes (an estimate, for sizing only)


def partitions_for(ledger_bytes: int) -> int:
    """Partitions for ledgers of this many bytes: one per ~`PARTITION_RECORDS` records, at
    least `MIN_PARTITIONS` (so both cores get work on any spilled ledger).

    >>> partitions_for(11_000_000), partitions_for(110_000_000), partitions_for(1_100_000_000)
    (64, 100, 1000)
    """
    wanted = ledger_bytes // (RECORD_BYTES * PARTITION_RECORDS)
    return int(min(MAX_PARTITIONS, max(MIN_PARTITIONS, wanted)))


class CaseSpool:
    """Collects a ledger's case items by case key; spills to disk past `limit` items held,
    into `partitions` files by a stable hash of the case key (`partition_of`): the unit of
    work, here or on any other machine."""

    def __init__(self, limit: int = 100_000, partitions: int = MIN_PARTITIONS) -> None:
        self.limit = limit
        self.partitions = partitions
        self._held: dict[str, Group] = defaultdict(list)
        self._count = 0
        self.items = 0
        self._directory: tempfile.TemporaryDirectory[str] | None = None
        self._paths: list[Path] = []
        self._files: list[IO[bytes]] = []

    @property
    def cases_hint(self) -> int:
        """Case keys held in memory; once spilled, at least the spill limit (a big ledger)."""
        return max(len(self._held), self.limit if self.spilled else 0)

    @property
    def spilled(self) -> bool:
        return self._directory is not None

    def add(self, key: str, item: Item) -> None:
        self._held[key].append(item)
        self._count += 1
        self.items += 1
        if self._count >= self.limit:
            self._spill()

    def _spill(self) -> None:
        if self._directory is None:
            self._directory = tempfile.TemporaryDirectory(prefix="iprules-")
            folder = Path(self._directory.name)
            self._paths = [folder / f"part{n}.pickle" for n in range(self.partitions)]
            self._files = [path.open("wb") for path in self._paths]
        chunks: list[list[tuple[str, Group]]] = [[] for _ in range(self.partitions)]
        for key, items in self._held.items():
            chunks[partition_of(key, self.partitions)].append((key, items))
        for handle, chunk in zip(self._files, chunks, strict=True):
            if chunk:
                pickle.dump(chunk, handle, protocol=pickle.HIGHEST_PROTOCOL)
        self._held = defaultdict(list)
        self._count = 0

    def batches(self, size: int) -> Iterator[list[Group] | Path]:
        """The work, whole cases at a time: in memory, lists of about `size` keys' groups;
        once spilled, one partition file per batch (read with `read_partition`, here or in
        another process). Call `close` afterwards."""
        if not self.spilled:
            batch: list[Group] = []
            for group in self._held.values():
                batch.append(group)
                if len(batch) >= size:
                    yield batch
                    batch = []
            if batch:
                yield batch
            return
        self._spill()
        for handle in self._files:
            handle.close()
        self._files = []
        yield from self._paths

    def close(self) -> None:
        for handle in self._files:
            handle.close()
        self._files = []
        self._held = defaultdict(list)
        if self._directory is not None:
            self._directory.cleanup()
            self._directory = None


def partition_of(key: str, partitions: int) -> int:
    """The partition of a case key: the same on every machine and in every run."""
    return zlib.crc32(key.encode()) % partitions


def read_partition(path: Path) -> list[Group]:
    """A spilled partition's groups, every key's items merged in reading order."""
    merged: dict[str, Group] = defaultdict(list)
    with path.open("rb") as handle:
        while True:
            try:
                chunk = pickle.load(handle)
            except EOFError:
                break
            for key, items in chunk:
                merged[key].extend(items)
    return list(merged.values())
