#pragma once

#include <QMetaType>

namespace okla::models {

/// What the status bar shows about a connection the console keeps open.
enum class ConnectionState { Disconnected, Connecting, Connected, Reconnecting };

} // namespace okla::models

Q_DECLARE_METATYPE(okla::models::ConnectionState)
