-- Migration 14: what okla-worker needs (issue 9; docs/security.md §16, docs/domain.md §22-§24).
-- * dealers.language picks the notice templates (es/en).
-- * notifications: the outbox of dealer notices, exactly one row per event (event_key);
--   dealer_devices: the app's push tokens.
-- * worker_requests: intents that people (and the worker's own schedule) hand to the worker, made
--   only through okla_request_work(kind, params, key), which checks who may ask for what, stamps
--   the requester and answers a repeated key with the first row.
-- * stripe_webhook_events (dedupe on Stripe's event id), reconciliation_discrepancies (open ones
--   unique per kind, provider and provider id), worker_instances (heartbeats).
-- * subscriptions gain the schedule the renewal scheduler and dunning keep.
-- * settlements of charges, payments and subscriptions are audited (the worker cannot append).

-- ---------------------------------------------------------------------------------------------
-- Dealers' language.
-- ---------------------------------------------------------------------------------------------
ALTER TABLE dealers ADD COLUMN language text NOT NULL DEFAULT 'es'
    CONSTRAINT dealers_language CHECK (language IN ('es', 'en'));

-- ---------------------------------------------------------------------------------------------
-- Notifications outbox and push devices (docs/domain.md §15, §21).
-- ---------------------------------------------------------------------------------------------
CREATE TABLE notifications (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    dealer_id   bigint NOT NULL REFERENCES dealers (id),
    kind        text NOT NULL CHECK (kind IN ('pre_charge', 'payment_failed', 'card_update_needed', 'receipt',
                                              'refund_issued', 'suspended', 'cancelled')),
    language    text NOT NULL CHECK (language IN ('es', 'en')),
    channel     text NOT NULL DEFAULT 'email' CHECK (channel IN ('email', 'push')),
    recipient   text CHECK (length(recipient) <= 254),
    data        jsonb NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(data) = 'object'),
    event_key   text NOT NULL UNIQUE CHECK (length(event_key) BETWEEN 3 AND 200),
    created_at  timestamptz NOT NULL DEFAULT now(),
    sent_at     timestamptz,
    attempts    integer NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    last_error  text CHECK (length(last_error) <= 2000),
    -- e-mail goes to an address; push goes to the dealer's registered devices
    CONSTRAINT notifications_recipient CHECK (channel = 'push'
        OR (recipient IS NOT NULL AND recipient ~ '^[^@[:space:]]+@[^@[:space:]]+\.[^@[:space:]]+$')),
    CONSTRAINT notifications_last_error_no_card_number CHECK (last_error IS NULL
        OR last_error !~ '[0-9]([ -]{0,3}[0-9]){12}' OR okla_no_card_number(last_error, 'notifications.last_error'))
);
CREATE INDEX notifications_dealer ON notifications (dealer_id, created_at DESC);
CREATE INDEX notifications_unsent ON notifications (id) WHERE sent_at IS NULL;

CREATE TABLE dealer_devices (
    id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    dealer_id      bigint NOT NULL REFERENCES dealers (id),
    fcm_token      text NOT NULL UNIQUE CHECK (length(fcm_token) BETWEEN 1 AND 4096),
    platform       text NOT NULL CHECK (platform IN ('android', 'ios', 'web')),
    registered_at  timestamptz NOT NULL DEFAULT now(),
    removed_at     timestamptz
);
CREATE INDEX dealer_devices_dealer ON dealer_devices (dealer_id) WHERE removed_at IS NULL;

