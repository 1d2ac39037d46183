#pragma once

#include <optional>
#include <utility>
#include <variant>

#include <QCoreApplication>
#include <QString>

namespace okla::models {

/// A typed error: a stable code for programs, a message for people, a detail for engineers.
struct Error
{
    QString code;    ///< stable, dotted, e.g. "money.parse.exponent" or "db.connect"
    QString message; ///< already translated (built with QCoreApplication::translate)
    QString detail;  ///< technical detail (server text, errno...); never secrets or card numbers

    QString toString() const { return detail.isEmpty() ? message : message + QStringLiteral(" (") + detail + u')'; }
};

inline Error makeError(QString code, QString message, QString detail = {})
{
    return Error{std::move(code), std::move(message), std::move(detail)};
}

/// A value or an Error. The one way services and domain code report failure.
template<typename T>
class [[nodiscard]] Result
{
public:
    Result(T value) : m_state(std::move(value)) {}
    Result(Error error) : m_state(std::move(error)) {}

    bool ok() const { return std::holds_alternative<T>(m_state); }
    explicit operator bool() const { return ok(); }
    const T &value() const & { return std::get<T>(m_state); }
    T &value() & { return std::get<T>(m_state); }
    T &&value() && { return std::get<T>(std::move(m_state)); }
    const T &operator*() const & { return value(); }
    const T *operator->() const { return &value(); }
    T *operator->() { return &value(); }
    const Error &error() const { return std::get<Error>(m_state); }

private:
    std::variant<T, Error> m_state;
};

/// Result of an operation with no value.
template<>
class [[nodiscard]] Result<void>
{
public:
    Result() = default;
    Result(Error error) : m_error(std::move(error)) {}

    bool ok() const { return !m_error.has_value(); }
    explicit operator bool() const { return ok(); }
    const Error &error() const { return *m_error; }

private:
    std::optional<Error> m_error;
};

using Status = Result<void>;

} // namespace okla::models
