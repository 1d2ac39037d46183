#pragma once

#include <optional>

#include <QFuture>
#include <QObject>
#include <QString>

#include "models/dealers/dealersummary.h"
#include "models/result.h"

namespace okla::services {

class Session;

/// The dealers facade: search, keyset pages and counts on the session's database thread, and a
/// `changed()` hint when dealers change (NOTIFY, or a LISTEN reconnect that may have missed one).
/// A hint only ever leads to a re-query (docs/architecture.md §5).
class DealerService : public QObject
{
    Q_OBJECT
public:
    static constexpr int PageSize = 200;

    explicit DealerService(Session *session, QObject *parent = nullptr);

    /// Newest first; `search` matches name, RNC/cédula (dashes ignored), city and e-mail.
    QFuture<models::Result<models::DealerPage>> page(const QString &search,
                                                     std::optional<models::DealerCursor> after,
                                                     int limit = PageSize);
    /// How many dealers match `search`.
    QFuture<models::Result<qint64>> count(const QString &search);

signals:
    void changed();

private:
    Session *m_session;
};

} // namespace okla::services
