<?xml version='1.0' encoding='utf-8'?>
<!DOCTYPE TS>
<TS version="2.1" language="es_DO" sourcelanguage="en_US">
<context>
    <name>DealerFormat</name>
    <message>
        <source>No subscription</source>
        <translation>Sin suscripción</translation>
    </message>
</context>
<context>
    <name>Tr</name>
    <message>
        <source>The audit signing key (credential audit-signing.key) is not an Ed25519 private key in PEM form; make one with `openssl genpkey -algorithm ed25519`.</source>
        <translation>La clave de firma de auditoría (credencial audit-signing.key) no es una clave privada Ed25519 en formato PEM; créela con `openssl genpkey -algorithm ed25519`.</translation>
    </message>
    <message>
        <source>Audit log BROKEN:</source>
        <translation>Bitácora de auditoría ROTA:</translation>
    </message>
    <message>
        <source>Audit log intact: %1 rows checked, consistent with %2 signed checkpoint(s) (the latest covers rows up to %3).</source>
        <translation>Bitácora de auditoría íntegra: %1 filas comprobadas, coherentes con %2 punto(s) de control firmado(s) (el último cubre hasta la fila %3).</translation>
    </message>
    <message>
        <source>Audit log intact: %1 rows checked.</source>
        <translation>Registro de auditoría intacto: %1 filas verificadas.</translation>
    </message>
    <message>
        <source>Audit checkpoint signed: rows up to %1, written to %2.</source>
        <translation>Punto de control de auditoría firmado: filas hasta la %1, escrito en %2.</translation>
    </message>
    <message>
        <source>"%1…" (%2 characters)</source>
        <translation>«%1…» (%2 caracteres)</translation>
    </message>
    <message>
        <source>%1 takes a date YYYY-MM-DD such as 2026-10-31, not %2.</source>
        <translation>%1 recibe una fecha AAAA-MM-DD como 2026-10-31, no %2.</translation>
    </message>
    <message>
        <source>%1 takes a month YYYY-MM such as 2026-10, not %2.</source>
        <translation>%1 recibe un mes AAAA-MM como 2026-10, no %2.</translation>
    </message>
    <message>
        <source>%1 takes a database login name (letters, digits, '_', '.' or '-', at most %2 characters), not %3.</source>
        <translation>%1 recibe un usuario de la base de datos (letras, dígitos, '_', '.' o '-', como máximo %2 caracteres), no %3.</translation>
    </message>
    <message>
        <source>%1 takes a profile name (letters, digits, '.', '_' or '-', at most 64, not a path), not %2.</source>
        <translation>%1 recibe un nombre de perfil (letras, dígitos, '.', '_' o '-', como máximo 64, no una ruta), no %2.</translation>
    </message>
    <message>
        <source>%1 takes a whole number greater than zero, not %2.</source>
        <translation>%1 recibe un número entero mayor que cero, no %2.</translation>
    </message>
    <message>
        <source>%1 is too long (%2 characters; at most %3).</source>
        <translation>%1 es demasiado largo (%2 caracteres; como máximo %3).</translation>
    </message>
    <message>
        <source>%1 takes one of %2, not %3.</source>
        <translation>%1 recibe uno de %2, no %3.</translation>
    </message>
    <message>
        <source>%1 is given twice; give it once.</source>
        <translation>%1 aparece dos veces; indíquelo una sola vez.</translation>
    </message>
    <message>
        <source>%1 needs a value; usage: okla %2 %3</source>
        <translation>%1 necesita un valor; uso: okla %2 %3</translation>
    </message>
    <message>
        <source>unknown option %1; usage: okla %2 %3</source>
        <translation>opción desconocida %1; uso: okla %2 %3</translation>
    </message>
    <message>
        <source>Give either --month or --from and --to, not both.</source>
        <translation>Indique --month o bien --from y --to, no ambos.</translation>
    </message>
    <message>
        <source>--from and --to take two dates YYYY-MM-DD, the first not after the second</source>
        <translation>--from y --to reciben dos fechas AAAA-MM-DD, la primera no posterior a la segunda</translation>
    </message>
    <message>
        <source>KPI snapshots %1 as of %2: %3 dealers, %4 change rows, %5 ms</source>
        <translation>Instantáneas de KPI %1 al %2: %3 dealers, %4 filas de cambios, %5 ms</translation>
    </message>
    <message>
        <source>rebuilt</source>
        <translation>reconstruidas</translation>
    </message>
    <message>
        <source>refreshed</source>
        <translation>actualizadas</translation>
    </message>
    <message>
        <source>--currency takes DOP or USD</source>
        <translation>--currency recibe DOP o USD</translation>
    </message>
    <message>
        <source>start</source>
        <translation>inicio</translation>
    </message>
    <message>
        <source>net new</source>
        <translation>neto nuevo</translation>
    </message>
    <message>
        <source>Paying dealers</source>
        <translation>Dealers pagando</translation>
    </message>
    <message>
        <source>Customer churn</source>
        <translation>Tasa de cancelación de dealers</translation>
    </message>
    <message>
        <source>Use --json for every KPI.</source>
        <translation>Use --json para ver todos los KPI.</translation>
    </message>
    <message>
        <source>Schema version %1 of %2.</source>
        <translation>Versión del esquema %1 de %2.</translation>
    </message>
    <message>
        <source>pending: migration %1</source>
        <translation>pendiente: migración %1</translation>
    </message>
    <message>
        <source>The database schema matches this program (version %1).</source>
        <translation>El esquema de la base de datos coincide con este programa (versión %1).</translation>
    </message>
    <message>
        <source>--id must be the number of a proposed change (see `okla policy list`).</source>
        <translation>--id debe ser el número de un cambio propuesto (vea `okla policy list`).</translation>
    </message>
    <message>
        <source>--reason is required: 1 to %1 characters saying why.</source>
        <translation>--reason es obligatorio: de 1 a %1 caracteres que digan por qué.</translation>
    </message>
    <message>
        <source>No money-policy change is waiting for approval.</source>
        <translation>Ningún cambio de política de dinero espera aprobación.</translation>
    </message>
    <message>
        <source>--table must be billing_policies, plans or plan_versions.</source>
        <translation>--table debe ser billing_policies, plans o plan_versions.</translation>
    </message>
    <message>
        <source>--operation must be insert, update or delete.</source>
        <translation>--operation debe ser insert, update o delete.</translation>
    </message>
    <message>
        <source>--values must be a JSON object of column values of at most %1 characters, e.g. '{"key": "refund_approval_limit_minor", "value": {"DOP": 2000000, "USD": 40000}}'.</source>
        <translation>--values debe ser un objeto JSON con valores de columnas de %1 caracteres como máximo, p. ej. '{"key": "refund_approval_limit_minor", "value": {"DOP": 2000000, "USD": 40000}}'.</translation>
    </message>
    <message>
        <source>Proposed change #%1; another admin must approve it (`okla policy approve --id %1`).</source>
        <translation>Cambio #%1 propuesto; otro administrador debe aprobarlo (`okla policy approve --id %1`).</translation>
    </message>
    <message>
        <source>Change #%1 approved and applied.</source>
        <translation>Cambio #%1 aprobado y aplicado.</translation>
    </message>
    <message>
        <source>Change #%1 rejected.</source>
        <translation>Cambio #%1 rechazado.</translation>
    </message>
    <message>
        <source>An audit row holds a value that is not valid JSON, so its canonical form cannot be computed.</source>
        <translation>Una fila de auditoría contiene un valor que no es JSON válido, así que no se puede calcular su forma canónica.</translation>
    </message>
    <message>
        <source>Audit row %1 uses canonical form version %2, unknown to this program; install the newer OKLA Admin.</source>
        <translation>La fila de auditoría %1 usa la versión %2 de la forma canónica, desconocida para este programa; instale el OKLA Admin más reciente.</translation>
    </message>
    <message>
        <source>Could not read the audit log (finance, manager, admin or the worker may): %1</source>
        <translation>No se pudo leer la bitácora de auditoría (pueden finanzas, gerencia, administración o el worker): %1</translation>
    </message>
    <message>
        <source>row %1 is missing (the next row is %2)</source>
        <translation>falta la fila %1 (la siguiente es la %2)</translation>
    </message>
    <message>
        <source>row %1 does not point at the hash of row %2</source>
        <translation>la fila %1 no apunta al hash de la fila %2</translation>
    </message>
    <message>
        <source>row %1: %2</source>
        <translation>fila %1: %2</translation>
    </message>
    <message>
        <source>row %1 was changed after it was written (its hash does not match its content)</source>
        <translation>la fila %1 se modificó después de escribirse (su hash no coincide con su contenido)</translation>
    </message>
    <message>
        <source>the head of the log (row %1) does not match its last row %2; rows after %2 are missing</source>
        <translation>la cabeza de la bitácora (fila %1) no coincide con su última fila %2; faltan filas después de la %2</translation>
    </message>
    <message>
        <source>The audit checkpoint %1 is not a checkpoint this program can read.</source>
        <translation>El punto de control de auditoría %1 no es un punto de control que este programa pueda leer.</translation>
    </message>
    <message>
        <source>The profile names no folder for audit checkpoints; set [audit] checkpoint_dir.</source>
        <translation>El perfil no indica una carpeta para los puntos de control de auditoría; defina [audit] checkpoint_dir.</translation>
    </message>
    <message>
        <source>Cannot create the audit checkpoint folder %1.</source>
        <translation>No se puede crear la carpeta de puntos de control de auditoría %1.</translation>
    </message>
    <message>
        <source>The audit checkpoint folder %1 does not exist.</source>
        <translation>La carpeta de puntos de control de auditoría %1 no existe.</translation>
    </message>
    <message>
        <source>The audit checkpoint folder %1 is writable by others; make it writable by its owner only (chmod go-w).</source>
        <translation>Otros pueden escribir en la carpeta de puntos de control de auditoría %1; deje que solo su dueño escriba (chmod go-w).</translation>
    </message>
    <message>
        <source>Cannot read the audit checkpoint %1.</source>
        <translation>No se puede leer el punto de control de auditoría %1.</translation>
    </message>
    <message>
        <source>The profile has no audit public key ([audit] public_key), so no checkpoint was checked: a rewritten-and-rechained log or a cut tail cannot be detected.</source>
        <translation>El perfil no tiene clave pública de auditoría ([audit] public_key), así que no se comprobó ningún punto de control: no se puede detectar una bitácora reescrita y reencadenada ni una cola cortada.</translation>
    </message>
    <message>
        <source>The audit checkpoint %1 is not signed by the audit key; someone wrote it by hand.</source>
        <translation>El punto de control de auditoría %1 no está firmado con la clave de auditoría; alguien lo escribió a mano.</translation>
    </message>
    <message>
        <source>No audit checkpoint in %1 yet: a rewritten-and-rechained log or a cut tail cannot be detected; run `okla audit checkpoint`.</source>
        <translation>Aún no hay puntos de control de auditoría en %1: no se puede detectar una bitácora reescrita y reencadenada ni una cola cortada; ejecute `okla audit checkpoint`.</translation>
    </message>
    <message>
        <source>The audit log is broken at row %1: %2.</source>
        <translation>La bitácora de auditoría está rota en la fila %1: %2.</translation>
    </message>
    <message>
        <source>The audit log ends at row %1, but the checkpoint signed %2 covers rows up to %3: rows %4 to %3 were removed.</source>
        <translation>La bitácora de auditoría termina en la fila %1, pero el punto de control firmado el %2 cubre hasta la fila %3: se eliminaron las filas %4 a %3.</translation>
    </message>
    <message>
        <source>The audit log was rewritten: row %1 differs from the checkpoint signed %2 (rows up to %3), and the chain after it was recomputed.</source>
        <translation>La bitácora de auditoría fue reescrita: la fila %1 difiere del punto de control firmado el %2 (filas hasta la %3) y la cadena posterior se recalculó.</translation>
    </message>
    <message>
        <source>The audit log was rewritten: row %1 no longer has the hash signed %2 in its checkpoint, so a row from %3 to %4 was changed and the chain recomputed.</source>
        <translation>La bitácora de auditoría fue reescrita: la fila %1 ya no tiene el hash firmado el %2 en su punto de control, así que se modificó una fila entre la %3 y la %4 y se recalculó la cadena.</translation>
    </message>
    <message>
        <source>The audit signing key does not match the profile's [audit] public_key; the checkpoint was not written.</source>
        <translation>La clave de firma de auditoría no corresponde a [audit] public_key del perfil; no se escribió el punto de control.</translation>
    </message>
    <message>
        <source>The audit log did not verify, so it was not signed: %1</source>
        <translation>La bitácora de auditoría no pasó la verificación, así que no se firmó: %1</translation>
    </message>
    <message>
        <source>The audit log changed while it was being checked, so it was not signed; run `okla audit verify`.</source>
        <translation>La bitácora de auditoría cambió mientras se comprobaba, así que no se firmó; ejecute `okla audit verify`.</translation>
    </message>
    <message>
        <source>Cannot write the audit checkpoint %1.</source>
        <translation>No se puede escribir el punto de control de auditoría %1.</translation>
    </message>
    <message>
        <source>Could not generate an Ed25519 key.</source>
        <translation>No se pudo generar una clave Ed25519.</translation>
    </message>
    <message>
        <source>Could not sign the audit checkpoint.</source>
        <translation>No se pudo firmar el punto de control de auditoría.</translation>
    </message>
    <message>
        <source>Cannot read the functions of the database.</source>
        <translation>No se pueden leer las funciones de la base de datos.</translation>
    </message>
    <message>
        <source>Function %1 is not defined by any migration; someone added it by hand.</source>
        <translation>La función %1 no la define ninguna migración; alguien la agregó a mano.</translation>
    </message>
    <message>
        <source>The body of function %1 differs from the one the migrations define; someone replaced it.</source>
        <translation>El cuerpo de la función %1 difiere del que definen las migraciones; alguien lo reemplazó.</translation>
    </message>
    <message>
        <source>Function %1 (%2 arguments) that the migrations define is missing.</source>
        <translation>Falta la función %1 (%2 argumentos) que definen las migraciones.</translation>
    </message>
    <message>
        <source>This program is older than the database (it has migration %1 "%2", unknown here); install the newer OKLA Admin.</source>
        <translation>Este programa es más antiguo que la base de datos (tiene la migración %1 «%2», desconocida aquí); instale el OKLA Admin más reciente.</translation>
    </message>
    <message>
        <source>Migration %1 was changed after it was applied (checksum differs); restore resources/migrations/%2 to the version that was applied, then rebuild.</source>
        <translation>La migración %1 se modificó después de aplicarse (la suma de verificación no coincide); restaure resources/migrations/%2 a la versión aplicada y vuelva a compilar.</translation>
    </message>
    <message>
        <source>Migration file "%1" is not named NNNN_&lt;name&gt;.sql; rename it.</source>
        <translation>El archivo de migración «%1» no se llama NNNN_&lt;nombre&gt;.sql; cámbiele el nombre.</translation>
    </message>
    <message>
        <source>Migration file "%1" must have a version above 0000.</source>
        <translation>El archivo de migración «%1» debe tener una versión mayor que 0000.</translation>
    </message>
    <message>
        <source>The migrations folder %1 does not exist.</source>
        <translation>La carpeta de migraciones %1 no existe.</translation>
    </message>
    <message>
        <source>Cannot read migration %1.</source>
        <translation>No se puede leer la migración %1.</translation>
    </message>
    <message>
        <source>Two migrations have version %1; give one of them the next free number.</source>
        <translation>Dos migraciones tienen la versión %1; asigne a una de ellas el siguiente número libre.</translation>
    </message>
    <message>
        <source>Cannot read the schema version of the database.</source>
        <translation>No se puede leer la versión del esquema de la base de datos.</translation>
    </message>
    <message>
        <source>The database has no OKLA schema yet; run `okla migrate` (or `okla-sandbox up`).</source>
        <translation>La base de datos todavía no tiene el esquema de OKLA; ejecute `okla migrate` (o `okla-sandbox up`).</translation>
    </message>
    <message>
        <source>The database schema is older than this program (version %1, needs %2); run `okla migrate`.</source>
        <translation>El esquema de la base de datos es más antiguo que este programa (versión %1, necesita %2); ejecute `okla migrate`.</translation>
    </message>
    <message>
        <source>Cannot create the schema_migrations table; run `okla migrate` as the owner role okla_owner.</source>
        <translation>No se puede crear la tabla schema_migrations; ejecute `okla migrate` con el rol propietario okla_owner.</translation>
    </message>
    <message>
        <source>Applying migration %1 (%2)…</source>
        <translation>Aplicando la migración %1 (%2)…</translation>
    </message>
    <message>
        <source>Migration %1 (%2) failed, so no migration was applied; fix %3 and run `okla migrate` again.</source>
        <translation>La migración %1 (%2) falló, así que no se aplicó ninguna migración; corrija %3 y ejecute `okla migrate` de nuevo.</translation>
    </message>
    <message>
        <source>The schema is up to date (version %1).</source>
        <translation>El esquema está al día (versión %1).</translation>
    </message>
    <message>
        <source>The subscription's billing anchor is not a valid date.</source>
        <translation>La fecha de anclaje de facturación de la suscripción no es una fecha válida.</translation>
    </message>
    <message>
        <source>The billing date is not a valid date.</source>
        <translation>La fecha de facturación no es una fecha válida.</translation>
    </message>
    <message>
        <source>A billing period number must be between 0 and %1.</source>
        <translation>El número de un período de facturación debe estar entre 0 y %1.</translation>
    </message>
    <message>
        <source>The date is before the subscription's first billed day.</source>
        <translation>La fecha es anterior al primer día facturado de la suscripción.</translation>
    </message>
    <message>
        <source>The first day of the range is after its last day.</source>
        <translation>El primer día del rango es posterior a su último día.</translation>
    </message>
    <message>
        <source>At least one billing period must be allowed.</source>
        <translation>Debe permitirse al menos un período de facturación.</translation>
    </message>
    <message>
        <source>More than %1 billing periods fall in the range; run it in shorter steps.</source>
        <translation>Más de %1 períodos de facturación caen en el rango; ejecútelo en tramos más cortos.</translation>
    </message>
    <message>
        <source>Free months must be between 0 and %1.</source>
        <translation>Los meses gratis deben estar entre 0 y %1.</translation>
    </message>
    <message>
        <source>The dunning policy %1 must be a whole number of days.</source>
        <translation>El valor %1 de la política de cobro de morosos debe ser un número entero de días.</translation>
    </message>
    <message>
        <source>Dunning retry days count from the day after the failure and must be positive.</source>
        <translation>Los días de reintento de cobro cuentan desde el día siguiente al fallo y deben ser positivos.</translation>
    </message>
    <message>
        <source>Dunning retry days must be in strictly ascending order.</source>
        <translation>Los días de reintento de cobro deben estar en orden estrictamente ascendente.</translation>
    </message>
    <message>
        <source>The dunning suspension day must be positive.</source>
        <translation>El día de suspensión por falta de pago debe ser positivo.</translation>
    </message>
    <message>
        <source>Every dunning retry must come before the suspension day.</source>
        <translation>Cada reintento de cobro debe ser anterior al día de suspensión.</translation>
    </message>
    <message>
        <source>The dunning cancellation day must come after the suspension day.</source>
        <translation>El día de cancelación por falta de pago debe ser posterior al día de suspensión.</translation>
    </message>
    <message>
        <source>The dunning cancellation day must be at most %1 days after the failure.</source>
        <translation>El día de cancelación por falta de pago debe ser como máximo %1 días después del fallo.</translation>
    </message>
    <message>
        <source>A dunning date is missing or invalid.</source>
        <translation>Falta una fecha del cobro de morosos o no es válida.</translation>
    </message>
    <message>
        <source>Dunning dates are out of order (first failure, last failure, today).</source>
        <translation>Las fechas del cobro de morosos están desordenadas (primer fallo, último fallo, hoy).</translation>
    </message>
    <message>
        <source>A cancelled or expired subscription is not reactivated by a payment; it needs a new subscription.</source>
        <translation>Un pago no reactiva una suscripción cancelada o expirada; hace falta una suscripción nueva.</translation>
    </message>
    <message>
        <source>Cannot listen on %1:%2.</source>
        <translation>No se puede escuchar en %1:%2.</translation>
    </message>
    <message>
        <source>"%1" is not a valid metric name.</source>
        <translation>«%1» no es un nombre de métrica válido.</translation>
    </message>
    <message>
        <source>A histogram needs increasing bucket bounds.</source>
        <translation>Un histograma necesita límites de intervalos crecientes.</translation>
    </message>
    <message>
        <source>The metric %1 was already declared with another type.</source>
        <translation>La métrica %1 ya se declaró con otro tipo.</translation>
    </message>
    <message>
        <source>RabbitMQ refused or lost the request (%1).</source>
        <translation>RabbitMQ rechazó o perdió la solicitud (%1).</translation>
    </message>
    <message>
        <source>The connection to RabbitMQ was lost (%1).</source>
        <translation>Se perdió la conexión con RabbitMQ (%1).</translation>
    </message>
    <message>
        <source>The connection to RabbitMQ was lost before the broker confirmed the message.</source>
        <translation>Se perdió la conexión con RabbitMQ antes de que el servidor confirmara el mensaje.</translation>
    </message>
    <message>
        <source>RabbitMQ is not connected; the next attempt is in %1 ms.</source>
        <translation>RabbitMQ no está conectado; el próximo intento es en %1 ms.</translation>
    </message>
    <message>
        <source>Cannot create a RabbitMQ connection.</source>
        <translation>No se puede crear una conexión con RabbitMQ.</translation>
    </message>
    <message>
        <source>Cannot reach RabbitMQ.</source>
        <translation>No se puede contactar con RabbitMQ.</translation>
    </message>
    <message>
        <source>The connection that delivered this message is gone; the broker delivers it again.</source>
        <translation>La conexión que entregó este mensaje ya no existe; el servidor lo entregará de nuevo.</translation>
    </message>
    <message>
        <source>The message was not sent: the connection to RabbitMQ was lost.</source>
        <translation>El mensaje no se envió: se perdió la conexión con RabbitMQ.</translation>
    </message>
    <message>
        <source>RabbitMQ did not confirm the message within %1 ms.</source>
        <translation>RabbitMQ no confirmó el mensaje en %1 ms.</translation>
    </message>
    <message>
        <source>RabbitMQ refused the message (nack).</source>
        <translation>RabbitMQ rechazó el mensaje (nack).</translation>
    </message>
    <message>
        <source>No queue is bound for the message's routing key; the broker returned it.</source>
        <translation>Ninguna cola está enlazada a la clave de enrutamiento del mensaje; el servidor lo devolvió.</translation>
    </message>
    <message>
        <source>The connection to RabbitMQ was lost.</source>
        <translation>Se perdió la conexión con RabbitMQ.</translation>
    </message>
    <message>
        <source>RabbitMQ closed the channel.</source>
        <translation>RabbitMQ cerró el canal.</translation>
    </message>
    <message>
        <source>RabbitMQ closed the connection.</source>
        <translation>RabbitMQ cerró la conexión.</translation>
    </message>
    <message>
        <source>This connection consumes no queue; call consume first.</source>
        <translation>Esta conexión no consume ninguna cola; llame antes a consume.</translation>
    </message>
    <message>
        <source>The queue %1 was never declared.</source>
        <translation>La cola %1 nunca se declaró.</translation>
    </message>
    <message>
        <source>The delivery limit of %1 must be at least 1.</source>
        <translation>El límite de entregas de %1 debe ser al menos 1.</translation>
    </message>
    <message>
        <source>No queue is bound for the routing key %1; the message was not stored.</source>
        <translation>Ninguna cola está enlazada a la clave de enrutamiento %1; el mensaje no se guardó.</translation>
    </message>
    <message>
        <source>This thread consumes no queue; call consume first.</source>
        <translation>Este hilo no consume ninguna cola; llame antes a consume.</translation>
    </message>
    <message>
        <source>This delivery was already settled or belongs to another connection.</source>
        <translation>Esta entrega ya se resolvió o pertenece a otra conexión.</translation>
    </message>
    <message>
        <source>Billing on %1 (Santo Domingo)</source>
        <translation>Facturación del %1 (Santo Domingo)</translation>
    </message>
    <message>
        <source>  subscriptions due: %1, in dunning: %2</source>
        <translation>  suscripciones a cobrar: %1, en cobranza: %2</translation>
    </message>
    <message>
        <source>  charges today: %1; not yet settled: %2</source>
        <translation>  cobros de hoy: %1; sin liquidar: %2</translation>
    </message>
    <message>
        <source>  open worker requests: %1</source>
        <translation>  solicitudes abiertas al worker: %1</translation>
    </message>
    <message>
        <source>  workers alive: %1</source>
        <translation>  workers activos: %1</translation>
    </message>
    <message>
        <source>  last billing run: #%1, %2, asked %3</source>
        <translation>  última facturación: n.º %1, %2, pedida %3</translation>
    </message>
    <message>
        <source>  no billing run has been asked for yet</source>
        <translation>  todavía no se ha pedido ninguna facturación</translation>
    </message>
    <message>
        <source>Request #%1 (%2) succeeded: %3</source>
        <translation>La solicitud n.º %1 (%2) terminó bien: %3</translation>
    </message>
    <message>
        <source>Request #%1 (%2) failed: %3</source>
        <translation>La solicitud n.º %1 (%2) falló: %3</translation>
    </message>
    <message>
        <source>Request #%1 (%2) is %3.</source>
        <translation>La solicitud n.º %1 (%2) está %3.</translation>
    </message>
    <message>
        <source>--idempotency-key must be a UUID such as %1.</source>
        <translation>--idempotency-key debe ser un UUID como %1.</translation>
    </message>
    <message>
        <source>Request #%1 (%2) queued; waiting for okla-worker (Ctrl+C stops waiting, not the work).</source>
        <translation>Solicitud n.º %1 (%2) en cola; esperando a okla-worker (Ctrl+C deja de esperar, no detiene el trabajo).</translation>
    </message>
    <message>
        <source>  progress: %1</source>
        <translation>  avance: %1</translation>
    </message>
    <message>
        <source>  still pending: is an okla-worker running? (`okla worker status`)</source>
        <translation>  sigue pendiente: ¿hay un okla-worker en marcha? (`okla worker status`)</translation>
    </message>
    <message>
        <source>request #%1 is still %2 after %3 s; it goes on in the worker (follow it with `okla billing status`).</source>
        <translation>la solicitud n.º %1 sigue %2 tras %3 s; continúa en el worker (sígala con `okla billing status`).</translation>
    </message>
    <message>
        <source>A subscription has a status or billing cycle the worker does not know.</source>
        <translation>Una suscripción tiene un estado o ciclo de facturación que el worker no conoce.</translation>
    </message>
    <message>
        <source>Billing run progress not written: %1</source>
        <translation>No se escribió el avance de la facturación: %1</translation>
    </message>
    <message>
        <source>KPI refresh after the billing run failed: %1</source>
        <translation>Falló la actualización de los KPI tras la facturación: %1</translation>
    </message>
    <message>
        <source>A dunning run needs a valid business date.</source>
        <translation>Una ronda de cobranza necesita una fecha de negocio válida.</translation>
    </message>
    <message>
        <source>Dunning of subscription %1 stopped: %2</source>
        <translation>La cobranza de la suscripción %1 se detuvo: %2</translation>
    </message>
    <message>
        <source>The period's invoice was written by someone else meanwhile; run again.</source>
        <translation>Otro proceso escribió mientras tanto la factura del período; vuelva a ejecutar.</translation>
    </message>
    <message>
        <source>The billing policy %1 has a value the renewal run cannot use.</source>
        <translation>La política de facturación %1 tiene un valor que la renovación no puede usar.</translation>
    </message>
    <message>
        <source>A billing run needs a valid business date.</source>
        <translation>Una facturación necesita una fecha de negocio válida.</translation>
    </message>
    <message>
        <source>Renewal of subscription %1 stopped: %2</source>
        <translation>La renovación de la suscripción %1 se detuvo: %2</translation>
    </message>
    <message>
        <source>The period's invoice was voided or cancelled; it is not charged.</source>
        <translation>La factura del período se anuló o canceló; no se cobra.</translation>
    </message>
    <message>
        <source>The subscription no longer exists.</source>
        <translation>La suscripción ya no existe.</translation>
    </message>
