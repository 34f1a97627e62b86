"""What every ledger record is: a kind, optional note, and (for case records) a case id.

Record kinds live in their own modules (`model.py` for the first-inquiry and dispute
records, others beside it) and are registered in `model.RECORD_KINDS`. Closed vocabularies
accept the Chinese word or the English code and store the code, so rules compare codes
whatever language the clerk typed in.
"""

from __future__ import annotations

import datetime as dt
import functools
import types
import typing
import unicodedata
from typing import Annotated, Any, ClassVar

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, model_validator
from pydantic_core import PydanticCustomError

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


TRAILING_PUNCTUATION = "。；;，,、.．"
"""What a clerk may leave at the end of a cell (a sentence's full stop, a last separator)."""


def split_list(value: Any) -> Any:
    """A list cell may hold several names or words separated the way Chinese clerks write them.

    A trailing 。 or ； ends the list, it is not a word: `受理、办理。` is two words."""
    if isinstance(value, str):
        value = value.strip().rstrip(TRAILING_PUNCTUATION)
        for separator in "、，,;；":
            value = value.replace(separator, "\n")
        return [part.strip() for part in value.split("\n") if part.strip()]
    return value


def code_of(vocabulary: dict[str, str]) -> Any:
    def convert(value: Any) -> Any:
        if isinstance(value, str):
            word = value.strip()
            if word not in vocabulary:
                word = word.rstrip(TRAILING_PUNCTUATION).strip() or word
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


def case_id(value: str) -> str:
    """A case id as the clerk meant it: full-width letters and digits (ＭＪ－００１, typed with
    a Chinese input method) are the same id as MJ-001 (Unicode NFKC), and an id holding a
    line break, NUL or another control character is refused, since no case file is numbered so
    and such a cell is a copy-paste accident that would silently start a case of its own."""
    if value.isascii():
        value = value.strip()  # NFKC leaves ASCII as it is
        if value.isprintable():  # no ASCII control character: nothing to refuse (the usual id)
            return value
    else:
        value = unicodedata.normalize("NFKC", value).strip()
    bad = next((char for char in value if unicodedata.category(char) in ("Cc", "Zl", "Zp")), None)
    if bad is not None:
        raise PydanticCustomError(
            "control_character", "control character {code}", {"code": f"U+{ord(bad):04X}"}
        )
    return value


INT_RANGE = (-(2**63), 2**63 - 1)
"""Whole numbers a ledger may hold: beyond this no count or year is meant, and the engine's
JSON cannot carry it."""


@functools.cache
def _date_fields(model: type[BaseModel]) -> tuple[str, ...]:
    found = []
    for name, info in model.model_fields.items():
        annotation = info.annotation
        if typing.get_origin(annotation) in (typing.Union, types.UnionType):
            options: tuple[Any, ...] = typing.get_args(annotation)
        else:
            options = (annotation,)
        if any(isinstance(option, type) and issubclass(option, dt.date) for option in options):
            found.append(name)
    return tuple(found)


def _is_bare_number(value: Any) -> bool:
    if isinstance(value, bool):
        return False
    if isinstance(value, (int, float)):
        return True
    return isinstance(value, str) and value.strip().lstrip("+-").replace(".", "", 1).isdigit()


YesNo = Annotated[bool, BeforeValidator(_yes_no)]
MaybeYesNo = Annotated[bool | None, BeforeValidator(_yes_no_or_blank)]
"""A yes/no column whose blank is "not recorded" (each field's `blank()` says what follows)."""
Names = Annotated[list[Annotated[str, Field(min_length=1)]], BeforeValidator(split_list)]
Text = Annotated[str, Field(min_length=1)]
CaseId = Annotated[str, Field(min_length=1), AfterValidator(case_id)]


class Record(BaseModel):
    """A ledger line. `note` is free text a clerk may add; any other unknown field is a typo.

    Numbers are finite (`inf`, `1e400` and NaN are no area or count) and fit in 64 bits; a
    date is never a bare number (pydantic would read "0" or 86400 as a Unix timestamp,
    1970-01-01 — a date is written 2026-03-02, or is an Excel date cell)."""

    model_config = ConfigDict(frozen=True, extra="forbid", str_strip_whitespace=True, allow_inf_nan=False)

    kind_zh: ClassVar[str]
    kind_en: ClassVar[str]
    # The audit date (`iprules.as_of`): a record whose `dated_by` field (a date, or a year) is
    # after it is set aside, not checked; any other date after it is an event that had not yet
    # happened, read as blank together with the fields `happened_with` names as describing it.
    dated_by: ClassVar[tuple[str, ...]] = ("date", "year")
    happened_with: ClassVar[dict[str, tuple[str, ...]]] = {}
    note: str | None = Field(default=None, title="备注")

    @model_validator(mode="before")
    @classmethod
    def _no_timestamp_dates(cls, data: Any) -> Any:
        if isinstance(data, dict):
            for name in _date_fields(cls):
                value = data.get(name)
                if value is not None and _is_bare_number(value):
                    raise PydanticCustomError(
                        "date_is_number", "a date written as a bare number", {"field": name, "given": value}
                    )
        return data

    @model_validator(mode="after")
    def _whole_numbers_in_range(self) -> Record:
        low, high = INT_RANGE
        for name, value in self.__dict__.items():
            if type(value) is int and not low <= value <= high:
                raise PydanticCustomError(
                    "number_too_large", "a number beyond 64 bits", {"field": name, "given": str(value)}
                )
        return self


class CaseRecord(Record):
    case: CaseId = Field(title="案件编号")
