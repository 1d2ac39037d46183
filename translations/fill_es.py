#!/usr/bin/env python3
"""Fills okla_es.ts from the Spanish glossary below and okla_en.ts with English (plural forms).
Run after `cmake --build <dir> --target update_translations` (lupdate); it prints every Spanish
message still untranslated, so a new string cannot slip through unnoticed."""
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

HERE = Path(__file__).resolve().parent

# (source, comment) -> Spanish; comment None matches any context without a comment.
BY_COMMENT = {
    ("Pending", "dealer verification"): "Pendiente",
    ("Under review", "dealer verification"): "En revisión",
    ("Verified", "dealer verification"): "Verificado",
    ("Rejected", "dealer verification"): "Rechazado",
    ("Suspended", "dealer verification"): "Suspendido",
    ("Independent", "dealer type"): "Independiente",
    ("Franchise", "dealer type"): "Franquicia",
    ("Multi-location", "dealer type"): "Varias sucursales",
    ("Online only", "dealer type"): "Solo en línea",
    ("Wholesale", "dealer type"): "Mayorista",
    ("Trial", "subscription"): "Prueba",
    ("Active", "subscription"): "Activa",
    ("Past due", "subscription"): "Vencida",
    ("Cancelled", "subscription"): "Cancelada",
    ("Suspended", "subscription"): "Suspendida",
    ("Expired", "subscription"): "Expirada",
    ("Upgrade", "plan change"): "Mejora de plan",
    ("Downgrade", "plan change"): "Bajada de plan",
    ("Cancel", "plan change"): "Cancelación",
    ("Reactivate", "plan change"): "Reactivación",
    ("Trial to active", "plan change"): "De prueba a activa",
    ("Too expensive", "cancellation reason"): "Muy caro",
    ("Not enough value", "cancellation reason"): "No aporta suficiente valor",
    ("Switched to a competitor", "cancellation reason"): "Se fue a la competencia",
    ("Technical issues", "cancellation reason"): "Problemas técnicos",
    ("Business closed", "cancellation reason"): "Cerró el negocio",
    ("Not using it enough", "cancellation reason"): "No lo usa lo suficiente",
    ("Seasonal pause", "cancellation reason"): "Pausa de temporada",
    ("Poor support", "cancellation reason"): "Soporte deficiente",
    ("Missing features", "cancellation reason"): "Faltan funciones",
    ("Other", "cancellation reason"): "Otro",
    ("Pending", "payment"): "Pendiente",
    ("Processing", "payment"): "Procesando",
    ("Succeeded", "payment"): "Exitoso",
    ("Failed", "payment"): "Fallido",
    ("Refunded", "payment"): "Reembolsado",
    ("Partially refunded", "payment"): "Reembolsado en parte",
    ("Disputed", "payment"): "En disputa",
    ("Draft", "invoice"): "Borrador",
    ("Issued", "invoice"): "Emitida",
    ("Sent", "invoice"): "Enviada",
    ("Paid", "invoice"): "Pagada",
    ("Partially paid", "invoice"): "Pagada en parte",
    ("Overdue", "invoice"): "Vencida",
    ("Cancelled", "invoice"): "Cancelada",
    ("Voided", "invoice"): "Anulada",
    ("Requested", "refund"): "Solicitado",
    ("Awaiting approval", "refund"): "Esperando aprobación",
    ("Approved", "refund"): "Aprobado",
    ("Submitting", "refund"): "Enviando",
    ("Succeeded", "refund"): "Exitoso",
    ("Failed", "refund"): "Fallido",
    ("Unknown", "refund"): "Desconocido",
    ("Reconciled", "refund"): "Conciliado",
    ("Rejected", "refund"): "Rechazado",
    ("Submitting", "provider request"): "Enviando",
    ("Succeeded", "provider request"): "Exitosa",
    ("Failed", "provider request"): "Fallida",
    ("Unknown", "provider request"): "Desconocida",
    ("Reconciled", "provider request"): "Conciliada",
    ("AZUL", "payment provider"): "AZUL",
    ("Stripe", "payment provider"): "Stripe",
    ("Monthly", "billing cycle"): "Mensual",
    ("Quarterly", "billing cycle"): "Trimestral",
    ("Yearly", "billing cycle"): "Anual",
    ("Payment without record", "reconciliation discrepancy"): "Pago sin registro",
    ("Subscription without payment", "reconciliation discrepancy"): "Suscripción sin pago",
    ("Amount mismatch", "reconciliation discrepancy"): "Monto distinto",
    ("Orphaned Stripe customer", "reconciliation discrepancy"): "Cliente de Stripe huérfano",
    ("Status mismatch", "reconciliation discrepancy"): "Estado distinto",
    ("Payment status mismatch", "reconciliation discrepancy"): "Estado de pago distinto",
    ("Stripe subscription without record", "reconciliation discrepancy"): "Suscripción de Stripe sin registro",
}