</context>
<context>
    <name>okla</name>
    <message>
        <source>OKLA Admin cannot start</source>
        <translation>OKLA Admin no puede iniciar</translation>
    </message>
    <message>
        <source>Could not sign in</source>
        <translation>No se pudo iniciar sesión</translation>
    </message>
    <message>
        <source>The amount is too large to be represented.</source>
        <translation>El monto es demasiado grande para representarlo.</translation>
    </message>
    <message>
        <source>A plan price cannot be negative.</source>
        <translation>El precio de un plan no puede ser negativo.</translation>
    </message>
    <message>
        <source>Amounts in %1 and %2 cannot be combined.</source>
        <translation>No se pueden combinar montos en %1 y %2.</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Nuevo</translation>
    </message>
    <message>
        <source>Expansion</source>
        <translation>Expansión</translation>
    </message>
    <message>
        <source>Reactivation</source>
        <translation>Reactivación</translation>
    </message>
    <message>
        <source>Contraction</source>
        <translation>Contracción</translation>
    </message>
    <message>
        <source>Churn</source>
        <translation>Cancelación</translation>
    </message>
    <message>
        <source>Q%1 %2</source>
        <translation>T%1 %2</translation>
    </message>
    <message>
        <source>An exchange rate must be greater than zero.</source>
        <translation>Una tasa de cambio debe ser mayor que cero.</translation>
    </message>
    <message>
        <source>A ratio needs a denominator greater than zero.</source>
        <translation>Una proporción necesita un denominador mayor que cero.</translation>
    </message>
    <message>
        <source>The amount is in %1 but %2 is expected.</source>
        <translation>El monto está en %1, pero se espera %2.</translation>
    </message>
    <message>
        <source>Connection profile "%1" does not exist; run "okla-sandbox up" or create it.</source>
        <translation>El perfil de conexión «%1» no existe; ejecute «okla-sandbox up» o créelo.</translation>
    </message>
    <message>
        <source>Connection profile "%1" cannot be read; fix or delete %2.</source>
        <translation>El perfil de conexión «%1» no se puede leer; corrija o elimine %2.</translation>
    </message>
    <message>
        <source>Connection profile "%1" contains a stored secret (%2); remove it from %3.</source>
        <translation>El perfil de conexión «%1» contiene un secreto guardado (%2); elimínelo de %3.</translation>
    </message>
    <message>
        <source>Connection profile "%1" has no valid PostgreSQL host and port; fix or delete %2.</source>
        <translation>El perfil de conexión «%1» no tiene un host y puerto de PostgreSQL válidos; corrija o elimine %2.</translation>
    </message>
    <message>
        <source>Could not write connection profile %1.</source>
        <translation>No se pudo escribir el perfil de conexión %1.</translation>
    </message>
    <message numerus="yes">
        <source>Applied %n migration(s); the schema is at version %1.</source>
        <translation><numerusform>Se aplicó %n migración; el esquema está en la versión %1.</numerusform><numerusform>Se aplicaron %n migraciones; el esquema está en la versión %1.</numerusform></translation>
    </message>
    <message>
        <source>No keyring is available, so the password cannot be remembered.</source>
        <translation>No hay un llavero disponible, así que la contraseña no se puede recordar.</translation>
    </message>
    <message>
        <source>No password is remembered for this user.</source>
        <translation>No hay una contraseña recordada para este usuario.</translation>
    </message>
    <message>
        <source>The settings file %1 holds a stored secret (%2), which OKLA Admin never writes; remove that entry and start again.</source>
        <translation>El archivo de configuración %1 guarda un secreto (%2), algo que OKLA Admin nunca escribe; elimine esa entrada y vuelva a iniciar.</translation>
    </message>
    <message>
        <source>Could not connect to the database.</source>
        <translation>No se pudo conectar a la base de datos.</translation>
    </message>
    <message>
        <source>The database refused the request.</source>
        <translation>La base de datos rechazó la solicitud.</translation>
    </message>
    <message>
        <source>Redis did not answer in time.</source>
        <translation>Redis no respondió a tiempo.</translation>
    </message>
    <message>
        <source>The connection to Redis failed.</source>
        <translation>Falló la conexión con Redis.</translation>
    </message>
    <message>
        <source>Redis is unreachable.</source>
        <translation>No se puede alcanzar Redis.</translation>
    </message>
    <message>
        <source>Redis refused the password.</source>
        <translation>Redis rechazó la contraseña.</translation>
    </message>
    <message>
        <source>The Redis client stopped.</source>
        <translation>El cliente de Redis se detuvo.</translation>
    </message>
    <message>
        <source>The payment to refund has no capturing provider.</source>
        <translation>El pago a reembolsar no tiene un proveedor que lo haya cobrado.</translation>
    </message>
    <message>
        <source>No payment provider handles this currency.</source>
        <translation>Ningún proveedor de pagos maneja esta moneda.</translation>
    </message>
    <message>
        <source>This charge already succeeded with AZUL.</source>
        <translation>Este cobro ya se hizo con éxito en AZUL.</translation>
    </message>
    <message>
        <source>The AZUL attempt has an unknown outcome; it must be resolved before the charge can go anywhere else.</source>
        <translation>El intento en AZUL tiene un resultado desconocido; hay que resolverlo antes de enviar el cobro a otro lugar.</translation>
    </message>
    <message>
        <source>AZUL is unavailable and the dealer has no Stripe payment method; the charge will be retried later.</source>
        <translation>AZUL no está disponible y el dealer no tiene un método de pago en Stripe; el cobro se reintentará más tarde.</translation>
    </message>
    <message>
        <source>Redis gave an unexpected reply.</source>
        <translation>Redis dio una respuesta inesperada.</translation>
    </message>
    <message>
        <source>Enter an amount.</source>
        <translation>Escriba un monto.</translation>
    </message>
    <message>
        <source>The amount has no digits.</source>
        <translation>El monto no tiene dígitos.</translation>
    </message>
    <message>
        <source>The amount has more than one decimal point.</source>
        <translation>El monto tiene más de un punto decimal.</translation>
    </message>
    <message>
        <source>A thousands separator is misplaced; write e.g. 1,234.50 or 1234.50.</source>
        <translation>Hay un separador de miles mal colocado; escriba p. ej. 1,234.50 o 1234.50.</translation>
    </message>
    <message>
        <source>Scientific notation is not accepted; write the amount in full.</source>
        <translation>No se acepta notación científica; escriba el monto completo.</translation>
    </message>
    <message>
        <source>The amount contains an invalid character: "%1".</source>
        <translation>El monto contiene un carácter no válido: «%1».</translation>
    </message>
    <message>
        <source>Write digits on both sides of the decimal point, e.g. 0.50.</source>
        <translation>Escriba dígitos a ambos lados del punto decimal, p. ej. 0.50.</translation>
    </message>
    <message>
        <source>The amount has too many decimals: %1 allows at most %2.</source>
        <translation>El monto tiene demasiados decimales: %1 admite como máximo %2.</translation>
    </message>
    <message>
        <source>The amount cannot be negative.</source>
        <translation>El monto no puede ser negativo.</translation>
    </message>
    <message>
        <source>The amount is too large.</source>
        <translation>El monto es demasiado grande.</translation>
    </message>
    <message>
        <source>The amount must be greater than zero.</source>
        <translation>El monto debe ser mayor que cero.</translation>
    </message>
    <message>
        <source>An exchange rate is written with digits and an optional decimal point, e.g. 58.25.</source>
        <translation>Una tasa de cambio se escribe con dígitos y un punto decimal opcional, p. ej. 58.25.</translation>
    </message>
    <message>
        <source>An exchange rate may have at most 18 significant digits.</source>
        <translation>Una tasa de cambio puede tener como máximo 18 dígitos significativos.</translation>
    </message>
    <message>
        <source>An RNC or cédula contains only digits, dashes and spaces; "%1" is not allowed.</source>
        <translation>Un RNC o una cédula solo contiene dígitos, guiones y espacios; «%1» no se permite.</translation>
    </message>
    <message>
        <source>Enter an RNC (9 digits) or a cédula (11 digits).</source>
        <translation>Escriba un RNC (9 dígitos) o una cédula (11 dígitos).</translation>
    </message>
    <message>
        <source>An RNC has 9 digits and a cédula 11; this one has %1.</source>
        <translation>Un RNC tiene 9 dígitos y una cédula 11; este tiene %1.</translation>
    </message>
    <message>
        <source>This %1 is not valid: its last (check) digit is %2, it should be %3. Check for a typo.</source>
        <translation>Este %1 no es válido: su último dígito (verificador) es %2 y debería ser %3. Revise si hay un error de escritura.</translation>
    </message>
    <message>
        <source>The %1 body (without its check digit) must be exactly %2 digits.</source>
        <translation>El cuerpo del %1 (sin el dígito verificador) debe tener exactamente %2 dígitos.</translation>
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
        <translation>No hay una lista de dealers detrás de esta cifra.</translation>
    </message>
    <message>
        <source>The KPI computation is missing from this build.</source>
        <translation>El cálculo de KPI no está incluido en esta compilación.</translation>
    </message>
    <message>
        <source>%1 done in %2 ms</source>
        <translation>%1 listo en %2 ms</translation>
    </message>
    <message>
        <source>Provider health is kept in Redis, which did not answer:</source>
        <translation>La salud de los proveedores se guarda en Redis, que no respondió:</translation>
    </message>
    <message>
        <source>No process has reported provider health in the last 30 seconds.</source>
        <translation>Ningún proceso ha informado la salud de los proveedores en los últimos 30 segundos.</translation>
    </message>
    <message>
        <source>local (Redis was unreachable)</source>
        <translation>local (Redis no respondía)</translation>
    </message>
    <message>
        <source>No payment provider is configured in this profile.</source>
        <translation>Este perfil no tiene ningún proveedor de pagos configurado.</translation>
    </message>
    <message>
        <source>The KPI computation got an invalid date.</source>
        <translation>El cálculo de KPI recibió una fecha no válida.</translation>
    </message>
    <message>
        <source>The amount must be positive and at most 12 digits.</source>
        <translation>El monto debe ser positivo y de 12 dígitos como máximo.</translation>
    </message>
    <message>
        <source>The ITBIS must be between zero and the amount.</source>
        <translation>El ITBIS debe estar entre cero y el monto.</translation>
    </message>
    <message>
        <source>An AZUL order id is missing or too long.</source>
        <translation>Falta el número de orden de AZUL o es demasiado largo.</translation>
    </message>
    <message>
        <source>The card number must be 12 to 19 digits.</source>
        <translation>El número de tarjeta debe tener entre 12 y 19 dígitos.</translation>
    </message>
    <message>
        <source>The card expiration must be YYYYMM.</source>
        <translation>El vencimiento de la tarjeta debe tener la forma AAAAMM.</translation>
    </message>
    <message>
        <source>The card security code must be 3 or 4 digits.</source>
        <translation>El código de seguridad de la tarjeta debe tener 3 o 4 dígitos.</translation>
    </message>
    <message>
        <source>Only a Sale or a Hold carries card data.</source>
        <translation>Solo una venta o una retención lleva datos de tarjeta.</translation>
    </message>
    <message>
        <source>The order number is longer than 15 characters.</source>
        <translation>El número de orden tiene más de 15 caracteres.</translation>
    </message>
    <message>
        <source>A token sale carries a token of at most 100 characters and no card number.</source>
        <translation>Una venta con token lleva un token de 100 caracteres como máximo y ningún número de tarjeta.</translation>
    </message>
    <message>
        <source>The merchant name shown on statements is invalid.</source>
        <translation>El nombre del comercio que aparece en los estados de cuenta no es válido.</translation>
    </message>
    <message>
        <source>The AZUL order id must be digits.</source>
        <translation>El número de orden de AZUL debe contener solo dígitos.</translation>
    </message>
    <message>
        <source>The DataVault token is missing or too long.</source>
        <translation>Falta el token de DataVault o es demasiado largo.</translation>
    </message>
    <message>
        <source>The yearly discount must be between 0 and 10000 basis points (0 % to 100 %).</source>
        <translation>El descuento anual debe estar entre 0 y 10000 puntos básicos (0 % a 100 %).</translation>
    </message>
    <message>
        <source>A KPI amount from the database could not be read.</source>
        <translation>No se pudo leer un monto de KPI de la base de datos.</translation>
    </message>
    <message>
        <source>AZUL charges and refunds in Dominican pesos (DOP) only; this amount is in %1.</source>
        <translation>AZUL cobra y reembolsa solo en pesos dominicanos (DOP); este monto está en %1.</translation>
    </message>
    <message>
        <source>The request was cancelled.</source>
        <translation>La solicitud se canceló.</translation>
    </message>
    <message>
        <source>Could not save %1.</source>
        <translation>No se pudo guardar %1.</translation>
    </message>
    <message>
        <source>A connection profile name is letters, digits, '.', '_' or '-' (at most 64), not "%1".</source>
        <translation>Un nombre de perfil de conexión lleva letras, dígitos, «.», «_» o «-» (64 como máximo), no «%1».</translation>
    </message>
    <message>
        <source>The DBA step is applied; now run `okla migrate`.</source>
        <translation>El paso del DBA está aplicado; ahora ejecute `okla migrate`.</translation>
    </message>
    <message>
        <source>active</source>
        <translation>activo</translation>
    </message>
    <message>
        <source>inactive</source>
        <translation>inactivo</translation>
    </message>
    <message>
        <source>A password is 12 to 1024 characters, on the first line of stdin.</source>
        <translation>Una contraseña tiene de 12 a 1024 caracteres, en la primera línea de la entrada estándar.</translation>
    </message>
    <message>
        <source>Staff member %1 is ready in the %2 group (id %3).</source>
        <translation>El miembro del personal %1 está listo en el grupo %2 (id %3).</translation>
    </message>
    <message>
        <source>%1 is now in the %2 group only.</source>
        <translation>%1 está ahora solo en el grupo %2.</translation>
    </message>
    <message>
        <source>%1 is deactivated: the login cannot sign in and its sessions were ended.</source>
        <translation>%1 está desactivado: el usuario no puede iniciar sesión y sus sesiones se cerraron.</translation>
    </message>
    <message>
        <source>Finance</source>
        <translation>Finanzas</translation>
    </message>
    <message>
        <source>Manager</source>
        <translation>Gerencia</translation>
    </message>
    <message>
        <source>Support</source>
        <translation>Soporte</translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation>Administración</translation>
    </message>
    <message>
        <source>A login is 2 to 63 lower-case letters, digits or _, starts with a letter and not with pg_ or okla_.</source>
        <translation>Un usuario tiene de 2 a 63 letras minúsculas, dígitos o _, empieza por una letra y no por pg_ ni okla_.</translation>
    </message>
    <message>
        <source>A name is 1 to %1 characters.</source>
        <translation>Un nombre tiene de 1 a %1 caracteres.</translation>
    </message>
    <message>
        <source>An e-mail address looks like name@domain.tld.</source>
        <translation>Un correo electrónico tiene la forma nombre@dominio.tld.</translation>
    </message>
    <message>
        <source>A staff role is finance, manager, support or admin.</source>
        <translation>Un rol del personal es finance, manager, support o admin.</translation>
    </message>
    <message>
        <source>The DBA script is missing from this build.</source>
        <translation>El script del DBA falta en esta compilación.</translation>
    </message>
    <message>
        <source>The DBA step must run as a PostgreSQL superuser (for example --user postgres).</source>
        <translation>El paso del DBA debe ejecutarse como superusuario de PostgreSQL (por ejemplo --user postgres).</translation>
    </message>
    <message>
        <source>Only an admin may manage staff.</source>
        <translation>Solo un administrador puede gestionar el personal.</translation>
    </message>
    <message>
        <source>The database refused the change: %1.</source>
        <translation>La base de datos rechazó el cambio: %1.</translation>
    </message>
    <message>
        <source>Could not prepare the password.</source>
        <translation>No se pudo preparar la contraseña.</translation>
    </message>
    <message>
        <source>%1 is required (with %2).</source>
        <translation>%1 es obligatorio (junto con %2).</translation>
    </message>
    <message>
        <source>unknown command %1; run "okla --help" for the list.</source>
        <translation>comando desconocido %1; ejecute «okla --help» para ver la lista.</translation>
    </message>
    <message>
        <source>%1 seems to contain a card number. Card numbers are never stored: remove it (at most the last 4 digits may be written).</source>
        <translation>%1 parece contener un número de tarjeta. Los números de tarjeta nunca se guardan: quítelo (como máximo pueden escribirse los últimos 4 dígitos).</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Refused: %1.</source>
        <translation>Rechazado: %1.</translation>
    </message>
    <message>
        <source>Service login %1 is ready, with the password of %2.</source>
        <translation>El usuario de servicio %1 está listo, con la contraseña de %2.</translation>
    </message>
    <message>
        <source>Service login %1 is ready, without a password (no %2 credential): the server must trust it some other way.</source>
        <translation>El usuario de servicio %1 está listo, sin contraseña (no hay credencial %2): el servidor debe confiar en él de otra forma.</translation>
    </message>
    <message>
        <source>The service login %1 was not made: %2.</source>
        <translation>No se creó el usuario de servicio %1: %2.</translation>
    </message>
    <message>
        <source>This idempotency key was already used for another request: %1.</source>
        <translation>Esta clave de idempotencia ya se usó para otra solicitud: %1.</translation>
    </message>
    <message>
        <source>The database refused the request: %1.</source>
        <translation>La base de datos rechazó la solicitud: %1.</translation>
    </message>
    <message>
        <source>There is no worker request #%1.</source>
        <translation>No existe la solicitud al worker n.º %1.</translation>
    </message>
    <message>
        <source>Workers:</source>
        <translation>Workers:</translation>
    </message>
    <message>
        <source>none has recorded a heartbeat</source>
        <translation>ninguno ha registrado un latido</translation>
    </message>
    <message>
        <source>heartbeat %1 s ago, version %2, %3 of %4 busy</source>
        <translation>latido hace %1 s, versión %2, %3 de %4 ocupados</translation>
    </message>
    <message>
        <source>Requests:</source>
        <translation>Solicitudes:</translation>
    </message>
    <message>
        <source>none</source>
        <translation>ninguna</translation>
    </message>
    <message>
        <source>Refund %1 was not executed: %2</source>
        <translation>El reembolso %1 no se ejecutó: %2</translation>
    </message>
    <message>
        <source>Unfinished %1 operation %2 not completed: %3</source>
        <translation>La operación %1 pendiente %2 no se completó: %3</translation>
    </message>
    <message>
        <source>A payment search needs a first and a last day, in order.</source>
        <translation>Una búsqueda de pagos necesita un primer y un último día, en orden.</translation>
    </message>
