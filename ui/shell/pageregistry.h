#pragma once

#include <functional>

#include <QList>

#include "ui/shell/pagecontext.h"

class QWidget;

namespace okla::ui {

class Page;

/// The pages of the console, in navigation order. Pages are added explicitly (static libraries
/// drop self-registering objects nobody references), so the main window stays page-agnostic.
class PageRegistry
{
public:
    using Factory = std::function<Page *(const PageContext &, QWidget *parent)>;

    void add(Factory factory) { m_factories << std::move(factory); }
    const QList<Factory> &factories() const { return m_factories; }

    /// Panel, Dealers, Payments, Refunds, Subscriptions, Storage, Infrastructure, Audit, Settings.
    static PageRegistry standard();

private:
    QList<Factory> m_factories;
};

} // namespace okla::ui
