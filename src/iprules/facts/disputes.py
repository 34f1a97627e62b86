"""Facts for 五（四）: an IP dispute, the unit that handled it, the units that cooperated.

Derivations: whether the enterprise is a key one and the kind of dispute are words with an
explicit `unrecorded` (a blank cell must not decide whether 五（四） applies: the rules say
无法判定 for it); the unit's organisation and role come from the policy's unit list, as the
policy in force sees them (another district's unit is not 区局); the days a case has taken run
from its filing date to its closing date, or to the audit date while it is open.
"""

from __future__ import annotations

from iprules.facts.base import (
    DAY,
    ORGS,
    ROLES,
    CaseFacts,
    FactType,
    FieldSpec,
    Reference,
    Scalar,
    unit_fields,
)
from iprules.i18n import Text, text
from iprules.ledger.entry import Entry
from iprules.ledger.model import DisputeRecord

UNRECORDED = "unrecorded"
DISPUTE_KINDS: dict[Scalar, Text] = {
    "trademark": text("商标", "trademark"),
    "patent": text("专利", "patent"),
    UNRECORDED: text("未记录", "not recorded"),
}
KEY_ENTERPRISE: dict[Scalar, Text] = {
    "key": text("是", "yes"),
    "not_key": text("否", "no"),
    UNRECORDED: text("未记录", "not recorded"),
}

FACT_TYPES: dict[str, FactType] = {
    "dispute": FactType(
        text("企业提出的知识产权纠纷案件", "an IP dispute case raised by an enterprise"),
        {
            "enterprise": FieldSpec("text", text("企业名称", "enterprise")),
            "key_enterprise": FieldSpec(
                "text", text("是否重点企业（留空为“未记录”）", "is a key enterprise (blank: unrecorded)"), KEY_ENTERPRISE
            ),
            "kind": FieldSpec(
                "text", text("纠纷类型（留空为“未记录”）", "kind of dispute (blank: unrecorded)"), DISPUTE_KINDS
            ),
            "handled_by": FieldSpec("text", text("处理单位", "unit that handled it")),
            "handled_by_org": FieldSpec(
                "text", text("处理单位所属机关（政策参数 units）", "its organisation (policy units)"), ORGS
            ),
            "handled_by_role": FieldSpec(
                "text", text("处理单位的类别（政策参数 units）", "its role (policy units)"), ROLES
            ),
            "day": FieldSpec(DAY, text("受理（立案）日期", "date filed")),
            "closed": FieldSpec("bool", text("已办结", "closed")),
            "closed_day": FieldSpec(DAY, text("办结日期", "date closed")),
            "elapsed_days": FieldSpec(
                "int",
                text(
                    "自受理日起至办结日（未办结的至审计基准日）的自然日数",
                    "calendar days from filing to closing (to the audit date while open)",
                ),
            ),
            "cooperation_requested": FieldSpec(
                "bool", text("市局请求区局配合", "the city asked the district bureau to cooperate")
            ),
            "due_unit": FieldSpec(
                "text",
                text(
                    "政策规定的该类纠纷处理单位（政策参数 dispute_routing.<类型>.unit，如有）",
                    "the unit the policy names for disputes of this kind (policy dispute_routing.<kind>.unit, if any)",
                ),
            ),
        },
    ),
    "cooperation": FactType(
        text("配合处理纠纷的一个单位", "one unit that cooperated on a dispute"),
        {
            "dispute": FieldSpec("text", text("所属纠纷的事实编号", "fact id of the dispute")),
            "unit": FieldSpec("text", text("配合单位", "cooperating unit")),
            "org": FieldSpec("text", text("配合单位所属机关", "its organisation"), ORGS),
            "role": FieldSpec("text", text("配合单位的类别", "its role"), ROLES),
        },
    ),
}


def _due_unit(kind: str | None, reference: Reference) -> str | None:
    routing = reference.parameters.get("dispute_routing", {})
    rule = routing.get(kind) if isinstance(routing, dict) and kind else None
    unit = rule.get("unit") if isinstance(rule, dict) else None
    return unit if isinstance(unit, str) else None


def _key(value: bool | None) -> str:
    return UNRECORDED if value is None else ("key" if value else "not_key")


def add_facts(result: CaseFacts, entries: list[Entry], reference: Reference) -> None:
    for entry in entries:
        if not isinstance(entry.record, DisputeRecord):
            continue
        record = entry.record
        elapsed = None
        if record.date is not None:
            end = record.closed_date or reference.as_of
            elapsed = (end - record.date).days
        dispute_id = result.add(
            "dispute",
            {
                "enterprise": record.enterprise,
                "key_enterprise": _key(record.key_enterprise),
                "kind": record.kind or UNRECORDED,
                "handled_by": record.handled_by,
                "day": record.date.toordinal() if record.date else None,
                "closed": record.closed_date is not None,
                "closed_day": record.closed_date.toordinal() if record.closed_date else None,
                "elapsed_days": elapsed,
                "cooperation_requested": record.cooperation_requested,
                "due_unit": _due_unit(record.kind, reference),
                **unit_fields("handled_by_", record.handled_by, reference),
            },
            [entry.source],
        )
        for unit in record.cooperated_by:
            result.add(
                "cooperation",
                {"dispute": dispute_id, "unit": unit, **unit_fields("", unit, reference)},
                [entry.source],
            )