</context>
<context>
    <name>okla.status</name>
    <message>
        <source>Pending</source>
        <comment>dealer verification</comment>
        <translation>Pendiente</translation>
    </message>
    <message>
        <source>Under review</source>
        <comment>dealer verification</comment>
        <translation>En revisión</translation>
    </message>
    <message>
        <source>Verified</source>
        <comment>dealer verification</comment>
        <translation>Verificado</translation>
    </message>
    <message>
        <source>Rejected</source>
        <comment>dealer verification</comment>
        <translation>Rechazado</translation>
    </message>
    <message>
        <source>Suspended</source>
        <comment>dealer verification</comment>
        <translation>Suspendido</translation>
    </message>
    <message>
        <source>Independent</source>
        <comment>dealer type</comment>
        <translation>Independiente</translation>
    </message>
    <message>
        <source>Franchise</source>
        <comment>dealer type</comment>
        <translation>Franquicia</translation>
    </message>
    <message>
        <source>Multi-location</source>
        <comment>dealer type</comment>
        <translation>Varias sucursales</translation>
    </message>
    <message>
        <source>Online only</source>
        <comment>dealer type</comment>
        <translation>Solo en línea</translation>
    </message>
    <message>
        <source>Wholesale</source>
        <comment>dealer type</comment>
        <translation>Mayorista</translation>
    </message>
    <message>
        <source>Trial</source>
        <comment>subscription</comment>
        <translation>Prueba</translation>
    </message>
    <message>
        <source>Active</source>
        <comment>subscription</comment>
        <translation>Activa</translation>
    </message>
    <message>
        <source>Past due</source>
        <comment>subscription</comment>
        <translation>Vencida</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <comment>subscription</comment>
        <translation>Cancelada</translation>
    </message>
    <message>
        <source>Suspended</source>
        <comment>subscription</comment>
        <translation>Suspendida</translation>
    </message>
    <message>
        <source>Expired</source>
        <comment>subscription</comment>
        <translation>Expirada</translation>
    </message>
    <message>
        <source>Upgrade</source>
        <comment>plan change</comment>
        <translation>Mejora de plan</translation>
    </message>
    <message>
        <source>Downgrade</source>
        <comment>plan change</comment>
        <translation>Bajada de plan</translation>
    </message>
    <message>
        <source>Cancel</source>
        <comment>plan change</comment>
        <translation>Cancelación</translation>
    </message>
    <message>
        <source>Reactivate</source>
        <comment>plan change</comment>
        <translation>Reactivación</translation>
    </message>
    <message>
        <source>Trial to active</source>
        <comment>plan change</comment>
        <translation>De prueba a activa</translation>
    </message>
    <message>
        <source>Too expensive</source>
        <comment>cancellation reason</comment>
        <translation>Muy caro</translation>
    </message>
    <message>
        <source>Not enough value</source>
        <comment>cancellation reason</comment>
        <translation>No aporta suficiente valor</translation>
    </message>
    <message>
        <source>Switched to a competitor</source>
        <comment>cancellation reason</comment>
        <translation>Se fue a la competencia</translation>
    </message>
    <message>
        <source>Technical issues</source>
        <comment>cancellation reason</comment>
        <translation>Problemas técnicos</translation>
    </message>
    <message>
        <source>Business closed</source>
        <comment>cancellation reason</comment>
        <translation>Cerró el negocio</translation>
    </message>
    <message>
        <source>Not using it enough</source>
        <comment>cancellation reason</comment>
        <translation>No lo usa lo suficiente</translation>
    </message>
    <message>
        <source>Seasonal pause</source>
        <comment>cancellation reason</comment>
        <translation>Pausa de temporada</translation>
    </message>
    <message>
        <source>Poor support</source>
        <comment>cancellation reason</comment>
        <translation>Soporte deficiente</translation>
    </message>
    <message>
        <source>Missing features</source>
        <comment>cancellation reason</comment>
        <translation>Faltan funciones</translation>
    </message>
    <message>
        <source>Other</source>
        <comment>cancellation reason</comment>
        <translation>Otro</translation>
    </message>
    <message>
        <source>Pending</source>
        <comment>payment</comment>
        <translation>Pendiente</translation>
    </message>
    <message>
        <source>Processing</source>
        <comment>payment</comment>
        <translation>Procesando</translation>
    </message>
    <message>
        <source>Succeeded</source>
        <comment>payment</comment>
        <translation>Exitoso</translation>
    </message>
    <message>
        <source>Failed</source>
        <comment>payment</comment>
        <translation>Fallido</translation>
    </message>
    <message>
        <source>Refunded</source>
        <comment>payment</comment>
        <translation>Reembolsado</translation>
    </message>
    <message>
        <source>Partially refunded</source>
        <comment>payment</comment>
        <translation>Reembolsado en parte</translation>
    </message>
    <message>
        <source>Disputed</source>
        <comment>payment</comment>
        <translation>En disputa</translation>
    </message>
    <message>
        <source>Draft</source>
        <comment>invoice</comment>
        <translation>Borrador</translation>
    </message>
    <message>
        <source>Issued</source>
        <comment>invoice</comment>
        <translation>Emitida</translation>
    </message>
    <message>
        <source>Sent</source>
        <comment>invoice</comment>
        <translation>Enviada</translation>
    </message>
    <message>
        <source>Paid</source>
        <comment>invoice</comment>
        <translation>Pagada</translation>
    </message>
    <message>
        <source>Partially paid</source>
        <comment>invoice</comment>
        <translation>Pagada en parte</translation>
    </message>
    <message>
        <source>Overdue</source>
        <comment>invoice</comment>
        <translation>Vencida</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <comment>invoice</comment>
        <translation>Cancelada</translation>
    </message>
    <message>
        <source>Voided</source>
        <comment>invoice</comment>
        <translation>Anulada</translation>
    </message>
    <message>
        <source>Requested</source>
        <comment>refund</comment>
        <translation>Solicitado</translation>
    </message>
    <message>
        <source>Awaiting approval</source>
        <comment>refund</comment>
        <translation>Esperando aprobación</translation>
    </message>
    <message>
        <source>Approved</source>
        <comment>refund</comment>
        <translation>Aprobado</translation>
    </message>
    <message>
        <source>Submitting</source>
        <comment>refund</comment>
        <translation>Enviando</translation>
    </message>
    <message>
        <source>Succeeded</source>
        <comment>refund</comment>
        <translation>Exitoso</translation>
    </message>
    <message>
        <source>Failed</source>
        <comment>refund</comment>
        <translation>Fallido</translation>
    </message>
    <message>
        <source>Unknown</source>
        <comment>refund</comment>
        <translation>Desconocido</translation>
    </message>
    <message>
        <source>Reconciled</source>
        <comment>refund</comment>
        <translation>Conciliado</translation>
    </message>
    <message>
        <source>Rejected</source>
        <comment>refund</comment>
        <translation>Rechazado</translation>
    </message>
    <message>
        <source>Submitting</source>
        <comment>provider request</comment>
        <translation>Enviando</translation>
    </message>
    <message>
        <source>Succeeded</source>
        <comment>provider request</comment>
        <translation>Exitosa</translation>
    </message>
    <message>
        <source>Failed</source>
        <comment>provider request</comment>
        <translation>Fallida</translation>
    </message>
    <message>
        <source>Unknown</source>
        <comment>provider request</comment>
        <translation>Desconocida</translation>
    </message>
    <message>
        <source>Reconciled</source>
        <comment>provider request</comment>
        <translation>Conciliada</translation>
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
        <translation>Mensual</translation>
    </message>
    <message>
        <source>Quarterly</source>
        <comment>billing cycle</comment>
        <translation>Trimestral</translation>
    </message>
    <message>
        <source>Yearly</source>
        <comment>billing cycle</comment>
        <translation>Anual</translation>
    </message>
    <message>
        <source>Payment without record</source>
        <comment>reconciliation discrepancy</comment>
        <translation>Pago sin registro</translation>
    </message>
    <message>
        <source>Subscription without payment</source>
        <comment>reconciliation discrepancy</comment>
        <translation>Suscripción sin pago</translation>
    </message>
    <message>
        <source>Amount mismatch</source>
        <comment>reconciliation discrepancy</comment>
        <translation>Monto distinto</translation>
    </message>
    <message>
        <source>Orphaned Stripe customer</source>
        <comment>reconciliation discrepancy</comment>
        <translation>Cliente de Stripe huérfano</translation>
    </message>
    <message>
        <source>Status mismatch</source>
        <comment>reconciliation discrepancy</comment>
        <translation>Estado distinto</translation>
    </message>
    <message>
        <source>Payment status mismatch</source>
        <comment>reconciliation discrepancy</comment>
        <translation>Estado de pago distinto</translation>
    </message>
    <message>
        <source>Stripe subscription without record</source>
        <comment>reconciliation discrepancy</comment>
        <translation>Suscripción de Stripe sin registro</translation>
    </message>
