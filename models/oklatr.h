#pragma once

#include <QCoreApplication>

namespace okla {

/// The translation context "Tr" for code outside a QObject class: `Tr::tr("…")` is filed by
/// lupdate under the same context the program looks it up in at run time, whether or not lupdate
/// resolves the class (it then files the call under the qualifier's name, which is the context).
/// A file-local `tr()` helper is not: lupdate files its texts under the enclosing namespace or
/// class, where the translation is never found.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Tr)
};

} // namespace okla
