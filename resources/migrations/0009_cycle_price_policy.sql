-- Migration 9: the cycle price follows the billing policy. Migration 2's okla_cycle_price_minor
-- hard-coded the yearly factor 0.83 while billing_policies.yearly_discount_bp is configurable,
-- and wrote the formula a third time (beside models/billingcycle.cpp and the seed). Now:
--   okla_cycle_price_minor(monthly, cycle, yearly_discount_bp)  the formula, exactly as
--       models::cyclePrice computes it (integer arithmetic, half up to whole currency units);
--   okla_yearly_discount_bp()                                   the policy, checked;
--   okla_cycle_price_minor(monthly, cycle) and okla_mrr_minor(monthly, cycle, discount_bp)
--       keep their signatures (views, KPI SQL) and now price with the policy.
-- tests/integration/tst_cycleprice.cpp compares the SQL with the C++ for every plan price,
-- cycle and several discounts.

-- Only a whole number of basis points from 0 to 10000 can be stored (CASE: no cast is tried on
-- another policy's value or on a non-number).
ALTER TABLE billing_policies ADD CONSTRAINT billing_policies_yearly_discount_bp CHECK (
    CASE WHEN key <> 'yearly_discount_bp' THEN true
         WHEN jsonb_typeof(value) <> 'number' THEN false
         ELSE (value #>> '{}')::numeric BETWEEN 0 AND 10000
              AND (value #>> '{}')::numeric = trunc((value #>> '{}')::numeric) END);

-- The policy's yearly discount; an error (not a silent default) when the row was deleted.
CREATE FUNCTION okla_yearly_discount_bp() RETURNS integer
    LANGUAGE plpgsql STABLE PARALLEL SAFE
AS $$
DECLARE
    v_value jsonb;
BEGIN
    SELECT value INTO v_value FROM billing_policies WHERE key = 'yearly_discount_bp';
    IF v_value IS NULL THEN
        RAISE EXCEPTION 'billing policy yearly_discount_bp is missing: cycle prices cannot be computed'
            USING ERRCODE = '22023';
    END IF;
    RETURN (v_value #>> '{}')::numeric::integer; -- the CHECK above keeps it a whole number in 0..10000
END
$$;

-- The price charged once per cycle, minor units, before tax: monthly; quarterly = 3 x monthly;
-- yearly = 12 x monthly x (10000 - discount) / 10000 rounded half up to whole currency units
-- (x 100: DOP and USD, the only currencies plan_versions allows, have two decimals).
-- div() on numeric is exact integer division: no intermediate decimal rounding. NULL for a
-- negative price, a discount outside 0..10000 or an unknown cycle (models::cyclePrice: an error).
CREATE FUNCTION okla_cycle_price_minor(p_monthly bigint, p_cycle text, p_yearly_discount_bp integer) RETURNS bigint
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$ SELECT CASE
        WHEN p_monthly < 0 OR p_yearly_discount_bp < 0 OR p_yearly_discount_bp > 10000 THEN NULL
        WHEN p_cycle = 'monthly' THEN p_monthly
        WHEN p_cycle = 'quarterly' THEN 3 * p_monthly
        WHEN p_cycle = 'yearly'
            THEN (div(12::numeric * p_monthly * (10000 - p_yearly_discount_bp) + 500000, 1000000) * 100)::bigint
        END $$;

CREATE OR REPLACE FUNCTION okla_cycle_price_minor(p_monthly bigint, p_cycle text) RETURNS bigint
    LANGUAGE sql STABLE PARALLEL SAFE
AS $$ SELECT okla_cycle_price_minor(p_monthly, p_cycle, okla_yearly_discount_bp()) $$;

-- Monthly recurring value of one subscription state, exact (numeric minor units), before tax.
-- Queries over many rows read the policy once and pass it to this form, which PostgreSQL inlines:
--   CROSS JOIN (SELECT okla_yearly_discount_bp() AS yearly_discount_bp OFFSET 0) pol
-- (OFFSET 0: a flattened subquery would call the function on every row again). The 3-argument
-- form looks the policy up on every call, about 7 us a row: fine for a page of dealers.
CREATE FUNCTION okla_mrr_minor(p_monthly bigint, p_cycle text, p_discount_bp integer, p_yearly_discount_bp integer)
    RETURNS numeric LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$ SELECT okla_cycle_price_minor(p_monthly, p_cycle, p_yearly_discount_bp) * (10000 - p_discount_bp) / 10000.0
             / okla_months_in_cycle(p_cycle) $$;

CREATE OR REPLACE FUNCTION okla_mrr_minor(p_monthly bigint, p_cycle text, p_discount_bp integer) RETURNS numeric
    LANGUAGE sql STABLE PARALLEL SAFE
AS $$ SELECT okla_mrr_minor(p_monthly, p_cycle, p_discount_bp, okla_yearly_discount_bp()) $$;
