-- State of the AZUL and Stripe simulators (okla-sim), in the database `okla_sim` of the sandbox's
-- PostgreSQL cluster. okla-sim runs this file at every start (everything is IF NOT EXISTS), so the
-- state survives `okla-sandbox down`/`up`. The seed generator mirrors its seeded provider objects
-- into these tables with COPY so that later work can look them up and refund them.
--
-- Rules for writers other than okla-sim (the seed generator):
--  * never store a PAN or CVC: only masked card + brand (+ a test behaviour, see card_rule);
--  * times are timestamptz for AZUL and unix seconds (bigint) for Stripe, as each API shows them;
--  * money is bigint minor units (AZUL: DOP centavos, tax included; Stripe: the currency's minor unit);
--  * okla-sim allocates new ids above the highest existing one, so seeded ids never collide.

CREATE SCHEMA IF NOT EXISTS azul;
CREATE SCHEMA IF NOT EXISTS stripe;

-- ============================================================================ AZUL
-- One row per processed ProcessPayment / Post / Void / Refund (approved or declined).
CREATE TABLE IF NOT EXISTS azul.transactions (
    azul_order_id      bigint PRIMARY KEY,             -- AzulOrderId (digits), sequential
    custom_order_id    text NOT NULL DEFAULT '',       -- CustomOrderId as sent ('' when absent); VerifyPayment returns the latest
    trx_type           text NOT NULL,                  -- Sale | Hold | Post | Void | Refund
    status             text NOT NULL,                  -- approved | declined | voided (a Sale/Hold/Post later voided) | posted (a Hold that got its Post)
    amount             bigint NOT NULL,                -- Amount, minor units, ITBIS included
    itbis              bigint NOT NULL DEFAULT 0,      -- Itbis, informational
    refunded_amount    bigint NOT NULL DEFAULT 0,      -- Sale/Post only: sum of approved refunds against it
    original_order_id  bigint,                         -- Post/Void/Refund: the AzulOrderId acted on; NULL otherwise
    iso_code           text NOT NULL DEFAULT '00',     -- IsoCode ('00' approved)
    response_message   text NOT NULL DEFAULT 'APROBADA',
    error_description  text NOT NULL DEFAULT '',
    authorization_code text NOT NULL DEFAULT '',       -- AuthorizationCode (6 chars) when approved
    rrn                text NOT NULL DEFAULT '',       -- RRN (opaque)
    ticket             text NOT NULL DEFAULT '',
    lot_number         text NOT NULL DEFAULT '',
    order_number       text NOT NULL DEFAULT '',
    store              text NOT NULL DEFAULT '',       -- merchant id (Store)
    card_masked        text NOT NULL DEFAULT '',       -- e.g. 542418******1732 (never the full PAN)
    card_brand         text NOT NULL DEFAULT '',       -- VISA | MASTERCARD | DISCOVER | AMEX | ...
    data_vault_token   text,                           -- token used or created by this transaction
    created_at         timestamptz NOT NULL            -- DateTime, on the simulator's clock
);
CREATE INDEX IF NOT EXISTS transactions_custom_order_idx ON azul.transactions (custom_order_id, azul_order_id DESC);
CREATE INDEX IF NOT EXISTS transactions_original_idx ON azul.transactions (original_order_id);

-- DataVault tokens (ProcessDatavault CREATE / DELETE, SaveToDataVault on a sale).
CREATE TABLE IF NOT EXISTS azul.datavault_tokens (
    token        text PRIMARY KEY,                     -- DataVaultToken (GUID-like, upper case)
    card_masked  text NOT NULL,
    card_brand   text NOT NULL,
    expiration   text NOT NULL,                        -- YYYYMM
    has_cvv      boolean NOT NULL DEFAULT false,
    card_rule    text NOT NULL DEFAULT 'approve',      -- test behaviour of the card: approve | iso:<XX> | max:<amount>
    created_at   timestamptz NOT NULL,
    expires_at   timestamptz,                          -- NULL = never ("DataVault TokenId is expired." after it)
    deleted_at   timestamptz                           -- set by DELETE ("... does not exist." after it)
);

-- Simulator settings that survive a restart (clock offset, switches). value is JSON.
CREATE TABLE IF NOT EXISTS azul.settings (
    key   text PRIMARY KEY,
    value jsonb NOT NULL
);

-- ============================================================================ STRIPE
-- Object ids keep Stripe's prefixes (cus_, pm_, pi_, ch_, re_, price_, sub_, si_, in_, evt_, bps_).
-- `created` and other times are unix seconds. metadata is a flat JSON object of strings.

CREATE TABLE IF NOT EXISTS stripe.customers (
    id                      text PRIMARY KEY,
    created                 bigint NOT NULL,
    email                   text,
    name                    text,
    description             text,
    phone                   text,
    currency                text,
    default_payment_method  text,                      -- invoice_settings.default_payment_method (pm_ id)
    metadata                jsonb NOT NULL DEFAULT '{}',
    deleted                 boolean NOT NULL DEFAULT false
);

-- Card payment methods: brand/last4 only plus the test behaviour of the card number it came from.
CREATE TABLE IF NOT EXISTS stripe.payment_methods (
    id          text PRIMARY KEY,
    created     bigint NOT NULL,
    customer    text,
    brand       text NOT NULL DEFAULT 'visa',
    last4       text NOT NULL,
    exp_month   int NOT NULL DEFAULT 12,
    exp_year    int NOT NULL DEFAULT 2030,
    card_rule   text NOT NULL DEFAULT 'approve'        -- approve | decline:<decline_code> | attach_fail (4000000000000341)
);

CREATE TABLE IF NOT EXISTS stripe.payment_intents (
    id                  text PRIMARY KEY,
    created             bigint NOT NULL,
    amount              bigint NOT NULL,
    amount_received     bigint NOT NULL DEFAULT 0,
    currency            text NOT NULL,                 -- lower case ISO code: usd, dop
    customer            text,
    payment_method      text,
    status              text NOT NULL,                 -- requires_payment_method | requires_confirmation | succeeded | canceled | processing
    latest_charge       text,                          -- ch_ id
    description         text,
    last_payment_error  jsonb,                         -- {type, code, decline_code, message, ...} or NULL
    metadata            jsonb NOT NULL DEFAULT '{}'
);
CREATE INDEX IF NOT EXISTS payment_intents_customer_idx ON stripe.payment_intents (customer);

CREATE TABLE IF NOT EXISTS stripe.charges (
    id                  text PRIMARY KEY,
    created             bigint NOT NULL,
    amount              bigint NOT NULL,
    amount_captured     bigint NOT NULL DEFAULT 0,
    amount_refunded     bigint NOT NULL DEFAULT 0,     -- refunded = (amount_refunded = amount)
    currency            text NOT NULL,
    customer            text,
    payment_intent      text,
    payment_method      text,
    status              text NOT NULL,                 -- succeeded | pending | failed
    captured            boolean NOT NULL DEFAULT true,
    disputed            boolean NOT NULL DEFAULT false,
    failure_code        text,
    failure_message     text,
    decline_code        text,                          -- outcome / error decline_code when failed
    card_brand          text NOT NULL DEFAULT 'visa',  -- payment_method_details.card.brand
    card_last4          text NOT NULL DEFAULT '4242',  -- payment_method_details.card.last4
    card_exp_month      int NOT NULL DEFAULT 12,
    card_exp_year       int NOT NULL DEFAULT 2030,
    description         text,
    metadata            jsonb NOT NULL DEFAULT '{}'
);
CREATE INDEX IF NOT EXISTS charges_customer_idx ON stripe.charges (customer);
CREATE INDEX IF NOT EXISTS charges_payment_intent_idx ON stripe.charges (payment_intent);

CREATE TABLE IF NOT EXISTS stripe.refunds (
    id              text PRIMARY KEY,
    created         bigint NOT NULL,
    amount          bigint NOT NULL,
    currency        text NOT NULL,
    charge          text NOT NULL,
    payment_intent  text,
    status          text NOT NULL DEFAULT 'succeeded', -- pending | requires_action | succeeded | failed | canceled
    reason          text,                              -- duplicate | fraudulent | requested_by_customer | NULL
    failure_reason  text,
    metadata        jsonb NOT NULL DEFAULT '{}'
);
CREATE INDEX IF NOT EXISTS refunds_charge_idx ON stripe.refunds (charge);

-- Disputes (chargebacks): opened by the test card pm_card_createDispute, closed by submitting
-- evidence ("winning_evidence" wins, "losing_evidence" loses), as Stripe's test mode does.
CREATE TABLE IF NOT EXISTS stripe.disputes (
    id              text PRIMARY KEY,
    created         bigint NOT NULL,
    charge          text NOT NULL,
    payment_intent  text,
    amount          bigint NOT NULL,
    currency        text NOT NULL,
    status          text NOT NULL DEFAULT 'needs_response', -- needs_response | under_review | won | lost
    reason          text NOT NULL DEFAULT 'fraudulent',
    evidence        jsonb NOT NULL DEFAULT '{}',
    metadata        jsonb NOT NULL DEFAULT '{}'
);
CREATE INDEX IF NOT EXISTS disputes_charge_idx ON stripe.disputes (charge);

CREATE TABLE IF NOT EXISTS stripe.prices (
    id              text PRIMARY KEY,
    created         bigint NOT NULL,
    product         text NOT NULL,                     -- prod_ id (no products table: a name suffices)
    nickname        text,
    unit_amount     bigint NOT NULL,
    currency        text NOT NULL,
    interval        text NOT NULL DEFAULT 'month',     -- day | week | month | year
    interval_count  int NOT NULL DEFAULT 1,
    active          boolean NOT NULL DEFAULT true,
    metadata        jsonb NOT NULL DEFAULT '{}'
);

CREATE TABLE IF NOT EXISTS stripe.subscriptions (
    id                      text PRIMARY KEY,
    created                 bigint NOT NULL,
    customer                text NOT NULL,
    status                  text NOT NULL,             -- incomplete | trialing | active | past_due | canceled | unpaid | paused
    currency                text NOT NULL,
    current_period_start    bigint NOT NULL,           -- rendered on each item (basil)
    current_period_end      bigint NOT NULL,
    billing_cycle_anchor    bigint,
    cancel_at_period_end    boolean NOT NULL DEFAULT false,
    cancel_at               bigint,
    canceled_at             bigint,
    ended_at                bigint,
    trial_end               bigint,
    default_payment_method  text,
    latest_invoice          text,
    collection_method       text NOT NULL DEFAULT 'charge_automatically',
    cancellation_comment    text,
    metadata                jsonb NOT NULL DEFAULT '{}'
);
CREATE INDEX IF NOT EXISTS subscriptions_customer_idx ON stripe.subscriptions (customer);

CREATE TABLE IF NOT EXISTS stripe.subscription_items (
    id            text PRIMARY KEY,
    created       bigint NOT NULL,
    subscription  text NOT NULL,
    price         text NOT NULL,                       -- price_ id in stripe.prices
    pending_price text,                                -- proration_behavior=none: becomes price at the next period
    quantity      int NOT NULL DEFAULT 1
);
CREATE INDEX IF NOT EXISTS subscription_items_sub_idx ON stripe.subscription_items (subscription);

CREATE TABLE IF NOT EXISTS stripe.invoices (
    id                    text PRIMARY KEY,
    created               bigint NOT NULL,
    customer              text NOT NULL,
    subscription          text,                        -- rendered as parent.subscription_details.subscription
    status                text NOT NULL,               -- draft | open | paid | uncollectible | void
    currency              text NOT NULL,
    amount_due            bigint NOT NULL,
    amount_paid           bigint NOT NULL DEFAULT 0,
    amount_remaining      bigint NOT NULL,
    attempt_count         int NOT NULL DEFAULT 0,
    attempted             boolean NOT NULL DEFAULT false,
    next_payment_attempt  bigint,                      -- NULL = no retry scheduled
    due_date              bigint,
    period_start          bigint,
    period_end            bigint,
    billing_reason        text,                        -- subscription_create | subscription_cycle | manual
    collection_method     text NOT NULL DEFAULT 'charge_automatically',
    number                text,
    payment_intent        text,                        -- latest PaymentIntent (shown through /v1/invoice_payments)
    metadata              jsonb NOT NULL DEFAULT '{}'
);
CREATE INDEX IF NOT EXISTS invoices_customer_idx ON stripe.invoices (customer);
CREATE INDEX IF NOT EXISTS invoices_subscription_idx ON stripe.invoices (subscription);

CREATE TABLE IF NOT EXISTS stripe.portal_sessions (
    id          text PRIMARY KEY,
    created     bigint NOT NULL,
    customer    text NOT NULL,
    return_url  text,
    url         text NOT NULL
);

-- Events, also the webhook delivery queue (delivered_at NULL and next_attempt_at due = to send).
CREATE TABLE IF NOT EXISTS stripe.events (
    id                text PRIMARY KEY,
    created           bigint NOT NULL,
    type              text NOT NULL,
    object            jsonb NOT NULL,                  -- data.object as rendered when the event happened
    previous          jsonb,                           -- data.previous_attributes
    request_id        text,
    idempotency_key   text,
    delivery_attempts int NOT NULL DEFAULT 0,
    next_attempt_at   bigint,                          -- unix seconds (real time); NULL = nothing to deliver
    delivered_at      bigint,
    last_status       int
);
CREATE INDEX IF NOT EXISTS events_pending_idx ON stripe.events (next_attempt_at) WHERE delivered_at IS NULL;

-- Idempotency-Key results (24 h): the first stored result is replayed for the same key.
CREATE TABLE IF NOT EXISTS stripe.idempotency_keys (
    key          text PRIMARY KEY,
    endpoint     text NOT NULL,                        -- "POST /v1/refunds"
    params_hash  text NOT NULL,                        -- sha256 of the canonical form parameters
    status       int NOT NULL,
    body         text NOT NULL,
    created      bigint NOT NULL
);

CREATE TABLE IF NOT EXISTS stripe.settings (
    key   text PRIMARY KEY,
    value jsonb NOT NULL
);
