-- Migration 6: what each group may do (domain.md "People who use the console"), enforced here so
-- that a hacked client changes nothing: GRANTs, row-level security, audit triggers, views.

-- Every change to money, people or configuration leaves an audit row (who, what, when, before/after).
CREATE FUNCTION okla_audit_row() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp
AS $$
DECLARE
    v_old jsonb := CASE WHEN TG_OP IN ('UPDATE', 'DELETE') THEN to_jsonb(OLD) END;
    v_new jsonb := CASE WHEN TG_OP IN ('INSERT', 'UPDATE') THEN to_jsonb(NEW) END;
    v_id text := coalesce(v_new ->> 'id', v_new ->> 'key', v_old ->> 'id', v_old ->> 'key');
BEGIN
    PERFORM audit_append(TG_TABLE_NAME || '.' || lower(TG_OP), TG_TABLE_NAME, v_id, 'ok', NULL, v_old, v_new);
    RETURN NULL;
END
$$;
CREATE TRIGGER refunds_audit AFTER INSERT OR UPDATE ON refunds FOR EACH ROW EXECUTE FUNCTION okla_audit_row();
CREATE TRIGGER staff_audit AFTER INSERT OR UPDATE OR DELETE ON staff FOR EACH ROW EXECUTE FUNCTION okla_audit_row();
CREATE TRIGGER billing_policies_audit AFTER INSERT OR UPDATE OR DELETE ON billing_policies FOR EACH ROW EXECUTE FUNCTION okla_audit_row();
CREATE TRIGGER provider_costs_audit AFTER INSERT OR UPDATE OR DELETE ON provider_costs FOR EACH ROW EXECUTE FUNCTION okla_audit_row();
CREATE TRIGGER plan_versions_audit AFTER INSERT OR UPDATE OR DELETE ON plan_versions FOR EACH ROW EXECUTE FUNCTION okla_audit_row();
CREATE TRIGGER dealer_notes_audit AFTER INSERT ON dealer_notes FOR EACH ROW EXECUTE FUNCTION okla_audit_row();
CREATE TRIGGER service_requests_audit AFTER INSERT ON service_requests FOR EACH ROW EXECUTE FUNCTION okla_audit_row();

-- What the Dealers page lists: each dealer with its current subscription and MRR.
CREATE VIEW dealer_overview WITH (security_invoker = true) AS
SELECT d.id, d.public_id, d.legal_name, d.trade_name, d.tax_id, d.tax_id_kind, d.city, d.province,
       d.verification_status, d.dealer_type, d.email, d.phone, d.created_at, d.search_text,
       s.id AS subscription_id, pv.plan_key, s.status AS subscription_status, s.currency, s.billing_cycle,
       CASE WHEN s.status IN ('active', 'past_due')
            THEN round(okla_mrr_minor(pv.monthly_price_minor, s.billing_cycle, s.discount_bp))::bigint
            ELSE 0 END AS mrr_minor
FROM dealers d
LEFT JOIN LATERAL (SELECT * FROM subscriptions x WHERE x.dealer_id = d.id
                   ORDER BY x.started_at DESC, x.id DESC LIMIT 1) s ON true
LEFT JOIN plan_versions pv ON pv.id = s.plan_version_id;

-- Reading: everyone reads dealers, plans and billing; support sees card brand + last 4 only
-- (no tokens), no provider requests and no audit log.
GRANT SELECT ON plans, plan_versions, billing_policies, fx_rates, provider_costs, provider_budgets, staff,
                early_bird_terms, early_bird_enrolments, dealers, dealer_overview, subscriptions,
                subscription_changes, invoices, charges, charge_attempts, payments, refunds, dealer_notes,
                service_requests, ncf_sequences, state_transitions
      TO okla_finance, okla_manager, okla_support, okla_admin, okla_worker;
GRANT SELECT ON payment_methods TO okla_finance, okla_manager, okla_admin, okla_worker;
GRANT SELECT (id, dealer_id, provider, card_brand, card_last4, exp_month, exp_year, is_default, created_at, removed_at)
      ON payment_methods TO okla_support;
