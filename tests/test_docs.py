"""Documentation generated from code stays current."""

from pathlib import Path

from iprules.vocabulary import render

ROOT = Path(__file__).resolve().parents[1]


def test_the_vocabulary_document_matches_the_models_and_facts() -> None:
    current = (ROOT / "docs" / "vocabulary.md").read_text(encoding="utf-8")
    assert current == render(), "run: .venv/bin/python -m iprules.vocabulary > docs/vocabulary.md"


def test_the_readme_names_the_two_set_up_commands() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "make demo" in readme and "make test" in readme
