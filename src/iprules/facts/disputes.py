"""Facts for 五（四）: an IP dispute, the unit that handled it, the units that cooperated."""

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

DISPUTE_KINDS: dict[Scalar, Text] = {"trademark": text("商标", "trademark"), "patent": text("专利", "patent")}

FACT_TYPES: dict[str, FactType] = {
    "dispute": FactType(
        text("企业提出的知识产权纠纷案件", "an IP dispute case raised by an enterprise"),
        {
            "enterprise": FieldSpec("text", text("企业名称", "enterprise")),
            "key_enterprise": FieldSpec("bool", text("是否重点企业", "is a key enterprise")),
            "kind": FieldSpec("text", text("纠纷类型", "kind of dispute"), DISPUTE_KINDS),
            "handled_by": FieldSpec("text", text("处理单位", "unit that handled it")),
            "handled_by_org": FieldSpec(
                "text", text("处理单位所属机关（政策参数 units）", "its organisation (policy units)"), ORGS
            ),
            "handled_by_role": FieldSpec(
                "text", text("处理单位的类别（政策参数 units）", "its role (policy units)"), ROLES
            ),
            "day": FieldSpec(DAY, text("日期", "date")),
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


def _due_unit(kind: str, reference: Reference) -> str | None:
    routing = reference.parameters.get("dispute_routing", {})
    rule = routing.get(kind) if isinstance(routing, dict) else None
    unit = rule.get("unit") if isinstance(rule, dict) else None
    return unit if isinstance(unit, str) else None


def add_facts(result: CaseFacts, entries: list[Entry], reference: Reference) -> None:
    for entry in entries:
        if not isinstance(entry.record, DisputeRecord):
            continue
        record = entry.record
        dispute_id = result.add(
            "dispute",
            {
                "enterprise": record.enterprise,
                "key_enterprise": record.key_enterprise,
                "kind": record.kind,
                "handled_by": record.handled_by,
                "day": record.date.toordinal() if record.date else None,
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
