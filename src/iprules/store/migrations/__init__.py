"""Alembic migrations of the store of checks, shipped with the package and run on open."""
