"""Record kinds for 四 (the service-commitment system).

- 承诺公示 (publication): a check of where one published item (the commitment rules or the
  service guide) can be seen — the district government website, the bulletin board — and the
  complaint phone it shows (四.5, 四.7). Its case is the check (e.g. "承诺公示-2026").
- 挂联帮扶 (liaison): one enterprise of the famous-enterprise/famous-brand protection list and
  the party-group member linked with it (四.2). Its case is the list (e.g. "保护名单-2026"), so
  the whole list is judged together.
- 服务投诉 (service_complaint): a complaint about service behaviour, who accepted it, who
  organised the determination of whether it is valid, and the finding (四.4, 四.7).
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, ClassVar, Literal

from pydantic import BeforeValidator, Field

from iprules.ledger.record import CaseRecord, Text, YesNo, blank, code_of

PUBLISHED_ITEMS: dict[str, str] = {
    "服务承诺制度": "commitment_rules",
    "服务承诺": "commitment_rules",
    "服务办事指南": "service_guide",
    "办事指南": "service_guide",
}
PublishedItem = Annotated[
    Literal["commitment_rules", "service_guide"], BeforeValidator(code_of(PUBLISHED_ITEMS))
]


class PublicationRecord(CaseRecord):
    """Where one item of the service commitment was found published, as checked on a day."""

    kind_zh: ClassVar[str] = "承诺公示"
    kind_en: ClassVar[str] = "publication"
    type: Literal["publication"]
    item: PublishedItem = Field(title="公示事项")
    date: dt.date = Field(title="检查日期")
    website: YesNo | None = Field(default=None, title="区级政府网站公示")
    board: YesNo | None = Field(default=None, title="政务公开栏公示")
    address: str | None = Field(default=None, title="网址或公开栏位置")
    phone: str | None = Field(default=None, title="公示的投诉电话")


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
            "未确定挂联党组成员：违规（解释 s4.2-blank-member）",
            "no linked member determined: a breach (interpretation s4.2-blank-member)",
        ),
    )
    measures: YesNo | None = Field(
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
    complainant: str | None = Field(default=None, title="投诉人")
    channel: str | None = Field(default=None, title="投诉方式")
    about: str | None = Field(default=None, title="被投诉人员")
    matter: str | None = Field(default=None, title="投诉事项")
    accepted_by: str | None = Field(default=None, title="受理单位")
    determined_by: str | None = Field(default=None, title="认定组织单位")
    valid: YesNo | None = Field(default=None, title="有效投诉")


MODELS: tuple[type[CaseRecord], ...] = (PublicationRecord, LiaisonRecord, ServiceComplaintRecord)
