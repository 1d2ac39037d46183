<?xml version='1.0' encoding='utf-8'?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US" sourcelanguage="en_US">
<context>
    <name>DealerFormat</name>
    <message>
        <source>No subscription</source>
        <translation>No subscription</translation>
    </message>
</context>
<context>
    <name>Tr</name>
    <message>
        <source>The audit signing key (credential audit-signing.key) is not an Ed25519 private key in PEM form; make one with `openssl genpkey -algorithm ed25519`.</source>
        <translation>The audit signing key (credential audit-signing.key) is not an Ed25519 private key in PEM form; make one with `openssl genpkey -algorithm ed25519`.</translation>
    </message>
    <message>
        <source>Audit log BROKEN:</source>
        <translation>Audit log BROKEN:</translation>
    </message>
    <message>
        <source>Audit log intact: %1 rows checked, consistent with %2 signed checkpoint(s) (the latest covers rows up to %3).</source>
        <translation>Audit log intact: %1 rows checked, consistent with %2 signed checkpoint(s) (the latest covers rows up to %3).</translation>
    </message>
    <message>
        <source>Audit log intact: %1 rows checked.</source>
        <translation>Audit log intact: %1 rows checked.</translation>
    </message>
    <message>
        <source>Audit checkpoint signed: rows up to %1, written to %2.</source>
        <translation>Audit checkpoint signed: rows up to %1, written to %2.</translation>
    </message>
    <message>
        <source>"%1…" (%2 characters)</source>
        <translation>"%1…" (%2 characters)</translation>
    </message>
    <message>
        <source>%1 takes a date YYYY-MM-DD such as 2026-10-31, not %2.</source>
        <translation>%1 takes a date YYYY-MM-DD such as 2026-10-31, not %2.</translation>
    </message>
    <message>
        <source>%1 takes a month YYYY-MM such as 2026-10, not %2.</source>
        <translation>%1 takes a month YYYY-MM such as 2026-10, not %2.</translation>
    </message>
    <message>
        <source>%1 takes a database login name (letters, digits, '_', '.' or '-', at most %2 characters), not %3.</source>
        <translation>%1 takes a database login name (letters, digits, '_', '.' or '-', at most %2 characters), not %3.</translation>
    </message>
    <message>
        <source>%1 takes a profile name (letters, digits, '.', '_' or '-', at most 64, not a path), not %2.</source>
        <translation>%1 takes a profile name (letters, digits, '.', '_' or '-', at most 64, not a path), not %2.</translation>
    </message>
    <message>
        <source>%1 takes a whole number greater than zero, not %2.</source>
        <translation>%1 takes a whole number greater than zero, not %2.</translation>
    </message>
    <message>
        <source>%1 is too long (%2 characters; at most %3).</source>
        <translation>%1 is too long (%2 characters; at most %3).</translation>
    </message>
    <message>
        <source>%1 takes one of %2, not %3.</source>
        <translation>%1 takes one of %2, not %3.</translation>
    </message>
    <message>
        <source>%1 is given twice; give it once.</source>
        <translation>%1 is given twice; give it once.</translation>
    </message>
    <message>
        <source>%1 needs a value; usage: okla %2 %3</source>
        <translation>%1 needs a value; usage: okla %2 %3</translation>
    </message>
    <message>
        <source>unknown option %1; usage: okla %2 %3</source>
        <translation>unknown option %1; usage: okla %2 %3</translation>
    </message>
    <message>
        <source>Give either --month or --from and --to, not both.</source>
        <translation>Give either --month or --from and --to, not both.</translation>
    </message>
    <message>
        <source>--from and --to take two dates YYYY-MM-DD, the first not after the second</source>
        <translation>--from and --to take two dates YYYY-MM-DD, the first not after the second</translation>
    </message>
    <message>
        <source>KPI snapshots %1 as of %2: %3 dealers, %4 change rows, %5 ms</source>
        <translation>KPI snapshots %1 as of %2: %3 dealers, %4 change rows, %5 ms</translation>
    </message>
    <message>
        <source>rebuilt</source>
        <translation>rebuilt</translation>
    </message>
    <message>
        <source>refreshed</source>
        <translation>refreshed</translation>
    </message>
    <message>
        <source>--currency takes DOP or USD</source>
        <translation>--currency takes DOP or USD</translation>
    </message>
    <message>
        <source>start</source>
        <translation>start</translation>
    </message>
    <message>
        <source>net new</source>
        <translation>net new</translation>
    </message>
    <message>
        <source>Paying dealers</source>
        <translation>Paying dealers</translation>
    </message>
    <message>
        <source>Customer churn</source>
        <translation>Customer churn</translation>
    </message>
    <message>
        <source>Use --json for every KPI.</source>
        <translation>Use --json for every KPI.</translation>
    </message>
    <message>
        <source>Schema version %1 of %2.</source>
        <translation>Schema version %1 of %2.</translation>
    </message>
    <message>
        <source>pending: migration %1</source>
        <translation>pending: migration %1</translation>
    </message>
    <message>
        <source>The database schema matches this program (version %1).</source>
        <translation>The database schema matches this program (version %1).</translation>
    </message>
    <message>
        <source>--id must be the number of a proposed change (see `okla policy list`).</source>
        <translation>--id must be the number of a proposed change (see `okla policy list`).</translation>
    </message>
    <message>
        <source>--reason is required: 1 to %1 characters saying why.</source>
        <translation>--reason is required: 1 to %1 characters saying why.</translation>
    </message>
    <message>
        <source>No money-policy change is waiting for approval.</source>
        <translation>No money-policy change is waiting for approval.</translation>
    </message>
    <message>
        <source>--table must be billing_policies, plans or plan_versions.</source>
        <translation>--table must be billing_policies, plans or plan_versions.</translation>
    </message>
    <message>
        <source>--operation must be insert, update or delete.</source>
        <translation>--operation must be insert, update or delete.</translation>
    </message>
    <message>
        <source>--values must be a JSON object of column values of at most %1 characters, e.g. '{"key": "refund_approval_limit_minor", "value": {"DOP": 2000000, "USD": 40000}}'.</source>
        <translation>--values must be a JSON object of column values of at most %1 characters, e.g. '{"key": "refund_approval_limit_minor", "value": {"DOP": 2000000, "USD": 40000}}'.</translation>
    </message>
    <message>
        <source>Proposed change #%1; another admin must approve it (`okla policy approve --id %1`).</source>
        <translation>Proposed change #%1; another admin must approve it (`okla policy approve --id %1`).</translation>
    </message>
    <message>
        <source>Change #%1 approved and applied.</source>
        <translation>Change #%1 approved and applied.</translation>
    </message>
    <message>
        <source>Change #%1 rejected.</source>
        <translation>Change #%1 rejected.</translation>
    </message>
    <message>
        <source>An audit row holds a value that is not valid JSON, so its canonical form cannot be computed.</source>
        <translation>An audit row holds a value that is not valid JSON, so its canonical form cannot be computed.</translation>
    </message>
    <message>
        <source>Audit row %1 uses canonical form version %2, unknown to this program; install the newer OKLA Admin.</source>
        <translation>Audit row %1 uses canonical form version %2, unknown to this program; install the newer OKLA Admin.</translation>
    </message>
    <message>
        <source>Could not read the audit log (finance, manager, admin or the worker may): %1</source>
        <translation>Could not read the audit log (finance, manager, admin or the worker may): %1</translation>
    </message>
    <message>
        <source>row %1 is missing (the next row is %2)</source>
        <translation>row %1 is missing (the next row is %2)</translation>
    </message>
    <message>
        <source>row %1 does not point at the hash of row %2</source>
        <translation>row %1 does not point at the hash of row %2</translation>
    </message>
    <message>
        <source>row %1: %2</source>
        <translation>row %1: %2</translation>
    </message>
    <message>
        <source>row %1 was changed after it was written (its hash does not match its content)</source>
        <translation>row %1 was changed after it was written (its hash does not match its content)</translation>
    </message>
    <message>
        <source>the head of the log (row %1) does not match its last row %2; rows after %2 are missing</source>
        <translation>the head of the log (row %1) does not match its last row %2; rows after %2 are missing</translation>
    </message>
    <message>
        <source>The audit checkpoint %1 is not a checkpoint this program can read.</source>
        <translation>The audit checkpoint %1 is not a checkpoint this program can read.</translation>
    </message>
    <message>
        <source>The profile names no folder for audit checkpoints; set [audit] checkpoint_dir.</source>
        <translation>The profile names no folder for audit checkpoints; set [audit] checkpoint_dir.</translation>
    </message>
    <message>
        <source>Cannot create the audit checkpoint folder %1.</source>
        <translation>Cannot create the audit checkpoint folder %1.</translation>
    </message>
    <message>
        <source>The audit checkpoint folder %1 does not exist.</source>
        <translation>The audit checkpoint folder %1 does not exist.</translation>
    </message>
    <message>
        <source>The audit checkpoint folder %1 is writable by others; make it writable by its owner only (chmod go-w).</source>
        <translation>The audit checkpoint folder %1 is writable by others; make it writable by its owner only (chmod go-w).</translation>
    </message>
    <message>
        <source>Cannot read the audit checkpoint %1.</source>
        <translation>Cannot read the audit checkpoint %1.</translation>
    </message>
    <message>
        <source>The profile has no audit public key ([audit] public_key), so no checkpoint was checked: a rewritten-and-rechained log or a cut tail cannot be detected.</source>
        <translation>The profile has no audit public key ([audit] public_key), so no checkpoint was checked: a rewritten-and-rechained log or a cut tail cannot be detected.</translation>
    </message>
    <message>
        <source>The audit checkpoint %1 is not signed by the audit key; someone wrote it by hand.</source>
        <translation>The audit checkpoint %1 is not signed by the audit key; someone wrote it by hand.</translation>
    </message>
    <message>
        <source>No audit checkpoint in %1 yet: a rewritten-and-rechained log or a cut tail cannot be detected; run `okla audit checkpoint`.</source>
        <translation>No audit checkpoint in %1 yet: a rewritten-and-rechained log or a cut tail cannot be detected; run `okla audit checkpoint`.</translation>
    </message>
    <message>
        <source>The audit log is broken at row %1: %2.</source>
        <translation>The audit log is broken at row %1: %2.</translation>
    </message>
    <message>
        <source>The audit log ends at row %1, but the checkpoint signed %2 covers rows up to %3: rows %4 to %3 were removed.</source>
        <translation>The audit log ends at row %1, but the checkpoint signed %2 covers rows up to %3: rows %4 to %3 were removed.</translation>
    </message>
    <message>
        <source>The audit log was rewritten: row %1 differs from the checkpoint signed %2 (rows up to %3), and the chain after it was recomputed.</source>
        <translation>The audit log was rewritten: row %1 differs from the checkpoint signed %2 (rows up to %3), and the chain after it was recomputed.</translation>
    </message>
    <message>
        <source>The audit log was rewritten: row %1 no longer has the hash signed %2 in its checkpoint, so a row from %3 to %4 was changed and the chain recomputed.</source>
        <translation>The audit log was rewritten: row %1 no longer has the hash signed %2 in its checkpoint, so a row from %3 to %4 was changed and the chain recomputed.</translation>
    </message>
    <message>
        <source>The audit signing key does not match the profile's [audit] public_key; the checkpoint was not written.</source>
        <translation>The audit signing key does not match the profile's [audit] public_key; the checkpoint was not written.</translation>
    </message>
    <message>
        <source>The audit log did not verify, so it was not signed: %1</source>
        <translation>The audit log did not verify, so it was not signed: %1</translation>
    </message>
    <message>
        <source>The audit log changed while it was being checked, so it was not signed; run `okla audit verify`.</source>
        <translation>The audit log changed while it was being checked, so it was not signed; run `okla audit verify`.</translation>
    </message>
    <message>
        <source>Cannot write the audit checkpoint %1.</source>
        <translation>Cannot write the audit checkpoint %1.</translation>
    </message>
    <message>
        <source>Could not generate an Ed25519 key.</source>
        <translation>Could not generate an Ed25519 key.</translation>
    </message>
    <message>
        <source>Could not sign the audit checkpoint.</source>
        <translation>Could not sign the audit checkpoint.</translation>
    </message>
    <message>
        <source>Cannot read the functions of the database.</source>
        <translation>Cannot read the functions of the database.</translation>
    </message>
    <message>
        <source>Function %1 is not defined by any migration; someone added it by hand.</source>
        <translation>Function %1 is not defined by any migration; someone added it by hand.</translation>
    </message>
    <message>
        <source>The body of function %1 differs from the one the migrations define; someone replaced it.</source>
        <translation>The body of function %1 differs from the one the migrations define; someone replaced it.</translation>
    </message>
    <message>
        <source>Function %1 (%2 arguments) that the migrations define is missing.</source>
        <translation>Function %1 (%2 arguments) that the migrations define is missing.</translation>
    </message>
    <message>
        <source>This program is older than the database (it has migration %1 "%2", unknown here); install the newer OKLA Admin.</source>
        <translation>This program is older than the database (it has migration %1 "%2", unknown here); install the newer OKLA Admin.</translation>
    </message>
    <message>
        <source>Migration %1 was changed after it was applied (checksum differs); restore resources/migrations/%2 to the version that was applied, then rebuild.</source>
        <translation>Migration %1 was changed after it was applied (checksum differs); restore resources/migrations/%2 to the version that was applied, then rebuild.</translation>
    </message>
    <message>
        <source>Migration file "%1" is not named NNNN_&lt;name&gt;.sql; rename it.</source>
        <translation>Migration file "%1" is not named NNNN_&lt;name&gt;.sql; rename it.</translation>
    </message>
    <message>
        <source>Migration file "%1" must have a version above 0000.</source>
        <translation>Migration file "%1" must have a version above 0000.</translation>
    </message>
    <message>
        <source>The migrations folder %1 does not exist.</source>
        <translation>The migrations folder %1 does not exist.</translation>
    </message>
    <message>
        <source>Cannot read migration %1.</source>
        <translation>Cannot read migration %1.</translation>
    </message>
    <message>
        <source>Two migrations have version %1; give one of them the next free number.</source>
        <translation>Two migrations have version %1; give one of them the next free number.</translation>
    </message>
    <message>
        <source>Cannot read the schema version of the database.</source>
        <translation>Cannot read the schema version of the database.</translation>
    </message>
    <message>
        <source>The database has no OKLA schema yet; run `okla migrate` (or `okla-sandbox up`).</source>
        <translation>The database has no OKLA schema yet; run `okla migrate` (or `okla-sandbox up`).</translation>
    </message>
    <message>
        <source>The database schema is older than this program (version %1, needs %2); run `okla migrate`.</source>
        <translation>The database schema is older than this program (version %1, needs %2); run `okla migrate`.</translation>
    </message>
    <message>
        <source>Cannot create the schema_migrations table; run `okla migrate` as the owner role okla_owner.</source>
        <translation>Cannot create the schema_migrations table; run `okla migrate` as the owner role okla_owner.</translation>
    </message>
    <message>
        <source>Applying migration %1 (%2)…</source>
        <translation>Applying migration %1 (%2)…</translation>
    </message>
    <message>
        <source>Migration %1 (%2) failed, so no migration was applied; fix %3 and run `okla migrate` again.</source>
        <translation>Migration %1 (%2) failed, so no migration was applied; fix %3 and run `okla migrate` again.</translation>
    </message>
    <message>
        <source>The schema is up to date (version %1).</source>
        <translation>The schema is up to date (version %1).</translation>
    </message>
    <message>
        <source>The subscription's billing anchor is not a valid date.</source>
        <translation>The subscription's billing anchor is not a valid date.</translation>
    </message>
    <message>
        <source>The billing date is not a valid date.</source>
        <translation>The billing date is not a valid date.</translation>
    </message>
    <message>
        <source>A billing period number must be between 0 and %1.</source>
        <translation>A billing period number must be between 0 and %1.</translation>
    </message>
    <message>
        <source>The date is before the subscription's first billed day.</source>
        <translation>The date is before the subscription's first billed day.</translation>
    </message>
    <message>
        <source>The first day of the range is after its last day.</source>
        <translation>The first day of the range is after its last day.</translation>
    </message>
    <message>
        <source>At least one billing period must be allowed.</source>
        <translation>At least one billing period must be allowed.</translation>
    </message>
    <message>
        <source>More than %1 billing periods fall in the range; run it in shorter steps.</source>
        <translation>More than %1 billing periods fall in the range; run it in shorter steps.</translation>
    </message>
    <message>
        <source>Free months must be between 0 and %1.</source>
        <translation>Free months must be between 0 and %1.</translation>
    </message>
    <message>
        <source>The dunning policy %1 must be a whole number of days.</source>
        <translation>The dunning policy %1 must be a whole number of days.</translation>
    </message>
    <message>
        <source>Dunning retry days count from the day after the failure and must be positive.</source>
        <translation>Dunning retry days count from the day after the failure and must be positive.</translation>
    </message>
    <message>
        <source>Dunning retry days must be in strictly ascending order.</source>
        <translation>Dunning retry days must be in strictly ascending order.</translation>
    </message>
    <message>
        <source>The dunning suspension day must be positive.</source>
        <translation>The dunning suspension day must be positive.</translation>
    </message>
    <message>
        <source>Every dunning retry must come before the suspension day.</source>
        <translation>Every dunning retry must come before the suspension day.</translation>
    </message>
    <message>
        <source>The dunning cancellation day must come after the suspension day.</source>
        <translation>The dunning cancellation day must come after the suspension day.</translation>
    </message>
    <message>
        <source>The dunning cancellation day must be at most %1 days after the failure.</source>
        <translation>The dunning cancellation day must be at most %1 days after the failure.</translation>
    </message>
    <message>
        <source>A dunning date is missing or invalid.</source>
        <translation>A dunning date is missing or invalid.</translation>
    </message>
    <message>
        <source>Dunning dates are out of order (first failure, last failure, today).</source>
        <translation>Dunning dates are out of order (first failure, last failure, today).</translation>
    </message>
    <message>
        <source>A cancelled or expired subscription is not reactivated by a payment; it needs a new subscription.</source>
        <translation>A cancelled or expired subscription is not reactivated by a payment; it needs a new subscription.</translation>
    </message>
    <message>
        <source>Cannot listen on %1:%2.</source>
        <translation>Cannot listen on %1:%2.</translation>
    </message>
    <message>
        <source>"%1" is not a valid metric name.</source>
        <translation>"%1" is not a valid metric name.</translation>
    </message>
    <message>
        <source>A histogram needs increasing bucket bounds.</source>
        <translation>A histogram needs increasing bucket bounds.</translation>
    </message>
    <message>
        <source>The metric %1 was already declared with another type.</source>
        <translation>The metric %1 was already declared with another type.</translation>
    </message>
    <message>
        <source>RabbitMQ refused or lost the request (%1).</source>
        <translation>RabbitMQ refused or lost the request (%1).</translation>
    </message>
    <message>
        <source>The connection to RabbitMQ was lost (%1).</source>
        <translation>The connection to RabbitMQ was lost (%1).</translation>
    </message>
    <message>
        <source>The connection to RabbitMQ was lost before the broker confirmed the message.</source>
        <translation>The connection to RabbitMQ was lost before the broker confirmed the message.</translation>
    </message>
    <message>
        <source>RabbitMQ is not connected; the next attempt is in %1 ms.</source>
        <translation>RabbitMQ is not connected; the next attempt is in %1 ms.</translation>
    </message>
    <message>
        <source>Cannot create a RabbitMQ connection.</source>
        <translation>Cannot create a RabbitMQ connection.</translation>
    </message>
    <message>
        <source>Cannot reach RabbitMQ.</source>
        <translation>Cannot reach RabbitMQ.</translation>
    </message>
    <message>
        <source>The connection that delivered this message is gone; the broker delivers it again.</source>
        <translation>The connection that delivered this message is gone; the broker delivers it again.</translation>
    </message>
    <message>
        <source>The message was not sent: the connection to RabbitMQ was lost.</source>
        <translation>The message was not sent: the connection to RabbitMQ was lost.</translation>
    </message>
    <message>
        <source>RabbitMQ did not confirm the message within %1 ms.</source>
        <translation>RabbitMQ did not confirm the message within %1 ms.</translation>
    </message>
    <message>
        <source>RabbitMQ refused the message (nack).</source>
        <translation>RabbitMQ refused the message (nack).</translation>
    </message>
    <message>
        <source>No queue is bound for the message's routing key; the broker returned it.</source>
        <translation>No queue is bound for the message's routing key; the broker returned it.</translation>
    </message>
    <message>
        <source>The connection to RabbitMQ was lost.</source>
        <translation>The connection to RabbitMQ was lost.</translation>
    </message>
    <message>
        <source>RabbitMQ closed the channel.</source>
        <translation>RabbitMQ closed the channel.</translation>
    </message>
    <message>
        <source>RabbitMQ closed the connection.</source>
        <translation>RabbitMQ closed the connection.</translation>
    </message>
    <message>
        <source>This connection consumes no queue; call consume first.</source>
        <translation>This connection consumes no queue; call consume first.</translation>
    </message>
    <message>
        <source>The queue %1 was never declared.</source>
        <translation>The queue %1 was never declared.</translation>
    </message>
    <message>
        <source>The delivery limit of %1 must be at least 1.</source>
        <translation>The delivery limit of %1 must be at least 1.</translation>
    </message>
    <message>
        <source>No queue is bound for the routing key %1; the message was not stored.</source>
        <translation>No queue is bound for the routing key %1; the message was not stored.</translation>
    </message>
    <message>
        <source>This thread consumes no queue; call consume first.</source>
        <translation>This thread consumes no queue; call consume first.</translation>
    </message>
    <message>
        <source>This delivery was already settled or belongs to another connection.</source>
        <translation>This delivery was already settled or belongs to another connection.</translation>
    </message>
    <message>
        <source>Billing on %1 (Santo Domingo)</source>
        <translation>Billing on %1 (Santo Domingo)</translation>
    </message>
    <message>
        <source>  subscriptions due: %1, in dunning: %2</source>
        <translation>  subscriptions due: %1, in dunning: %2</translation>
    </message>
    <message>
        <source>  charges today: %1; not yet settled: %2</source>
        <translation>  charges today: %1; not yet settled: %2</translation>
    </message>
    <message>
        <source>  open worker requests: %1</source>
        <translation>  open worker requests: %1</translation>
    </message>
    <message>
        <source>  workers alive: %1</source>
        <translation>  workers alive: %1</translation>
    </message>
    <message>
        <source>  last billing run: #%1, %2, asked %3</source>
        <translation>  last billing run: #%1, %2, asked %3</translation>
    </message>
    <message>
        <source>  no billing run has been asked for yet</source>
        <translation>  no billing run has been asked for yet</translation>
    </message>
    <message>
        <source>Request #%1 (%2) succeeded: %3</source>
        <translation>Request #%1 (%2) succeeded: %3</translation>
    </message>
    <message>
        <source>Request #%1 (%2) failed: %3</source>
        <translation>Request #%1 (%2) failed: %3</translation>
    </message>
    <message>
        <source>Request #%1 (%2) is %3.</source>
        <translation>Request #%1 (%2) is %3.</translation>
    </message>
    <message>
        <source>--idempotency-key must be a UUID such as %1.</source>
        <translation>--idempotency-key must be a UUID such as %1.</translation>
    </message>
    <message>
        <source>Request #%1 (%2) queued; waiting for okla-worker (Ctrl+C stops waiting, not the work).</source>
        <translation>Request #%1 (%2) queued; waiting for okla-worker (Ctrl+C stops waiting, not the work).</translation>
    </message>
    <message>
        <source>  progress: %1</source>
        <translation>  progress: %1</translation>
    </message>
    <message>
        <source>  still pending: is an okla-worker running? (`okla worker status`)</source>
        <translation>  still pending: is an okla-worker running? (`okla worker status`)</translation>
    </message>
    <message>
        <source>request #%1 is still %2 after %3 s; it goes on in the worker (follow it with `okla billing status`).</source>
        <translation>request #%1 is still %2 after %3 s; it goes on in the worker (follow it with `okla billing status`).</translation>
    </message>
    <message>
        <source>A subscription has a status or billing cycle the worker does not know.</source>
        <translation>A subscription has a status or billing cycle the worker does not know.</translation>
    </message>
    <message>
        <source>Billing run progress not written: %1</source>
        <translation>Billing run progress not written: %1</translation>
    </message>
    <message>
        <source>KPI refresh after the billing run failed: %1</source>
        <translation>KPI refresh after the billing run failed: %1</translation>
    </message>
    <message>
        <source>A dunning run needs a valid business date.</source>
        <translation>A dunning run needs a valid business date.</translation>
    </message>
    <message>
        <source>Dunning of subscription %1 stopped: %2</source>
        <translation>Dunning of subscription %1 stopped: %2</translation>
    </message>
    <message>
        <source>The period's invoice was written by someone else meanwhile; run again.</source>
        <translation>The period's invoice was written by someone else meanwhile; run again.</translation>
    </message>
    <message>
        <source>The billing policy %1 has a value the renewal run cannot use.</source>
        <translation>The billing policy %1 has a value the renewal run cannot use.</translation>
    </message>
    <message>
        <source>A billing run needs a valid business date.</source>
        <translation>A billing run needs a valid business date.</translation>
    </message>
    <message>
        <source>Renewal of subscription %1 stopped: %2</source>
        <translation>Renewal of subscription %1 stopped: %2</translation>
    </message>
    <message>
        <source>The period's invoice was voided or cancelled; it is not charged.</source>
        <translation>The period's invoice was voided or cancelled; it is not charged.</translation>
    </message>
    <message>
        <source>The subscription no longer exists.</source>
        <translation>The subscription no longer exists.</translation>
    </message>
