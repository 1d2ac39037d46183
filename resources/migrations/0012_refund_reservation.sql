-- Migration 12: refunds reserve against their payment, people write only what they choose, the
-- worker only what it settles; fixed search_path everywhere, no TEMP or sequences for staff,
-- NOTIFY carries no data; card numbers refused in free text (docs/security.md §2, §3, §4, §11, §12;
-- docs/idempotency.md §6).

-- ---------------------------------------------------------------------------------------------
-- Refunds: reservation and approval on the payment's running total (docs/security.md §4).
-- ---------------------------------------------------------------------------------------------

-- A refund is "live" until it fails or is rejected; only live refunds hold a reservation.
CREATE FUNCTION okla_refund_is_live(p_state text, p_resolution text) RETURNS boolean
    LANGUAGE sql IMMUTABLE SET search_path = pg_catalog, pg_temp
AS $$ SELECT NOT (p_state IN ('failed', 'rejected') OR (p_state = 'reconciled' AND p_resolution = 'failed')) $$;

-- A refund's money has left: it counts in payments.refunded_amount.
CREATE FUNCTION okla_refund_is_booked(p_state text, p_resolution text) RETURNS boolean
    LANGUAGE sql IMMUTABLE SET search_path = pg_catalog, pg_temp
AS $$ SELECT p_state = 'succeeded' OR (p_state = 'reconciled' AND p_resolution = 'succeeded') $$;

-- Amount in minor units as people read it, for messages: 6748420 DOP -> 'DOP 67,484.20'.
CREATE FUNCTION okla_format_minor(p_amount bigint, p_currency text) RETURNS text
    LANGUAGE sql IMMUTABLE SET search_path = pg_catalog, pg_temp
AS $$ SELECT p_currency || ' ' || to_char(p_amount / 100.0, 'FM999,999,999,999,990.00') $$;

-- BEFORE INSERT: the person chose payment, amount, reason and note (column grants below); this
-- stamps everything else. It locks the payment, so two requests on one payment queue here and the
-- second sees the first one's reservation.
CREATE FUNCTION okla_refund_request() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp
AS $$
DECLARE
    v_staff bigint := current_staff_id();
    v_payment payments;
    v_limit bigint;
    v_earlier bigint;
BEGIN
    IF v_staff IS NULL THEN
        RAISE EXCEPTION 'only an active staff member can request a refund' USING ERRCODE = '42501';
    END IF;
    SELECT * INTO v_payment FROM payments WHERE id = NEW.payment_id FOR UPDATE;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'payment % does not exist', NEW.payment_id USING ERRCODE = '23503';
    END IF;
    IF NEW.currency IS DISTINCT FROM v_payment.currency AND NEW.currency IS NOT NULL THEN
        RAISE EXCEPTION 'refund currency % differs from the payment''s (%)', NEW.currency, v_payment.currency
            USING ERRCODE = '23514';
    END IF;
    IF NEW.provider IS DISTINCT FROM v_payment.provider AND NEW.provider IS NOT NULL THEN
        RAISE EXCEPTION 'a refund goes to the provider that captured the payment (%)', v_payment.provider
            USING ERRCODE = '23514';
    END IF;
    IF v_payment.status NOT IN ('succeeded', 'partially_refunded') OR v_payment.captured_amount <= 0 THEN
        RAISE EXCEPTION 'payment % is %: only a captured payment can be refunded', v_payment.id, v_payment.status
            USING ERRCODE = '23514';
    END IF;
    IF NEW.amount_minor IS NULL OR NEW.amount_minor <= 0 THEN
        RAISE EXCEPTION 'a refund amount must be above zero' USING ERRCODE = '23514';
    END IF;
    IF v_payment.refund_reserved + NEW.amount_minor > v_payment.captured_amount THEN
        RAISE EXCEPTION 'a refund of % exceeds what is left to refund on payment % (%: captured %, already refunded or reserved %)',
            okla_format_minor(NEW.amount_minor, v_payment.currency), v_payment.id,
            okla_format_minor(v_payment.captured_amount - v_payment.refund_reserved, v_payment.currency),
            okla_format_minor(v_payment.captured_amount, v_payment.currency),
            okla_format_minor(v_payment.refund_reserved, v_payment.currency)
            USING ERRCODE = '23514';
    END IF;

    -- Approval on the running total: this refund plus the payment's earlier live ones.
    SELECT (value ->> v_payment.currency)::bigint INTO v_limit
      FROM billing_policies WHERE key = 'refund_approval_limit_minor';
    SELECT coalesce(sum(amount_minor), 0) INTO v_earlier
      FROM refunds WHERE payment_id = v_payment.id AND okla_refund_is_live(state, resolution);

    NEW.provider := v_payment.provider;
    NEW.currency := v_payment.currency;
    NEW.requested_by := v_staff;
    NEW.created_at := now();
    NEW.approved_by := NULL;
    NEW.rejected_reason := NULL;
    NEW.resolution := NULL;
    NEW.is_void := false;
    NEW.credit_note_ncf := NULL;
    NEW.provider_refund_id := NULL;
    NEW.failure_message := NULL;
    NEW.settled_at := NULL;
    IF v_earlier + NEW.amount_minor > coalesce(v_limit, 0) THEN
        NEW.state := 'awaiting_approval';
        NEW.decided_at := NULL;
    ELSE
        NEW.state := 'approved'; -- by the policy, at once: no second person needed
        NEW.decided_at := now();
    END IF;

    UPDATE payments SET refund_reserved = refund_reserved + NEW.amount_minor WHERE id = v_payment.id;
    RETURN NEW;
