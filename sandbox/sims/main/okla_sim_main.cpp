// okla-sim: the AZUL (HTTPS, mutual TLS) and Stripe (HTTP) simulators in one process.
// Prints {"azul":<port>,"stripe":<port>} on stdout once both listen, so a launcher can read them.
#include <cstdio>

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>

#include "sandbox/sims/simhost.h"

using namespace okla::sandbox;

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("okla-sim"));
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Stateful AZUL and Stripe simulators for the OKLA sandbox and tests. "
                                                    "The /_sim/* control endpoints are unauthenticated and answer loopback clients only."));
    parser.addHelpOption();
    const QCommandLineOption azulPort(QStringLiteral("azul-port"), QStringLiteral("AZUL HTTPS port (0 = any free)."), QStringLiteral("N"), QStringLiteral("0"));
    const QCommandLineOption stripePort(QStringLiteral("stripe-port"), QStringLiteral("Stripe HTTP port (0 = any free)."), QStringLiteral("M"), QStringLiteral("0"));
    const QCommandLineOption db(QStringLiteral("db"), QStringLiteral("libpq conninfo of the simulator database (created if missing)."), QStringLiteral("conninfo"));
    const QCommandLineOption certs(QStringLiteral("certs"), QStringLiteral("Folder of the AZUL simulator's CA and certificates (made if missing)."), QStringLiteral("dir"));
    const QCommandLineOption credentials(QStringLiteral("credentials"), QStringLiteral("Credentials folder (azul-auth1, azul-auth2, stripe-secret-key)."), QStringLiteral("dir"));
    const QCommandLineOption store(QStringLiteral("azul-store"), QStringLiteral("The only accepted AZUL Store (merchant id); default: any."), QStringLiteral("id"));
    const QCommandLineOption pidFile(QStringLiteral("pid-file"), QStringLiteral("Write the process id here."), QStringLiteral("file"));
    parser.addOptions({azulPort, stripePort, db, certs, credentials, store, pidFile});
    parser.process(app);
    if (!parser.isSet(db) || !parser.isSet(certs) || !parser.isSet(credentials)) {
        std::fprintf(stderr, "okla-sim: --db, --certs and --credentials are required\n");
        return 2;
    }

    SimOptions options;
    options.conninfo = parser.value(db);
    options.certDir = parser.value(certs);
    options.credentialsDir = parser.value(credentials);
    options.azulStore = parser.value(store);
    SimHost host(options);
    if (auto s = host.start(quint16(parser.value(azulPort).toUInt()), quint16(parser.value(stripePort).toUInt())); !s) {
        std::fprintf(stderr, "okla-sim: %s\n", qPrintable(s.error().toString()));
        return 1;
    }
    if (parser.isSet(pidFile)) {
        QFile f(parser.value(pidFile));
        if (f.open(QIODevice::WriteOnly | QIODevice::Truncate))
            f.write(QByteArray::number(QCoreApplication::applicationPid()) + '\n');
    }
    const QByteArray ports = QJsonDocument(QJsonObject{{QStringLiteral("azul"), host.azulPort()},
                                                       {QStringLiteral("stripe"), host.stripePort()}})
                                 .toJson(QJsonDocument::Compact);
    std::fprintf(stdout, "%s\n", ports.constData());
    std::fflush(stdout);
    return app.exec();
}
