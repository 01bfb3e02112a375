"""print spool

Revision ID: 0002_print
Revises: 0001
Create Date: 2026-11-28 17:03:04.246488
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op


revision = '0002_print'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('print_jobs',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('station_id', sa.Uuid(), nullable=False),
    sa.Column('operator_id', sa.Uuid(), nullable=True),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('subject', sa.String(length=80), nullable=False),
    sa.Column('printer', sa.String(length=40), nullable=False),
    sa.Column('format', sa.String(length=8), nullable=False),
    sa.Column('options', sa.JSON(), nullable=False),
    sa.Column('reason', sa.Text(), nullable=True),
    sa.Column('reprint_of', sa.Uuid(), nullable=True),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('attempts', sa.Integer(), nullable=False),
    sa.Column('next_attempt_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('claimed_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('claimed_by', sa.String(length=120), nullable=True),
    sa.Column('sent_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('last_error', sa.Text(), nullable=True),
    sa.Column('printer_ref', sa.String(length=300), nullable=True),
    sa.Column('payload', sa.LargeBinary(), nullable=True),
    sa.Column('payload_sha256', sa.String(length=64), nullable=True),
    sa.ForeignKeyConstraint(['operator_id'], ['operators.id'], name=op.f('fk_print_jobs_operator_id_operators')),
    sa.ForeignKeyConstraint(['station_id'], ['stations.id'], name=op.f('fk_print_jobs_station_id_stations')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_print_jobs'))
    )
    with op.batch_alter_table('print_jobs', schema=None) as batch_op:
        batch_op.create_index('ix_print_jobs_printer_status', ['printer', 'status', 'created_at'], unique=False)
        batch_op.create_index('ix_print_jobs_subject', ['kind', 'subject'], unique=False)



    op.create_table('print_marks',
    sa.Column('name', sa.String(length=80), nullable=False),
    sa.Column('value', sa.Integer(), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('name', name=op.f('pk_print_marks'))
    )


def downgrade() -> None:
    op.drop_table('print_marks')
    with op.batch_alter_table('print_jobs', schema=None) as batch_op:
        batch_op.drop_index('ix_print_jobs_subject')
        batch_op.drop_index('ix_print_jobs_printer_status')

    op.drop_table('print_jobs')
