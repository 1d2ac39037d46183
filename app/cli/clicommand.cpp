#include "app/cli/clicommand.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace okla::cli {

int printFailure(CliContext &context, bool json, const models::Error &error)
{
    if (json)
        context.out << QJsonDocument(QJsonObject{{QStringLiteral("ok"), false}, {QStringLiteral("code"), error.code},
                                                 {QStringLiteral("message"), error.message}})
                           .toJson(QJsonDocument::Compact)
                    << '\n';
    context.err << "okla: " << error.message << '\n';
    return 1;
}

CliRegistry &CliRegistry::instance()
{
    static CliRegistry registry;
    return registry;
}

bool CliRegistry::add(CliCommand command)
{
    m_commands.append(std::move(command));
    return true;
}

const CliCommand *CliRegistry::match(const QStringList &args, int *wordCount) const
{
    const CliCommand *best = nullptr;
    int bestWords = 0;
    for (const CliCommand &command : m_commands) {
        const QStringList words = command.words.split(u' ');
        if (words.size() <= args.size() && words.size() > bestWords && args.mid(0, words.size()) == words) {
            best = &command;
            bestWords = int(words.size());
        }
    }
    if (wordCount)
        *wordCount = bestWords;
    return best;
}

} // namespace okla::cli