ES = {
    # ui: navigation and pages
    "OKLA Admin": "OKLA Admin",
    "%1 (Ctrl+%2)": "%1 (Ctrl+%2)",
    "Panel": "Panel",
    "Dealers": "Dealers",
    "Payments": "Pagos",
    "Refunds": "Reembolsos",
    "Subscriptions": "Suscripciones",
    "Storage": "Almacenamiento",
    "Infrastructure": "Infraestructura",
    "Audit": "Auditoría",
    "Settings": "Configuración",
    "Not built yet": "Todavía no está construida",
    "This page will show:": "Esta página mostrará:",
    "The manager's dashboard: OKLA's key figures against the roadmap targets.":
        "El tablero de gerencia: las cifras clave de OKLA frente a las metas del plan de ruta.",
    "MRR, New and Expansion MRR, churn and active dealers by plan":
        "MRR, MRR nuevo y de expansión, churn y dealers activos por plan",
    "Targets from the roadmap and how far each one is": "Las metas del plan de ruta y cuánto falta para cada una",
    "Charts by month, fed from the subscription history": "Gráficos por mes, a partir del historial de suscripciones",
    "It comes with the KPI dashboard work (issue 4).": "Llega con el trabajo del tablero de KPI (issue 4).",
    "Every charge collected through AZUL and Stripe, searchable by dealer, date and status.":
        "Cada cobro hecho con AZUL y Stripe, con búsqueda por dealer, fecha y estado.",
    "Payments with provider ids, amount, ITBIS, fee, card brand and last 4 digits":
        "Pagos con los ids del proveedor, monto, ITBIS, comisión, marca de la tarjeta y últimos 4 dígitos",
    "Declines with their codes and the dunning retries": "Rechazos con sus códigos y los reintentos de cobro",
    "Resending a receipt (support) and exporting (finance)": "Reenvío de recibos (soporte) y exportación (finanzas)",
    "It comes with the payments work in a later issue.": "Llega con el trabajo de pagos, en un issue posterior.",
    "Refund requests, their approval by a second person and their settlement with the provider.":
        "Solicitudes de reembolso, su aprobación por una segunda persona y su liquidación con el proveedor.",
    "Requests waiting for approval, with the requester and the amount":
        "Solicitudes que esperan aprobación, con quién las pidió y el monto",
    "The state of each refund from request to reconciliation": "El estado de cada reembolso, de la solicitud a la conciliación",
    "The refund dialog, limited by role and by the approval limit":
        "El diálogo de reembolso, limitado por rol y por el límite de aprobación",
    "It comes with the refunds work in a later issue.": "Llega con el trabajo de reembolsos, en un issue posterior.",
    "Dealer subscriptions: plan, cycle, Early Bird terms and the full change history.":
        "Suscripciones de los dealers: plan, ciclo, condiciones Early Bird y todo el historial de cambios.",
    "Current plan, status and next renewal date of each dealer":
        "Plan actual, estado y próxima renovación de cada dealer",
    "Upgrades, downgrades and cancellations with their reasons":
        "Mejoras, bajadas de plan y cancelaciones con sus motivos",
    "Dealers in dunning and the day each step happens": "Dealers en proceso de cobro y el día de cada paso",
    "It comes with the subscriptions and billing work in a later issue.":
        "Llega con el trabajo de suscripciones y facturación, en un issue posterior.",
    "Object storage usage of the okla-media bucket.": "Uso del almacenamiento de objetos del bucket okla-media.",
    "Space and object counts by prefix (vehicles, users, dealers, temp)":
        "Espacio y cantidad de objetos por prefijo (vehicles, users, dealers, temp)",
    "Orphaned objects and image variants that are missing": "Objetos huérfanos y variantes de imagen que faltan",
    "Cost against the monthly budget": "Costo frente al presupuesto mensual",
    "It comes with the object storage work in a later issue.":
        "Llega con el trabajo de almacenamiento de objetos, en un issue posterior.",
    "Health of the services OKLA depends on.": "Salud de los servicios de los que depende OKLA.",
    "PostgreSQL, Redis, RabbitMQ and the object store: reachable or not, and latency":
        "PostgreSQL, Redis, RabbitMQ y el almacenamiento de objetos: si responden y su latencia",
    "AZUL, Stripe, e-mail and push: circuit breaker state and error rates":
        "AZUL, Stripe, correo y notificaciones push: estado de los cortacircuitos y tasas de error",
    "Provider costs against the budget of each quarter": "Costos de proveedores frente al presupuesto de cada trimestre",
    "It comes with the provider health and infrastructure work in a later issue.":
        "Llega con el trabajo de salud de proveedores e infraestructura, en un issue posterior.",
    "The append-only audit log: who did what, when and with what result.":
        "El registro de auditoría inalterable: quién hizo qué, cuándo y con qué resultado.",
    "Every action with its before and after, failed sign-ins included":
        "Cada acción con su antes y después, incluidos los inicios de sesión fallidos",
    "Search by person, dealer, action and date": "Búsqueda por persona, dealer, acción y fecha",
    "Verification of the hash chain": "Verificación de la cadena de hashes",
    "It comes with the audit log work in a later issue.": "Llega con el trabajo del registro de auditoría, en un issue posterior.",
    # Dealers page
    "Search by name, RNC/cédula, city or e-mail": "Buscar por nombre, RNC/cédula, ciudad o correo",
    "Try again": "Reintentar",
    "Loading dealers…": "Cargando dealers…",
    "There are no dealers yet.": "Todavía no hay dealers.",
    "No dealer matches \"%1\".": "Ningún dealer coincide con «%1».",
    "Showing %1 of %2 dealers": "Mostrando %1 de %2 dealers",
    "loading…": "cargando…",
    "Could not load dealers: %1": "No se pudieron cargar los dealers: %1",
    "Could not load dealers": "No se pudieron cargar los dealers",
    # Errors shown in place (InlineErrorWidget) and by services
    "Details": "Detalles",
    "%1: %2": "%1: %2",
    "The request was cancelled.": "La solicitud se canceló.",
    "Could not save %1.": "No se pudo guardar %1.",
    "A connection profile name is letters, digits, '.', '_' or '-' (at most 64), not \"%1\".": "Un nombre de perfil de conexión lleva letras, dígitos, «.», «_» o «-» (64 como máximo), no «%1».",
    "%1\nLegal name: %2\nVerification: %3": "%1\nRazón social: %2\nVerificación: %3",
    "Dealer": "Dealer",
    "RNC / Cédula": "RNC / Cédula",
    "City": "Ciudad",
    "Plan": "Plan",
    "Status": "Estado",
    "MRR": "MRR",
    "Since": "Desde",
    "No subscription": "Sin suscripción",
    # status bar
    "Connected as %1@%2 · %3": "Conectado como %1@%2 · %3",
    "Disconnected": "Desconectado",
    "Connection lost; reconnecting…": "Conexión perdida; reconectando…",
    # settings
    "Language and appearance": "Idioma y apariencia",
    "Language": "Idioma",
    "The new language is used the next time OKLA Admin starts.": "El nuevo idioma se usa la próxima vez que se abra OKLA Admin.",
    "Same as the system": "Igual que el sistema",
    "Light": "Claro",
    "Dark": "Oscuro",
    "Theme": "Tema",
    "Connection": "Conexión",
    "Profile": "Perfil",
    "Server": "Servidor",
    "Database": "Base de datos",
    "Signed in as": "Sesión iniciada como",
    "Role": "Rol",
    "PostgreSQL version": "Versión de PostgreSQL",
    # sign-in
    "Sign in to OKLA Admin": "Iniciar sesión en OKLA Admin",
    "%1 (%2:%3, database %4)": "%1 (%2:%3, base de datos %4)",
    "User": "Usuario",
    "Password": "Contraseña",
    "Remember the password in this computer's keyring": "Recordar la contraseña en el llavero de esta computadora",
    "This profile signs in without a password (local sandbox).": "Este perfil entra sin contraseña (sandbox local).",
    "Sign in": "Iniciar sesión",
    "No keyring is available on this computer, so the password cannot be remembered.":
        "No hay un llavero disponible en esta computadora, así que la contraseña no se puede recordar.",
    "Connecting…": "Conectando…",
    "Enter your user name.": "Escriba su nombre de usuario.",
    "Could not sign in": "No se pudo iniciar sesión",
    "Cannot create the screenshot folder %1.": "No se puede crear la carpeta de capturas %1.",
    "Cannot write the screenshot %1.": "No se puede escribir la captura %1.",
    # session
    "Finance": "Finanzas",
    "Manager": "Gerencia",
    "Support": "Soporte",
    "Administrator": "Administración",
    "no staff role": "sin rol de personal",
    "Wrong password for user \"%1\".": "Contraseña incorrecta para el usuario «%1».",
    "The server asks for a password for user \"%1\".": "El servidor pide una contraseña para el usuario «%1».",
    "There is no database user named \"%1\".": "No existe un usuario de base de datos llamado «%1».",
    "The database \"%1\" does not exist on %2.": "La base de datos «%1» no existe en %2.",
    "The server does not allow user \"%1\" to sign in from here.": "El servidor no permite que el usuario «%1» inicie sesión desde aquí.",
    "The database server at %1 did not answer in time.": "El servidor de base de datos en %1 no respondió a tiempo.",
    "The database server at %1 is not running or cannot be reached.":
        "El servidor de base de datos en %1 no está en marcha o no se puede alcanzar.",
    "The database server's certificate could not be verified.": "No se pudo verificar el certificado del servidor de base de datos.",
    "The database server has no free connections; try again in a moment.":
        "El servidor de base de datos no tiene conexiones libres; intente de nuevo en un momento.",
    "Could not connect to the database server at %1.": "No se pudo conectar al servidor de base de datos en %1.",
    # okla (services, shared)
    "OKLA Admin cannot start": "OKLA Admin no puede iniciar",
    "No keyring is available, so the password cannot be remembered.":
        "No hay un llavero disponible, así que la contraseña no se puede recordar.",
    "No password is remembered for this user.": "No hay una contraseña recordada para este usuario.",
    "The settings file %1 holds a stored secret (%2), which OKLA Admin never writes; remove that entry and start again.":
        "El archivo de configuración %1 guarda un secreto (%2), algo que OKLA Admin nunca escribe; elimine esa entrada y vuelva a iniciar.",
    "Could not connect to the database.": "No se pudo conectar a la base de datos.",
    "The database refused the request.": "La base de datos rechazó la solicitud.",
    "Connection profile \"%1\" does not exist; run \"okla-sandbox up\" or create it.":
        "El perfil de conexión «%1» no existe; ejecute «okla-sandbox up» o créelo.",
    "Connection profile \"%1\" cannot be read; fix or delete %2.":
        "El perfil de conexión «%1» no se puede leer; corrija o elimine %2.",
    "Connection profile \"%1\" contains a stored secret (%2); remove it from %3.":
        "El perfil de conexión «%1» contiene un secreto guardado (%2); elimínelo de %3.",
    "Connection profile \"%1\" has no valid PostgreSQL host and port; fix or delete %2.":
        "El perfil de conexión «%1» no tiene un host y puerto de PostgreSQL válidos; corrija o elimine %2.",
    "Could not write connection profile %1.": "No se pudo escribir el perfil de conexión %1.",
    "The amount is too large to be represented.": "El monto es demasiado grande para representarlo.",
    "A plan price cannot be negative.": "El precio de un plan no puede ser negativo.",
    "The yearly discount must be between 0 and 10000 basis points (0 % to 100 %).":
        "El descuento anual debe estar entre 0 y 10000 puntos básicos (0 % a 100 %).",
    "Amounts in %1 and %2 cannot be combined.": "No se pueden combinar montos en %1 y %2.",
    "A KPI amount from the database could not be read.": "No se pudo leer un monto de KPI de la base de datos.",
    "New": "Nuevo",
    "Expansion": "Expansión",
    "Reactivation": "Reactivación",
    "Contraction": "Contracción",
    "Churn": "Cancelación",
    "Q%1 %2": "T%1 %2",
    "An exchange rate must be greater than zero.": "Una tasa de cambio debe ser mayor que cero.",
    "A ratio needs a denominator greater than zero.": "Una proporción necesita un denominador mayor que cero.",
    "The amount is in %1 but %2 is expected.": "El monto está en %1, pero se espera %2.",
    "Redis did not answer in time.": "Redis no respondió a tiempo.",
    "The connection to Redis failed.": "Falló la conexión con Redis.",
    "Redis is unreachable.": "No se puede alcanzar Redis.",
    "Redis refused the password.": "Redis rechazó la contraseña.",
    "The Redis client stopped.": "El cliente de Redis se detuvo.",
    "Redis gave an unexpected reply.": "Redis dio una respuesta inesperada.",
    "The payment to refund has no capturing provider.": "El pago a reembolsar no tiene un proveedor que lo haya cobrado.",
    "No payment provider handles this currency.": "Ningún proveedor de pagos maneja esta moneda.",
    "This charge already succeeded with AZUL.": "Este cobro ya se hizo con éxito en AZUL.",
    "The AZUL attempt has an unknown outcome; it must be resolved before the charge can go anywhere else.":
        "El intento en AZUL tiene un resultado desconocido; hay que resolverlo antes de enviar el cobro a otro lugar.",
    "AZUL is unavailable and the dealer has no Stripe payment method; the charge will be retried later.":
        "AZUL no está disponible y el dealer no tiene un método de pago en Stripe; el cobro se reintentará más tarde.",
    "Stripe's answer could not be understood.": "No se pudo entender la respuesta de Stripe.",
    "An exchange rate is written with digits and an optional decimal point, e.g. 58.25.":
        "Una tasa de cambio se escribe con dígitos y un punto decimal opcional, p. ej. 58.25.",
    "An exchange rate may have at most 18 significant digits.": "Una tasa de cambio puede tener como máximo 18 dígitos significativos.",
    "Enter an amount.": "Escriba un monto.",
    "The amount has no digits.": "El monto no tiene dígitos.",
    "The amount has more than one decimal point.": "El monto tiene más de un punto decimal.",
    "A thousands separator is misplaced; write e.g. 1,234.50 or 1234.50.":
        "Hay un separador de miles mal colocado; escriba p. ej. 1,234.50 o 1234.50.",
    "Scientific notation is not accepted; write the amount in full.": "No se acepta notación científica; escriba el monto completo.",
    "The amount contains an invalid character: \"%1\".": "El monto contiene un carácter no válido: «%1».",
    "Write digits on both sides of the decimal point, e.g. 0.50.": "Escriba dígitos a ambos lados del punto decimal, p. ej. 0.50.",
    "The amount has too many decimals: %1 allows at most %2.": "El monto tiene demasiados decimales: %1 admite como máximo %2.",
    "The amount cannot be negative.": "El monto no puede ser negativo.",
    "The amount is too large.": "El monto es demasiado grande.",
    "The amount must be greater than zero.": "El monto debe ser mayor que cero.",
    "An RNC or cédula contains only digits, dashes and spaces; \"%1\" is not allowed.":
        "Un RNC o una cédula solo contiene dígitos, guiones y espacios; «%1» no se permite.",
    "Enter an RNC (9 digits) or a cédula (11 digits).": "Escriba un RNC (9 dígitos) o una cédula (11 dígitos).",
    "An RNC has 9 digits and a cédula 11; this one has %1.": "Un RNC tiene 9 dígitos y una cédula 11; este tiene %1.",
    "This %1 is not valid: its last (check) digit is %2, it should be %3. Check for a typo.":
        "Este %1 no es válido: su último dígito (verificador) es %2 y debería ser %3. Revise si hay un error de escritura.",
    "The %1 body (without its check digit) must be exactly %2 digits.":
        "El cuerpo del %1 (sin el dígito verificador) debe tener exactamente %2 dígitos.",
    "RNC": "RNC",
    "cédula": "cédula",
    "Cédula": "Cédula",
    "The database has migration %1 (%2), which this program does not know; this program is older than the database: install the newer OKLA Admin.":
        "La base de datos tiene la migración %1 (%2), que este programa no conoce; este programa es más antiguo que la base de datos: instale el OKLA Admin más reciente.",
    "Migration %1 was changed after it was applied (checksum differs); restore resources/migrations/%2 to the version that was applied, then rebuild.":
        "La migración %1 se modificó después de aplicarse (la suma de verificación no coincide); restaure resources/migrations/%2 a la versión aplicada y vuelva a compilar.",
    "No credentials directory is configured (set OKLA_CREDENTIALS_DIR or the profile's credentials folder).":
        "No hay una carpeta de credenciales configurada (defina OKLA_CREDENTIALS_DIR o la carpeta de credenciales del perfil).",
    "The credentials directory does not exist.": "La carpeta de credenciales no existe.",
    "The credentials path is not a directory.": "La ruta de credenciales no es una carpeta.",
    "The credentials directory is open to other users; run chmod 700 on it.":
        "La carpeta de credenciales está abierta a otros usuarios; ejecute chmod 700 sobre ella.",
    "Unknown credential name.": "Nombre de credencial desconocido.",
    "A required credential file is missing.": "Falta un archivo de credenciales obligatorio.",
    "A credential is not a regular file (symbolic links are refused).":
        "Una credencial no es un archivo normal (se rechazan los enlaces simbólicos).",
    "A credential file is readable or writable by other users; run chmod 600 on it.":
        "Otros usuarios pueden leer o escribir un archivo de credenciales; ejecute chmod 600 sobre él.",
    "A credential file cannot be read.": "No se puede leer un archivo de credenciales.",
    "A credential file is empty.": "Un archivo de credenciales está vacío.",
    "Migration file \"%1\" is not named NNNN_<name>.sql; rename it.":
        "El archivo de migración «%1» no se llama NNNN_<nombre>.sql; cámbiele el nombre.",
    "Migration file \"%1\" must have a version above 0000.": "El archivo de migración «%1» debe tener una versión mayor que 0000.",
    "The migrations folder %1 does not exist.": "La carpeta de migraciones %1 no existe.",
    "Cannot read migration %1.": "No se puede leer la migración %1.",
    "Two migrations have version %1; give one of them the next free number.":
        "Dos migraciones tienen la versión %1; asigne a una de ellas el siguiente número libre.",
    "Cannot read the schema version of the database.": "No se puede leer la versión del esquema de la base de datos.",
    "The database has no OKLA schema yet; run `okla migrate` (or `okla-sandbox up`).":
        "La base de datos todavía no tiene el esquema de OKLA; ejecute `okla migrate` (o `okla-sandbox up`).",
    "The database schema is older than this program (version %1, needs %2); run `okla migrate`.":
        "El esquema de la base de datos es más antiguo que este programa (versión %1, necesita %2); ejecute `okla migrate`.",
    "Cannot create the schema_migrations table; run `okla migrate` as the owner role okla_owner.":
        "No se puede crear la tabla schema_migrations; ejecute `okla migrate` con el rol propietario okla_owner.",
    "Applying migration %1 (%2)…": "Aplicando la migración %1 (%2)…",
    "Migration %1 (%2) failed, so no migration was applied; fix %3 and run `okla migrate` again.":
        "La migración %1 (%2) falló, así que no se aplicó ninguna migración; corrija %3 y ejecute `okla migrate` de nuevo.",
    "The schema is up to date (version %1).": "El esquema está al día (versión %1).",
    "The AZUL client key is not a PEM RSA or EC private key.": "La clave de cliente de AZUL no es una clave privada RSA o EC en formato PEM.",
    "A token sale needs a DataVault token.": "Una venta con token necesita un token de DataVault.",
    "The profile has no AZUL URL.": "El perfil no tiene una URL de AZUL.",
    "The AZUL CA file holds no certificate.": "El archivo de CA de AZUL no contiene ningún certificado.",
    "The AZUL client certificate is not PEM.": "El certificado de cliente de AZUL no está en formato PEM.",
    "AZUL could not be reached; nothing was sent.": "No se pudo alcanzar AZUL; no se envió nada.",
    "AZUL did not process the payment after %1 verified attempts.": "AZUL no procesó el pago después de %1 intentos verificados.",
    "The AZUL request was cancelled while in flight.": "La solicitud a AZUL se canceló mientras estaba en curso.",
    "The attempt could not be stored; nothing was sent.": "No se pudo guardar el intento; no se envió nada.",
    "VerifyPayment was cancelled.": "Se canceló VerifyPayment.",
    "AZUL could not confirm whether the payment happened; it will be reconciled.":
        "AZUL no pudo confirmar si el pago se hizo; se conciliará.",
    "AZUL declined the payment: %1": "AZUL rechazó el pago: %1",
    "The card requires 3-D Secure authentication in a browser.": "La tarjeta requiere autenticación 3-D Secure en un navegador.",
    "AZUL rejected OKLA's merchant configuration; an administrator must fix it.":
        "AZUL rechazó la configuración de comercio de OKLA; un administrador debe corregirla.",
    "AZUL rejected the request as malformed.": "AZUL rechazó la solicitud por estar mal formada.",
    "AZUL refused the operation: %1": "AZUL rechazó la operación: %1",
    "AZUL returned an error.": "AZUL devolvió un error.",
    "AZUL's answer was incomplete; the payment is being verified before anything is resent.":
        "La respuesta de AZUL llegó incompleta; se está verificando el pago antes de reenviar nada.",
    "Stripe accepts at most 50 metadata keys.": "Stripe acepta como máximo 50 claves de metadatos.",
    "A Stripe amount must be greater than zero.": "Un monto de Stripe debe ser mayor que cero.",
    "A Stripe metadata key must have 1 to 40 characters and no brackets.":
        "Una clave de metadatos de Stripe debe tener de 1 a 40 caracteres y ningún corchete.",
    "A Stripe metadata value must have at most 500 characters.": "Un valor de metadatos de Stripe debe tener como máximo 500 caracteres.",
    "The webhook signature header has an invalid timestamp.": "El encabezado de firma del webhook tiene una marca de tiempo no válida.",
    "The webhook signature header has no timestamp.": "El encabezado de firma del webhook no tiene marca de tiempo.",
    "The webhook signature header has no v1 signature.": "El encabezado de firma del webhook no tiene una firma v1.",
    "No webhook signing secret is configured.": "No hay un secreto de firma de webhooks configurado.",
    "The webhook signature is too old.": "La firma del webhook es demasiado antigua.",
    "The webhook signature does not match.": "La firma del webhook no coincide.",
    # okla CLI
    "unknown or incomplete option \"%1\"; usage: okla %2": "opción desconocida o incompleta «%1»; uso: okla %2",
    "Schema version %1 of %2.": "Versión del esquema %1 de %2.",
    "pending: migration %1": "pendiente: migración %1",
    "The database schema matches this program (version %1).": "El esquema de la base de datos coincide con este programa (versión %1).",
    "Could not verify the audit log (a manager or admin role is needed): %1":
        "No se pudo verificar el registro de auditoría (se necesita un rol de gerencia o administración): %1",
    "Audit log intact: %1 rows checked.": "Registro de auditoría intacto: %1 filas verificadas.",
    "Audit log BROKEN at row %1 (%2); %3 rows before it are intact.":
        "Registro de auditoría ROTO en la fila %1 (%2); las %3 filas anteriores están intactas.",
    "unknown or incomplete option \"%1\"; usage: okla %2 %3": "opción desconocida o incompleta «%1»; uso: okla %2 %3",
    "There is no list of dealers behind this number.": "No hay una lista de dealers detrás de esta cifra.",
    "The KPI computation is missing from this build.": "El cálculo de KPI no está incluido en esta compilación.",
    "%1 done in %2 ms": "%1 listo en %2 ms",
    "--month takes YYYY-MM, e.g. 2026-10": "--month recibe AAAA-MM, p. ej. 2026-10",
    "--from and --to take two dates YYYY-MM-DD, the first not after the second":
        "--from y --to reciben dos fechas AAAA-MM-DD, la primera no posterior a la segunda",
    "KPI snapshots %1 as of %2: %3 dealers, %4 change rows, %5 ms":
        "Instantáneas de KPI %1 al %2: %3 dealers, %4 filas de cambios, %5 ms",
    "rebuilt": "reconstruidas",
    "refreshed": "actualizadas",
    "--currency takes DOP or USD": "--currency recibe DOP o USD",
    "start": "inicio",
    "net new": "neto nuevo",
    "Paying dealers": "Dealers pagando",
    "Customer churn": "Tasa de cancelación de dealers",
    "Use --json for every KPI.": "Use --json para ver todos los KPI.",
    "This program is older than the database (it has migration %1 \"%2\", unknown here); install the newer OKLA Admin.":
        "Este programa es más antiguo que la base de datos (tiene la migración %1 «%2», desconocida aquí); instale el OKLA Admin más reciente.",
    "An idempotency key may have at most 255 characters.": "Una clave de idempotencia puede tener como máximo 255 caracteres.",
    "A Stripe object id is invalid.": "Un id de objeto de Stripe no es válido.",
    "Stripe could not be reached; nothing was sent.": "No se pudo alcanzar Stripe; no se envió nada.",
    "Stripe did not answer in time; the request may have been processed.":
        "Stripe no respondió a tiempo; es posible que la solicitud se haya procesado.",
    "The card was declined.": "La tarjeta fue rechazada.",
    "Stripe refused a repeated request with different parameters.": "Stripe rechazó una solicitud repetida con parámetros distintos.",
    "Stripe rejected OKLA's API key; an administrator must fix it.":
        "Stripe rechazó la clave de API de OKLA; un administrador debe corregirla.",
    "OKLA's Stripe key is not allowed to do this.": "La clave de Stripe de OKLA no tiene permiso para esto.",
    "Stripe does not know this object.": "Stripe no conoce este objeto.",
    "Stripe is limiting OKLA's request rate.": "Stripe está limitando la frecuencia de solicitudes de OKLA.",
    "Stripe had an internal error.": "Stripe tuvo un error interno.",
    "Stripe refused the request.": "Stripe rechazó la solicitud.",
    "Provider health not read yet.": "Todavía no se ha leído la salud de los proveedores.",
    " (retry in %1 s)": " (reintento en %1 s)",
    "%1 calls, %2 failed in the last minute; p50 %3 ms, p95 %4 ms over %5 calls; %6 process(es)":
        "%1 llamadas, %2 fallidas en el último minuto; p50 %3 ms, p95 %4 ms sobre %5 llamadas; %6 proceso(s)",
    "Rate limit enforced locally: Redis was unreachable.": "Límite de frecuencia aplicado localmente: Redis no respondía.",
    "Rate limit was enforced locally for a while: %1": "El límite de frecuencia se aplicó localmente durante un tiempo: %1",
    "Provider health unavailable: %1": "Salud de los proveedores no disponible: %1",
    "No process has called %1 in the last 30 seconds.": "Ningún proceso ha llamado a %1 en los últimos 30 segundos.",
    "Provider health is kept in Redis, which did not answer:": "La salud de los proveedores se guarda en Redis, que no respondió:",
    "No process has reported provider health in the last 30 seconds.": "Ningún proceso ha informado la salud de los proveedores en los últimos 30 segundos.",
    "local (Redis was unreachable)": "local (Redis no respondía)",
    "No payment provider is configured in this profile.": "Este perfil no tiene ningún proveedor de pagos configurado.",
    "The KPI computation got an invalid date.": "El cálculo de KPI recibió una fecha no válida.",
    "The amount must be positive and at most 12 digits.": "El monto debe ser positivo y de 12 dígitos como máximo.",
    "The ITBIS must be between zero and the amount.": "El ITBIS debe estar entre cero y el monto.",
    "An AZUL order id is missing or too long.": "Falta el número de orden de AZUL o es demasiado largo.",
    "The card number must be 12 to 19 digits.": "El número de tarjeta debe tener entre 12 y 19 dígitos.",
    "The card expiration must be YYYYMM.": "El vencimiento de la tarjeta debe tener la forma AAAAMM.",
    "The card security code must be 3 or 4 digits.": "El código de seguridad de la tarjeta debe tener 3 o 4 dígitos.",
    "Only a Sale or a Hold carries card data.": "Solo una venta o una retención lleva datos de tarjeta.",
    "The order number is longer than 15 characters.": "El número de orden tiene más de 15 caracteres.",
    "A token sale carries a token of at most 100 characters and no card number.":
        "Una venta con token lleva un token de 100 caracteres como máximo y ningún número de tarjeta.",
    "The merchant name shown on statements is invalid.": "El nombre del comercio que aparece en los estados de cuenta no es válido.",
    "AZUL charges and refunds in Dominican pesos (DOP) only; this amount is in %1.":
        "AZUL cobra y reembolsa solo en pesos dominicanos (DOP); este monto está en %1.",
    "The AZUL order id must be digits.": "El número de orden de AZUL debe contener solo dígitos.",
    "The DataVault token is missing or too long.": "Falta el token de DataVault o es demasiado largo.",
    "Password not remembered": "No se recordó la contraseña",
    "Nobody is signed in.": "No hay ninguna sesión iniciada.",
    "Session locked": "Sesión bloqueada",
    "The console was idle for too long. Its figures stay hidden until you sign in again.":
        "La consola estuvo inactiva demasiado tiempo. Sus cifras quedan ocultas hasta que vuelva a identificarse.",
    "Unlock": "Desbloquear",
    "Signed in as %1": "Sesión de %1",
    # staff management (docs/security.md §13)
    "The DBA step is applied; now run `okla migrate`.": "El paso del DBA está aplicado; ahora ejecute `okla migrate`.",
    "active": "activo",
    "inactive": "inactivo",
    "A password is 12 to 1024 characters, on the first line of stdin.":
        "Una contraseña tiene de 12 a 1024 caracteres, en la primera línea de la entrada estándar.",
    "Staff member %1 is ready in the %2 group (id %3).": "El miembro del personal %1 está listo en el grupo %2 (id %3).",
    "%1 is now in the %2 group only.": "%1 está ahora solo en el grupo %2.",
    "%1 is deactivated: the login cannot sign in and its sessions were ended.":
        "%1 está desactivado: el usuario no puede iniciar sesión y sus sesiones se cerraron.",
    "A login is 2 to 63 lower-case letters, digits or _, starts with a letter and not with pg_ or okla_.":
        "Un usuario tiene de 2 a 63 letras minúsculas, dígitos o _, empieza por una letra y no por pg_ ni okla_.",
    "A name is 1 to %1 characters.": "Un nombre tiene de 1 a %1 caracteres.",
    "An e-mail address looks like name@domain.tld.": "Un correo electrónico tiene la forma nombre@dominio.tld.",
    "A staff role is finance, manager, support or admin.": "Un rol del personal es finance, manager, support o admin.",
    "Only an admin may manage staff.": "Solo un administrador puede gestionar el personal.",
    "The database refused the change: %1.": "La base de datos rechazó el cambio: %1.",
    "The DBA script is missing from this build.": "El script del DBA falta en esta compilación.",
    "The DBA step must run as a PostgreSQL superuser (for example --user postgres).":
        "El paso del DBA debe ejecutarse como superusuario de PostgreSQL (por ejemplo --user postgres).",
    "Could not prepare the password.": "No se pudo preparar la contraseña.",
    "Staff": "Personal",
    "Only an admin can see and manage staff logins.": "Solo un administrador puede ver y gestionar los usuarios del personal.",
    "Each person signs in with their own login, in exactly one group. Changes take effect at once and are recorded in the audit log.":
        "Cada persona entra con su propio usuario, en un solo grupo. Los cambios se aplican al instante y quedan en la bitácora de auditoría.",
    "Login": "Usuario",
    "Name": "Nombre",
    "Active": "Activo",
    "Create…": "Crear…",
    "Change role…": "Cambiar rol…",
    "Deactivate…": "Desactivar…",
    "Could not load the staff": "No se pudo cargar el personal",
    "Yes": "Sí",
    "No": "No",
    "Create a staff login": "Crear un usuario del personal",
    "Full name": "Nombre completo",
    "E-mail": "Correo electrónico",
    "The person sets their password with the database administrator.":
        "La persona define su contraseña con el administrador de la base de datos.",
    "Create": "Crear",
    "Could not create %1": "No se pudo crear %1",
    "%1 can now sign in as %2.": "%1 ya puede entrar como %2.",
    "Change role": "Cambiar rol",
    "New group for %1 (the old one is removed):": "Nuevo grupo para %1 (se quita el anterior):",
    "Could not change the role of %1": "No se pudo cambiar el rol de %1",
    "Deactivate %1": "Desactivar %1",
    "%1 will no longer be able to sign in and their open sessions end now. Deactivate?":
        "%1 ya no podrá iniciar sesión y sus sesiones abiertas se cierran ahora. ¿Desactivar?",
    "Could not deactivate %1": "No se pudo desactivar %1",
    "Cancel": "Cancelar",
    "%1 is required (with %2).": "%1 es obligatorio (junto con %2).",
    "Deactivate": "Desactivar",
    # issue 8 — money (card numbers in free text, docs/security.md §11)
    "%1 seems to contain a card number. Card numbers are never stored: remove it (at most the last 4 digits may be written).":
        "%1 parece contener un número de tarjeta. Los números de tarjeta nunca se guardan: quítelo (como máximo pueden escribirse los últimos 4 dígitos).",
    # issue 8 — audit log, checkpoints, function bodies and money policies
    "The audit signing key (credential audit-signing.key) is not an Ed25519 private key in PEM form; make one with `openssl genpkey -algorithm ed25519`.":
        "La clave de firma de auditoría (credencial audit-signing.key) no es una clave privada Ed25519 en formato PEM; créela con `openssl genpkey -algorithm ed25519`.",
    "Refused: %1.": "Rechazado: %1.",
    "Audit log BROKEN:": "Bitácora de auditoría ROTA:",
    "Audit log intact: %1 rows checked, consistent with %2 signed checkpoint(s) (the latest covers rows up to %3).":
        "Bitácora de auditoría íntegra: %1 filas comprobadas, coherentes con %2 punto(s) de control firmado(s) (el último cubre hasta la fila %3).",
    "Audit checkpoint signed: rows up to %1, written to %2.":
        "Punto de control de auditoría firmado: filas hasta la %1, escrito en %2.",
    "--id must be the number of a proposed change (see `okla policy list`).":
        "--id debe ser el número de un cambio propuesto (vea `okla policy list`).",
    "--reason is required: 1 to %1 characters saying why.":
        "--reason es obligatorio: de 1 a %1 caracteres que digan por qué.",
    "No money-policy change is waiting for approval.": "Ningún cambio de política de dinero espera aprobación.",
    "--table must be billing_policies, plans or plan_versions.":
        "--table debe ser billing_policies, plans o plan_versions.",
    "--operation must be insert, update or delete.": "--operation debe ser insert, update o delete.",
    "--values must be a JSON object of column values of at most %1 characters, e.g. '{\"key\": \"refund_approval_limit_minor\", \"value\": {\"DOP\": 2000000, \"USD\": 40000}}'.":
        "--values debe ser un objeto JSON con valores de columnas de %1 caracteres como máximo, p. ej. '{\"key\": \"refund_approval_limit_minor\", \"value\": {\"DOP\": 2000000, \"USD\": 40000}}'.",
    "Proposed change #%1; another admin must approve it (`okla policy approve --id %1`).":
        "Cambio #%1 propuesto; otro administrador debe aprobarlo (`okla policy approve --id %1`).",
    "Change #%1 approved and applied.": "Cambio #%1 aprobado y aplicado.",
    "Change #%1 rejected.": "Cambio #%1 rechazado.",
    "An audit row holds a value that is not valid JSON, so its canonical form cannot be computed.":
        "Una fila de auditoría contiene un valor que no es JSON válido, así que no se puede calcular su forma canónica.",
    "Audit row %1 uses canonical form version %2, unknown to this program; install the newer OKLA Admin.":
        "La fila de auditoría %1 usa la versión %2 de la forma canónica, desconocida para este programa; instale el OKLA Admin más reciente.",
    "Could not read the audit log (finance, manager, admin or the worker may): %1":
        "No se pudo leer la bitácora de auditoría (pueden finanzas, gerencia, administración o el worker): %1",
    "row %1 is missing (the next row is %2)": "falta la fila %1 (la siguiente es la %2)",
    "row %1 does not point at the hash of row %2": "la fila %1 no apunta al hash de la fila %2",
    "row %1: %2": "fila %1: %2",
    "row %1 was changed after it was written (its hash does not match its content)":
        "la fila %1 se modificó después de escribirse (su hash no coincide con su contenido)",
    "the head of the log (row %1) does not match its last row %2; rows after %2 are missing":
        "la cabeza de la bitácora (fila %1) no coincide con su última fila %2; faltan filas después de la %2",
    "The audit checkpoint %1 is not a checkpoint this program can read.":
        "El punto de control de auditoría %1 no es un punto de control que este programa pueda leer.",
    "The profile names no folder for audit checkpoints; set [audit] checkpoint_dir.":
        "El perfil no indica una carpeta para los puntos de control de auditoría; defina [audit] checkpoint_dir.",
    "Cannot create the audit checkpoint folder %1.": "No se puede crear la carpeta de puntos de control de auditoría %1.",
    "The audit checkpoint folder %1 does not exist.": "La carpeta de puntos de control de auditoría %1 no existe.",
    "The audit checkpoint folder %1 is writable by others; make it writable by its owner only (chmod go-w).":
        "Otros pueden escribir en la carpeta de puntos de control de auditoría %1; deje que solo su dueño escriba (chmod go-w).",
    "Cannot read the audit checkpoint %1.": "No se puede leer el punto de control de auditoría %1.",
    "The profile has no audit public key ([audit] public_key), so no checkpoint was checked: a rewritten-and-rechained log or a cut tail cannot be detected.":
        "El perfil no tiene clave pública de auditoría ([audit] public_key), así que no se comprobó ningún punto de control: no se puede detectar una bitácora reescrita y reencadenada ni una cola cortada.",
    "The audit checkpoint %1 is not signed by the audit key; someone wrote it by hand.":
        "El punto de control de auditoría %1 no está firmado con la clave de auditoría; alguien lo escribió a mano.",
    "No audit checkpoint in %1 yet: a rewritten-and-rechained log or a cut tail cannot be detected; run `okla audit checkpoint`.":
        "Aún no hay puntos de control de auditoría en %1: no se puede detectar una bitácora reescrita y reencadenada ni una cola cortada; ejecute `okla audit checkpoint`.",
    "The audit log is broken at row %1: %2.": "La bitácora de auditoría está rota en la fila %1: %2.",
    "The audit log ends at row %1, but the checkpoint signed %2 covers rows up to %3: rows %4 to %3 were removed.":
        "La bitácora de auditoría termina en la fila %1, pero el punto de control firmado el %2 cubre hasta la fila %3: se eliminaron las filas %4 a %3.",
    "The audit log was rewritten: row %1 differs from the checkpoint signed %2 (rows up to %3), and the chain after it was recomputed.":
        "La bitácora de auditoría fue reescrita: la fila %1 difiere del punto de control firmado el %2 (filas hasta la %3) y la cadena posterior se recalculó.",
    "The audit log was rewritten: row %1 no longer has the hash signed %2 in its checkpoint, so a row from %3 to %4 was changed and the chain recomputed.":
        "La bitácora de auditoría fue reescrita: la fila %1 ya no tiene el hash firmado el %2 en su punto de control, así que se modificó una fila entre la %3 y la %4 y se recalculó la cadena.",
    "The audit signing key does not match the profile's [audit] public_key; the checkpoint was not written.":
        "La clave de firma de auditoría no corresponde a [audit] public_key del perfil; no se escribió el punto de control.",
    "The audit log did not verify, so it was not signed: %1":
        "La bitácora de auditoría no pasó la verificación, así que no se firmó: %1",
    "The audit log changed while it was being checked, so it was not signed; run `okla audit verify`.":
        "La bitácora de auditoría cambió mientras se comprobaba, así que no se firmó; ejecute `okla audit verify`.",
    "Cannot write the audit checkpoint %1.": "No se puede escribir el punto de control de auditoría %1.",
    "Could not generate an Ed25519 key.": "No se pudo generar una clave Ed25519.",
    "Could not sign the audit checkpoint.": "No se pudo firmar el punto de control de auditoría.",
    "Cannot read the functions of the database.": "No se pueden leer las funciones de la base de datos.",
    "Function %1 is not defined by any migration; someone added it by hand.":
        "La función %1 no la define ninguna migración; alguien la agregó a mano.",
    "The body of function %1 differs from the one the migrations define; someone replaced it.":
        "El cuerpo de la función %1 difiere del que definen las migraciones; alguien lo reemplazó.",
    "Function %1 (%2 arguments) that the migrations define is missing.":
        "Falta la función %1 (%2 argumentos) que definen las migraciones.",
    # issue 8 — service logins (okla dba apply)
    "Service login %1 is ready, with the password of %2.": "El usuario de servicio %1 está listo, con la contraseña de %2.",
    "Service login %1 is ready, without a password (no %2 credential): the server must trust it some other way.":
        "El usuario de servicio %1 está listo, sin contraseña (no hay credencial %2): el servidor debe confiar en él de otra forma.",
    "The service login %1 was not made: %2.": "No se creó el usuario de servicio %1: %2.",
    # issue 8 — transport
    "\"%1…\" (%2 characters)": "«%1…» (%2 caracteres)",
    "%1 takes a date YYYY-MM-DD such as 2026-10-31, not %2.": "%1 recibe una fecha AAAA-MM-DD como 2026-10-31, no %2.",
    "%1 takes a month YYYY-MM such as 2026-10, not %2.": "%1 recibe un mes AAAA-MM como 2026-10, no %2.",
    "%1 takes a database login name (letters, digits, '_', '.' or '-', at most %2 characters), not %3.":
        "%1 recibe un usuario de la base de datos (letras, dígitos, '_', '.' o '-', como máximo %2 caracteres), no %3.",
    "%1 takes a profile name (letters, digits, '.', '_' or '-', at most 64, not a path), not %2.":
        "%1 recibe un nombre de perfil (letras, dígitos, '.', '_' o '-', como máximo 64, no una ruta), no %2.",
    "%1 takes a whole number greater than zero, not %2.": "%1 recibe un número entero mayor que cero, no %2.",
    "%1 is too long (%2 characters; at most %3).": "%1 es demasiado largo (%2 caracteres; como máximo %3).",
    "%1 takes one of %2, not %3.": "%1 recibe uno de %2, no %3.",
    "%1 is given twice; give it once.": "%1 aparece dos veces; indíquelo una sola vez.",
    "%1 needs a value; usage: okla %2 %3": "%1 necesita un valor; uso: okla %2 %3",
    "unknown option %1; usage: okla %2 %3": "opción desconocida %1; uso: okla %2 %3",
    "unknown command %1; run \"okla --help\" for the list.": "comando desconocido %1; ejecute «okla --help» para ver la lista.",
    "Give either --month or --from and --to, not both.": "Indique --month o bien --from y --to, no ambos.",
    "The %1 URL uses plain HTTP, allowed only for the sandbox's simulators (providers/simulator = true in the profile).":
        "La URL de %1 usa HTTP sin cifrar, permitido solo para los simuladores del sandbox (providers/simulator = true en el perfil).",
    "The %1 URL must be https:// (plain HTTP would send the keys in clear).":
        "La URL de %1 debe ser https:// (HTTP sin cifrar enviaría las claves en claro).",
    "AZUL needs its client certificate and key (azul-client.pem, azul-client.key) in the credentials folder; nothing is sent without them.":
        "AZUL necesita su certificado de cliente y su clave (azul-client.pem, azul-client.key) en la carpeta de credenciales; sin ellos no se envía nada.",
    "AZUL is never called without its client certificate and key (mutual TLS).":
        "Nunca se llama a AZUL sin su certificado de cliente y su clave (TLS mutuo).",
    "AZUL refused the secure connection (client certificate, CA or pin); nothing was processed and an administrator must fix the configuration.":
        "AZUL rechazó la conexión segura (certificado de cliente, CA o pin); no se procesó nada y un administrador debe corregir la configuración.",
    "The Stripe secret key (stripe-secret-key) is empty; nothing is sent to Stripe without one.":
        "La clave secreta de Stripe (stripe-secret-key) está vacía; sin ella no se envía nada a Stripe.",
    "Stripe's secure connection was refused (CA or pin); nothing was processed and an administrator must fix the configuration.":
        "Se rechazó la conexión segura con Stripe (CA o pin); no se procesó nada y un administrador debe corregir la configuración.",
    "The subscription's billing anchor is not a valid date.":
        "La fecha de anclaje de facturación de la suscripción no es una fecha válida.",
    "The billing date is not a valid date.":
        "La fecha de facturación no es una fecha válida.",
    "A billing period number must be between 0 and %1.":
        "El número de un período de facturación debe estar entre 0 y %1.",
    "The date is before the subscription's first billed day.":
        "La fecha es anterior al primer día facturado de la suscripción.",
    "The first day of the range is after its last day.":
        "El primer día del rango es posterior a su último día.",
    "At least one billing period must be allowed.":
        "Debe permitirse al menos un período de facturación.",
    "More than %1 billing periods fall in the range; run it in shorter steps.":
        "Más de %1 períodos de facturación caen en el rango; ejecútelo en tramos más cortos.",
    "Free months must be between 0 and %1.":
        "Los meses gratis deben estar entre 0 y %1.",
    "The dunning policy %1 must be a whole number of days.":
        "El valor %1 de la política de cobro de morosos debe ser un número entero de días.",
    "Dunning retry days count from the day after the failure and must be positive.":
        "Los días de reintento de cobro cuentan desde el día siguiente al fallo y deben ser positivos.",
    "Dunning retry days must be in strictly ascending order.":
        "Los días de reintento de cobro deben estar en orden estrictamente ascendente.",
    "The dunning suspension day must be positive.":
        "El día de suspensión por falta de pago debe ser positivo.",
    "Every dunning retry must come before the suspension day.":
        "Cada reintento de cobro debe ser anterior al día de suspensión.",
    "The dunning cancellation day must come after the suspension day.":
        "El día de cancelación por falta de pago debe ser posterior al día de suspensión.",
    "The dunning cancellation day must be at most %1 days after the failure.":
        "El día de cancelación por falta de pago debe ser como máximo %1 días después del fallo.",
    "A dunning date is missing or invalid.":
        "Falta una fecha del cobro de morosos o no es válida.",
    "Dunning dates are out of order (first failure, last failure, today).":
        "Las fechas del cobro de morosos están desordenadas (primer fallo, último fallo, hoy).",
    "A cancelled or expired subscription is not reactivated by a payment; it needs a new subscription.":
        "Un pago no reactiva una suscripción cancelada o expirada; hace falta una suscripción nueva.",
    "Cannot listen on %1:%2.":
        "No se puede escuchar en %1:%2.",
    '"%1" is not a valid metric name.':
        "«%1» no es un nombre de métrica válido.",
    "A histogram needs increasing bucket bounds.":
        "Un histograma necesita límites de intervalos crecientes.",
    "The metric %1 was already declared with another type.":
        "La métrica %1 ya se declaró con otro tipo.",
    "RabbitMQ refused or lost the request (%1).":
        "RabbitMQ rechazó o perdió la solicitud (%1).",
    "The connection to RabbitMQ was lost (%1).":
        "Se perdió la conexión con RabbitMQ (%1).",
    "The connection to RabbitMQ was lost before the broker confirmed the message.":
        "Se perdió la conexión con RabbitMQ antes de que el servidor confirmara el mensaje.",
    "RabbitMQ is not connected; the next attempt is in %1 ms.":
        "RabbitMQ no está conectado; el próximo intento es en %1 ms.",
    "Cannot create a RabbitMQ connection.":
        "No se puede crear una conexión con RabbitMQ.",
    "Cannot reach RabbitMQ.":
        "No se puede contactar con RabbitMQ.",
    "The connection that delivered this message is gone; the broker delivers it again.":
        "La conexión que entregó este mensaje ya no existe; el servidor lo entregará de nuevo.",
    "The message was not sent: the connection to RabbitMQ was lost.":
        "El mensaje no se envió: se perdió la conexión con RabbitMQ.",
    "RabbitMQ did not confirm the message within %1 ms.":
        "RabbitMQ no confirmó el mensaje en %1 ms.",
    "RabbitMQ refused the message (nack).":
        "RabbitMQ rechazó el mensaje (nack).",
    "No queue is bound for the message's routing key; the broker returned it.":
        "Ninguna cola está enlazada a la clave de enrutamiento del mensaje; el servidor lo devolvió.",
    "The connection to RabbitMQ was lost.":
        "Se perdió la conexión con RabbitMQ.",
    "RabbitMQ closed the channel.":
        "RabbitMQ cerró el canal.",
    "RabbitMQ closed the connection.":
        "RabbitMQ cerró la conexión.",
    "This connection consumes no queue; call consume first.":
        "Esta conexión no consume ninguna cola; llame antes a consume.",
    "The queue %1 was never declared.":
        "La cola %1 nunca se declaró.",
    "The delivery limit of %1 must be at least 1.":
        "El límite de entregas de %1 debe ser al menos 1.",
    "No queue is bound for the routing key %1; the message was not stored.":
        "Ninguna cola está enlazada a la clave de enrutamiento %1; el mensaje no se guardó.",
    "This thread consumes no queue; call consume first.":
        "Este hilo no consume ninguna cola; llame antes a consume.",
    "This delivery was already settled or belongs to another connection.":
        "Esta entrega ya se resolvió o pertenece a otra conexión.",
    "This billing slice cannot run: %1":
        "Esta porción de la facturación no puede ejecutarse: %1",
    "The worker is stopping; the billing run goes back to the queue.":
        "El worker se está deteniendo; la facturación vuelve a la cola.",
    "%1 of %2 slices of the billing run failed; the first said: %3":
        "Fallaron %1 de %2 porciones de la facturación; la primera dijo: %3",
    "its date is not YYYY-MM-DD.":
        "su fecha no es AAAA-MM-DD.",
    "its index and count do not name a slice.":
        "su índice y su total no nombran una porción.",
    "%1 failed:":
        "%1 falló:",
    "refunds and unfinished charges wait: the providers are not configured:":
        "los reembolsos y los cobros inconclusos esperan: los proveedores no están configurados:",
    "A payment search needs a first and a last day, in order.":
        "Una búsqueda de pagos necesita un primer y un último día, en orden.",
    "%1 could not be read for reconciliation: %2":
        "No se pudo leer %1 para la conciliación: %2",
    "nothing was sent (%1)":
        "no se envió nada (%1)",
    "Reconciliation needs a valid day.":
        "La conciliación necesita un día válido.",
    "A %1 request needs a positive whole %2.":
        "Una solicitud %1 necesita un %2 entero positivo.",
    "Dealer %1 does not exist.":
        "El dealer %1 no existe.",
    "Invoice %1 is %2, not paid: it has no receipt to send.":
        "La factura %1 está %2, no pagada: no tiene recibo que enviar.",
    "Dealer %1 has no subscription in force: there is no card to update.":
        "El dealer %1 no tiene una suscripción vigente: no hay tarjeta que actualizar.",
    "Subscription %1 is %2: its overdue invoice must be paid before its plan changes.":
        "La suscripción %1 está %2: su factura vencida debe pagarse antes de cambiar el plan.",
    "Subscription %1 is cancelled at the end of its period: it has no next period to change.":
        "La suscripción %1 se cancela al final de su período: no tiene un próximo período que cambiar.",
    'There is no plan "%1"; the plans are: %2.':
        'No existe el plan "%1"; los planes son: %2.',
    "Plan %1 has no price in %2 today.":
        "El plan %1 no tiene precio en %2 hoy.",
    "A change_plan request needs a plan_key, a billing_cycle or both.":
        "Una solicitud change_plan necesita un plan_key, un billing_cycle o ambos.",
    "The billing cycle must be one of: %1.":
        "El ciclo de facturación debe ser uno de: %1.",
    "Subscription %1 is already on plan %2, billed %3: there is nothing to change.":
        "La suscripción %1 ya está en el plan %2, facturado %3: no hay nada que cambiar.",
    "Request %1 is no longer this worker's; nothing was charged.":
        "La solicitud %1 ya no es de este worker; no se cobró nada.",
    "Subscription %1 has no overdue or open invoice: there is nothing to charge.":
        "La suscripción %1 no tiene factura vencida ni abierta: no hay nada que cobrar.",
    "Invoice %1 has a charge still running or whose outcome is unknown; it is not charged again until reconciliation settles that one.":
        "La factura %1 tiene un cobro aún en curso o de resultado desconocido; no se cobra de nuevo hasta que la conciliación resuelva ese.",
    "Invoice %1 was not paid: the card can never pay again (%2). The dealer was asked to update it.":
        "La factura %1 no se pagó: la tarjeta no podrá pagar nunca más (%2). Se pidió al dealer que la actualice.",
    "Invoice %1 was not paid: the charge was declined (%2, %3). The dealer was told and dunning goes on.":
        "La factura %1 no se pagó: el cobro fue rechazado (%2, %3). Se avisó al dealer y el proceso de cobro continúa.",
    "The outcome of the charge of invoice %1 is not known yet; reconciliation settles it. Do not retry before then.":
        "El resultado del cobro de la factura %1 aún no se conoce; la conciliación lo resolverá. No reintente antes.",
    "Invoice %1 was not charged: it is no longer open, or another charge of it is under way.":
        "La factura %1 no se cobró: ya no está abierta o hay otro cobro suyo en curso.",
    'The reconciliation day "%1" is not a date (YYYY-MM-DD).':
        'El día de conciliación "%1" no es una fecha (AAAA-MM-DD).',
    "no Stripe webhooks on this worker:":
        "este worker no recibe webhooks de Stripe:",
    'The credential "%1" is empty.':
        'La credencial "%1" está vacía.',
    "waiting for a worker":
        "esperando a un worker",
    "running":
        "en curso",
    "done":
        "terminada",
    "failed":
        "fallida",
    "A subscription has a status or billing cycle the worker does not know.":
        "Una suscripción tiene un estado o ciclo de facturación que el worker no conoce.",
    "Billing run progress not written: %1":
        "No se escribió el avance de la facturación: %1",
    "KPI refresh after the billing run failed: %1":
        "Falló la actualización de los KPI tras la facturación: %1",
    "A dunning run needs a valid business date.":
        "Una ronda de cobranza necesita una fecha de negocio válida.",
    "Dunning of subscription %1 stopped: %2":
        "La cobranza de la suscripción %1 se detuvo: %2",
    "The period's invoice was written by someone else meanwhile; run again.":
        "Otro proceso escribió mientras tanto la factura del período; vuelva a ejecutar.",
    "The billing policy %1 has a value the renewal run cannot use.":
        "La política de facturación %1 tiene un valor que la renovación no puede usar.",
    "A billing run needs a valid business date.":
        "Una facturación necesita una fecha de negocio válida.",
    "Renewal of subscription %1 stopped: %2":
        "La renovación de la suscripción %1 se detuvo: %2",
    "The period's invoice was voided or cancelled; it is not charged.":
        "La factura del período se anuló o canceló; no se cobra.",
    "The subscription no longer exists.":
        "La suscripción ya no existe.",
    "Workers:":
        "Workers:",
    "none has recorded a heartbeat":
        "ninguno ha registrado un latido",
    "heartbeat %1 s ago, version %2, %3 of %4 busy":
        "latido hace %1 s, versión %2, %3 de %4 ocupados",
    "Requests:":
        "Solicitudes:",
    "none":
        "ninguna",
    "Refund %1 was not executed: %2":
        "El reembolso %1 no se ejecutó: %2",
    "Unfinished %1 operation %2 not completed: %3":
        "La operación %1 pendiente %2 no se completó: %3",
    "refusing to start:":
        "se niega a arrancar:",
    "%1 needs a value; usage: %2":
        "%1 necesita un valor; uso: %2",
    "%1 is too long.":
        "%1 es demasiado largo.",
    "--concurrency is at most %1.":
        "--concurrency es como máximo %1.",
    "--http-port takes a port from 0 to 65535 (0: any free port), not %1.":
        "--http-port acepta un puerto de 0 a 65535 (0: cualquiera libre), no %1.",
    "unknown option %1; usage: %2":
        "opción desconocida %1; uso: %2",
    'The billing day "%1" is not a date (YYYY-MM-DD).':
        "El día de facturación «%1» no es una fecha (AAAA-MM-DD).",
    "A cancel_at_period_end request needs a positive whole subscription_id.":
        "Una solicitud cancel_at_period_end necesita un subscription_id entero positivo.",
    "The cancellation reason must be one of: %1.":
        "El motivo de cancelación debe ser uno de: %1.",
    "Subscription %1 does not exist.":
        "La suscripción %1 no existe.",
    "Subscription %1 has already ended (%2).":
        "La suscripción %1 ya terminó (%2).",
    "The handler stopped with an exception: %1":
        "El manejador se detuvo con una excepción: %1",
    'This worker has no handler for requests of kind "%1" (it handles: %2).':
        "Este worker no atiende solicitudes del tipo «%1» (atiende: %2).",
    "request %1 (%2) failed: %3":
        "la solicitud %1 (%2) falló: %3",
    "heartbeat failed:":
        "falló el latido:",
    "gave back %1 requests of workers without a heartbeat":
        "devolvió %1 solicitudes de workers sin latido",
    "gave back %1 claimed requests":
        "devolvió %1 solicitudes tomadas",
    "worker %1 started (version %2, concurrency %3, queue %4); handles: %5":
        "worker %1 iniciado (versión %2, concurrencia %3, cola %4); atiende: %5",
    "could not look for requests:":
        "no pudo buscar solicitudes:",
    "executor %1 stopped claiming:":
        "el ejecutor %1 dejó de tomar solicitudes:",
    "--once: no request is pending any more":
        "--once: ya no queda ninguna solicitud pendiente",
    "could not mark the worker stopped:":
        "no pudo marcar el worker como detenido:",
    "worker %1 stopped":
        "worker %1 detenido",
    "stopping: no new claims; %1 requests in flight finish first":
        "deteniendo: no toma más solicitudes; primero terminan %1 en curso",
    "SIGHUP: the profile could not be read again; keeping the old one:":
        "SIGHUP: no se pudo volver a leer el perfil; se mantiene el anterior:",
    "SIGHUP: the reloaded profile does not connect; keeping the old one:":
        "SIGHUP: el perfil recargado no conecta; se mantiene el anterior:",
    'SIGHUP: profile "%1" reloaded; new connections use it':
        "SIGHUP: perfil «%1» recargado; las conexiones nuevas lo usan",
    'The worker login is not a member of okla_worker; make it with "okla dba apply --worker-login NAME".':
        "El usuario del worker no es miembro de okla_worker; créelo con «okla dba apply --worker-login NOMBRE».",
    'Connection profile "%1" names no worker login; add "login=NAME" under [worker].':
        "El perfil de conexión «%1» no indica usuario del worker; añada «login=NOMBRE» bajo [worker].",
    "Invoice %1 does not exist.":
        "La factura %1 no existe.",
    "The dealer has no stored payment method for %1.":
        "El dealer no tiene un medio de pago guardado para %1.",
    "The charge of invoice %1, attempt %2, is missing.":
        "Falta el cobro de la factura %1, intento %2.",
    "The idempotency key vanished while it was claimed.":
        "La clave de idempotencia desapareció mientras estaba tomada.",
    "This idempotency key was already used for another operation; make a new key.":
        "Esta clave de idempotencia ya se usó para otra operación; genere una clave nueva.",
    "This run lost its lease on the operation (another worker took it over); it stops here.":
        "Esta ejecución perdió su reserva de la operación (otro worker la tomó); se detiene aquí.",
    "This operation is already running in another worker; it will be finished there.":
        "Esta operación ya se está ejecutando en otro worker; se terminará allí.",
    "Refund %1 does not exist.":
        "El reembolso %1 no existe.",
    "The provider that captured this payment (%1) is not configured.":
        "El proveedor que capturó este pago (%1) no está configurado.",
    "Billing on %1 (Santo Domingo)":
        "Facturación del %1 (Santo Domingo)",
    "  subscriptions due: %1, in dunning: %2":
        "  suscripciones a cobrar: %1, en cobranza: %2",
    "  charges today: %1; not yet settled: %2":
        "  cobros de hoy: %1; sin liquidar: %2",
    "  open worker requests: %1":
        "  solicitudes abiertas al worker: %1",
    "  workers alive: %1":
        "  workers activos: %1",
    "  last billing run: #%1, %2, asked %3":
        "  última facturación: n.º %1, %2, pedida %3",
    "  no billing run has been asked for yet":
        "  todavía no se ha pedido ninguna facturación",
    "Request #%1 (%2) succeeded: %3":
        "La solicitud n.º %1 (%2) terminó bien: %3",
    "Request #%1 (%2) failed: %3":
        "La solicitud n.º %1 (%2) falló: %3",
    "Request #%1 (%2) is %3.":
        "La solicitud n.º %1 (%2) está %3.",
    "--idempotency-key must be a UUID such as %1.":
        "--idempotency-key debe ser un UUID como %1.",
    "Request #%1 (%2) queued; waiting for okla-worker (Ctrl+C stops waiting, not the work).":
        "Solicitud n.º %1 (%2) en cola; esperando a okla-worker (Ctrl+C deja de esperar, no detiene el trabajo).",
    "  progress: %1":
        "  avance: %1",
    "  still pending: is an okla-worker running? (`okla worker status`)":
        "  sigue pendiente: ¿hay un okla-worker en marcha? (`okla worker status`)",
    "request #%1 is still %2 after %3 s; it goes on in the worker (follow it with `okla billing status`).":
        "la solicitud n.º %1 sigue %2 tras %3 s; continúa en el worker (sígala con `okla billing status`).",
    "This idempotency key was already used for another request: %1.":
        "Esta clave de idempotencia ya se usó para otra solicitud: %1.",
    "The database refused the request: %1.":
        "La base de datos rechazó la solicitud: %1.",
    "There is no worker request #%1.":
        "No existe la solicitud al worker n.º %1.",
    "Loading billing figures…":
        "Cargando las cifras de facturación…",
    "Run today's billing":
        "Facturar hoy",
    "Asks okla-worker to charge every subscription due today; charging the same day twice charges nothing twice":
        "Pide a okla-worker cobrar cada suscripción que vence hoy; pedir el mismo día dos veces no cobra nada dos veces",
    "Reconcile today":
        "Conciliar hoy",
    "Asks okla-worker to compare AZUL and Stripe with OKLA's records for today":
        "Pide a okla-worker comparar AZUL y Stripe con los registros de OKLA de hoy",
    "Today (%1): %2 subscriptions due · %3 in dunning · charges %4 succeeded, %5 failed · %6 not yet settled · %7 worker requests open":
        "Hoy (%1): %2 suscripciones a cobrar · %3 en cobranza · cobros: %4 exitosos, %5 fallidos · %6 sin liquidar · %7 solicitudes abiertas",
    "No okla-worker is running: requests wait until one starts.":
        "No hay ningún okla-worker en marcha: las solicitudes esperan a que arranque uno.",
    "last billing run #%1: %2":
        "última facturación n.º %1: %2",
    "Could not ask the worker":
        "No se pudo pedir al worker",
    "Change plan":
        "Cambiar plan",
    "%1 moves to the plan and cycle below from its next period. okla-worker carries the change out and records it in the subscription's history.":
        "%1 pasa al plan y ciclo de abajo desde su próximo período. okla-worker hace el cambio y lo anota en el historial de la suscripción.",
    "&Plan":
        "&Plan",
    "&Cycle":
        "&Ciclo",
    "Ask the worker":
        "Pedir al worker",
    "payment #%1":
        "pago n.º %1",
    "subscription #%1":
        "suscripción n.º %1",
    "none in OKLA":
        "ninguno en OKLA",
    "Found":
        "Encontrada",
    "Provider":
        "Proveedor",
    "Finding":
        "Hallazgo",
    "Provider's id":
        "Id del proveedor",
    "OKLA record":
        "Registro de OKLA",
    "Expected":
        "Esperado",
    "At the provider":
        "En el proveedor",
    "Retries used up":
        "Reintentos agotados",
    "%1, ends %2":
        "%1, termina %2",
    "Monthly list price of the plan version, before discounts and ITBIS":
        "Precio mensual de lista de la versión del plan, antes de descuentos e ITBIS",
    "Overdue since %1":
        "Vencida desde %1",
    "Cycle":
        "Ciclo",
    "Price / month":
        "Precio / mes",
    "Next charge":
        "Próximo cobro",
    "Dunning":
        "Cobranza",
    "Reconciliation":
        "Conciliación",
    "Could not load the billing figures":
        "No se pudieron cargar las cifras de facturación",
    "Asked okla-worker: request #%1; the figures above follow it.":
        "Pedido a okla-worker: solicitud n.º %1; las cifras de arriba la siguen.",
    "Could not load subscriptions":
        "No se pudieron cargar las suscripciones",
    "Dealer name, RNC/cédula, or a subscription or dealer number":
        "Nombre del dealer, RNC/cédula, o número de suscripción o de dealer",
    "Any status":
        "Cualquier estado",
    "Any plan":
        "Cualquier plan",
    "Any provider":
        "Cualquier proveedor",
    "Any dunning stage":
        "Cualquier etapa de cobranza",
    "Not in dunning":
        "Sin cobranza",
    "Retrying":
        "Reintentando",
    "&Retry charge now":
        "&Reintentar cobro ahora",
    "Finance: charge the overdue invoice now, outside the dunning days":
        "Finanzas: cobrar ahora la factura vencida, fuera de los días de cobranza",
    "Cancel at &period end":
        "Cancelar al final del &período",
    "Finance and managers: the subscription ends when its paid period ends":
        "Finanzas y gerencia: la suscripción termina cuando acaba su período pagado",
    "C&hange plan…":
        "Cam&biar plan…",
    "Finance and managers: another plan or billing cycle from the next period":
        "Finanzas y gerencia: otro plan o ciclo de facturación desde el próximo período",
    "Reconciliation findings are for finance, managers and admins; your role does not see them. Ask finance about a payment that does not match.":
        "Los hallazgos de la conciliación son para finanzas, gerencia y administración; su rol no los ve. Consulte a finanzas por un pago que no cuadre.",
    "No open discrepancy: AZUL, Stripe and OKLA agree as of the last reconciliation.":
        "Ninguna discrepancia abierta: AZUL, Stripe y OKLA coinciden según la última conciliación.",
    "Loading subscriptions…":
        "Cargando suscripciones…",
    "No subscription matches these filters.":
        "Ninguna suscripción cumple estos filtros.",
    "Showing %1 of %2 subscriptions":
        "Mostrando %1 de %2 suscripciones",
    "%1: request #%2 asked; okla-worker carries it out and the table follows.":
        "%1: solicitud n.º %2 pedida; okla-worker la ejecuta y la tabla la sigue.",
    "Retry charge now":
        "Reintentar cobro ahora",
    "Charge the overdue invoice of %1 now, outside the dunning days?":
        "¿Cobrar ahora la factura vencida de %1, fuera de los días de cobranza?",
    "Retry charge":
        "Reintentar cobro",
    "Cancel at period end":
        "Cancelar al final del período",
    "%1 keeps its plan until its paid period ends, then the subscription is cancelled. Continue?":
        "%1 conserva su plan hasta que termine su período pagado; después la suscripción se cancela. ¿Continuar?",
}

