-- Billing runs split into slices (docs/worker.md §18).
-- A large billing run is cut into slices of the subscriptions (id % count = index); each slice
-- is a worker request of its own, so every executor of every worker can bill one side by side,
-- claimed, heartbeated and given back like any request. Only the worker asks for a slice (the
-- run it belongs to is in params.parent); no staff member can.

ALTER TABLE worker_requests DROP CONSTRAINT worker_requests_kind_check;
ALTER TABLE worker_requests ADD CONSTRAINT worker_requests_kind_check
    CHECK (kind IN ('billing_run', 'reconcile', 'retry_charge', 'cancel_at_period_end', 'change_plan',
                    'resend_receipt', 'portal_link', 'billing_slice'));

-- The slices of one run, found by the run that waits for them.
CREATE INDEX worker_requests_slices ON worker_requests (((params->>'parent')::bigint))
    WHERE kind = 'billing_slice';

-- okla_request_work as in migration 14, with billing_slice for the worker alone.
CREATE OR REPLACE FUNCTION okla_request_work(p_kind text, p_params jsonb, p_idem_key uuid) RETURNS bigint
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp
AS $$
DECLARE
    v_params jsonb := coalesce(p_params, '{}'::jsonb);
    v_allowed text[];
    v_staff staff;
    v_id bigint;
    v_first worker_requests;
BEGIN
    IF p_idem_key IS NULL THEN
        RAISE EXCEPTION 'a request to the worker needs an idempotency key (a UUID made once per request)'
            USING ERRCODE = '22023';
    END IF;
    v_allowed := CASE p_kind
        WHEN 'billing_run' THEN ARRAY['finance', 'manager', 'admin']
        WHEN 'reconcile' THEN ARRAY['finance', 'manager', 'admin']
        WHEN 'retry_charge' THEN ARRAY['finance']
        WHEN 'cancel_at_period_end' THEN ARRAY['finance', 'manager']
        WHEN 'change_plan' THEN ARRAY['finance', 'manager']
        WHEN 'resend_receipt' THEN ARRAY['support', 'finance']
        WHEN 'portal_link' THEN ARRAY['support', 'finance']
        WHEN 'billing_slice' THEN ARRAY[]::text[] END;
    IF v_allowed IS NULL THEN
        RAISE EXCEPTION 'unknown request kind %', coalesce(p_kind, 'NULL') USING ERRCODE = '22023';
    END IF;
    IF jsonb_typeof(v_params) <> 'object' THEN
        RAISE EXCEPTION 'the parameters of a request are a JSON object' USING ERRCODE = '22023';
    END IF;
    SELECT * INTO v_staff FROM staff WHERE role_name = session_user AND active;
    IF FOUND THEN
        IF NOT (v_staff.staff_role = ANY (v_allowed))
           OR NOT pg_has_role(session_user, 'okla_' || v_staff.staff_role, 'MEMBER') THEN
            RAISE EXCEPTION 'a % request is made by % staff, not by %', p_kind, array_to_string(v_allowed, ' or '),
                v_staff.staff_role USING ERRCODE = '42501';
        END IF;
    ELSIF NOT (p_kind IN ('billing_run', 'reconcile', 'billing_slice') AND pg_has_role(session_user, 'okla_worker', 'MEMBER')) THEN
        RAISE EXCEPTION 'only an active staff member (or the worker, for its own billing runs, their slices and reconciliations) may ask the worker for work'
            USING ERRCODE = '42501';
    END IF;

    INSERT INTO worker_requests (kind, params, idem_key, requested_by)
    VALUES (p_kind, v_params, p_idem_key, v_staff.id)
    ON CONFLICT (requested_by, idem_key) DO NOTHING
    RETURNING id INTO v_id;
    IF v_id IS NOT NULL THEN
        RETURN v_id;
    END IF;
    SELECT * INTO v_first FROM worker_requests
     WHERE requested_by IS NOT DISTINCT FROM v_staff.id AND idem_key = p_idem_key;
    IF v_first.kind IS DISTINCT FROM p_kind OR v_first.params IS DISTINCT FROM v_params THEN
        RAISE EXCEPTION 'idempotency key % was already used for another request (% %); make a new key for a new request',
            p_idem_key, v_first.kind, v_first.params USING ERRCODE = '23505';
    END IF;
    RETURN v_first.id;
END
$$;
