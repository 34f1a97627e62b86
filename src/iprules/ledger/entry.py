"""A record together with its source: the unit every reader yields."""

from __future__ import annotations

from dataclasses import dataclass

from iprules.ledger.record import Record
from iprules.ledger.source import Source


@dataclass(frozen=True, slots=True)
class Entry:
    record: Record
    source: Source
