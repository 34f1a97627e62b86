"""Alembic's environment for the store: always given an open connection (iprules.store.open_store
runs the migrations itself, inside its own transaction and lock), never a URL from a file."""

from __future__ import annotations

from alembic import context

from iprules.store.schema import metadata

connection = context.config.attributes["connection"]
context.configure(connection=connection, target_metadata=metadata, render_as_batch=True)
with context.begin_transaction():
    context.run_migrations()
