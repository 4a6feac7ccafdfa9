#include "UrlChoices.h"

#include "UrlPassword.h"
#include "db/DatabaseUrl.h"

#include <QCoreApplication>

namespace retort::ui {

QString maskedUrl(const QString &text)
{
    const DbResult<DatabaseUrl> parsed = DatabaseUrl::parse(text);
    // An unparsable URL could still hold a password: show only its scheme.
    return parsed ? parsed->toDisplayString() : text.section(QStringLiteral("://"), 0, 0) + QStringLiteral("://…");
}

namespace {
// Two spellings of one database (with and without the password) are one choice.
QString identity(const QString &url)
{
    const std::optional<UrlPassword> split = UrlPassword::split(url);
    return split ? split->url : url;
}
} // namespace

QList<UrlChoice> urlChoices(const ProjectConfig &config, const QString &given, const QProcessEnvironment &environment,
                            const QList<ConnectionProfile> &profiles, const QStringList &history)
{
    QList<UrlChoice> choices;
    QStringList seen;
    const auto add = [&](const QString &url, const QString &source, UrlChoice::Kind kind) {
        const QString trimmed = url.trimmed();
        if (trimmed.isEmpty() || seen.contains(identity(trimmed)))
            return;
        seen.append(identity(trimmed));
        choices.append({trimmed, maskedUrl(trimmed), source, kind, {}});
    };
    add(given, QCoreApplication::translate("UrlChoices", "command line"), UrlChoice::Kind::Given);
    add(environment.value(QStringLiteral("DATABASE_URL")), QStringLiteral("DATABASE_URL"),
        UrlChoice::Kind::Environment);
    add(config.sqlalchemyUrl, QStringLiteral("alembic.ini"), UrlChoice::Kind::Project);
    add(config.retort.value(QStringLiteral("url")), QStringLiteral("[retort] url"), UrlChoice::Kind::Project);
    // A profile is the person's own name for a database: always listed, even when its URL is
    // also offered above.
    QStringList names;
    for (const ConnectionProfile &profile : profiles) {
        if (profile.name.isEmpty() || names.contains(profile.name))
            continue;
        names.append(profile.name);
        seen.append(identity(profile.url));
        choices.append({profile.url, profile.name + QStringLiteral(" — ") + maskedUrl(profile.url),
                        QStringLiteral("profile"), UrlChoice::Kind::Profile, profile.name});
    }
    for (const QString &url : history)
        add(url, QStringLiteral("recent"), UrlChoice::Kind::Recent);
    return choices;
}

QList<UrlChoice> urlChoices(const ProjectConfig &config, const QString &given, const QProcessEnvironment &environment,
                            const QStringList &history)
{
    return urlChoices(config, given, environment, {}, history);
}

} // namespace retort::ui