-- ---------------------------------------------------------------------------------------------
-- Intents for the worker (docs/domain.md §22, docs/security.md §16).
-- ---------------------------------------------------------------------------------------------
CREATE TABLE worker_requests (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    kind          text NOT NULL CHECK (kind IN ('billing_run', 'reconcile', 'retry_charge', 'cancel_at_period_end',
                                                'change_plan', 'resend_receipt', 'portal_link')),
    params        jsonb NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(params) = 'object' AND length(params::text) <= 4000),
    idem_key      uuid NOT NULL,
    requested_by  bigint REFERENCES staff (id), -- NULL: the worker's own schedule
    state         text NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'running', 'succeeded', 'failed')),
    progress      jsonb NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(progress) = 'object'),
    result        jsonb,
    error         text CHECK (length(error) <= 2000),
    created_at    timestamptz NOT NULL DEFAULT now(),
    started_at    timestamptz,
    finished_at   timestamptz,
    claimed_by    text CHECK (length(claimed_by) <= 200),
    CONSTRAINT worker_requests_key UNIQUE NULLS NOT DISTINCT (requested_by, idem_key),
    CONSTRAINT worker_requests_finished CHECK ((state IN ('succeeded', 'failed')) = (finished_at IS NOT NULL)),
    CONSTRAINT worker_requests_params_no_card_number CHECK (params::text !~ '[0-9]([ -]{0,3}[0-9]){12}'
        OR okla_no_card_number(params::text, 'worker_requests.params')),
    CONSTRAINT worker_requests_error_no_card_number CHECK (error IS NULL OR error !~ '[0-9]([ -]{0,3}[0-9]){12}'
        OR okla_no_card_number(error, 'worker_requests.error'))
);
CREATE INDEX worker_requests_open ON worker_requests (id) WHERE state IN ('pending', 'running');
CREATE INDEX worker_requests_created ON worker_requests (created_at DESC, id DESC);

-- pending -> running (claimed) -> succeeded | failed; running -> pending returns it to the queue
-- (shutdown, lost lease); a request the worker refuses before running fails at once.
INSERT INTO state_transitions (entity, from_state, to_state) VALUES
  ('worker_request', 'pending', 'running'), ('worker_request', 'pending', 'failed'),
  ('worker_request', 'running', 'succeeded'), ('worker_request', 'running', 'failed'),
  ('worker_request', 'running', 'pending');

-- The one way to ask the worker for something. Checks who may ask for this kind (docs/security.md
-- §16), stamps the requester from the session and returns the row's id. The same key with the
-- same kind and params returns the first row (a double-click, a retried CLI); the same key with
-- anything else is refused (23505).
CREATE FUNCTION okla_request_work(p_kind text, p_params jsonb, p_idem_key uuid) RETURNS bigint
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
        WHEN 'portal_link' THEN ARRAY['support', 'finance'] END;
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
    ELSIF NOT (p_kind IN ('billing_run', 'reconcile') AND pg_has_role(session_user, 'okla_worker', 'MEMBER')) THEN
        RAISE EXCEPTION 'only an active staff member (or the worker, for its own billing runs and reconciliations) may ask the worker for work'
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

-- BEFORE UPDATE: what was asked never changes; the state follows state_transitions; times are the
-- server's; a finished request stays as it finished.
CREATE FUNCTION okla_worker_request_change() RETURNS trigger
    LANGUAGE plpgsql SET search_path = pg_catalog, public, pg_temp
AS $$
BEGIN
    IF (NEW.id, NEW.kind, NEW.params, NEW.idem_key, NEW.requested_by, NEW.created_at)
       IS DISTINCT FROM (OLD.id, OLD.kind, OLD.params, OLD.idem_key, OLD.requested_by, OLD.created_at) THEN
        RAISE EXCEPTION 'a worker request''s kind, parameters, key, requester and creation time never change'
            USING ERRCODE = '42501';
    END IF;
    IF OLD.state IN ('succeeded', 'failed') THEN
        RAISE EXCEPTION 'worker request % has finished (%) and cannot change', OLD.id, OLD.state USING ERRCODE = '23514';
    END IF;
    IF NEW.state IS DISTINCT FROM OLD.state THEN
        IF NOT EXISTS (SELECT 1 FROM state_transitions
                        WHERE entity = 'worker_request' AND from_state = OLD.state AND to_state = NEW.state) THEN
            RAISE EXCEPTION 'worker request % cannot go from % to %', OLD.id, OLD.state, NEW.state USING ERRCODE = '23514';
        END IF;
        IF NEW.state = 'running' THEN
            NEW.started_at := now();
        ELSIF NEW.state = 'pending' THEN
            NEW.started_at := NULL;
            NEW.claimed_by := NULL;
        ELSE
            NEW.finished_at := now();
        END IF;
    ELSE
        NEW.started_at := OLD.started_at;
    END IF;
    IF NEW.state NOT IN ('succeeded', 'failed') THEN
        NEW.finished_at := NULL;
    END IF;
    RETURN NEW;
