#include "services/files/fileexportservice.h"

#include <QCoreApplication>
#include <QSaveFile>

namespace okla::services {

using models::makeError;
using models::Result;
using models::Status;

FileExportService::FileExportService(QObject *parent) : QObject(parent), m_thread(QStringLiteral("okla-files")) {}

QFuture<Status> FileExportService::save(const QString &path, QByteArray bytes)
{
    return m_thread
        .post<bool>([path, bytes = std::move(bytes)](const JobControl &) -> Result<bool> {
            QSaveFile file(path);
            if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit())
                return makeError(QStringLiteral("files.write"),
                                 QCoreApplication::translate("okla", "Could not save %1.").arg(path), file.errorString());
            return true;
        })
        .then([](const Result<bool> &written) { return written.ok() ? Status() : Status(written.error()); });
}

} // namespace okla::services
