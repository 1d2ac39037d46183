-- Migration 13: the audit log hardened (docs/security.md §5) and money policies behind two admins
-- (docs/security.md §14).
-- * audit_append is executable by nobody but its owner: the owner's SECURITY DEFINER triggers call
--   it, and every other entry point fixes action and entity itself.
-- * Rows carry a canonical_version. Version 1 (docs/security.md §5) is computed identically here and
--   by the program (models/audit/auditcanonical.h), which recomputes the chain outside the database
--   and checks it against signed checkpoints. Rows written before this migration stay version 0.
-- * fx_rates, plans, kpi_targets and early_bird_terms are audited like the other policy tables.
-- * billing_policies, plans and plan_versions change only through a proposal that another admin
--   approves (policy_change_requests, okla_policy_propose/approve/reject).

ALTER TABLE audit_log ADD COLUMN canonical_version smallint NOT NULL DEFAULT 0
    CONSTRAINT audit_log_canonical_version CHECK (canonical_version IN (0, 1));
ALTER TABLE audit_log ALTER COLUMN canonical_version SET DEFAULT 1;

-- Canonical JSON, version 1: objects with keys sorted bytewise (UTF-8) and no whitespace, arrays in
-- order, scalars exactly as PostgreSQL prints them (strings escaped like to_json, numbers as numeric).
CREATE FUNCTION audit_canonical_json(p_value jsonb) RETURNS text
    LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE SET search_path = pg_catalog, public, pg_temp
AS $$
BEGIN
    CASE jsonb_typeof(p_value)
    WHEN 'object' THEN
        RETURN '{' || coalesce((SELECT string_agg(to_json(e.key)::text || ':' || audit_canonical_json(e.value), ','
                                                  ORDER BY e.key COLLATE "C")
                                FROM jsonb_each(p_value) AS e), '') || '}';
    WHEN 'array' THEN
        RETURN '[' || coalesce((SELECT string_agg(audit_canonical_json(a.value), ',' ORDER BY a.n)
                                FROM jsonb_array_elements(p_value) WITH ORDINALITY AS a(value, n)), '') || ']';
    ELSE
        RETURN p_value::text;
    END CASE;
END
$$;

-- Canonical row, version 1: one JSON object of the row's fields (and the version itself), keys
-- sorted bytewise, occurred_at in UTC with microseconds, absent values as null.
CREATE FUNCTION audit_canonical_v1(p_seq bigint, p_occurred_at timestamptz, p_actor text, p_actor_staff_id bigint,
                                   p_action text, p_entity text, p_entity_id text, p_result text, p_reason text,
                                   p_before jsonb, p_after jsonb) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE SET search_path = pg_catalog, public, pg_temp
