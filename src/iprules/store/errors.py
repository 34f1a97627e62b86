"""What goes wrong with a store, in words a user can act on."""

from __future__ import annotations

from iprules.i18n import Text, text


class StoreError(Exception):
    """The store cannot be opened, read or written; the message says why and how to fix it.
    Nothing was recorded (a recording is one transaction)."""

    def __init__(self, zh: str, en: str) -> None:
        super().__init__(zh)
        self.words: Text = text(zh, en)
