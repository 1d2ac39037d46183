#include "sandbox/sims/azulsimulator.h"

#include <QCryptographicHash>
#include <QFile>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QSslKey>
#include <QTimer>
#include <QUrlQuery>

#include "sandbox/sims/simcertificates.h"
#include "sandbox/sims/simdatabase.h"

Q_LOGGING_CATEGORY(lcAzulSim, "okla.sandbox.sims.azul")

namespace okla::sandbox {

QJsonObject azulError(const QString &description)
{
    return QJsonObject{{QStringLiteral("ResponseCode"), QStringLiteral("Error")},
                       {QStringLiteral("IsoCode"), QString()},
                       {QStringLiteral("ResponseMessage"), QStringLiteral("ERROR")},
                       {QStringLiteral("ErrorDescription"), description},
                       {QStringLiteral("AzulOrderId"), QString()},
                       {QStringLiteral("AuthorizationCode"), QString()}};
}

namespace {
SimResponse azulReply(int status, const QJsonObject &body)
{
    return SimResponse::json(status, QJsonDocument(body));
}
} // namespace

QByteArray readCredential(const QString &dir, const QString &name)
{
    QFile f(dir + u'/' + name);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return f.readAll().trimmed();
}

AzulSimulator::AzulSimulator(SimOptions options, QObject *parent)
    : QObject(parent), m_options(std::move(options))
{
}

AzulSimulator::~AzulSimulator() = default;

models::Result<quint16> AzulSimulator::start(quint16 port)
{
    auto db = openSimDatabase(m_options.conninfo);
    if (!db)
        return db.error();
    m_db = std::move(db).value();
    m_store = std::make_unique<AzulStore>(m_db);

    SimCertificates certs(m_options.certDir);
    if (auto s = certs.ensure(); !s)
        return s.error();
    m_auth1 = readCredential(m_options.credentialsDir, QStringLiteral("azul-auth1"));
    m_auth2 = readCredential(m_options.credentialsDir, QStringLiteral("azul-auth2"));
    if (m_auth1.isEmpty() || m_auth2.isEmpty())
        return models::makeError(QStringLiteral("sim.azul.credentials"),
                                 tr("The AZUL simulator needs azul-auth1 and azul-auth2 in the credentials folder."),
                                 m_options.credentialsDir);
    m_ca = QSslCertificate::fromPath(certs.caFile()).value(0);
    QFile keyFile(certs.serverKeyFile());
    if (!keyFile.open(QIODevice::ReadOnly))
        return models::makeError(QStringLiteral("sim.azul.tls"), tr("The AZUL simulator has no server key."), keyFile.fileName());
    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    tls.setLocalCertificate(QSslCertificate::fromPath(certs.serverCertFile()).value(0));
    tls.setPrivateKey(QSslKey(keyFile.readAll(), QSsl::Rsa));
    tls.setCaCertificates({m_ca});
    // QueryPeer: ask for a client certificate but let the request through, so that a missing or
    // foreign one gets AZUL's MISSING_CLIENT_CERT / INVALID_CLIENT_CERT answer, not a bare alert.
    tls.setPeerVerifyMode(QSslSocket::QueryPeer);
    tls.setProtocol(QSsl::TlsV1_2OrLater);

    m_control.clock().setOffsetMs(simSetting(m_db, QStringLiteral("azul"), QStringLiteral("clock_offset_ms")).toLongLong());
    m_oneRefund = simSetting(m_db, QStringLiteral("azul"), QStringLiteral("one_refund")) == QLatin1String("true");
    const QString pct = simSetting(m_db, QStringLiteral("azul"), QStringLiteral("post_max_pct"));
    if (!pct.isEmpty())
        m_postMaxPct = pct.toInt();

    m_server = new SimHttpServer([this](const SimExchangePtr &e) { handle(e); }, this);
    m_server->setTlsConfiguration(tls);
    if (!m_server->listen(m_options.address, port))
        return models::makeError(QStringLiteral("sim.azul.listen"), tr("The AZUL simulator cannot listen."), m_server->errorString());
    qCInfo(lcAzulSim) << "AZUL simulator on port" << m_server->port();
    return m_server->port();
}

void AzulSimulator::persistSettings()
{
    setSimSetting(m_db, QStringLiteral("azul"), QStringLiteral("clock_offset_ms"), QString::number(m_control.clock().offsetMs()));
    setSimSetting(m_db, QStringLiteral("azul"), QStringLiteral("one_refund"), m_oneRefund ? QStringLiteral("true") : QStringLiteral("false"));
    setSimSetting(m_db, QStringLiteral("azul"), QStringLiteral("post_max_pct"), QString::number(m_postMaxPct));
}

void AzulSimulator::handleControl(const SimExchangePtr &exchange)
{
    const SimRequest &req = exchange->request();
    if (!SimControl::isLoopback(req)) {
        exchange->reply(simJsonError(403, QStringLiteral("control endpoints answer loopback clients only")));
        return;
    }
    if (req.path == "/_sim/reset" && req.method == "POST") {
        if (models::Status truncated = m_store->truncateAll(); !truncated) {
            exchange->reply(simJsonError(500, QStringLiteral("reset failed: ") + truncated.error().detail));
            return;
        }
        m_control.resetAll();
        m_oneRefund = false;
        m_postMaxPct = 15;
        exchange->reply(SimResponse::json(200, QJsonDocument(QJsonObject{{QStringLiteral("reset"), true}})));
        return;
    }
    if (req.path == "/_sim/config") {
        if (req.method == "POST") {
            const QJsonObject o = QJsonDocument::fromJson(req.body).object();
            if (o.contains(QStringLiteral("one_refund")))
                m_oneRefund = o.value(QStringLiteral("one_refund")).toBool();
            if (o.contains(QStringLiteral("post_max_pct")))
                m_postMaxPct = o.value(QStringLiteral("post_max_pct")).toInt();
            persistSettings();
        }
        exchange->reply(SimResponse::json(200, QJsonDocument(QJsonObject{{QStringLiteral("one_refund"), m_oneRefund},
                                                                         {QStringLiteral("post_max_pct"), m_postMaxPct}})));
        return;
    }
    if (!m_control.handle(exchange, [this] { persistSettings(); }))
        exchange->reply(simJsonError(404, QStringLiteral("unknown control endpoint")));
}

std::optional<QString> AzulSimulator::checkClientCertificate(const SimRequest &request)
{
    if (request.peerCertificateChain.isEmpty())
        return QStringLiteral("MISSING_CLIENT_CERT");
    const QSslCertificate &leaf = request.peerCertificateChain.first();
    const QByteArray digest = leaf.digest(QCryptographicHash::Sha256);
    auto it = m_verifiedCerts.find(digest);
    if (it == m_verifiedCerts.end())
        it = m_verifiedCerts.insert(digest, SimCertificates::isSignedBy(leaf, m_ca));
    if (!it.value())
        return QStringLiteral("INVALID_CLIENT_CERT");
    return std::nullopt;
}

void AzulSimulator::handle(const SimExchangePtr &exchange)
{
    const SimRequest &req = exchange->request();
    ensureSimConnection(m_db, m_options.conninfo, m_lastDbUse);
    if (req.path.startsWith("/_sim/")) {
        handleControl(exchange);
        return;
    }
    if (req.path.toLower() != "/webservices/json/default.aspx") {
        exchange->reply(SimResponse{404, {{"Content-Type", "text/html"}}, "<html><body>404 Not Found</body></html>"});
        return;
    }
    if (const auto certError = checkClientCertificate(req)) {
        exchange->reply(azulReply(403, azulError(*certError)));
        return;
    }
    if (req.method != "POST") {
        exchange->reply(azulReply(405, azulError(QStringLiteral("INVALID_HTTP_METHOD"))));
        return;
    }
    const QByteArray auth1 = req.header("auth1");
    const QByteArray auth2 = req.header("auth2");
    if (auth1.isEmpty() || auth2.isEmpty()) {
        exchange->reply(azulReply(401, azulError(auth1.isEmpty() ? QStringLiteral("MISSING_AUTH_HEADER:Auth1")
                                                                 : QStringLiteral("MISSING_AUTH_HEADER:Auth2"))));
        return;
    }
    if (auth1 != m_auth1 || auth2 != m_auth2) {
        exchange->reply(azulReply(401, azulError(QStringLiteral("INVALID_AUTH:Auth"))));
        return;
    }
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(req.body, &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isObject()) {
        exchange->reply(azulReply(400, azulError(QStringLiteral("PARSING_ERROR"))));
        return;
    }
    Fields fields;
    const QJsonObject object = doc.object();
    for (auto it = object.begin(); it != object.end(); ++it)
        fields.insert(it.key().toLower(), it.value());
    if (fields.value(QStringLiteral("channel")).toString() != QLatin1String("EC")) {
        exchange->reply(azulReply(400, azulError(QStringLiteral("INVALID_CHANNEL"))));
        return;
    }
    const QString store = fields.value(QStringLiteral("store")).toVariant().toString();
    static const QRegularExpression merchantId(QStringLiteral("^[0-9]{1,11}$"));
    if (m_options.azulStore.isEmpty() ? !merchantId.match(store).hasMatch() : store != m_options.azulStore) {
        exchange->reply(azulReply(400, azulError(QStringLiteral("INVALID_MERCHANTID"))));
        return;
    }

    const QString word = QString::fromLatin1(req.query).section(u'&', 0, 0).section(u'=', 0, 0).toLower();
    QString operation;
    if (word.isEmpty()) {
        const QString trxType = fields.value(QStringLiteral("trxtype")).toString();
        if (trxType == QLatin1String("Sale") || trxType == QLatin1String("Hold") || trxType == QLatin1String("Refund"))
            operation = trxType;
        else {
            exchange->reply(azulReply(400, azulError(QStringLiteral("VALIDATION_ERROR:TrxType"))));
            return;
        }
    } else if (word == QLatin1String("processpost")) {
        operation = QStringLiteral("Post");
    } else if (word == QLatin1String("processvoid")) {
        operation = QStringLiteral("Void");
    } else if (word == QLatin1String("verifypayment")) {
        operation = QStringLiteral("VerifyPayment");
    } else if (word == QLatin1String("processdatavault")) {
        operation = fields.value(QStringLiteral("trxtype")).toString().toUpper() == QLatin1String("DELETE")
                        ? QStringLiteral("DataVaultDelete") : QStringLiteral("DataVaultCreate");
    } else if (word == QLatin1String("searchpayments")) {
        operation = QStringLiteral("SearchPayments");
    } else {
        exchange->reply(azulReply(400, azulError(QStringLiteral("INVALID_OPERATION:") + word)));
        return;
    }

    const QString original = fields.value(QStringLiteral("azulorderid")).toVariant().toString();
    m_control.countRequest(operation, {{QStringLiteral("CustomOrderId"), fields.value(QStringLiteral("customorderid")).toString()},
                                       {QStringLiteral("AzulOrderId"), original}});
    const SimFaultPlan plan = m_control.planFor(operation);
    if (plan.latencyMs > 0) {
        QTimer::singleShot(plan.latencyMs, Qt::PreciseTimer, this, [this, exchange, operation, fields, plan] {
            execute(exchange, operation, fields, plan);
        });
    } else {
        execute(exchange, operation, fields, plan);
    }
}

void AzulSimulator::execute(const SimExchangePtr &exchange, const QString &operation, const Fields &fields,
                            const SimFaultPlan &plan)
{
    if (plan.failure) {
        if (plan.failure->kind == SimFault::Kind::Reset) {
            exchange->reset();
        } else {
            const int status = plan.failure->kind == SimFault::Kind::TooManyRequests ? 429 : plan.failure->httpStatus;
            exchange->reply(SimResponse{status, {{"Content-Type", "text/html"}},
                                        "<html><head><title>Service Unavailable</title></head><body>"
                                        "<h1>Service Unavailable</h1></body></html>"});
        }
        return;
    }
    int status = 200;
    QJsonObject body;
    m_store->takeFailure();
    if (operation == QLatin1String("Sale") || operation == QLatin1String("Hold"))
        body = sale(operation, fields, plan, &status);
    else if (operation == QLatin1String("Refund"))
        body = refund(fields, &status);
    else if (operation == QLatin1String("Post"))
        body = post(fields, &status);
    else if (operation == QLatin1String("Void"))
        body = voidTransaction(fields, &status);
    else if (operation == QLatin1String("VerifyPayment"))
        body = verify(fields, &status);
    else if (operation.startsWith(QLatin1String("DataVault")))
        body = dataVault(fields, &status);
    else
        body = search(fields, &status);

    if (m_store->takeFailure()) {
        // A lookup failed in the database: never answer as if the transaction did not exist.
        status = 500;
        body = azulError(QStringLiteral("PROCESSING_ERROR"));
    }
    const bool effect = body.value(QStringLiteral("IsoCode")).toString() == QLatin1String("00")
                        && operation != QLatin1String("VerifyPayment");
    if (effect) {
        m_control.countEffect(operation, {{QStringLiteral("CustomOrderId"), fields.value(QStringLiteral("customorderid")).toString()},
                                          {QStringLiteral("AzulOrderId"), fields.value(QStringLiteral("azulorderid")).toVariant().toString()}});
    }
    if (plan.timeoutAfterCommit) {
        exchange->drop(); // the state is saved; the client never hears about it
        return;
    }
    exchange->reply(azulReply(status, body));
}

} // namespace okla::sandbox
