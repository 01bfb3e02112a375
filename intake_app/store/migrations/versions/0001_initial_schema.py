"""initial schema

Revision ID: 0001
Revises: 
Create Date: 2026-11-28 16:27:41.778611
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op


revision = '0001'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('stations',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('name', sa.String(length=80), nullable=False),
    sa.Column('code', sa.String(length=3), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_stations')),
    sa.UniqueConstraint('code', name=op.f('uq_stations_code')),
    sa.UniqueConstraint('name', name=op.f('uq_stations_name'))
    )
    op.create_table('operators',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('name', sa.String(length=80), nullable=False),
    sa.Column('name_key', sa.String(length=80), nullable=False),
    sa.Column('role', sa.String(length=16), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('station_id', sa.Uuid(), nullable=False),
    sa.ForeignKeyConstraint(['station_id'], ['stations.id'], name=op.f('fk_operators_station_id_stations')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_operators')),
    sa.UniqueConstraint('name_key', name=op.f('uq_operators_name_key'))
    )
    op.create_table('customers',
    sa.Column('name', sa.String(length=120), nullable=False),
    sa.Column('short_name', sa.String(length=40), nullable=False),
    sa.Column('org_number', sa.String(length=11), nullable=True),
    sa.Column('parent_id', sa.Uuid(), nullable=True),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('station_id', sa.Uuid(), nullable=False),
    sa.Column('operator_id', sa.Uuid(), nullable=True),
    sa.ForeignKeyConstraint(['operator_id'], ['operators.id'], name=op.f('fk_customers_operator_id_operators')),
    sa.ForeignKeyConstraint(['parent_id'], ['customers.id'], name=op.f('fk_customers_parent_id_customers')),
    sa.ForeignKeyConstraint(['station_id'], ['stations.id'], name=op.f('fk_customers_station_id_stations')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_customers')),
    sa.UniqueConstraint('org_number', name=op.f('uq_customers_org_number'))
    )
    op.create_table('operator_credentials',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('operator_id', sa.Uuid(), nullable=False),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('secret_hash', sa.String(length=200), nullable=True),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('station_id', sa.Uuid(), nullable=False),
    sa.Column('set_by_id', sa.Uuid(), nullable=True),
    sa.ForeignKeyConstraint(['operator_id'], ['operators.id'], name=op.f('fk_operator_credentials_operator_id_operators')),
    sa.ForeignKeyConstraint(['set_by_id'], ['operators.id'], name=op.f('fk_operator_credentials_set_by_id_operators')),
    sa.ForeignKeyConstraint(['station_id'], ['stations.id'], name=op.f('fk_operator_credentials_station_id_stations')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_operator_credentials'))
    )
    with op.batch_alter_table('operator_credentials', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_operator_credentials_operator_id'), ['operator_id'], unique=False)

    op.create_table('orders',
    sa.Column('number', sa.String(length=40), nullable=False),
    sa.Column('customer_id', sa.Uuid(), nullable=False),
    sa.Column('customer_ref', sa.String(length=80), nullable=True),
    sa.Column('note', sa.Text(), nullable=True),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('station_id', sa.Uuid(), nullable=False),
    sa.Column('operator_id', sa.Uuid(), nullable=True),
    sa.ForeignKeyConstraint(['customer_id'], ['customers.id'], name=op.f('fk_orders_customer_id_customers')),
    sa.ForeignKeyConstraint(['operator_id'], ['operators.id'], name=op.f('fk_orders_operator_id_operators')),
    sa.ForeignKeyConstraint(['station_id'], ['stations.id'], name=op.f('fk_orders_station_id_stations')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_orders')),
    sa.UniqueConstraint('number', name=op.f('uq_orders_number'))
    )
    with op.batch_alter_table('orders', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_orders_customer_id'), ['customer_id'], unique=False)

    op.create_table('manifest_imports',
    sa.Column('order_id', sa.Uuid(), nullable=False),
    sa.Column('file_name', sa.String(length=255), nullable=False),
    sa.Column('file_sha256', sa.String(length=64), nullable=False),
    sa.Column('units', sa.Integer(), nullable=False),
    sa.Column('count_lines', sa.Integer(), nullable=False),
    sa.Column('skipped', sa.Integer(), nullable=False),
    sa.Column('mapping', sa.JSON(), nullable=False),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('station_id', sa.Uuid(), nullable=False),
    sa.Column('operator_id', sa.Uuid(), nullable=True),
    sa.ForeignKeyConstraint(['operator_id'], ['operators.id'], name=op.f('fk_manifest_imports_operator_id_operators')),
    sa.ForeignKeyConstraint(['order_id'], ['orders.id'], name=op.f('fk_manifest_imports_order_id_orders')),
    sa.ForeignKeyConstraint(['station_id'], ['stations.id'], name=op.f('fk_manifest_imports_station_id_stations')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_manifest_imports'))
    )
    with op.batch_alter_table('manifest_imports', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_manifest_imports_order_id'), ['order_id'], unique=False)

    op.create_table('order_events',
    sa.Column('order_id', sa.Uuid(), nullable=False),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('reason', sa.Text(), nullable=True),
    sa.Column('summary', sa.JSON(), nullable=True),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('station_id', sa.Uuid(), nullable=False),
    sa.Column('operator_id', sa.Uuid(), nullable=True),
    sa.ForeignKeyConstraint(['operator_id'], ['operators.id'], name=op.f('fk_order_events_operator_id_operators')),
    sa.ForeignKeyConstraint(['order_id'], ['orders.id'], name=op.f('fk_order_events_order_id_orders')),
    sa.ForeignKeyConstraint(['station_id'], ['stations.id'], name=op.f('fk_order_events_station_id_stations')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_order_events'))
    )
    with op.batch_alter_table('order_events', schema=None) as batch_op:
        batch_op.create_index('ix_order_events_order_time', ['order_id', 'created_at'], unique=False)

    op.create_table('pallets',
    sa.Column('order_id', sa.Uuid(), nullable=False),
    sa.Column('code', sa.String(length=40), nullable=False),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('seq', sa.Integer(), nullable=True),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('station_id', sa.Uuid(), nullable=False),
    sa.Column('operator_id', sa.Uuid(), nullable=True),
    sa.ForeignKeyConstraint(['operator_id'], ['operators.id'], name=op.f('fk_pallets_operator_id_operators')),
    sa.ForeignKeyConstraint(['order_id'], ['orders.id'], name=op.f('fk_pallets_order_id_orders')),
    sa.ForeignKeyConstraint(['station_id'], ['stations.id'], name=op.f('fk_pallets_station_id_stations')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_pallets')),
    sa.UniqueConstraint('code', name=op.f('uq_pallets_code'))
    )
    with op.batch_alter_table('pallets', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_pallets_order_id'), ['order_id'], unique=False)
        batch_op.create_index('ix_pallets_station_seq', ['station_id', 'seq'], unique=False)

    op.create_table('count_lines',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('order_id', sa.Uuid(), nullable=False),
    sa.Column('import_id', sa.Uuid(), nullable=False),
    sa.Column('line_no', sa.Integer(), nullable=True),
    sa.Column('quantity', sa.Integer(), nullable=False),
    sa.Column('manufacturer', sa.String(length=200), nullable=True),
    sa.Column('model', sa.String(length=200), nullable=True),
    sa.Column('category', sa.String(length=200), nullable=True),
    sa.Column('category_key', sa.String(length=32), nullable=False),
    sa.Column('description', sa.String(length=200), nullable=True),
    sa.ForeignKeyConstraint(['import_id'], ['manifest_imports.id'], name=op.f('fk_count_lines_import_id_manifest_imports')),
    sa.ForeignKeyConstraint(['order_id'], ['orders.id'], name=op.f('fk_count_lines_order_id_orders')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_count_lines'))
    )
    with op.batch_alter_table('count_lines', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_count_lines_order_id'), ['order_id'], unique=False)

    op.create_table('expected_units',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('order_id', sa.Uuid(), nullable=False),
    sa.Column('import_id', sa.Uuid(), nullable=False),
    sa.Column('line_no', sa.Integer(), nullable=True),
    sa.Column('serial', sa.String(length=60), nullable=True),
    sa.Column('serial_key', sa.String(length=60), nullable=True),
    sa.Column('asset_tag', sa.String(length=60), nullable=True),
    sa.Column('asset_tag_key', sa.String(length=60), nullable=True),
    sa.Column('manufacturer', sa.String(length=200), nullable=True),
    sa.Column('model', sa.String(length=200), nullable=True),
    sa.Column('category', sa.String(length=200), nullable=True),
    sa.Column('category_key', sa.String(length=32), nullable=False),
    sa.ForeignKeyConstraint(['import_id'], ['manifest_imports.id'], name=op.f('fk_expected_units_import_id_manifest_imports')),
    sa.ForeignKeyConstraint(['order_id'], ['orders.id'], name=op.f('fk_expected_units_order_id_orders')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_expected_units'))
    )
    with op.batch_alter_table('expected_units', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_expected_units_asset_tag_key'), ['asset_tag_key'], unique=False)
        batch_op.create_index(batch_op.f('ix_expected_units_order_id'), ['order_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_expected_units_serial_key'), ['serial_key'], unique=False)

    op.create_table('pallet_events',
    sa.Column('pallet_id', sa.Uuid(), nullable=False),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('weight_kg', sa.Float(), nullable=True),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('station_id', sa.Uuid(), nullable=False),
    sa.Column('operator_id', sa.Uuid(), nullable=True),
    sa.ForeignKeyConstraint(['operator_id'], ['operators.id'], name=op.f('fk_pallet_events_operator_id_operators')),
    sa.ForeignKeyConstraint(['pallet_id'], ['pallets.id'], name=op.f('fk_pallet_events_pallet_id_pallets')),
    sa.ForeignKeyConstraint(['station_id'], ['stations.id'], name=op.f('fk_pallet_events_station_id_stations')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_pallet_events'))
    )
    with op.batch_alter_table('pallet_events', schema=None) as batch_op:
        batch_op.create_index('ix_pallet_events_pallet_time', ['pallet_id', 'created_at'], unique=False)

    op.create_table('count_receipts',
    sa.Column('order_id', sa.Uuid(), nullable=False),
    sa.Column('count_line_id', sa.Uuid(), nullable=True),
    sa.Column('category_key', sa.String(length=32), nullable=False),
    sa.Column('quantity', sa.Integer(), nullable=False),
    sa.Column('pallet_id', sa.Uuid(), nullable=True),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('station_id', sa.Uuid(), nullable=False),
    sa.Column('operator_id', sa.Uuid(), nullable=True),
    sa.ForeignKeyConstraint(['count_line_id'], ['count_lines.id'], name=op.f('fk_count_receipts_count_line_id_count_lines')),
    sa.ForeignKeyConstraint(['operator_id'], ['operators.id'], name=op.f('fk_count_receipts_operator_id_operators')),
    sa.ForeignKeyConstraint(['order_id'], ['orders.id'], name=op.f('fk_count_receipts_order_id_orders')),
    sa.ForeignKeyConstraint(['pallet_id'], ['pallets.id'], name=op.f('fk_count_receipts_pallet_id_pallets')),
    sa.ForeignKeyConstraint(['station_id'], ['stations.id'], name=op.f('fk_count_receipts_station_id_stations')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_count_receipts'))
    )
    with op.batch_alter_table('count_receipts', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_count_receipts_order_id'), ['order_id'], unique=False)

    op.create_table('scans',
    sa.Column('order_id', sa.Uuid(), nullable=False),
    sa.Column('pallet_id', sa.Uuid(), nullable=True),
    sa.Column('raw', sa.Text(), nullable=False),
    sa.Column('code', sa.String(length=120), nullable=False),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('outcome', sa.String(length=16), nullable=False),
    sa.Column('reason', sa.String(length=32), nullable=True),
    sa.Column('expected_unit_id', sa.Uuid(), nullable=True),
    sa.Column('unit_id', sa.Uuid(), nullable=True),
    sa.Column('other_order_id', sa.Uuid(), nullable=True),
    sa.Column('source', sa.String(length=16), nullable=False),
    sa.Column('detail', sa.JSON(), nullable=True),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('station_id', sa.Uuid(), nullable=False),
    sa.Column('operator_id', sa.Uuid(), nullable=True),
    sa.ForeignKeyConstraint(['expected_unit_id'], ['expected_units.id'], name=op.f('fk_scans_expected_unit_id_expected_units')),
    sa.ForeignKeyConstraint(['operator_id'], ['operators.id'], name=op.f('fk_scans_operator_id_operators')),
    sa.ForeignKeyConstraint(['order_id'], ['orders.id'], name=op.f('fk_scans_order_id_orders')),
    sa.ForeignKeyConstraint(['other_order_id'], ['orders.id'], name=op.f('fk_scans_other_order_id_orders')),
    sa.ForeignKeyConstraint(['pallet_id'], ['pallets.id'], name=op.f('fk_scans_pallet_id_pallets')),
    sa.ForeignKeyConstraint(['station_id'], ['stations.id'], name=op.f('fk_scans_station_id_stations')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_scans'))
    )
    with op.batch_alter_table('scans', schema=None) as batch_op:
        batch_op.create_index('ix_scans_order_time', ['order_id', 'created_at'], unique=False)

    op.create_table('units',
    sa.Column('internal_id', sa.String(length=20), nullable=False),
    sa.Column('seq', sa.Integer(), nullable=False),
    sa.Column('order_id', sa.Uuid(), nullable=False),
    sa.Column('scan_id', sa.Uuid(), nullable=False),
    sa.Column('expected_unit_id', sa.Uuid(), nullable=True),
    sa.Column('pallet_id', sa.Uuid(), nullable=True),
    sa.Column('serial', sa.String(length=120), nullable=False),
    sa.Column('serial_key', sa.String(length=60), nullable=False),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('station_id', sa.Uuid(), nullable=False),
    sa.Column('operator_id', sa.Uuid(), nullable=True),
    sa.ForeignKeyConstraint(['expected_unit_id'], ['expected_units.id'], name=op.f('fk_units_expected_unit_id_expected_units')),
    sa.ForeignKeyConstraint(['operator_id'], ['operators.id'], name=op.f('fk_units_operator_id_operators')),
    sa.ForeignKeyConstraint(['order_id'], ['orders.id'], name=op.f('fk_units_order_id_orders')),
    sa.ForeignKeyConstraint(['pallet_id'], ['pallets.id'], name=op.f('fk_units_pallet_id_pallets')),
    sa.ForeignKeyConstraint(['scan_id'], ['scans.id'], name=op.f('fk_units_scan_id_scans')),
    sa.ForeignKeyConstraint(['station_id'], ['stations.id'], name=op.f('fk_units_station_id_stations')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_units')),
    sa.UniqueConstraint('internal_id', name=op.f('uq_units_internal_id'))
    )
    with op.batch_alter_table('units', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_units_scan_id'), ['scan_id'], unique=False)
        batch_op.create_index('ix_units_station_seq', ['station_id', 'seq'], unique=False)

    op.create_table('corrections',
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('order_id', sa.Uuid(), nullable=False),
    sa.Column('scan_id', sa.Uuid(), nullable=True),
    sa.Column('unit_id', sa.Uuid(), nullable=True),
    sa.Column('expected_unit_id', sa.Uuid(), nullable=True),
    sa.Column('pallet_id', sa.Uuid(), nullable=True),
    sa.Column('reason', sa.Text(), nullable=True),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('station_id', sa.Uuid(), nullable=False),
    sa.Column('operator_id', sa.Uuid(), nullable=True),
    sa.ForeignKeyConstraint(['expected_unit_id'], ['expected_units.id'], name=op.f('fk_corrections_expected_unit_id_expected_units')),
    sa.ForeignKeyConstraint(['operator_id'], ['operators.id'], name=op.f('fk_corrections_operator_id_operators')),
    sa.ForeignKeyConstraint(['order_id'], ['orders.id'], name=op.f('fk_corrections_order_id_orders')),
    sa.ForeignKeyConstraint(['pallet_id'], ['pallets.id'], name=op.f('fk_corrections_pallet_id_pallets')),
    sa.ForeignKeyConstraint(['scan_id'], ['scans.id'], name=op.f('fk_corrections_scan_id_scans')),
    sa.ForeignKeyConstraint(['station_id'], ['stations.id'], name=op.f('fk_corrections_station_id_stations')),
    sa.ForeignKeyConstraint(['unit_id'], ['units.id'], name=op.f('fk_corrections_unit_id_units')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_corrections'))
    )
    with op.batch_alter_table('corrections', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_corrections_order_id'), ['order_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_corrections_scan_id'), ['scan_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_corrections_unit_id'), ['unit_id'], unique=False)

    op.create_table('unit_state',
    sa.Column('unit_id', sa.Uuid(), nullable=False),
    sa.Column('order_id', sa.Uuid(), nullable=False),
    sa.Column('expected_unit_id', sa.Uuid(), nullable=True),
    sa.Column('pallet_id', sa.Uuid(), nullable=True),
    sa.Column('serial_key', sa.String(length=60), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.ForeignKeyConstraint(['unit_id'], ['units.id'], name=op.f('fk_unit_state_unit_id_units')),
    sa.PrimaryKeyConstraint('unit_id', name=op.f('pk_unit_state'))
    )
    with op.batch_alter_table('unit_state', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_unit_state_expected_unit_id'), ['expected_unit_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_unit_state_order_id'), ['order_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_unit_state_serial_key'), ['serial_key'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('unit_state', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_unit_state_serial_key'))
        batch_op.drop_index(batch_op.f('ix_unit_state_order_id'))
        batch_op.drop_index(batch_op.f('ix_unit_state_expected_unit_id'))

    op.drop_table('unit_state')
    with op.batch_alter_table('corrections', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_corrections_unit_id'))
        batch_op.drop_index(batch_op.f('ix_corrections_scan_id'))
        batch_op.drop_index(batch_op.f('ix_corrections_order_id'))

    op.drop_table('corrections')
    with op.batch_alter_table('units', schema=None) as batch_op:
        batch_op.drop_index('ix_units_station_seq')
        batch_op.drop_index(batch_op.f('ix_units_scan_id'))

    op.drop_table('units')
    with op.batch_alter_table('scans', schema=None) as batch_op:
        batch_op.drop_index('ix_scans_order_time')

    op.drop_table('scans')
    with op.batch_alter_table('count_receipts', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_count_receipts_order_id'))

    op.drop_table('count_receipts')
    with op.batch_alter_table('pallet_events', schema=None) as batch_op:
        batch_op.drop_index('ix_pallet_events_pallet_time')

    op.drop_table('pallet_events')
    with op.batch_alter_table('expected_units', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_expected_units_serial_key'))
        batch_op.drop_index(batch_op.f('ix_expected_units_order_id'))
        batch_op.drop_index(batch_op.f('ix_expected_units_asset_tag_key'))

    op.drop_table('expected_units')
    with op.batch_alter_table('count_lines', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_count_lines_order_id'))

    op.drop_table('count_lines')
    with op.batch_alter_table('pallets', schema=None) as batch_op:
        batch_op.drop_index('ix_pallets_station_seq')
        batch_op.drop_index(batch_op.f('ix_pallets_order_id'))

    op.drop_table('pallets')
    with op.batch_alter_table('order_events', schema=None) as batch_op:
        batch_op.drop_index('ix_order_events_order_time')

    op.drop_table('order_events')
    with op.batch_alter_table('manifest_imports', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_manifest_imports_order_id'))

    op.drop_table('manifest_imports')
    with op.batch_alter_table('orders', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_orders_customer_id'))

    op.drop_table('orders')
    with op.batch_alter_table('operator_credentials', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_operator_credentials_operator_id'))

    op.drop_table('operator_credentials')
    op.drop_table('customers')
    op.drop_table('operators')
    op.drop_table('stations')
