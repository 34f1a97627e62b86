"""Stable finding ids: the same finding on the same case has the same id in every later check.

An id is a hash of what makes a finding *that* finding and nothing else:

- the policy's name (a variant's finding is not the parent's, though its rule ids are the same;
  not its version: a rule file edited between two checks keeps its findings' ids, and the diff
  of the two reports is still read per finding), with the readings switched to their
  alternative (`check --reading`, `Policy.identity`): a switched reading changes what a branch
  means, so its findings are not the default's — a check under the policy's own readings is
  named by the policy's name alone, as before,
- the case, the rule and the branch that decided the verdict (`violation:late`,
  `undetermined:0`, `compliant`: the verdict is part of the branch),
- the identity of each record the finding stands on (its evidence), as a sorted list.

A record's identity is the SHA-256 of its *validated* model, dumped as JSON with sorted keys,
without `note`. The validated model is the record as the rules read it: dates as dates, yes/no
as booleans, choice words as their codes, lists split, whitespace stripped, a full-width case id
in its half-width form — so the same record typed into JSONL, CSV or a workbook, in any row
order, has one identity (tests/test_store_ids.py holds the example ledger to it). File names,
line numbers and sheet names are where a record sits, not what it is: a re-exported ledger
moves them. `note` is the clerk's free text, read by no rule: adding a remark must not turn a
finding into a new one. A record's content that a rule does read is part of its identity, so
correcting a record gives its findings new ids; the diff (`iprules diff`) therefore pairs
findings by case and clause, and the id tells "this very finding again".

Rows that could not be read (`affected_by`) are not part of the id: they have no validated
content, and a finding they turned 无法判定 already says so in its branch.

Two findings of one check that would share an id (one rule, case and branch standing on the
same records) are told apart by `~2`, `~3`…, numbered in the order of their messages, which are
made from the records' content too.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable

import orjson
from pydantic import BaseModel

from iprules.ledger.entry import Entry
from iprules.ledger.record import Record
from iprules.ledger.source import Source

ID_LENGTH = 16
"""Hex digits of an id (64 bits): a million findings collide with odds below one in 10^7."""
_SORTED = orjson.OPT_SORT_KEYS


def record_identity(record: Record) -> str:
    """What a record is, whatever file, format or row it was read from (see the module doc).

    The validated fields are read from the model directly (a third of the time of
    `model_dump`, which every record of a million-record check pays); orjson writes dates as
    ISO text, so the bytes are those of `model_dump(mode="json")` with sorted keys."""
    content = dict(record.__dict__)
    content.pop("note", None)
    return hashlib.sha256(orjson.dumps(content, default=_dumped, option=_SORTED)).hexdigest()


def _dumped(value: object) -> object:
    if isinstance(value, BaseModel):
        return value.model_dump(mode="json")
    raise TypeError(f"cannot identify a {type(value).__name__}")


def finding_id(policy: str, case: str, rule: str, branch: str, records: Iterable[str]) -> str:
    """The id of a finding from its parts; `records`: the identities of its evidence."""
    key = [policy, case, rule, branch, sorted(records)]
    return hashlib.sha256(orjson.dumps(key)).hexdigest()[:ID_LENGTH]


class FindingIds:
    """Names one case's findings: record identities are computed once, on first use."""

    def __init__(self, policy: str, entries: Iterable[Entry]) -> None:
        self.policy = policy
        self._records = {entry.source: entry.record for entry in entries}
        self._identities: dict[Source, str] = {}

    def identity(self, source: Source) -> str:
        found = self._identities.get(source)
        if found is None:
            record = self._records.get(source)
            # a source with no record of this case (never made by the readers): named by place
            found = record_identity(record) if record is not None else f"@{source}"
            self._identities[source] = found
        return found

    def __call__(self, case: str, rule: str, branch: str, evidence: Iterable[Source]) -> str:
        return finding_id(self.policy, case, rule, branch, (self.identity(s) for s in evidence))


def numbered(ids: list[str], order: list[tuple[str, ...]]) -> list[str]:
    """`ids` made distinct: the second and later holders of one id get `~2`, `~3`… in `order`
    (a key per finding made from its content)."""
    seen: dict[str, list[int]] = {}
    for index, value in enumerate(ids):
        seen.setdefault(value, []).append(index)
    result = list(ids)
    for value, indices in seen.items():
        if len(indices) > 1:
            for rank, index in enumerate(sorted(indices, key=lambda i: order[i]), start=1):
                result[index] = value if rank == 1 else f"{value}~{rank}"
    return result
