"""Facts for 五（四）: an IP dispute or a counterfeit report, the unit that handled it, the units
that cooperated. Both are `dispute` facts, told apart by `matter`: the routing of 五（四）is for
disputes, prompt handling for both.

Derivations: whether the enterprise is a key one and the kind of dispute are words with an
explicit `unrecorded` (a blank cell must not decide whether 五（四） applies: the rules say
无法判定 for it); the unit's organisation and role come from the policy's unit list, as the
policy in force sees them (another district's unit is not 区局), and `handler_scope` says
whether this district bureau handled the case at all (prompt handling binds only its own
cases); a case is closed, or decided, only on a date up to the audit date (a later date has
not come yet); the days a case has taken run from its filing date to its decision date if
recorded, else its closing date, or to the audit date while it is open, less the days the
record says the law does not count (interpretation s5.4-speed-days).
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
    "counterfeit_report": text("假冒举报投诉案件", "reported counterfeit case"),
}
HANDLER_SCOPES: dict[Scalar, Text] = {
    "this_bureau": text("本区局", "this district bureau"),
    "elsewhere": text("本区局以外的机关", "an authority other than this district bureau"),
    "unknown_unit": text("不在单位名录中的单位", "a unit not in the policy's list"),
    UNRECORDED: text("未记录", "not recorded"),
}
SPEED_ENDS: dict[Scalar, Text] = {
    "decision": text("作出处理决定", "the decision"),
    "closing": text("办结", "closing"),
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
            "handler_scope": FieldSpec(
                "text",
                text("处理单位是否属于本区局", "whether the handling unit is this district bureau's"),
                HANDLER_SCOPES,
            ),
            "day": FieldSpec(DAY, text("受理（立案）日期", "date filed")),
            "closed": FieldSpec(
                "bool", text("已办结（办结日期不晚于审计基准日）", "closed (on or before the audit date)")
            ),
            "closed_day": FieldSpec(DAY, text("办结日期", "date closed")),
            "decided": FieldSpec(
                "bool",
                text(
                    "已作出处理决定或已办结（日期不晚于审计基准日）",
                    "decided or closed (on or before the audit date)",
                ),
            ),
            "speed_end": FieldSpec(
                "text",
                text("用时计至（处理决定或办结）", "time counted to (decision or closing)"),
                SPEED_ENDS,
            ),
            "excluded_days": FieldSpec(
                "int", text("记录的不计入办案期限的日数", "days the record excludes from the period")
            ),
            "elapsed_days": FieldSpec(
                "int",
                text(
                    "自受理日起至处理决定日（未记录的至办结日，未办结的至审计基准日）的自然日数，减去不计入期限的日数",
                    "calendar days from filing to the decision (else closing; the audit date while open), less excluded days",
                ),
            ),
            "speed_due_day": FieldSpec(
                DAY,
                text(
                    "快速查处的最后一日：受理日后政策规定的自然日数，加记录的不计入期限的日数（超过此日仍未决定即超过期限）",
                    "the last day prompt handling allows: the policy's number of calendar days after filing, "
                    "plus the days the record excludes (undecided after it is past the period)",
                ),
            ),
            "cooperation_requested": FieldSpec(
                "bool", text("市局请求区局配合", "the city asked the district bureau to cooperate")
            ),
            "cooperated_by": FieldSpec(
                "text", text("记录的配合单位（没有的为“无”）", "cooperating units recorded (无 if none)")
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


def _key(value: bool | None) -> str:
    return UNRECORDED if value is None else ("key" if value else "not_key")


def _handler_scope(unit: str | None, reference: Reference) -> str:
    if unit is None:
        return UNRECORDED
    org = reference.units.get(unit, {}).get("org")
    if org is None:
        return "unknown_unit"
    return "this_bureau" if org == "district" else "elsewhere"


def speed_due_day(filed: dt.date | None, excluded: int | None, max_days: int | None) -> int | None:
    """五（四） 快速查处: the last day (ordinal) a case may stay undecided — `elapsed_days`
    exceeds `max_days` exactly when the day it is counted to is after this one. The rule
    compares `elapsed_days`; `iprules warn` reads this day: one count, two views of it.

    >>> dt.date.fromordinal(speed_due_day(dt.date(2026, 7, 1), 5, 90))
    datetime.date(2026, 10, 4)
    """
    if filed is None or max_days is None:
        return None
    return filed.toordinal() + int(max_days) + (excluded or 0)


def _timing(
    filed: dt.date | None,
    decided: dt.date | None,
    closed: dt.date | None,
    excluded: int | None,
    reference: Reference,
) -> dict[str, Scalar | None]:
    """Closed and decided as of the audit date, and the days counted for prompt handling."""

    def done(day: dt.date | None) -> dt.date | None:
        return day if day is not None and day <= reference.as_of else None

    end, speed_end = done(decided), "decision"
    if end is None:
        end, speed_end = done(closed), "closing"
    elapsed = None if filed is None else ((end or reference.as_of) - filed).days - (excluded or 0)
    max_days = reference.parameters.get("dispute_speed", {}).get("max_days")
    return {
        "speed_due_day": speed_due_day(filed, excluded, max_days),
        "closed": done(closed) is not None,
        "closed_day": closed.toordinal() if closed else None,
        "decided": end is not None,
        "speed_end": speed_end if end is not None else None,
        "excluded_days": excluded,
        "elapsed_days": elapsed,
    }


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
                    "handler_scope": _handler_scope(report.handled_by, reference),
                    "day": report.date.toordinal() if report.date else None,
                    **_timing(
                        report.date, report.decision_date, report.closed_date, report.excluded_days, reference
                    ),
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
                "handler_scope": _handler_scope(record.handled_by, reference),
                "day": record.date.toordinal() if record.date else None,
                **_timing(
                    record.date, record.decision_date, record.closed_date, record.excluded_days, reference
                ),
                "cooperation_requested": record.cooperation_requested,
                "cooperated_by": "、".join(record.cooperated_by) or "无",
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