END
$$;

CREATE TRIGGER worker_requests_change BEFORE UPDATE ON worker_requests
    FOR EACH ROW EXECUTE FUNCTION okla_worker_request_change();
-- NOTIFY carries no payload (docs/security.md §12): listeners re-query.
CREATE TRIGGER worker_requests_notify_insert AFTER INSERT ON worker_requests
    FOR EACH ROW EXECUTE FUNCTION okla_notify_change('worker_requests');
CREATE TRIGGER worker_requests_notify_update AFTER UPDATE ON worker_requests
    FOR EACH ROW EXECUTE FUNCTION okla_notify_change('worker_requests_changed');
-- Audited: every request, and every change of state (not every progress tick).
CREATE TRIGGER worker_requests_audit AFTER INSERT ON worker_requests
    FOR EACH ROW EXECUTE FUNCTION okla_audit_row();
CREATE TRIGGER worker_requests_audit_state AFTER UPDATE ON worker_requests
    FOR EACH ROW WHEN (OLD.state IS DISTINCT FROM NEW.state) EXECUTE FUNCTION okla_audit_row();

-- ---------------------------------------------------------------------------------------------
-- Stripe webhooks: one row per event id, so a repeated delivery changes nothing.
-- ---------------------------------------------------------------------------------------------
CREATE TABLE stripe_webhook_events (
    event_id        text PRIMARY KEY CHECK (event_id ~ '^evt_[A-Za-z0-9_]{1,250}$'),
    type            text NOT NULL CHECK (length(type) BETWEEN 1 AND 200),
    received_at     timestamptz NOT NULL DEFAULT now(),
    processed_at    timestamptz,
    object_id       text CHECK (length(object_id) <= 255),
    payload_sha256  text NOT NULL CHECK (payload_sha256 ~ '^[0-9a-f]{64}$')
);
CREATE INDEX stripe_webhook_events_unprocessed ON stripe_webhook_events (received_at) WHERE processed_at IS NULL;

-- ---------------------------------------------------------------------------------------------
-- Reconciliation discrepancies (docs/domain.md §16).
-- ---------------------------------------------------------------------------------------------
CREATE TABLE reconciliation_discrepancies (
    id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    run_request_id   bigint REFERENCES worker_requests (id),
    provider         text NOT NULL CHECK (provider IN ('azul', 'stripe')),
    kind             text NOT NULL CHECK (kind IN ('payment_without_record', 'subscription_without_payment',
                                                   'amount_mismatch', 'orphaned_stripe_customer', 'status_mismatch',
                                                   'payment_status_mismatch', 'stripe_subscription_without_record')),
    provider_ref     text NOT NULL CHECK (length(provider_ref) BETWEEN 1 AND 255),
    payment_id       bigint REFERENCES payments (id),
    subscription_id  bigint REFERENCES subscriptions (id),
    expected_minor   bigint,
    actual_minor     bigint,
    currency         text CHECK (currency IN ('DOP', 'USD')),
    detail           jsonb NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(detail) = 'object'),
    found_at         timestamptz NOT NULL DEFAULT now(),
    resolved_at      timestamptz,
    resolved_by      bigint REFERENCES staff (id),
    resolution_note  text CHECK (length(resolution_note) <= 2000),
    CHECK (resolved_by IS NULL OR resolved_at IS NOT NULL),
    CHECK ((expected_minor IS NULL AND actual_minor IS NULL) OR currency IS NOT NULL),
    CONSTRAINT reconciliation_discrepancies_note_no_card_number CHECK (resolution_note IS NULL
        OR resolution_note !~ '[0-9]([ -]{0,3}[0-9]){12}'
        OR okla_no_card_number(resolution_note, 'reconciliation_discrepancies.resolution_note'))
);
-- A discrepancy is reported once while it is open; after its resolution it may be found again.
CREATE UNIQUE INDEX reconciliation_discrepancies_open ON reconciliation_discrepancies (kind, provider, provider_ref)
    WHERE resolved_at IS NULL;
