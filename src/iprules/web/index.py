"""A finished check, indexed for pages that answer at once: one SQLite file per check.

The check itself is `iprules.check.check_stream`, run by the worker (`iprules.web.worker`); this
module only files what it found. Findings are stored packed (the tuples of `iprules.results`,
as JSON) in the report's order, with the columns the pages filter on (case, verdict, rule); the
people and units a case names, and every record's cells as the clerk wrote them, are read off
the ledgers once more, the way the reports read the records they cite. A page is then a few
indexed queries and one `LIMIT`, whatever the size of the ledger.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import orjson

from iprules.ledger.columns import show
from iprules.ledger.entry import Entry
from iprules.ledger.read import read_ledger
from iprules.ledger.record import CaseRecord
from iprules.ledger.roles import ROLES as ROLES  # the pages import it from here
from iprules.ledger.roles import column_roles
from iprules.results import PackedFinding, PackedSource

VERDICTS = ("violation", "undetermined", "compliant")


_SCHEMA = """
CREATE TABLE finding(seq INTEGER PRIMARY KEY, case_id TEXT NOT NULL, verdict TEXT NOT NULL,
                     rule TEXT NOT NULL, packed BLOB NOT NULL);
CREATE TABLE tag(case_id TEXT NOT NULL, role TEXT NOT NULL, name TEXT NOT NULL,
                 PRIMARY KEY(role, name, case_id)) WITHOUT ROWID;
CREATE TABLE record(source TEXT PRIMARY KEY, zh BLOB NOT NULL, en BLOB NOT NULL) WITHOUT ROWID;
"""
_INDEXES = """
CREATE INDEX finding_case ON finding(case_id, seq);
CREATE INDEX finding_verdict ON finding(verdict, seq);
CREATE INDEX finding_rule ON finding(rule, verdict);
CREATE INDEX tag_case ON tag(case_id);
"""


def source_key(file: str, line: int, sheet: str | None) -> str:
    """As `str(Source)`: file:line, or file:sheet!row."""
    return f"{file}:{sheet}!{line}" if sheet is not None else f"{file}:{line}"


def write_index(path: Path, findings: Iterable[PackedFinding], ledgers: Sequence[Path]) -> None:
    """Store a check's findings (in report order) and the records of its ledgers."""
    db = sqlite3.connect(path)
    try:
        db.executescript("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;" + _SCHEMA)
        dumps = orjson.dumps
        db.executemany(
            "INSERT INTO finding(case_id, verdict, rule, packed) VALUES (?, ?, ?, ?)",
            ((f[0], f[1], f[2], dumps(f)) for f in findings),
        )
        tags: set[tuple[str, str, str]] = set()
        db.executemany("INSERT OR IGNORE INTO record VALUES (?, ?, ?)", _records(ledgers, tags))
        db.executemany("INSERT INTO tag VALUES (?, ?, ?)", sorted(tags))
        db.executescript(_INDEXES)
        db.commit()
    finally:
        db.close()


def _records(ledgers: Sequence[Path], tags: set[tuple[str, str, str]]) -> Iterator[tuple[str, bytes, bytes]]:
    for ledger in ledgers:
        for item in read_ledger(ledger):
            if not isinstance(item, Entry):
                continue
            record = item.record
            shown: dict[str, list[tuple[str, str]]] = {"zh": [], "en": []}
            for column, role in column_roles(str(getattr(record, "type", ""))):
                value = getattr(record, column.name, None)
                if value is None or value == []:
                    continue
                for lang, cells in shown.items():
                    text = show(column, value, lang)
                    if text:
                        cells.append((column.header(lang), text))
                if role is not None and isinstance(record, CaseRecord):
                    for name in value if isinstance(value, list) else [value]:
                        tags.add((record.case, role, str(name)))
            yield str(item.source), orjson.dumps(shown["zh"]), orjson.dumps(shown["en"])


def unpack(blob: bytes) -> PackedFinding:
    """A stored finding as the tuples `iprules.results` packs (JSON turned them into lists)."""
    case, verdict, rule, messages, evidence, branch, names, affected_by, finding_id = orjson.loads(blob)
    return (
        case,
        verdict,
        rule,
        tuple((m[0], m[1]) for m in messages),
        _sources(evidence),
        branch,
        tuple(names),
        _sources(affected_by),
        finding_id,
    )


def _sources(items: list[list[Any]]) -> tuple[PackedSource, ...]:
    return tuple((str(f), int(line), sheet) for f, line, sheet in items)


@dataclass(frozen=True)
class Filters:
    """What a page shows of a check, as its URL says it (so a link can be shared)."""

    verdict: str = ""
    clause: str = ""
    rule: str = ""
    case: str = ""
    unit: str = ""
    first_responder: str = ""
    handler: str = ""

    def active(self) -> dict[str, str]:
        return {name: value for name, value in self.__dict__.items() if value}


@dataclass
class Where:
    sql: list[str] = field(default_factory=list)
    args: list[Any] = field(default_factory=list)

    def text(self) -> str:
        return (" WHERE " + " AND ".join(self.sql)) if self.sql else ""