</context>
<context>
    <name>okla</name>
    <message>
        <source>OKLA Admin cannot start</source>
        <translation>OKLA Admin cannot start</translation>
    </message>
    <message>
        <source>Could not sign in</source>
        <translation>Could not sign in</translation>
    </message>
    <message>
        <source>The amount is too large to be represented.</source>
        <translation>The amount is too large to be represented.</translation>
    </message>
    <message>
        <source>A plan price cannot be negative.</source>
        <translation>A plan price cannot be negative.</translation>
    </message>
    <message>
        <source>Amounts in %1 and %2 cannot be combined.</source>
        <translation>Amounts in %1 and %2 cannot be combined.</translation>
    </message>
    <message>
        <source>New</source>
        <translation>New</translation>
    </message>
    <message>
        <source>Expansion</source>
        <translation>Expansion</translation>
    </message>
    <message>
        <source>Reactivation</source>
        <translation>Reactivation</translation>
    </message>
    <message>
        <source>Contraction</source>
        <translation>Contraction</translation>
    </message>
    <message>
        <source>Churn</source>
        <translation>Churn</translation>
    </message>
    <message>
        <source>Q%1 %2</source>
        <translation>Q%1 %2</translation>
    </message>
    <message>
        <source>An exchange rate must be greater than zero.</source>
        <translation>An exchange rate must be greater than zero.</translation>
    </message>
    <message>
        <source>A ratio needs a denominator greater than zero.</source>
        <translation>A ratio needs a denominator greater than zero.</translation>
    </message>
    <message>
        <source>The amount is in %1 but %2 is expected.</source>
        <translation>The amount is in %1 but %2 is expected.</translation>
    </message>
    <message>
        <source>Connection profile "%1" does not exist; run "okla-sandbox up" or create it.</source>
        <translation>Connection profile "%1" does not exist; run "okla-sandbox up" or create it.</translation>
    </message>
    <message>
        <source>Connection profile "%1" cannot be read; fix or delete %2.</source>
        <translation>Connection profile "%1" cannot be read; fix or delete %2.</translation>
    </message>
    <message>
        <source>Connection profile "%1" contains a stored secret (%2); remove it from %3.</source>
        <translation>Connection profile "%1" contains a stored secret (%2); remove it from %3.</translation>
    </message>
    <message>
        <source>Connection profile "%1" has no valid PostgreSQL host and port; fix or delete %2.</source>
        <translation>Connection profile "%1" has no valid PostgreSQL host and port; fix or delete %2.</translation>
    </message>
    <message>
        <source>Could not write connection profile %1.</source>
        <translation>Could not write connection profile %1.</translation>
    </message>
    <message numerus="yes">
        <source>Applied %n migration(s); the schema is at version %1.</source>
        <translation><numerusform>Applied %n migration; the schema is at version %1.</numerusform><numerusform>Applied %n migrations; the schema is at version %1.</numerusform></translation>
    </message>
    <message>
        <source>No keyring is available, so the password cannot be remembered.</source>
        <translation>No keyring is available, so the password cannot be remembered.</translation>
    </message>
    <message>
        <source>No password is remembered for this user.</source>
        <translation>No password is remembered for this user.</translation>
    </message>
    <message>
        <source>The settings file %1 holds a stored secret (%2), which OKLA Admin never writes; remove that entry and start again.</source>
        <translation>The settings file %1 holds a stored secret (%2), which OKLA Admin never writes; remove that entry and start again.</translation>
    </message>
    <message>
        <source>Could not connect to the database.</source>
        <translation>Could not connect to the database.</translation>
    </message>
    <message>
        <source>The database refused the request.</source>
        <translation>The database refused the request.</translation>
    </message>
    <message>
        <source>Redis did not answer in time.</source>
        <translation>Redis did not answer in time.</translation>
    </message>
    <message>
        <source>The connection to Redis failed.</source>
        <translation>The connection to Redis failed.</translation>
    </message>
    <message>
        <source>Redis is unreachable.</source>
        <translation>Redis is unreachable.</translation>
    </message>
    <message>
        <source>Redis refused the password.</source>
        <translation>Redis refused the password.</translation>
    </message>
    <message>
        <source>The Redis client stopped.</source>
        <translation>The Redis client stopped.</translation>
    </message>
    <message>
        <source>The payment to refund has no capturing provider.</source>
        <translation>The payment to refund has no capturing provider.</translation>
    </message>
    <message>
        <source>No payment provider handles this currency.</source>
        <translation>No payment provider handles this currency.</translation>
    </message>
    <message>
        <source>This charge already succeeded with AZUL.</source>
        <translation>This charge already succeeded with AZUL.</translation>
    </message>
    <message>
        <source>The AZUL attempt has an unknown outcome; it must be resolved before the charge can go anywhere else.</source>
        <translation>The AZUL attempt has an unknown outcome; it must be resolved before the charge can go anywhere else.</translation>
    </message>
    <message>
        <source>AZUL is unavailable and the dealer has no Stripe payment method; the charge will be retried later.</source>
        <translation>AZUL is unavailable and the dealer has no Stripe payment method; the charge will be retried later.</translation>
    </message>
    <message>
        <source>Redis gave an unexpected reply.</source>
        <translation>Redis gave an unexpected reply.</translation>
    </message>
    <message>
        <source>Enter an amount.</source>
        <translation>Enter an amount.</translation>
    </message>
    <message>
        <source>The amount has no digits.</source>
        <translation>The amount has no digits.</translation>
    </message>
    <message>
        <source>The amount has more than one decimal point.</source>
        <translation>The amount has more than one decimal point.</translation>
    </message>
    <message>
        <source>A thousands separator is misplaced; write e.g. 1,234.50 or 1234.50.</source>
        <translation>A thousands separator is misplaced; write e.g. 1,234.50 or 1234.50.</translation>
    </message>
    <message>
        <source>Scientific notation is not accepted; write the amount in full.</source>
        <translation>Scientific notation is not accepted; write the amount in full.</translation>
    </message>
    <message>
        <source>The amount contains an invalid character: "%1".</source>
        <translation>The amount contains an invalid character: "%1".</translation>
    </message>
    <message>
        <source>Write digits on both sides of the decimal point, e.g. 0.50.</source>
        <translation>Write digits on both sides of the decimal point, e.g. 0.50.</translation>
    </message>
    <message>
        <source>The amount has too many decimals: %1 allows at most %2.</source>
        <translation>The amount has too many decimals: %1 allows at most %2.</translation>
    </message>
    <message>
        <source>The amount cannot be negative.</source>
        <translation>The amount cannot be negative.</translation>
    </message>
    <message>
        <source>The amount is too large.</source>
        <translation>The amount is too large.</translation>
    </message>
    <message>
        <source>The amount must be greater than zero.</source>
        <translation>The amount must be greater than zero.</translation>
    </message>
    <message>
        <source>An exchange rate is written with digits and an optional decimal point, e.g. 58.25.</source>
        <translation>An exchange rate is written with digits and an optional decimal point, e.g. 58.25.</translation>
    </message>
    <message>
        <source>An exchange rate may have at most 18 significant digits.</source>
        <translation>An exchange rate may have at most 18 significant digits.</translation>
    </message>
    <message>
        <source>An RNC or cédula contains only digits, dashes and spaces; "%1" is not allowed.</source>
        <translation>An RNC or cédula contains only digits, dashes and spaces; "%1" is not allowed.</translation>
    </message>
    <message>
        <source>Enter an RNC (9 digits) or a cédula (11 digits).</source>
        <translation>Enter an RNC (9 digits) or a cédula (11 digits).</translation>
    </message>
    <message>
        <source>An RNC has 9 digits and a cédula 11; this one has %1.</source>
        <translation>An RNC has 9 digits and a cédula 11; this one has %1.</translation>
    </message>
    <message>
        <source>This %1 is not valid: its last (check) digit is %2, it should be %3. Check for a typo.</source>
        <translation>This %1 is not valid: its last (check) digit is %2, it should be %3. Check for a typo.</translation>
    </message>
    <message>
        <source>The %1 body (without its check digit) must be exactly %2 digits.</source>
        <translation>The %1 body (without its check digit) must be exactly %2 digits.</translation>
    </message>
    <message>
        <source>RNC</source>
        <translation>RNC</translation>
    </message>
    <message>
        <source>cédula</source>
        <translation>cédula</translation>
    </message>
    <message>
        <source>There is no list of dealers behind this number.</source>
        <translation>There is no list of dealers behind this number.</translation>
    </message>
    <message>
        <source>The KPI computation is missing from this build.</source>
        <translation>The KPI computation is missing from this build.</translation>
    </message>
    <message>
        <source>%1 done in %2 ms</source>
        <translation>%1 done in %2 ms</translation>
    </message>
    <message>
        <source>Provider health is kept in Redis, which did not answer:</source>
        <translation>Provider health is kept in Redis, which did not answer:</translation>
    </message>
    <message>
        <source>No process has reported provider health in the last 30 seconds.</source>
        <translation>No process has reported provider health in the last 30 seconds.</translation>
    </message>
    <message>
        <source>local (Redis was unreachable)</source>
        <translation>local (Redis was unreachable)</translation>
    </message>
    <message>
        <source>No payment provider is configured in this profile.</source>
        <translation>No payment provider is configured in this profile.</translation>
    </message>
    <message>
        <source>The KPI computation got an invalid date.</source>
        <translation>The KPI computation got an invalid date.</translation>
    </message>
    <message>
        <source>The amount must be positive and at most 12 digits.</source>
        <translation>The amount must be positive and at most 12 digits.</translation>
    </message>
    <message>
        <source>The ITBIS must be between zero and the amount.</source>
        <translation>The ITBIS must be between zero and the amount.</translation>
    </message>
    <message>
        <source>An AZUL order id is missing or too long.</source>
        <translation>An AZUL order id is missing or too long.</translation>
    </message>
    <message>
        <source>The card number must be 12 to 19 digits.</source>
        <translation>The card number must be 12 to 19 digits.</translation>
    </message>
    <message>
        <source>The card expiration must be YYYYMM.</source>
        <translation>The card expiration must be YYYYMM.</translation>
    </message>
    <message>
        <source>The card security code must be 3 or 4 digits.</source>
        <translation>The card security code must be 3 or 4 digits.</translation>
    </message>
    <message>
        <source>Only a Sale or a Hold carries card data.</source>
        <translation>Only a Sale or a Hold carries card data.</translation>
    </message>
    <message>
        <source>The order number is longer than 15 characters.</source>
        <translation>The order number is longer than 15 characters.</translation>
    </message>
    <message>
        <source>A token sale carries a token of at most 100 characters and no card number.</source>
        <translation>A token sale carries a token of at most 100 characters and no card number.</translation>
    </message>
    <message>
        <source>The merchant name shown on statements is invalid.</source>
        <translation>The merchant name shown on statements is invalid.</translation>
    </message>
    <message>
        <source>The AZUL order id must be digits.</source>
        <translation>The AZUL order id must be digits.</translation>
    </message>
    <message>
        <source>The DataVault token is missing or too long.</source>
        <translation>The DataVault token is missing or too long.</translation>
    </message>
    <message>
        <source>The yearly discount must be between 0 and 10000 basis points (0 % to 100 %).</source>
        <translation>The yearly discount must be between 0 and 10000 basis points (0 % to 100 %).</translation>
    </message>
    <message>
        <source>A KPI amount from the database could not be read.</source>
        <translation>A KPI amount from the database could not be read.</translation>
    </message>
    <message>
        <source>AZUL charges and refunds in Dominican pesos (DOP) only; this amount is in %1.</source>
        <translation>AZUL charges and refunds in Dominican pesos (DOP) only; this amount is in %1.</translation>
    </message>
    <message>
        <source>The request was cancelled.</source>
        <translation>The request was cancelled.</translation>
    </message>
    <message>
        <source>Could not save %1.</source>
        <translation>Could not save %1.</translation>
    </message>
    <message>
        <source>A connection profile name is letters, digits, '.', '_' or '-' (at most 64), not "%1".</source>
        <translation>A connection profile name is letters, digits, '.', '_' or '-' (at most 64), not "%1".</translation>
    </message>
    <message>
        <source>The DBA step is applied; now run `okla migrate`.</source>
        <translation>The DBA step is applied; now run `okla migrate`.</translation>
    </message>
    <message>
        <source>active</source>
        <translation>active</translation>
    </message>
    <message>
        <source>inactive</source>
        <translation>inactive</translation>
    </message>
    <message>
        <source>A password is 12 to 1024 characters, on the first line of stdin.</source>
        <translation>A password is 12 to 1024 characters, on the first line of stdin.</translation>
    </message>
    <message>
        <source>Staff member %1 is ready in the %2 group (id %3).</source>
        <translation>Staff member %1 is ready in the %2 group (id %3).</translation>
    </message>
    <message>
        <source>%1 is now in the %2 group only.</source>
        <translation>%1 is now in the %2 group only.</translation>
    </message>
    <message>
        <source>%1 is deactivated: the login cannot sign in and its sessions were ended.</source>
        <translation>%1 is deactivated: the login cannot sign in and its sessions were ended.</translation>
    </message>
    <message>
        <source>Finance</source>
        <translation>Finance</translation>
    </message>
    <message>
        <source>Manager</source>
        <translation>Manager</translation>
    </message>
    <message>
        <source>Support</source>
        <translation>Support</translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation>Administrator</translation>
    </message>
    <message>
        <source>A login is 2 to 63 lower-case letters, digits or _, starts with a letter and not with pg_ or okla_.</source>
        <translation>A login is 2 to 63 lower-case letters, digits or _, starts with a letter and not with pg_ or okla_.</translation>
    </message>
    <message>
        <source>A name is 1 to %1 characters.</source>
        <translation>A name is 1 to %1 characters.</translation>
    </message>
    <message>
        <source>An e-mail address looks like name@domain.tld.</source>
        <translation>An e-mail address looks like name@domain.tld.</translation>
    </message>
    <message>
        <source>A staff role is finance, manager, support or admin.</source>
        <translation>A staff role is finance, manager, support or admin.</translation>
    </message>
    <message>
        <source>The DBA script is missing from this build.</source>
        <translation>The DBA script is missing from this build.</translation>
    </message>
    <message>
        <source>The DBA step must run as a PostgreSQL superuser (for example --user postgres).</source>
        <translation>The DBA step must run as a PostgreSQL superuser (for example --user postgres).</translation>
    </message>
    <message>
        <source>Only an admin may manage staff.</source>
        <translation>Only an admin may manage staff.</translation>
    </message>
    <message>
        <source>The database refused the change: %1.</source>
        <translation>The database refused the change: %1.</translation>
    </message>
    <message>
        <source>Could not prepare the password.</source>
        <translation>Could not prepare the password.</translation>
    </message>
    <message>
        <source>%1 is required (with %2).</source>
        <translation>%1 is required (with %2).</translation>
    </message>
    <message>
        <source>unknown command %1; run "okla --help" for the list.</source>
        <translation>unknown command %1; run "okla --help" for the list.</translation>
    </message>
    <message>
        <source>%1 seems to contain a card number. Card numbers are never stored: remove it (at most the last 4 digits may be written).</source>
        <translation>%1 seems to contain a card number. Card numbers are never stored: remove it (at most the last 4 digits may be written).</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Refused: %1.</source>
        <translation>Refused: %1.</translation>
    </message>
    <message>
        <source>Service login %1 is ready, with the password of %2.</source>
        <translation>Service login %1 is ready, with the password of %2.</translation>
    </message>
    <message>
        <source>Service login %1 is ready, without a password (no %2 credential): the server must trust it some other way.</source>
        <translation>Service login %1 is ready, without a password (no %2 credential): the server must trust it some other way.</translation>
    </message>
    <message>
        <source>The service login %1 was not made: %2.</source>
        <translation>The service login %1 was not made: %2.</translation>
    </message>
    <message>
        <source>This idempotency key was already used for another request: %1.</source>
        <translation>This idempotency key was already used for another request: %1.</translation>
    </message>
    <message>
        <source>The database refused the request: %1.</source>
        <translation>The database refused the request: %1.</translation>
    </message>
    <message>
        <source>There is no worker request #%1.</source>
        <translation>There is no worker request #%1.</translation>
    </message>
    <message>
        <source>Workers:</source>
        <translation>Workers:</translation>
    </message>
    <message>
        <source>none has recorded a heartbeat</source>
        <translation>none has recorded a heartbeat</translation>
    </message>
    <message>
        <source>heartbeat %1 s ago, version %2, %3 of %4 busy</source>
        <translation>heartbeat %1 s ago, version %2, %3 of %4 busy</translation>
    </message>
    <message>
        <source>Requests:</source>
        <translation>Requests:</translation>
    </message>
    <message>
        <source>none</source>
        <translation>none</translation>
    </message>
    <message>
        <source>Refund %1 was not executed: %2</source>
        <translation>Refund %1 was not executed: %2</translation>
    </message>
    <message>
        <source>Unfinished %1 operation %2 not completed: %3</source>
        <translation>Unfinished %1 operation %2 not completed: %3</translation>
    </message>
    <message>
        <source>A payment search needs a first and a last day, in order.</source>
        <translation>A payment search needs a first and a last day, in order.</translation>
    </message>
