"""answers: PostgreSQL's function that writes an ordinary answer in one call

Revision ID: 5d1f3b7a9c42
Revises: 3c9e1a7d5b20
Create Date: 2026-11-26 12:30:00.000000

The function as it was at this revision (inspections/filling/answer_call.py makes the same with
create_all; a later change to it needs a migration of its own). SQLite: nothing to do.
"""
from alembic import op


# revision identifiers, used by Alembic.
revision = '5d1f3b7a9c42'
down_revision = '3c9e1a7d5b20'
branch_labels = None
depends_on = None

CREATE_FUNCTION = """
CREATE OR REPLACE FUNCTION clausecheck_write_answer(
    p_uuid text, p_everything boolean, p_user integer, p_template integer, p_item integer,
    p_instance text, p_section integer,
    p_client text, p_hash text, p_value json, p_unit text, p_note text,
    p_answered timestamptz, p_received timestamptz, p_sent timestamptz, p_flag text,
    p_check_before boolean, p_tolerance interval, p_by integer, p_result text, p_reason text,
    p_counted boolean, p_state boolean, p_photos boolean,
    OUT o_outcome text, OUT o_answer integer, OUT o_current boolean, OUT o_flipped integer,
    OUT o_answered integer, OUT o_required integer, OUT o_state json,
    OUT o_answered_at timestamptz, OUT o_flag text, OUT o_revision integer, OUT o_instance text,
    OUT c_value json, OUT c_unit text, OUT c_note text, OUT c_answered_at timestamptz,
    OUT c_by integer, OUT c_client text, OUT c_revision integer, OUT c_flag text
) LANGUAGE plpgsql VOLATILE AS $body$
DECLARE
    v_id integer;
    v_status text;
    v_created timestamptz;
    v_template integer;
BEGIN
    SELECT i.id, i.status, i.revision, i.created_at, i.template_id
      INTO v_id, v_status, o_revision, v_created, v_template
      FROM inspections i
     WHERE i.uuid = p_uuid
       AND (p_everything OR i.created_by_id = p_user OR i.id IN (
            SELECT ii.inspection_id FROM inspection_inspectors ii WHERE ii.user_id = p_user))
       FOR UPDATE OF i;
    IF NOT FOUND OR v_template <> p_template THEN
        o_outcome := 'elsewhere';
        RETURN;
    END IF;
    o_instance := p_instance;
    IF p_section IS NOT NULL AND p_instance = '' THEN
        SELECT ri.key INTO o_instance
          FROM repeat_instances ri
         WHERE ri.inspection_id = v_id AND ri.section_id = p_section AND ri.removed_at IS NULL
         ORDER BY ri.position, ri.id
         LIMIT 1;
        IF NOT FOUND THEN
            o_outcome := 'instance';
            RETURN;
        END IF;
    ELSIF p_section IS NOT NULL AND NOT EXISTS (
        SELECT 1 FROM repeat_instances ri
         WHERE ri.inspection_id = v_id AND ri.key = p_instance AND ri.section_id = p_section
           AND ri.removed_at IS NULL
    ) THEN
        o_outcome := 'instance';
        RETURN;
    END IF;
    IF p_client IS NOT NULL AND EXISTS (
        SELECT 1 FROM answers a WHERE a.inspection_id = v_id AND a.client_id = p_client
    ) THEN
        o_outcome := 'resend';
        RETURN;
    END IF;
    IF v_status NOT IN ('planned', 'in_progress', 'returned') THEN
        o_outcome := 'closed';
        RETURN;
    END IF;
    o_answered_at := p_answered;
    o_flag := p_flag;
    IF p_check_before AND v_created IS NOT NULL AND p_sent < v_created - p_tolerance THEN
        o_flag := 'before_inspection';
    END IF;
    IF p_state THEN
        SELECT json_agg(json_build_array(r.kind, r.number, r.key, r.value, r.count)
                        ORDER BY r.kind, r.position, r.row_id)
          INTO o_state
          FROM (
            SELECT 1 AS kind, a.item_id AS number, a.instance AS key, a.value AS value,
                   0 AS count, 0 AS position, 0 AS row_id
              FROM answers a WHERE a.inspection_id = v_id AND a.current
            UNION ALL
            SELECT 0, ri.section_id, ri.key, NULL, 0, ri.position, ri.id
              FROM repeat_instances ri
             WHERE ri.inspection_id = v_id AND ri.removed_at IS NULL
            UNION ALL
            SELECT 2, p.item_id, p.instance, NULL, count(*), 0, 0
              FROM photos p
             WHERE p_photos AND p.inspection_id = v_id AND p.item_id IS NOT NULL
               AND p.annotates_id IS NULL
             GROUP BY p.item_id, p.instance
          ) r;
    END IF;
    IF v_status = 'planned' THEN
        UPDATE inspections SET status = 'in_progress' WHERE id = v_id;
    END IF;
    WITH flipped AS (
        UPDATE answers a SET current = false
         WHERE a.inspection_id = v_id AND a.item_id = p_item AND a.instance = o_instance
           AND a.current AND a.answered_at <= o_answered_at
        RETURNING a.id
    )
    SELECT count(*) INTO o_flipped FROM flipped;
    INSERT INTO answers (
        inspection_id, item_id, instance, client_id, content_hash, value, unit, note,
        answered_at, received_at, sent_answered_at, clock_flag, answered_by_id, revision,
        current, result, reason
    ) VALUES (
        v_id, p_item, o_instance, p_client, p_hash, p_value, p_unit, p_note,
        o_answered_at, p_received, p_sent, o_flag, p_by, o_revision,
        NOT EXISTS (
            SELECT 1 FROM answers o
             WHERE o.inspection_id = v_id AND o.item_id = p_item AND o.instance = o_instance
               AND o.current AND o.answered_at > o_answered_at
        ),
        p_result, p_reason
    ) RETURNING id, current INTO o_answer, o_current;
    IF p_counted THEN
        SELECT count(*) FILTER (WHERE t.id = p_item
                   OR EXISTS (SELECT 1 FROM answers o
                               WHERE o.inspection_id = v_id AND o.item_id = t.id AND o.current)
                   OR (t.answer_type = 'photo' AND EXISTS (
                       SELECT 1 FROM photos p WHERE p.inspection_id = v_id AND p.item_id = t.id))),
               count(*)
          INTO o_answered, o_required
          FROM template_items t
         WHERE t.template_id = p_template AND t.required;
    END IF;
    IF NOT o_current THEN
        SELECT a.value, a.unit, a.note, a.answered_at, a.answered_by_id, a.client_id,
               a.revision, a.clock_flag
          INTO c_value, c_unit, c_note, c_answered_at, c_by, c_client, c_revision, c_flag
          FROM answers a
         WHERE a.inspection_id = v_id AND a.item_id = p_item AND a.instance = o_instance
           AND a.current;
    END IF;
    o_outcome := 'written';
END
$body$
"""

DROP_FUNCTION = "DROP FUNCTION IF EXISTS clausecheck_write_answer"


def upgrade():
    if op.get_bind().dialect.name == 'postgresql':
        op.execute(CREATE_FUNCTION)


def downgrade():
    if op.get_bind().dialect.name == 'postgresql':
        op.execute(DROP_FUNCTION)
