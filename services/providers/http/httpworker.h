#pragma once

#include <memory>

#include <QObject>
#include <QFuture>
#include <QPromise>

#include "services/providers/http/httpexchange.h"

class QNetworkAccessManager;

namespace okla::services::http {

/// Lives in one service thread and owns that thread's QNetworkAccessManager.
/// Internal to HttpTransport.
class HttpWorker : public QObject
{
    Q_OBJECT
public:
    HttpWorker(TlsOptions tls, bool allowHttp2);

    /// Must run in the worker's thread.
    void start(HttpRequest request, std::shared_ptr<QPromise<HttpOutcome>> promise);

private:
    QNetworkAccessManager *manager();

    TlsOptions m_tls;
    bool m_allowHttp2;
    QNetworkAccessManager *m_manager = nullptr;
};

} // namespace okla::services::http
