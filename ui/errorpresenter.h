#pragma once

#include <QString>

#include "models/result.h"

class QWidget;

namespace okla::ui {

/// The one place that shows a typed error to a person: message first, technical detail on demand.
class ErrorPresenter
{
public:
    static void show(QWidget *parent, const QString &title, const models::Error &error);
};

} // namespace okla::ui
