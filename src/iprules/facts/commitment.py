"""Facts for 四 (the service-commitment system): publication checks, the one-to-one liaison of
the protection list, complaints about service behaviour.

Derivations: each published complaint phone is compared with the policy's (parameter
`complaint_phone`) as whole runs of digits, so "0719-8693328", "（0719）8693328" and "8693328"
are the same number, an extension or other numbers beside it change nothing, and "86933281" or
"0718-8693328" is another number; a publication
check (a case) becomes one `publication_check` fact that says, for each item 四.5 names, whether
the check recorded it and where it was found, so an item the check has no record of is
undetermined instead of silently absent; a
liaison's party-group member gets a position from the staff roster; the units that accepted a
complaint and organised its determination get their organisation and role from the policy's
unit list, and whether the determination was the district bureau office's own.
"""

from __future__ import annotations

import re
import unicodedata

from iprules.facts.base import (
    DAY,
    ORGS,
    ROLES,
    STAFF_FIELDS,
    CaseFacts,
    FactType,
    FieldSpec,
    Reference,
    Scalar,
    staff_fields,
    unit_fields,
)
from iprules.i18n import Text, text
from iprules.ledger.commitment import LiaisonRecord, PublicationRecord, ServiceComplaintRecord
from iprules.ledger.entry import Entry

PARTY_GROUP: dict[Scalar, Text] = {
    "member": text("本局党组成员", "a member of this bureau's party group"),
    "not_member": text("不是党组成员", "not a party-group member"),
    "other_bureau": text("其他单位的人员", "staff of another body"),
    "unknown_unit": text("单位不在单位名录中", "unit not in the unit list"),
}
NO_MEMBER_WORDS = ("无", "没有", "未确定", "暂无", "尚未确定", "none")

PUBLISHED_ITEMS: dict[Scalar, Text] = {
    "commitment_rules": text("服务承诺制度", "service-commitment rules"),
    "service_guide": text("服务办事指南", "service guide"),
}

