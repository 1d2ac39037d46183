-- Migration 4: idempotency keys, transactional outbox, consumer de-duplication (reliability.md §1, §3).

CREATE TABLE idempotency_keys (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    actor_id        bigint NOT NULL REFERENCES staff (id),
    idem_key        uuid NOT NULL,
    operation       text NOT NULL,
    params          jsonb NOT NULL,
    recovery_point  text NOT NULL DEFAULT 'started'
                    CHECK (recovery_point IN ('started', 'intent_committed', 'provider_done', 'finished')),
    locked_at       timestamptz,
    lease_token     uuid,
    last_run_at     timestamptz NOT NULL DEFAULT now(),
    response        jsonb,
    created_at      timestamptz NOT NULL DEFAULT now(),
    UNIQUE (actor_id, idem_key)
);
CREATE INDEX idempotency_keys_unfinished ON idempotency_keys (last_run_at) WHERE recovery_point <> 'finished';

CREATE TABLE outbox (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    message_id    uuid NOT NULL DEFAULT gen_random_uuid() UNIQUE,
    event_type    text NOT NULL,   -- routing key, e.g. billing.payment.completed
    payload       jsonb NOT NULL,
    created_at    timestamptz NOT NULL DEFAULT now(),
    published_at  timestamptz
);
CREATE INDEX outbox_unpublished ON outbox (id) WHERE published_at IS NULL;

CREATE TABLE processed_messages (
    consumer      text NOT NULL,
    message_id    uuid NOT NULL,
    processed_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (consumer, message_id)
);

-- Open consoles refresh within a second: state changes are announced, never polled for.
CREATE FUNCTION okla_notify_change() RETURNS trigger LANGUAGE plpgsql
AS $$
BEGIN
    PERFORM pg_notify(TG_ARGV[0], coalesce(NEW.id, OLD.id)::text);
    RETURN NULL;
END
$$;
CREATE TRIGGER dealers_notify AFTER INSERT OR UPDATE OR DELETE ON dealers
    FOR EACH ROW EXECUTE FUNCTION okla_notify_change('dealers_changed');
CREATE TRIGGER payments_notify AFTER INSERT OR UPDATE ON payments
    FOR EACH ROW EXECUTE FUNCTION okla_notify_change('payments_changed');
CREATE TRIGGER refunds_notify AFTER INSERT OR UPDATE ON refunds
    FOR EACH ROW EXECUTE FUNCTION okla_notify_change('refunds_changed');
CREATE TRIGGER subscriptions_notify AFTER INSERT OR UPDATE ON subscriptions
    FOR EACH ROW EXECUTE FUNCTION okla_notify_change('subscriptions_changed');