</context>
<context>
    <name>okla.worker</name>
    <message>
        <source>refusing to start:</source>
        <translation>se niega a arrancar:</translation>
    </message>
    <message>
        <source>%1 needs a value; usage: %2</source>
        <translation>%1 necesita un valor; uso: %2</translation>
    </message>
    <message>
        <source>%1 is too long.</source>
        <translation>%1 es demasiado largo.</translation>
    </message>
    <message>
        <source>--concurrency is at most %1.</source>
        <translation>--concurrency es como máximo %1.</translation>
    </message>
    <message>
        <source>--http-port takes a port from 0 to 65535 (0: any free port), not %1.</source>
        <translation>--http-port acepta un puerto de 0 a 65535 (0: cualquiera libre), no %1.</translation>
    </message>
    <message>
        <source>unknown option %1; usage: %2</source>
        <translation>opción desconocida %1; uso: %2</translation>
    </message>
    <message>
        <source>The billing day "%1" is not a date (YYYY-MM-DD).</source>
        <translation>El día de facturación «%1» no es una fecha (AAAA-MM-DD).</translation>
    </message>
    <message>
        <source>A cancel_at_period_end request needs a positive whole subscription_id.</source>
        <translation>Una solicitud cancel_at_period_end necesita un subscription_id entero positivo.</translation>
    </message>
    <message>
        <source>The cancellation reason must be one of: %1.</source>
        <translation>El motivo de cancelación debe ser uno de: %1.</translation>
    </message>
    <message>
        <source>Subscription %1 does not exist.</source>
        <translation>La suscripción %1 no existe.</translation>
    </message>
    <message>
        <source>Subscription %1 has already ended (%2).</source>
        <translation>La suscripción %1 ya terminó (%2).</translation>
    </message>
    <message>
        <source>The handler stopped with an exception: %1</source>
        <translation>El manejador se detuvo con una excepción: %1</translation>
    </message>
    <message>
        <source>This worker has no handler for requests of kind "%1" (it handles: %2).</source>
        <translation>Este worker no atiende solicitudes del tipo «%1» (atiende: %2).</translation>
    </message>
    <message>
        <source>request %1 (%2) failed: %3</source>
        <translation>la solicitud %1 (%2) falló: %3</translation>
    </message>
    <message>
        <source>heartbeat failed:</source>
        <translation>falló el latido:</translation>
    </message>
    <message>
        <source>gave back %1 requests of workers without a heartbeat</source>
        <translation>devolvió %1 solicitudes de workers sin latido</translation>
    </message>
    <message>
        <source>gave back %1 claimed requests</source>
        <translation>devolvió %1 solicitudes tomadas</translation>
    </message>
    <message>
        <source>worker %1 started (version %2, concurrency %3, queue %4); handles: %5</source>
        <translation>worker %1 iniciado (versión %2, concurrencia %3, cola %4); atiende: %5</translation>
    </message>
    <message>
        <source>could not look for requests:</source>
        <translation>no pudo buscar solicitudes:</translation>
    </message>
    <message>
        <source>executor %1 stopped claiming:</source>
        <translation>el ejecutor %1 dejó de tomar solicitudes:</translation>
    </message>
    <message>
        <source>--once: no request is pending any more</source>
        <translation>--once: ya no queda ninguna solicitud pendiente</translation>
    </message>
    <message>
        <source>could not mark the worker stopped:</source>
        <translation>no pudo marcar el worker como detenido:</translation>
    </message>
    <message>
        <source>worker %1 stopped</source>
        <translation>worker %1 detenido</translation>
    </message>
    <message>
        <source>stopping: no new claims; %1 requests in flight finish first</source>
        <translation>deteniendo: no toma más solicitudes; primero terminan %1 en curso</translation>
    </message>
    <message>
        <source>SIGHUP: the profile could not be read again; keeping the old one:</source>
        <translation>SIGHUP: no se pudo volver a leer el perfil; se mantiene el anterior:</translation>
    </message>
    <message>
        <source>SIGHUP: the reloaded profile does not connect; keeping the old one:</source>
        <translation>SIGHUP: el perfil recargado no conecta; se mantiene el anterior:</translation>
    </message>
    <message>
        <source>SIGHUP: profile "%1" reloaded; new connections use it</source>
        <translation>SIGHUP: perfil «%1» recargado; las conexiones nuevas lo usan</translation>
    </message>
    <message>
        <source>The worker login is not a member of okla_worker; make it with "okla dba apply --worker-login NAME".</source>
        <translation>El usuario del worker no es miembro de okla_worker; créelo con «okla dba apply --worker-login NOMBRE».</translation>
    </message>
    <message>
        <source>Connection profile "%1" names no worker login; add "login=NAME" under [worker].</source>
        <translation>El perfil de conexión «%1» no indica usuario del worker; añada «login=NOMBRE» bajo [worker].</translation>
    </message>
    <message>
        <source>%1 could not be read for reconciliation: %2</source>
        <translation>No se pudo leer %1 para la conciliación: %2</translation>
    </message>
    <message>
        <source>nothing was sent (%1)</source>
        <translation>no se envió nada (%1)</translation>
    </message>
    <message>
        <source>Reconciliation needs a valid day.</source>
        <translation>La conciliación necesita un día válido.</translation>
    </message>
    <message>
        <source>A %1 request needs a positive whole %2.</source>
        <translation>Una solicitud %1 necesita un %2 entero positivo.</translation>
    </message>
    <message>
        <source>Dealer %1 does not exist.</source>
        <translation>El dealer %1 no existe.</translation>
    </message>
    <message>
        <source>Invoice %1 does not exist.</source>
        <translation>La factura %1 no existe.</translation>
    </message>
    <message>
        <source>Invoice %1 is %2, not paid: it has no receipt to send.</source>
        <translation>La factura %1 está %2, no pagada: no tiene recibo que enviar.</translation>
    </message>
    <message>
        <source>Dealer %1 has no subscription in force: there is no card to update.</source>
        <translation>El dealer %1 no tiene una suscripción vigente: no hay tarjeta que actualizar.</translation>
    </message>
    <message>
        <source>Subscription %1 is %2: its overdue invoice must be paid before its plan changes.</source>
        <translation>La suscripción %1 está %2: su factura vencida debe pagarse antes de cambiar el plan.</translation>
    </message>
    <message>
        <source>Subscription %1 is cancelled at the end of its period: it has no next period to change.</source>
        <translation>La suscripción %1 se cancela al final de su período: no tiene un próximo período que cambiar.</translation>
    </message>
    <message>
        <source>There is no plan "%1"; the plans are: %2.</source>
        <translation>No existe el plan "%1"; los planes son: %2.</translation>
    </message>
    <message>
        <source>Plan %1 has no price in %2 today.</source>
        <translation>El plan %1 no tiene precio en %2 hoy.</translation>
    </message>
    <message>
        <source>A change_plan request needs a plan_key, a billing_cycle or both.</source>
        <translation>Una solicitud change_plan necesita un plan_key, un billing_cycle o ambos.</translation>
    </message>
    <message>
        <source>The billing cycle must be one of: %1.</source>
        <translation>El ciclo de facturación debe ser uno de: %1.</translation>
    </message>
    <message>
        <source>Subscription %1 is already on plan %2, billed %3: there is nothing to change.</source>
        <translation>La suscripción %1 ya está en el plan %2, facturado %3: no hay nada que cambiar.</translation>
    </message>
    <message>
        <source>Request %1 is no longer this worker's; nothing was charged.</source>
        <translation>La solicitud %1 ya no es de este worker; no se cobró nada.</translation>
    </message>
    <message>
        <source>Subscription %1 has no overdue or open invoice: there is nothing to charge.</source>
        <translation>La suscripción %1 no tiene factura vencida ni abierta: no hay nada que cobrar.</translation>
    </message>
    <message>
        <source>Invoice %1 has a charge still running or whose outcome is unknown; it is not charged again until reconciliation settles that one.</source>
        <translation>La factura %1 tiene un cobro aún en curso o de resultado desconocido; no se cobra de nuevo hasta que la conciliación resuelva ese.</translation>
    </message>
    <message>
        <source>Invoice %1 was not paid: the card can never pay again (%2). The dealer was asked to update it.</source>
        <translation>La factura %1 no se pagó: la tarjeta no podrá pagar nunca más (%2). Se pidió al dealer que la actualice.</translation>
    </message>
    <message>
        <source>Invoice %1 was not paid: the charge was declined (%2, %3). The dealer was told and dunning goes on.</source>
        <translation>La factura %1 no se pagó: el cobro fue rechazado (%2, %3). Se avisó al dealer y el proceso de cobro continúa.</translation>
    </message>
    <message>
        <source>The outcome of the charge of invoice %1 is not known yet; reconciliation settles it. Do not retry before then.</source>
        <translation>El resultado del cobro de la factura %1 aún no se conoce; la conciliación lo resolverá. No reintente antes.</translation>
    </message>
    <message>
        <source>Invoice %1 was not charged: it is no longer open, or another charge of it is under way.</source>
        <translation>La factura %1 no se cobró: ya no está abierta o hay otro cobro suyo en curso.</translation>
    </message>
    <message>
        <source>The reconciliation day "%1" is not a date (YYYY-MM-DD).</source>
        <translation>El día de conciliación "%1" no es una fecha (AAAA-MM-DD).</translation>
    </message>
    <message>
        <source>no Stripe webhooks on this worker:</source>
        <translation>este worker no recibe webhooks de Stripe:</translation>
    </message>
    <message>
        <source>The credential "%1" is empty.</source>
        <translation>La credencial "%1" está vacía.</translation>
    </message>
    <message>
        <source>This billing slice cannot run: %1</source>
        <translation>Esta porción de la facturación no puede ejecutarse: %1</translation>
    </message>
    <message>
        <source>The worker is stopping; the billing run goes back to the queue.</source>
        <translation>El worker se está deteniendo; la facturación vuelve a la cola.</translation>
    </message>
    <message>
        <source>%1 of %2 slices of the billing run failed; the first said: %3</source>
        <translation>Fallaron %1 de %2 porciones de la facturación; la primera dijo: %3</translation>
    </message>
    <message>
        <source>its date is not YYYY-MM-DD.</source>
        <translation>su fecha no es AAAA-MM-DD.</translation>
    </message>
    <message>
        <source>its index and count do not name a slice.</source>
        <translation>su índice y su total no nombran una porción.</translation>
    </message>
    <message>
        <source>%1 failed:</source>
        <translation>%1 falló:</translation>
    </message>
    <message>
        <source>refunds and unfinished charges wait: the providers are not configured:</source>
        <translation>los reembolsos y los cobros inconclusos esperan: los proveedores no están configurados:</translation>
    </message>
