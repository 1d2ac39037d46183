-- Migration 5: the hash-chained, append-only audit log (reliability.md §6).
-- hash = sha256(prev_hash || canonical(row)); canonical() is the one function used at insert and
-- at verify: the row's columns as JSON with keys sorted bytewise, timestamps in UTC ISO 8601.

CREATE TABLE audit_log (
    seq             bigint PRIMARY KEY,
    occurred_at     timestamptz NOT NULL,
    actor           text NOT NULL,          -- the database login (session_user)
    actor_staff_id  bigint,
    action          text NOT NULL,          -- e.g. refund.request, refund.approve, staff.create, login.failed
    entity          text NOT NULL,
    entity_id       text,
    result          text NOT NULL CHECK (result IN ('ok', 'rejected', 'failed')),
    reason          text,
    before          jsonb,
    after           jsonb,
    prev_hash       bytea NOT NULL,
    hash            bytea NOT NULL
);
CREATE INDEX audit_log_entity ON audit_log (entity, entity_id);
CREATE INDEX audit_log_time ON audit_log (occurred_at DESC);

CREATE TABLE audit_head (
    id    boolean PRIMARY KEY DEFAULT true CHECK (id),
    seq   bigint NOT NULL,
    hash  bytea NOT NULL
);
INSERT INTO audit_head VALUES (true, 0, '\x0000000000000000000000000000000000000000000000000000000000000000');

CREATE FUNCTION audit_canonical(p_seq bigint, p_occurred_at timestamptz, p_actor text, p_actor_staff_id bigint,
                                p_action text, p_entity text, p_entity_id text, p_result text, p_reason text,
                                p_before jsonb, p_after jsonb) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$
    SELECT '{' || string_agg(to_json(k)::text || ':' || v, ',' ORDER BY k COLLATE "C") || '}'
    FROM (VALUES
        ('seq', to_json(p_seq)::text),
        ('occurred_at', to_json(to_char(p_occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'))::text),
        ('actor', to_json(p_actor)::text),
        ('actor_staff_id', coalesce(to_json(p_actor_staff_id)::text, 'null')),
        ('action', to_json(p_action)::text),
        ('entity', to_json(p_entity)::text),
        ('entity_id', coalesce(to_json(p_entity_id)::text, 'null')),
        ('result', to_json(p_result)::text),
        ('reason', coalesce(to_json(p_reason)::text, 'null')),
        ('before', coalesce(p_before::text, 'null')),
        ('after', coalesce(p_after::text, 'null'))) AS f(k, v)
$$;

-- The only way rows get in: holds the head-row lock, so the chain has no forks and no gaps.
CREATE FUNCTION audit_append(p_action text, p_entity text, p_entity_id text, p_result text,
                             p_reason text DEFAULT NULL, p_before jsonb DEFAULT NULL, p_after jsonb DEFAULT NULL)
    RETURNS bigint LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp
AS $$
DECLARE
    v_head audit_head;
    v_seq bigint;
    v_now timestamptz := clock_timestamp();
    v_staff bigint := (SELECT id FROM staff WHERE role_name = session_user);
    v_hash bytea;
BEGIN
    SELECT * INTO v_head FROM audit_head WHERE id FOR UPDATE;
    v_seq := v_head.seq + 1;
    v_hash := sha256(v_head.hash || convert_to(audit_canonical(v_seq, v_now, session_user::text, v_staff, p_action,
                                                               p_entity, p_entity_id, p_result, p_reason, p_before,
                                                               p_after), 'UTF8'));
    INSERT INTO audit_log VALUES (v_seq, v_now, session_user, v_staff, p_action, p_entity, p_entity_id, p_result,
                                  p_reason, p_before, p_after, v_head.hash, v_hash);
    UPDATE audit_head SET seq = v_seq, hash = v_hash WHERE id;
    RETURN v_seq;
END
$$;

-- Recomputes the chain; returns the first broken seq (NULL = intact) and how many rows were checked.
CREATE FUNCTION audit_verify(OUT first_bad_seq bigint, OUT rows_checked bigint, OUT problem text)
    LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp
AS $$
DECLARE
    r audit_log;
    v_prev bytea := '\x0000000000000000000000000000000000000000000000000000000000000000';
    v_expected_seq bigint := 1;
BEGIN
    rows_checked := 0;
    FOR r IN SELECT * FROM audit_log ORDER BY seq LOOP
        IF r.seq <> v_expected_seq THEN
            first_bad_seq := v_expected_seq; problem := 'gap in seq'; RETURN;
        END IF;
        IF r.prev_hash <> v_prev OR r.hash <> sha256(v_prev || convert_to(audit_canonical(r.seq, r.occurred_at, r.actor,
                r.actor_staff_id, r.action, r.entity, r.entity_id, r.result, r.reason, r.before, r.after), 'UTF8')) THEN
            first_bad_seq := r.seq; problem := 'hash mismatch'; RETURN;
        END IF;
        v_prev := r.hash;
        v_expected_seq := v_expected_seq + 1;
        rows_checked := rows_checked + 1;
    END LOOP;
    IF (SELECT seq FROM audit_head) <> v_expected_seq - 1 THEN
        first_bad_seq := v_expected_seq; problem := 'tail missing (head is ahead of the log)';
    END IF;
END
$$;

CREATE FUNCTION audit_reject_change() RETURNS trigger LANGUAGE plpgsql
AS $$
BEGIN
    RAISE EXCEPTION 'the audit log is append-only' USING ERRCODE = '42501';
END
$$;
CREATE TRIGGER audit_log_no_update BEFORE UPDATE OR DELETE ON audit_log
    FOR EACH ROW EXECUTE FUNCTION audit_reject_change();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
    FOR EACH STATEMENT EXECUTE FUNCTION audit_reject_change();
