#include "sandbox/seed/seedtypes.h"

#include "models/billingcycle.h"
#include "sandbox/seed/seedcalendar.h"

namespace okla::sandbox {

const SeedTableInfo &seedTableInfo(SeedTable table)
{
    static const SeedTableInfo infos[kSeedTableCount] = {
        {"public.dealers", "id, public_id, legal_name, trade_name, tax_id, tax_id_kind, dealer_type, verification_status, "
                           "city, province, email, phone, has_app, stripe_customer_id, created_at, updated_at"},
        {"public.payment_methods", "id, dealer_id, provider, token, card_brand, card_last4, exp_month, exp_year, "
                                   "is_default, created_at, removed_at"},
        {"public.early_bird_enrolments", "dealer_id, terms_id, enrolled_at, free_until, discount_bp, discount_ends"},
        {"public.subscriptions", "id, dealer_id, provider, currency, plan_version_id, billing_cycle, status, discount_bp, "
                                 "discount_ends, current_period_start, current_period_end, cancel_at_period_end, "
                                 "stripe_subscription_id, started_at, cancelled_at, created_at, updated_at, billing_anchor"},
        {"public.subscription_changes", "id, subscription_id, dealer_id, effective_date, change_type, plan_version_id, "
                                        "billing_cycle, status, discount_bp, discount_ends, cancellation_reason, "
                                        "involuntary, note, changed_by, created_at"},
        {"public.invoices", "id, subscription_id, dealer_id, period_start, period_end, currency, subtotal_minor, "
                            "itbis_minor, total_minor, status, ncf, due_date, issued_at, paid_at, voided_at, created_at"},
        {"public.charges", "id, public_id, invoice_id, dealer_id, provider, attempt_no, is_fallback, currency, "
                           "amount_minor, itbis_minor, state, resolution, failure_kind, decline_code, decline_message, "
                           "started_at, finished_at"},
        {"public.payments", "id, dealer_id, invoice_id, charge_id, provider, status, currency, amount_minor, itbis_minor, "
                            "fee_minor, captured_amount, refund_reserved, refunded_amount, azul_order_id, "
                            "custom_order_id, rrn, authorization_code, stripe_charge_id, stripe_payment_intent_id, "
                            "card_brand, card_last4, decline_code, decline_message, created_at, paid_at"},
        {"public.refunds", "id, payment_id, provider, currency, amount_minor, reason, note, state, resolution, is_void, "
                           "requested_by, approved_by, rejected_reason, credit_note_ncf, provider_refund_id, "
                           "failure_message, created_at, decided_at, settled_at"},
        {"public.fx_rates", "rate_date, base, quote, rate, source"},
        {"public.provider_costs", "provider, month, amount_minor, currency, description"},
        {"azul.transactions", "azul_order_id, custom_order_id, trx_type, status, amount, itbis, refunded_amount, "
                              "original_order_id, iso_code, response_message, error_description, authorization_code, "
                              "rrn, ticket, lot_number, order_number, store, card_masked, card_brand, data_vault_token, "
                              "created_at"},
        {"azul.datavault_tokens", "token, card_masked, card_brand, expiration, has_cvv, card_rule, created_at, "
                                  "expires_at, deleted_at"},
        {"stripe.customers", "id, created, email, name, description, phone, currency, default_payment_method, "
                             "metadata, deleted"},
        {"stripe.payment_methods", "id, created, customer, brand, last4, exp_month, exp_year, card_rule"},
        {"stripe.payment_intents", "id, created, amount, amount_received, currency, customer, payment_method, status, "
                                   "latest_charge, description, last_payment_error, metadata"},
        {"stripe.charges", "id, created, amount, amount_captured, amount_refunded, currency, customer, payment_intent, "
                           "payment_method, status, captured, disputed, failure_code, failure_message, decline_code, "
                           "card_brand, card_last4, card_exp_month, card_exp_year, description, metadata"},
        {"stripe.refunds", "id, created, amount, currency, charge, payment_intent, status, reason, failure_reason, "
                           "metadata"},
    };
    return infos[int(table)];
}

SeedContext SeedContext::defaults()
{
    SeedContext c;
    // plan_versions rows of migration 0001, in insertion order (ids 1..12: USD then DOP per plan).
    const std::int64_t usd[PlanCount] = {0, 2900, 5900, 9900, 34900, 59900};
    const std::int64_t dop[PlanCount] = {0, 168200, 342200, 574200, 2024200, 3474200};
    for (int p = 0; p < PlanCount; ++p) {
        c.plans[size_t(p)][Usd] = {2 * p + 1, usd[p]};
        c.plans[size_t(p)][Dop] = {2 * p + 2, dop[p]};
    }
    c.earlyBird = {{1, daysFromCivil(2025, 12, 31), 3, 2000, 0}, {2, daysFromCivil(2026, 12, 31), 2, 2500, 0}};
    c.financeStaff = {1, 2};
    c.approverStaff = {1, 2, 3};
    return c;
}

models::Result<CyclePriceTable> SeedContext::cyclePrices() const
{
    constexpr models::BillingCycle kBillingCycles[3] = {models::BillingCycle::Monthly, models::BillingCycle::Quarterly,
                                                        models::BillingCycle::Yearly};
    CyclePriceTable table{};
    for (int p = 0; p < PlanCount; ++p) {
        for (int c : {Dop, Usd}) {
            const models::Money monthly = models::Money::fromMinor(
                plans[size_t(p)][size_t(c)].monthlyMinor, c == Usd ? models::Currency::USD : models::Currency::DOP);
            for (int cycle : {Monthly, Quarterly, Yearly}) {
                const auto price = models::cyclePrice(monthly, kBillingCycles[cycle], yearlyDiscountBp);
                if (!price)
                    return price.error();
                table[size_t(p)][size_t(c)][size_t(cycle)] = price->minorUnits();
            }
        }
    }
    return table;
}

} // namespace okla::sandbox
