"""sync bookkeeping: outbox (station), log by transaction id (central), state; natural keys not unique

Revision ID: 0002_sync
Revises: 0002_print
Create Date: 2026-11-28 17:00:06.376959

* ``sync_outbox`` (station, SQLite): an ``AFTER INSERT`` trigger on every fact table records each
  new row; a push empties it. Rows a pull inserts are not recorded (``sync_state`` key ``pulling``
  exists only inside the pull's own transaction).
* ``sync_log`` (central, PostgreSQL): a statement trigger on every fact table records the inserting
  transaction's 64-bit id, so pulls can use a snapshot horizon instead of a cursor that skips late
  commits.
* ``orders.number`` and ``units.internal_id`` lose their unique constraints (kept as indexes): facts
  made offline at two stations must both survive a sync.
* Operators (by name), customers (by organisation number) and pallets (by code) get the UUID every
  station gives them from now on (``domain.ids.fact_uuid``), references included. No database
  before this revision ever shared a row, so re-keying them here is safe, and a station from before
  sync can join a central that already knows the same operator or customer.
"""

from __future__ import annotations

import uuid

import sqlalchemy as sa
from alembic import op


revision = '0002_sync'
down_revision = '0002_print'
branch_labels = None
depends_on = None

# the fact tables of this revision, parents before children
FACTS = ("stations", "operators", "operator_credentials", "customers", "orders", "order_events",
         "manifest_imports", "expected_units", "count_lines", "pallets", "pallet_events", "scans", "units",
         "corrections", "count_receipts")

SQLITE_TRIGGER = """
CREATE TRIGGER sync_capture_{t} AFTER INSERT ON {t}
WHEN NOT EXISTS (SELECT 1 FROM sync_state WHERE key = 'pulling')
BEGIN INSERT INTO sync_outbox (tbl, row_id) VALUES ('{t}', NEW.id); END
"""

PG_FUNCTION = """
CREATE OR REPLACE FUNCTION sync_log_insert() RETURNS trigger LANGUAGE plpgsql
SECURITY DEFINER SET search_path FROM CURRENT AS $$
BEGIN
  INSERT INTO sync_log (xid, tbl, row_id)
  SELECT pg_current_xact_id()::text::bigint, TG_TABLE_NAME, id FROM new_rows;
  RETURN NULL;
END $$
"""

# (table, kind, natural key column): rows that are their natural key from this revision on
NATURAL = (("operators", "operator", "name_key"), ("customers", "customer", "org_number"),
           ("pallets", "pallet", "code"))
PLAIN_REFERENCES = {"pallets": (("unit_state", "pallet_id"),)}  # references without a foreign key

PG_TRIGGER = """
CREATE TRIGGER sync_log_{t} AFTER INSERT ON {t} REFERENCING NEW TABLE AS new_rows
FOR EACH STATEMENT EXECUTE FUNCTION sync_log_insert()
"""


def natural_id(kind: str, key: str) -> uuid.UUID:
    """``domain.ids.fact_uuid`` as it is at this revision (a migration never imports changing code)."""
    return uuid.uuid5(uuid.NAMESPACE_URL, f"intake-dock:{kind}:{key}")


def rekey_natural_facts(bind: sa.Connection) -> None:
    """Give operators, customers and pallets their natural-key UUIDs, and every reference too.

    References are found in the database's own foreign keys, so any table a revision before this
    one added is covered. On PostgreSQL those foreign keys are dropped and made again around the
    update (checked again when made); on SQLite env.py has them off and checks them at the end.
    """
    insp = sa.inspect(bind)
    tables = insp.get_table_names()
    for table, kind, key in NATURAL:
        rows = bind.execute(sa.text(f"SELECT id, {key} FROM {table} WHERE {key} IS NOT NULL")).all()
        mapping = [{"old": uuid.UUID(str(r[0])), "new": natural_id(kind, r[1])} for r in rows]
        mapping = [m for m in mapping if m["old"] != m["new"]]
        if not mapping:
            continue
        fks = [(t, fk) for t in tables for fk in insp.get_foreign_keys(t) if fk["referred_table"] == table]
        if bind.dialect.name == "postgresql":
            for t, fk in fks:
                op.drop_constraint(str(fk["name"]), t, type_="foreignkey")  # PostgreSQL names every one
        columns = [(table, "id")] + [(t, fk["constrained_columns"][0]) for t, fk in fks]
        columns += [ref for ref in PLAIN_REFERENCES.get(table, ()) if ref[0] in tables]
        # One pass over each referencing table through a temporary map: an UPDATE per old id
        # walked a million-row table (scans.pallet_id has no index) once per pallet - hours.
        rekey = sa.Table("rekey_map", sa.MetaData(), sa.Column("old", sa.Uuid(), primary_key=True),
                         sa.Column("new", sa.Uuid(), nullable=False), prefixes=["TEMPORARY"])
        rekey.create(bind)
        bind.execute(sa.insert(rekey), mapping)
        for t, col in columns:
            target = sa.table(t, sa.column(col, sa.Uuid()))
            new_id = sa.select(rekey.c.new).where(rekey.c.old == target.c[col]).scalar_subquery()
            bind.execute(sa.update(target).where(target.c[col].in_(sa.select(rekey.c.old)))
                         .values({col: new_id}))
        rekey.drop(bind)
        if bind.dialect.name == "postgresql":
            for t, fk in fks:
                op.create_foreign_key(str(fk["name"]), t, table, fk["constrained_columns"], fk["referred_columns"])