CREATE INDEX reconciliation_discrepancies_found ON reconciliation_discrepancies (found_at DESC, id DESC);

-- BEFORE UPDATE: people only resolve, once; who and when are the session's and the server's.
CREATE FUNCTION okla_discrepancy_change() RETURNS trigger
    LANGUAGE plpgsql SET search_path = pg_catalog, public, pg_temp
AS $$
BEGIN
    IF OLD.resolved_at IS NOT NULL THEN
        RAISE EXCEPTION 'discrepancy % was resolved on % and cannot change', OLD.id, OLD.resolved_at USING ERRCODE = '23514';
    END IF;
    IF (NEW.id, NEW.run_request_id, NEW.provider, NEW.kind, NEW.provider_ref, NEW.payment_id, NEW.subscription_id,
        NEW.expected_minor, NEW.actual_minor, NEW.currency, NEW.detail, NEW.found_at)
       IS DISTINCT FROM (OLD.id, OLD.run_request_id, OLD.provider, OLD.kind, OLD.provider_ref, OLD.payment_id,
                         OLD.subscription_id, OLD.expected_minor, OLD.actual_minor, OLD.currency, OLD.detail, OLD.found_at) THEN
        RAISE EXCEPTION 'what reconciliation found never changes; only its resolution is written' USING ERRCODE = '42501';
    END IF;
    IF NEW.resolved_at IS NOT NULL THEN
        NEW.resolved_at := now();
        NEW.resolved_by := current_staff_id();
    ELSE
        NEW.resolved_by := NULL;
    END IF;
    RETURN NEW;
END
$$;
CREATE TRIGGER reconciliation_discrepancies_change BEFORE UPDATE ON reconciliation_discrepancies
    FOR EACH ROW EXECUTE FUNCTION okla_discrepancy_change();
CREATE TRIGGER reconciliation_discrepancies_audit AFTER INSERT OR UPDATE ON reconciliation_discrepancies
    FOR EACH ROW EXECUTE FUNCTION okla_audit_row();
CREATE TRIGGER reconciliation_discrepancies_notify AFTER INSERT OR UPDATE ON reconciliation_discrepancies
    FOR EACH ROW EXECUTE FUNCTION okla_notify_change('reconciliation_discrepancies_changed');

-- ---------------------------------------------------------------------------------------------
-- Running workers, for `okla worker status` and the billing-run monitor.
-- ---------------------------------------------------------------------------------------------
CREATE TABLE worker_instances (
    instance_id   text PRIMARY KEY CHECK (length(instance_id) BETWEEN 1 AND 200),
    hostname      text NOT NULL CHECK (length(hostname) BETWEEN 1 AND 255),
    pid           integer NOT NULL CHECK (pid > 0),
    started_at    timestamptz NOT NULL,
    heartbeat_at  timestamptz NOT NULL DEFAULT now(),
    version       text NOT NULL CHECK (length(version) BETWEEN 1 AND 100),
    concurrency   integer NOT NULL CHECK (concurrency BETWEEN 1 AND 1024),
    status        jsonb NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(status) = 'object')
);

