"""Records that could not be read, and why, in words a clerk can act on."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, ValidationError

from iprules.i18n import Text, text
from iprules.ledger.columns import columns
from iprules.ledger.model import KIND_BY_ZH, RECORD_KINDS
from iprules.ledger.source import Source


class Rejection(BaseModel):
    """A ledger line that was read but could not become a record. Never dropped: reported."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    source: Source
    reason: Text
    # what could still be read of the row: its record kind and its case id (iprules.unread
    # marks the findings of that case that read such records)
    kind: str | None = None
    case: str | None = None


def _field_label(kind: str | None, field: str) -> tuple[str, str]:
    model = RECORD_KINDS.get(kind or "")
    info = model.model_fields.get(field) if model else None
    if info is not None and info.title:
        return f"“{info.title}”（{field}）", f"'{field}'"
    return f"“{field}”", f"'{field}'"


def _words(kind: str | None, field: str) -> tuple[str, ...]:
    """The words a clerk may write in a closed-vocabulary field (Chinese where there are)."""
    if kind not in RECORD_KINDS:
        return ()
    return next((column.words for column in columns(kind) if column.name == field), ())


_KNOWN_KINDS = "、".join(f"{zh}（{code}）" for zh, code in KIND_BY_ZH.items())


def explain(error: ValidationError, raw: dict[str, Any]) -> Text:
    """Turn pydantic's errors into one sentence per problem, naming the field and the fix."""
    kind = raw.get("type") if isinstance(raw.get("type"), str) else None
    zh_parts: list[str] = []
    en_parts: list[str] = []
    for item in error.errors(include_url=False):
        loc = [str(part) for part in item["loc"] if not isinstance(part, int)]
        # a discriminated union puts the kind first in the location: drop it
        if loc and loc[0] == kind:
            loc = loc[1:]
        ctx = item.get("ctx") or {}
        field = str(ctx.get("field", loc[0] if loc else "type"))
        zh_name, en_name = _field_label(kind, field)
        given = ctx.get("given", item.get("input"))
        kind_of_error = item["type"]
        if kind_of_error == "control_character":
            zh_parts.append(
                f"字段{zh_name}的值 {given!r} 含有控制字符 {ctx.get('code')}（换行、NUL 等）：请删除该字符后重新导出"
            )
            en_parts.append(
                f"field {en_name}: {given!r} holds the control character {ctx.get('code')} "
                "(a line break, NUL or similar): delete it and export again"
            )
        elif kind_of_error == "date_is_number":
            zh_parts.append(
                f"字段{zh_name}的值 {given!r} 是一个数字，不是日期：日期应写作 YYYY-MM-DD（如 2026-03-02），"
                "或在 Excel 中设为日期格式的单元格"
            )
            en_parts.append(
                f"field {en_name}: {given!r} is a number, not a date: write YYYY-MM-DD (e.g. 2026-03-02) "
                "or use an Excel date cell"
            )
        elif kind_of_error in ("number_too_large", "finite_number"):
            zh_parts.append(f"字段{zh_name}的值 {given!r} 不是可用的数字（无穷大或过大）：请填写实际的数值")
            en_parts.append(
                f"field {en_name}: {given!r} is not a usable number (infinite or too large): write the real value"
            )
        elif kind_of_error in ("union_tag_invalid", "union_tag_not_found"):
            given = raw.get("type")
            if given is None:
                zh_parts.append(f"缺少记录类型字段 type，应为以下之一：{_KNOWN_KINDS}")
                en_parts.append(f"the record has no 'type'; expected one of: {', '.join(RECORD_KINDS)}")
            else:
                zh_parts.append(f"未知的记录类型 {given!r}，应为以下之一：{_KNOWN_KINDS}")
                en_parts.append(f"unknown record type {given!r}; expected one of: {', '.join(RECORD_KINDS)}")
        elif kind_of_error == "missing":
            zh_parts.append(f"缺少必填字段{zh_name}，请补上")
            en_parts.append(f"required field {en_name} is missing; add it")
        elif kind_of_error == "extra_forbidden":
            zh_parts.append(f"未知字段{zh_name}，请检查拼写或删除（附注请写在 note 字段）")
            en_parts.append(f"unknown field {en_name}; check its spelling or remove it (notes go in 'note')")
        elif kind_of_error.startswith("date") or kind_of_error.startswith("datetime"):
            zh_parts.append(f"字段{zh_name}的值 {given!r} 不是日期，应写作 YYYY-MM-DD，如 2026-03-02")
            en_parts.append(f"field {en_name}: {given!r} is not a date; write YYYY-MM-DD, e.g. 2026-03-02")
        elif kind_of_error.startswith("bool"):
            zh_parts.append(f"字段{zh_name}的值 {given!r} 应为“是”或“否”")
            en_parts.append(f"field {en_name}: {given!r} should be yes or no (是/否)")
        elif kind_of_error == "literal_error":
            expected = item.get("ctx", {}).get("expected", "")
            words = _words(kind, field)
            zh_parts.append(
                f"字段{zh_name}的值 {given!r} 不在可选范围内，应为：{'、'.join(words) or expected}"
            )
            en_parts.append(f"field {en_name}: {given!r} is not one of {expected}")
        elif kind_of_error in ("int_parsing", "float_parsing", "int_type", "float_type", "int_from_float"):
            zh_parts.append(f"字段{zh_name}的值 {given!r} 应为数字（阿拉伯数字，如 15）")
            en_parts.append(f"field {en_name}: {given!r} should be a number written in digits, e.g. 15")
        elif kind_of_error in ("too_short", "string_too_short"):
            zh_parts.append(f"字段{zh_name}不能为空")
            en_parts.append(f"field {en_name} must not be empty")
        else:
            zh_parts.append(f"字段{zh_name}的值 {given!r} 不合要求：{item['msg']}")
            en_parts.append(f"field {en_name}: {given!r} is not valid: {item['msg']}")
    return text("；".join(dict.fromkeys(zh_parts)), "; ".join(dict.fromkeys(en_parts)))
