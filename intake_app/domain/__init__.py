"""Pure rules of intake: no database, no files, no network (checked by import-linter)."""
