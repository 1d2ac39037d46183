-- Month aggregates from kpi_params.agg_from on (the dashboard reads only these and the dailies).
-- kpi_recent = dealer_mrr_monthly from agg_from on: the builder makes it a temp table for a refresh
-- (a month or two, read five times below; agg_from, a parameter, hid from the planner how few rows
-- that is, so each read was a scan of the whole table) and a view of the table for a rebuild.
DELETE FROM kpi_month_mrr WHERE month >= (SELECT agg_from FROM kpi_params);
INSERT INTO kpi_month_mrr (month, currency, plan_key, dealers, mrr, list_mrr)
SELECT month, currency, coalesce(plan_key, '?'), count(*), sum(mrr), sum(list_mrr)
FROM kpi_recent
GROUP BY 1, 2, 3;

DELETE FROM kpi_month_movements WHERE month >= (SELECT agg_from FROM kpi_params);
INSERT INTO kpi_month_movements (month, currency, kind, dealers, amount)
SELECT date_trunc('month', effective_date)::date, currency, kind, count(DISTINCT dealer_id), sum(mrr - prev_mrr)
FROM dealer_mrr_changes
WHERE kind IS NOT NULL AND effective_date >= (SELECT agg_from FROM kpi_params)
  AND effective_date <= (SELECT asof FROM kpi_params)
GROUP BY 1, 2, 3;

-- Subscribed (roadmap "Dealers suscritos"): a paid plan in trial/active/past_due at month end,
-- Early Bird free months included.
-- Subscribed (roadmap "Dealers suscritos"): a paid plan in trial/active/past_due at month end,
-- Early Bird free months included. A rebuild walks every change interval once; a refresh (a month
-- or two) takes each subscription's latest change instead. One-time filters skip the other branch.
CREATE TEMP TABLE kpi_subscribed ON COMMIT DROP AS
SELECT * FROM (
    SELECT m::date AS month, count(DISTINCT sc.dealer_id) AS subscribed,
           count(DISTINCT sc.dealer_id) FILTER (WHERE e.free_until > (m + interval '1 month')::date - 1) AS eb_free
    FROM (SELECT sc.*, lead(effective_date) OVER (PARTITION BY subscription_id ORDER BY effective_date, id) AS next_d
          FROM subscription_changes sc) sc
    JOIN plan_versions pv ON pv.id = sc.plan_version_id
    LEFT JOIN early_bird_enrolments e ON e.dealer_id = sc.dealer_id
    CROSS JOIN kpi_params p
    CROSS JOIN LATERAL generate_series(greatest(date_trunc('month', sc.effective_date), p.agg_from),
                                       CASE WHEN sc.next_d IS NULL THEN date_trunc('month', p.asof)
                                            ELSE date_trunc('month', sc.next_d) - interval '1 month' END,
                                       interval '1 month') m
    WHERE sc.status IN ('trial', 'active', 'past_due') AND pv.plan_key NOT IN ('libre', 'verificado')
      AND (sc.next_d IS NULL OR sc.next_d >= p.agg_from)
    GROUP BY 1) full_walk
WHERE (SELECT agg_from < date_trunc('month', asof) - interval '2 months' FROM kpi_params)
UNION ALL
SELECT * FROM (
    SELECT m.month, count(DISTINCT s.dealer_id), count(DISTINCT s.dealer_id) FILTER (WHERE e.free_until > m.eom)
    FROM (SELECT g::date AS month, least((g + interval '1 month')::date - 1, p.asof) AS eom
          FROM kpi_params p, generate_series(p.agg_from, date_trunc('month', p.asof), interval '1 month') g) m
    CROSS JOIN LATERAL (SELECT DISTINCT ON (subscription_id) dealer_id, status, plan_version_id FROM subscription_changes
                        WHERE effective_date <= m.eom ORDER BY subscription_id, effective_date DESC, id DESC) s
    JOIN plan_versions pv ON pv.id = s.plan_version_id
    LEFT JOIN early_bird_enrolments e ON e.dealer_id = s.dealer_id
    WHERE s.status IN ('trial', 'active', 'past_due') AND pv.plan_key NOT IN ('libre', 'verificado')
      AND m.eom < (now() AT TIME ZONE 'America/Santo_Domingo')::date
    GROUP BY m.month) latest
