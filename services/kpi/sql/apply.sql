-- Replaces the scope's change-log rows and month-end snapshots from kpi_params.agg_from on (moved
-- back by changes.sql to the first month whose change-log rows differ). Inputs: kpi_scope,
-- kpi_params, kpi_new_changes (changes.sql).
-- kpi_params.all_dealers: the scope is every dealer (rebuild), so whole tables are replaced.
-- Rows before agg_from are identical (changes.sql compared them): only later ones are replaced.
DELETE FROM dealer_mrr_changes WHERE dealer_id IN (SELECT dealer_id FROM kpi_scope)
  AND effective_date >= (SELECT agg_from FROM kpi_params);
INSERT INTO dealer_mrr_changes (effective_date, dealer_id, currency, prev_mrr, mrr, prev_list_mrr, list_mrr, kind,
                                involuntary, plan_key)
SELECT effective_date, dealer_id, currency, prev_mrr, mrr, prev_list_mrr, list_mrr, kind, involuntary, plan_key
FROM kpi_new_changes WHERE effective_date >= (SELECT agg_from FROM kpi_params);

-- Month-end state = the latest change on or before the month's last day; the open range of a
-- dealer's last change runs to the month of `asof` (its "end" is today).
DELETE FROM dealer_mrr_monthly WHERE dealer_id IN (SELECT dealer_id FROM kpi_scope)
  AND month >= (SELECT agg_from FROM kpi_params);
INSERT INTO dealer_mrr_monthly (month, dealer_id, currency, mrr, list_mrr, plan_key)
SELECT m::date, c.dealer_id, c.currency, c.mrr, c.list_mrr, c.plan_key
FROM (SELECT *, lead(effective_date) OVER (PARTITION BY dealer_id, currency ORDER BY effective_date) AS next_d
      FROM kpi_new_changes) c
CROSS JOIN LATERAL generate_series(greatest(date_trunc('month', c.effective_date), (SELECT agg_from FROM kpi_params)),
                                   CASE WHEN c.next_d IS NULL THEN date_trunc('month', (SELECT asof FROM kpi_params))
                                        ELSE date_trunc('month', c.next_d) - interval '1 month' END,
                                   interval '1 month') m
WHERE c.mrr > 0;

-- A new month since the last run: dealers outside the scope carry their last state into it.
INSERT INTO dealer_mrr_monthly (month, dealer_id, currency, mrr, list_mrr, plan_key)
SELECT m::date, c.dealer_id, c.currency, c.mrr, c.list_mrr, c.plan_key
FROM kpi_params p
CROSS JOIN LATERAL generate_series(date_trunc('month', p.last_asof) + interval '1 month',
                                   date_trunc('month', p.asof), interval '1 month') m
JOIN dealer_mrr_monthly c ON c.month = date_trunc('month', p.last_asof)
WHERE NOT p.all_dealers AND NOT EXISTS (SELECT 1 FROM kpi_scope k WHERE k.dealer_id = c.dealer_id)
  AND (SELECT date_trunc('month', last_asof) < date_trunc('month', asof) FROM kpi_params)
ON CONFLICT DO NOTHING;
UPDATE kpi_params SET agg_from = least(agg_from, date_trunc('month', last_asof)::date) WHERE NOT all_dealers
  AND date_trunc('month', last_asof) < date_trunc('month', asof);