# Plural forms: Spanish has two (one, other), as does English.
NUMERUS_ES = {
    "%n dealer(s) shown": ["%n dealer mostrado", "%n dealers mostrados"],
    "Applied %n migration(s); the schema is at version %1.": [
        "Se aplicó %n migración; el esquema está en la versión %1.",
        "Se aplicaron %n migraciones; el esquema está en la versión %1."],
    "%n worker(s) running": ["%n worker en marcha", "%n workers en marcha"],
    "Retrying (%n failed)": ["Reintentando (%n fallido)", "Reintentando (%n fallidos)"],
    "%n open discrepancy(ies), newest first. Each stays open until someone resolves it with a note.": ["%n discrepancia abierta, la más reciente primero. Sigue abierta hasta que alguien la resuelva con una nota.", "%n discrepancias abiertas, las más recientes primero. Cada una sigue abierta hasta que alguien la resuelva con una nota."],
    "%n subscription(s) shown": ["%n suscripción mostrada", "%n suscripciones mostradas"],
}
NUMERUS_EN = {
    "%n dealer(s) shown": ["%n dealer shown", "%n dealers shown"],
    "Applied %n migration(s); the schema is at version %1.": [
        "Applied %n migration; the schema is at version %1.",
        "Applied %n migrations; the schema is at version %1."],
    "%n worker(s) running": ["%n worker running", "%n workers running"],
    "Retrying (%n failed)": ["Retrying (%n failed)", "Retrying (%n failed)"],
    "%n open discrepancy(ies), newest first. Each stays open until someone resolves it with a note.": ["%n open discrepancy, newest first. It stays open until someone resolves it with a note.", "%n open discrepancies, newest first. Each stays open until someone resolves it with a note."],
    "%n subscription(s) shown": ["%n subscription shown", "%n subscriptions shown"],
}


