"""Bilingual text: Chinese is the default language, English on request.

Every user-facing sentence is a `Text` pair, so no report can show one language and
forget the other.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict

Lang = Literal["zh", "en"]
LANGS: tuple[Lang, ...] = ("zh", "en")


class Text(BaseModel):
    """A sentence in both languages."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    zh: str
    en: str

    def __call__(self, lang: Lang) -> str:
        return self.zh if lang == "zh" else self.en

    def format(self, **values: object) -> Text:
        return Text(zh=self.zh.format(**values), en=self.en.format(**values))


def text(zh: str, en: str) -> Text:
    return Text(zh=zh, en=en)


VERDICT_WORDS: dict[str, Text] = {
    "violation": text("违规", "violation"),
    "compliant": text("合规", "compliant"),
    "undetermined": text("无法判定", "undetermined"),
}
