#include "UrlChoices.h"

#include "db/DatabaseUrl.h"

namespace retort::ui {

QString maskedUrl(const QString &text)
{
    const DbResult<DatabaseUrl> parsed = DatabaseUrl::parse(text);
    // An unparsable URL could still hold a password: show only its scheme.
    return parsed ? parsed->toDisplayString() : text.section(QStringLiteral("://"), 0, 0) + QStringLiteral("://…");
}

QList<UrlChoice> urlChoices(const ProjectConfig &config, const QString &given, const QProcessEnvironment &environment,
                            const QStringList &history)
{
    QList<UrlChoice> choices;
    QStringList seen;
    const auto add = [&](const QString &url, const QString &source) {
        const QString trimmed = url.trimmed();
        if (trimmed.isEmpty() || seen.contains(trimmed))
            return;
        seen.append(trimmed);
        choices.append({trimmed, maskedUrl(trimmed), source});
    };
    add(given, QStringLiteral("command line"));
    add(environment.value(QStringLiteral("DATABASE_URL")), QStringLiteral("DATABASE_URL"));
    add(config.sqlalchemyUrl, QStringLiteral("alembic.ini"));
    add(config.retort.value(QStringLiteral("url")), QStringLiteral("[retort] url"));
    for (const QString &url : history)
        add(url, QStringLiteral("recent"));
    return choices;
}

} // namespace retort::ui