WHERE (SELECT agg_from >= date_trunc('month', asof) - interval '2 months' FROM kpi_params)
UNION ALL
-- Today's month: the subscriptions' current state is the state at the end of today (the worker
-- writes both), one row per subscription instead of a walk through the history.
SELECT * FROM (
    SELECT date_trunc('month', p.asof)::date, count(DISTINCT s.dealer_id),
           count(DISTINCT s.dealer_id) FILTER (WHERE e.free_until > p.asof)
    FROM kpi_params p
    JOIN subscriptions s ON true
    JOIN plan_versions pv ON pv.id = s.plan_version_id
    LEFT JOIN early_bird_enrolments e ON e.dealer_id = s.dealer_id
    WHERE s.status IN ('trial', 'active', 'past_due') AND pv.plan_key NOT IN ('libre', 'verificado')
    GROUP BY 1) today
WHERE (SELECT agg_from >= date_trunc('month', asof) - interval '2 months'
              AND asof >= (now() AT TIME ZONE 'America/Santo_Domingo')::date FROM kpi_params);

DELETE FROM kpi_month_dealers WHERE month >= (SELECT agg_from FROM kpi_params);
INSERT INTO kpi_month_dealers (month, paying_end, subscribed_end, new_dealers, reactivated_dealers, churned_dealers,
                               churned_voluntary, churned_involuntary, early_bird_free)
SELECT m.month, coalesce(pay.n, 0), coalesce(sub.subscribed, 0), coalesce(mv.new_d, 0), coalesce(mv.react_d, 0),
       coalesce(mv.churn_d, 0), coalesce(mv.vol_d, 0), coalesce(mv.invol_d, 0), coalesce(sub.eb_free, 0)
FROM (SELECT generate_series(greatest(p.agg_from, coalesce((SELECT date_trunc('month', min(effective_date))
                                                             FROM dealer_mrr_changes), date_trunc('month', p.asof))),
                             date_trunc('month', p.asof), interval '1 month')::date AS month
      FROM kpi_params p) m
LEFT JOIN (SELECT month, count(DISTINCT dealer_id) AS n FROM kpi_recent GROUP BY 1) pay USING (month)
LEFT JOIN kpi_subscribed sub USING (month)
LEFT JOIN (SELECT date_trunc('month', effective_date)::date AS month,
                  count(DISTINCT dealer_id) FILTER (WHERE kind = 'new') AS new_d,
                  count(DISTINCT dealer_id) FILTER (WHERE kind = 'reactivation') AS react_d,
                  count(DISTINCT dealer_id) FILTER (WHERE kind = 'churn') AS churn_d,
                  count(DISTINCT dealer_id) FILTER (WHERE kind = 'churn' AND NOT involuntary) AS vol_d,
                  count(DISTINCT dealer_id) FILTER (WHERE kind = 'churn' AND involuntary) AS invol_d
           FROM dealer_mrr_changes
           WHERE kind IS NOT NULL AND effective_date >= (SELECT agg_from FROM kpi_params)
             AND effective_date <= (SELECT asof FROM kpi_params)
           GROUP BY 1) mv USING (month);

-- NRR inputs. One month back: every dealer paying at the end of M but not of M-1 had a new or
-- reactivation movement in M, so retained = end MRR minus those few dealers' MRR. Twelve months
-- back: a join of the two months' snapshots.
DELETE FROM kpi_month_retention WHERE month >= (SELECT agg_from FROM kpi_params);
CREATE TEMP TABLE kpi_mtot ON COMMIT DROP AS
SELECT month, currency, sum(mrr) AS mrr FROM kpi_month_mrr GROUP BY 1, 2;
CREATE TEMP TABLE kpi_joined ON COMMIT DROP AS  -- MRR at M of dealers paying at M but not at M-1
SELECT e.month, e.currency, sum(e.mrr) AS mrr
FROM (SELECT DISTINCT dealer_id, date_trunc('month', effective_date)::date AS month FROM dealer_mrr_changes
      WHERE kind IN ('new', 'reactivation') AND effective_date >= (SELECT agg_from FROM kpi_params)) n
