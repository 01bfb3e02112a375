"""Persistence: SQLAlchemy models, engine set-up (SQLite and PostgreSQL), Alembic migrations."""
