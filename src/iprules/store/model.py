"""A recorded check and its findings as the store gives them back (and as a JSON report is read
for `iprules diff`): plain models, no policy needed to show them."""

from __future__ import annotations

import datetime as dt
from typing import Any

from pydantic import BaseModel, ConfigDict

from iprules.check import InputFile
from iprules.findings import Verdict
from iprules.i18n import Text
from iprules.ledger.source import Source


class StoredCheck(BaseModel):
    """One recorded check: when, who, against which policy, on which inputs, with what result."""

    model_config = ConfigDict(frozen=True)

    id: int
    recorded_at: dt.datetime
    recorded_by: str
    policy_name: str
    policy_version: str
    policy_title: str
    iprules_version: str
    as_of: dt.date
    counts: dict[str, int]  # findings per verdict
    summary: dict[str, Any]
    inputs: tuple[InputFile, ...] = ()
    finding_count: int


class StoredFinding(BaseModel):
    """One finding of a recorded check (or of a JSON report, whose messages are in one language)."""

    model_config = ConfigDict(frozen=True)

    id: str
    case: str
    rule: str
    branch: str
    verdict: Verdict
    clauses: tuple[str, ...]
    messages: tuple[Text, ...]
    interpretations: tuple[str, ...] = ()
    evidence: tuple[Source, ...] = ()
    affected_by: tuple[Source, ...] = ()
