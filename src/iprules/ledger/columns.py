"""What a clerk sees of each field of a record kind: its header, what to write, which words.

Read off the pydantic models in `RECORD_KINDS`, so the template, the reports and the example
converters follow a new record kind or field without being told. Closed vocabularies come
from the model (a `Literal` with its Chinese words) or from the policy (positions, units).
"""

from __future__ import annotations

import datetime as dt
import types
import typing
from dataclasses import dataclass
from typing import Any

from pydantic import BeforeValidator
from pydantic.fields import FieldInfo

from iprules.i18n import Text, text
from iprules.ledger.model import RECORD_KINDS
from iprules.ledger.record import blank_meaning

POLICY_VOCABULARIES: dict[str, str] = {
    "position": "positions",
    "party_post": "party_group_posts",
    "unit": "units",
    "handled_by": "units",
    "cooperated_by": "units",
    "accepted_by": "units",
    "determined_by": "units",
    "provided_by": "units",
}
"""Fields whose words are a policy parameter's keys, whatever record kind has them."""

POLICY_LIST_NAMES: dict[str, tuple[str, str]] = {
    "positions": ("政策规定的职位排序", "the policy's ranking of positions"),
    "party_group_posts": ("政策规定的党组职务", "the policy's party-group posts"),
    "units": ("政策规定的单位名录", "the policy's list of units"),
}
"""How a clerk reads the name of a policy list: never its key (`units`) in Chinese."""

Shape = typing.Literal["text", "date", "time", "yes_no", "number", "names", "choice"]


@dataclass(frozen=True)
class Column:
    kind: str
    name: str
    title: str
    required: bool
    shape: Shape
    words: tuple[str, ...]  # a closed vocabulary's words as a clerk writes them
    policy_list: str | None  # the policy parameter listing the allowed words
    blank: dict[str, str] | None = None  # what an empty cell means (ledger.record.blank)
    whole: bool = True  # a number column: whole numbers only (a count), else any (an area)
    low: float | None = None  # a number column's least allowed value (ge)
    high: float | None = None  # and its greatest (le)
    codes: tuple[str, ...] = ()  # a multi-value vocabulary's codes, in the order of `words`

    def header(self, lang: str) -> str:
        return self.title if lang == "zh" else self.name

    def explain(self) -> Text:
        """One sentence on what to write in the column."""
        need = ("必填", "required") if self.required else ("选填", "optional")
        how = {
            "text": ("文字", "text"),
            "date": ("日期，写作 2026-03-02（也可用 Excel 日期格式）", "a date, 2026-03-02 or an Excel date"),
            "time": ("时间，写作 09:30", "a time, 09:30"),
            "yes_no": ("从下拉列表中选择“是”或“否”", "yes or no (是/否), from the drop-down"),
            "number": self._number(),
            "names": (
                ("可填多个，用“、”分隔，可选：" + "、".join(self.words))
                if self.words
                else "可填多个，用“、”分隔",
                ("several allowed, separated by 、 or commas, from: " + ", ".join(self.words))
                if self.words
                else "several allowed, separated by 、 or commas",
            ),
            "choice": ("从下拉列表中选择：" + "、".join(self.words), "one of: " + ", ".join(self.words)),
        }[self.shape]
        zh, en = (
            f"{self.title}（{self.name}）：{need[0]}；{how[0]}",
            f"{self.name} ({self.title}): {need[1]}; {how[1]}",
        )
        if self.policy_list:
            named = POLICY_LIST_NAMES.get(self.policy_list, (self.policy_list, self.policy_list))
            zh += f"；从下拉列表中选择（{named[0]}）"
            en += f"; pick from the list ({named[1]}, policy parameter {self.policy_list})"
        if self.blank:
            zh += "；留空：" + self.blank["zh"]
            en += "; if blank: " + self.blank["en"]
        return text(zh, en)

    def _number(self) -> tuple[str, str]:
        kind = (
            ("整数（阿拉伯数字，如 3）", "a whole number in digits, e.g. 3")
            if self.whole
            else (
                "数字（阿拉伯数字，如 15 或 15.5）",
                "a number in digits, e.g. 15 or 15.5",
            )
        )
        zh, en = kind
        if self.low is not None and self.high is not None:
            zh += f"，{self.low:g} 至 {self.high:g}"
            en += f", {self.low:g} to {self.high:g}"
        elif self.low is not None:
            zh += f"，不小于 {self.low:g}"
            en += f", at least {self.low:g}"
        return zh, en


def _vocabulary(info: FieldInfo | None, extra: tuple[Any, ...] = ()) -> dict[str, str]:
    """Chinese word → code of a `code_of` vocabulary, found in the field's validators (or in
    those of a list's items, `extra`)."""
    for item in (*(info.metadata if info is not None else ()), *extra):
        if isinstance(item, BeforeValidator):
            for cell in getattr(item.func, "__closure__", None) or ():
                contents = cell.cell_contents
                if isinstance(contents, dict) and contents and all(isinstance(k, str) for k in contents):
                    return dict(contents)
    return {}