END
$$;

-- BEFORE UPDATE: what never changes stays; a decision is stamped with who and when.
CREATE FUNCTION okla_refund_change() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp
AS $$
DECLARE
    v_staff bigint := current_staff_id();
BEGIN
    IF (NEW.id, NEW.payment_id, NEW.provider, NEW.currency, NEW.amount_minor, NEW.requested_by, NEW.created_at)
       IS DISTINCT FROM (OLD.id, OLD.payment_id, OLD.provider, OLD.currency, OLD.amount_minor, OLD.requested_by, OLD.created_at) THEN
        RAISE EXCEPTION 'a refund''s payment, amount, requester and creation time never change' USING ERRCODE = '42501';
    END IF;
    IF OLD.state = 'awaiting_approval' AND NEW.state IN ('approved', 'rejected') THEN
        IF v_staff IS NULL OR v_staff = OLD.requested_by THEN
            RAISE EXCEPTION 'a refund is decided by a second person (finance or manager), not its requester or a service'
                USING ERRCODE = '42501';
        END IF;
        NEW.approved_by := v_staff;
        NEW.decided_at := now();
    ELSE
        NEW.approved_by := OLD.approved_by;
        NEW.decided_at := OLD.decided_at;
        IF NEW.state IN ('approved', 'rejected') AND NEW.state IS DISTINCT FROM OLD.state THEN
            RAISE EXCEPTION 'only a refund awaiting approval can be approved or rejected' USING ERRCODE = '42501';
        END IF;
    END IF;
    IF NEW.state IS DISTINCT FROM OLD.state AND NEW.state IN ('succeeded', 'failed', 'reconciled') THEN
        NEW.settled_at := now();
    ELSE
        NEW.settled_at := OLD.settled_at;
    END IF;
    -- A refund of an invoiced charge gets its credit note (B04) when its money has left.
    IF okla_refund_is_booked(NEW.state, NEW.resolution) AND OLD.credit_note_ncf IS NULL
       AND (SELECT invoice_id FROM payments WHERE id = NEW.payment_id) IS NOT NULL THEN
        NEW.credit_note_ncf := okla_next_ncf('B04');
    ELSE
        NEW.credit_note_ncf := OLD.credit_note_ncf;
    END IF;
    RETURN NEW;
END
$$;

-- AFTER UPDATE: a refund that fails or is rejected releases its reservation; one whose money left
-- is booked in refunded_amount (and undone if a provider later reports it failed).
CREATE FUNCTION okla_refund_settle() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp
AS $$
DECLARE
    v_reserved bigint := (okla_refund_is_live(NEW.state, NEW.resolution)::int
                          - okla_refund_is_live(OLD.state, OLD.resolution)::int) * NEW.amount_minor;
    v_refunded bigint := (okla_refund_is_booked(NEW.state, NEW.resolution)::int
                          - okla_refund_is_booked(OLD.state, OLD.resolution)::int) * NEW.amount_minor;
BEGIN
    IF v_reserved = 0 AND v_refunded = 0 THEN
        RETURN NULL;
    END IF;
    UPDATE payments
       SET refund_reserved = refund_reserved + v_reserved,
           refunded_amount = refunded_amount + v_refunded,
           status = CASE WHEN status NOT IN ('succeeded', 'partially_refunded', 'refunded') THEN status
                         WHEN refunded_amount + v_refunded = 0 THEN 'succeeded'
                         WHEN refunded_amount + v_refunded >= captured_amount THEN 'refunded'
                         ELSE 'partially_refunded' END
     WHERE id = NEW.payment_id;
    RETURN NULL;
END
$$;