AS $$
    SELECT '{"action":' || to_json(p_action)::text
        || ',"actor":' || to_json(p_actor)::text
        || ',"actor_staff_id":' || coalesce(to_json(p_actor_staff_id)::text, 'null')
        || ',"after":' || coalesce(audit_canonical_json(p_after), 'null')
        || ',"before":' || coalesce(audit_canonical_json(p_before), 'null')
        || ',"canonical_version":1'
        || ',"entity":' || to_json(p_entity)::text
        || ',"entity_id":' || coalesce(to_json(p_entity_id)::text, 'null')
        || ',"occurred_at":"' || to_char(p_occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') || '"'
        || ',"reason":' || coalesce(to_json(p_reason)::text, 'null')
        || ',"result":' || to_json(p_result)::text
        || ',"seq":' || p_seq::text
        || '}'
$$;

-- sha256(prev_hash || canonical(row)) in the row's own canonical version.
CREATE FUNCTION audit_row_hash(p_prev bytea, r audit_log) RETURNS bytea
    LANGUAGE sql IMMUTABLE SET search_path = pg_catalog, public, pg_temp
AS $$
    SELECT sha256(p_prev || convert_to(CASE r.canonical_version
        WHEN 0 THEN audit_canonical(r.seq, r.occurred_at, r.actor, r.actor_staff_id, r.action, r.entity, r.entity_id,
                                    r.result, r.reason, r.before, r.after)
        ELSE audit_canonical_v1(r.seq, r.occurred_at, r.actor, r.actor_staff_id, r.action, r.entity, r.entity_id,
                                r.result, r.reason, r.before, r.after)
    END, 'UTF8'))
$$;

-- Appends one chained row in the name of p_actor at p_occurred_at. Owner only: audit_append (the
-- triggers' path, session_user and the server's clock) and the sandbox's seeder call it.
CREATE FUNCTION audit_append_as(p_actor text, p_occurred_at timestamptz, p_action text, p_entity text, p_entity_id text,
                                p_result text, p_reason text, p_before jsonb, p_after jsonb)
    RETURNS bigint LANGUAGE plpgsql SET search_path = pg_catalog, public, pg_temp
AS $$
DECLARE
    v_head audit_head;
    v_row audit_log;
BEGIN
    SELECT * INTO v_head FROM audit_head WHERE id FOR UPDATE;
    v_row := ROW(v_head.seq + 1, p_occurred_at, p_actor, (SELECT id FROM staff WHERE role_name = p_actor), p_action,
                 p_entity, p_entity_id, p_result, p_reason, p_before, p_after, v_head.hash, NULL, 1)::audit_log;
    v_row.hash := audit_row_hash(v_head.hash, v_row);
    INSERT INTO audit_log SELECT v_row.*;
    UPDATE audit_head SET seq = v_row.seq, hash = v_row.hash WHERE id;
    RETURN v_row.seq;
END
$$;

CREATE OR REPLACE FUNCTION audit_append(p_action text, p_entity text, p_entity_id text, p_result text,
                                        p_reason text DEFAULT NULL, p_before jsonb DEFAULT NULL, p_after jsonb DEFAULT NULL)
    RETURNS bigint LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp
AS $$
BEGIN
    RETURN audit_append_as(session_user::text, clock_timestamp(), p_action, p_entity, p_entity_id, p_result, p_reason,
                           p_before, p_after);
END
$$;

-- Nobody may append freely: not PUBLIC, not any group (docs/security.md §5).
REVOKE ALL ON FUNCTION audit_append(text, text, text, text, text, jsonb, jsonb)
    FROM PUBLIC, okla_finance, okla_manager, okla_support, okla_admin, okla_worker;
REVOKE ALL ON FUNCTION audit_append_as(text, timestamptz, text, text, text, text, text, jsonb, jsonb) FROM PUBLIC;
REVOKE ALL ON FUNCTION audit_row_hash(bytea, audit_log) FROM PUBLIC;

-- The database's own check, kept for the console; `okla audit verify` does not trust it.
CREATE OR REPLACE FUNCTION audit_verify(OUT first_bad_seq bigint, OUT rows_checked bigint, OUT problem text)
    LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp
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
        IF r.prev_hash <> v_prev OR r.hash <> audit_row_hash(v_prev, r) THEN
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

-- The worker signs checkpoints (`okla audit checkpoint`): it reads the log to verify it first.
GRANT SELECT ON audit_log, audit_head TO okla_worker;

-- The audit trigger, with the key columns named by the trigger's arguments for tables without an
-- id or key column (fx_rates, kpi_targets): entity_id is their values joined by '/'.
CREATE OR REPLACE FUNCTION okla_audit_row() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = pg_catalog, public, pg_temp
AS $$
DECLARE
    v_old jsonb := CASE WHEN TG_OP IN ('UPDATE', 'DELETE') THEN to_jsonb(OLD) END;
    v_new jsonb := CASE WHEN TG_OP IN ('INSERT', 'UPDATE') THEN to_jsonb(NEW) END;
    v_row jsonb := coalesce(v_new, v_old);
    v_id text := coalesce(v_row ->> 'id', v_row ->> 'key');
BEGIN
    IF TG_NARGS > 0 THEN
        SELECT string_agg(v_row ->> k, '/' ORDER BY n) INTO v_id FROM unnest(TG_ARGV) WITH ORDINALITY AS a(k, n);
    END IF;
    PERFORM audit_append(TG_TABLE_NAME || '.' || lower(TG_OP), TG_TABLE_NAME, v_id, 'ok', NULL, v_old, v_new);
    RETURN NULL;
END
$$;

CREATE TRIGGER fx_rates_audit AFTER INSERT OR UPDATE OR DELETE ON fx_rates
    FOR EACH ROW EXECUTE FUNCTION okla_audit_row('base', 'quote', 'rate_date');
CREATE TRIGGER plans_audit AFTER INSERT OR UPDATE OR DELETE ON plans
    FOR EACH ROW EXECUTE FUNCTION okla_audit_row();
CREATE TRIGGER kpi_targets_audit AFTER INSERT OR UPDATE OR DELETE ON kpi_targets
    FOR EACH ROW EXECUTE FUNCTION okla_audit_row('kpi', 'period_start', 'unit');
CREATE TRIGGER early_bird_terms_audit AFTER INSERT OR UPDATE OR DELETE ON early_bird_terms
    FOR EACH ROW EXECUTE FUNCTION okla_audit_row();
DROP TRIGGER IF EXISTS plan_versions_audit ON plan_versions;
CREATE TRIGGER plan_versions_audit AFTER INSERT OR UPDATE OR DELETE ON plan_versions
    FOR EACH ROW EXECUTE FUNCTION okla_audit_row();
DROP TRIGGER IF EXISTS provider_costs_audit ON provider_costs;
CREATE TRIGGER provider_costs_audit AFTER INSERT OR UPDATE OR DELETE ON provider_costs
    FOR EACH ROW EXECUTE FUNCTION okla_audit_row();

-- Money policies (limits, dunning, plans): an admin proposes, ANOTHER admin approves
-- (docs/security.md §14). Admins keep reading these tables and lose writing them directly.
CREATE TABLE policy_change_requests (
    id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    target_table     text NOT NULL CHECK (target_table IN ('billing_policies', 'plans', 'plan_versions')),
    operation        text NOT NULL CHECK (operation IN ('insert', 'update', 'delete')),
    row_values       jsonb NOT NULL CHECK (jsonb_typeof(row_values) = 'object'),
    reason           text NOT NULL CHECK (btrim(reason) <> '' AND length(reason) <= 500),
    state            text NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'approved', 'rejected')),
    proposed_by      bigint NOT NULL REFERENCES staff (id),
    proposed_at      timestamptz NOT NULL DEFAULT now(),
    decided_by       bigint REFERENCES staff (id),
    decided_at       timestamptz,
    decision_reason  text CHECK (length(decision_reason) <= 500),
    CHECK (decided_by IS NULL OR state <> 'approved' OR decided_by <> proposed_by),
    CHECK ((state = 'pending') = (decided_at IS NULL))
);
CREATE TRIGGER policy_change_requests_audit AFTER INSERT OR UPDATE OR DELETE ON policy_change_requests
    FOR EACH ROW EXECUTE FUNCTION okla_audit_row();

REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON billing_policies, plans, plan_versions FROM okla_admin;
GRANT SELECT ON policy_change_requests TO okla_admin, okla_manager, okla_finance;

-- The calling staff member's id when they are an active admin; refuses anyone else.
CREATE FUNCTION okla_policy_admin_id() RETURNS bigint
    LANGUAGE plpgsql STABLE SET search_path = pg_catalog, public, pg_temp
AS $$
DECLARE
    v_id bigint := (SELECT id FROM staff WHERE role_name = session_user AND staff_role = 'admin' AND active);
BEGIN
    IF v_id IS NULL OR NOT pg_has_role(session_user, 'okla_admin', 'MEMBER') THEN
        RAISE EXCEPTION 'only an active admin may propose or decide a money-policy change' USING ERRCODE = '42501';
    END IF;
    RETURN v_id;
END
$$;

-- Checks that a proposal names a policy table, an operation and only that table's columns,
-- with the primary key present for an update or a delete.
CREATE FUNCTION okla_policy_check(p_table text, p_operation text, p_values jsonb) RETURNS void
    LANGUAGE plpgsql STABLE SET search_path = pg_catalog, public, pg_temp
AS $$
DECLARE
    v_unknown text;
    v_missing text;
BEGIN
    IF p_table IS NULL OR p_table NOT IN ('billing_policies', 'plans', 'plan_versions') THEN
        RAISE EXCEPTION 'a money-policy change is made to billing_policies, plans or plan_versions' USING ERRCODE = '22023';
    END IF;
    IF p_operation IS NULL OR p_operation NOT IN ('insert', 'update', 'delete') THEN
        RAISE EXCEPTION 'the operation must be insert, update or delete' USING ERRCODE = '22023';
    END IF;
    IF p_values IS NULL OR jsonb_typeof(p_values) <> 'object' OR p_values = '{}'::jsonb THEN
        RAISE EXCEPTION 'the change must be a JSON object of column values' USING ERRCODE = '22023';
    END IF;
    SELECT string_agg(k, ', ') INTO v_unknown FROM jsonb_object_keys(p_values) AS k
    WHERE NOT EXISTS (SELECT 1 FROM pg_attribute WHERE attrelid = ('public.' || p_table)::regclass AND attname = k
                      AND attnum > 0 AND NOT attisdropped);
    IF v_unknown IS NOT NULL THEN
        RAISE EXCEPTION '% has no column %', p_table, v_unknown USING ERRCODE = '22023';
    END IF;
    IF p_operation <> 'insert' THEN
        SELECT string_agg(a.attname, ', ') INTO v_missing
        FROM pg_index i JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY (i.indkey)
        WHERE i.indrelid = ('public.' || p_table)::regclass AND i.indisprimary AND NOT p_values ? a.attname;
        IF v_missing IS NOT NULL THEN
            RAISE EXCEPTION 'to % a row of %, name it by its key: % is missing', p_operation, p_table, v_missing
                USING ERRCODE = '22023';
        END IF;
    END IF;
END
$$;

CREATE FUNCTION okla_policy_propose(p_table text, p_operation text, p_values jsonb, p_reason text) RETURNS bigint
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp
AS $$
DECLARE
    v_admin bigint := okla_policy_admin_id();
    v_id bigint;
