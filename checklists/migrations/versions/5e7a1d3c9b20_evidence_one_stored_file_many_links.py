"""evidence: one row per stored file; photos and finding files link to it

Photos, signatures and finding files were each a row holding the file's facts, unique per
inspection (or finding) and SHA-256, so the same bytes could not be attached to a second item.
Now the file is one ``evidence`` row (unique SHA-256: type, sizes, the EXIF read from it) and
``photos`` / ``finding_files`` are links to it (unique per inspection, evidence, item and kind;
per finding and evidence). The files on disk do not move.

Upgrade: one evidence row per distinct SHA-256 of today's photos and finding files (where both
hold the same bytes, the photo's facts: it has the EXIF), every link pointed at its row, then
the moved columns dropped and the unique constraints swapped. No row is lost.

Downgrade: the facts are copied back onto the links. The old schema holds one photo per
inspection and file: where the same bytes are linked to several items (or signatures) of one
inspection, only the earliest link is kept (the others are deleted, counted in the log).

Revision ID: 5e7a1d3c9b20
Revises: 0c1d2e3f4a5b
Create Date: 2026-11-23 10:00:00

"""
import logging

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '5e7a1d3c9b20'
down_revision = '0c1d2e3f4a5b'
branch_labels = None
depends_on = None

log = logging.getLogger('alembic.runtime.migration')

#: The facts that move from photos to evidence (finding files have the first seven).
PHOTO_FACTS = ('sha256', 'mime', 'display_mime', 'width', 'height', 'byte_size',
               'exif_taken_at', 'exif_lat', 'exif_lon', 'exif')
FILE_FACTS = ('kind', 'sha256', 'mime', 'display_mime', 'byte_size', 'width', 'height')


def _empty_json():
    """An empty JSON object as SQL (PostgreSQL needs the type; SQLite stores the text)."""
    return "CAST('{}' AS JSON)" if op.get_bind().dialect.name == 'postgresql' else "'{}'"