</context>
<context>
    <name>okla.status</name>
    <message>
        <source>Pending</source>
        <comment>dealer verification</comment>
        <translation>Pending</translation>
    </message>
    <message>
        <source>Under review</source>
        <comment>dealer verification</comment>
        <translation>Under review</translation>
    </message>
    <message>
        <source>Verified</source>
        <comment>dealer verification</comment>
        <translation>Verified</translation>
    </message>
    <message>
        <source>Rejected</source>
        <comment>dealer verification</comment>
        <translation>Rejected</translation>
    </message>
    <message>
        <source>Suspended</source>
        <comment>dealer verification</comment>
        <translation>Suspended</translation>
    </message>
    <message>
        <source>Independent</source>
        <comment>dealer type</comment>
        <translation>Independent</translation>
    </message>
    <message>
        <source>Franchise</source>
        <comment>dealer type</comment>
        <translation>Franchise</translation>
    </message>
    <message>
        <source>Multi-location</source>
        <comment>dealer type</comment>
        <translation>Multi-location</translation>
    </message>
    <message>
        <source>Online only</source>
        <comment>dealer type</comment>
        <translation>Online only</translation>
    </message>
    <message>
        <source>Wholesale</source>
        <comment>dealer type</comment>
        <translation>Wholesale</translation>
    </message>
    <message>
        <source>Trial</source>
        <comment>subscription</comment>
        <translation>Trial</translation>
    </message>
    <message>
        <source>Active</source>
        <comment>subscription</comment>
        <translation>Active</translation>
    </message>
    <message>
        <source>Past due</source>
        <comment>subscription</comment>
        <translation>Past due</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <comment>subscription</comment>
        <translation>Cancelled</translation>
    </message>
    <message>
        <source>Suspended</source>
        <comment>subscription</comment>
        <translation>Suspended</translation>
    </message>
    <message>
        <source>Expired</source>
        <comment>subscription</comment>
        <translation>Expired</translation>
    </message>
    <message>
        <source>Upgrade</source>
        <comment>plan change</comment>
        <translation>Upgrade</translation>
    </message>
    <message>
        <source>Downgrade</source>
        <comment>plan change</comment>
        <translation>Downgrade</translation>
    </message>
    <message>
        <source>Cancel</source>
        <comment>plan change</comment>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Reactivate</source>
        <comment>plan change</comment>
        <translation>Reactivate</translation>
    </message>
    <message>
        <source>Trial to active</source>
        <comment>plan change</comment>
        <translation>Trial to active</translation>
    </message>
    <message>
        <source>Too expensive</source>
        <comment>cancellation reason</comment>
        <translation>Too expensive</translation>
    </message>
    <message>
        <source>Not enough value</source>
        <comment>cancellation reason</comment>
        <translation>Not enough value</translation>
    </message>
    <message>
        <source>Switched to a competitor</source>
        <comment>cancellation reason</comment>
        <translation>Switched to a competitor</translation>
    </message>
    <message>
        <source>Technical issues</source>
        <comment>cancellation reason</comment>
        <translation>Technical issues</translation>
    </message>
    <message>
        <source>Business closed</source>
        <comment>cancellation reason</comment>
        <translation>Business closed</translation>
    </message>
    <message>
        <source>Not using it enough</source>
        <comment>cancellation reason</comment>
        <translation>Not using it enough</translation>
    </message>
    <message>
        <source>Seasonal pause</source>
        <comment>cancellation reason</comment>
        <translation>Seasonal pause</translation>
    </message>
    <message>
        <source>Poor support</source>
        <comment>cancellation reason</comment>
        <translation>Poor support</translation>
    </message>
    <message>
        <source>Missing features</source>
        <comment>cancellation reason</comment>
        <translation>Missing features</translation>
    </message>
    <message>
        <source>Other</source>
        <comment>cancellation reason</comment>
        <translation>Other</translation>
    </message>
    <message>
        <source>Pending</source>
        <comment>payment</comment>
        <translation>Pending</translation>
    </message>
    <message>
        <source>Processing</source>
        <comment>payment</comment>
        <translation>Processing</translation>
    </message>
    <message>
        <source>Succeeded</source>
        <comment>payment</comment>
        <translation>Succeeded</translation>
    </message>
    <message>
        <source>Failed</source>
        <comment>payment</comment>
        <translation>Failed</translation>
    </message>
    <message>
        <source>Refunded</source>
        <comment>payment</comment>
        <translation>Refunded</translation>
    </message>
    <message>
        <source>Partially refunded</source>
        <comment>payment</comment>
        <translation>Partially refunded</translation>
    </message>
    <message>
        <source>Disputed</source>
        <comment>payment</comment>
        <translation>Disputed</translation>
    </message>
    <message>
        <source>Draft</source>
        <comment>invoice</comment>
        <translation>Draft</translation>
    </message>
    <message>
        <source>Issued</source>
        <comment>invoice</comment>
        <translation>Issued</translation>
    </message>
    <message>
        <source>Sent</source>
        <comment>invoice</comment>
        <translation>Sent</translation>
    </message>
    <message>
        <source>Paid</source>
        <comment>invoice</comment>
        <translation>Paid</translation>
    </message>
    <message>
        <source>Partially paid</source>
        <comment>invoice</comment>
        <translation>Partially paid</translation>
    </message>
    <message>
        <source>Overdue</source>
        <comment>invoice</comment>
        <translation>Overdue</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <comment>invoice</comment>
        <translation>Cancelled</translation>
    </message>
    <message>
        <source>Voided</source>
        <comment>invoice</comment>
        <translation>Voided</translation>
    </message>
    <message>
        <source>Requested</source>
        <comment>refund</comment>
        <translation>Requested</translation>
    </message>
    <message>
        <source>Awaiting approval</source>
        <comment>refund</comment>
        <translation>Awaiting approval</translation>
    </message>
    <message>
        <source>Approved</source>
        <comment>refund</comment>
        <translation>Approved</translation>
    </message>
    <message>
        <source>Submitting</source>
        <comment>refund</comment>
        <translation>Submitting</translation>
    </message>
    <message>
        <source>Succeeded</source>
        <comment>refund</comment>
        <translation>Succeeded</translation>
    </message>
    <message>
        <source>Failed</source>
        <comment>refund</comment>
        <translation>Failed</translation>
    </message>
    <message>
        <source>Unknown</source>
        <comment>refund</comment>
        <translation>Unknown</translation>
    </message>
    <message>
        <source>Reconciled</source>
        <comment>refund</comment>
        <translation>Reconciled</translation>
    </message>
    <message>
        <source>Rejected</source>
        <comment>refund</comment>
        <translation>Rejected</translation>
    </message>
    <message>
        <source>Submitting</source>
        <comment>provider request</comment>
        <translation>Submitting</translation>
    </message>
    <message>
        <source>Succeeded</source>
        <comment>provider request</comment>
        <translation>Succeeded</translation>
    </message>
    <message>
        <source>Failed</source>
        <comment>provider request</comment>
        <translation>Failed</translation>
    </message>
    <message>
        <source>Unknown</source>
        <comment>provider request</comment>
        <translation>Unknown</translation>
    </message>
    <message>
        <source>Reconciled</source>
        <comment>provider request</comment>
        <translation>Reconciled</translation>
    </message>
    <message>
        <source>AZUL</source>
        <comment>payment provider</comment>
        <translation>AZUL</translation>
    </message>
    <message>
        <source>Stripe</source>
        <comment>payment provider</comment>
        <translation>Stripe</translation>
    </message>
    <message>
        <source>Monthly</source>
        <comment>billing cycle</comment>
        <translation>Monthly</translation>
    </message>
    <message>
        <source>Quarterly</source>
        <comment>billing cycle</comment>
        <translation>Quarterly</translation>
    </message>
    <message>
        <source>Yearly</source>
        <comment>billing cycle</comment>
        <translation>Yearly</translation>
    </message>
    <message>
        <source>Payment without record</source>
        <comment>reconciliation discrepancy</comment>
        <translation>Payment without record</translation>
    </message>
    <message>
        <source>Subscription without payment</source>
        <comment>reconciliation discrepancy</comment>
        <translation>Subscription without payment</translation>
    </message>
    <message>
        <source>Amount mismatch</source>
        <comment>reconciliation discrepancy</comment>
        <translation>Amount mismatch</translation>
    </message>
    <message>
        <source>Orphaned Stripe customer</source>
        <comment>reconciliation discrepancy</comment>
        <translation>Orphaned Stripe customer</translation>
    </message>
    <message>
        <source>Status mismatch</source>
        <comment>reconciliation discrepancy</comment>
        <translation>Status mismatch</translation>
    </message>
    <message>
        <source>Payment status mismatch</source>
        <comment>reconciliation discrepancy</comment>
        <translation>Payment status mismatch</translation>
    </message>
    <message>
        <source>Stripe subscription without record</source>
        <comment>reconciliation discrepancy</comment>
        <translation>Stripe subscription without record</translation>
    </message>
