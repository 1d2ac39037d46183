#pragma once

// Data for the KPI tests: a hand-made dataset whose KPIs tst_kpirepository computes by hand, and a
// deterministic synthetic history of N dealers (upgrades, downgrades, discounts ending, annual and
// quarterly plans, trials, involuntary churn, reactivation, currency switches, Early Bird) for the
// invariants and the benchmark. Prices are catalog v5 (migration 1).

#include <QString>

namespace okla::tests::kpi {

/// Nine dealers, December 2025 to March 2026; USD->DOP 57.5 / 58 / 59 / 60 on the 1st of Dec..Mar.
///  1 starter -> pro on 15 Feb (expansion)          2 pro -> visible on 10 Feb (contraction)
///  3 elite yearly since 20 Dec, cancels 20 Feb       4 pro USD with 10 % off until 1 Mar (expansion)
///  5 visible trial, active 29 Jan, past due 28 Feb, suspended 7 Mar (involuntary), reactivated 20 Mar
///  6 Early Bird: pro, free until 2 Mar, 25 % off for life   7 libre (never counts)
///  8 starter on 5 Feb, Ley 358-05 refund and cancel 6 Feb (void)   9 pro quarterly since 1 Feb
inline QString smallDatasetSql()
{
    return QStringLiteral(R"SQL(
INSERT INTO fx_rates (rate_date, base, quote, rate, source) VALUES
 ('2025-12-01','USD','DOP',57.5,'test'),('2026-01-01','USD','DOP',58,'test'),('2026-02-01','USD','DOP',59,'test'),('2026-03-01','USD','DOP',60,'test');
INSERT INTO dealers (id, legal_name, tax_id, tax_id_kind, dealer_type, verification_status, city, province) VALUES
 (1,'Autos Uno','100000001','rnc','independent','verified','Santo Domingo','DN'),
 (2,'Autos Dos','100000002','rnc','independent','verified','Santiago','Santiago'),
 (3,'Autos Tres','100000003','rnc','franchise','verified','La Romana','La Romana'),
 (4,'Autos Cuatro','100000004','rnc','online_only','verified','Punta Cana','La Altagracia'),
 (5,'Autos Cinco','100000005','rnc','independent','verified','Moca','Espaillat'),
 (6,'Autos Seis','100000006','rnc','independent','verified','Baní','Peravia'),
 (7,'Autos Siete','100000007','rnc','independent','verified','Higüey','La Altagracia'),
 (8,'Autos Ocho','100000008','rnc','independent','verified','Azua','Azua'),
 (9,'Autos Nueve','100000009','rnc','wholesale','verified','San Cristóbal','San Cristóbal');
CREATE TEMP VIEW pv AS SELECT id, plan_key, currency FROM plan_versions WHERE version = 5;
INSERT INTO early_bird_enrolments (dealer_id, terms_id, enrolled_at, free_until, discount_bp, discount_ends)
VALUES (6, 2, '2026-01-02 10:00-04', '2026-03-02', 2500, NULL);
-- subscriptions (id = dealer id)
INSERT INTO subscriptions (id, dealer_id, provider, currency, plan_version_id, billing_cycle, status, discount_bp, discount_ends,
                           current_period_start, current_period_end, started_at)
SELECT s.id, s.id, s.prov, s.cur, (SELECT id FROM pv WHERE plan_key = s.plan AND currency = s.cur), s.cycle, s.status, s.disc, s.dends,
       '2026-03-01', '2026-04-01', s.started::timestamptz
FROM (VALUES (1,'azul','DOP','pro','monthly','active',0,NULL::date,'2026-01-10 09:00-04'),
             (2,'azul','DOP','visible','monthly','active',0,NULL,'2026-01-05 09:00-04'),
             (3,'azul','DOP','elite','yearly','cancelled',0,NULL,'2025-12-20 09:00-04'),
             (4,'stripe','USD','pro','monthly','active',1000,'2026-03-01','2026-01-03 09:00-04'),
             (5,'azul','DOP','visible','monthly','active',0,NULL,'2026-01-15 09:00-04'),
             (6,'azul','DOP','pro','monthly','active',0,NULL,'2026-01-02 09:00-04'),
             (7,'azul','DOP','libre','monthly','active',0,NULL,'2026-01-02 09:00-04'),
             (8,'azul','DOP','starter','monthly','cancelled',0,NULL,'2026-02-05 09:00-04'),
             (9,'azul','DOP','pro','quarterly','active',0,NULL,'2026-02-01 09:00-04')) s(id,prov,cur,plan,cycle,status,disc,dends,started);
INSERT INTO subscription_changes (subscription_id, dealer_id, effective_date, change_type, plan_version_id, billing_cycle, status,
                                  discount_bp, discount_ends, cancellation_reason, involuntary)
SELECT c.sub, c.sub, c.eff::date, c.kind, (SELECT id FROM pv WHERE plan_key = c.plan AND currency = c.cur), c.cycle, c.status, c.disc,
       c.dends::date, c.reason, c.invol
FROM (VALUES (1,'2026-01-10','created','starter','DOP','monthly','active',0,NULL,NULL,false),
             (1,'2026-02-15','upgrade','pro','DOP','monthly','active',0,NULL,NULL,false),
             (2,'2026-01-05','created','pro','DOP','monthly','active',0,NULL,NULL,false),
             (2,'2026-02-10','downgrade','visible','DOP','monthly','active',0,NULL,NULL,false),
             (3,'2025-12-20','created','elite','DOP','yearly','active',0,NULL,NULL,false),
             (3,'2026-02-20','cancel','elite','DOP','yearly','cancelled',0,NULL,'too_expensive',false),
             (4,'2026-01-03','created','pro','USD','monthly','active',1000,'2026-03-01',NULL,false),
             (5,'2026-01-15','created','visible','DOP','monthly','trial',0,NULL,NULL,false),
             (5,'2026-01-29','trial_to_active','visible','DOP','monthly','active',0,NULL,NULL,false),
             (5,'2026-02-28','status_change','visible','DOP','monthly','past_due',0,NULL,NULL,false),
             (5,'2026-03-07','status_change','visible','DOP','monthly','suspended',0,NULL,NULL,true),
             (5,'2026-03-20','reactivate','visible','DOP','monthly','active',0,NULL,NULL,false),
             (6,'2026-01-02','created','pro','DOP','monthly','active',0,NULL,NULL,false),
             (7,'2026-01-02','created','libre','DOP','monthly','active',0,NULL,NULL,false),
             (8,'2026-02-05','created','starter','DOP','monthly','active',0,NULL,NULL,false),
             (8,'2026-02-06','cancel','starter','DOP','monthly','cancelled',0,NULL,'other',false),
             (9,'2026-02-01','created','pro','DOP','quarterly','active',0,NULL,NULL,false))
     c(sub,eff,kind,plan,cur,cycle,status,disc,dends,reason,invol);
-- invoices (id, sub, period, currency, subtotal, due) and their charges
INSERT INTO invoices (id, subscription_id, dealer_id, period_start, period_end, currency, subtotal_minor, itbis_minor, total_minor,
                      status, due_date, paid_at)
VALUES (31, 3, 3, '2025-12-20', '2026-12-20', 'DOP', 20161000, 3628980, 23789980, 'paid', '2025-12-20', '2025-12-20 09:05-04'),
       (11, 1, 1, '2026-01-10', '2026-02-10', 'DOP', 342200, 61596, 403796, 'paid', '2026-01-10', '2026-01-10 09:05-04'),
       (21, 2, 2, '2026-01-05', '2026-02-05', 'DOP', 574200, 103356, 677556, 'paid', '2026-01-05', '2026-01-05 09:05-04'),
       (22, 2, 2, '2026-02-05', '2026-03-05', 'DOP', 574200, 103356, 677556, 'paid', '2026-02-05', '2026-02-06 09:05-04'),
       (41, 4, 4, '2026-01-03', '2026-02-03', 'USD', 8910, 0, 8910, 'paid', '2026-01-03', '2026-01-03 09:05-04'),
       (51, 5, 5, '2026-01-29', '2026-02-28', 'DOP', 168200, 30276, 198476, 'paid', '2026-01-29', '2026-01-29 09:05-04'),
       (52, 5, 5, '2026-02-28', '2026-03-28', 'DOP', 168200, 30276, 198476, 'overdue', '2026-02-28', NULL),
       (53, 5, 5, '2026-03-20', '2026-04-20', 'DOP', 168200, 30276, 198476, 'paid', '2026-03-20', '2026-03-20 09:05-04'),
       (61, 6, 6, '2026-03-02', '2026-04-02', 'DOP', 430650, 77517, 508167, 'paid', '2026-03-02', '2026-03-02 09:05-04'),
       (81, 8, 8, '2026-02-05', '2026-03-05', 'DOP', 342200, 61596, 403796, 'paid', '2026-02-05', '2026-02-05 09:05-04'),
       (91, 9, 9, '2026-02-01', '2026-05-01', 'DOP', 1722600, 310068, 2032668, 'paid', '2026-02-01', '2026-02-01 09:05-04');
INSERT INTO charges (id, invoice_id, dealer_id, provider, attempt_no, currency, amount_minor, itbis_minor, state, failure_kind,
                     started_at, finished_at)
VALUES (310, 31, 3, 'azul', 1, 'DOP', 23789980, 3628980, 'succeeded', NULL, '2025-12-20 09:00-04', '2025-12-20 09:00:01-04'),
       (110, 11, 1, 'azul', 1, 'DOP', 403796, 61596, 'succeeded', NULL, '2026-01-10 09:00-04', '2026-01-10 09:00:01-04'),
       (210, 21, 2, 'azul', 1, 'DOP', 677556, 103356, 'succeeded', NULL, '2026-01-05 09:00-04', '2026-01-05 09:00:01-04'),
       (220, 22, 2, 'azul', 1, 'DOP', 677556, 103356, 'failed', 'declined', '2026-02-05 09:00-04', '2026-02-05 09:00:02-04'),
       (221, 22, 2, 'azul', 2, 'DOP', 677556, 103356, 'succeeded', NULL, '2026-02-06 09:00-04', '2026-02-06 09:00:01-04'),
       (410, 41, 4, 'stripe', 1, 'USD', 8910, 0, 'succeeded', NULL, '2026-01-03 09:00-04', '2026-01-03 09:00:01-04'),
       (510, 51, 5, 'azul', 1, 'DOP', 198476, 30276, 'succeeded', NULL, '2026-01-29 09:00-04', '2026-01-29 09:00:01-04'),
       (520, 52, 5, 'azul', 1, 'DOP', 198476, 30276, 'failed', 'declined', '2026-02-28 09:00-04', '2026-02-28 09:00:01-04'),
       (521, 52, 5, 'azul', 2, 'DOP', 198476, 30276, 'failed', 'technical', '2026-03-01 09:00-04', '2026-03-01 09:00:03-04'),
       (530, 53, 5, 'azul', 1, 'DOP', 198476, 30276, 'succeeded', NULL, '2026-03-20 09:00-04', '2026-03-20 09:00:01-04'),
       (610, 61, 6, 'azul', 1, 'DOP', 508167, 77517, 'succeeded', NULL, '2026-03-02 09:00-04', '2026-03-02 09:00:01-04'),
       (810, 81, 8, 'azul', 1, 'DOP', 403796, 61596, 'succeeded', NULL, '2026-02-05 09:00-04', '2026-02-05 09:00:01-04'),
       (910, 91, 9, 'azul', 1, 'DOP', 2032668, 310068, 'succeeded', NULL, '2026-02-01 09:00-04', '2026-02-01 09:00:01-04');
INSERT INTO payments (id, dealer_id, invoice_id, charge_id, provider, status, currency, amount_minor, itbis_minor, fee_minor,
                      captured_amount, refund_reserved, refunded_amount, stripe_charge_id, created_at, paid_at)
SELECT c.id, c.dealer_id, c.invoice_id, c.id, c.provider,
       CASE WHEN c.id = 810 THEN 'refunded' ELSE 'succeeded' END, c.currency, c.amount_minor, c.itbis_minor,
       CASE WHEN c.provider = 'azul' THEN c.amount_minor / 40 ELSE 30 + c.amount_minor * 29 / 1000 END,
       c.amount_minor, CASE WHEN c.id = 810 THEN c.amount_minor ELSE 0 END, CASE WHEN c.id = 810 THEN c.amount_minor ELSE 0 END,
       CASE WHEN c.provider = 'stripe' THEN 'ch_' || c.id END, c.finished_at, c.finished_at
FROM charges c WHERE c.state = 'succeeded';
INSERT INTO staff (role_name, full_name, staff_role) VALUES ('kpi_test_finance', 'Test Finance', 'finance');
-- History, loaded as the seeder loads it: without the request trigger (which stamps now() and the
-- session's staff member), the payment's reservation written above (refund_reserved).
ALTER TABLE refunds DISABLE TRIGGER USER;
INSERT INTO refunds (id, payment_id, provider, currency, amount_minor, reason, state, requested_by, created_at)
VALUES ('00000000-0000-0000-0000-000000000810', 810, 'azul', 'DOP', 403796, 'ley_358_05', 'succeeded',
        (SELECT id FROM staff WHERE role_name = 'kpi_test_finance'), '2026-02-06 10:00-04');
ALTER TABLE refunds ENABLE TRIGGER USER;
)SQL");
}

/// `dealers` synthetic dealers with two years of history to 29 Nov 2026, daily FX 56.5 -> 60.5.
inline QString syntheticHistorySql(int dealers)
{
    return QStringLiteral(R"SQL(
-- %1 dealers, history 2024-12-01 .. 2026-11-29 ; deterministic (setseed)
SELECT setseed(0.42);
INSERT INTO fx_rates (rate_date, base, quote, rate, source)
SELECT d::date, 'USD', 'DOP', round((56.5 + 4.0 * (d::date - date '2024-11-01') / 760.0 + 0.3 * sin(extract(doy FROM d) / 9.0))::numeric, 4), 'synthetic'
FROM generate_series(date '2024-11-01', date '2026-12-31', interval '1 day') d
WHERE extract(isodow FROM d) < 6;
INSERT INTO dealers (id, legal_name, tax_id, tax_id_kind, dealer_type, verification_status, city, province)
SELECT g, 'Dealer ' || g, lpad(g::text, 9, '0'), 'rnc', 'independent', 'verified', 'Santo Domingo', 'Distrito Nacional'
FROM generate_series(1, %1) g;
CREATE TEMP TABLE syn AS
SELECT g AS id, date '2024-12-01' + (random() * 720)::int AS start,
       CASE WHEN random() < 0.2 THEN 'USD' ELSE 'DOP' END AS cur,
       (ARRAY['visible','starter','pro','elite','enterprise'])[1 + (random() * 4.4)::int] AS plan,
       CASE WHEN random() < 0.7 THEN 'monthly' WHEN random() < 0.5 THEN 'quarterly' ELSE 'yearly' END AS cycle,
       random() < 0.06 AS eb
FROM generate_series(1, %1) g;
INSERT INTO early_bird_enrolments (dealer_id, terms_id, enrolled_at, free_until, discount_bp, discount_ends)
SELECT id, 2, start::timestamptz, start + 60, 2500, CASE WHEN id % 3 = 0 THEN start + 240 END FROM syn WHERE eb;
INSERT INTO subscriptions (id, dealer_id, provider, currency, plan_version_id, billing_cycle, status, current_period_start,
                           current_period_end, started_at)
SELECT s.id, s.id, CASE WHEN s.cur = 'USD' THEN 'stripe' ELSE 'azul' END, s.cur, pv.id, s.cycle, 'active', s.start, s.start + 30,
       s.start::timestamptz
FROM syn s JOIN plan_versions pv ON pv.plan_key = s.plan AND pv.currency = s.cur;
INSERT INTO subscription_changes (subscription_id, dealer_id, effective_date, change_type, plan_version_id, billing_cycle, status,
                                  discount_bp, discount_ends, involuntary)
SELECT s.id, s.id, s.start, 'created', pv.id, s.cycle, CASE WHEN s.id % 10 = 0 THEN 'trial' ELSE 'active' END,
       CASE WHEN s.id % 7 = 0 THEN 1000 ELSE 0 END, CASE WHEN s.id % 14 = 0 THEN s.start + 90 END, false
FROM syn s JOIN plan_versions pv ON pv.plan_key = s.plan AND pv.currency = s.cur;
-- later changes: each a full state (random plan, status, cycle; sometimes a currency switch)
INSERT INTO subscription_changes (subscription_id, dealer_id, effective_date, change_type, plan_version_id, billing_cycle, status,
                                  discount_bp, discount_ends, involuntary)
SELECT e.id, e.id, e.d, e.kind, pv.id, e.cycle, e.status, 0, NULL, e.status = 'suspended'
FROM (SELECT s.id, s.start + k * 14 + (random() * 90)::int AS d, s.cycle,
             CASE WHEN random() < 0.05 THEN (CASE s.cur WHEN 'USD' THEN 'DOP' ELSE 'USD' END) ELSE s.cur END AS cur,
             (ARRAY['visible','starter','pro','elite','enterprise'])[1 + (random() * 4.4)::int] AS plan,
             (ARRAY['active','active','active','past_due','suspended','cancelled','active'])[1 + (random() * 6)::int] AS status,
             (ARRAY['upgrade','downgrade','status_change','cancel','reactivate'])[1 + (random() * 4)::int] AS kind
      FROM syn s CROSS JOIN generate_series(1, 4) k WHERE random() < 0.45) e
JOIN plan_versions pv ON pv.plan_key = e.plan AND pv.currency = e.cur
WHERE e.d <= date '2026-11-29';
-- the first paid charge of each subscription (trials pay 14 days in; a few never pay)
INSERT INTO invoices (id, subscription_id, dealer_id, period_start, period_end, currency, subtotal_minor, itbis_minor, total_minor,
                      status, due_date, paid_at)
SELECT s.id, s.id, s.id, s.start, s.start + 30, s.cur, 100000, CASE WHEN s.cur = 'DOP' THEN 18000 ELSE 0 END,
       CASE WHEN s.cur = 'DOP' THEN 118000 ELSE 100000 END, 'paid', s.start + CASE WHEN s.id % 10 = 0 THEN 14 ELSE 0 END, NULL
FROM syn s WHERE s.id % 50 <> 1;
INSERT INTO charges (id, invoice_id, dealer_id, provider, attempt_no, currency, amount_minor, itbis_minor, state, failure_kind,
                     started_at, finished_at)
SELECT i.id, i.id, i.dealer_id, CASE WHEN i.currency = 'USD' THEN 'stripe' ELSE 'azul' END, 1, i.currency, i.total_minor,
       i.itbis_minor, 'succeeded', NULL, (i.due_date + time '10:00') AT TIME ZONE 'America/Santo_Domingo',
       (i.due_date + time '10:00:01') AT TIME ZONE 'America/Santo_Domingo'
FROM invoices i;
SELECT setval(pg_get_serial_sequence('dealers', 'id'), %1 + 1), setval(pg_get_serial_sequence('subscriptions', 'id'), %1 + 1),
       setval(pg_get_serial_sequence('invoices', 'id'), %1 + 1), setval(pg_get_serial_sequence('charges', 'id'), %1 + 1);
ANALYZE dealers, subscriptions, subscription_changes, invoices, charges, early_bird_enrolments, fx_rates;
)SQL").arg(dealers);
}

} // namespace okla::tests::kpi