def upgrade():
    op.create_table('evidence',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('sha256', sa.String(length=64), nullable=False),
    sa.Column('kind', sa.String(length=10), nullable=False),
    sa.Column('mime', sa.String(length=100), nullable=False),
    sa.Column('display_mime', sa.String(length=40), nullable=True),
    sa.Column('width', sa.Integer(), nullable=True),
    sa.Column('height', sa.Integer(), nullable=True),
    sa.Column('byte_size', sa.Integer(), nullable=False),
    sa.Column('exif_taken_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('exif_lat', sa.Numeric(precision=9, scale=6), nullable=True),
    sa.Column('exif_lon', sa.Numeric(precision=9, scale=6), nullable=True),
    sa.Column('exif', sa.JSON(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_evidence')),
    sa.UniqueConstraint('sha256', name=op.f('uq_evidence_sha256'))
    )
    with op.batch_alter_table('photos', schema=None) as batch_op:
        batch_op.add_column(sa.Column('evidence_id', sa.Integer(), nullable=True))
    with op.batch_alter_table('finding_files', schema=None) as batch_op:
        batch_op.add_column(sa.Column('evidence_id', sa.Integer(), nullable=True))

    # One evidence row per distinct file: the photos' first (they carry the EXIF) ...
    op.execute(
        'INSERT INTO evidence (sha256, kind, mime, display_mime, width, height, byte_size, '
        'exif_taken_at, exif_lat, exif_lon, exif, created_at) '
        "SELECT p.sha256, 'photo', p.mime, p.display_mime, p.width, p.height, p.byte_size, "
        'p.exif_taken_at, p.exif_lat, p.exif_lon, p.exif, p.uploaded_at FROM photos p '
        'WHERE p.id IN (SELECT MIN(q.id) FROM photos q GROUP BY q.sha256)'
    )
    # ... then the finding files' that no photo has.
    op.execute(
        'INSERT INTO evidence (sha256, kind, mime, display_mime, width, height, byte_size, '
        'exif, created_at) '
        'SELECT f.sha256, f.kind, f.mime, f.display_mime, f.width, f.height, f.byte_size, '
        f'{_empty_json()}, f.uploaded_at FROM finding_files f '
        'WHERE f.id IN (SELECT MIN(g.id) FROM finding_files g GROUP BY g.sha256) '
        'AND NOT EXISTS (SELECT 1 FROM evidence e WHERE e.sha256 = f.sha256)'
    )
    # Received first: the earliest upload of the bytes, wherever it was.
    for table in ('photos', 'finding_files'):
        op.execute(
            f'UPDATE evidence SET created_at = (SELECT MIN(l.uploaded_at) FROM {table} l '
            'WHERE l.sha256 = evidence.sha256) '
            f'WHERE EXISTS (SELECT 1 FROM {table} l WHERE l.sha256 = evidence.sha256 '
            'AND l.uploaded_at < evidence.created_at)'
        )
        op.execute(
            f'UPDATE {table} SET evidence_id = '
            f'(SELECT e.id FROM evidence e WHERE e.sha256 = {table}.sha256)'
        )

    with op.batch_alter_table('photos', schema=None) as batch_op:
        batch_op.alter_column('evidence_id', existing_type=sa.Integer(), nullable=False)
        batch_op.drop_constraint('uq_photos_inspection_sha256', type_='unique')
        batch_op.create_unique_constraint(
            'uq_photos_inspection_evidence', ['inspection_id', 'evidence_id', 'item_id', 'kind']
        )
        batch_op.create_index(batch_op.f('ix_photos_evidence_id'), ['evidence_id'], unique=False)
        batch_op.create_foreign_key(
            batch_op.f('fk_photos_evidence_id_evidence'), 'evidence', ['evidence_id'], ['id']
        )
        for name in PHOTO_FACTS:
            batch_op.drop_column(name)

    with op.batch_alter_table('finding_files', schema=None) as batch_op:
        batch_op.alter_column('evidence_id', existing_type=sa.Integer(), nullable=False)
        batch_op.drop_constraint('uq_finding_files_finding_sha256', type_='unique')
        batch_op.create_unique_constraint(
            'uq_finding_files_finding_evidence', ['finding_id', 'evidence_id']
        )
        batch_op.create_index(
            batch_op.f('ix_finding_files_evidence_id'), ['evidence_id'], unique=False
        )
        batch_op.create_foreign_key(
            batch_op.f('fk_finding_files_evidence_id_evidence'), 'evidence', ['evidence_id'], ['id']
        )
        for name in FILE_FACTS:
            batch_op.drop_column(name)


def downgrade():
    bind = op.get_bind()
    # The old schema: one photo per inspection and file. Keep each one's earliest link.
    extra = ('FROM photos WHERE id NOT IN '
             '(SELECT MIN(p.id) FROM photos p GROUP BY p.inspection_id, p.evidence_id)')
    dropped = bind.execute(sa.text(f'SELECT COUNT(*) {extra}')).scalar()
    if dropped:
        log.warning('evidence downgrade: %s photo links of a file already linked in the same '
                    'inspection are deleted (the old schema cannot hold them)', dropped)
        op.execute(f'DELETE {extra}')

    with op.batch_alter_table('photos', schema=None) as batch_op:
        batch_op.add_column(sa.Column('sha256', sa.String(length=64), nullable=True))
        batch_op.add_column(sa.Column('mime', sa.String(length=40), nullable=True))
        batch_op.add_column(sa.Column('display_mime', sa.String(length=40), nullable=True))
        batch_op.add_column(sa.Column('width', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('height', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('byte_size', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('exif_taken_at', sa.DateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column('exif_lat', sa.Numeric(precision=9, scale=6), nullable=True))
        batch_op.add_column(sa.Column('exif_lon', sa.Numeric(precision=9, scale=6), nullable=True))
        batch_op.add_column(sa.Column('exif', sa.JSON(), nullable=True))
    with op.batch_alter_table('finding_files', schema=None) as batch_op:
        batch_op.add_column(sa.Column('kind', sa.String(length=10), nullable=True))
        batch_op.add_column(sa.Column('sha256', sa.String(length=64), nullable=True))
        batch_op.add_column(sa.Column('mime', sa.String(length=100), nullable=True))
        batch_op.add_column(sa.Column('display_mime', sa.String(length=40), nullable=True))
        batch_op.add_column(sa.Column('byte_size', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('width', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('height', sa.Integer(), nullable=True))

    for table, names in (('photos', PHOTO_FACTS), ('finding_files', FILE_FACTS)):
        columns = ', '.join(names)
        values = ', '.join(f'e.{name}' for name in names)
        op.execute(
            f'UPDATE {table} SET ({columns}) = '
            f'(SELECT {values} FROM evidence e WHERE e.id = {table}.evidence_id)'
        )

    with op.batch_alter_table('photos', schema=None) as batch_op:
        for name, kind in (('sha256', sa.String(length=64)), ('mime', sa.String(length=40)),
                           ('display_mime', sa.String(length=40)), ('width', sa.Integer()),
                           ('height', sa.Integer()), ('byte_size', sa.Integer()),
                           ('exif', sa.JSON())):
            batch_op.alter_column(name, existing_type=kind, nullable=False)
        batch_op.drop_constraint(batch_op.f('fk_photos_evidence_id_evidence'), type_='foreignkey')
        batch_op.drop_index(batch_op.f('ix_photos_evidence_id'))
        batch_op.drop_constraint('uq_photos_inspection_evidence', type_='unique')
        batch_op.create_unique_constraint(
            'uq_photos_inspection_sha256', ['inspection_id', 'sha256']
        )
        batch_op.drop_column('evidence_id')

    with op.batch_alter_table('finding_files', schema=None) as batch_op:
        for name, kind in (('kind', sa.String(length=10)), ('sha256', sa.String(length=64)),
                           ('mime', sa.String(length=100)), ('byte_size', sa.Integer())):
            batch_op.alter_column(name, existing_type=kind, nullable=False)
        batch_op.drop_constraint(
            batch_op.f('fk_finding_files_evidence_id_evidence'), type_='foreignkey'
        )
        batch_op.drop_index(batch_op.f('ix_finding_files_evidence_id'))
        batch_op.drop_constraint('uq_finding_files_finding_evidence', type_='unique')
        batch_op.create_unique_constraint(
            'uq_finding_files_finding_sha256', ['finding_id', 'sha256']
        )
        batch_op.drop_column('evidence_id')

    op.drop_table('evidence')