</context>
<context>
    <name>okla.worker</name>
    <message>
        <source>refusing to start:</source>
        <translation>refusing to start:</translation>
    </message>
    <message>
        <source>%1 needs a value; usage: %2</source>
        <translation>%1 needs a value; usage: %2</translation>
    </message>
    <message>
        <source>%1 is too long.</source>
        <translation>%1 is too long.</translation>
    </message>
    <message>
        <source>--concurrency is at most %1.</source>
        <translation>--concurrency is at most %1.</translation>
    </message>
    <message>
        <source>--http-port takes a port from 0 to 65535 (0: any free port), not %1.</source>
        <translation>--http-port takes a port from 0 to 65535 (0: any free port), not %1.</translation>
    </message>
    <message>
        <source>unknown option %1; usage: %2</source>
        <translation>unknown option %1; usage: %2</translation>
    </message>
    <message>
        <source>The billing day "%1" is not a date (YYYY-MM-DD).</source>
        <translation>The billing day "%1" is not a date (YYYY-MM-DD).</translation>
    </message>
    <message>
        <source>A cancel_at_period_end request needs a positive whole subscription_id.</source>
        <translation>A cancel_at_period_end request needs a positive whole subscription_id.</translation>
    </message>
    <message>
        <source>The cancellation reason must be one of: %1.</source>
        <translation>The cancellation reason must be one of: %1.</translation>
    </message>
    <message>
        <source>Subscription %1 does not exist.</source>
        <translation>Subscription %1 does not exist.</translation>
    </message>
    <message>
        <source>Subscription %1 has already ended (%2).</source>
        <translation>Subscription %1 has already ended (%2).</translation>
    </message>
    <message>
        <source>The handler stopped with an exception: %1</source>
        <translation>The handler stopped with an exception: %1</translation>
    </message>
    <message>
        <source>This worker has no handler for requests of kind "%1" (it handles: %2).</source>
        <translation>This worker has no handler for requests of kind "%1" (it handles: %2).</translation>
    </message>
    <message>
        <source>request %1 (%2) failed: %3</source>
        <translation>request %1 (%2) failed: %3</translation>
    </message>
    <message>
        <source>heartbeat failed:</source>
        <translation>heartbeat failed:</translation>
    </message>
    <message>
        <source>gave back %1 requests of workers without a heartbeat</source>
        <translation>gave back %1 requests of workers without a heartbeat</translation>
    </message>
    <message>
        <source>gave back %1 claimed requests</source>
        <translation>gave back %1 claimed requests</translation>
    </message>
    <message>
        <source>worker %1 started (version %2, concurrency %3, queue %4); handles: %5</source>
        <translation>worker %1 started (version %2, concurrency %3, queue %4); handles: %5</translation>
    </message>
    <message>
        <source>could not look for requests:</source>
        <translation>could not look for requests:</translation>
    </message>
    <message>
        <source>executor %1 stopped claiming:</source>
        <translation>executor %1 stopped claiming:</translation>
    </message>
    <message>
        <source>--once: no request is pending any more</source>
        <translation>--once: no request is pending any more</translation>
    </message>
    <message>
        <source>could not mark the worker stopped:</source>
        <translation>could not mark the worker stopped:</translation>
    </message>
    <message>
        <source>worker %1 stopped</source>
        <translation>worker %1 stopped</translation>
    </message>
    <message>
        <source>stopping: no new claims; %1 requests in flight finish first</source>
        <translation>stopping: no new claims; %1 requests in flight finish first</translation>
    </message>
    <message>
        <source>SIGHUP: the profile could not be read again; keeping the old one:</source>
        <translation>SIGHUP: the profile could not be read again; keeping the old one:</translation>
    </message>
    <message>
        <source>SIGHUP: the reloaded profile does not connect; keeping the old one:</source>
        <translation>SIGHUP: the reloaded profile does not connect; keeping the old one:</translation>
    </message>
    <message>
        <source>SIGHUP: profile "%1" reloaded; new connections use it</source>
        <translation>SIGHUP: profile "%1" reloaded; new connections use it</translation>
    </message>
    <message>
        <source>The worker login is not a member of okla_worker; make it with "okla dba apply --worker-login NAME".</source>
        <translation>The worker login is not a member of okla_worker; make it with "okla dba apply --worker-login NAME".</translation>
    </message>
    <message>
        <source>Connection profile "%1" names no worker login; add "login=NAME" under [worker].</source>
        <translation>Connection profile "%1" names no worker login; add "login=NAME" under [worker].</translation>
    </message>
    <message>
        <source>%1 could not be read for reconciliation: %2</source>
        <translation>%1 could not be read for reconciliation: %2</translation>
    </message>
    <message>
        <source>nothing was sent (%1)</source>
        <translation>nothing was sent (%1)</translation>
    </message>
    <message>
        <source>Reconciliation needs a valid day.</source>
        <translation>Reconciliation needs a valid day.</translation>
    </message>
    <message>
        <source>A %1 request needs a positive whole %2.</source>
        <translation>A %1 request needs a positive whole %2.</translation>
    </message>
    <message>
        <source>Dealer %1 does not exist.</source>
        <translation>Dealer %1 does not exist.</translation>
    </message>
    <message>
        <source>Invoice %1 does not exist.</source>
        <translation>Invoice %1 does not exist.</translation>
    </message>
    <message>
        <source>Invoice %1 is %2, not paid: it has no receipt to send.</source>
        <translation>Invoice %1 is %2, not paid: it has no receipt to send.</translation>
    </message>
    <message>
        <source>Dealer %1 has no subscription in force: there is no card to update.</source>
        <translation>Dealer %1 has no subscription in force: there is no card to update.</translation>
    </message>
    <message>
        <source>Subscription %1 is %2: its overdue invoice must be paid before its plan changes.</source>
        <translation>Subscription %1 is %2: its overdue invoice must be paid before its plan changes.</translation>
    </message>
    <message>
        <source>Subscription %1 is cancelled at the end of its period: it has no next period to change.</source>
        <translation>Subscription %1 is cancelled at the end of its period: it has no next period to change.</translation>
    </message>
    <message>
        <source>There is no plan "%1"; the plans are: %2.</source>
        <translation>There is no plan "%1"; the plans are: %2.</translation>
    </message>
    <message>
        <source>Plan %1 has no price in %2 today.</source>
        <translation>Plan %1 has no price in %2 today.</translation>
    </message>
    <message>
        <source>A change_plan request needs a plan_key, a billing_cycle or both.</source>
        <translation>A change_plan request needs a plan_key, a billing_cycle or both.</translation>
    </message>
    <message>
        <source>The billing cycle must be one of: %1.</source>
        <translation>The billing cycle must be one of: %1.</translation>
    </message>
    <message>
        <source>Subscription %1 is already on plan %2, billed %3: there is nothing to change.</source>
        <translation>Subscription %1 is already on plan %2, billed %3: there is nothing to change.</translation>
    </message>
    <message>
        <source>Request %1 is no longer this worker's; nothing was charged.</source>
        <translation>Request %1 is no longer this worker's; nothing was charged.</translation>
    </message>
    <message>
        <source>Subscription %1 has no overdue or open invoice: there is nothing to charge.</source>
        <translation>Subscription %1 has no overdue or open invoice: there is nothing to charge.</translation>
    </message>
    <message>
        <source>Invoice %1 has a charge still running or whose outcome is unknown; it is not charged again until reconciliation settles that one.</source>
        <translation>Invoice %1 has a charge still running or whose outcome is unknown; it is not charged again until reconciliation settles that one.</translation>
    </message>
    <message>
        <source>Invoice %1 was not paid: the card can never pay again (%2). The dealer was asked to update it.</source>
        <translation>Invoice %1 was not paid: the card can never pay again (%2). The dealer was asked to update it.</translation>
    </message>
    <message>
        <source>Invoice %1 was not paid: the charge was declined (%2, %3). The dealer was told and dunning goes on.</source>
        <translation>Invoice %1 was not paid: the charge was declined (%2, %3). The dealer was told and dunning goes on.</translation>
    </message>
    <message>
        <source>The outcome of the charge of invoice %1 is not known yet; reconciliation settles it. Do not retry before then.</source>
        <translation>The outcome of the charge of invoice %1 is not known yet; reconciliation settles it. Do not retry before then.</translation>
    </message>
    <message>
        <source>Invoice %1 was not charged: it is no longer open, or another charge of it is under way.</source>
        <translation>Invoice %1 was not charged: it is no longer open, or another charge of it is under way.</translation>
    </message>
    <message>
        <source>The reconciliation day "%1" is not a date (YYYY-MM-DD).</source>
        <translation>The reconciliation day "%1" is not a date (YYYY-MM-DD).</translation>
    </message>
    <message>
        <source>no Stripe webhooks on this worker:</source>
        <translation>no Stripe webhooks on this worker:</translation>
    </message>
    <message>
        <source>The credential "%1" is empty.</source>
        <translation>The credential "%1" is empty.</translation>
    </message>
    <message>
        <source>This billing slice cannot run: %1</source>
        <translation>This billing slice cannot run: %1</translation>
    </message>
    <message>
        <source>The worker is stopping; the billing run goes back to the queue.</source>
        <translation>The worker is stopping; the billing run goes back to the queue.</translation>
    </message>
    <message>
        <source>%1 of %2 slices of the billing run failed; the first said: %3</source>
        <translation>%1 of %2 slices of the billing run failed; the first said: %3</translation>
    </message>
    <message>
        <source>its date is not YYYY-MM-DD.</source>
        <translation>its date is not YYYY-MM-DD.</translation>
    </message>
    <message>
        <source>its index and count do not name a slice.</source>
        <translation>its index and count do not name a slice.</translation>
    </message>
    <message>
        <source>%1 failed:</source>
        <translation>%1 failed:</translation>
    </message>
    <message>
        <source>refunds and unfinished charges wait: the providers are not configured:</source>
        <translation>refunds and unfinished charges wait: the providers are not configured:</translation>
    </message>
