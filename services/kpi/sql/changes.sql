-- Recomputes the MRR change log of the dealers in kpi_scope into kpi_new_changes (docs/kpi.md §2, §6).
-- Inputs: temp tables kpi_scope(dealer_id) and kpi_params(asof date, ...).
-- A subscription counts from its first successful paid charge (a Ley 358-05 withdrawal voids it),
-- while Active or PastDue on a paid plan, after any Early Bird free months; its discount is the
-- larger of its own (until discount_ends) and the Early Bird one (until the enrolment's end):
-- discounts do not stack.
-- A refresh: the scope's invoices, each one's successful charges (two index-only scans, migration 8;
-- OFFSET 0 keeps the planner from flattening it: it guesses the coalesce() keeps 0.5 % of charges,
-- not 90 %, and then walked every charge). Less the few Ley 358-05 voided charges, hashed once.
-- A rebuild's scope is every dealer (kpi_params.all_dealers), so it joins all charges at once.
CREATE TEMP TABLE kpi_voided ON COMMIT DROP AS
SELECT DISTINCT p.charge_id FROM refunds r JOIN payments p ON p.id = r.payment_id
WHERE r.reason = 'ley_358_05' AND coalesce(r.resolution, r.state) = 'succeeded' AND p.charge_id IS NOT NULL;
CREATE UNIQUE INDEX ON kpi_voided (charge_id);

CREATE TEMP TABLE kpi_paid ON COMMIT DROP AS
SELECT subscription_id, min((coalesce(finished_at, started_at) AT TIME ZONE 'America/Santo_Domingo')::date) AS first_paid
FROM (SELECT i.subscription_id, c.id, c.started_at, c.finished_at
      FROM kpi_scope k
      JOIN invoices i ON i.dealer_id = k.dealer_id   -- through invoices: charges have no dealer index
      CROSS JOIN LATERAL (SELECT c.id, c.started_at, c.finished_at FROM charges c
                          WHERE c.invoice_id = i.id AND coalesce(c.resolution, c.state) = 'succeeded' OFFSET 0) c
      WHERE NOT (SELECT all_dealers FROM kpi_params)
      UNION ALL  -- a rebuild: every charge, joined in bulk
      SELECT i.subscription_id, c.id, c.started_at, c.finished_at
      FROM invoices i JOIN charges c ON c.invoice_id = i.id
      WHERE coalesce(c.resolution, c.state) = 'succeeded' AND (SELECT all_dealers FROM kpi_params)) c
WHERE NOT EXISTS (SELECT 1 FROM kpi_voided v WHERE v.charge_id = c.id)
GROUP BY subscription_id;
CREATE INDEX ON kpi_paid (subscription_id);
ANALYZE kpi_paid;

-- The scope's subscription changes, read once (breakpoints and states below both need them).
CREATE TEMP TABLE kpi_ch ON COMMIT DROP AS
SELECT sc.*, row_number() OVER (PARTITION BY sc.subscription_id ORDER BY sc.effective_date, sc.id) AS rk
FROM subscription_changes sc JOIN kpi_scope USING (dealer_id);
CREATE INDEX ON kpi_ch (subscription_id, rk);
-- Statistics only for the columns joined or filtered on: the others (numerics, texts) are most of
-- ANALYZE's cost here and below, and no plan reads them.
ANALYZE kpi_ch (subscription_id, rk, effective_date, discount_ends, dealer_id, plan_version_id);

CREATE TEMP TABLE kpi_bp ON COMMIT DROP AS
SELECT DISTINCT subscription_id, d
FROM (SELECT subscription_id, effective_date AS d FROM kpi_ch
      UNION ALL
      SELECT subscription_id, discount_ends FROM kpi_ch WHERE discount_ends IS NOT NULL
      UNION ALL
      SELECT subscription_id, first_paid FROM kpi_paid
      UNION ALL
      SELECT s.id, e.free_until FROM subscriptions s JOIN kpi_scope USING (dealer_id)
      JOIN early_bird_enrolments e USING (dealer_id)
      UNION ALL
      SELECT s.id, e.discount_ends FROM subscriptions s JOIN kpi_scope USING (dealer_id)
      JOIN early_bird_enrolments e USING (dealer_id) WHERE e.discount_ends IS NOT NULL) x
WHERE d <= (SELECT asof FROM kpi_params);
ANALYZE kpi_bp;

-- The state in force on each breakpoint: the last change (by effective_date, id) on or before it,
-- found with a running max over one sorted stream instead of one index probe per breakpoint.
CREATE TEMP TABLE kpi_at ON COMMIT DROP AS
SELECT subscription_id, d, max(cur) AS rk
FROM (SELECT subscription_id, d, max(rk) OVER (PARTITION BY subscription_id ORDER BY d, rk NULLS LAST
                                              ROWS UNBOUNDED PRECEDING) AS cur
      FROM (SELECT subscription_id, effective_date AS d, rk FROM kpi_ch
            UNION ALL SELECT subscription_id, d, NULL FROM kpi_bp) e) x
WHERE cur IS NOT NULL
GROUP BY subscription_id, d;

-- The yearly discount policy is read once (pol; OFFSET 0 keeps it from being flattened into a call
-- per row) and passed to the 4-argument okla_mrr_minor, which PostgreSQL inlines (migration 9).
CREATE TEMP TABLE kpi_sub_state ON COMMIT DROP AS
SELECT b.subscription_id, b.d, st.dealer_id, pv.currency, pv.plan_key, st.status,
       (st.involuntary OR st.status = 'suspended') AS involuntary,
       CASE WHEN counts THEN okla_mrr_minor(pv.monthly_price_minor, st.billing_cycle, greatest(
                 CASE WHEN st.discount_ends IS NULL OR b.d < st.discount_ends THEN st.discount_bp ELSE 0 END,
                 CASE WHEN e.dealer_id IS NOT NULL AND (e.discount_ends IS NULL OR b.d < e.discount_ends)
                      THEN e.discount_bp ELSE 0 END), pol.yearly_discount_bp)
            ELSE 0 END AS mrr,
       CASE WHEN counts THEN pv.monthly_price_minor::numeric ELSE 0 END AS list_mrr
FROM kpi_at b
JOIN kpi_ch st ON st.subscription_id = b.subscription_id AND st.rk = b.rk
JOIN plan_versions pv ON pv.id = st.plan_version_id
LEFT JOIN kpi_paid p ON p.subscription_id = b.subscription_id
LEFT JOIN early_bird_enrolments e ON e.dealer_id = st.dealer_id
CROSS JOIN (SELECT okla_yearly_discount_bp() AS yearly_discount_bp OFFSET 0) pol
CROSS JOIN LATERAL (SELECT st.status IN ('active', 'past_due') AND pv.plan_key NOT IN ('libre', 'verificado')
                           AND pv.monthly_price_minor > 0 AND p.first_paid IS NOT NULL AND b.d >= p.first_paid
                           AND (e.dealer_id IS NULL OR b.d >= e.free_until) AS counts) k;

-- Per-subscription deltas; a subscription that changes currency leaves one and enters the other.
CREATE TEMP TABLE kpi_sub_delta ON COMMIT DROP AS
WITH s AS (SELECT *, lag(currency) OVER w AS prev_cur,
                  coalesce(lag(mrr) OVER w, 0) AS prev_mrr, coalesce(lag(list_mrr) OVER w, 0) AS prev_list
           FROM kpi_sub_state WINDOW w AS (PARTITION BY subscription_id ORDER BY d))
SELECT dealer_id, d, currency, mrr - prev_mrr AS dm, list_mrr - prev_list AS dl, plan_key, involuntary, mrr
FROM s WHERE prev_cur IS NULL OR prev_cur = currency
UNION ALL
SELECT dealer_id, d, prev_cur, -prev_mrr, -prev_list, plan_key, involuntary, 0 FROM s WHERE prev_cur <> currency
UNION ALL
SELECT dealer_id, d, currency, mrr, list_mrr, plan_key, involuntary, mrr FROM s WHERE prev_cur <> currency;

-- Dealer-level log: running sums of the deltas per (dealer, currency).
CREATE TEMP TABLE kpi_raw ON COMMIT DROP AS
WITH g AS (SELECT dealer_id, currency, d, sum(dm) AS dm, sum(dl) AS dl,
                  (array_agg(plan_key ORDER BY mrr DESC))[1] AS plan_key, bool_or(involuntary) AS involuntary
           FROM kpi_sub_delta WHERE dm <> 0 OR dl <> 0 GROUP BY dealer_id, currency, d),
     r AS (SELECT *, sum(dm) OVER w AS mrr, sum(dl) OVER w AS list_mrr
           FROM g WINDOW w AS (PARTITION BY dealer_id, currency ORDER BY d))
SELECT d AS effective_date, dealer_id, currency, mrr - dm AS prev_mrr, mrr, list_mrr - dl AS prev_list_mrr, list_mrr,
       involuntary, plan_key
FROM r WHERE dm <> 0 OR dl <> 0;
ANALYZE kpi_raw (dealer_id, currency, effective_date);

-- USD->DOP per day over the log's span (latest rate on or before each day; 58 without any).
CREATE TEMP TABLE kpi_fx ON COMMIT DROP AS
SELECT d::date AS day, coalesce((SELECT rate FROM fx_rates WHERE base = 'USD' AND quote = 'DOP' AND rate_date <= d::date
                                 ORDER BY rate_date DESC LIMIT 1), 58) AS rate
FROM generate_series(coalesce((SELECT min(effective_date) FROM kpi_raw), current_date),
                     coalesce((SELECT max(effective_date) FROM kpi_raw), current_date), interval '1 day') d;
CREATE UNIQUE INDEX ON kpi_fx (day);

-- Movement kind per dealer-day in the reporting currency (DOP at that day's rate), so a currency
-- switch is one expansion or contraction; "paid before" looks at every earlier day of the dealer.
CREATE TEMP TABLE kpi_new_changes ON COMMIT DROP AS
WITH day AS (
    SELECT dealer_id, effective_date,
           sum(prev_mrr * CASE WHEN currency = 'USD' THEN fx.rate ELSE 1 END) AS prev_rep,
           sum(mrr * CASE WHEN currency = 'USD' THEN fx.rate ELSE 1 END) AS rep,
           bool_or(prev_mrr > 0 OR mrr > 0) AS any_paid
    FROM kpi_raw JOIN kpi_fx fx ON fx.day = effective_date
    GROUP BY dealer_id, effective_date),
k AS (SELECT *, coalesce(bool_or(any_paid) OVER (PARTITION BY dealer_id ORDER BY effective_date
                         ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), false) AS paid_before
      FROM day)
SELECT c.effective_date, c.dealer_id, c.currency, c.prev_mrr, c.mrr, c.prev_list_mrr, c.list_mrr,
       CASE WHEN c.mrr = c.prev_mrr OR k.rep = k.prev_rep THEN NULL
            WHEN k.prev_rep = 0 AND NOT k.paid_before THEN 'new'
            WHEN k.prev_rep = 0 THEN 'reactivation'
            WHEN k.rep = 0 THEN 'churn'
            WHEN k.rep > k.prev_rep THEN 'expansion' ELSE 'contraction' END AS kind,
       c.involuntary, c.plan_key
FROM kpi_raw c JOIN k ON k.dealer_id = c.dealer_id AND k.effective_date = c.effective_date;
ANALYZE kpi_new_changes (dealer_id, currency, effective_date);

-- The first month whose change-log rows differ from the stored ones: snapshots from there on are
-- replaced (apply.sql). Here, so that agg_from is final before apply.sql runs (the builder puts
-- kpi_params' values into each script as literals).
UPDATE kpi_params SET agg_from = least(agg_from, coalesce((
    SELECT date_trunc('month', min(effective_date))::date FROM (
        (SELECT effective_date, dealer_id, currency, prev_mrr, mrr, prev_list_mrr, list_mrr, kind, involuntary, plan_key FROM dealer_mrr_changes
         WHERE dealer_id IN (SELECT dealer_id FROM kpi_scope)
         EXCEPT SELECT effective_date, dealer_id, currency, prev_mrr, mrr, prev_list_mrr, list_mrr, kind, involuntary, plan_key FROM kpi_new_changes)
        UNION ALL
        (SELECT effective_date, dealer_id, currency, prev_mrr, mrr, prev_list_mrr, list_mrr, kind, involuntary, plan_key FROM kpi_new_changes
         EXCEPT SELECT effective_date, dealer_id, currency, prev_mrr, mrr, prev_list_mrr, list_mrr, kind, involuntary, plan_key FROM dealer_mrr_changes
         WHERE dealer_id IN (SELECT dealer_id FROM kpi_scope))) diff), agg_from))
WHERE NOT all_dealers;
