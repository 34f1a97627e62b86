"""Opening the store: an engine whose every transaction is safe beside another process's, and
the schema brought up to date (Alembic, migrations shipped in this package) before first use.

SQLite: each transaction that may write starts with `BEGIN IMMEDIATE`, so a writer takes the write lock when
it starts rather than upgrading to it half-way (two deferred transactions that both read, then
both want to write, make one fail with "database is locked"); a second process waits for the
lock (busy timeout) instead of failing. PostgreSQL: the migrations run under a transaction-level
advisory lock, so two first runs on an empty database do not both create the tables.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from alembic.util.exc import CommandError
from sqlalchemy import Connection, Engine, create_engine, event, text
from sqlalchemy.engine import URL
from sqlalchemy.exc import DatabaseError, OperationalError
from sqlalchemy.pool import NullPool

from iprules.store.errors import StoreError
from iprules.store.location import shown

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
BUSY_SECONDS = 600  # how long a recording waits for another process's (SQLite)
READING = "iprules_reading"
_MIGRATION_LOCK = 0x69707275  # "ipru": the advisory lock key of the migrations (PostgreSQL)


def _config() -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return config


def head_revision() -> str | None:
    return ScriptDirectory.from_config(_config()).get_current_head()


def reading(engine: Engine) -> Connection:
    """A connection that only reads: on SQLite its transactions do not take the write lock, so
    `iprules history` runs while a check is being recorded (it sees the checks committed)."""
    return engine.connect().execution_options(**{READING: True})


def make_engine(url: URL) -> Engine:
    if url.get_backend_name() == "sqlite":
        engine = create_engine(url, poolclass=NullPool, connect_args={"timeout": BUSY_SECONDS})

        @event.listens_for(engine, "connect")
        def _no_implicit_transactions(dbapi_connection: Any, record: Any) -> None:
            dbapi_connection.isolation_level = None  # BEGIN is ours (below), not the driver's
            dbapi_connection.execute("PRAGMA foreign_keys = ON")

        @event.listens_for(engine, "begin")
        def _begin_immediate(connection: Any) -> None:
            # a reader (`reading`) begins deferred: it never waits for a recording under way
            deferred = connection.get_execution_options().get(READING, False)
            connection.exec_driver_sql("BEGIN" if deferred else "BEGIN IMMEDIATE")

        return engine
    return create_engine(url, poolclass=NullPool)


def open_engine(url: URL) -> Engine:
    """An engine on an up-to-date store; a `StoreError` saying what is wrong otherwise."""
    engine = make_engine(url)
    try:
        migrate(engine)
    except (OperationalError, DatabaseError) as error:
        engine.dispose()
        raise StoreError(
            f"无法打开检查记录库 {shown(url)}：{_reason(error)}",
            f"cannot open the store of checks {shown(url)}: {_reason(error)}",
        ) from error
    except CommandError as error:
        engine.dispose()
        raise StoreError(
            f"检查记录库 {shown(url)} 的结构版本本程序不认识（{error}）：它可能由更新的 iprules 建立，请升级 iprules",
            f"the store of checks {shown(url)} has a schema revision this iprules does not know ({error}): "
            "a newer iprules may have made it; upgrade iprules",
        ) from error
    return engine


def migrate(engine: Engine) -> None:
    """Bring the schema to the newest revision, in one transaction, one process at a time."""
    head = head_revision()
    with engine.begin() as connection:
        if connection.dialect.name == "postgresql":
            connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _MIGRATION_LOCK})
        current = MigrationContext.configure(connection).get_current_revision()
        if current == head:
            return
        config = _config()
        config.attributes["connection"] = connection
        command.upgrade(config, "head")


def _reason(error: DatabaseError) -> str:
    original = getattr(error, "orig", None)
    return str(original if original is not None else error).strip().splitlines()[0]
