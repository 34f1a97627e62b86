"""The store of checks: each recorded `iprules check` (when, who, policy, audit date, inputs,
summary, findings with their stable ids) in an SQLite file or a shared PostgreSQL database,
for `iprules history` and `iprules diff`. docs/store.md describes it.
"""

from __future__ import annotations

import datetime as dt
import getpass
import os
from collections.abc import Iterable
from types import TracebackType

from sqlalchemy import Engine
from sqlalchemy.engine import URL
from sqlalchemy.exc import DBAPIError

from iprules.check import Report
from iprules.policy.load import Policy
from iprules.results import PackedFinding
from iprules.store.errors import StoreError
from iprules.store.location import shown, store_url
from iprules.store.model import StoredCheck, StoredFinding
from iprules.store.open import open_engine
from iprules.store.read import get_check, list_checks, load_findings
from iprules.store.record import record_check

__all__ = ["Store", "StoreError", "StoredCheck", "StoredFinding", "current_user", "store_url"]


def current_user() -> str:
    """Who runs this: the OS user, as well as it can be told (a container may have no name for it)."""
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return f"uid {os.getuid()}" if hasattr(os, "getuid") else "unknown"


class Store:
    """An open store; use as a context manager. Opening migrates the schema to this version."""

    def __init__(self, url: URL) -> None:
        self.url = url
        self.engine: Engine = open_engine(url)

    @classmethod
    def open(cls, given: str | None, existing: bool = False) -> Store:
        """The store `--db` names (or IPRULES_DB, or ./iprules.db). `existing`: an SQLite file
        that is not there is an error rather than a new, empty store (for the commands that
        only read what was recorded)."""
        url = store_url(given)
        if existing and url.get_backend_name() == "sqlite" and not os.path.exists(str(url.database)):
            raise StoreError(
                f"没有检查记录库 {url.database}：先用 iprules check … --record 记录检查，或用 --db 指明记录库",
                f"there is no store of checks at {url.database}: record a check first with "
                "iprules check … --record, or name the store with --db",
            )
        return cls(url)

    def record(
        self,
        head: Report,
        found: Iterable[PackedFinding],
        policy: Policy,
        by: str | None = None,
        now: dt.datetime | None = None,
    ) -> int:
        clauses = {rule.id: rule.clauses for rule in policy.rules}
        try:
            return record_check(self.engine, head, found, clauses, by or current_user(), now)
        except DBAPIError as error:
            raise self._failed(
                error, "无法记录本次检查（未写入任何内容）", "cannot record this check (nothing was written)"
            ) from error

    def checks(self) -> list[StoredCheck]:
        try:
            return list_checks(self.engine)
        except DBAPIError as error:
            raise self._failed(error, "无法读取检查记录", "cannot read the recorded checks") from error

    def check(self, check_id: int) -> StoredCheck:
        return get_check(self.engine, check_id)

    def findings(self, check_id: int) -> list[StoredFinding]:
        try:
            return load_findings(self.engine, check_id)
        except DBAPIError as error:
            raise self._failed(error, "无法读取检查记录", "cannot read the recorded checks") from error

    def _failed(self, error: DBAPIError, zh: str, en: str) -> StoreError:
        reason = str(error.orig).strip().splitlines()[0] if error.orig is not None else str(error)
        where = shown(self.url)
        return StoreError(f"{zh}：{where}：{reason}", f"{en}: {where}: {reason}")

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        self.close()