DROP TRIGGER refunds_policy ON refunds;
DROP FUNCTION okla_refund_policy();
CREATE TRIGGER refunds_request BEFORE INSERT ON refunds FOR EACH ROW EXECUTE FUNCTION okla_refund_request();
CREATE TRIGGER refunds_change BEFORE UPDATE ON refunds FOR EACH ROW EXECUTE FUNCTION okla_refund_change();
CREATE TRIGGER refunds_settle AFTER UPDATE OF state, resolution ON refunds
    FOR EACH ROW EXECUTE FUNCTION okla_refund_settle();
REVOKE ALL ON FUNCTION okla_refund_request(), okla_refund_change(), okla_refund_settle() FROM PUBLIC;

-- ---------------------------------------------------------------------------------------------
-- Column grants (docs/security.md §2, §3): people write what they choose, triggers the rest.
-- ---------------------------------------------------------------------------------------------
REVOKE INSERT, UPDATE ON refunds FROM okla_finance, okla_manager, okla_support, okla_admin, okla_worker;
GRANT INSERT (id, payment_id, provider, currency, amount_minor, reason, note) ON refunds TO okla_finance;
GRANT UPDATE (state, rejected_reason) ON refunds TO okla_finance, okla_manager;
-- The worker settles: it never creates, approves or rejects a refund.
GRANT UPDATE (state, resolution, is_void, provider_refund_id, failure_message) ON refunds TO okla_worker;
DROP POLICY refunds_worker ON refunds;
ALTER POLICY refunds_worker_update ON refunds
    USING (state NOT IN ('requested', 'awaiting_approval', 'rejected'))
    WITH CHECK (state NOT IN ('requested', 'awaiting_approval', 'approved', 'rejected'));

-- The reservation and the refunded total are kept by the triggers above, nobody else.
REVOKE UPDATE ON payments FROM okla_worker;
GRANT UPDATE (dealer_id, invoice_id, charge_id, provider, status, currency, amount_minor, itbis_minor, fee_minor,
              captured_amount, azul_order_id, custom_order_id, rrn, authorization_code, stripe_charge_id,
              stripe_payment_intent_id, card_brand, card_last4, decline_code, decline_message, created_at, paid_at)
      ON payments TO okla_worker;

-- ---------------------------------------------------------------------------------------------
-- NOTIFY is only a hint to re-query (docs/security.md §12): no payload, so that nothing ever
-- reads data from a notification anyone can send. Identical notifications of one transaction
-- are also folded into one by the server.
-- ---------------------------------------------------------------------------------------------
CREATE OR REPLACE FUNCTION okla_notify_change() RETURNS trigger
    LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    PERFORM pg_notify(TG_ARGV[0], '');
    RETURN NULL;
END
$$;

-- ---------------------------------------------------------------------------------------------
-- Card numbers in free text (docs/security.md §11). The same rule as
-- models::containsCardNumber (tests/harness/cardnumbercases.h keeps them in step): a run of digit
-- groups joined by one to three spaces or dashes; any consecutive groups holding 13 to 19 digits
-- in all that pass Luhn are a card number.
-- ---------------------------------------------------------------------------------------------
CREATE FUNCTION okla_luhn_valid(p_digits text) RETURNS boolean
    LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    v_sum int := 0;
    v_digit int;
    v_len int := length(p_digits);
BEGIN
    FOR i IN 0 .. v_len - 1 LOOP
        v_digit := ascii(substr(p_digits, v_len - i, 1)) - 48;
        IF i % 2 = 1 THEN
            v_digit := v_digit * 2;
            IF v_digit > 9 THEN
                v_digit := v_digit - 9;
            END IF;
        END IF;
        v_sum := v_sum + v_digit;
    END LOOP;
    RETURN v_sum % 10 = 0;
END
$$;

CREATE FUNCTION okla_contains_card_number(p_text text) RETURNS boolean
    LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE SET search_path = pg_catalog, public, pg_temp
AS $$
DECLARE
    v_run text;
    v_groups text[];
    v_digits text;
BEGIN
    -- Fast path: fewer than 13 digits in a row (allowing separators) cannot hold a card number.
    IF p_text !~ '[0-9]([ -]{0,3}[0-9]){12}' THEN
        RETURN false;
    END IF;
    FOR v_run IN SELECT m[1] FROM regexp_matches(p_text, '([0-9]+(?:[ -]{1,3}[0-9]+)*)', 'g') AS m LOOP
        v_groups := regexp_split_to_array(v_run, '[ -]{1,3}');
        FOR i IN 1 .. cardinality(v_groups) LOOP
            v_digits := '';
            FOR j IN i .. cardinality(v_groups) LOOP
                v_digits := v_digits || v_groups[j];
                EXIT WHEN length(v_digits) > 19;
                IF length(v_digits) >= 13 AND okla_luhn_valid(v_digits) THEN
                    RETURN true;
                END IF;
            END LOOP;
        END LOOP;
    END LOOP;
    RETURN false;
