"""Every scenario under features/ runs as a test (pytest-bdd)."""

from pathlib import Path

from pytest_bdd import scenarios

scenarios(str(Path(__file__).resolve().parents[2] / "features"))
