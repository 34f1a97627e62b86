"""Record kinds for 四 (the service-commitment system).

- 承诺公示 (publication): a check of where one published item (the commitment rules or the
  service guide) can be seen — the district government website, the bulletin board — and the
  complaint phone it shows (四.5, 四.7). Its case is the check (e.g. "承诺公示-2026"); a check
  should cover both items, and an item it has no record of is undetermined under 四.5.
- 挂联帮扶 (liaison): one enterprise of the famous-enterprise/famous-brand protection list and
  the party-group member linked with it (四.2). Its case is the list (e.g. "保护名单-2026"), so
  the whole list is judged together.
- 服务投诉 (service_complaint): a complaint about service behaviour, who accepted it, who
  organised the determination of whether it is valid, and the finding (四.4, 四.7).
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, ClassVar, Literal

from pydantic import BeforeValidator, Field

from iprules.ledger.record import CaseRecord, MaybeYesNo, Text, blank, code_of

PUBLISHED_ITEMS: dict[str, str] = {
    "服务承诺制度": "commitment_rules",
    "服务承诺": "commitment_rules",
    "服务办事指南": "service_guide",
    "办事指南": "service_guide",
}
PublishedItem = Annotated[
    Literal["commitment_rules", "service_guide"], BeforeValidator(code_of(PUBLISHED_ITEMS))
]
NO_EFFECT = blank("不影响判定", "no effect")


def _not_recorded(rule_zh: str, rule_en: str) -> dict[str, Any]:
    return blank(f"未记录：{rule_zh}判为无法判定", f"not recorded: {rule_en} is undetermined")


class PublicationRecord(CaseRecord):
    """Where one item of the service commitment was found published, as checked on a day."""

    kind_zh: ClassVar[str] = "承诺公示"
    kind_en: ClassVar[str] = "publication"
    type: Literal["publication"]
    item: PublishedItem = Field(title="公示事项")
    date: dt.date = Field(title="检查日期")
    website: MaybeYesNo = Field(
        default=None,
        title="区级政府网站公示",
        json_schema_extra=_not_recorded("公示规则", "the publication rule"),
    )
    board: MaybeYesNo = Field(
        default=None,
        title="政务公开栏公示",
        json_schema_extra=_not_recorded("公示规则", "the publication rule"),
    )
    address: str | None = Field(default=None, title="网址或公开栏位置", json_schema_extra=NO_EFFECT)
    phone: str | None = Field(
        default=None,
        title="公示的投诉电话",
        json_schema_extra=blank(
            "未记录：服务承诺制度的投诉电话规则判为无法判定（公示了几个号码的，用“、”分隔全部写上）",
            "not recorded: the complaint-phone rule is undetermined for the commitment rules "
            "(where several numbers are published, write them all, separated by 、)",
        ),
    )


class LiaisonRecord(CaseRecord):
    """One enterprise on the protection list and its one-to-one liaison."""

    kind_zh: ClassVar[str] = "挂联帮扶"
    kind_en: ClassVar[str] = "liaison"
    type: Literal["liaison"]
    enterprise: Text = Field(title="企业")
    brand: str | None = Field(
        default=None,
        title="知名品牌",
        json_schema_extra=blank("未记录：不影响结论", "not recorded: no effect on the verdict"),
    )
    member: str | None = Field(
        default=None,
        title="挂联党组成员",
        json_schema_extra=blank(
            "未记录：挂联党组成员规则判为无法判定（确未确定挂联人员的写“无”，解释 s4.2-blank-member）",
            "not recorded: the liaison-member rule is undetermined (write 无 where no member was determined; interpretation s4.2-blank-member)",
        ),
    )
    measures: MaybeYesNo = Field(
        default=None,
        title="共同制订维权措施",
        json_schema_extra=blank("未记录：无法判定", "not recorded: undetermined"),
    )
    measures_date: dt.date | None = Field(
        default=None,
        title="措施制订日期",
        json_schema_extra=blank("未记录：不影响结论", "not recorded: no effect on the verdict"),
    )
    date: dt.date | None = Field(
        default=None,
        title="列入名单日期",
        json_schema_extra=blank(
            "未记录：尚未共同制订措施的，无法判断名单年度是否已结束（无法判定）",
            "not recorded: where no measures were made yet, whether the list's year is over cannot be told (undetermined)",
        ),
    )


class ServiceComplaintRecord(CaseRecord):
    """A complaint about the bureau's service behaviour and how it was dealt with."""

    kind_zh: ClassVar[str] = "服务投诉"
    kind_en: ClassVar[str] = "service_complaint"
    type: Literal["service_complaint"]
    date: dt.date = Field(title="投诉日期")
    complainant: str | None = Field(default=None, title="投诉人", json_schema_extra=NO_EFFECT)
    channel: str | None = Field(default=None, title="投诉方式", json_schema_extra=NO_EFFECT)
    about: str | None = Field(default=None, title="被投诉人员", json_schema_extra=NO_EFFECT)
    matter: str | None = Field(default=None, title="投诉事项", json_schema_extra=NO_EFFECT)
    accepted_by: str | None = Field(
        default=None,
        title="受理单位",
        json_schema_extra=_not_recorded("受理单位规则", "the accepting-unit rule"),
    )
    determined_by: str | None = Field(
        default=None,
        title="认定组织单位",
        json_schema_extra=_not_recorded(
            "认定组织单位规则和四.4（尚未认定时亦留空）",
            "the determination rule and 四.4 (leave blank while not yet determined)",
        ),
    )
    valid: MaybeYesNo = Field(
        default=None,
        title="有效投诉",
        json_schema_extra=blank(
            "尚未认定或未记录：四.4 判为无法判定", "not yet determined or not recorded: 四.4 is undetermined"
        ),
    )


MODELS: tuple[type[CaseRecord], ...] = (PublicationRecord, LiaisonRecord, ServiceComplaintRecord)
