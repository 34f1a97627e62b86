"""Facts for 五（四）: an IP dispute or a counterfeit report, the unit that handled it, the units
that cooperated. Both are `dispute` facts, told apart by `matter`: the routing of 五（四）is for
disputes, prompt handling for both.

Derivations: whether the enterprise is a key one and the kind of dispute are words with an
explicit `unrecorded` (a blank cell must not decide whether 五（四） applies: the rules say
无法判定 for it); the unit's organisation and role come from the policy's unit list, as the
policy in force sees them (another district's unit is not 区局); the days a case has taken run
from its filing date to its closing date, or to the audit date while it is open.
"""

from __future__ import annotations

import datetime as dt

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
from iprules.ledger.protection import CounterfeitReportRecord

UNRECORDED = "unrecorded"
DISPUTE_KINDS: dict[Scalar, Text] = {
    "trademark": text("商标", "trademark"),
    "patent": text("专利", "patent"),
    UNRECORDED: text("未记录", "not recorded"),
}
MATTERS: dict[Scalar, Text] = {
    "infringement_dispute": text("侵权纠纷案件", "infringement dispute"),
    "counterfeit_report": text("举报投诉的假冒案件", "reported counterfeit case"),
}
KEY_ENTERPRISE: dict[Scalar, Text] = {
    "key": text("是", "yes"),
    "not_key": text("否", "no"),
    UNRECORDED: text("未记录", "not recorded"),
}

FACT_TYPES: dict[str, FactType] = {
    "dispute": FactType(
        text(
            "企业提起的知识产权侵权纠纷或举报投诉的假冒案件",
            "an IP infringement dispute an enterprise raised, or a counterfeit case it reported",
        ),
        {
            "matter": FieldSpec("text", text("案件类别", "kind of case"), MATTERS),
            "enterprise": FieldSpec("text", text("企业名称", "enterprise")),
            "key_enterprise": FieldSpec(
                "text",
                text("是否重点企业（留空为“未记录”）", "is a key enterprise (blank: unrecorded)"),
                KEY_ENTERPRISE,
            ),
            "kind": FieldSpec(
                "text",
                text("纠纷类型（留空为“未记录”）", "kind of dispute (blank: unrecorded)"),
                DISPUTE_KINDS,
            ),
            "handled_by": FieldSpec("text", text("处理单位", "unit that handled it")),
            "handled_by_org": FieldSpec(
                "text",
                text("处理单位所属机关（取自政策的单位名录）", "its organisation (policy units)"),
                ORGS,
            ),
            "handled_by_role": FieldSpec(
                "text", text("处理单位的类别（取自政策的单位名录）", "its role (policy units)"), ROLES
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
                    "政策规定的该类纠纷处理单位（如有）",
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


def _elapsed(filed: dt.date | None, closed: dt.date | None, reference: Reference) -> int | None:
    return None if filed is None else ((closed or reference.as_of) - filed).days


def add_facts(result: CaseFacts, entries: list[Entry], reference: Reference) -> None:
    for entry in entries:
        report = entry.record
        if isinstance(report, CounterfeitReportRecord):
            result.add(
                "dispute",
                {
                    "matter": "counterfeit_report",
                    "enterprise": report.enterprise,
                    "key_enterprise": _key(report.key_enterprise),
                    "kind": report.kind or UNRECORDED,
                    "handled_by": report.handled_by,
                    "day": report.date.toordinal() if report.date else None,
                    "closed": report.closed_date is not None,
                    "closed_day": report.closed_date.toordinal() if report.closed_date else None,
                    "elapsed_days": _elapsed(report.date, report.closed_date, reference),
                    **unit_fields("handled_by_", report.handled_by, reference),
                },
                [entry.source],
            )
        if not isinstance(entry.record, DisputeRecord):
            continue
        record = entry.record
        dispute_id = result.add(
            "dispute",
            {
                "matter": "infringement_dispute",
                "enterprise": record.enterprise,
                "key_enterprise": _key(record.key_enterprise),
                "kind": record.kind or UNRECORDED,
                "handled_by": record.handled_by,
                "day": record.date.toordinal() if record.date else None,
                "closed": record.closed_date is not None,
                "closed_day": record.closed_date.toordinal() if record.closed_date else None,
                "elapsed_days": _elapsed(record.date, record.closed_date, reference),
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
