"""The building blocks of facts: field and type descriptions, the per-case fact list, and the
reference data (roster, positions, units) facts are joined with."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from iprules.i18n import Text, text
from iprules.ledger.model import StaffRecord
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
            "职位高低（政策参数 positions；数字大者职位高）",
            "rank of the position (policy positions; higher is senior)",
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


@dataclass
class CaseFacts:
    """The facts of one case and the sources that each stands on."""

    case: str
    facts: list[dict[str, Any]] = field(default_factory=list)
    sources: dict[str, tuple[Source, ...]] = field(default_factory=dict)

    def add(self, fact_type: str, values: dict[str, Any], sources: Iterable[Source]) -> str:
        fact_id = f"f{len(self.facts) + 1}"
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
