"""The building blocks of facts: field and type descriptions, the per-case fact list, and the
reference data (roster, positions, units) facts are joined with."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from iprules.i18n import Text, text
from iprules.ledger.model import StaffRecord
from iprules.ledger.rejection import Rejection
from iprules.ledger.source import Source

Scalar = str | int | float | bool


@dataclass(frozen=True)
class FieldSpec:
    kind: str  # "text", "int", "bool", "day"
    about: Text
    values: dict[Scalar, Text] = field(default_factory=dict)  # display words of a closed vocabulary

    def show(self, value: Any, lang: str) -> str:
        word = self.values.get(value)
        if word is not None:
            return word.zh if lang == "zh" else word.en
        if isinstance(value, bool):
            return ("是" if value else "否") if lang == "zh" else ("yes" if value else "no")
        if self.kind == "day" and isinstance(value, int):
            return dt.date.fromordinal(value).isoformat()
        return str(value)


@dataclass(frozen=True)
class FactType:
    about: Text
    fields: dict[str, FieldSpec]


DAY = "day"
STAFF_FIELDS = {
    "staff": FieldSpec("text", text("工作人员姓名", "staff member's name")),
    "position": FieldSpec("text", text("职务（取自人员名册）", "position, from the staff roster")),
    "rank": FieldSpec(
        "int",
        text(
            "职位高低（政策参数“职位排序”；数字大者职位高）",
            "rank of the position (the policy's ranking of positions; higher is senior)",
        ),
    ),
}
ORGS: dict[Scalar, Text] = {
    "district": text("区局", "district bureau"),
    "city": text("市局", "city bureau"),
    "other": text("其他", "other"),
}
ROLES: dict[Scalar, Text] = {
    "bureau": text("局机关", "bureau"),
    "brigade": text("执法大队", "enforcement brigade"),
    "supervision_office": text("市场监管所", "market supervision office"),
    "section": text("股室", "section"),
    "office": text("局办公室", "bureau office"),
    "window": text("窗口", "service window"),
    "other": text("其他", "other"),
}

COMMON_FIELDS = {
    "id": FieldSpec("text", text("事实编号", "fact id")),
    "type": FieldSpec("text", text("事实类型", "fact type")),
    "case": FieldSpec("text", text("案件编号", "case id")),
}


@dataclass(frozen=True)
class Reference:
    """What facts are joined with: the policy's parameters, the ledger's staff roster, and the
    audit date (open cases are judged as of that day)."""

    positions: dict[str, int]
    units: dict[str, dict[str, str]]
    roster: dict[str, StaffRecord]
    as_of: dt.date = dt.date(2026, 1, 1)
    parameters: dict[str, Any] = field(default_factory=dict)
    # staff the roster lists twice with different positions or units: both rows are rejected
    # (the name is left out of the roster), and a finding on a fact about the person is marked
    conflicts: dict[str, tuple[Rejection, ...]] = field(default_factory=dict)
    # interpretations run under their alternative (iprules.policy.readings)
    switched: frozenset[str] = frozenset()

    def reads_alternative(self, interpretation: str) -> bool:
        """The check runs `interpretation` under its alternative: the one place a facts module
        branches on a reading (the module lists it in its READINGS, and policy.yaml's switch
        names the module, so the loader can tell a reading no code implements)."""
        return interpretation in self.switched

    def year_over(self, year: int) -> bool:
        """The calendar year was over by the audit date: a yearly duty is judged only then
        (s1.2-yearly, s4.2, 五 — one reading of "by the year's end", said once)."""
        return self.as_of > dt.date(year, 12, 31)


def engine_hash(fact_id: str) -> int:
    """The 32-bit FNV-1a hash durable_rules identifies a fact by (ENGINE.md defect 4: a second
    fact whose id hashes the same is dropped as "already observed").

    >>> engine_hash("f6059") == engine_hash("f264602")   # two ids a big case once lost a fact to
    True
    """
    value = 0x811C9DC5
    for byte in fact_id.encode():
        value = ((value ^ byte) * 0x01000193) & 0xFFFFFFFF
    return value


# the end-of-case fact's id (iprules.engine): no fact of a case may share its hash
END_FACT_ID = "$end"
# "$end", "f1" … "f264601" have distinct engine hashes ("f264602" is the first to collide, with
# "f6059"; tests/test_engine.py recomputes it): below it ids need no checking
FIRST_COLLIDING_ID = 264_602


@dataclass
class CaseFacts:
    """The facts of one case and the sources that each stands on.

    Fact ids are chosen here so that no two of one case share an engine hash: `f<n>` while
    n is below the first colliding id (no check needed, the common case costs nothing), then
    each id's hash is checked and a taken one gets a suffix (`f264602~1`) until it is free."""

    case: str
    facts: list[dict[str, Any]] = field(default_factory=list)
    sources: dict[str, tuple[Source, ...]] = field(default_factory=dict)
    _hashes: set[int] | None = None

    def _new_id(self) -> str:
        number = len(self.facts) + 1
        fact_id = f"f{number}"
        if number < FIRST_COLLIDING_ID:
            return fact_id
        hashes = self._hashes
        if hashes is None:
            hashes = self._hashes = {engine_hash(END_FACT_ID)} | {engine_hash(f["id"]) for f in self.facts}
        base, tries = fact_id, 0
        while (value := engine_hash(fact_id)) in hashes:
            tries += 1
            fact_id = f"{base}~{tries}"
        hashes.add(value)
        return fact_id

    def add(self, fact_type: str, values: dict[str, Any], sources: Iterable[Source]) -> str:
        fact_id = self._new_id()
        fact = {"id": fact_id, "ref": fact_id, "type": fact_type, "case": self.case}
        fact.update({key: value for key, value in values.items() if value is not None})
        self.facts.append(fact)
        self.sources[fact_id] = tuple(sources)
        return fact_id


def staff_fields(name: str, reference: Reference) -> dict[str, Any]:
    member = reference.roster.get(name)
    if member is None:
        return {"staff": name}
    return {"staff": name, "position": member.position, "rank": reference.positions.get(member.position)}


def unit_fields(prefix: str, name: str | None, reference: Reference) -> dict[str, Any]:
    """A unit's organisation and role from the policy's unit list, as `<prefix>org`/`<prefix>role`."""
    if name is None:
        return {}
    info = reference.units.get(name, {})
    return {f"{prefix}org": info.get("org"), f"{prefix}role": info.get("role")}