-- ---------------------------------------------------------------------------------------------
-- The subscription's schedule (docs/domain.md §12, §22): kept by the worker alone.
-- ---------------------------------------------------------------------------------------------
ALTER TABLE subscriptions
    ADD COLUMN billing_anchor date,       -- its day of month is the billing day (29-31: last day of shorter months)
    ADD COLUMN next_charge_on date,       -- the Santo Domingo day of the next charge attempt; NULL: none scheduled
    ADD COLUMN dunning_started_on date,   -- the day the overdue invoice was due; NULL: not in dunning
    ADD COLUMN dunning_attempts integer NOT NULL DEFAULT 0 CONSTRAINT subscriptions_dunning_attempts CHECK (dunning_attempts >= 0);

-- Derives the schedule of every subscription from its period and charges: the anchor is the
-- current period's start when unknown; a subscription in good standing is next charged when its
-- period ends (nothing for free plans, cancellations at period end and ended ones); one in
-- dunning (past_due, suspended) started it when its period's invoice was due, counts that
-- invoice's failed charges, and is next charged on the first retry day of the policy after its
-- last attempt (none when the retries are used up). Owner only: this migration and the sandbox's
-- seeder, after a bulk load, call it.
CREATE FUNCTION okla_subscription_schedule_backfill() RETURNS bigint
    LANGUAGE plpgsql SET search_path = pg_catalog, public, pg_temp
AS $$
DECLARE
    v_retry_days integer[] := ARRAY(SELECT jsonb_array_elements_text(value)::integer
                                      FROM billing_policies WHERE key = 'dunning_retry_days');
    v_count bigint;
BEGIN
    -- Correlated subqueries: evaluated only for the few subscriptions in dunning, through the
    -- unique (subscription_id, period_start) of invoices and (invoice_id, attempt_no) of charges.
    UPDATE subscriptions s
       SET billing_anchor = coalesce(s.billing_anchor, s.current_period_start),
           dunning_started_on = CASE WHEN s.status IN ('past_due', 'suspended') THEN s.current_period_start END,
           dunning_attempts = CASE WHEN s.status IN ('past_due', 'suspended') THEN
               (SELECT count(*) FROM invoices i JOIN charges c ON c.invoice_id = i.id
                 WHERE i.subscription_id = s.id AND i.period_start = s.current_period_start
                   AND coalesce(c.resolution, c.state) = 'failed') ELSE 0 END,
           next_charge_on = CASE
               WHEN s.status IN ('trial', 'active') AND NOT s.cancel_at_period_end AND pv.monthly_price_minor > 0
                   THEN s.current_period_end
               WHEN s.status = 'past_due' THEN
                   (SELECT min(s.current_period_start + d) FROM unnest(v_retry_days) AS d
                     WHERE s.current_period_start + d > coalesce(
                           (SELECT max((c.started_at AT TIME ZONE 'America/Santo_Domingo')::date)
                              FROM invoices i JOIN charges c ON c.invoice_id = i.id
                             WHERE i.subscription_id = s.id AND i.period_start = s.current_period_start),
                           s.current_period_start))
               END
      FROM plan_versions pv
     WHERE pv.id = s.plan_version_id;
    GET DIAGNOSTICS v_count = ROW_COUNT;
    RETURN v_count;
END
$$;
REVOKE ALL ON FUNCTION okla_subscription_schedule_backfill() FROM PUBLIC;

SELECT okla_subscription_schedule_backfill();
ALTER TABLE subscriptions ALTER COLUMN billing_anchor SET NOT NULL;

-- BEFORE INSERT: a subscription inserted without an anchor is billed on its first period's day.
-- (Bulk loads run with triggers off and write the anchor themselves.)
CREATE FUNCTION okla_subscription_anchor() RETURNS trigger
    LANGUAGE plpgsql SET search_path = pg_catalog, public, pg_temp
