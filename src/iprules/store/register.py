"""The 整改台账's steps as the CLI runs them: open items from a recorded check and its ledgers,
export, import, verify — each reading or writing the store in one go."""

from __future__ import annotations

import datetime as dt
import hashlib
from pathlib import Path

from iprules.calendar import Calendar
from iprules.ledger.entry import Entry
from iprules.ledger.read import read_ledger
from iprules.ledger.record import Record
from iprules.ledger.source import Source
from iprules.rectify import Item, items_from_check, records_by_place
from iprules.rectify_workbook import Imported, read_items
from iprules.store import Store
from iprules.store.errors import StoreError
from iprules.store.model import StoredCheck
from iprules.store.rectification import claim, list_items, open_items, verify


def _sha256(path: Path) -> str:
    with path.open("rb") as handle:
        return hashlib.file_digest(handle, "sha256").hexdigest()


def ledger_records(check: StoredCheck, paths: list[Path]) -> dict[Source, Record]:
    """The records of the check's own ledgers, found among `paths` by content hash (a ledger
    edited since the check is not the one its findings point into)."""
    by_hash = {_sha256(path): path for path in paths if path.is_file()}
    names: dict[str, str] = {}
    for recorded in check.inputs:
        path = by_hash.get(recorded.sha256)
        if path is None:
            raise StoreError(
                f"检查 #{check.id} 所用的台账 {recorded.file}（SHA-256 {recorded.sha256[:12]}…）不在给出的文件中，"
                "或此后已被修改：请给出检查时的原文件",
                f"the ledger {recorded.file} of check #{check.id} (SHA-256 {recorded.sha256[:12]}…) is not among "
                "the files given, or was changed since: give the files as they were checked",
            )
        names[str(path)] = recorded.file
    entries = (
        (item.source, item.record) for p in paths for item in read_ledger(p) if isinstance(item, Entry)
    )
    return records_by_place(entries, names)


def open_register(
    store: Store, check_id: int, paths: list[Path], days: int, calendar: Calendar
) -> tuple[int, int]:
    """Items for every violation of check `check_id`; (added, already there)."""
    check = store.check(check_id)
    records = ledger_records(check, paths)
    violations = [
        (f.id, f.case, f.rule, f.clauses, "；".join(m.zh for m in f.messages), f.evidence)
        for f in store.findings(check_id)
        if f.verdict == "violation"
    ]
    return open_items(
        store.engine, items_from_check(check_id, check.as_of, violations, records, days, calendar)
    )


def register_items(store: Store, check_id: int | None = None) -> list[Item]:
    if check_id is not None:
        store.check(check_id)
    return list_items(store.engine, check_id)


def import_register(store: Store, path: Path, as_of: dt.date) -> Imported:
    known = {(item.check_id, item.finding_id): item for item in list_items(store.engine)}
    try:
        result = read_items(path, known, as_of)
    except ValueError as error:
        words = error.args[0]
        raise StoreError(words.zh, words.en) from error
    claim(store.engine, result.claims)
    return result


def verify_register(store: Store, later_id: int) -> tuple[list[Item], list[Item]]:
    later = store.check(later_id)
    return verify(store.engine, later, store.findings(later_id), store.check)
