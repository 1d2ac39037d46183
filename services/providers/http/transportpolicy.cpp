#include "services/providers/http/transportpolicy.h"

#include <QHostAddress>

namespace okla::services::http {

bool TransportPolicy::isLoopback(const QUrl &url)
{
    const QString host = url.host();
    if (host.compare(QLatin1String("localhost"), Qt::CaseInsensitive) == 0)
        return true;
    const QHostAddress address(host);
    return !address.isNull() && address.isLoopback();
}

bool TransportPolicy::allowed(const QUrl &url, bool loopbackHttp)
{
    if (!url.isValid() || url.host().isEmpty() || !url.userInfo().isEmpty())
        return false;
    if (url.scheme() == QLatin1String("https"))
        return true;
    return loopbackHttp && url.scheme() == QLatin1String("http") && isLoopback(url);
}

models::Status TransportPolicy::checkUrl(const QString &provider, const QUrl &url) const
{
    if (allowed(url, simulator))
        return {};
    const QString shown = url.toDisplayString(QUrl::RemoveUserInfo | QUrl::RemoveQuery).left(120);
    const QString code = provider + QStringLiteral(".config.insecure_url");
    if (url.scheme() == QLatin1String("http") && isLoopback(url))
        return models::makeError(code,
                                 tr("The %1 URL uses plain HTTP, allowed only for the sandbox's simulators "
                                    "(providers/simulator = true in the profile).").arg(provider),
                                 shown);
    return models::makeError(code, tr("The %1 URL must be https:// (plain HTTP would send the keys in clear).").arg(provider),
                             shown);
}

} // namespace okla::services::http
