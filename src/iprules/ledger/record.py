"""What every ledger record is: a kind, optional note, and (for case records) a case id.

Record kinds live in their own modules (`model.py` for the first-inquiry and dispute
records, others beside it) and are registered in `model.RECORD_KINDS`. Closed vocabularies
accept the Chinese word or the English code and store the code, so rules compare codes
whatever language the clerk typed in.
"""

from __future__ import annotations

from typing import Annotated, Any, ClassVar

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field

YES_WORDS = {"是", "true", "yes", "y", "1", "√", "对"}
NO_WORDS = {"否", "false", "no", "n", "0", "×", "不是"}


def _yes_no(value: Any) -> Any:
    if isinstance(value, str):
        word = value.strip().lower()
        if word in YES_WORDS:
            return True
        if word in NO_WORDS:
            return False
    return value


def split_list(value: Any) -> Any:
    """A list cell may hold several names or words separated the way Chinese clerks write them."""
    if isinstance(value, str):
        for separator in "、，,;；":
            value = value.replace(separator, "\n")
        return [part.strip() for part in value.split("\n") if part.strip()]
    return value


def code_of(vocabulary: dict[str, str]) -> Any:
    def convert(value: Any) -> Any:
        if isinstance(value, str):
            word = value.strip()
            return vocabulary.get(word, word)
        return value

    return convert


def blank(zh: str, en: str) -> dict[str, Any]:
    """What an empty cell of an optional field means, declared where the field is.

    A blank must never silently decide a verdict: each optional field says what leaving it
    empty means (nothing, "not recorded so the rule cannot decide", or a named
    interpretation), and docs/vocabulary.md and the template show it to the clerk.
    Use as `Field(default=None, title=…, json_schema_extra=blank("…", "…"))`.
    """
    return {"blank": {"zh": zh, "en": en}}


def blank_meaning(info: Any) -> dict[str, str] | None:
    """The `blank(...)` declaration of a pydantic field, if it has one."""
    extra = getattr(info, "json_schema_extra", None)
    if isinstance(extra, dict) and isinstance(extra.get("blank"), dict):
        return dict(extra["blank"])
    return None


def _yes_no_or_blank(value: Any) -> Any:
    """是/否, and an empty cell stays empty: a blank never silently means 否."""
    if isinstance(value, str) and not value.strip():
        return None
    return _yes_no(value)


YesNo = Annotated[bool, BeforeValidator(_yes_no)]
MaybeYesNo = Annotated[bool | None, BeforeValidator(_yes_no_or_blank)]
"""A yes/no column whose blank is "not recorded" (each field's `blank()` says what follows)."""
Names = Annotated[list[Annotated[str, Field(min_length=1)]], BeforeValidator(split_list)]
Text = Annotated[str, Field(min_length=1)]


class Record(BaseModel):
    """A ledger line. `note` is free text a clerk may add; any other unknown field is a typo."""

    model_config = ConfigDict(frozen=True, extra="forbid", str_strip_whitespace=True)

    kind_zh: ClassVar[str]
    kind_en: ClassVar[str]
    note: str | None = Field(default=None, title="备注")


class CaseRecord(Record):
    case: Text = Field(title="案件编号")