GRANT SELECT ON provider_requests, outbox TO okla_finance, okla_manager, okla_admin, okla_worker;
GRANT SELECT ON audit_log, audit_head TO okla_finance, okla_manager, okla_admin;

-- Writing.
GRANT INSERT ON dealer_notes, service_requests TO okla_support, okla_finance, okla_manager;
GRANT INSERT ON refunds TO okla_finance;
GRANT UPDATE (state, approved_by, rejected_reason, decided_at) ON refunds TO okla_finance, okla_manager;
GRANT INSERT, UPDATE, DELETE ON billing_policies, fx_rates, provider_costs, plans, plan_versions, early_bird_terms TO okla_admin;
GRANT UPDATE (full_name, email, active) ON staff TO okla_admin;
GRANT INSERT, UPDATE ON dealers, payment_methods, early_bird_enrolments, subscriptions, subscription_changes, invoices,
                        charges, payments, refunds, provider_requests, idempotency_keys, outbox, processed_messages,
                        service_requests, ncf_sequences, fx_rates
      TO okla_worker;
GRANT SELECT ON idempotency_keys, processed_messages TO okla_worker;
GRANT DELETE ON idempotency_keys TO okla_worker;
GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO okla_worker, okla_finance, okla_support, okla_manager, okla_admin;
GRANT EXECUTE ON FUNCTION audit_append(text, text, text, text, text, jsonb, jsonb)
      TO okla_finance, okla_manager, okla_support, okla_admin, okla_worker;
REVOKE ALL ON FUNCTION audit_verify() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION audit_verify() TO okla_manager, okla_admin;
REVOKE ALL ON FUNCTION okla_next_ncf(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION okla_next_ncf(text) TO okla_worker;
-- The audit log is append-only for everyone but its owner's SECURITY DEFINER function.
REVOKE UPDATE, DELETE, TRUNCATE ON audit_log, audit_head FROM PUBLIC, okla_finance, okla_manager, okla_support, okla_admin, okla_worker;

-- Row-level security.
ALTER TABLE refunds ENABLE ROW LEVEL SECURITY;
CREATE POLICY refunds_read ON refunds FOR SELECT
    TO okla_finance, okla_manager, okla_support, okla_admin, okla_worker USING (true);
-- Finance requests refunds in their own name; nothing is approved by its requester.
CREATE POLICY refunds_request ON refunds FOR INSERT TO okla_finance
    WITH CHECK (requested_by = current_staff_id() AND approved_by IS NULL
                AND state IN ('requested', 'awaiting_approval', 'approved'));
-- A second person (finance or manager) decides on a refund awaiting approval.
CREATE POLICY refunds_decide ON refunds FOR UPDATE TO okla_finance, okla_manager
    USING (state = 'awaiting_approval' AND requested_by IS DISTINCT FROM current_staff_id())
    WITH CHECK (state IN ('approved', 'rejected') AND approved_by = current_staff_id());
CREATE POLICY refunds_worker ON refunds FOR INSERT TO okla_worker WITH CHECK (true);
CREATE POLICY refunds_worker_update ON refunds FOR UPDATE TO okla_worker USING (true) WITH CHECK (true);

ALTER TABLE dealer_notes ENABLE ROW LEVEL SECURITY;
CREATE POLICY dealer_notes_read ON dealer_notes FOR SELECT
    TO okla_finance, okla_manager, okla_support, okla_admin, okla_worker USING (true);
CREATE POLICY dealer_notes_write ON dealer_notes FOR INSERT TO okla_support, okla_finance, okla_manager
    WITH CHECK (author_id = current_staff_id());

ALTER TABLE service_requests ENABLE ROW LEVEL SECURITY;
CREATE POLICY service_requests_read ON service_requests FOR SELECT
    TO okla_finance, okla_manager, okla_support, okla_admin, okla_worker USING (true);
CREATE POLICY service_requests_write ON service_requests FOR INSERT TO okla_support, okla_finance, okla_manager
    WITH CHECK (requested_by = current_staff_id() AND status = 'pending');
CREATE POLICY service_requests_worker ON service_requests FOR UPDATE TO okla_worker USING (true) WITH CHECK (true);
