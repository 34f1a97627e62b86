"""Record kinds for 一 (the duties of an IP service station): what the bureau logs about a station.

A station is its own case: its case id names it (e.g. "工作站-东城经济开发区"), so an
inspection and the station's yearly work records are judged together.

- 工作站检查 (station_inspection): what an inspector found on site — the fixed office and its
  area, the full-time staff, the equipment, the unified signage (一.1).
- 工作站年度工作 (station_year): the station's work over one year — trainings, publicity,
  consultations, visits and the park work archive, coaching, the dispute mechanism and dispute
  leads, special services (一.2–一.6).

Every observation is optional: a blank cell is "not recorded", which the rules judge as
undetermined, never as "no".
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, ClassVar, Literal

from pydantic import BeforeValidator, Field

from iprules.ledger.record import CaseRecord, Names, Text, YesNo, code_of, split_list

SPECIAL_SERVICES: dict[str, str] = {
    "培育引导": "cultivation",
    "高价值专利培育": "cultivation",
    "保护资源协调": "coordination",
    "维权援助": "coordination",
    "转化运用": "transfer",
    "供需对接": "transfer",
    "知识产权金融": "transfer",
    "行业引领": "industry",
    "其他": "other",
    "其他特色工作": "other",
}
SpecialService = Annotated[
    Literal["cultivation", "coordination", "transfer", "industry", "other"],
    BeforeValidator(code_of(SPECIAL_SERVICES)),
]


def _service_list(value: object) -> object:
    """Several services in one cell, separated the way Chinese clerks write lists; "无" is none."""
    if isinstance(value, str) and value.strip() in ("无", "没有", "none"):
        return []
    return split_list(value)


class StationInspectionRecord(CaseRecord):
    """An on-site inspection of a service station (一.1)."""

    kind_zh: ClassVar[str] = "工作站检查"
    kind_en: ClassVar[str] = "station_inspection"
    type: Literal["station_inspection"]
    date: dt.date = Field(title="检查日期")
    park: str | None = Field(default=None, title="所属园区或机构")
    inspectors: Names = Field(default_factory=list, title="检查人员")
    fixed_office: YesNo | None = Field(default=None, title="固定办公场所")
    office_area: float | None = Field(default=None, ge=0, title="办公面积（平方米）")
    full_time_staff: int | None = Field(default=None, ge=0, title="专职工作人员人数")
    staff_names: Names = Field(default_factory=list, title="专职工作人员")
    computer: YesNo | None = Field(default=None, title="上网计算机")
    printer: YesNo | None = Field(default=None, title="打印机")
    publicity_sign: YesNo | None = Field(default=None, title="宣传标识")
    image_wall: YesNo | None = Field(default=None, title="形象墙")
    database_board: YesNo | None = Field(default=None, title="资源数据库展示牌")
    guide_board: YesNo | None = Field(default=None, title="服务指引牌")


class StationYearRecord(CaseRecord):
    """A station's work over one calendar year, as its annual work record states it (一.2–一.6)."""

    kind_zh: ClassVar[str] = "工作站年度工作"
    kind_en: ClassVar[str] = "station_year"
    type: Literal["station_year"]
    year: int = Field(ge=2000, le=2100, title="年度")
    date: dt.date | None = Field(default=None, title="填报日期")
    trainings: int | None = Field(default=None, ge=0, title="宣讲培训场次")
    publicity: int | None = Field(default=None, ge=0, title="日常宣传次数")
    consultations: int | None = Field(default=None, ge=0, title="咨询服务人次")
    visits: int | None = Field(default=None, ge=0, title="走访调研次数")
    archive: YesNo | None = Field(default=None, title="园区工作档案")
    coaching: int | None = Field(default=None, ge=0, title="业务辅导次数")
    dispute_mechanism: YesNo | None = Field(default=None, title="纠纷处理机制")
    leads_collected: int | None = Field(default=None, ge=0, title="收集纠纷线索数")
    leads_reported: int | None = Field(default=None, ge=0, title="报告纠纷线索数")
    special_services: Annotated[list[SpecialService] | None, BeforeValidator(_service_list)] = Field(
        default=None, title="特色服务"
    )
    reported_to: Text | None = Field(default=None, title="线索报送单位")


MODELS: tuple[type[CaseRecord], ...] = (StationInspectionRecord, StationYearRecord)
