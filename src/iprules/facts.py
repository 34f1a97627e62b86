"""Records become facts: flat dicts the engine can match, one per atomic statement.

This is where everything the engine cannot do happens, as named derivations a rule may use:
reference data joined in (a staff member's rank from the roster and the policy's ranking of
positions; a unit's organisation and role from the policy's unit list), dates as day numbers,
the order in which people were asked. The vocabulary below is the closed list of fact types
and fields that rule files may mention; the rule loader rejects anything else.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from iprules.i18n import Text, text
from iprules.ledger.entry import Entry
from iprules.ledger.model import DisputeRecord, FirstResponderRecord, InquiryRecord, StaffRecord
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
        return str(value)


@dataclass(frozen=True)
class FactType:
    about: Text
    fields: dict[str, FieldSpec]


_DAY = "day"
_STAFF_FIELDS = {
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
_ORGS: dict[Scalar, Text] = {
    "district": text("区局", "district bureau"),
    "city": text("市局", "city bureau"),
    "other": text("其他", "other"),
}
_ROLES: dict[Scalar, Text] = {
    "bureau": text("局机关", "bureau"),
    "brigade": text("执法大队", "enforcement brigade"),
    "supervision_office": text("市场监管所", "market supervision office"),
    "section": text("股室", "section"),
    "office": text("局办公室", "bureau office"),
    "window": text("窗口", "service window"),
    "other": text("其他", "other"),
}
_DISPUTE_KINDS: dict[Scalar, Text] = {"trademark": text("商标", "trademark"), "patent": text("专利", "patent")}

COMMON_FIELDS = {
    "id": FieldSpec("text", text("事实编号", "fact id")),
    "type": FieldSpec("text", text("事实类型", "fact type")),
    "case": FieldSpec("text", text("案件编号", "case id")),
}

FACT_TYPES: dict[str, FactType] = {
    "asked": FactType(
        text("某次询问中被问到的一位工作人员", "one staff member asked at one inquiry"),
        {
            "inquiry": FieldSpec("text", text("所属询问的事实编号", "fact id of the inquiry")),
            "seq": FieldSpec(
                "int",
                text(
                    "本案第几次询问（按日期，1 为最早）", "which inquiry of the case, by date (1 = earliest)"
                ),
            ),
            "order": FieldSpec("int", text("在被问人员中的次序（0 起）", "place among those asked (from 0)")),
            "together": FieldSpec("bool", text("是否与他人同时被问到", "asked together with others")),
            "first": FieldSpec(
                "bool",
                text(
                    "是否属于“第一位被问到”：最早一次询问中，同时被问到的全体，或依次被问时的第一位",
                    "among the first asked: everyone asked together at the earliest inquiry, or the first of those asked in turn",
                ),
            ),
            "day": FieldSpec(_DAY, text("询问日期", "date of the inquiry")),
            **_STAFF_FIELDS,
        },
    ),
    "first_responder": FactType(
        text("案卷登记的首问责任人", "the first responder the case file names"),
        {"day": FieldSpec(_DAY, text("登记日期", "date recorded")), **_STAFF_FIELDS},
    ),
    "dispute": FactType(
        text("企业提出的知识产权纠纷案件", "an IP dispute case raised by an enterprise"),
        {
            "enterprise": FieldSpec("text", text("企业名称", "enterprise")),
            "key_enterprise": FieldSpec("bool", text("是否重点企业", "is a key enterprise")),
            "kind": FieldSpec("text", text("纠纷类型", "kind of dispute"), _DISPUTE_KINDS),
            "handled_by": FieldSpec("text", text("处理单位", "unit that handled it")),
            "handled_by_org": FieldSpec(
                "text", text("处理单位所属机关（政策参数 units）", "its organisation (policy units)"), _ORGS
            ),
            "handled_by_role": FieldSpec(
                "text", text("处理单位的类别（政策参数 units）", "its role (policy units)"), _ROLES
            ),
            "day": FieldSpec(_DAY, text("日期", "date")),
        },
    ),
    "cooperation": FactType(
        text("配合处理纠纷的一个单位", "one unit that cooperated on a dispute"),
        {
            "dispute": FieldSpec("text", text("所属纠纷的事实编号", "fact id of the dispute")),
            "unit": FieldSpec("text", text("配合单位", "cooperating unit")),
            "org": FieldSpec("text", text("配合单位所属机关", "its organisation"), _ORGS),
            "role": FieldSpec("text", text("配合单位的类别", "its role"), _ROLES),
        },
    ),
}


def field_spec(fact_type: str, name: str) -> FieldSpec | None:
    if name in COMMON_FIELDS:
        return COMMON_FIELDS[name]
    spec = FACT_TYPES.get(fact_type)
    return spec.fields.get(name) if spec else None


@dataclass(frozen=True)
class Reference:
    """What facts are joined with: the policy's parameters and the ledger's staff roster."""

    positions: dict[str, int]
    units: dict[str, dict[str, str]]
    roster: dict[str, StaffRecord]


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


def _staff(name: str, reference: Reference) -> dict[str, Any]:
    member = reference.roster.get(name)
    if member is None:
        return {"staff": name}
    return {"staff": name, "position": member.position, "rank": reference.positions.get(member.position)}


def _unit(prefix: str, name: str | None, reference: Reference) -> dict[str, Any]:
    if name is None:
        return {}
    info = reference.units.get(name, {})
    return (
        {f"{prefix}_org": info.get("org"), f"{prefix}_role": info.get("role")}
        if prefix
        else {
            "org": info.get("org"),
            "role": info.get("role"),
        }
    )


def case_facts(case: str, entries: list[Entry], reference: Reference) -> CaseFacts:
    """Normalise one case's entries (in ledger order) into facts."""
    result = CaseFacts(case)
    inquiries = sorted(
        (entry for entry in entries if isinstance(entry.record, InquiryRecord)),
        key=lambda entry: (entry.record.date, entry.source.sort_key()),  # type: ignore[attr-defined]
    )
    for seq, entry in enumerate(inquiries, start=1):
        record = entry.record
        assert isinstance(record, InquiryRecord)
        inquiry_id = f"i{seq}"
        for order, name in enumerate(record.asked):
            together = record.together and len(record.asked) > 1
            result.add(
                "asked",
                {
                    "inquiry": inquiry_id,
                    "seq": seq,
                    "order": order,
                    "together": together,
                    "first": seq == 1 and (together or order == 0),
                    "day": record.date.toordinal(),
                    **_staff(name, reference),
                },
                [entry.source],
            )
    for entry in entries:
        record = entry.record
        if isinstance(record, FirstResponderRecord):
            day = record.date.toordinal() if record.date else None
            result.add("first_responder", {"day": day, **_staff(record.staff, reference)}, [entry.source])
        elif isinstance(record, DisputeRecord):
            dispute_id = result.add(
                "dispute",
                {
                    "enterprise": record.enterprise,
                    "key_enterprise": record.key_enterprise,
                    "kind": record.kind,
                    "handled_by": record.handled_by,
                    "day": record.date.toordinal() if record.date else None,
                    **_unit("handled_by", record.handled_by, reference),
                },
                [entry.source],
            )
            for unit in record.cooperated_by:
                result.add(
                    "cooperation",
                    {"dispute": dispute_id, "unit": unit, **_unit("", unit, reference)},
                    [entry.source],
                )
    return result