</context>
<context>
    <name>okla::services::ChargeExecutor</name>
    <message>
        <source>Invoice %1 does not exist.</source>
        <translation>Invoice %1 does not exist.</translation>
    </message>
    <message>
        <source>The dealer has no stored payment method for %1.</source>
        <translation>The dealer has no stored payment method for %1.</translation>
    </message>
    <message>
        <source>The charge of invoice %1, attempt %2, is missing.</source>
        <translation>The charge of invoice %1, attempt %2, is missing.</translation>
    </message>
</context>
<context>
    <name>okla::services::CredentialStore</name>
    <message>
        <source>No credentials directory is configured (set OKLA_CREDENTIALS_DIR or the profile's credentials folder).</source>
        <translation>No credentials directory is configured (set OKLA_CREDENTIALS_DIR or the profile's credentials folder).</translation>
    </message>
    <message>
        <source>The credentials directory does not exist.</source>
        <translation>The credentials directory does not exist.</translation>
    </message>
    <message>
        <source>The credentials path is not a directory.</source>
        <translation>The credentials path is not a directory.</translation>
    </message>
    <message>
        <source>The credentials directory is open to other users; run chmod 700 on it.</source>
        <translation>The credentials directory is open to other users; run chmod 700 on it.</translation>
    </message>
    <message>
        <source>Unknown credential name.</source>
        <translation>Unknown credential name.</translation>
    </message>
    <message>
        <source>A required credential file is missing.</source>
        <translation>A required credential file is missing.</translation>
    </message>
    <message>
        <source>A credential is not a regular file (symbolic links are refused).</source>
        <translation>A credential is not a regular file (symbolic links are refused).</translation>
    </message>
    <message>
        <source>A credential file is readable or writable by other users; run chmod 600 on it.</source>
        <translation>A credential file is readable or writable by other users; run chmod 600 on it.</translation>
    </message>
    <message>
        <source>A credential file cannot be read.</source>
        <translation>A credential file cannot be read.</translation>
    </message>
    <message>
        <source>A credential file is empty.</source>
        <translation>A credential file is empty.</translation>
    </message>
</context>
<context>
    <name>okla::services::IdempotencyPhases</name>
    <message>
        <source>The idempotency key vanished while it was claimed.</source>
        <translation>The idempotency key vanished while it was claimed.</translation>
    </message>
    <message>
        <source>This idempotency key was already used for another operation; make a new key.</source>
        <translation>This idempotency key was already used for another operation; make a new key.</translation>
    </message>
    <message>
        <source>This run lost its lease on the operation (another worker took it over); it stops here.</source>
        <translation>This run lost its lease on the operation (another worker took it over); it stops here.</translation>
    </message>
    <message>
        <source>This operation is already running in another worker; it will be finished there.</source>
        <translation>This operation is already running in another worker; it will be finished there.</translation>
    </message>
</context>
<context>
    <name>okla::services::RefundExecutor</name>
    <message>
        <source>Refund %1 does not exist.</source>
        <translation>Refund %1 does not exist.</translation>
    </message>
    <message>
        <source>The provider that captured this payment (%1) is not configured.</source>
        <translation>The provider that captured this payment (%1) is not configured.</translation>
    </message>
</context>
<context>
    <name>okla::services::Session</name>
    <message>
        <source>Finance</source>
        <translation>Finance</translation>
    </message>
    <message>
        <source>Manager</source>
        <translation>Manager</translation>
    </message>
    <message>
        <source>Support</source>
        <translation>Support</translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation>Administrator</translation>
    </message>
    <message>
        <source>no staff role</source>
        <translation>no staff role</translation>
    </message>
    <message>
        <source>Wrong password for user "%1".</source>
        <translation>Wrong password for user "%1".</translation>
    </message>
    <message>
        <source>The server asks for a password for user "%1".</source>
        <translation>The server asks for a password for user "%1".</translation>
    </message>
    <message>
        <source>There is no database user named "%1".</source>
        <translation>There is no database user named "%1".</translation>
    </message>
    <message>
        <source>The database "%1" does not exist on %2.</source>
        <translation>The database "%1" does not exist on %2.</translation>
    </message>
    <message>
        <source>The server does not allow user "%1" to sign in from here.</source>
        <translation>The server does not allow user "%1" to sign in from here.</translation>
    </message>
    <message>
        <source>The database server at %1 did not answer in time.</source>
        <translation>The database server at %1 did not answer in time.</translation>
    </message>
    <message>
        <source>The database server at %1 is not running or cannot be reached.</source>
        <translation>The database server at %1 is not running or cannot be reached.</translation>
    </message>
    <message>
        <source>The database server's certificate could not be verified.</source>
        <translation>The database server's certificate could not be verified.</translation>
    </message>
    <message>
        <source>The database server has no free connections; try again in a moment.</source>
        <translation>The database server has no free connections; try again in a moment.</translation>
    </message>
    <message>
        <source>Could not connect to the database server at %1.</source>
        <translation>Could not connect to the database server at %1.</translation>
    </message>
    <message>
        <source>Nobody is signed in.</source>
        <translation>Nobody is signed in.</translation>
    </message>
</context>
<context>
    <name>okla::services::azul</name>
    <message>
        <source>The AZUL client key is not a PEM RSA or EC private key.</source>
        <translation>The AZUL client key is not a PEM RSA or EC private key.</translation>
    </message>
</context>
<context>
    <name>okla::services::azul::AzulClient</name>
    <message>
        <source>A token sale needs a DataVault token.</source>
        <translation>A token sale needs a DataVault token.</translation>
    </message>
    <message>
        <source>AZUL is never called without its client certificate and key (mutual TLS).</source>
        <translation>AZUL is never called without its client certificate and key (mutual TLS).</translation>
    </message>
</context>
<context>
    <name>okla::services::azul::AzulConfig</name>
    <message>
        <source>The profile has no AZUL URL.</source>
        <translation>The profile has no AZUL URL.</translation>
    </message>
    <message>
        <source>The AZUL CA file holds no certificate.</source>
        <translation>The AZUL CA file holds no certificate.</translation>
    </message>
    <message>
        <source>The AZUL client certificate is not PEM.</source>
        <translation>The AZUL client certificate is not PEM.</translation>
    </message>
    <message>
        <source>AZUL needs its client certificate and key (azul-client.pem, azul-client.key) in the credentials folder; nothing is sent without them.</source>
        <translation>AZUL needs its client certificate and key (azul-client.pem, azul-client.key) in the credentials folder; nothing is sent without them.</translation>
    </message>
</context>
<context>
    <name>okla::services::azul::AzulOutcome</name>
    <message>
        <source>AZUL could not be reached; nothing was sent.</source>
        <translation>AZUL could not be reached; nothing was sent.</translation>
    </message>
    <message>
        <source>AZUL refused the secure connection (client certificate, CA or pin); nothing was processed and an administrator must fix the configuration.</source>
        <translation>AZUL refused the secure connection (client certificate, CA or pin); nothing was processed and an administrator must fix the configuration.</translation>
    </message>
</context>
<context>
    <name>okla::services::azul::AzulPaymentFlow</name>
    <message>
        <source>AZUL did not process the payment after %1 verified attempts.</source>
        <translation>AZUL did not process the payment after %1 verified attempts.</translation>
    </message>
    <message>
        <source>The AZUL request was cancelled while in flight.</source>
        <translation>The AZUL request was cancelled while in flight.</translation>
    </message>
    <message>
        <source>The attempt could not be stored; nothing was sent.</source>
        <translation>The attempt could not be stored; nothing was sent.</translation>
    </message>
    <message>
        <source>VerifyPayment was cancelled.</source>
        <translation>VerifyPayment was cancelled.</translation>
    </message>
    <message>
        <source>AZUL could not confirm whether the payment happened; it will be reconciled.</source>
        <translation>AZUL could not confirm whether the payment happened; it will be reconciled.</translation>
    </message>
</context>
<context>
    <name>okla::services::azul::AzulResult</name>
    <message>
        <source>AZUL declined the payment: %1</source>
        <translation>AZUL declined the payment: %1</translation>
    </message>
    <message>
        <source>The card requires 3-D Secure authentication in a browser.</source>
        <translation>The card requires 3-D Secure authentication in a browser.</translation>
    </message>
    <message>
        <source>AZUL rejected OKLA's merchant configuration; an administrator must fix it.</source>
        <translation>AZUL rejected OKLA's merchant configuration; an administrator must fix it.</translation>
    </message>
    <message>
        <source>AZUL rejected the request as malformed.</source>
        <translation>AZUL rejected the request as malformed.</translation>
    </message>
    <message>
        <source>AZUL refused the operation: %1</source>
        <translation>AZUL refused the operation: %1</translation>
    </message>
    <message>
        <source>AZUL returned an error.</source>
        <translation>AZUL returned an error.</translation>
    </message>
    <message>
        <source>AZUL's answer was incomplete; the payment is being verified before anything is resent.</source>
        <translation>AZUL's answer was incomplete; the payment is being verified before anything is resent.</translation>
    </message>
</context>
<context>
    <name>okla::services::http::TransportPolicy</name>
    <message>
        <source>The %1 URL uses plain HTTP, allowed only for the sandbox's simulators (providers/simulator = true in the profile).</source>
        <translation>The %1 URL uses plain HTTP, allowed only for the sandbox's simulators (providers/simulator = true in the profile).</translation>
    </message>
    <message>
        <source>The %1 URL must be https:// (plain HTTP would send the keys in clear).</source>
        <translation>The %1 URL must be https:// (plain HTTP would send the keys in clear).</translation>
    </message>
</context>
<context>
    <name>okla::services::stripe::StripeClient</name>
    <message>
        <source>An idempotency key may have at most 255 characters.</source>
        <translation>An idempotency key may have at most 255 characters.</translation>
    </message>
    <message>
        <source>A Stripe object id is invalid.</source>
        <translation>A Stripe object id is invalid.</translation>
    </message>
</context>
<context>
    <name>okla::services::stripe::StripeFormEncoder</name>
    <message>
        <source>Stripe accepts at most 50 metadata keys.</source>
        <translation>Stripe accepts at most 50 metadata keys.</translation>
    </message>
    <message>
        <source>A Stripe metadata key must have 1 to 40 characters and no brackets.</source>
        <translation>A Stripe metadata key must have 1 to 40 characters and no brackets.</translation>
    </message>
    <message>
        <source>A Stripe metadata value must have at most 500 characters.</source>
        <translation>A Stripe metadata value must have at most 500 characters.</translation>
    </message>
    <message>
        <source>A Stripe amount must be greater than zero.</source>
        <translation>A Stripe amount must be greater than zero.</translation>
    </message>
</context>
<context>
    <name>okla::services::stripe::StripeOutcome</name>
    <message>
        <source>Stripe could not be reached; nothing was sent.</source>
        <translation>Stripe could not be reached; nothing was sent.</translation>
    </message>
    <message>
        <source>Stripe did not answer in time; the request may have been processed.</source>
        <translation>Stripe did not answer in time; the request may have been processed.</translation>
    </message>
    <message>
        <source>Stripe's answer could not be understood.</source>
        <translation>Stripe's answer could not be understood.</translation>
    </message>
    <message>
        <source>The card was declined.</source>
        <translation>The card was declined.</translation>
    </message>
    <message>
        <source>Stripe refused a repeated request with different parameters.</source>
        <translation>Stripe refused a repeated request with different parameters.</translation>
    </message>
    <message>
        <source>Stripe rejected OKLA's API key; an administrator must fix it.</source>
        <translation>Stripe rejected OKLA's API key; an administrator must fix it.</translation>
    </message>
    <message>
        <source>OKLA's Stripe key is not allowed to do this.</source>
        <translation>OKLA's Stripe key is not allowed to do this.</translation>
    </message>
    <message>
        <source>Stripe does not know this object.</source>
        <translation>Stripe does not know this object.</translation>
    </message>
    <message>
        <source>Stripe is limiting OKLA's request rate.</source>
        <translation>Stripe is limiting OKLA's request rate.</translation>
    </message>
    <message>
        <source>Stripe had an internal error.</source>
        <translation>Stripe had an internal error.</translation>
    </message>
    <message>
        <source>Stripe refused the request.</source>
        <translation>Stripe refused the request.</translation>
    </message>
    <message>
        <source>The Stripe secret key (stripe-secret-key) is empty; nothing is sent to Stripe without one.</source>
        <translation>The Stripe secret key (stripe-secret-key) is empty; nothing is sent to Stripe without one.</translation>
    </message>
    <message>
        <source>Stripe's secure connection was refused (CA or pin); nothing was processed and an administrator must fix the configuration.</source>
        <translation>Stripe's secure connection was refused (CA or pin); nothing was processed and an administrator must fix the configuration.</translation>
    </message>
</context>
<context>
    <name>okla::services::stripe::StripeWebhookVerifier</name>
    <message>
        <source>The webhook signature header has an invalid timestamp.</source>
        <translation>The webhook signature header has an invalid timestamp.</translation>
    </message>
    <message>
        <source>The webhook signature header has no timestamp.</source>
        <translation>The webhook signature header has no timestamp.</translation>
    </message>
    <message>
        <source>The webhook signature header has no v1 signature.</source>
        <translation>The webhook signature header has no v1 signature.</translation>
    </message>
    <message>
        <source>No webhook signing secret is configured.</source>
        <translation>No webhook signing secret is configured.</translation>
    </message>
    <message>
        <source>The webhook signature is too old.</source>
        <translation>The webhook signature is too old.</translation>
    </message>
    <message>
        <source>The webhook signature does not match.</source>
        <translation>The webhook signature does not match.</translation>
    </message>
</context>
<context>
    <name>okla::ui::AuditPage</name>
    <message>
        <source>The append-only audit log: who did what, when and with what result.</source>
        <translation>The append-only audit log: who did what, when and with what result.</translation>
    </message>
    <message>
        <source>Every action with its before and after, failed sign-ins included</source>
        <translation>Every action with its before and after, failed sign-ins included</translation>
    </message>
    <message>
        <source>Search by person, dealer, action and date</source>
        <translation>Search by person, dealer, action and date</translation>
    </message>
    <message>
        <source>Verification of the hash chain</source>
        <translation>Verification of the hash chain</translation>
    </message>
    <message>
        <source>It comes with the audit log work in a later issue.</source>
        <translation>It comes with the audit log work in a later issue.</translation>
    </message>
    <message>
        <source>Audit</source>
        <translation>Audit</translation>
    </message>
</context>
<context>
    <name>okla::ui::BillingMonitor</name>
    <message>
        <source>Loading billing figures…</source>
        <translation>Loading billing figures…</translation>
    </message>
    <message>
        <source>Run today's billing</source>
        <translation>Run today's billing</translation>
    </message>
    <message>
        <source>Asks okla-worker to charge every subscription due today; charging the same day twice charges nothing twice</source>
        <translation>Asks okla-worker to charge every subscription due today; charging the same day twice charges nothing twice</translation>
    </message>
    <message>
        <source>Reconcile today</source>
        <translation>Reconcile today</translation>
    </message>
    <message>
        <source>Asks okla-worker to compare AZUL and Stripe with OKLA's records for today</source>
        <translation>Asks okla-worker to compare AZUL and Stripe with OKLA's records for today</translation>
    </message>
    <message>
        <source>Today (%1): %2 subscriptions due · %3 in dunning · charges %4 succeeded, %5 failed · %6 not yet settled · %7 worker requests open</source>
        <translation>Today (%1): %2 subscriptions due · %3 in dunning · charges %4 succeeded, %5 failed · %6 not yet settled · %7 worker requests open</translation>
    </message>
    <message numerus="yes">
        <source>%n worker(s) running</source>
        <translation><numerusform>%n worker running</numerusform><numerusform>%n workers running</numerusform></translation>
    </message>
    <message>
        <source>No okla-worker is running: requests wait until one starts.</source>
        <translation>No okla-worker is running: requests wait until one starts.</translation>
    </message>
    <message>
        <source>last billing run #%1: %2</source>
        <translation>last billing run #%1: %2</translation>
    </message>
    <message>
        <source>Could not ask the worker</source>
        <translation>Could not ask the worker</translation>
    </message>
    <message>
        <source>waiting for a worker</source>
        <translation>waiting for a worker</translation>
    </message>
    <message>
        <source>running</source>
        <translation>running</translation>
    </message>
    <message>
        <source>done</source>
        <translation>done</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>failed</translation>
    </message>
</context>
<context>
    <name>okla::ui::ChangePlanDialog</name>
    <message>
        <source>Change plan</source>
        <translation>Change plan</translation>
    </message>
    <message>
        <source>%1 moves to the plan and cycle below from its next period. okla-worker carries the change out and records it in the subscription's history.</source>
        <translation>%1 moves to the plan and cycle below from its next period. okla-worker carries the change out and records it in the subscription's history.</translation>
    </message>
    <message>
        <source>&amp;Plan</source>
        <translation>&amp;Plan</translation>
    </message>
    <message>
        <source>&amp;Cycle</source>
        <translation>&amp;Cycle</translation>
    </message>
    <message>
        <source>Ask the worker</source>
        <translation>Ask the worker</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>okla::ui::ConnectionStatusWidget</name>
    <message>
        <source>Connected as %1@%2 · %3</source>
        <translation>Connected as %1@%2 · %3</translation>
    </message>
    <message>
        <source>Disconnected</source>
        <translation>Disconnected</translation>
    </message>
    <message>
        <source>Connection lost; reconnecting…</source>
        <translation>Connection lost; reconnecting…</translation>
    </message>
</context>
<context>
    <name>okla::ui::DealerTableModel</name>
    <message>
        <source>%1
Legal name: %2
Verification: %3</source>
        <translation>%1
Legal name: %2
Verification: %3</translation>
    </message>
    <message>
        <source>Dealer</source>
        <translation>Dealer</translation>
    </message>
    <message>
        <source>RNC / Cédula</source>
        <translation>RNC / Cédula</translation>
    </message>
    <message>
        <source>City</source>
        <translation>City</translation>
    </message>
    <message>
        <source>Plan</source>
        <translation>Plan</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>MRR</source>
        <translation>MRR</translation>
    </message>
    <message>
        <source>Since</source>
        <translation>Since</translation>
    </message>
</context>
<context>
    <name>okla::ui::DealersPage</name>
    <message>
        <source>Search by name, RNC/cédula, city or e-mail</source>
        <translation>Search by name, RNC/cédula, city or e-mail</translation>
    </message>
    <message>
        <source>Loading dealers…</source>
        <translation>Loading dealers…</translation>
    </message>
    <message>
        <source>There are no dealers yet.</source>
        <translation>There are no dealers yet.</translation>
    </message>
    <message>
        <source>No dealer matches "%1".</source>
        <translation>No dealer matches "%1".</translation>
    </message>
    <message numerus="yes">
        <source>%n dealer(s) shown</source>
        <translation><numerusform>%n dealer shown</numerusform><numerusform>%n dealers shown</numerusform></translation>
    </message>
    <message>
        <source>Showing %1 of %2 dealers</source>
        <translation>Showing %1 of %2 dealers</translation>
    </message>
    <message>
        <source>loading…</source>
        <translation>loading…</translation>
    </message>
    <message>
        <source>Dealers</source>
        <translation>Dealers</translation>
    </message>
    <message>
        <source>Could not load dealers</source>
        <translation>Could not load dealers</translation>
    </message>
</context>
<context>
    <name>okla::ui::DiscrepancyTableModel</name>
    <message>
        <source>payment #%1</source>
        <translation>payment #%1</translation>
    </message>
    <message>
        <source>subscription #%1</source>
        <translation>subscription #%1</translation>
    </message>
    <message>
        <source>none in OKLA</source>
        <translation>none in OKLA</translation>
    </message>
    <message>
        <source>Found</source>
        <translation>Found</translation>
    </message>
    <message>
        <source>Provider</source>
        <translation>Provider</translation>
    </message>
    <message>
        <source>Finding</source>
        <translation>Finding</translation>
    </message>
    <message>
        <source>Provider's id</source>
        <translation>Provider's id</translation>
    </message>
    <message>
        <source>OKLA record</source>
        <translation>OKLA record</translation>
    </message>
    <message>
        <source>Expected</source>
        <translation>Expected</translation>
    </message>
    <message>
        <source>At the provider</source>
        <translation>At the provider</translation>
    </message>
</context>
<context>
    <name>okla::ui::IdleLock</name>
    <message>
        <source>Session locked</source>
        <translation>Session locked</translation>
    </message>
    <message>
        <source>The console was idle for too long. Its figures stay hidden until you sign in again.</source>
        <translation>The console was idle for too long. Its figures stay hidden until you sign in again.</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>Unlock</translation>
    </message>
    <message>
        <source>Signed in as %1</source>
        <translation>Signed in as %1</translation>
    </message>
</context>
<context>
    <name>okla::ui::InfrastructurePage</name>
    <message>
        <source>Health of the services OKLA depends on.</source>
        <translation>Health of the services OKLA depends on.</translation>
    </message>
    <message>
        <source>PostgreSQL, Redis, RabbitMQ and the object store: reachable or not, and latency</source>
        <translation>PostgreSQL, Redis, RabbitMQ and the object store: reachable or not, and latency</translation>
    </message>
    <message>
        <source>AZUL, Stripe, e-mail and push: circuit breaker state and error rates</source>
        <translation>AZUL, Stripe, e-mail and push: circuit breaker state and error rates</translation>
    </message>
    <message>
        <source>Provider costs against the budget of each quarter</source>
        <translation>Provider costs against the budget of each quarter</translation>
    </message>
    <message>
        <source>It comes with the provider health and infrastructure work in a later issue.</source>
        <translation>It comes with the provider health and infrastructure work in a later issue.</translation>
    </message>
    <message>
        <source>Infrastructure</source>
        <translation>Infrastructure</translation>
    </message>
</context>
<context>
    <name>okla::ui::InlineErrorWidget</name>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>Try again</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>okla::ui::MainWindow</name>
    <message>
        <source>OKLA Admin</source>
        <translation>OKLA Admin</translation>
    </message>
    <message>
        <source>%1 (Ctrl+%2)</source>
        <translation>%1 (Ctrl+%2)</translation>
    </message>
</context>
<context>
    <name>okla::ui::PaymentsPage</name>
    <message>
        <source>Every charge collected through AZUL and Stripe, searchable by dealer, date and status.</source>
        <translation>Every charge collected through AZUL and Stripe, searchable by dealer, date and status.</translation>
    </message>
    <message>
        <source>Payments with provider ids, amount, ITBIS, fee, card brand and last 4 digits</source>
        <translation>Payments with provider ids, amount, ITBIS, fee, card brand and last 4 digits</translation>
    </message>
    <message>
        <source>Declines with their codes and the dunning retries</source>
        <translation>Declines with their codes and the dunning retries</translation>
    </message>
    <message>
        <source>Resending a receipt (support) and exporting (finance)</source>
        <translation>Resending a receipt (support) and exporting (finance)</translation>
    </message>
    <message>
        <source>It comes with the payments work in a later issue.</source>
        <translation>It comes with the payments work in a later issue.</translation>
    </message>
    <message>
        <source>Payments</source>
        <translation>Payments</translation>
    </message>
</context>
<context>
    <name>okla::ui::PlannedPage</name>
    <message>
        <source>Not built yet</source>
        <translation>Not built yet</translation>
    </message>
    <message>
        <source>This page will show:</source>
        <translation>This page will show:</translation>
    </message>
</context>
<context>
    <name>okla::ui::ProviderStatusWidget</name>
    <message>
        <source>Provider health not read yet.</source>
        <translation>Provider health not read yet.</translation>
    </message>
    <message>
        <source> (retry in %1 s)</source>
        <translation> (retry in %1 s)</translation>
    </message>
    <message>
        <source>%1 calls, %2 failed in the last minute; p50 %3 ms, p95 %4 ms over %5 calls; %6 process(es)</source>
        <translation>%1 calls, %2 failed in the last minute; p50 %3 ms, p95 %4 ms over %5 calls; %6 process(es)</translation>
    </message>
    <message>
        <source>Rate limit enforced locally: Redis was unreachable.</source>
        <translation>Rate limit enforced locally: Redis was unreachable.</translation>
    </message>
    <message>
        <source>Rate limit was enforced locally for a while: %1</source>
        <translation>Rate limit was enforced locally for a while: %1</translation>
    </message>
    <message>
        <source>Provider health unavailable: %1</source>
        <translation>Provider health unavailable: %1</translation>
    </message>
    <message>
        <source>No process has called %1 in the last 30 seconds.</source>
        <translation>No process has called %1 in the last 30 seconds.</translation>
    </message>
</context>
<context>
    <name>okla::ui::RefundsPage</name>
    <message>
        <source>Refund requests, their approval by a second person and their settlement with the provider.</source>
        <translation>Refund requests, their approval by a second person and their settlement with the provider.</translation>
    </message>
    <message>
        <source>Requests waiting for approval, with the requester and the amount</source>
        <translation>Requests waiting for approval, with the requester and the amount</translation>
    </message>
    <message>
        <source>The state of each refund from request to reconciliation</source>
        <translation>The state of each refund from request to reconciliation</translation>
    </message>
    <message>
        <source>The refund dialog, limited by role and by the approval limit</source>
        <translation>The refund dialog, limited by role and by the approval limit</translation>
    </message>
    <message>
        <source>It comes with the refunds work in a later issue.</source>
        <translation>It comes with the refunds work in a later issue.</translation>
    </message>
    <message>
        <source>Refunds</source>
        <translation>Refunds</translation>
    </message>
</context>
<context>
    <name>okla::ui::ScreenshotRunner</name>
    <message>
        <source>Cannot create the screenshot folder %1.</source>
        <translation>Cannot create the screenshot folder %1.</translation>
    </message>
    <message>
        <source>Cannot write the screenshot %1.</source>
        <translation>Cannot write the screenshot %1.</translation>
    </message>
</context>
<context>
    <name>okla::ui::SettingsPage</name>
    <message>
        <source>Language and appearance</source>
        <translation>Language and appearance</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Language</translation>
    </message>
    <message>
        <source>The new language is used the next time OKLA Admin starts.</source>
        <translation>The new language is used the next time OKLA Admin starts.</translation>
    </message>
    <message>
        <source>Same as the system</source>
        <translation>Same as the system</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Light</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Dark</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>Theme</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>Connection</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>Profile</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>Server</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>Database</translation>
    </message>
    <message>
        <source>Signed in as</source>
        <translation>Signed in as</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>PostgreSQL version</source>
        <translation>PostgreSQL version</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Settings</translation>
    </message>
</context>
<context>
    <name>okla::ui::SignInDialog</name>
    <message>
        <source>Sign in to OKLA Admin</source>
        <translation>Sign in to OKLA Admin</translation>
    </message>
    <message>
        <source>%1 (%2:%3, database %4)</source>
        <translation>%1 (%2:%3, database %4)</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>Profile</translation>
    </message>
    <message>
        <source>User</source>
        <translation>User</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>Remember the password in this computer's keyring</source>
        <translation>Remember the password in this computer's keyring</translation>
    </message>
    <message>
        <source>This profile signs in without a password (local sandbox).</source>
        <translation>This profile signs in without a password (local sandbox).</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Sign in</translation>
    </message>
    <message>
        <source>No keyring is available on this computer, so the password cannot be remembered.</source>
        <translation>No keyring is available on this computer, so the password cannot be remembered.</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Connecting…</translation>
    </message>
    <message>
        <source>Enter your user name.</source>
        <translation>Enter your user name.</translation>
    </message>
    <message>
        <source>Could not sign in</source>
        <translation>Could not sign in</translation>
    </message>
    <message>
        <source>Password not remembered</source>
        <translation>Password not remembered</translation>
    </message>
</context>
<context>
    <name>okla::ui::StaffSection</name>
    <message>
        <source>Staff</source>
        <translation>Staff</translation>
    </message>
    <message>
        <source>Only an admin can see and manage staff logins.</source>
        <translation>Only an admin can see and manage staff logins.</translation>
    </message>
    <message>
        <source>Each person signs in with their own login, in exactly one group. Changes take effect at once and are recorded in the audit log.</source>
        <translation>Each person signs in with their own login, in exactly one group. Changes take effect at once and are recorded in the audit log.</translation>
    </message>
    <message>
        <source>Login</source>
        <translation>Login</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Active</translation>
    </message>
    <message>
        <source>Create…</source>
        <translation>Create…</translation>
    </message>
    <message>
        <source>Change role…</source>
        <translation>Change role…</translation>
    </message>
    <message>
        <source>Deactivate…</source>
        <translation>Deactivate…</translation>
    </message>
    <message>
        <source>Could not load the staff</source>
        <translation>Could not load the staff</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Yes</translation>
    </message>
    <message>
        <source>No</source>
        <translation>No</translation>
    </message>
    <message>
        <source>Create a staff login</source>
        <translation>Create a staff login</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>Full name</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>The person sets their password with the database administrator.</source>
        <translation>The person sets their password with the database administrator.</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>Create</translation>
    </message>
    <message>
        <source>Could not create %1</source>
        <translation>Could not create %1</translation>
    </message>
    <message>
        <source>%1 can now sign in as %2.</source>
        <translation>%1 can now sign in as %2.</translation>
    </message>
    <message>
        <source>Change role</source>
        <translation>Change role</translation>
    </message>
    <message>
        <source>New group for %1 (the old one is removed):</source>
        <translation>New group for %1 (the old one is removed):</translation>
    </message>
    <message>
        <source>Could not change the role of %1</source>
        <translation>Could not change the role of %1</translation>
    </message>
    <message>
        <source>Deactivate %1</source>
        <translation>Deactivate %1</translation>
    </message>
    <message>
        <source>%1 will no longer be able to sign in and their open sessions end now. Deactivate?</source>
        <translation>%1 will no longer be able to sign in and their open sessions end now. Deactivate?</translation>
    </message>
    <message>
        <source>Could not deactivate %1</source>
        <translation>Could not deactivate %1</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Deactivate</source>
        <translation>Deactivate</translation>
    </message>
</context>
<context>
    <name>okla::ui::StoragePage</name>
    <message>
        <source>Object storage usage of the okla-media bucket.</source>
        <translation>Object storage usage of the okla-media bucket.</translation>
    </message>
    <message>
        <source>Space and object counts by prefix (vehicles, users, dealers, temp)</source>
        <translation>Space and object counts by prefix (vehicles, users, dealers, temp)</translation>
    </message>
    <message>
        <source>Orphaned objects and image variants that are missing</source>
        <translation>Orphaned objects and image variants that are missing</translation>
    </message>
    <message>
        <source>Cost against the monthly budget</source>
        <translation>Cost against the monthly budget</translation>
    </message>
    <message>
        <source>It comes with the object storage work in a later issue.</source>
        <translation>It comes with the object storage work in a later issue.</translation>
    </message>
    <message>
        <source>Storage</source>
        <translation>Storage</translation>
    </message>
</context>
<context>
    <name>okla::ui::SubscriptionTableModel</name>
    <message numerus="yes">
        <source>Retrying (%n failed)</source>
        <translation><numerusform>Retrying (%n failed)</numerusform><numerusform>Retrying (%n failed)</numerusform></translation>
    </message>
    <message>
        <source>Retries used up</source>
        <translation>Retries used up</translation>
    </message>
    <message>
        <source>%1, ends %2</source>
        <translation>%1, ends %2</translation>
    </message>
    <message>
        <source>Monthly list price of the plan version, before discounts and ITBIS</source>
        <translation>Monthly list price of the plan version, before discounts and ITBIS</translation>
    </message>
    <message>
        <source>Overdue since %1</source>
        <translation>Overdue since %1</translation>
    </message>
    <message>
        <source>Dealer</source>
        <translation>Dealer</translation>
    </message>
    <message>
        <source>Plan</source>
        <translation>Plan</translation>
    </message>
    <message>
        <source>Cycle</source>
        <translation>Cycle</translation>
    </message>
    <message>
        <source>Provider</source>
        <translation>Provider</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Price / month</source>
        <translation>Price / month</translation>
    </message>
    <message>
        <source>Next charge</source>
        <translation>Next charge</translation>
    </message>
    <message>
        <source>Dunning</source>
        <translation>Dunning</translation>
    </message>
</context>
<context>
    <name>okla::ui::SubscriptionsPage</name>
    <message>
        <source>Subscriptions</source>
        <translation>Subscriptions</translation>
    </message>
    <message>
        <source>Reconciliation</source>
        <translation>Reconciliation</translation>
    </message>
    <message>
        <source>Could not load the billing figures</source>
        <translation>Could not load the billing figures</translation>
    </message>
    <message>
        <source>Asked okla-worker: request #%1; the figures above follow it.</source>
        <translation>Asked okla-worker: request #%1; the figures above follow it.</translation>
    </message>
    <message>
        <source>Could not load subscriptions</source>
        <translation>Could not load subscriptions</translation>
    </message>
    <message>
        <source>Dealer name, RNC/cédula, or a subscription or dealer number</source>
        <translation>Dealer name, RNC/cédula, or a subscription or dealer number</translation>
    </message>
    <message>
        <source>Any status</source>
        <translation>Any status</translation>
    </message>
    <message>
        <source>Any plan</source>
        <translation>Any plan</translation>
    </message>
    <message>
        <source>Any provider</source>
        <translation>Any provider</translation>
    </message>
    <message>
        <source>Any dunning stage</source>
        <translation>Any dunning stage</translation>
    </message>
    <message>
        <source>Not in dunning</source>
        <translation>Not in dunning</translation>
    </message>
    <message>
        <source>Retrying</source>
        <translation>Retrying</translation>
    </message>
    <message>
        <source>Retries used up</source>
        <translation>Retries used up</translation>
    </message>
    <message>
        <source>&amp;Retry charge now</source>
        <translation>&amp;Retry charge now</translation>
    </message>
    <message>
        <source>Finance: charge the overdue invoice now, outside the dunning days</source>
        <translation>Finance: charge the overdue invoice now, outside the dunning days</translation>
    </message>
    <message>
        <source>Cancel at &amp;period end</source>
        <translation>Cancel at &amp;period end</translation>
    </message>
    <message>
        <source>Finance and managers: the subscription ends when its paid period ends</source>
        <translation>Finance and managers: the subscription ends when its paid period ends</translation>
    </message>
    <message>
        <source>C&amp;hange plan…</source>
        <translation>C&amp;hange plan…</translation>
    </message>
    <message>
        <source>Finance and managers: another plan or billing cycle from the next period</source>
        <translation>Finance and managers: another plan or billing cycle from the next period</translation>
    </message>
    <message>
        <source>Reconciliation findings are for finance, managers and admins; your role does not see them. Ask finance about a payment that does not match.</source>
        <translation>Reconciliation findings are for finance, managers and admins; your role does not see them. Ask finance about a payment that does not match.</translation>
    </message>
    <message>
        <source>No open discrepancy: AZUL, Stripe and OKLA agree as of the last reconciliation.</source>
        <translation>No open discrepancy: AZUL, Stripe and OKLA agree as of the last reconciliation.</translation>
    </message>
    <message numerus="yes">
        <source>%n open discrepancy(ies), newest first. Each stays open until someone resolves it with a note.</source>
        <translation><numerusform>%n open discrepancy, newest first. It stays open until someone resolves it with a note.</numerusform><numerusform>%n open discrepancies, newest first. Each stays open until someone resolves it with a note.</numerusform></translation>
    </message>
    <message>
        <source>Loading subscriptions…</source>
        <translation>Loading subscriptions…</translation>
    </message>
    <message>
        <source>No subscription matches these filters.</source>
        <translation>No subscription matches these filters.</translation>
    </message>
    <message numerus="yes">
        <source>%n subscription(s) shown</source>
        <translation><numerusform>%n subscription shown</numerusform><numerusform>%n subscriptions shown</numerusform></translation>
    </message>
    <message>
        <source>Showing %1 of %2 subscriptions</source>
        <translation>Showing %1 of %2 subscriptions</translation>
    </message>
    <message>
        <source>Could not ask the worker</source>
        <translation>Could not ask the worker</translation>
    </message>
    <message>
        <source>%1: request #%2 asked; okla-worker carries it out and the table follows.</source>
        <translation>%1: request #%2 asked; okla-worker carries it out and the table follows.</translation>
    </message>
    <message>
        <source>Retry charge now</source>
        <translation>Retry charge now</translation>
    </message>
    <message>
        <source>Charge the overdue invoice of %1 now, outside the dunning days?</source>
        <translation>Charge the overdue invoice of %1 now, outside the dunning days?</translation>
    </message>
    <message>
        <source>Retry charge</source>
        <translation>Retry charge</translation>
    </message>
    <message>
        <source>Cancel at period end</source>
        <translation>Cancel at period end</translation>
    </message>
    <message>
        <source>%1 keeps its plan until its paid period ends, then the subscription is cancelled. Continue?</source>
        <translation>%1 keeps its plan until its paid period ends, then the subscription is cancelled. Continue?</translation>
    </message>
    <message>
        <source>Change plan</source>
        <translation>Change plan</translation>
    </message>
</context>
<context>
    <name>okla::ui::kpi::KpiPanelPage</name>
    <message>
        <source>Panel</source>
        <translation>Panel</translation>
    </message>
</context>
<context>
    <name>okla::ui::kpi::KpiText</name>
    <message>
        <source>vs previous: %1</source>
        <translation>vs previous: %1</translation>
    </message>
    <message>
        <source>no target</source>
        <translation>no target</translation>
    </message>
    <message>
        <source>target %1</source>
        <translation>target %1</translation>
    </message>
    <message>
        <source>MRR</source>
        <translation>MRR</translation>
    </message>
    <message>
        <source>stale FX rate</source>
        <translation>stale FX rate</translation>
    </message>
    <message>
        <source>List-price MRR</source>
        <translation>List-price MRR</translation>
    </message>
    <message>
        <source>Discounts</source>
        <translation>Discounts</translation>
    </message>
    <message>
        <source>Net new MRR</source>
        <translation>Net new MRR</translation>
    </message>
    <message>
        <source>FX effect</source>
        <translation>FX effect</translation>
    </message>
    <message>
        <source>Paying dealers</source>
        <translation>Paying dealers</translation>
    </message>
    <message>
        <source>Subscribed dealers</source>
        <translation>Subscribed dealers</translation>
    </message>
    <message>
        <source>Customer churn</source>
        <translation>Customer churn</translation>
    </message>
    <message>
        <source>%1 voluntary, %2 involuntary</source>
        <translation>%1 voluntary, %2 involuntary</translation>
    </message>
    <message>
        <source>Gross MRR churn</source>
        <translation>Gross MRR churn</translation>
    </message>
    <message>
        <source>Net MRR churn</source>
        <translation>Net MRR churn</translation>
    </message>
    <message>
        <source>NRR</source>
        <translation>NRR</translation>
    </message>
    <message>
        <source>12 months: %1</source>
        <translation>12 months: %1</translation>
    </message>
    <message>
        <source>ARPA</source>
        <translation>ARPA</translation>
    </message>
    <message>
        <source>list %1</source>
        <translation>list %1</translation>
    </message>
    <message>
        <source>LTV (estimate)</source>
        <translation>LTV (estimate)</translation>
    </message>
    <message>
        <source>Quick ratio</source>
        <translation>Quick ratio</translation>
    </message>
    <message>
        <source>no losses</source>
        <translation>no losses</translation>
    </message>
    <message>
        <source>First-attempt success (AZUL)</source>
        <translation>First-attempt success (AZUL)</translation>
    </message>
    <message>
        <source>Overall success</source>
        <translation>Overall success</translation>
    </message>
    <message>
        <source>%1 unknown</source>
        <translation>%1 unknown</translation>
    </message>
    <message>
        <source>Collection rate</source>
        <translation>Collection rate</translation>
    </message>
    <message>
        <source>Recovery rate</source>
        <translation>Recovery rate</translation>
    </message>
    <message>
        <source>Recovered MRR %1</source>
        <translation>Recovered MRR %1</translation>
    </message>
    <message>
        <source>provisional</source>
        <translation>provisional</translation>
    </message>
    <message>
        <source>Payments processed</source>
        <translation>Payments processed</translation>
    </message>
    <message>
        <source>Provider spend</source>
        <translation>Provider spend</translation>
    </message>
    <message>
        <source>Budget</source>
        <translation>Budget</translation>
    </message>
    <message>
        <source>of budget</source>
        <translation>of budget</translation>
    </message>
    <message>
        <source>AZUL fees %1</source>
        <translation>AZUL fees %1</translation>
    </message>
    <message>
        <source>%1 dealers</source>
        <translation>%1 dealers</translation>
    </message>
    <message>
        <source>Early Bird enrolled</source>
        <translation>Early Bird enrolled</translation>
    </message>
    <message>
        <source>%1 still in their free months</source>
        <translation>%1 still in their free months</translation>
    </message>
    <message>
        <source>New MRR when free months end: %1</source>
        <translation>New MRR when free months end: %1</translation>
    </message>
    <message>
        <source>Free months ending (New MRR ahead)</source>
        <translation>Free months ending (New MRR ahead)</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Export</translation>
    </message>
    <message>
        <source>Picture (PNG)…</source>
        <translation>Picture (PNG)…</translation>
    </message>
    <message>
        <source>Data (CSV)…</source>
        <translation>Data (CSV)…</translation>
    </message>
    <message>
        <source>No data for this period</source>
        <translation>No data for this period</translation>
    </message>
    <message>
        <source>Save chart as PNG</source>
        <translation>Save chart as PNG</translation>
    </message>
    <message>
        <source>Save data as CSV</source>
        <translation>Save data as CSV</translation>
    </message>
    <message>
        <source>Dealers behind the number</source>
        <translation>Dealers behind the number</translation>
    </message>
    <message>
        <source>Dealer 360 does not exist yet: this list is read-only for now.</source>
        <translation>Dealer 360 does not exist yet: this list is read-only for now.</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <source>1 dealer</source>
        <translation>1 dealer</translation>
    </message>
    <message>
        <source>Could not load the dealers</source>
        <translation>Could not load the dealers</translation>
    </message>
    <message>
        <source>voluntary</source>
        <translation>voluntary</translation>
    </message>
    <message>
        <source>involuntary</source>
        <translation>involuntary</translation>
    </message>
    <message>
        <source>Dealer</source>
        <translation>Dealer</translation>
    </message>
    <message>
        <source>Plan</source>
        <translation>Plan</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Amount</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>Detail</translation>
    </message>
    <message>
        <source>Revenue, churn, collections and spend against the 2026 roadmap targets</source>
        <translation>Revenue, churn, collections and spend against the 2026 roadmap targets</translation>
    </message>
    <message>
        <source>Monthly KPI report</source>
        <translation>Monthly KPI report</translation>
    </message>
    <message>
        <source>Generated %1</source>
        <translation>Generated %1</translation>
    </message>
    <message>
        <source>Snapshots as of %1</source>
        <translation>Snapshots as of %1</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>Currency</translation>
    </message>
    <message>
        <source>No KPI snapshots yet: run `okla kpi rebuild`.</source>
        <translation>No KPI snapshots yet: run `okla kpi rebuild`.</translation>
    </message>
    <message>
        <source>Indicator</source>
        <translation>Indicator</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Value</translation>
    </message>
    <message>
        <source>Change and detail</source>
        <translation>Change and detail</translation>
    </message>
    <message>
        <source>Target and detail</source>
        <translation>Target and detail</translation>
    </message>
    <message>
        <source>Cohort retention</source>
        <translation>Cohort retention</translation>
    </message>
    <message>
        <source>MRR by plan</source>
        <translation>MRR by plan</translation>
    </message>
    <message>
        <source>MRR movements</source>
        <translation>MRR movements</translation>
    </message>
    <message>
        <source>Customer churn vs target</source>
        <translation>Customer churn vs target</translation>
    </message>
    <message>
        <source>Payment success by provider</source>
        <translation>Payment success by provider</translation>
    </message>
    <message>
        <source>Payments processed by quarter</source>
        <translation>Payments processed by quarter</translation>
    </message>
    <message>
        <source>Spend by provider vs budget</source>
        <translation>Spend by provider vs budget</translation>
    </message>
    <message>
        <source>Dealers</source>
        <translation>Dealers</translation>
    </message>
    <message>
        <source>Revenue (constant FX)</source>
        <translation>Revenue (constant FX)</translation>
    </message>
    <message>
        <source>M%1</source>
        <translation>M%1</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>Month</translation>
    </message>
    <message>
        <source>Quarter</source>
        <translation>Quarter</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>Year</translation>
    </message>
    <message>
        <source>Custom range</source>
        <translation>Custom range</translation>
    </message>
    <message>
        <source>Monthly report (PDF)…</source>
        <translation>Monthly report (PDF)…</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Period</translation>
    </message>
    <message>
        <source>Save the monthly report</source>
        <translation>Save the monthly report</translation>
    </message>
    <message>
        <source>Could not load the KPIs</source>
        <translation>Could not load the KPIs</translation>
    </message>
    <message>
        <source>New</source>
        <translation>New</translation>
    </message>
    <message>
        <source>Expansion</source>
        <translation>Expansion</translation>
    </message>
    <message>
        <source>Reactivation</source>
        <translation>Reactivation</translation>
    </message>
    <message>
        <source>Contraction</source>
        <translation>Contraction</translation>
    </message>
    <message>
        <source>Churn</source>
        <translation>Churn</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Target</translation>
    </message>
    <message>
        <source>First-attempt success</source>
        <translation>First-attempt success</translation>
    </message>
    <message>
        <source>Spend</source>
        <translation>Spend</translation>
    </message>
    <message>
        <source>The export could not be prepared.</source>
        <translation>The export could not be prepared.</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>Saved %1</translation>
    </message>
</context>
</TS>