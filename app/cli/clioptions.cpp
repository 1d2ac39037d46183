#include "app/cli/clioptions.h"

#include <QCoreApplication>

namespace okla::cli {

bool CliOptions::parse(CliContext &context)
{
    const QStringList &args = context.args;
    for (int i = 0; i < args.size(); ++i) {
        const QString &arg = args[i];
        if (m_flags.contains(arg)) {
            m_values.insert(arg, QStringLiteral("1"));
        } else if (m_valued.contains(arg) && i + 1 < args.size()) {
            m_values.insert(arg, args[++i]);
        } else {
            context.err << "okla " << m_command << ": "
                        << QCoreApplication::translate("okla", "unknown or incomplete option \"%1\"; usage: okla %2 %3")
                               .arg(arg, m_command, m_usage)
                        << '\n';
            return false;
        }
    }
    return true;
}

} // namespace okla::cli
