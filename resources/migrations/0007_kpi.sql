-- Migration 7: KPI snapshots (kpi.md). The dashboard reads these small tables, never the raw
-- billing history, so it stays instant at 100,000 dealers. `okla kpi rebuild` recomputes them
-- from subscription history; `okla kpi refresh` brings them up to date from a watermark. The
-- computation itself lives in the KPI service (services/kpi/sql), so it can be fixed without a
-- new migration; only the shapes are fixed here.

-- The sparse MRR change log: one row per (dealer, currency, day) on which the dealer's MRR in
-- that currency changes. Amounts are exact numeric minor units before tax.
CREATE TABLE dealer_mrr_changes (
    effective_date  date NOT NULL,
    dealer_id       bigint NOT NULL, -- no FK: derived data, rebuilt; a re-seed may replace dealers
    currency        text NOT NULL CHECK (currency IN ('DOP', 'USD')),
    prev_mrr        numeric NOT NULL CHECK (prev_mrr >= 0),
    mrr             numeric NOT NULL CHECK (mrr >= 0),
    prev_list_mrr   numeric NOT NULL CHECK (prev_list_mrr >= 0),
    list_mrr        numeric NOT NULL CHECK (list_mrr >= 0),
    -- Derived once at (re)build so every reader classifies alike (kpi.md movement table;
    -- a currency switch is one expansion/contraction, not churn + new).
    kind            text CHECK (kind IN ('new', 'expansion', 'contraction', 'churn', 'reactivation')),
    involuntary     boolean NOT NULL DEFAULT false, -- churn that dunning caused (Suspended)
    plan_key        text,                           -- plan after the change (before it, for churn)
    PRIMARY KEY (dealer_id, currency, effective_date)
);
CREATE INDEX dealer_mrr_changes_date ON dealer_mrr_changes (effective_date, kind);

-- Month-end MRR per dealer (only dealers with MRR > 0), derived from the change log.
CREATE TABLE dealer_mrr_monthly (
    month     date NOT NULL CHECK (extract(day FROM month) = 1),
    dealer_id bigint NOT NULL,
    currency  text NOT NULL CHECK (currency IN ('DOP', 'USD')),
    mrr       numeric NOT NULL CHECK (mrr > 0),
    list_mrr  numeric NOT NULL CHECK (list_mrr >= 0),
    plan_key  text,
    PRIMARY KEY (month, dealer_id, currency)
);
CREATE INDEX dealer_mrr_monthly_dealer ON dealer_mrr_monthly (dealer_id, month);

-- Month aggregates the cards and charts read (tiny: months x currencies x plans).
CREATE TABLE kpi_month_mrr (
    month     date NOT NULL,
    currency  text NOT NULL,
    plan_key  text NOT NULL,
    dealers   integer NOT NULL,
    mrr       numeric NOT NULL,
    list_mrr  numeric NOT NULL,
    PRIMARY KEY (month, currency, plan_key)
);

CREATE TABLE kpi_month_movements (
    month     date NOT NULL,
    currency  text NOT NULL,
    kind      text NOT NULL,
    dealers   integer NOT NULL,
    amount    numeric NOT NULL,  -- signed: churn and contraction are negative
    PRIMARY KEY (month, currency, kind)
);

-- Dealer counts per month (a dealer counts once across currencies).
CREATE TABLE kpi_month_dealers (
    month                date PRIMARY KEY,
    paying_end           integer NOT NULL,  -- MRR > 0 at month end
    subscribed_end       integer NOT NULL,  -- paid plan in trial/active/past_due (roadmap "Dealers suscritos")
    new_dealers          integer NOT NULL,
    reactivated_dealers  integer NOT NULL,
    churned_dealers      integer NOT NULL,  -- distinct dealers with a churn movement
    churned_voluntary    integer NOT NULL,
    churned_involuntary  integer NOT NULL,
    early_bird_free      integer NOT NULL DEFAULT 0  -- subscribed but still in Early Bird free months
);

-- NRR inputs: MRR at the end of `month` of the dealers paying at the end of the base month
-- (1 or 12 months earlier), per currency, native amounts (converted at the start rate on read).
CREATE TABLE kpi_month_retention (
    month         date NOT NULL,
    base_months   integer NOT NULL CHECK (base_months IN (1, 12)),
    currency      text NOT NULL,
    start_mrr     numeric NOT NULL,
    retained_mrr  numeric NOT NULL,
    PRIMARY KEY (month, base_months, currency)
);

