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
from iprules.ledger.record import CaseRecord, Names, Record, Text, YesNo, code_of

DISPUTE_KINDS: dict[str, str] = {"商标": "trademark", "专利": "patent"}
DisputeKind = Annotated[Literal["trademark", "patent"], BeforeValidator(code_of(DISPUTE_KINDS))]


class StaffRecord(Record):
    """A staff member of the bureau: reference data, joined into case facts by name."""

    kind_zh: ClassVar[str] = "人员"
    kind_en: ClassVar[str] = "staff"
    type: Literal["staff"]
    name: Text = Field(title="姓名")
    position: Text = Field(title="职务")
    unit: Text | None = Field(default=None, title="单位")


class InquiryRecord(CaseRecord):
    """One moment of being asked. Several names asked `together` are one moment; several
    names not together were asked one after another, in the order written."""

    kind_zh: ClassVar[str] = "询问"
    kind_en: ClassVar[str] = "inquiry"
    type: Literal["inquiry"]
    date: dt.date = Field(title="日期")
    asked: Names = Field(min_length=1, title="被问人员")
    together: YesNo = Field(default=False, title="同时被问")
    matter: str | None = Field(default=None, title="事项")
    # last, so workbooks filled before it existed keep their column order
    time: dt.time | None = Field(default=None, title="时间")


class FirstResponderRecord(CaseRecord):
    """The first responder the case file names."""

    kind_zh: ClassVar[str] = "首问责任人"
    kind_en: ClassVar[str] = "first_responder"
    type: Literal["first_responder"]
    staff: Text = Field(title="首问责任人")
    date: dt.date | None = Field(default=None, title="日期")


class DisputeRecord(CaseRecord):
    """An IP dispute case: who raised it, of which kind, and which units handled it."""

    kind_zh: ClassVar[str] = "纠纷"
    kind_en: ClassVar[str] = "dispute"
    type: Literal["dispute"]
    enterprise: Text = Field(title="企业")
    key_enterprise: YesNo = Field(default=False, title="重点企业")
    kind: DisputeKind = Field(title="纠纷类型")
    handled_by: str | None = Field(default=None, title="处理单位")
    cooperated_by: Names = Field(default_factory=list, title="配合单位")
    date: dt.date | None = Field(default=None, title="日期")


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
