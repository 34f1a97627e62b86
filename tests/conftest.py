"""Test-wide configuration: clause tags of the features are known pytest markers."""

from __future__ import annotations

from pathlib import Path

import pytest

from iprules.policy.clauses import read_clauses

ROOT = Path(__file__).resolve().parents[1]


def pytest_configure(config: pytest.Config) -> None:
    # pytest-bdd turns Gherkin tags into markers; --strict-markers then wants each declared.
    for clause in read_clauses(ROOT / "features" / "maojian", ROOT):
        config.addinivalue_line("markers", f"{clause.id}: clause {clause.label} {clause.title}")


@pytest.fixture(autouse=True, scope="session")
def _store_outside_the_checkout(tmp_path_factory: pytest.TempPathFactory) -> None:
    """The workbench records every check in the store, by default ./iprules.db: in tests that
    is a throw-away file (IPRULES_DB), never one in the checkout. A test that names its own
    store (--db, Settings(db=…)) is unaffected."""
    import os

    os.environ.setdefault("IPRULES_DB", str(tmp_path_factory.mktemp("store") / "iprules.db"))