-- Cohort retention: cohort = month of a dealer's first New movement.
CREATE TABLE kpi_cohort_cells (
    cohort_month  date NOT NULL,
    month         date NOT NULL,
    currency      text NOT NULL,
    cohort_size   integer NOT NULL,   -- dealers in the cohort (all currencies)
    early_bird    integer NOT NULL,   -- of which Early Bird enrolments
    dealers       integer NOT NULL,   -- cohort dealers with MRR > 0 at the end of `month` (any currency)
    mrr           numeric NOT NULL,   -- cohort MRR in `currency` at the end of `month`
    PRIMARY KEY (cohort_month, month, currency)
);

-- Payment outcomes per day (America/Santo_Domingo) of attempt start, provider and currency.
CREATE TABLE kpi_payment_daily (
    day                 date NOT NULL,
    provider            text NOT NULL,
    currency            text NOT NULL,
    first_final         integer NOT NULL,  -- attempt 1 with a final outcome
    first_succeeded     integer NOT NULL,
    final_attempts      integer NOT NULL,  -- all attempt numbers
    succeeded           integer NOT NULL,
    declined            integer NOT NULL,
    technical           integer NOT NULL,
    ambiguous           integer NOT NULL,
    unknown             integer NOT NULL,  -- left out until reconciled
    approved_minor      bigint NOT NULL,   -- incl. ITBIS
    fee_minor           bigint NOT NULL,   -- provider fees of the payments created that day
    refunded_minor      bigint NOT NULL,   -- shown apart, never subtracted
    latency_ms_sum      numeric NOT NULL,
    latency_n           integer NOT NULL,
    PRIMARY KEY (day, provider, currency)
);

-- Dunning per due day: collection and recovery (kpi.md "Payments and dunning").
CREATE TABLE kpi_dunning_daily (
    due_day          date NOT NULL,
    currency         text NOT NULL,
    invoices_due     integer NOT NULL,  -- less those voided by staff before the due date
    paid_in_window   integer NOT NULL,
    first_failed     integer NOT NULL,
    recovered        integer NOT NULL,
    recovered_mrr    numeric NOT NULL,  -- MRR of the recovered invoices' subscriptions (native)
    window_closes    date NOT NULL,     -- provisional until then
    PRIMARY KEY (due_day, currency)
);

-- Watermarks and timings of the last rebuild / refresh.
CREATE TABLE kpi_state (
    key    text PRIMARY KEY,
    value  text NOT NULL,
    updated_at timestamptz NOT NULL DEFAULT now()
);