END
$$;

-- For CHECK constraints: true, or an error that says which column and why.
CREATE FUNCTION okla_no_card_number(p_text text, p_column text) RETURNS boolean
    LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE SET search_path = pg_catalog, public, pg_temp
AS $$
BEGIN
    IF p_text IS NOT NULL AND okla_contains_card_number(p_text) THEN
        RAISE EXCEPTION '% looks like it contains a card number; card numbers are never stored (write at most the last 4 digits)', p_column
            USING ERRCODE = '23514', HINT = 'Remove the card number and try again.';
    END IF;
    RETURN true;
END
$$;

-- NOT VALID: rows written before this migration are not checked, every new or changed one is.
-- The CHECK repeats the function's fast path inline, so that bulk loads (the seeder's millions
-- of payments) call no function for text with fewer than 13 digits in a row.
DO $$
DECLARE
    c record;
BEGIN
    FOR c IN SELECT * FROM (VALUES
        ('dealers', 'legal_name'), ('dealers', 'trade_name'), ('dealers', 'city'), ('dealers', 'province'),
        ('dealers', 'email'), ('dealers', 'phone'),
        ('dealer_notes', 'body'), ('service_requests', 'result'), ('subscription_changes', 'note'),
        ('refunds', 'note'), ('refunds', 'rejected_reason'), ('refunds', 'failure_message'),
        ('payments', 'decline_message'), ('payments', 'card_brand'), ('charges', 'decline_message'),
        ('payment_methods', 'card_brand'), ('provider_requests', 'error_description'),
        ('staff', 'full_name'), ('staff', 'email'),
        ('billing_policies', 'description'), ('provider_costs', 'description'), ('provider_budgets', 'note'),
        ('kpi_targets', 'note'), ('plans', 'name'), ('early_bird_terms', 'name'), ('fx_rates', 'source'))
        AS t(tbl, col)
    LOOP
        EXECUTE format('ALTER TABLE %I ADD CONSTRAINT %I CHECK (%I IS NULL OR %I !~ %L OR okla_no_card_number(%I, %L)) NOT VALID',
                       c.tbl, c.tbl || '_' || c.col || '_no_card_number', c.col, c.col, '[0-9]([ -]{0,3}[0-9]){12}',
                       c.col, c.tbl || '.' || c.col);
    END LOOP;
END
$$;

-- ---------------------------------------------------------------------------------------------
-- Every function gets a fixed search_path ending in pg_temp (docs/security.md §12). Left out:
-- the pure IMMUTABLE SQL helpers that KPI queries inline (a SET clause stops inlining, about ten
-- times slower per row); they name no table, and functions are never looked up in pg_temp.
-- ---------------------------------------------------------------------------------------------
DO $$
DECLARE
    f regprocedure;
BEGIN
    FOR f IN SELECT p.oid::regprocedure FROM pg_proc p
             WHERE p.pronamespace = 'public'::regnamespace
               AND p.prolang <> (SELECT oid FROM pg_language WHERE lanname = 'c')
               AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_proc'::regclass AND d.objid = p.oid
                                                           AND d.deptype = 'e')
               AND NOT EXISTS (SELECT 1 FROM unnest(p.proconfig) s WHERE s LIKE 'search\_path=%')
               AND p.oid::regprocedure::text NOT IN ('okla_cycle_price_minor(bigint,text,integer)',
                                                     'okla_months_in_cycle(text)',
                                                     'okla_mrr_minor(bigint,text,integer,integer)')
    LOOP
        EXECUTE format('ALTER FUNCTION %s SET search_path = pg_catalog, public, pg_temp', f);
    END LOOP;
END
$$;

-- ---------------------------------------------------------------------------------------------
-- TEMP and sequences (docs/security.md §12): nobody but the worker (KPI snapshot builds) and the
-- owner creates temporary objects; identity columns need no sequence privilege.
-- ---------------------------------------------------------------------------------------------
DO $$
BEGIN
    EXECUTE format('REVOKE TEMPORARY ON DATABASE %I FROM PUBLIC', current_database());
    EXECUTE format('GRANT TEMPORARY ON DATABASE %I TO okla_worker', current_database());
END
$$;
REVOKE ALL ON ALL SEQUENCES IN SCHEMA public FROM okla_finance, okla_manager, okla_support, okla_admin, okla_worker;
