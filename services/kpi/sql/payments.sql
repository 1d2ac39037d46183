-- Payment outcomes per day from kpi_params.pay_from, and dunning per due day from dun_from.
DELETE FROM kpi_payment_daily WHERE day >= (SELECT pay_from FROM kpi_params);
INSERT INTO kpi_payment_daily (day, provider, currency, first_final, first_succeeded, final_attempts, succeeded,
                               declined, technical, ambiguous, unknown, approved_minor, fee_minor, refunded_minor,
                               latency_ms_sum, latency_n)
SELECT day, provider, currency, sum(first_final), sum(first_succeeded), sum(final_attempts), sum(succeeded),
       sum(declined), sum(technical), sum(ambiguous), sum(unknown), sum(approved_minor), sum(fee_minor),
       sum(refunded_minor), sum(latency_ms_sum), sum(latency_n)
FROM (
    SELECT (started_at AT TIME ZONE 'America/Santo_Domingo')::date AS day, provider, currency,
           count(*) FILTER (WHERE attempt_no = 1 AND fin IN ('succeeded', 'failed')) AS first_final,
           count(*) FILTER (WHERE attempt_no = 1 AND fin = 'succeeded') AS first_succeeded,
           count(*) FILTER (WHERE fin IN ('succeeded', 'failed')) AS final_attempts,
           count(*) FILTER (WHERE fin = 'succeeded') AS succeeded,
           count(*) FILTER (WHERE fin = 'failed' AND coalesce(failure_kind, 'declined') = 'declined') AS declined,
           count(*) FILTER (WHERE fin = 'failed' AND failure_kind = 'technical') AS technical,
           count(*) FILTER (WHERE fin = 'failed' AND failure_kind = 'ambiguous') AS ambiguous,
           count(*) FILTER (WHERE fin NOT IN ('succeeded', 'failed')) AS unknown,
           coalesce(sum(amount_minor) FILTER (WHERE fin = 'succeeded'), 0) AS approved_minor,
           0::bigint AS fee_minor, 0::bigint AS refunded_minor,
           coalesce(sum(extract(epoch FROM finished_at - started_at) * 1000)
                    FILTER (WHERE finished_at IS NOT NULL AND fin IN ('succeeded', 'failed')), 0) AS latency_ms_sum,
           count(*) FILTER (WHERE finished_at IS NOT NULL AND fin IN ('succeeded', 'failed')) AS latency_n
    FROM (SELECT *, coalesce(resolution, state) AS fin FROM charge_attempts
          WHERE started_at >= (SELECT pay_from FROM kpi_params)::timestamp AT TIME ZONE 'America/Santo_Domingo') a
    GROUP BY 1, 2, 3
    UNION ALL
    SELECT (created_at AT TIME ZONE 'America/Santo_Domingo')::date, provider, currency, 0, 0, 0, 0, 0, 0, 0, 0, 0,
           sum(fee_minor), 0, 0, 0
    FROM payments
    WHERE created_at >= (SELECT pay_from FROM kpi_params)::timestamp AT TIME ZONE 'America/Santo_Domingo'
      AND status NOT IN ('pending', 'processing', 'failed')
    GROUP BY 1, 2, 3
    UNION ALL
    SELECT (created_at AT TIME ZONE 'America/Santo_Domingo')::date, provider, currency, 0, 0, 0, 0, 0, 0, 0, 0, 0,
           0, sum(amount_minor), 0, 0
    FROM refunds
    WHERE created_at >= (SELECT pay_from FROM kpi_params)::timestamp AT TIME ZONE 'America/Santo_Domingo'
      AND coalesce(resolution, state) = 'succeeded'
    GROUP BY 1, 2, 3) x
GROUP BY 1, 2, 3;

-- Collection: invoices due that day (less those voided by staff before it) paid within the
-- dunning window; recovery: of those whose attempt 1 failed.
DELETE FROM kpi_dunning_daily WHERE due_day >= (SELECT dun_from FROM kpi_params);
INSERT INTO kpi_dunning_daily (due_day, currency, invoices_due, paid_in_window, first_failed, recovered,
                               recovered_mrr, window_closes)
SELECT i.due_date, i.currency, count(*),
       count(*) FILTER (WHERE paid.at <= i.due_date + w.days),
       count(*) FILTER (WHERE f.failed),
       count(*) FILTER (WHERE f.failed AND paid.at <= i.due_date + w.days),
       coalesce(sum(i.subtotal_minor::numeric / greatest(1, round((i.period_end - i.period_start) / 30.4375)))
                FILTER (WHERE f.failed AND paid.at <= i.due_date + w.days), 0),
       i.due_date + w.days
FROM invoices i
CROSS JOIN (SELECT coalesce((SELECT value::text::int FROM billing_policies WHERE key = 'dunning_cancel_day'), 14)
            AS days) w
LEFT JOIN LATERAL (SELECT coalesce((i.paid_at AT TIME ZONE 'America/Santo_Domingo')::date,
                                   (SELECT min((coalesce(c.finished_at, c.started_at)
                                                AT TIME ZONE 'America/Santo_Domingo')::date)
                                    FROM charges c WHERE c.invoice_id = i.id
                                      AND coalesce(c.resolution, c.state) = 'succeeded')) AS at) paid ON true
-- OFFSET 0: probed per invoice through (invoice_id, attempt_no); flattened, it hashed every charge.
LEFT JOIN LATERAL (SELECT coalesce(c.resolution, c.state) = 'failed' AS failed
                   FROM charges c WHERE c.invoice_id = i.id AND c.attempt_no = 1 OFFSET 0) f ON true
WHERE i.due_date >= (SELECT dun_from FROM kpi_params) AND i.status <> 'draft'
  AND NOT (i.status = 'voided' AND i.voided_at IS NOT NULL
           AND (i.voided_at AT TIME ZONE 'America/Santo_Domingo')::date < i.due_date)
GROUP BY i.due_date, i.currency, w.days;