def fill(path, lookup, numerus, english):
    tree = ET.parse(path)
    missing = []
    for ctx in tree.getroot().iter("context"):
        for msg in ctx.iter("message"):
            source = msg.find("source").text or ""
            comment_el = msg.find("comment")
            comment = comment_el.text if comment_el is not None else None
            tr = msg.find("translation")
            if tr.get("type") in ("vanished", "obsolete"):
                continue
            if msg.get("numerus") == "yes":
                forms = numerus.get(source)
                if not forms:
                    missing.append(source)
                    continue
                for child in list(tr):
                    tr.remove(child)
                tr.text = None
                for form in forms:
                    ET.SubElement(tr, "numerusform").text = form
            else:
                text = source if english else lookup(source, comment, ctx.find('name').text)
                if text is None:
                    missing.append(f"[{ctx.find('name').text}] {source}")
                    continue
                tr.text = text
            if "type" in tr.attrib:
                del tr.attrib["type"]
    tree.write(path, encoding="utf-8", xml_declaration=True)
    # Keep lupdate's DOCTYPE line so diffs stay small.
    data = Path(path).read_text(encoding="utf-8")
    if "<!DOCTYPE TS>" not in data:
        data = data.replace("?>\n", "?>\n<!DOCTYPE TS>\n", 1)
        Path(path).write_text(data, encoding="utf-8")
    return missing