FACT_TYPES: dict[str, FactType] = {
    "publication": FactType(
        text(
            "一项服务承诺内容的公示检查", "a check of where one item of the service commitment is published"
        ),
        {
            "item": FieldSpec("text", text("公示事项", "item published"), PUBLISHED_ITEMS),
            "day": FieldSpec(DAY, text("检查日期", "date of the check")),
            "website": FieldSpec("bool", text("在区级政府网站公示", "on the district government website")),
            "board": FieldSpec("bool", text("在政务公开栏公示", "on the government-affairs bulletin board")),
            "address": FieldSpec("text", text("网址或公开栏位置", "web address or board location")),
            "phone": FieldSpec("text", text("公示的投诉电话", "complaint phone as published")),
            "policy_phone": FieldSpec(
                "text",
                text(
                    "政策规定的投诉受理电话",
                    "complaint phone (policy complaint_phone)",
                ),
            ),
            "phone_matches": FieldSpec(
                "bool",
                text(
                    "公示的投诉电话中有规定的号码（只比较数字；列了几个号码的，其中之一即可）",
                    "the policy's number is among the published phones (digits compared; one of several suffices)",
                ),
            ),
        },
    ),
    "publication_check": FactType(
        text(
            "一次公示检查：四.5 所列两项各自的公示情况",
            "one publication check: where each item 四.5 names was found",
        ),
        {
            f"{item}_{place}": FieldSpec("bool", text(f"{words.zh}{where_zh}", f"{words.en} {where_en}"))
            for item, words in PUBLISHED_ITEMS.items()
            for place, where_zh, where_en in (
                ("recorded", "：本次检查有记录", ": recorded by the check"),
                ("website", "在区级政府网站公示", "on the district government website"),
                ("board", "在政务公开栏公示", "on the bulletin board"),
            )
        },
    ),
    "liaison": FactType(
        text(
            "保护名单上的一家企业及其一对一挂联的党组成员",
            "one enterprise of the protection list and the party-group member linked with it",
        ),
        {
            "enterprise": FieldSpec("text", text("企业", "enterprise")),
            "brand": FieldSpec("text", text("知名品牌", "famous brand")),
            "member_none": FieldSpec(
                "bool",
                text(
                    "挂联党组成员一栏记为没有（写“无”“未确定”等），不是留空",
                    "the linked-member cell records none (无, 未确定 …), rather than being blank",
                ),
            ),
            "member_word": FieldSpec(
                "text", text("挂联党组成员一栏所写", "what the linked-member cell says")
            ),
            "party_post": FieldSpec(
                "text", text("党组职务（取自人员名册）", "party post, from the staff roster")
            ),
            "staff_unit": FieldSpec(
                "text", text("挂联人员的单位（取自人员名册）", "the liaison's unit, from the roster")
            ),
            "party_group": FieldSpec(
                "text",
                text(
                    "挂联人员是否本局党组成员（解释 s4.2-party-group）",
                    "whether the liaison sits on this bureau's party group (interpretation s4.2-party-group)",
                ),
                PARTY_GROUP,
            ),
            "measures": FieldSpec(
                "bool", text("已共同制订维权措施", "rights-protection measures made together")
            ),
            "measures_day": FieldSpec(DAY, text("措施制订日期", "date the measures were made")),
            "day": FieldSpec(DAY, text("列入名单日期", "date listed")),
            "year_complete": FieldSpec(
                "bool",
                text(
                    "列入名单的年度在审计基准日前已结束（解释 s4.2-measures-by-year-end）",
                    "the year of listing was over by the audit date (interpretation s4.2-measures-by-year-end)",
                ),
            ),
            **STAFF_FIELDS,
        },
    ),
    "service_complaint": FactType(
        text("一件针对服务行为的投诉", "a complaint about service behaviour"),
        {
            "day": FieldSpec(DAY, text("投诉日期", "date of the complaint")),
            "complainant": FieldSpec("text", text("投诉人", "complainant")),
            "about": FieldSpec("text", text("被投诉人员", "staff complained about")),
            "matter": FieldSpec("text", text("投诉事项", "what the complaint is about")),
            "accepted_by": FieldSpec("text", text("受理单位", "unit that accepted it")),
            "accepted_by_org": FieldSpec("text", text("受理单位所属机关", "its organisation"), ORGS),
            "accepted_by_role": FieldSpec("text", text("受理单位的类别", "its role"), ROLES),
            "determined_by": FieldSpec(
                "text", text("组织有效投诉认定的单位", "unit that organised the determination")
            ),
            "determined_by_org": FieldSpec("text", text("认定组织单位所属机关", "its organisation"), ORGS),
            "determined_by_role": FieldSpec("text", text("认定组织单位的类别", "its role"), ROLES),
            "determined_by_office": FieldSpec(
                "bool",
                text(
                    "认定由区局办公室组织（认定组织单位为区局的办公室）",
                    "the determination was organised by the district bureau's office",
                ),
            ),
            "valid": FieldSpec("bool", text("认定为有效投诉", "determined to be a valid complaint")),
        },
    ),
}


DIGIT_RUN = re.compile(r"\d+")
AREA_JOINERS = re.compile(r"[\s\-－—()（）]*")


def _phone_published(published: str, policy_phone: str) -> bool:
    """Whether the policy's number is among the numbers a published cell shows.

    Numbers are compared as runs of digits, each whole (8693328 is not found in 86933281): the
    local number as its own run, preceded by the area code or by no digits at all — "0719-8693328",
    "（0719）8693328", "0719 8693328", "07198693328" and "8693328" are the policy's number, an
    extension after it ("转8001") and other numbers beside it ("、12315", " 12315") change nothing;
    another area code (a run starting with 0) before it ("0718-8693328") makes it another number
    (interpretation s4.7-phone)."""
    text = unicodedata.normalize("NFKC", published)
    area, _, local = policy_phone.rpartition("-")
    area, local = re.sub(r"\D", "", area), re.sub(r"\D", "", local)
    if not local:
        return False
    runs = list(DIGIT_RUN.finditer(text))
    for index, run in enumerate(runs):
        if run.group() == area + local and area:
            return True
        if run.group() != local:
            continue
        if index == 0:
            return True
        before = runs[index - 1]
        joined = AREA_JOINERS.fullmatch(text[before.end() : run.start()]) is not None
        # a Chinese area code starts with 0: "12315 8693328" is two numbers, "0718-8693328" one
        if not joined or not before.group().startswith("0") or before.group() == area:
            return True
    return False


