"""Record kinds for 一 (the duties of an IP service station): what the bureau logs about a station.

A station is its own case: its case id names it (e.g. "工作站-东城经济开发区"), so an
inspection, the station's yearly work records and its dispute log are judged together.

- 工作站检查 (station_inspection): what an inspector found on site — the fixed office and its
  area, the full-time staff, the equipment, the unified signage (一.1).
- 工作站年度工作 (station_year): the station's work over one year — trainings, publicity,
  consultations asked for and given, visits and the park work archive, the rapid-communication
  mechanism with public service resources, coaching, the dispute mechanism, dispute leads, the
  connection with protection resources, special services (一.2–一.6).
- 工作站纠纷调解 (station_mediation): one dispute lead the station collected and what became of
  mediation (一.5 积极开展知识产权纠纷调解).

Every observation is optional: a blank cell is "not recorded", which the rules judge as
undetermined, never as "no" (each field's `blank(...)` says so in the template and vocabulary).
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, ClassVar, Literal

from pydantic import BeforeValidator, Field

from iprules.ledger.record import CaseRecord, MaybeYesNo, Names, Text, blank, code_of, split_list

# 一.6's five kinds, each under the words the document itself uses for it ("一是开展高价值专利、
# 优势商标、优质地理标志等培育引导工作；二是协调人民调解、公证等…；三是组织开展供需对接…
# 知识产权金融（如质押、保险等）…；四是发挥行业引领作用…；五是其他知识产权特色工作"), so a clerk
# may write the service as the station's report names it. The first word of each kind is the one
# the template and the rejections show.
SPECIAL_SERVICES: dict[str, str] = {
    "培育引导": "cultivation",
    "高价值专利培育": "cultivation",
    "优势商标培育": "cultivation",
    "优质地理标志培育": "cultivation",
    "地理标志培育": "cultivation",
    "专利培育": "cultivation",
    "商标培育": "cultivation",
    "保护资源协调": "coordination",
    "协调人民调解": "coordination",
    "人民调解": "coordination",
    "公证": "coordination",
    "纠纷化解": "coordination",
    "维权援助": "coordination",
    "展会维权援助": "coordination",
    "维权援助和执法": "coordination",
    "海外知识产权预警": "coordination",
    "海外知识产权预警及维权服务": "coordination",
    "海外维权": "coordination",
    "转化运用": "transfer",
    "供需对接": "transfer",
    "转化实施": "transfer",
    "知识产权转化实施": "transfer",
    "知识产权金融": "transfer",
    "质押": "transfer",
    "质押融资": "transfer",
    "知识产权质押融资": "transfer",
    "保险": "transfer",
    "知识产权保险": "transfer",
    "行业引领": "industry",
    "产业链带动": "industry",
    "带动产业链上下游": "industry",
    "其他": "other",
    "其他特色工作": "other",
    "其他知识产权特色工作": "other",
}
SpecialService = Annotated[
    Literal["cultivation", "coordination", "transfer", "industry", "other"],
    BeforeValidator(code_of(SPECIAL_SERVICES)),
]

MEDIATION_OUTCOMES: dict[str, str] = {
    "已调解": "held",
    "调解成功": "held",
    "调解未成功": "held",
    "调解中": "held",
    "当事人不同意调解": "declined",
    "当事人拒绝调解": "declined",
    "已通过诉讼等途径处理": "other_channel",
    "已进入诉讼或行政程序": "other_channel",
    "待调解": "pending",
    "未调解": "none",
}
MediationOutcome = Annotated[
    Literal["held", "declined", "other_channel", "pending", "none"],
    BeforeValidator(code_of(MEDIATION_OUTCOMES)),
]

NONE_WORDS = ("无", "没有", "none")
NOT_RECORDED = blank("未记录：相关规则判为无法判定", "not recorded: the rules that need it are undetermined")


def _none_or_list(value: object) -> object:
    """Several items in one cell, separated the way Chinese clerks write lists; "无" is none."""
    if isinstance(value, str) and value.strip() in NONE_WORDS:
        return []
    return split_list(value)


class StationInspectionRecord(CaseRecord):
    """An on-site inspection of a service station (一.1)."""

    kind_zh: ClassVar[str] = "工作站检查"
    kind_en: ClassVar[str] = "station_inspection"
    type: Literal["station_inspection"]
    date: dt.date = Field(title="检查日期")
    park: str | None = Field(
        default=None, title="所属园区或机构", json_schema_extra=blank("不影响判定", "no effect")
    )
    inspectors: Names = Field(
        default_factory=list, title="检查人员", json_schema_extra=blank("不影响判定", "no effect")
    )
    fixed_office: MaybeYesNo = Field(default=None, title="固定办公场所", json_schema_extra=NOT_RECORDED)
    office_area: float | None = Field(
        default=None, ge=0, title="办公面积（平方米）", json_schema_extra=NOT_RECORDED
    )
    full_time_staff: int | None = Field(
        default=None,
        ge=0,
        title="专职工作人员人数",
        json_schema_extra=blank(
            "按“专职工作人员”所列姓名计数；姓名也未填的，专职人员规则判为无法判定",
            "counted from the names under 专职工作人员; if those are blank too, the staff rule is undetermined",
        ),
    )
    staff_names: Annotated[list[Text], BeforeValidator(_none_or_list)] | None = Field(
        default=None,
        title="专职工作人员",
        json_schema_extra=blank("未记录（写“无”表示没有专职人员）", "not recorded (write 无 for none)"),
    )
    computer: MaybeYesNo = Field(default=None, title="上网计算机", json_schema_extra=NOT_RECORDED)
    printer: MaybeYesNo = Field(default=None, title="打印机", json_schema_extra=NOT_RECORDED)
    publicity_sign: MaybeYesNo = Field(default=None, title="宣传标识", json_schema_extra=NOT_RECORDED)
    image_wall: MaybeYesNo = Field(default=None, title="形象墙", json_schema_extra=NOT_RECORDED)
    database_board: MaybeYesNo = Field(default=None, title="资源数据库展示牌", json_schema_extra=NOT_RECORDED)
    guide_board: MaybeYesNo = Field(default=None, title="服务指引牌", json_schema_extra=NOT_RECORDED)


class StationYearRecord(CaseRecord):
    """A station's work over one calendar year, as its annual work record states it (一.2–一.6)."""

    kind_zh: ClassVar[str] = "工作站年度工作"
    kind_en: ClassVar[str] = "station_year"
    type: Literal["station_year"]
    year: int = Field(ge=2000, le=2100, title="年度")
    date: dt.date | None = Field(
        default=None, title="填报日期", json_schema_extra=blank("不影响判定", "no effect")
    )
    trainings: int | None = Field(default=None, ge=0, title="宣讲培训场次", json_schema_extra=NOT_RECORDED)
    publicity: int | None = Field(default=None, ge=0, title="日常宣传次数", json_schema_extra=NOT_RECORDED)
    consultation_requests: int | None = Field(
        default=None, ge=0, title="咨询请求人次", json_schema_extra=NOT_RECORDED
    )
    consultations: int | None = Field(
        default=None, ge=0, title="咨询服务人次", json_schema_extra=NOT_RECORDED
    )
    visits: int | None = Field(default=None, ge=0, title="走访调研次数", json_schema_extra=NOT_RECORDED)
    archive: MaybeYesNo = Field(default=None, title="园区工作档案", json_schema_extra=NOT_RECORDED)
    rapid_mechanism: MaybeYesNo = Field(
        default=None, title="快速沟通解决机制", json_schema_extra=NOT_RECORDED
    )
    coaching: int | None = Field(default=None, ge=0, title="业务辅导次数", json_schema_extra=NOT_RECORDED)
    dispute_mechanism: MaybeYesNo = Field(default=None, title="纠纷处理机制", json_schema_extra=NOT_RECORDED)
    leads_collected: int | None = Field(
        default=None, ge=0, title="收集纠纷线索数", json_schema_extra=NOT_RECORDED
    )
    leads_reported: int | None = Field(
        default=None, ge=0, title="报告纠纷线索数", json_schema_extra=NOT_RECORDED
    )
    protection_resources: MaybeYesNo = Field(
        default=None, title="对接保护资源", json_schema_extra=NOT_RECORDED
    )
    special_services: Annotated[list[SpecialService], BeforeValidator(_none_or_list)] | None = Field(
        default=None,
        title="特色服务",
        json_schema_extra=blank(
            "未记录：特色服务规则判为无法判定（写“无”表示未开展）",
            "not recorded: the special-service rule is undetermined (write 无 for none)",
        ),
    )
    reported_to: Text | None = Field(
        default=None, title="线索报送单位", json_schema_extra=blank("不影响判定", "no effect")
    )


class StationMediationRecord(CaseRecord):
    """One dispute lead a station collected, and what became of mediation (一.5)."""

    kind_zh: ClassVar[str] = "工作站纠纷调解"
    kind_en: ClassVar[str] = "station_mediation"
    type: Literal["station_mediation"]
    date: dt.date = Field(title="线索收集日期")
    dispute: Text | None = Field(
        default=None, title="纠纷事项", json_schema_extra=blank("不影响判定", "no effect")
    )
    parties: Names = Field(
        default_factory=list, title="当事人", json_schema_extra=blank("不影响判定", "no effect")
    )
    mediation: MediationOutcome | None = Field(
        default=None,
        title="调解情况",
        json_schema_extra=blank(
            "未记录：调解规则判为无法判定", "not recorded: the mediation rule is undetermined"
        ),
    )


MODELS: tuple[type[CaseRecord], ...] = (StationInspectionRecord, StationYearRecord, StationMediationRecord)