JOIN kpi_recent e ON e.dealer_id = n.dealer_id AND e.month = n.month
WHERE NOT EXISTS (SELECT 1 FROM dealer_mrr_monthly s
                  WHERE s.month = (e.month - interval '1 month')::date AND s.dealer_id = e.dealer_id)
GROUP BY 1, 2;
CREATE TEMP TABLE kpi_kept12 ON COMMIT DROP AS   -- MRR at M of dealers paying at M-12
SELECT e.month, e.currency, sum(e.mrr) AS mrr
FROM kpi_recent e
JOIN (SELECT DISTINCT dealer_id, (month + interval '12 months')::date AS month FROM dealer_mrr_monthly
      WHERE month >= (SELECT agg_from FROM kpi_params) - interval '12 months'
        AND month <= (SELECT date_trunc('month', asof) FROM kpi_params) - interval '12 months') s
  ON s.dealer_id = e.dealer_id AND s.month = e.month
GROUP BY 1, 2;
INSERT INTO kpi_month_retention (month, base_months, currency, start_mrr, retained_mrr)
SELECT m.month, b.n, c.currency, coalesce(st.mrr, 0),
       CASE WHEN b.n = 1 THEN coalesce(en.mrr, 0) - coalesce(j.mrr, 0) ELSE coalesce(k.mrr, 0) END
FROM (SELECT DISTINCT month FROM kpi_month_dealers WHERE month >= (SELECT agg_from FROM kpi_params)) m
CROSS JOIN (VALUES (1), (12)) b(n)
CROSS JOIN (VALUES ('DOP'), ('USD')) c(currency)
LEFT JOIN kpi_mtot st ON st.month = (m.month - make_interval(months => b.n))::date AND st.currency = c.currency
LEFT JOIN kpi_mtot en ON en.month = m.month AND en.currency = c.currency
LEFT JOIN kpi_joined j ON j.month = m.month AND j.currency = c.currency
LEFT JOIN kpi_kept12 k ON k.month = m.month AND k.currency = c.currency;

-- Cohorts: month of each dealer's first New movement; reactivated dealers stay in it.
CREATE TEMP TABLE kpi_cohort ON COMMIT DROP AS
SELECT dealer_id, date_trunc('month', min(effective_date))::date AS cohort_month
FROM dealer_mrr_changes WHERE kind = 'new' GROUP BY dealer_id;

DELETE FROM kpi_cohort_cells WHERE month >= (SELECT agg_from FROM kpi_params);
CREATE TEMP TABLE kpi_cells ON COMMIT DROP AS  -- one pass: dealers and MRR per currency per cell
SELECT k.cohort_month, x.month, count(*) AS dealers, coalesce(sum(x.dop), 0) AS dop, coalesce(sum(x.usd), 0) AS usd
FROM (SELECT dealer_id, month, sum(mrr) FILTER (WHERE currency = 'DOP') AS dop, sum(mrr) FILTER (WHERE currency = 'USD') AS usd
      FROM kpi_recent GROUP BY 1, 2) x
JOIN kpi_cohort k USING (dealer_id)
GROUP BY 1, 2;
INSERT INTO kpi_cohort_cells (cohort_month, month, currency, cohort_size, early_bird, dealers, mrr)
SELECT s.cohort_month, m.month, cur.currency, s.size, s.eb, coalesce(d.dealers, 0),
       coalesce(CASE cur.currency WHEN 'DOP' THEN d.dop ELSE d.usd END, 0)
FROM (SELECT cohort_month, count(*) AS size, count(e.dealer_id) AS eb
      FROM kpi_cohort LEFT JOIN early_bird_enrolments e USING (dealer_id) GROUP BY 1) s
JOIN (SELECT DISTINCT month FROM kpi_month_dealers WHERE month >= (SELECT agg_from FROM kpi_params)) m
  ON m.month >= s.cohort_month
CROSS JOIN (VALUES ('DOP'), ('USD')) cur(currency)
LEFT JOIN kpi_cells d ON d.cohort_month = s.cohort_month AND d.month = m.month;