def _liaison_member(name: str, reference: Reference) -> dict[str, Scalar | None]:
    """The liaison's roster entry, and whether it shows a seat on this bureau's party group
    (interpretation s4.2-party-group): a party post of the roster's 党组职务 (parameter
    `party_group_posts`) or a post whose holders sit on it (`party_group_positions`), held in a
    unit of this 区局 — a roster unit that is another bureau's or the city's is not, one the unit
    list does not know is unknown, and a blank unit is the bureau's own roster."""
    fields: dict[str, Scalar | None] = dict(staff_fields(name, reference))
    staff = reference.roster.get(name)
    if staff is None:
        return fields
    posts = reference.parameters.get("party_group_posts", [])
    positions = reference.parameters.get("party_group_positions", [])
    seated = staff.party_post in posts or staff.position in positions
    org = reference.units.get(staff.unit, {}).get("org") if staff.unit else "district"
    if not seated:
        group = "not_member"
    elif org is None:
        group = "unknown_unit"
    else:
        group = "member" if org == "district" else "other_bureau"
    return {**fields, "party_post": staff.party_post, "staff_unit": staff.unit, "party_group": group}


def _office_determined(fields: dict[str, Scalar | None], name: str | None) -> bool | None:
    """Whether the district bureau's own office organised the determination; None if unknown."""
    if name is None or fields.get("determined_by_role") in (None, "bureau"):
        return None
    return fields.get("determined_by_role") == "office" and fields.get("determined_by_org") == "district"


def add_facts(result: CaseFacts, entries: list[Entry], reference: Reference) -> None:
    policy_phone = reference.parameters.get("complaint_phone")
    checked: list[Entry] = []
    for entry in entries:
        record = entry.record
        if isinstance(record, PublicationRecord):
            checked.append(entry)
            matches = None
            if record.phone is not None and isinstance(policy_phone, str):
                matches = _phone_published(record.phone, policy_phone)
            result.add(
                "publication",
                {
                    "item": record.item,
                    "day": record.date.toordinal(),
                    "website": record.website,
                    "board": record.board,
                    "address": record.address,
                    "phone": record.phone,
                    "policy_phone": policy_phone if isinstance(policy_phone, str) else None,
                    "phone_matches": matches,
                },
                [entry.source],
            )
        elif isinstance(record, LiaisonRecord):
            none = record.member is not None and record.member.strip().lower() in NO_MEMBER_WORDS
            member = _liaison_member(record.member, reference) if record.member and not none else {}
            year_over = reference.year_over(record.date.year) if record.date else None
            result.add(
                "liaison",
                {
                    "enterprise": record.enterprise,
                    "brand": record.brand,
                    "member_none": True if none else None,
                    "member_word": record.member if none else None,
                    "measures": record.measures,
                    "measures_day": record.measures_date.toordinal() if record.measures_date else None,
                    "day": record.date.toordinal() if record.date else None,
                    "year_complete": year_over,
                    **member,
                },
                [entry.source],
            )
        elif isinstance(record, ServiceComplaintRecord):
            determiner = unit_fields("determined_by_", record.determined_by, reference)
            result.add(
                "service_complaint",
                {
                    "day": record.date.toordinal(),
                    "complainant": record.complainant,
                    "about": record.about,
                    "matter": record.matter,
                    "accepted_by": record.accepted_by,
                    "determined_by": record.determined_by,
                    "determined_by_office": _office_determined(determiner, record.determined_by),
                    "valid": record.valid,
                    **unit_fields("accepted_by_", record.accepted_by, reference),
                    **determiner,
                },
                [entry.source],
            )
    _add_unchecked_items(result, checked)


def _add_unchecked_items(result: CaseFacts, checked: list[Entry]) -> None:
    """四.5 names two items, so a check (case) is judged on both: an item it has no record of
    is marked not recorded. Of several records of one item, the latest check counts."""
    if not checked:
        return
    latest: dict[str, PublicationRecord] = {}
    for entry in checked:
        record = entry.record
        if isinstance(record, PublicationRecord) and (
            record.item not in latest or record.date >= latest[record.item].date
        ):
            latest[record.item] = record
    values: dict[str, Scalar | None] = {}
    for item in PUBLISHED_ITEMS:
        found = latest.get(str(item))
        values[f"{item}_recorded"] = found is not None
        values[f"{item}_website"] = found.website if found else None
        values[f"{item}_board"] = found.board if found else None
    result.add("publication_check", values, [entry.source for entry in checked])
