-- Migration 8: indexes for `okla kpi refresh` (services/kpi/sql/changes.sql, kpi_paid). A refresh
-- finds the first successful charge of each subscription of a few thousand dealers, through their
-- invoices; that was one random heap read per invoice and per charge (about 45,000 of each for a
-- day of payments at 100,000 dealers). With these both are index-only scans.
CREATE INDEX invoices_dealer_subscription ON invoices (dealer_id) INCLUDE (id, subscription_id);
CREATE INDEX charges_invoice_succeeded ON charges (invoice_id) INCLUDE (id, started_at, finished_at)
    WHERE coalesce(resolution, state) = 'succeeded';