class Index:
    """Read-only queries over one check's index, one connection per page."""

    def __init__(self, path: Path, rules_of_clause: dict[str, list[str]]) -> None:
        self._db = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
        self._clause_rules = rules_of_clause

    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> Index:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _where(self, filters: Filters, alias: str = "") -> Where:
        p = f"{alias}." if alias else ""
        where = Where()
        if filters.verdict:
            where.sql.append(f"{p}verdict = ?")
            where.args.append(filters.verdict)
        if filters.rule:
            where.sql.append(f"{p}rule = ?")
            where.args.append(filters.rule)
        if filters.clause:
            rules = self._clause_rules.get(filters.clause, [])
            where.sql.append(f"{p}rule IN ({','.join('?' * len(rules))})" if rules else "0")
            where.args += rules
        if filters.case:
            where.sql.append(f"{p}case_id = ?")
            where.args.append(filters.case)
        for role in ROLES:
            name = getattr(filters, role)
            if name:
                where.sql.append(f"{p}case_id IN (SELECT case_id FROM tag WHERE role = ? AND name = ?)")
                where.args += [role, name]
        return where

    def verdict_counts(self, filters: Filters) -> dict[str, int]:
        where = self._where(filters)
        rows = self._db.execute(
            f"SELECT verdict, count(*) FROM finding{where.text()} GROUP BY verdict", where.args
        )
        counts = dict.fromkeys(VERDICTS, 0)
        counts.update({verdict: count for verdict, count in rows})
        return counts

    def findings(self, filters: Filters, offset: int, limit: int) -> list[PackedFinding]:
        where = self._where(filters)
        rows = self._db.execute(
            f"SELECT packed FROM finding{where.text()} ORDER BY seq LIMIT ? OFFSET ?",
            [*where.args, limit, offset],
        )
        return [unpack(blob) for (blob,) in rows]

    def all_findings(self) -> Iterator[PackedFinding]:
        for (blob,) in self._db.execute("SELECT packed FROM finding ORDER BY seq"):
            yield unpack(blob)

    def rule_verdicts(self, filters: Filters) -> dict[tuple[str, str], int]:
        where = self._where(filters)
        rows = self._db.execute(
            f"SELECT rule, verdict, count(*) FROM finding{where.text()} GROUP BY rule, verdict", where.args
        )
        return {(rule, verdict): count for rule, verdict, count in rows}

    def cases(self, filters: Filters, offset: int, limit: int) -> tuple[int, list[dict[str, Any]]]:
        """Cases with their verdict counts (within the filters), and how many cases there are."""
        where = self._where(filters)
        (total,) = self._db.execute(
            f"SELECT count(DISTINCT case_id) FROM finding{where.text()}", where.args
        ).fetchone()
        rows = self._db.execute(
            "SELECT case_id, sum(verdict = 'violation'), sum(verdict = 'undetermined'), "
            f"sum(verdict = 'compliant') FROM finding{where.text()} GROUP BY case_id "
            "ORDER BY case_id LIMIT ? OFFSET ?",
            [*where.args, limit, offset],
        )
        return total, [_counted(row) for row in rows]

    def groups(self, role: str, filters: Filters) -> list[dict[str, Any]]:
        """Units or people (`role`) with the cases that name them and their verdict counts."""
        where = self._where(filters, "f")
        where.sql.insert(0, "t.role = ?")
        where.args.insert(0, role)
        rows = self._db.execute(
            "SELECT t.name, sum(f.verdict = 'violation'), sum(f.verdict = 'undetermined'), "
            "sum(f.verdict = 'compliant'), count(DISTINCT f.case_id) "
            f"FROM tag t JOIN finding f ON f.case_id = t.case_id{where.text()} "
            "GROUP BY t.name ORDER BY sum(f.verdict = 'violation') DESC, t.name",
            where.args,
        )
        return [{**_counted(row[:4]), "cases": row[4]} for row in rows]

    def tags(self, case: str) -> dict[str, list[str]]:
        found: dict[str, list[str]] = {role: [] for role in ROLES}
        for role, name in self._db.execute(
            "SELECT role, name FROM tag WHERE case_id = ? ORDER BY role, name", [case]
        ):
            found[role].append(name)
        return found

    def has_case(self, case: str) -> bool:
        return (
            self._db.execute("SELECT 1 FROM finding WHERE case_id = ? LIMIT 1", [case]).fetchone() is not None
        )

    def records(self, sources: Iterable[str], lang: str) -> dict[str, list[tuple[str, str]]]:
        """The cells of the records at these places (file:line or file:sheet!row)."""
        wanted = sorted(set(sources))
        column = "zh" if lang == "zh" else "en"
        found: dict[str, list[tuple[str, str]]] = {}
        for start in range(0, len(wanted), 500):
            chunk = wanted[start : start + 500]
            rows = self._db.execute(
                f"SELECT source, {column} FROM record WHERE source IN ({','.join('?' * len(chunk))})", chunk
            )
            found.update({source: [(str(h), str(v)) for h, v in orjson.loads(blob)] for source, blob in rows})
        return found


def _counted(row: Sequence[Any]) -> dict[str, Any]:
    name, violation, undetermined, compliant = row
    return {
        "name": name,
        "violation": violation or 0,
        "undetermined": undetermined or 0,
        "compliant": compliant or 0,
    }