-- Roadmap targets as data (kpi.md "Roadmap targets"); the dashboard compares against them.
CREATE TABLE kpi_targets (
    kpi           text NOT NULL,
    period_start  date NOT NULL,
    period_end    date NOT NULL,      -- inclusive last day
    comparator    text NOT NULL CHECK (comparator IN ('>=', '<=', '<', '>', '=')),
    value         numeric NOT NULL,
    unit          text NOT NULL,      -- dealers, DOP, USD, ratio, ms, per_day, bytes, messages
    achieved      boolean NOT NULL DEFAULT false,  -- the roadmap's ✓
    note          text,
    PRIMARY KEY (kpi, period_start, unit)
);
INSERT INTO kpi_targets (kpi, period_start, period_end, comparator, value, unit, achieved, note) VALUES
  ('dealers_subscribed', '2026-01-01', '2026-03-31', '>=', 50, 'dealers', false, '23 reached in Q1 (✓), goal 50'),
  ('dealers_subscribed', '2026-04-01', '2026-06-30', '>=', 100, 'dealers', false, '100+'),
  ('dealers_subscribed', '2026-07-01', '2026-09-30', '>=', 250, 'dealers', false, '250+'),
  ('mrr', '2026-04-01', '2026-06-30', '>=', 75000000, 'DOP', false, 'RD$750K (≈ US$15K at 50; US$12.9K at 58)'),
  ('mrr', '2026-07-01', '2026-09-30', '>=', 4000000, 'USD', false, 'US$40K (≈ RD$2.32M at 58)'),
  ('customer_churn', '2026-04-01', '2026-06-30', '<', 0.05, 'ratio', false, 'mean monthly rate'),
  ('customer_churn', '2026-07-01', '2026-09-30', '<', 0.03, 'ratio', false, 'mean monthly rate'),
  ('payment_success', '2026-01-01', '2026-03-31', '>=', 0.94, 'ratio', true, 'AZUL first-attempt success'),
  ('payment_success', '2026-04-01', '2026-06-30', '>', 0.95, 'ratio', false, 'AZUL first-attempt success'),
  ('payment_latency', '2026-04-01', '2026-06-30', '<', 2000, 'ms', false, 'AZUL mean'),
  ('azul_transactions_day', '2026-07-01', '2026-09-30', '>=', 1000, 'per_day', false, 'all products'),
  ('fraud_rate', '2026-07-01', '2026-09-30', '<', 0.005, 'ratio', false, 'fraud disputes / approved'),
  ('payments_processed', '2026-01-01', '2026-03-31', '>=', 5000000, 'USD', true, 'gross approved per quarter'),
  ('payments_processed', '2026-04-01', '2026-06-30', '>=', 15000000, 'USD', false, 'gross approved per quarter'),
  ('payments_processed', '2026-07-01', '2026-09-30', '>=', 30000000, 'USD', false, 'gross approved per quarter'),
  ('payments_processed', '2026-10-01', '2026-12-31', '>=', 50000000, 'USD', false, 'gross approved per quarter'),
  ('object_storage', '2026-01-01', '2026-03-31', '<=', 45e9, 'bytes', true, NULL),
  ('object_storage', '2026-04-01', '2026-06-30', '<', 100e9, 'bytes', false, 'projection 80 GB, cap 100'),
  ('object_storage', '2026-07-01', '2026-09-30', '<', 200e9, 'bytes', false, 'projection 150 GB, cap 200'),
  ('object_storage', '2026-10-01', '2026-12-31', '<=', 250e9, 'bytes', false, NULL),
  ('orphaned_files', '2026-04-01', '2026-06-30', '<', 0.05, 'ratio', false, NULL),
  ('db_storage', '2026-01-01', '2026-03-31', '<=', 8e9, 'bytes', true, NULL),
  ('db_storage', '2026-04-01', '2026-06-30', '<=', 12e9, 'bytes', false, NULL),
  ('db_storage', '2026-07-01', '2026-09-30', '<=', 20e9, 'bytes', false, 'cap'),
  ('db_storage', '2026-10-01', '2026-12-31', '<=', 35e9, 'bytes', false, NULL),
  ('postgres_cache_hit', '2026-01-01', '2026-03-31', '>', 0.99, 'ratio', false, NULL),
  ('postgres_query_p95', '2026-07-01', '2026-09-30', '<', 50, 'ms', false, 'client-side timings'),
  ('redis_cache_hit', '2026-01-01', '2026-03-31', '>=', 0.95, 'ratio', true, NULL),
  ('redis_cache_hit', '2026-04-01', '2026-06-30', '>=', 0.97, 'ratio', false, NULL),
  ('redis_cache_hit', '2026-07-01', '2026-09-30', '>=', 0.98, 'ratio', false, NULL),
  ('redis_cache_hit', '2026-10-01', '2026-12-31', '>=', 0.99, 'ratio', false, NULL),
  ('rabbitmq_messages_day', '2026-01-01', '2026-03-31', '>=', 10000, 'messages', true, NULL),
  ('rabbitmq_messages_day', '2026-04-01', '2026-06-30', '>=', 50000, 'messages', false, NULL),
  ('rabbitmq_messages_day', '2026-07-01', '2026-09-30', '>=', 200000, 'messages', false, NULL),
  ('rabbitmq_messages_day', '2026-10-01', '2026-12-31', '>=', 500000, 'messages', false, NULL),
  ('rabbitmq_delivery', '2026-04-01', '2026-06-30', '>=', 0.9995, 'ratio', false, '< 100 ms, 0 confirmed losses');

GRANT SELECT ON dealer_mrr_changes, dealer_mrr_monthly, kpi_month_mrr, kpi_month_movements, kpi_month_dealers,
                kpi_month_retention, kpi_cohort_cells, kpi_payment_daily, kpi_dunning_daily, kpi_state, kpi_targets
      TO okla_manager, okla_finance, okla_admin, okla_worker;
GRANT INSERT, UPDATE, DELETE, TRUNCATE ON dealer_mrr_changes, dealer_mrr_monthly, kpi_month_mrr, kpi_month_movements,
                kpi_month_dealers, kpi_month_retention, kpi_cohort_cells, kpi_payment_daily, kpi_dunning_daily, kpi_state
      TO okla_worker;
GRANT INSERT, UPDATE, DELETE ON kpi_targets TO okla_admin;