def _list_words(annotation: Any) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The codes and Chinese words of a multi-value column whose items are a closed vocabulary
    (`list[Annotated[Literal[...], BeforeValidator(code_of(...))]]`), else ((), ())."""
    args = typing.get_args(annotation)
    item = args[0] if len(args) == 1 else None
    codes = tuple(str(code) for code in _literal_codes(item))
    if not codes:
        return (), ()
    vocabulary: dict[str, str] = {}
    for meta in getattr(item, "__metadata__", ()):
        if isinstance(meta, BeforeValidator):
            for cell in getattr(meta.func, "__closure__", None) or ():
                if isinstance(cell.cell_contents, dict):
                    vocabulary = dict(cell.cell_contents)
    by_code = _first_words(vocabulary)
    return codes, tuple(by_code.get(code, code) for code in codes)


def _literal_codes(annotation: Any) -> tuple[Any, ...]:
    """The codes of a `Literal` (inside `Annotated` or `| None`), else ()."""
    if typing.get_origin(annotation) is typing.Annotated:
        annotation = typing.get_args(annotation)[0]
    return next(
        (typing.get_args(o) for o in _options(annotation) if typing.get_origin(o) is typing.Literal), ()
    )


def _options(annotation: Any) -> tuple[Any, ...]:
    if typing.get_origin(annotation) in (typing.Union, types.UnionType):
        return tuple(option for option in typing.get_args(annotation) if option is not type(None))
    return (annotation,)


def _bare(option: Any) -> tuple[Any, tuple[Any, ...]]:
    """A type without its `Annotated` wrapper, and the wrapper's metadata."""
    if typing.get_origin(option) is typing.Annotated:
        return typing.get_args(option)[0], tuple(option.__metadata__)
    return option, ()


def _first_words(vocabulary: dict[str, str]) -> dict[str, str]:
    """Code → the first Chinese word listed for it (several words may mean one code, e.g.
    已调解 and 调解成功; the first is the one a report shows)."""
    by_code: dict[str, str] = {}
    for word, code in vocabulary.items():
        by_code.setdefault(code, word)
    return by_code


def _words(option: Any, info: FieldInfo, extra: tuple[Any, ...]) -> tuple[str, ...]:
    by_code = _first_words(_vocabulary(info, extra))
    return tuple(by_code.get(code, str(code)) for code in typing.get_args(option))


def _bounds(metadata: list[Any]) -> tuple[float | None, float | None]:
    low = next((float(item.ge) for item in metadata if getattr(item, "ge", None) is not None), None)
    high = next((float(item.le) for item in metadata if getattr(item, "le", None) is not None), None)
    return low, high


def _column(kind: str, name: str, info: FieldInfo) -> Column:
    shape: Shape = "text"
    words: tuple[str, ...] = ()
    codes: tuple[str, ...] = ()
    whole = True
    for raw in _options(info.annotation):
        option, metadata = _bare(raw)
        origin = typing.get_origin(option)
        if option is bool:
            shape, words = "yes_no", ("是", "否")
        elif option is int or option is float:
            shape, whole = "number", option is int
        elif isinstance(option, type) and issubclass(option, dt.date):
            shape = "date"
        elif option is dt.time:
            shape = "time"
        elif origin is list:
            shape = "names"
            codes, _ = _list_words(option)
            item, item_metadata = _bare(typing.get_args(option)[0])
            if typing.get_origin(item) is typing.Literal:
                words = _words(item, info, item_metadata)
        elif origin is typing.Literal:
            shape, words = "choice", _words(option, info, metadata)
            codes = tuple(str(code) for code in typing.get_args(option))
    low, high = _bounds(info.metadata) if shape == "number" else (None, None)
    return Column(
        kind=kind,
        name=name,
        title=info.title or name,
        required=info.is_required(),
        shape=shape,
        words=words,
        policy_list=POLICY_VOCABULARIES.get(name),
        blank=blank_meaning(info),
        whole=whole,
        low=low,
        high=high,
        codes=codes,
    )


def columns(kind: str) -> list[Column]:
    """The columns of a record kind's table in the model's order, the free-text note last
    (`type` is the table itself)."""
    fields = RECORD_KINDS[kind].model_fields
    names = [name for name in fields if name not in ("type", "note")] + [n for n in ("note",) if n in fields]
    return [_column(kind, name, fields[name]) for name in names]


def show(column: Column, value: Any, lang: str = "zh") -> str:
    """A record's value as a clerk would have typed it into the column."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return ("是" if value else "否") if lang == "zh" else ("yes" if value else "no")
    words = dict(zip(column.codes, column.words, strict=True)) if lang == "zh" and column.codes else {}
    if isinstance(value, (list, tuple)):
        return "、".join(words.get(str(item), str(item)) for item in value)
    if isinstance(value, dt.date):
        return value.isoformat()
    return words.get(str(value), str(value))
