#pragma once

namespace okla::services {
class Session;
}

namespace okla::ui {

/// What pages may use: the signed-in session (database service, LISTEN connection, who is in).
struct PageContext
{
    services::Session *session = nullptr;
};

} // namespace okla::ui