def upgrade() -> None:
    dialect = op.get_bind().dialect.name
    rekey_natural_facts(op.get_bind())
    # batch mode rebuilds orders and units on SQLite; env.py turns foreign keys off around it
    op.create_table('sync_log',
    sa.Column('seq', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), autoincrement=True, nullable=False),
    sa.Column('xid', sa.BigInteger(), nullable=False),
    sa.Column('tbl', sa.String(length=40), nullable=False),
    sa.Column('row_id', sa.Uuid(), nullable=False),
    sa.PrimaryKeyConstraint('seq', name=op.f('pk_sync_log'))
    )
    with op.batch_alter_table('sync_log', schema=None) as batch_op:
        batch_op.create_index('ix_sync_log_tbl_xid', ['tbl', 'xid', 'seq'], unique=False)

    op.create_table('sync_outbox',
    sa.Column('seq', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('tbl', sa.String(length=40), nullable=False),
    sa.Column('row_id', sa.Uuid(), nullable=False),
    sa.Column('error', sa.Text(), nullable=True),
    sa.PrimaryKeyConstraint('seq', name=op.f('pk_sync_outbox')),
    sqlite_autoincrement=True
    )
    op.create_table('sync_state',
    sa.Column('key', sa.String(length=60), nullable=False),
    sa.Column('value', sa.JSON(), nullable=True),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=True),
    sa.PrimaryKeyConstraint('key', name=op.f('pk_sync_state'))
    )
    with op.batch_alter_table('orders', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('uq_orders_number'), type_='unique')
        batch_op.create_index(batch_op.f('ix_orders_number'), ['number'], unique=False)

    with op.batch_alter_table('units', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('uq_units_internal_id'), type_='unique')
        batch_op.create_index(batch_op.f('ix_units_internal_id'), ['internal_id'], unique=False)

    if dialect == "sqlite":
        for t in FACTS:
            op.execute(SQLITE_TRIGGER.format(t=t))
            # rows written before this revision have never been pushed
            op.execute(f"INSERT INTO sync_outbox (tbl, row_id) SELECT '{t}', id FROM {t} ORDER BY rowid")
    elif dialect == "postgresql":
        op.execute(PG_FUNCTION)
        op.execute("REVOKE ALL ON FUNCTION sync_log_insert() FROM PUBLIC")
        for t in FACTS:
            op.execute(PG_TRIGGER.format(t=t))
            op.execute(f"INSERT INTO sync_log (xid, tbl, row_id) "
                       f"SELECT pg_current_xact_id()::text::bigint, '{t}', id FROM {t}")


def downgrade() -> None:
    dialect = op.get_bind().dialect.name
    for t in FACTS:
        if dialect == "sqlite":
            op.execute(f"DROP TRIGGER IF EXISTS sync_capture_{t}")
        elif dialect == "postgresql":
            op.execute(f"DROP TRIGGER IF EXISTS sync_log_{t} ON {t}")
    if dialect == "postgresql":
        op.execute("DROP FUNCTION IF EXISTS sync_log_insert()")
    with op.batch_alter_table('units', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_units_internal_id'))
        batch_op.create_unique_constraint(batch_op.f('uq_units_internal_id'), ['internal_id'])

    with op.batch_alter_table('orders', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_orders_number'))
        batch_op.create_unique_constraint(batch_op.f('uq_orders_number'), ['number'])

    op.drop_table('sync_state')
    op.drop_table('sync_outbox')
    with op.batch_alter_table('sync_log', schema=None) as batch_op:
        batch_op.drop_index('ix_sync_log_tbl_xid')

    op.drop_table('sync_log')
