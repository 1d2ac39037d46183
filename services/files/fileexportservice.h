#pragma once

#include <QByteArray>
#include <QFuture>
#include <QObject>
#include <QString>

#include "models/result.h"
#include "services/concurrency/servicethread.h"

namespace okla::services {

/// Writes exports (PDF, PNG, CSV) that the UI has rendered into memory, on its own thread: the
/// GUI never writes a file (docs/architecture.md §3). Atomic: a failed write leaves any earlier
/// file at that path untouched.
class FileExportService : public QObject
{
    Q_OBJECT
public:
    explicit FileExportService(QObject *parent = nullptr);

    QFuture<models::Status> save(const QString &path, QByteArray bytes);

private:
    ServiceThread m_thread;
};

} // namespace okla::services
