"""The record vocabulary of the ledger, and its registry.

One pydantic model per record kind. A field's `title` is its Chinese column header (used by
the CSV/Excel readers, the workbook template and the feature-file tables), the field name is
its English header.

Adding a record kind: a model (here or in a module beside this one, built on
`iprules.ledger.record`), listed in `_KIND_MODELS` below, and its facts in `iprules.facts`.
The engine and the rule compiler do not change.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, ClassVar, Literal, Union

from pydantic import BeforeValidator, Field, TypeAdapter

from iprules.ledger import commitment, protection, service, station
from iprules.ledger.protection import ClosedDate, DecisionDate, ExcludedDays
from iprules.ledger.record import CaseRecord, MaybeYesNo, Names, Record, Text, blank, code_of

DISPUTE_KINDS: dict[str, str] = {"商标": "trademark", "专利": "patent"}
# optional inside the Annotated, so that the template still finds the Chinese words of the list
DisputeKind = Annotated[Literal["trademark", "patent"] | None, BeforeValidator(code_of(DISPUTE_KINDS))]


class StaffRecord(Record):
    """A staff member of the bureau: reference data, joined into case facts by name.

    `position` is the administrative post (职务), which 二 ranks; a seat on the bureau's party
    leadership group (党组书记, 党组成员 …) is a party post held beside it, written under 党组职务
    (`party_post`), which only 四.2's liaison reads."""

    kind_zh: ClassVar[str] = "人员"
    kind_en: ClassVar[str] = "staff"
    type: Literal["staff"]
    name: Text = Field(title="姓名")
    position: Text = Field(title="职务")
    unit: Text | None = Field(
        default=None,
        title="单位",
        json_schema_extra=blank(
            "不影响二的判定；上报至某人的，以其单位判断是否上报局办公室（二（五）），未记单位即不能据此判断",
            "decides nothing for 二, except that a report passed to this person reaches the bureau office only if their unit says so (二（五）)",
        ),
    )
    # last, so rosters filled before it existed keep their column order
    party_post: Text | None = Field(
        default=None,
        title="党组职务",
        json_schema_extra=blank(
            "不是党组成员，或未记录：挂联人员（四.2）是否党组成员只按职务判断（解释 s4.2-party-group）；不影响二的职位排序",
            "no party-group seat, or not recorded: whether a liaison (四.2) sits on the party group is judged by position alone (interpretation s4.2-party-group); no effect on 二's ranking",
        ),
    )


class InquiryRecord(CaseRecord):
    """One moment of being asked. Several names asked `together` (是) are one moment; several
    names not together (否) were asked one after another, in the order written. With several
    names and 同时被问 left blank, nobody can tell which: the first responder is undetermined."""

    kind_zh: ClassVar[str] = "询问"
    kind_en: ClassVar[str] = "inquiry"
    type: Literal["inquiry"]
    date: dt.date = Field(title="日期")
    asked: Names = Field(min_length=1, title="被问人员")
    together: MaybeYesNo = Field(
        default=None,
        title="同时被问",
        json_schema_extra=blank(
            "被问人员只有一位的，不影响判定；有两位以上的，台账未记录是否同时被问，首问责任人（二）无法判定（不推定为先后被问）",
            "with one name, nothing; with several, the ledger does not say whether they were asked together, so the first responder (二) is undetermined (never presumed 否)",
        ),
    )
    matter: str | None = Field(
        default=None, title="事项", json_schema_extra=blank("不影响判定", "decides nothing")
    )
    # last, so workbooks filled before it existed keep their column order
    time: dt.time | None = Field(
        default=None,
        title="时间",
        json_schema_extra=blank(
            "本案最早一天只有这一次询问的，不影响判定；最早一天有两次以上询问而未记时间的，分不出先后，首问责任人（二）无法判定（解释 s2.0-same-day）",
            "nothing if it is the only inquiry on the case's earliest day; otherwise which came first is unknown and the first responder (二) is undetermined (interpretation s2.0-same-day)",
        ),
    )


class FirstResponderRecord(CaseRecord):
    """The first responder the case file names."""

    kind_zh: ClassVar[str] = "首问责任人"
    kind_en: ClassVar[str] = "first_responder"
    type: Literal["first_responder"]
    staff: Text = Field(title="首问责任人")
    date: dt.date | None = Field(
        default=None, title="日期", json_schema_extra=blank("不影响判定", "decides nothing")
    )


class DisputeRecord(CaseRecord):
    """An IP dispute case (五（四）): who raised it, of which kind, which units handled it,
    whether the city asked the district to cooperate, and when it was filed and closed."""

    kind_zh: ClassVar[str] = "纠纷"
    kind_en: ClassVar[str] = "dispute"
    type: Literal["dispute"]
    enterprise: Text = Field(title="企业")
    key_enterprise: MaybeYesNo = Field(
        default=None,
        title="重点企业",
        json_schema_extra=blank(
            "未记录：无法判断五（四）是否适用，分工和办理时限均为无法判定",
            "not recorded: whether 五（四） applies cannot be told, so routing and speed are undetermined",
        ),
    )
    kind: DisputeKind = Field(
        default=None,
        title="纠纷类型",
        json_schema_extra=blank(
            "未记录：无法判断适用商标还是专利纠纷的分工，结论为无法判定",
            "not recorded: which routing (trademark or patent) applies cannot be told; undetermined",
        ),
    )
    handled_by: str | None = Field(
        default=None,
        title="处理单位",
        json_schema_extra=blank("未记录：分工结论为无法判定", "not recorded: routing is undetermined"),
    )
    cooperated_by: Names = Field(
        default_factory=list,
        title="配合单位",
        json_schema_extra=blank("没有单位配合", "no unit cooperated"),
    )
    date: dt.date | None = Field(
        default=None,
        title="日期",
        json_schema_extra=blank(
            "未记录受理（立案）日期：办理用时（五（四）快速查处）为无法判定",
            "filing date not recorded: the time taken (五（四） prompt handling) is undetermined",
        ),
    )
    # last, so workbooks filled before they existed keep their column order
    cooperation_requested: MaybeYesNo = Field(
        default=None,
        title="市局请求区局配合",
        json_schema_extra=blank(
            "未记录：没有区局单位配合记录的，配合为无法判定（留空不是“否”，解释 s5.4-cooperate-when-asked）",
            "not recorded: with no district unit's cooperation on record, cooperation is undetermined (a blank is not 否; interpretation s5.4-cooperate-when-asked)",
        ),
    )
    closed_date: ClosedDate = None
    decision_date: DecisionDate = None
    excluded_days: ExcludedDays = None


_KIND_MODELS: tuple[type[Record], ...] = (
    StaffRecord,
    InquiryRecord,
    FirstResponderRecord,
    DisputeRecord,
    *station.MODELS,
    *commitment.MODELS,
    *protection.MODELS,
    *service.MODELS,
)

RECORD_KINDS: dict[str, type[Record]] = {model.kind_en: model for model in _KIND_MODELS}
AnyRecord = Annotated[Union[_KIND_MODELS], Field(discriminator="type")]  # type: ignore[valid-type]  # noqa: UP007

KIND_BY_ZH: dict[str, str] = {model.kind_zh: code for code, model in RECORD_KINDS.items()}

record_adapter: TypeAdapter[Record] = TypeAdapter(AnyRecord)


def kind_code(word: str) -> str | None:
    """The record kind a clerk means by `word` (Chinese or English), or None."""
    word = word.strip()
    if word in RECORD_KINDS:
        return word
    return KIND_BY_ZH.get(word)
