"""Things a reader noticed and decided for the clerk: reported, never a reason to drop a record.

A warning says what was read and how it was taken (an extra column ignored, the encoding
chosen, a hidden sheet read, a file given twice read once), so a report never hides a
decision the reader made. Rejections are records that could not be read; warnings are not.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict

from iprules.i18n import Text
from iprules.ledger.source import Source


class LedgerWarning(BaseModel):
    """A place in a ledger and what the reader decided there. Not a record: not counted as read."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    source: Source
    reason: Text
