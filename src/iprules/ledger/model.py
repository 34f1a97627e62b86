"""The record vocabulary of the ledger.

One pydantic model per record kind. A field's `title` is its Chinese column header (used by
the CSV/Excel readers, the workbook template and the feature-file tables), the field name is
its English header. Closed vocabularies accept the Chinese word or the English code and
store the code, so rules compare codes whatever language the clerk typed in.

Adding a record kind: a model here, an entry in `RECORD_KINDS`, and its facts in
`iprules.facts`. The engine and the rule compiler do not change.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, ClassVar, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, TypeAdapter

YES_WORDS = {"是", "true", "yes", "y", "1", "√", "对"}
NO_WORDS = {"否", "false", "no", "n", "0", "×", "", "不是"}

DISPUTE_KINDS: dict[str, str] = {"商标": "trademark", "专利": "patent"}


def _yes_no(value: Any) -> Any:
    if isinstance(value, str):
        word = value.strip().lower()
        if word in YES_WORDS:
            return True
        if word in NO_WORDS:
            return False
    return value


def _name_list(value: Any) -> Any:
    """A list cell may hold several names separated the way Chinese clerks write them."""
    if isinstance(value, str):
        for separator in "、，,;；":
            value = value.replace(separator, "\n")
        return [part.strip() for part in value.split("\n") if part.strip()]
    return value


def _code(vocabulary: dict[str, str]) -> Any:
    def convert(value: Any) -> Any:
        if isinstance(value, str):
            word = value.strip()
            return vocabulary.get(word, word)
        return value

    return convert


YesNo = Annotated[bool, BeforeValidator(_yes_no)]
Names = Annotated[list[Annotated[str, Field(min_length=1)]], BeforeValidator(_name_list)]
DisputeKind = Annotated[Literal["trademark", "patent"], BeforeValidator(_code(DISPUTE_KINDS))]
Text = Annotated[str, Field(min_length=1)]


class Record(BaseModel):
    """A ledger line. `note` is free text a clerk may add; any other unknown field is a typo."""

    model_config = ConfigDict(frozen=True, extra="forbid", str_strip_whitespace=True)

    kind_zh: ClassVar[str]
    kind_en: ClassVar[str]
    note: str | None = Field(default=None, title="备注")


class CaseRecord(Record):
    case: Text = Field(title="案件编号")


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


AnyRecord = Annotated[
    StaffRecord | InquiryRecord | FirstResponderRecord | DisputeRecord,
    Field(discriminator="type"),
]

RECORD_KINDS: dict[str, type[Record]] = {
    "staff": StaffRecord,
    "inquiry": InquiryRecord,
    "first_responder": FirstResponderRecord,
    "dispute": DisputeRecord,
}

KIND_BY_ZH: dict[str, str] = {model.kind_zh: code for code, model in RECORD_KINDS.items()}

record_adapter: TypeAdapter[Record] = TypeAdapter(AnyRecord)


def kind_code(word: str) -> str | None:
    """The record kind a clerk means by `word` (Chinese or English), or None."""
    word = word.strip()
    if word in RECORD_KINDS:
        return word
    return KIND_BY_ZH.get(word)