AS $$
BEGIN
    NEW.billing_anchor := coalesce(NEW.billing_anchor, NEW.current_period_start);
    RETURN NEW;
END
$$;
CREATE TRIGGER subscriptions_anchor BEFORE INSERT ON subscriptions
    FOR EACH ROW EXECUTE FUNCTION okla_subscription_anchor();
CREATE INDEX subscriptions_next_charge ON subscriptions (next_charge_on) WHERE next_charge_on IS NOT NULL;

-- Settlements are audited: the worker cannot append audit rows itself (docs/security.md §5), so
-- these triggers record a charge's, a payment's and a subscription's changes of state. Inserts
-- are not (their settlement follows; bulk loads stay fast).
CREATE TRIGGER charges_audit_state AFTER UPDATE ON charges
    FOR EACH ROW WHEN ((OLD.state, OLD.resolution) IS DISTINCT FROM (NEW.state, NEW.resolution))
    EXECUTE FUNCTION okla_audit_row();
CREATE TRIGGER payments_audit_status AFTER UPDATE ON payments
    FOR EACH ROW WHEN (OLD.status IS DISTINCT FROM NEW.status) EXECUTE FUNCTION okla_audit_row();
CREATE TRIGGER subscriptions_audit_state AFTER UPDATE ON subscriptions
    FOR EACH ROW WHEN ((OLD.status, OLD.plan_version_id, OLD.billing_cycle, OLD.cancel_at_period_end)
                       IS DISTINCT FROM (NEW.status, NEW.plan_version_id, NEW.billing_cycle, NEW.cancel_at_period_end))
    EXECUTE FUNCTION okla_audit_row();

REVOKE ALL ON FUNCTION okla_worker_request_change(), okla_discrepancy_change(), okla_subscription_anchor() FROM PUBLIC;

-- ---------------------------------------------------------------------------------------------
-- Grants (docs/security.md §16). Staff ask through okla_request_work only; the worker settles.
-- ---------------------------------------------------------------------------------------------
REVOKE ALL ON FUNCTION okla_request_work(text, jsonb, uuid) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION okla_request_work(text, jsonb, uuid)
      TO okla_finance, okla_manager, okla_support, okla_admin, okla_worker;

GRANT SELECT ON notifications, worker_requests, worker_instances
      TO okla_finance, okla_manager, okla_support, okla_admin, okla_worker;
GRANT SELECT (id, dealer_id, platform, registered_at, removed_at) ON dealer_devices
      TO okla_finance, okla_manager, okla_support, okla_admin;
GRANT SELECT ON reconciliation_discrepancies TO okla_finance, okla_manager, okla_admin, okla_worker;
GRANT UPDATE (resolved_at, resolution_note) ON reconciliation_discrepancies TO okla_finance, okla_manager, okla_admin;

GRANT INSERT (dealer_id, kind, language, channel, recipient, data, event_key) ON notifications TO okla_worker;
GRANT UPDATE (sent_at, attempts, last_error) ON notifications TO okla_worker;
GRANT SELECT, INSERT ON dealer_devices TO okla_worker;
GRANT UPDATE (removed_at) ON dealer_devices TO okla_worker;
GRANT UPDATE (state, progress, result, error, started_at, finished_at, claimed_by) ON worker_requests TO okla_worker;
GRANT SELECT, INSERT ON stripe_webhook_events TO okla_worker;
GRANT UPDATE (processed_at) ON stripe_webhook_events TO okla_worker;
GRANT INSERT (run_request_id, provider, kind, provider_ref, payment_id, subscription_id, expected_minor, actual_minor,
              currency, detail) ON reconciliation_discrepancies TO okla_worker;
GRANT INSERT, UPDATE (hostname, pid, started_at, heartbeat_at, version, concurrency, status) ON worker_instances TO okla_worker;
GRANT DELETE ON worker_instances TO okla_worker;
