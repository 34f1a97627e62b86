"""Where a record came from, so every finding and every rejection can point at it."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict


class Source(BaseModel):
    """A place in a ledger file: a line of a text file, or a row of a workbook sheet."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    file: str
    line: int
    sheet: str | None = None

    def __str__(self) -> str:
        if self.sheet is not None:
            return f"{self.file}:{self.sheet}!{self.line}"
        return f"{self.file}:{self.line}"

    def sort_key(self) -> tuple[str, str, int]:
        return (self.file, self.sheet or "", self.line)