</context>
<context>
    <name>okla::services::ChargeExecutor</name>
    <message>
        <source>Invoice %1 does not exist.</source>
        <translation>La factura %1 no existe.</translation>
    </message>
    <message>
        <source>The dealer has no stored payment method for %1.</source>
        <translation>El dealer no tiene un medio de pago guardado para %1.</translation>
    </message>
    <message>
        <source>The charge of invoice %1, attempt %2, is missing.</source>
        <translation>Falta el cobro de la factura %1, intento %2.</translation>
    </message>
</context>
<context>
    <name>okla::services::CredentialStore</name>
    <message>
        <source>No credentials directory is configured (set OKLA_CREDENTIALS_DIR or the profile's credentials folder).</source>
        <translation>No hay una carpeta de credenciales configurada (defina OKLA_CREDENTIALS_DIR o la carpeta de credenciales del perfil).</translation>
    </message>
    <message>
        <source>The credentials directory does not exist.</source>
        <translation>La carpeta de credenciales no existe.</translation>
    </message>
    <message>
        <source>The credentials path is not a directory.</source>
        <translation>La ruta de credenciales no es una carpeta.</translation>
    </message>
    <message>
        <source>The credentials directory is open to other users; run chmod 700 on it.</source>
        <translation>La carpeta de credenciales está abierta a otros usuarios; ejecute chmod 700 sobre ella.</translation>
    </message>
    <message>
        <source>Unknown credential name.</source>
        <translation>Nombre de credencial desconocido.</translation>
    </message>
    <message>
        <source>A required credential file is missing.</source>
        <translation>Falta un archivo de credenciales obligatorio.</translation>
    </message>
    <message>
        <source>A credential is not a regular file (symbolic links are refused).</source>
        <translation>Una credencial no es un archivo normal (se rechazan los enlaces simbólicos).</translation>
    </message>
    <message>
        <source>A credential file is readable or writable by other users; run chmod 600 on it.</source>
        <translation>Otros usuarios pueden leer o escribir un archivo de credenciales; ejecute chmod 600 sobre él.</translation>
    </message>
    <message>
        <source>A credential file cannot be read.</source>
        <translation>No se puede leer un archivo de credenciales.</translation>
    </message>
    <message>
        <source>A credential file is empty.</source>
        <translation>Un archivo de credenciales está vacío.</translation>
    </message>
</context>
<context>
    <name>okla::services::IdempotencyPhases</name>
    <message>
        <source>The idempotency key vanished while it was claimed.</source>
        <translation>La clave de idempotencia desapareció mientras estaba tomada.</translation>
    </message>
    <message>
        <source>This idempotency key was already used for another operation; make a new key.</source>
        <translation>Esta clave de idempotencia ya se usó para otra operación; genere una clave nueva.</translation>
    </message>
    <message>
        <source>This run lost its lease on the operation (another worker took it over); it stops here.</source>
        <translation>Esta ejecución perdió su reserva de la operación (otro worker la tomó); se detiene aquí.</translation>
    </message>
    <message>
        <source>This operation is already running in another worker; it will be finished there.</source>
        <translation>Esta operación ya se está ejecutando en otro worker; se terminará allí.</translation>
    </message>
</context>
<context>
    <name>okla::services::RefundExecutor</name>
    <message>
        <source>Refund %1 does not exist.</source>
        <translation>El reembolso %1 no existe.</translation>
    </message>
    <message>
        <source>The provider that captured this payment (%1) is not configured.</source>
        <translation>El proveedor que capturó este pago (%1) no está configurado.</translation>
    </message>
</context>
<context>
    <name>okla::services::Session</name>
    <message>
        <source>Finance</source>
        <translation>Finanzas</translation>
    </message>
    <message>
        <source>Manager</source>
        <translation>Gerencia</translation>
    </message>
    <message>
        <source>Support</source>
        <translation>Soporte</translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation>Administración</translation>
    </message>
    <message>
        <source>no staff role</source>
        <translation>sin rol de personal</translation>
    </message>
    <message>
        <source>Wrong password for user "%1".</source>
        <translation>Contraseña incorrecta para el usuario «%1».</translation>
    </message>
    <message>
        <source>The server asks for a password for user "%1".</source>
        <translation>El servidor pide una contraseña para el usuario «%1».</translation>
    </message>
    <message>
        <source>There is no database user named "%1".</source>
        <translation>No existe un usuario de base de datos llamado «%1».</translation>
    </message>
    <message>
        <source>The database "%1" does not exist on %2.</source>
        <translation>La base de datos «%1» no existe en %2.</translation>
    </message>
    <message>
        <source>The server does not allow user "%1" to sign in from here.</source>
        <translation>El servidor no permite que el usuario «%1» inicie sesión desde aquí.</translation>
    </message>
    <message>
        <source>The database server at %1 did not answer in time.</source>
        <translation>El servidor de base de datos en %1 no respondió a tiempo.</translation>
    </message>
    <message>
        <source>The database server at %1 is not running or cannot be reached.</source>
        <translation>El servidor de base de datos en %1 no está en marcha o no se puede alcanzar.</translation>
    </message>
    <message>
        <source>The database server's certificate could not be verified.</source>
        <translation>No se pudo verificar el certificado del servidor de base de datos.</translation>
    </message>
    <message>
        <source>The database server has no free connections; try again in a moment.</source>
        <translation>El servidor de base de datos no tiene conexiones libres; intente de nuevo en un momento.</translation>
    </message>
    <message>
        <source>Could not connect to the database server at %1.</source>
        <translation>No se pudo conectar al servidor de base de datos en %1.</translation>
    </message>
    <message>
        <source>Nobody is signed in.</source>
        <translation>No hay ninguna sesión iniciada.</translation>
    </message>
</context>
<context>
    <name>okla::services::azul</name>
    <message>
        <source>The AZUL client key is not a PEM RSA or EC private key.</source>
        <translation>La clave de cliente de AZUL no es una clave privada RSA o EC en formato PEM.</translation>
    </message>
</context>
<context>
    <name>okla::services::azul::AzulClient</name>
    <message>
        <source>A token sale needs a DataVault token.</source>
        <translation>Una venta con token necesita un token de DataVault.</translation>
    </message>
    <message>
        <source>AZUL is never called without its client certificate and key (mutual TLS).</source>
        <translation>Nunca se llama a AZUL sin su certificado de cliente y su clave (TLS mutuo).</translation>
    </message>
</context>
<context>
    <name>okla::services::azul::AzulConfig</name>
    <message>
        <source>The profile has no AZUL URL.</source>
        <translation>El perfil no tiene una URL de AZUL.</translation>
    </message>
    <message>
        <source>The AZUL CA file holds no certificate.</source>
        <translation>El archivo de CA de AZUL no contiene ningún certificado.</translation>
    </message>
    <message>
        <source>The AZUL client certificate is not PEM.</source>
        <translation>El certificado de cliente de AZUL no está en formato PEM.</translation>
    </message>
    <message>
        <source>AZUL needs its client certificate and key (azul-client.pem, azul-client.key) in the credentials folder; nothing is sent without them.</source>
        <translation>AZUL necesita su certificado de cliente y su clave (azul-client.pem, azul-client.key) en la carpeta de credenciales; sin ellos no se envía nada.</translation>
    </message>
</context>
<context>
    <name>okla::services::azul::AzulOutcome</name>
    <message>
        <source>AZUL could not be reached; nothing was sent.</source>
        <translation>No se pudo alcanzar AZUL; no se envió nada.</translation>
    </message>
    <message>
        <source>AZUL refused the secure connection (client certificate, CA or pin); nothing was processed and an administrator must fix the configuration.</source>
        <translation>AZUL rechazó la conexión segura (certificado de cliente, CA o pin); no se procesó nada y un administrador debe corregir la configuración.</translation>
    </message>
</context>
<context>
    <name>okla::services::azul::AzulPaymentFlow</name>
    <message>
        <source>AZUL did not process the payment after %1 verified attempts.</source>
        <translation>AZUL no procesó el pago después de %1 intentos verificados.</translation>
    </message>
    <message>
        <source>The AZUL request was cancelled while in flight.</source>
        <translation>La solicitud a AZUL se canceló mientras estaba en curso.</translation>
    </message>
    <message>
        <source>The attempt could not be stored; nothing was sent.</source>
        <translation>No se pudo guardar el intento; no se envió nada.</translation>
    </message>
    <message>
        <source>VerifyPayment was cancelled.</source>
        <translation>Se canceló VerifyPayment.</translation>
    </message>
    <message>
        <source>AZUL could not confirm whether the payment happened; it will be reconciled.</source>
        <translation>AZUL no pudo confirmar si el pago se hizo; se conciliará.</translation>
    </message>
</context>
<context>
    <name>okla::services::azul::AzulResult</name>
    <message>
        <source>AZUL declined the payment: %1</source>
        <translation>AZUL rechazó el pago: %1</translation>
    </message>
    <message>
        <source>The card requires 3-D Secure authentication in a browser.</source>
        <translation>La tarjeta requiere autenticación 3-D Secure en un navegador.</translation>
    </message>
    <message>
        <source>AZUL rejected OKLA's merchant configuration; an administrator must fix it.</source>
        <translation>AZUL rechazó la configuración de comercio de OKLA; un administrador debe corregirla.</translation>
    </message>
    <message>
        <source>AZUL rejected the request as malformed.</source>
        <translation>AZUL rechazó la solicitud por estar mal formada.</translation>
    </message>
    <message>
        <source>AZUL refused the operation: %1</source>
        <translation>AZUL rechazó la operación: %1</translation>
    </message>
    <message>
        <source>AZUL returned an error.</source>
        <translation>AZUL devolvió un error.</translation>
    </message>
    <message>
        <source>AZUL's answer was incomplete; the payment is being verified before anything is resent.</source>
        <translation>La respuesta de AZUL llegó incompleta; se está verificando el pago antes de reenviar nada.</translation>
    </message>
</context>
<context>
    <name>okla::services::http::TransportPolicy</name>
    <message>
        <source>The %1 URL uses plain HTTP, allowed only for the sandbox's simulators (providers/simulator = true in the profile).</source>
        <translation>La URL de %1 usa HTTP sin cifrar, permitido solo para los simuladores del sandbox (providers/simulator = true en el perfil).</translation>
    </message>
    <message>
        <source>The %1 URL must be https:// (plain HTTP would send the keys in clear).</source>
        <translation>La URL de %1 debe ser https:// (HTTP sin cifrar enviaría las claves en claro).</translation>
    </message>
</context>
<context>
    <name>okla::services::stripe::StripeClient</name>
    <message>
        <source>An idempotency key may have at most 255 characters.</source>
        <translation>Una clave de idempotencia puede tener como máximo 255 caracteres.</translation>
    </message>
    <message>
        <source>A Stripe object id is invalid.</source>
        <translation>Un id de objeto de Stripe no es válido.</translation>
    </message>
</context>
<context>
    <name>okla::services::stripe::StripeFormEncoder</name>
    <message>
        <source>Stripe accepts at most 50 metadata keys.</source>
        <translation>Stripe acepta como máximo 50 claves de metadatos.</translation>
    </message>
    <message>
        <source>A Stripe metadata key must have 1 to 40 characters and no brackets.</source>
        <translation>Una clave de metadatos de Stripe debe tener de 1 a 40 caracteres y ningún corchete.</translation>
    </message>
    <message>
        <source>A Stripe metadata value must have at most 500 characters.</source>
        <translation>Un valor de metadatos de Stripe debe tener como máximo 500 caracteres.</translation>
    </message>
    <message>
        <source>A Stripe amount must be greater than zero.</source>
        <translation>Un monto de Stripe debe ser mayor que cero.</translation>
    </message>
</context>
<context>
    <name>okla::services::stripe::StripeOutcome</name>
    <message>
        <source>Stripe could not be reached; nothing was sent.</source>
        <translation>No se pudo alcanzar Stripe; no se envió nada.</translation>
    </message>
    <message>
        <source>Stripe did not answer in time; the request may have been processed.</source>
        <translation>Stripe no respondió a tiempo; es posible que la solicitud se haya procesado.</translation>
    </message>
    <message>
        <source>Stripe's answer could not be understood.</source>
        <translation>No se pudo entender la respuesta de Stripe.</translation>
    </message>
    <message>
        <source>The card was declined.</source>
        <translation>La tarjeta fue rechazada.</translation>
    </message>
    <message>
        <source>Stripe refused a repeated request with different parameters.</source>
        <translation>Stripe rechazó una solicitud repetida con parámetros distintos.</translation>
    </message>
    <message>
        <source>Stripe rejected OKLA's API key; an administrator must fix it.</source>
        <translation>Stripe rechazó la clave de API de OKLA; un administrador debe corregirla.</translation>
    </message>
    <message>
        <source>OKLA's Stripe key is not allowed to do this.</source>
        <translation>La clave de Stripe de OKLA no tiene permiso para esto.</translation>
    </message>
    <message>
        <source>Stripe does not know this object.</source>
        <translation>Stripe no conoce este objeto.</translation>
    </message>
    <message>
        <source>Stripe is limiting OKLA's request rate.</source>
        <translation>Stripe está limitando la frecuencia de solicitudes de OKLA.</translation>
    </message>
    <message>
        <source>Stripe had an internal error.</source>
        <translation>Stripe tuvo un error interno.</translation>
    </message>
    <message>
        <source>Stripe refused the request.</source>
        <translation>Stripe rechazó la solicitud.</translation>
    </message>
    <message>
        <source>The Stripe secret key (stripe-secret-key) is empty; nothing is sent to Stripe without one.</source>
        <translation>La clave secreta de Stripe (stripe-secret-key) está vacía; sin ella no se envía nada a Stripe.</translation>
    </message>
    <message>
        <source>Stripe's secure connection was refused (CA or pin); nothing was processed and an administrator must fix the configuration.</source>
        <translation>Se rechazó la conexión segura con Stripe (CA o pin); no se procesó nada y un administrador debe corregir la configuración.</translation>
    </message>
</context>
<context>
    <name>okla::services::stripe::StripeWebhookVerifier</name>
    <message>
        <source>The webhook signature header has an invalid timestamp.</source>
        <translation>El encabezado de firma del webhook tiene una marca de tiempo no válida.</translation>
    </message>
    <message>
        <source>The webhook signature header has no timestamp.</source>
        <translation>El encabezado de firma del webhook no tiene marca de tiempo.</translation>
    </message>
    <message>
        <source>The webhook signature header has no v1 signature.</source>
        <translation>El encabezado de firma del webhook no tiene una firma v1.</translation>
    </message>
    <message>
        <source>No webhook signing secret is configured.</source>
        <translation>No hay un secreto de firma de webhooks configurado.</translation>
    </message>
    <message>
        <source>The webhook signature is too old.</source>
        <translation>La firma del webhook es demasiado antigua.</translation>
    </message>
    <message>
        <source>The webhook signature does not match.</source>
        <translation>La firma del webhook no coincide.</translation>
    </message>
</context>
<context>
    <name>okla::ui::AuditPage</name>
    <message>
        <source>The append-only audit log: who did what, when and with what result.</source>
        <translation>El registro de auditoría inalterable: quién hizo qué, cuándo y con qué resultado.</translation>
    </message>
    <message>
        <source>Every action with its before and after, failed sign-ins included</source>
        <translation>Cada acción con su antes y después, incluidos los inicios de sesión fallidos</translation>
    </message>
    <message>
        <source>Search by person, dealer, action and date</source>
        <translation>Búsqueda por persona, dealer, acción y fecha</translation>
    </message>
    <message>
        <source>Verification of the hash chain</source>
        <translation>Verificación de la cadena de hashes</translation>
    </message>
    <message>
        <source>It comes with the audit log work in a later issue.</source>
        <translation>Llega con el trabajo del registro de auditoría, en un issue posterior.</translation>
    </message>
    <message>
        <source>Audit</source>
        <translation>Auditoría</translation>
    </message>
</context>
<context>
    <name>okla::ui::BillingMonitor</name>
    <message>
        <source>Loading billing figures…</source>
        <translation>Cargando las cifras de facturación…</translation>
    </message>
    <message>
        <source>Run today's billing</source>
        <translation>Facturar hoy</translation>
    </message>
    <message>
        <source>Asks okla-worker to charge every subscription due today; charging the same day twice charges nothing twice</source>
        <translation>Pide a okla-worker cobrar cada suscripción que vence hoy; pedir el mismo día dos veces no cobra nada dos veces</translation>
    </message>
    <message>
        <source>Reconcile today</source>
        <translation>Conciliar hoy</translation>
    </message>
    <message>
        <source>Asks okla-worker to compare AZUL and Stripe with OKLA's records for today</source>
        <translation>Pide a okla-worker comparar AZUL y Stripe con los registros de OKLA de hoy</translation>
    </message>
    <message>
        <source>Today (%1): %2 subscriptions due · %3 in dunning · charges %4 succeeded, %5 failed · %6 not yet settled · %7 worker requests open</source>
        <translation>Hoy (%1): %2 suscripciones a cobrar · %3 en cobranza · cobros: %4 exitosos, %5 fallidos · %6 sin liquidar · %7 solicitudes abiertas</translation>
    </message>
    <message numerus="yes">
        <source>%n worker(s) running</source>
        <translation><numerusform>%n worker en marcha</numerusform><numerusform>%n workers en marcha</numerusform></translation>
    </message>
    <message>
        <source>No okla-worker is running: requests wait until one starts.</source>
        <translation>No hay ningún okla-worker en marcha: las solicitudes esperan a que arranque uno.</translation>
    </message>
    <message>
        <source>last billing run #%1: %2</source>
        <translation>última facturación n.º %1: %2</translation>
    </message>
    <message>
        <source>Could not ask the worker</source>
        <translation>No se pudo pedir al worker</translation>
    </message>
    <message>
        <source>waiting for a worker</source>
        <translation>esperando a un worker</translation>
    </message>
    <message>
        <source>running</source>
        <translation>en curso</translation>
    </message>
    <message>
        <source>done</source>
        <translation>terminada</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>fallida</translation>
    </message>
</context>
<context>
    <name>okla::ui::ChangePlanDialog</name>
    <message>
        <source>Change plan</source>
        <translation>Cambiar plan</translation>
    </message>
    <message>
        <source>%1 moves to the plan and cycle below from its next period. okla-worker carries the change out and records it in the subscription's history.</source>
        <translation>%1 pasa al plan y ciclo de abajo desde su próximo período. okla-worker hace el cambio y lo anota en el historial de la suscripción.</translation>
    </message>
    <message>
        <source>&amp;Plan</source>
        <translation>&amp;Plan</translation>
    </message>
    <message>
        <source>&amp;Cycle</source>
        <translation>&amp;Ciclo</translation>
    </message>
    <message>
        <source>Ask the worker</source>
        <translation>Pedir al worker</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
</context>
<context>
    <name>okla::ui::ConnectionStatusWidget</name>
    <message>
        <source>Connected as %1@%2 · %3</source>
        <translation>Conectado como %1@%2 · %3</translation>
    </message>
    <message>
        <source>Disconnected</source>
        <translation>Desconectado</translation>
    </message>
    <message>
        <source>Connection lost; reconnecting…</source>
        <translation>Conexión perdida; reconectando…</translation>
    </message>
</context>
<context>
    <name>okla::ui::DealerTableModel</name>
    <message>
        <source>%1
Legal name: %2
Verification: %3</source>
        <translation>%1
Razón social: %2
Verificación: %3</translation>
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
        <translation>Ciudad</translation>
    </message>
    <message>
        <source>Plan</source>
        <translation>Plan</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>MRR</source>
        <translation>MRR</translation>
    </message>
    <message>
        <source>Since</source>
        <translation>Desde</translation>
    </message>
</context>
<context>
    <name>okla::ui::DealersPage</name>
    <message>
        <source>Search by name, RNC/cédula, city or e-mail</source>
        <translation>Buscar por nombre, RNC/cédula, ciudad o correo</translation>
    </message>
    <message>
        <source>Loading dealers…</source>
        <translation>Cargando dealers…</translation>
    </message>
    <message>
        <source>There are no dealers yet.</source>
        <translation>Todavía no hay dealers.</translation>
    </message>
    <message>
        <source>No dealer matches "%1".</source>
        <translation>Ningún dealer coincide con «%1».</translation>
    </message>
    <message numerus="yes">
        <source>%n dealer(s) shown</source>
        <translation><numerusform>%n dealer mostrado</numerusform><numerusform>%n dealers mostrados</numerusform></translation>
    </message>
    <message>
        <source>Showing %1 of %2 dealers</source>
        <translation>Mostrando %1 de %2 dealers</translation>
    </message>
    <message>
        <source>loading…</source>
        <translation>cargando…</translation>
    </message>
    <message>
        <source>Dealers</source>
        <translation>Dealers</translation>
    </message>
    <message>
        <source>Could not load dealers</source>
        <translation>No se pudieron cargar los dealers</translation>
    </message>
</context>
<context>
    <name>okla::ui::DiscrepancyTableModel</name>
    <message>
        <source>payment #%1</source>
        <translation>pago n.º %1</translation>
    </message>
    <message>
        <source>subscription #%1</source>
        <translation>suscripción n.º %1</translation>
    </message>
    <message>
        <source>none in OKLA</source>
        <translation>ninguno en OKLA</translation>
    </message>
    <message>
        <source>Found</source>
        <translation>Encontrada</translation>
    </message>
    <message>
        <source>Provider</source>
        <translation>Proveedor</translation>
    </message>
    <message>
        <source>Finding</source>
        <translation>Hallazgo</translation>
    </message>
    <message>
        <source>Provider's id</source>
        <translation>Id del proveedor</translation>
    </message>
    <message>
        <source>OKLA record</source>
        <translation>Registro de OKLA</translation>
    </message>
    <message>
        <source>Expected</source>
        <translation>Esperado</translation>
    </message>
    <message>
        <source>At the provider</source>
        <translation>En el proveedor</translation>
    </message>
</context>
<context>
    <name>okla::ui::IdleLock</name>
    <message>
        <source>Session locked</source>
        <translation>Sesión bloqueada</translation>
    </message>
    <message>
        <source>The console was idle for too long. Its figures stay hidden until you sign in again.</source>
        <translation>La consola estuvo inactiva demasiado tiempo. Sus cifras quedan ocultas hasta que vuelva a identificarse.</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Contraseña</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>Desbloquear</translation>
    </message>
    <message>
        <source>Signed in as %1</source>
        <translation>Sesión de %1</translation>
    </message>
</context>
<context>
    <name>okla::ui::InfrastructurePage</name>
    <message>
        <source>Health of the services OKLA depends on.</source>
        <translation>Salud de los servicios de los que depende OKLA.</translation>
    </message>
    <message>
        <source>PostgreSQL, Redis, RabbitMQ and the object store: reachable or not, and latency</source>
        <translation>PostgreSQL, Redis, RabbitMQ y el almacenamiento de objetos: si responden y su latencia</translation>
    </message>
    <message>
        <source>AZUL, Stripe, e-mail and push: circuit breaker state and error rates</source>
        <translation>AZUL, Stripe, correo y notificaciones push: estado de los cortacircuitos y tasas de error</translation>
    </message>
    <message>
        <source>Provider costs against the budget of each quarter</source>
        <translation>Costos de proveedores frente al presupuesto de cada trimestre</translation>
    </message>
    <message>
        <source>It comes with the provider health and infrastructure work in a later issue.</source>
        <translation>Llega con el trabajo de salud de proveedores e infraestructura, en un issue posterior.</translation>
    </message>
    <message>
        <source>Infrastructure</source>
        <translation>Infraestructura</translation>
    </message>
</context>
<context>
    <name>okla::ui::InlineErrorWidget</name>
    <message>
        <source>Details</source>
        <translation>Detalles</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>Reintentar</translation>
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
        <translation>Cada cobro hecho con AZUL y Stripe, con búsqueda por dealer, fecha y estado.</translation>
    </message>
    <message>
        <source>Payments with provider ids, amount, ITBIS, fee, card brand and last 4 digits</source>
        <translation>Pagos con los ids del proveedor, monto, ITBIS, comisión, marca de la tarjeta y últimos 4 dígitos</translation>
    </message>
    <message>
        <source>Declines with their codes and the dunning retries</source>
        <translation>Rechazos con sus códigos y los reintentos de cobro</translation>
    </message>
    <message>
        <source>Resending a receipt (support) and exporting (finance)</source>
        <translation>Reenvío de recibos (soporte) y exportación (finanzas)</translation>
    </message>
    <message>
        <source>It comes with the payments work in a later issue.</source>
        <translation>Llega con el trabajo de pagos, en un issue posterior.</translation>
    </message>
    <message>
        <source>Payments</source>
        <translation>Pagos</translation>
    </message>
</context>
<context>
    <name>okla::ui::PlannedPage</name>
    <message>
        <source>Not built yet</source>
        <translation>Todavía no está construida</translation>
    </message>
    <message>
        <source>This page will show:</source>
        <translation>Esta página mostrará:</translation>
    </message>
</context>
<context>
    <name>okla::ui::ProviderStatusWidget</name>
    <message>
        <source>Provider health not read yet.</source>
        <translation>Todavía no se ha leído la salud de los proveedores.</translation>
    </message>
    <message>
        <source> (retry in %1 s)</source>
        <translation> (reintento en %1 s)</translation>
    </message>
    <message>
        <source>%1 calls, %2 failed in the last minute; p50 %3 ms, p95 %4 ms over %5 calls; %6 process(es)</source>
        <translation>%1 llamadas, %2 fallidas en el último minuto; p50 %3 ms, p95 %4 ms sobre %5 llamadas; %6 proceso(s)</translation>
    </message>
    <message>
        <source>Rate limit enforced locally: Redis was unreachable.</source>
        <translation>Límite de frecuencia aplicado localmente: Redis no respondía.</translation>
    </message>
    <message>
        <source>Rate limit was enforced locally for a while: %1</source>
        <translation>El límite de frecuencia se aplicó localmente durante un tiempo: %1</translation>
    </message>
    <message>
        <source>Provider health unavailable: %1</source>
        <translation>Salud de los proveedores no disponible: %1</translation>
    </message>
    <message>
        <source>No process has called %1 in the last 30 seconds.</source>
        <translation>Ningún proceso ha llamado a %1 en los últimos 30 segundos.</translation>
    </message>
</context>
<context>
    <name>okla::ui::RefundsPage</name>
    <message>
        <source>Refund requests, their approval by a second person and their settlement with the provider.</source>
        <translation>Solicitudes de reembolso, su aprobación por una segunda persona y su liquidación con el proveedor.</translation>
    </message>
    <message>
        <source>Requests waiting for approval, with the requester and the amount</source>
        <translation>Solicitudes que esperan aprobación, con quién las pidió y el monto</translation>
    </message>
    <message>
        <source>The state of each refund from request to reconciliation</source>
        <translation>El estado de cada reembolso, de la solicitud a la conciliación</translation>
    </message>
    <message>
        <source>The refund dialog, limited by role and by the approval limit</source>
        <translation>El diálogo de reembolso, limitado por rol y por el límite de aprobación</translation>
    </message>
    <message>
        <source>It comes with the refunds work in a later issue.</source>
        <translation>Llega con el trabajo de reembolsos, en un issue posterior.</translation>
    </message>
    <message>
        <source>Refunds</source>
        <translation>Reembolsos</translation>
    </message>
</context>
<context>
    <name>okla::ui::ScreenshotRunner</name>
    <message>
        <source>Cannot create the screenshot folder %1.</source>
        <translation>No se puede crear la carpeta de capturas %1.</translation>
    </message>
    <message>
        <source>Cannot write the screenshot %1.</source>
        <translation>No se puede escribir la captura %1.</translation>
    </message>
</context>
<context>
    <name>okla::ui::SettingsPage</name>
    <message>
        <source>Language and appearance</source>
        <translation>Idioma y apariencia</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Idioma</translation>
    </message>
    <message>
        <source>The new language is used the next time OKLA Admin starts.</source>
        <translation>El nuevo idioma se usa la próxima vez que se abra OKLA Admin.</translation>
    </message>
    <message>
        <source>Same as the system</source>
        <translation>Igual que el sistema</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Claro</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Oscuro</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>Tema</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>Conexión</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>Perfil</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>Servidor</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>Base de datos</translation>
    </message>
    <message>
        <source>Signed in as</source>
        <translation>Sesión iniciada como</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rol</translation>
    </message>
    <message>
        <source>PostgreSQL version</source>
        <translation>Versión de PostgreSQL</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Configuración</translation>
    </message>
</context>
<context>
    <name>okla::ui::SignInDialog</name>
    <message>
        <source>Sign in to OKLA Admin</source>
        <translation>Iniciar sesión en OKLA Admin</translation>
    </message>
    <message>
        <source>%1 (%2:%3, database %4)</source>
        <translation>%1 (%2:%3, base de datos %4)</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>Perfil</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Usuario</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Contraseña</translation>
    </message>
    <message>
        <source>Remember the password in this computer's keyring</source>
        <translation>Recordar la contraseña en el llavero de esta computadora</translation>
    </message>
    <message>
        <source>This profile signs in without a password (local sandbox).</source>
        <translation>Este perfil entra sin contraseña (sandbox local).</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Iniciar sesión</translation>
    </message>
    <message>
        <source>No keyring is available on this computer, so the password cannot be remembered.</source>
        <translation>No hay un llavero disponible en esta computadora, así que la contraseña no se puede recordar.</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Conectando…</translation>
    </message>
    <message>
        <source>Enter your user name.</source>
        <translation>Escriba su nombre de usuario.</translation>
    </message>
    <message>
        <source>Could not sign in</source>
        <translation>No se pudo iniciar sesión</translation>
    </message>
    <message>
        <source>Password not remembered</source>
        <translation>No se recordó la contraseña</translation>
    </message>
</context>
<context>
    <name>okla::ui::StaffSection</name>
    <message>
        <source>Staff</source>
        <translation>Personal</translation>
    </message>
    <message>
        <source>Only an admin can see and manage staff logins.</source>
        <translation>Solo un administrador puede ver y gestionar los usuarios del personal.</translation>
    </message>
    <message>
        <source>Each person signs in with their own login, in exactly one group. Changes take effect at once and are recorded in the audit log.</source>
        <translation>Cada persona entra con su propio usuario, en un solo grupo. Los cambios se aplican al instante y quedan en la bitácora de auditoría.</translation>
    </message>
    <message>
        <source>Login</source>
        <translation>Usuario</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rol</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Activo</translation>
    </message>
    <message>
        <source>Create…</source>
        <translation>Crear…</translation>
    </message>
    <message>
        <source>Change role…</source>
        <translation>Cambiar rol…</translation>
    </message>
    <message>
        <source>Deactivate…</source>
        <translation>Desactivar…</translation>
    </message>
    <message>
        <source>Could not load the staff</source>
        <translation>No se pudo cargar el personal</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Sí</translation>
    </message>
    <message>
        <source>No</source>
        <translation>No</translation>
    </message>
    <message>
        <source>Create a staff login</source>
        <translation>Crear un usuario del personal</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>Nombre completo</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>Correo electrónico</translation>
    </message>
    <message>
        <source>The person sets their password with the database administrator.</source>
        <translation>La persona define su contraseña con el administrador de la base de datos.</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>Crear</translation>
    </message>
    <message>
        <source>Could not create %1</source>
        <translation>No se pudo crear %1</translation>
    </message>
    <message>
        <source>%1 can now sign in as %2.</source>
        <translation>%1 ya puede entrar como %2.</translation>
    </message>
    <message>
        <source>Change role</source>
        <translation>Cambiar rol</translation>
    </message>
    <message>
        <source>New group for %1 (the old one is removed):</source>
        <translation>Nuevo grupo para %1 (se quita el anterior):</translation>
    </message>
    <message>
        <source>Could not change the role of %1</source>
        <translation>No se pudo cambiar el rol de %1</translation>
    </message>
    <message>
        <source>Deactivate %1</source>
        <translation>Desactivar %1</translation>
    </message>
    <message>
        <source>%1 will no longer be able to sign in and their open sessions end now. Deactivate?</source>
        <translation>%1 ya no podrá iniciar sesión y sus sesiones abiertas se cierran ahora. ¿Desactivar?</translation>
    </message>
    <message>
        <source>Could not deactivate %1</source>
        <translation>No se pudo desactivar %1</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Deactivate</source>
        <translation>Desactivar</translation>
    </message>
</context>
<context>
    <name>okla::ui::StoragePage</name>
    <message>
        <source>Object storage usage of the okla-media bucket.</source>
        <translation>Uso del almacenamiento de objetos del bucket okla-media.</translation>
    </message>
    <message>
        <source>Space and object counts by prefix (vehicles, users, dealers, temp)</source>
        <translation>Espacio y cantidad de objetos por prefijo (vehicles, users, dealers, temp)</translation>
    </message>
    <message>
        <source>Orphaned objects and image variants that are missing</source>
        <translation>Objetos huérfanos y variantes de imagen que faltan</translation>
    </message>
    <message>
        <source>Cost against the monthly budget</source>
        <translation>Costo frente al presupuesto mensual</translation>
    </message>
    <message>
        <source>It comes with the object storage work in a later issue.</source>
        <translation>Llega con el trabajo de almacenamiento de objetos, en un issue posterior.</translation>
    </message>
    <message>
        <source>Storage</source>
        <translation>Almacenamiento</translation>
    </message>
</context>
<context>
    <name>okla::ui::SubscriptionTableModel</name>
    <message numerus="yes">
        <source>Retrying (%n failed)</source>
        <translation><numerusform>Reintentando (%n fallido)</numerusform><numerusform>Reintentando (%n fallidos)</numerusform></translation>
    </message>
    <message>
        <source>Retries used up</source>
        <translation>Reintentos agotados</translation>
    </message>
    <message>
        <source>%1, ends %2</source>
        <translation>%1, termina %2</translation>
    </message>
    <message>
        <source>Monthly list price of the plan version, before discounts and ITBIS</source>
        <translation>Precio mensual de lista de la versión del plan, antes de descuentos e ITBIS</translation>
    </message>
    <message>
        <source>Overdue since %1</source>
        <translation>Vencida desde %1</translation>
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
        <translation>Ciclo</translation>
    </message>
    <message>
        <source>Provider</source>
        <translation>Proveedor</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Price / month</source>
        <translation>Precio / mes</translation>
    </message>
    <message>
        <source>Next charge</source>
        <translation>Próximo cobro</translation>
    </message>
    <message>
        <source>Dunning</source>
        <translation>Cobranza</translation>
    </message>
</context>
<context>
    <name>okla::ui::SubscriptionsPage</name>
    <message>
        <source>Subscriptions</source>
        <translation>Suscripciones</translation>
    </message>
    <message>
        <source>Reconciliation</source>
        <translation>Conciliación</translation>
    </message>
    <message>
        <source>Could not load the billing figures</source>
        <translation>No se pudieron cargar las cifras de facturación</translation>
    </message>
    <message>
        <source>Asked okla-worker: request #%1; the figures above follow it.</source>
        <translation>Pedido a okla-worker: solicitud n.º %1; las cifras de arriba la siguen.</translation>
    </message>
    <message>
        <source>Could not load subscriptions</source>
        <translation>No se pudieron cargar las suscripciones</translation>
    </message>
    <message>
        <source>Dealer name, RNC/cédula, or a subscription or dealer number</source>
        <translation>Nombre del dealer, RNC/cédula, o número de suscripción o de dealer</translation>
    </message>
    <message>
        <source>Any status</source>
        <translation>Cualquier estado</translation>
    </message>
    <message>
        <source>Any plan</source>
        <translation>Cualquier plan</translation>
    </message>
    <message>
        <source>Any provider</source>
        <translation>Cualquier proveedor</translation>
    </message>
    <message>
        <source>Any dunning stage</source>
        <translation>Cualquier etapa de cobranza</translation>
    </message>
    <message>
        <source>Not in dunning</source>
        <translation>Sin cobranza</translation>
    </message>
    <message>
        <source>Retrying</source>
        <translation>Reintentando</translation>
    </message>
    <message>
        <source>Retries used up</source>
        <translation>Reintentos agotados</translation>
    </message>
    <message>
        <source>&amp;Retry charge now</source>
        <translation>&amp;Reintentar cobro ahora</translation>
    </message>
    <message>
        <source>Finance: charge the overdue invoice now, outside the dunning days</source>
        <translation>Finanzas: cobrar ahora la factura vencida, fuera de los días de cobranza</translation>
    </message>
    <message>
        <source>Cancel at &amp;period end</source>
        <translation>Cancelar al final del &amp;período</translation>
    </message>
    <message>
        <source>Finance and managers: the subscription ends when its paid period ends</source>
        <translation>Finanzas y gerencia: la suscripción termina cuando acaba su período pagado</translation>
    </message>
    <message>
        <source>C&amp;hange plan…</source>
        <translation>Cam&amp;biar plan…</translation>
    </message>
    <message>
        <source>Finance and managers: another plan or billing cycle from the next period</source>
        <translation>Finanzas y gerencia: otro plan o ciclo de facturación desde el próximo período</translation>
    </message>
    <message>
        <source>Reconciliation findings are for finance, managers and admins; your role does not see them. Ask finance about a payment that does not match.</source>
        <translation>Los hallazgos de la conciliación son para finanzas, gerencia y administración; su rol no los ve. Consulte a finanzas por un pago que no cuadre.</translation>
    </message>
    <message>
        <source>No open discrepancy: AZUL, Stripe and OKLA agree as of the last reconciliation.</source>
        <translation>Ninguna discrepancia abierta: AZUL, Stripe y OKLA coinciden según la última conciliación.</translation>
    </message>
    <message numerus="yes">
        <source>%n open discrepancy(ies), newest first. Each stays open until someone resolves it with a note.</source>
        <translation><numerusform>%n discrepancia abierta, la más reciente primero. Sigue abierta hasta que alguien la resuelva con una nota.</numerusform><numerusform>%n discrepancias abiertas, las más recientes primero. Cada una sigue abierta hasta que alguien la resuelva con una nota.</numerusform></translation>
    </message>
    <message>
        <source>Loading subscriptions…</source>
        <translation>Cargando suscripciones…</translation>
    </message>
    <message>
        <source>No subscription matches these filters.</source>
        <translation>Ninguna suscripción cumple estos filtros.</translation>
    </message>
    <message numerus="yes">
        <source>%n subscription(s) shown</source>
        <translation><numerusform>%n suscripción mostrada</numerusform><numerusform>%n suscripciones mostradas</numerusform></translation>
    </message>
    <message>
        <source>Showing %1 of %2 subscriptions</source>
        <translation>Mostrando %1 de %2 suscripciones</translation>
    </message>
    <message>
        <source>Could not ask the worker</source>
        <translation>No se pudo pedir al worker</translation>
    </message>
    <message>
        <source>%1: request #%2 asked; okla-worker carries it out and the table follows.</source>
        <translation>%1: solicitud n.º %2 pedida; okla-worker la ejecuta y la tabla la sigue.</translation>
    </message>
    <message>
        <source>Retry charge now</source>
        <translation>Reintentar cobro ahora</translation>
    </message>
    <message>
        <source>Charge the overdue invoice of %1 now, outside the dunning days?</source>
        <translation>¿Cobrar ahora la factura vencida de %1, fuera de los días de cobranza?</translation>
    </message>
    <message>
        <source>Retry charge</source>
        <translation>Reintentar cobro</translation>
    </message>
    <message>
        <source>Cancel at period end</source>
        <translation>Cancelar al final del período</translation>
    </message>
    <message>
        <source>%1 keeps its plan until its paid period ends, then the subscription is cancelled. Continue?</source>
        <translation>%1 conserva su plan hasta que termine su período pagado; después la suscripción se cancela. ¿Continuar?</translation>
    </message>
    <message>
        <source>Change plan</source>
        <translation>Cambiar plan</translation>
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
        <translation>vs. anterior: %1</translation>
    </message>
    <message>
        <source>no target</source>
        <translation>sin meta</translation>
    </message>
    <message>
        <source>target %1</source>
        <translation>meta %1</translation>
    </message>
    <message>
        <source>MRR</source>
        <translation>Ingreso recurrente mensual</translation>
    </message>
    <message>
        <source>stale FX rate</source>
        <translation>tasa de cambio desactualizada</translation>
    </message>
    <message>
        <source>List-price MRR</source>
        <translation>MRR a precio de lista</translation>
    </message>
    <message>
        <source>Discounts</source>
        <translation>Descuentos</translation>
    </message>
    <message>
        <source>Net new MRR</source>
        <translation>MRR neto nuevo</translation>
    </message>
    <message>
        <source>FX effect</source>
        <translation>Efecto cambiario</translation>
    </message>
    <message>
        <source>Paying dealers</source>
        <translation>Dealers pagando</translation>
    </message>
    <message>
        <source>Subscribed dealers</source>
        <translation>Dealers suscritos</translation>
    </message>
    <message>
        <source>Customer churn</source>
        <translation>Tasa de cancelación de dealers</translation>
    </message>
    <message>
        <source>%1 voluntary, %2 involuntary</source>
        <translation>%1 voluntarias, %2 involuntarias</translation>
    </message>
    <message>
        <source>Gross MRR churn</source>
        <translation>Churn bruto de MRR</translation>
    </message>
    <message>
        <source>Net MRR churn</source>
        <translation>Churn neto de MRR</translation>
    </message>
    <message>
        <source>NRR</source>
        <translation>Retención neta de ingresos</translation>
    </message>
    <message>
        <source>12 months: %1</source>
        <translation>12 meses: %1</translation>
    </message>
    <message>
        <source>ARPA</source>
        <translation>Ingreso promedio por dealer</translation>
    </message>
    <message>
        <source>list %1</source>
        <translation>lista %1</translation>
    </message>
    <message>
        <source>LTV (estimate)</source>
        <translation>Valor de vida del dealer (estimado)</translation>
    </message>
    <message>
        <source>Quick ratio</source>
        <translation>Quick ratio</translation>
    </message>
    <message>
        <source>no losses</source>
        <translation>sin pérdidas</translation>
    </message>
    <message>
        <source>First-attempt success (AZUL)</source>
        <translation>Éxito al primer intento (AZUL)</translation>
    </message>
    <message>
        <source>Overall success</source>
        <translation>Éxito global</translation>
    </message>
    <message>
        <source>%1 unknown</source>
        <translation>%1 sin resolver</translation>
    </message>
    <message>
        <source>Collection rate</source>
        <translation>Tasa de cobro</translation>
    </message>
    <message>
        <source>Recovery rate</source>
        <translation>Tasa de recuperación</translation>
    </message>
    <message>
        <source>Recovered MRR %1</source>
        <translation>MRR recuperado %1</translation>
    </message>
    <message>
        <source>provisional</source>
        <translation>provisional</translation>
    </message>
    <message>
        <source>Payments processed</source>
        <translation>Pagos procesados</translation>
    </message>
    <message>
        <source>Provider spend</source>
        <translation>Gasto en proveedores</translation>
    </message>
    <message>
        <source>Budget</source>
        <translation>Presupuesto</translation>
    </message>
    <message>
        <source>of budget</source>
        <translation>del presupuesto</translation>
    </message>
    <message>
        <source>AZUL fees %1</source>
        <translation>Comisiones AZUL %1</translation>
    </message>
    <message>
        <source>%1 dealers</source>
        <translation>%1 dealers</translation>
    </message>
    <message>
        <source>Early Bird enrolled</source>
        <translation>Early Bird: inscritos</translation>
    </message>
    <message>
        <source>%1 still in their free months</source>
        <translation>%1 aún en sus meses gratis</translation>
    </message>
    <message>
        <source>New MRR when free months end: %1</source>
        <translation>MRR nuevo al terminar los meses gratis: %1</translation>
    </message>
    <message>
        <source>Free months ending (New MRR ahead)</source>
        <translation>Fin de meses gratis (MRR nuevo por venir)</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exportar</translation>
    </message>
    <message>
        <source>Picture (PNG)…</source>
        <translation>Imagen (PNG)…</translation>
    </message>
    <message>
        <source>Data (CSV)…</source>
        <translation>Datos (CSV)…</translation>
    </message>
    <message>
        <source>No data for this period</source>
        <translation>Sin datos para este período</translation>
    </message>
    <message>
        <source>Save chart as PNG</source>
        <translation>Guardar gráfico como PNG</translation>
    </message>
    <message>
        <source>Save data as CSV</source>
        <translation>Guardar datos como CSV</translation>
    </message>
    <message>
        <source>Dealers behind the number</source>
        <translation>Dealers detrás de la cifra</translation>
    </message>
    <message>
        <source>Dealer 360 does not exist yet: this list is read-only for now.</source>
        <translation>Dealer 360 todavía no existe: por ahora esta lista es solo de lectura.</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Cargando…</translation>
    </message>
    <message>
        <source>1 dealer</source>
        <translation>1 dealer</translation>
    </message>
    <message>
        <source>Could not load the dealers</source>
        <translation>No se pudieron cargar los dealers</translation>
    </message>
    <message>
        <source>voluntary</source>
        <translation>voluntaria</translation>
    </message>
    <message>
        <source>involuntary</source>
        <translation>involuntaria</translation>
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
        <translation>Fecha</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Monto</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>Detalle</translation>
    </message>
    <message>
        <source>Revenue, churn, collections and spend against the 2026 roadmap targets</source>
        <translation>Ingresos, cancelaciones, cobros y gastos frente a las metas del roadmap 2026</translation>
    </message>
    <message>
        <source>Monthly KPI report</source>
        <translation>Informe mensual de KPI</translation>
    </message>
    <message>
        <source>Generated %1</source>
        <translation>Generado el %1</translation>
    </message>
    <message>
        <source>Snapshots as of %1</source>
        <translation>Datos al %1</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>Moneda de reporte</translation>
    </message>
    <message>
        <source>No KPI snapshots yet: run `okla kpi rebuild`.</source>
        <translation>Aún no hay datos de KPI: ejecute «okla kpi rebuild».</translation>
    </message>
    <message>
        <source>Indicator</source>
        <translation>Indicador</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Valor</translation>
    </message>
    <message>
        <source>Change and detail</source>
        <translation>Cambio y detalle</translation>
    </message>
    <message>
        <source>Target and detail</source>
        <translation>Meta y detalle</translation>
    </message>
    <message>
        <source>Cohort retention</source>
        <translation>Retención por cohorte</translation>
    </message>
    <message>
        <source>MRR by plan</source>
        <translation>MRR por plan</translation>
    </message>
    <message>
        <source>MRR movements</source>
        <translation>Movimientos de MRR</translation>
    </message>
    <message>
        <source>Customer churn vs target</source>
        <translation>Cancelación vs. meta</translation>
    </message>
    <message>
        <source>Payment success by provider</source>
        <translation>Éxito de pagos por proveedor</translation>
    </message>
    <message>
        <source>Payments processed by quarter</source>
        <translation>Pagos procesados por trimestre</translation>
    </message>
    <message>
        <source>Spend by provider vs budget</source>
        <translation>Gasto por proveedor vs. presupuesto</translation>
    </message>
    <message>
        <source>Dealers</source>
        <translation>Dealers</translation>
    </message>
    <message>
        <source>Revenue (constant FX)</source>
        <translation>Ingresos (tasa constante)</translation>
    </message>
    <message>
        <source>M%1</source>
        <translation>M%1</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>Mes</translation>
    </message>
    <message>
        <source>Quarter</source>
        <translation>Trimestre</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>Año</translation>
    </message>
    <message>
        <source>Custom range</source>
        <translation>Rango</translation>
    </message>
    <message>
        <source>Monthly report (PDF)…</source>
        <translation>Informe mensual (PDF)…</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Período</translation>
    </message>
    <message>
        <source>Save the monthly report</source>
        <translation>Guardar el informe mensual</translation>
    </message>
    <message>
        <source>Could not load the KPIs</source>
        <translation>No se pudieron cargar los indicadores</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Nuevo</translation>
    </message>
    <message>
        <source>Expansion</source>
        <translation>Expansión</translation>
    </message>
    <message>
        <source>Reactivation</source>
        <translation>Reactivación</translation>
    </message>
    <message>
        <source>Contraction</source>
        <translation>Contracción</translation>
    </message>
    <message>
        <source>Churn</source>
        <translation>Cancelación</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Meta</translation>
    </message>
    <message>
        <source>First-attempt success</source>
        <translation>Éxito al primer intento</translation>
    </message>
    <message>
        <source>Spend</source>
        <translation>Gasto</translation>
    </message>
    <message>
        <source>The export could not be prepared.</source>
        <translation>No se pudo preparar la exportación.</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>Guardado en %1</translation>
    </message>
</context>
</TS>