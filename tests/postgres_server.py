"""A real, throw-away PostgreSQL server for the store's tests: initdb and pg_ctl in a temporary
folder, on a free loopback port, stopped and deleted afterwards. Never a mock.

PostgreSQL refuses to run as root, so as root the server runs as the user `nobody` (runuser).
Without server binaries the tests are skipped — except in CI (CI=true), where .ci/run installs
them and a missing server is a failure.
"""

from __future__ import annotations

import contextlib
import glob
import os
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

SERVER_USER = "nobody"


def server_binaries() -> Path | None:
    """The folder holding initdb and pg_ctl: on PATH, else Debian's /usr/lib/postgresql/*/bin."""
    found = shutil.which("pg_ctl")
    if found and shutil.which("initdb"):
        return Path(found).resolve().parent
    versions = sorted(glob.glob("/usr/lib/postgresql/*/bin/pg_ctl"), key=lambda p: int(p.split("/")[4]))
    return Path(versions[-1]).parent if versions else None


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@contextlib.contextmanager
def running_server() -> Iterator[str]:
    """A started server; yields the SQLAlchemy URL of its `postgres` database."""
    binaries = server_binaries()
    assert binaries is not None
    folder = Path(tempfile.mkdtemp(prefix="iprules-pg-"))
    prefix: list[str] = []
    if os.geteuid() == 0:
        shutil.chown(folder, user=SERVER_USER)
        prefix = ["runuser", "-u", SERVER_USER, "--"]
    data = folder / "data"
    port = _free_port()

    def run(*command: str) -> None:
        done = subprocess.run([*prefix, *command], cwd=folder, capture_output=True, text=True, timeout=120)
        assert done.returncode == 0, f"{command[0]} failed: {done.stdout}{done.stderr}"

    try:
        run(
            str(binaries / "initdb"),
            "-D",
            str(data),
            "-U",
            "iprules",
            "--auth=trust",
            "-E",
            "UTF8",
            "--locale=C.UTF-8",
        )
        options = f"-p {port} -k {folder} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=40"
        run(
            str(binaries / "pg_ctl"),
            "-D",
            str(data),
            "-o",
            options,
            "-l",
            str(folder / "log"),
            "-w",
            "-t",
            "60",
            "start",
        )
        try:
            yield f"postgresql+psycopg://iprules@127.0.0.1:{port}/postgres"
        finally:
            subprocess.run(
                [*prefix, str(binaries / "pg_ctl"), "-D", str(data), "-m", "immediate", "-w", "stop"],
                cwd=folder,
                capture_output=True,
                timeout=120,
            )
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def postgres_or_skip() -> Iterator[str]:
    """For a module-scoped fixture: a running server's URL, or skip (fail in CI)."""
    if server_binaries() is None:
        if os.environ.get("CI") == "true":
            pytest.fail(
                "CI needs the PostgreSQL server binaries (initdb, pg_ctl): .ci/run installs postgresql"
            )
        pytest.skip("no PostgreSQL server binaries (initdb, pg_ctl) on this machine")
    with running_server() as url:
        yield url


_created = 0


def fresh_database(server: str) -> str:
    """A new, empty database on the server; its URL."""
    import psycopg

    global _created
    _created += 1
    name = f"store_{os.getpid()}_{_created}"
    plain = server.replace("postgresql+psycopg://", "postgresql://")
    with psycopg.connect(plain, autocommit=True) as connection:
        connection.execute(f'CREATE DATABASE "{name}"')
    return server.rsplit("/", 1)[0] + f"/{name}"
