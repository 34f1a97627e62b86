"""Where the store of checks is: `--db`, else `IPRULES_DB`, else `iprules.db` in the working
folder (beside the ledgers an auditor checks there).

A plain path is an embedded SQLite file; `sqlite:///path` says the same; `postgresql://…` (or
`postgresql+psycopg://…`) is a PostgreSQL server a bureau shares, reached with psycopg 3.
"""

from __future__ import annotations

import os
from pathlib import Path

from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError

from iprules.store.errors import StoreError

DEFAULT_FILE = "iprules.db"
ENVIRONMENT = "IPRULES_DB"


def store_url(given: str | None) -> URL:
    """The database URL of `--db` (or the environment, or the default file)."""
    value = given or os.environ.get(ENVIRONMENT) or DEFAULT_FILE
    if "://" not in value:
        return _sqlite_file(Path(value))
    try:
        url = make_url(value)
    except ArgumentError as error:
        raise StoreError(
            f"--db {value}：不是数据库地址：写文件路径（如 iprules.db），或 postgresql://用户@主机/库名",
            f"--db {value}: not a database address: give a file path (e.g. iprules.db) or "
            "postgresql://user@host/database",
        ) from error
    backend = url.get_backend_name()
    if backend == "sqlite":
        if not url.database or url.database == ":memory:":
            raise StoreError(
                "--db sqlite:// 须指明文件，如 sqlite:///iprules.db（内存数据库关闭即丢失）",
                "--db sqlite:// needs a file, e.g. sqlite:///iprules.db (an in-memory store is lost on exit)",
            )
        return _sqlite_file(Path(url.database))
    if backend == "postgresql":
        if url.get_driver_name() not in ("psycopg", "psycopg2", "") and url.drivername != "postgresql":
            raise StoreError(
                f"--db：不支持的 PostgreSQL 驱动 {url.get_driver_name()}：用 postgresql://…（psycopg 3）",
                f"--db: PostgreSQL driver {url.get_driver_name()} is not supported: use postgresql://… (psycopg 3)",
            )
        return url.set(drivername="postgresql+psycopg")
    raise StoreError(
        f"--db {url.render_as_string(hide_password=True)}：只支持 SQLite 文件和 PostgreSQL（postgresql://…）",
        f"--db {url.render_as_string(hide_password=True)}: only an SQLite file or PostgreSQL "
        "(postgresql://…) is supported",
    )


def _sqlite_file(path: Path) -> URL:
    if path.is_dir():
        raise StoreError(
            f"--db {path}：是文件夹：请给出数据库文件名，如 {path / DEFAULT_FILE}",
            f"--db {path}: is a folder: give a file name, e.g. {path / DEFAULT_FILE}",
        )
    if not path.parent.exists():
        raise StoreError(
            f"--db {path}：文件夹 {path.parent} 不存在：请先建好，或换一个位置",
            f"--db {path}: the folder {path.parent} does not exist: create it or choose another place",
        )
    return URL.create("sqlite", database=str(path))


def shown(url: URL) -> str:
    """The URL as a message may show it: never a password."""
    if url.get_backend_name() == "sqlite":
        return str(url.database)
    return url.render_as_string(hide_password=True)