BEGIN
    PERFORM okla_policy_check(p_table, p_operation, p_values);
    IF p_reason IS NULL OR btrim(p_reason) = '' OR length(p_reason) > 500 THEN
        RAISE EXCEPTION 'a money-policy change needs a reason of 1 to 500 characters' USING ERRCODE = '22023';
    END IF;
    INSERT INTO policy_change_requests (target_table, operation, row_values, reason, proposed_by)
    VALUES (p_table, p_operation, p_values, btrim(p_reason), v_admin)
    RETURNING id INTO v_id;
    RETURN v_id;
END
$$;

-- Applies a pending proposal as another admin; the tables' audit triggers record the approver.
CREATE FUNCTION okla_policy_approve(p_id bigint) RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp
AS $$
DECLARE
    v_admin bigint := okla_policy_admin_id();
    v_request policy_change_requests;
    v_values jsonb;
    v_columns text;
    v_key text;
    v_count bigint;
BEGIN
    SELECT * INTO v_request FROM policy_change_requests WHERE id = p_id FOR UPDATE;
    IF NOT FOUND OR v_request.state <> 'pending' THEN
        RAISE EXCEPTION 'there is no pending money-policy change %', p_id USING ERRCODE = '22023';
    END IF;
    IF v_request.proposed_by = v_admin THEN
        RAISE EXCEPTION 'you proposed change %; another admin must approve it', p_id USING ERRCODE = '42501';
    END IF;
    PERFORM okla_policy_check(v_request.target_table, v_request.operation, v_request.row_values);
    v_values := v_request.row_values;
    IF v_request.target_table = 'billing_policies' AND v_request.operation <> 'delete' THEN
        v_values := v_values || jsonb_build_object('updated_at', now());
    END IF;
    SELECT string_agg(quote_ident(k), ', ') INTO v_columns FROM jsonb_object_keys(v_values) AS k;
    SELECT string_agg(format('t.%1$I = r.%1$I', a.attname), ' AND ') INTO v_key
    FROM pg_index i JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY (i.indkey)
    WHERE i.indrelid = ('public.' || v_request.target_table)::regclass AND i.indisprimary;
    IF v_request.operation = 'insert' THEN
        EXECUTE format('INSERT INTO public.%1$I (%2$s) SELECT %2$s FROM jsonb_populate_record(NULL::public.%1$I, $1)',
                       v_request.target_table, v_columns) USING v_values;
    ELSIF v_request.operation = 'update' THEN
        EXECUTE format('UPDATE public.%1$I t SET (%2$s) = (SELECT %2$s FROM jsonb_populate_record(NULL::public.%1$I, $1)) '
                       'FROM jsonb_populate_record(NULL::public.%1$I, $1) r WHERE %3$s',
                       v_request.target_table, v_columns, v_key) USING v_values;
    ELSE
        EXECUTE format('DELETE FROM public.%1$I t USING jsonb_populate_record(NULL::public.%1$I, $1) r WHERE %2$s',
                       v_request.target_table, v_key) USING v_values;
    END IF;
    GET DIAGNOSTICS v_count = ROW_COUNT;
    IF v_count <> 1 THEN
        RAISE EXCEPTION 'change % matches no row of % any more; reject it and propose it again', p_id, v_request.target_table
            USING ERRCODE = '22023';
    END IF;
    UPDATE policy_change_requests SET state = 'approved', decided_by = v_admin, decided_at = now() WHERE id = p_id;
END
$$;

-- Any admin (the proposer too, to withdraw it) rejects a pending proposal with a reason.
CREATE FUNCTION okla_policy_reject(p_id bigint, p_reason text) RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp
AS $$
DECLARE
    v_admin bigint := okla_policy_admin_id();
BEGIN
    IF p_reason IS NULL OR btrim(p_reason) = '' OR length(p_reason) > 500 THEN
        RAISE EXCEPTION 'a rejection needs a reason of 1 to 500 characters' USING ERRCODE = '22023';
    END IF;
    UPDATE policy_change_requests SET state = 'rejected', decided_by = v_admin, decided_at = now(),
                                      decision_reason = btrim(p_reason)
    WHERE id = p_id AND state = 'pending';
    IF NOT FOUND THEN
        RAISE EXCEPTION 'there is no pending money-policy change %', p_id USING ERRCODE = '22023';
    END IF;
END
$$;

REVOKE ALL ON FUNCTION okla_policy_admin_id(), okla_policy_check(text, text, jsonb) FROM PUBLIC;
REVOKE ALL ON FUNCTION okla_policy_propose(text, text, jsonb, text), okla_policy_approve(bigint),
                       okla_policy_reject(bigint, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION okla_policy_propose(text, text, jsonb, text), okla_policy_approve(bigint),
                          okla_policy_reject(bigint, text) TO okla_admin;
