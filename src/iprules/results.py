"""A check's findings kept on disk, in flat memory, and read back in case order.

Batches of cases come back from the workers in any order. Each batch's cases are sorted and
written to one temporary file as a sorted run (pickled blocks of a few cases, packed findings
as plain tuples); reading merges the runs by case, which gives exactly the order of sorting
every case's findings at once (a case is checked in one batch only). What the report's summary
needs (verdict counts, (case, rule) pairs judged, counts per rule and verdict) is tallied as the
batches arrive, so the summary is known before the first finding is read back.
"""

from __future__ import annotations

import heapq
import pickle
import tempfile
from collections import Counter
from collections.abc import Iterator
from operator import itemgetter
from typing import IO, TypeAlias

# (case, verdict, rule id, messages as (zh, en), evidence as (file, line, sheet), branch,
# interpretations cited, the rejected rows it could have read as (file, line, sheet), its stable
# id (iprules.finding_id))
PackedSource: TypeAlias = tuple[str, int, str | None]
PackedFinding: TypeAlias = tuple[
    str,
    str,
    str,
    tuple[tuple[str, str], ...],
    tuple[PackedSource, ...],
    str,
    tuple[str, ...],
    tuple[PackedSource, ...],
    str,
]
PackedCase: TypeAlias = tuple[str, list[PackedFinding]]

BLOCK = 64  # cases per pickled block: what one run holds in memory while the runs are merged
# cases held in memory by the merge across all runs: with more runs (a partition each, and a
# 10M-record ledger has ~500) each run's blocks are smaller, so the merge's memory stays flat
MERGED_CASES = 64 * 64

_first = itemgetter(0)


class FindingSpool:
    """Packed findings by case, written as they arrive, read back once in case order."""

    def __init__(self, runs: int = 1) -> None:
        """`runs`: about how many batches will be added (each one sorted run)."""
        self._block = max(1, min(BLOCK, MERGED_CASES // max(1, runs)))
        self._file: IO[bytes] | None = None
        self._runs: list[list[int]] = []  # per run, the offsets of its blocks
        self.cases = 0
        self.judged = 0  # (case, rule) pairs with a finding
        self.verdicts: Counter[str] = Counter()
        self.by_rule: Counter[tuple[str, str]] = Counter()  # (rule, verdict) -> findings

    def add(self, cases: list[PackedCase]) -> None:
        """One batch's cases (each case in one batch only), each with its findings in order."""
        if not cases:
            return
        for _, found in cases:
            self.cases += 1
            self.judged += len({packed[2] for packed in found})
            for _, verdict, rule, *_ in found:
                self.verdicts[verdict] += 1
                self.by_rule[(rule, verdict)] += 1
        if self._file is None:
            self._file = tempfile.TemporaryFile(prefix="iprules-findings-")  # noqa: SIM115 - closed by close()
        handle = self._file
        ordered = sorted(cases, key=_first)
        offsets = []
        block = min(self._block, BLOCK)  # (BLOCK as a test sets it)
        for start in range(0, len(ordered), block):
            offsets.append(handle.tell())
            pickle.dump(ordered[start : start + block], handle, protocol=pickle.HIGHEST_PROTOCOL)
        self._runs.append(offsets)

    def __iter__(self) -> Iterator[PackedFinding]:
        """Every finding, by case (a case's own in the order they were given)."""
        if self._file is None:
            return
        self._file.flush()
        for _, found in heapq.merge(*(self._run(offsets) for offsets in self._runs), key=_first):
            yield from found

    def _run(self, offsets: list[int]) -> Iterator[PackedCase]:
        handle = self._file
        assert handle is not None
        for offset in offsets:
            handle.seek(offset)
            block: list[PackedCase] = pickle.load(handle)
            yield from block

    def close(self) -> None:
        if self._file is not None:
            self._file.close()
            self._file = None
        self._runs = []
