"""Parsed Gherkin documents, kept between runs, keyed by the hash of their text.

Every check reads the policy's clauses from its feature files, and the Gherkin parser takes
~0.1 s for them: a third of a small check's start-up. A parse depends only on the file's text
and the parser's version, so it is stored under their hash (orjson, in the user's cache
folder: `$IPRULES_CACHE`, else `$XDG_CACHE_HOME/iprules`, else `~/.cache/iprules`) and read
back when the same text is parsed again; a changed file has another hash, so nothing stale can
be read. A cache that cannot be read or written is no error: the file is parsed as before.
`IPRULES_CACHE=off` turns it off.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import gherkin.parser
import orjson

from iprules import __version__


def _folder() -> Path | None:
    chosen = os.environ.get("IPRULES_CACHE")
    if chosen == "off":
        return None
    if chosen:
        return Path(chosen)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "iprules"


def _parser_version() -> str:
    """The installed parser, as its file's size and time (reading the package's metadata
    costs more than the parse saved): another install is another key."""
    stat = Path(gherkin.parser.__file__).stat()
    return f"{stat.st_size}:{stat.st_mtime_ns}"


def cached_parse(text: str, parse: Callable[[str], dict[str, Any]]) -> dict[str, Any]:
    """`parse(text)`, or what it gave for the same text before."""
    folder = _folder()
    if folder is None:
        return parse(text)
    key = hashlib.sha256(f"{__version__}\0{_parser_version()}\0{text}".encode()).hexdigest()
    path = folder / f"feature-{key}.json"
    try:
        stored: dict[str, Any] = orjson.loads(path.read_bytes())
        return stored
    except (OSError, orjson.JSONDecodeError):
        pass
    document = parse(text)
    _store(path, document)
    return document


def _store(path: Path, document: dict[str, Any]) -> None:
    """Written beside and renamed: a reader never sees half a file."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        descriptor, name = tempfile.mkstemp(dir=path.parent, prefix=".feature-", suffix=".part")
    except OSError:
        return
    try:
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(orjson.dumps(document))
        os.replace(name, path)
    except (OSError, TypeError):
        Path(name).unlink(missing_ok=True)