# The KPI dashboard (context okla::ui::kpi::KpiText, ui/kpi/kpitext.h): the labels docs/kpi.md gives.
# They win over ES in that context (e.g. "MRR" is spelled out on the Panel and in the monthly PDF).
KPI_CONTEXT = "okla::ui::kpi::KpiText"
KPI = {
    "Month": "Mes",
    "Quarter": "Trimestre",
    "Year": "Año",
    "Custom range": "Rango",
    "Period": "Período",
    "Currency": "Moneda de reporte",
    "Monthly report (PDF)…": "Informe mensual (PDF)…",
    "MRR": "Ingreso recurrente mensual",
    "List-price MRR": "MRR a precio de lista",
    "Discounts": "Descuentos",
    "Net new MRR": "MRR neto nuevo",
    "FX effect": "Efecto cambiario",
    "Paying dealers": "Dealers pagando",
    "Subscribed dealers": "Dealers suscritos",
    "Customer churn": "Tasa de cancelación de dealers",
    "Gross MRR churn": "Churn bruto de MRR",
    "Net MRR churn": "Churn neto de MRR",
    "NRR": "Retención neta de ingresos",
    "ARPA": "Ingreso promedio por dealer",
    "LTV (estimate)": "Valor de vida del dealer (estimado)",
    "Quick ratio": "Quick ratio",
    "no losses": "sin pérdidas",
    "First-attempt success (AZUL)": "Éxito al primer intento (AZUL)",
    "First-attempt success": "Éxito al primer intento",
    "Overall success": "Éxito global",
    "Collection rate": "Tasa de cobro",
    "Recovery rate": "Tasa de recuperación",
    "Payments processed": "Pagos procesados",
    "Provider spend": "Gasto en proveedores",
    "Budget": "Presupuesto",
    "Spend": "Gasto",
    "New": "Nuevo",
    "Expansion": "Expansión",
    "Reactivation": "Reactivación",
    "Contraction": "Contracción",
    "Churn": "Cancelación",
    "Target": "Meta",
    "target %1": "meta %1",
    "no target": "sin meta",
    "vs previous: %1": "vs. anterior: %1",
    "MRR by plan": "MRR por plan",
    "MRR movements": "Movimientos de MRR",
    "Customer churn vs target": "Cancelación vs. meta",
    "Payment success by provider": "Éxito de pagos por proveedor",
    "Payments processed by quarter": "Pagos procesados por trimestre",
    "Spend by provider vs budget": "Gasto por proveedor vs. presupuesto",
    "M%1": "M%1",
    "Cohort retention": "Retención por cohorte",
    "Dealers": "Dealers",
    "Revenue (constant FX)": "Ingresos (tasa constante)",
    "Dealers behind the number": "Dealers detrás de la cifra",
    "Dealer": "Dealer",
    "Plan": "Plan",
    "Date": "Fecha",
    "Amount": "Monto",
    "Detail": "Detalle",
    "voluntary": "voluntaria",
    "involuntary": "involuntaria",
    "Dealer 360 does not exist yet: this list is read-only for now.": "Dealer 360 todavía no existe: por ahora esta lista es solo de lectura.",
    "%1 dealers": "%1 dealers",
    "%1 voluntary, %2 involuntary": "%1 voluntarias, %2 involuntarias",
    "Loading…": "Cargando…",
    "The export could not be prepared.": "No se pudo preparar la exportación.",
    "Saved %1": "Guardado en %1",
    "Could not load the KPIs": "No se pudieron cargar los indicadores",
    "Could not load the dealers": "No se pudieron cargar los dealers",
    "Snapshots as of %1": "Datos al %1",
    "No KPI snapshots yet: run `okla kpi rebuild`.": "Aún no hay datos de KPI: ejecute «okla kpi rebuild».",
    "stale FX rate": "tasa de cambio desactualizada",
    "Monthly KPI report": "Informe mensual de KPI",
    "Generated %1": "Generado el %1",
    "Indicator": "Indicador",
    "Value": "Valor",
    "Save chart as PNG": "Guardar gráfico como PNG",
    "Save data as CSV": "Guardar datos como CSV",
    "Save the monthly report": "Guardar el informe mensual",
    "of budget": "del presupuesto",
    "Recovered MRR %1": "MRR recuperado %1",
    "provisional": "provisional",
    "%1 unknown": "%1 sin resolver",
    "Early Bird enrolled": "Early Bird: inscritos",
    "1 dealer": "1 dealer",
    "Change and detail": "Cambio y detalle",
    "Target and detail": "Meta y detalle",
    "%1 still in their free months": "%1 aún en sus meses gratis",
    "New MRR when free months end: %1": "MRR nuevo al terminar los meses gratis: %1",
    "Free months ending (New MRR ahead)": "Fin de meses gratis (MRR nuevo por venir)",
    "No data for this period": "Sin datos para este período",
    "Export": "Exportar",
    "Picture (PNG)…": "Imagen (PNG)…",
    "Data (CSV)…": "Datos (CSV)…",
    "Revenue, churn, collections and spend against the 2026 roadmap targets": "Ingresos, cancelaciones, cobros y gastos frente a las metas del roadmap 2026",
    "AZUL fees %1": "Comisiones AZUL %1",
    "12 months: %1": "12 meses: %1",
    "list %1": "lista %1",
}


def spanish(source, comment, context):
    if context == KPI_CONTEXT:
        return KPI.get(source)
    if (source, comment) in BY_COMMENT:
        return BY_COMMENT[(source, comment)]
    return ES.get(source, KPI.get(source))


if __name__ == "__main__":
    folder = Path(sys.argv[1]) if len(sys.argv) > 1 else HERE
    missing = fill(folder / "okla_es.ts", spanish, NUMERUS_ES, False)
    fill(folder / "okla_en.ts", None, NUMERUS_EN, True)
    for m in missing:
        print("untranslated:", m)
    sys.exit(1 if missing else 0)
