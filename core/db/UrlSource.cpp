#include "UrlSource.h"

using namespace Qt::StringLiterals;

namespace retort {

QString urlSourceName(UrlSource source)
{
    switch (source) {
    case UrlSource::None:
        return u"none"_s;
    case UrlSource::Option:
        return u"option"_s;
    case UrlSource::Environment:
        return u"environment"_s;
    case UrlSource::AlembicIni:
        return u"alembic.ini"_s;
    case UrlSource::RetortSection:
        return u"retort"_s;
    }
    return {};
}

QString ResolvedUrl::sourceDescription(const QString &iniPath) const
{
    const QString ini = iniPath.isEmpty() ? u"alembic.ini"_s : iniPath;
    switch (source) {
    case UrlSource::None:
        return u"no database URL configured"_s;
    case UrlSource::Option:
        return u"--url option"_s;
    case UrlSource::Environment:
        return u"DATABASE_URL environment variable"_s;
    case UrlSource::AlembicIni:
        return u"sqlalchemy.url in "_s + ini;
    case UrlSource::RetortSection:
        return u"url in the [retort] section of "_s + ini;
    }
    return {};
}

ResolvedUrl resolveDatabaseUrl(const UrlCandidates &candidates)
{
    // The value `alembic init` writes into alembic.ini until someone edits it.
    const QString placeholder = u"driver://user:pass@localhost/dbname"_s;
    const QString ini = candidates.iniPath.isEmpty() ? u"alembic.ini"_s : candidates.iniPath;
    const std::pair<UrlSource, QString> ordered[] = {
        {UrlSource::Option, candidates.option},
        {UrlSource::Environment, candidates.environment},
        {UrlSource::AlembicIni, candidates.alembicIni},
        {UrlSource::RetortSection, candidates.retortSection},
    };
    ResolvedUrl resolved;
    for (const auto &[source, value] : ordered) {
        const QString url = value.trimmed();
        if (url.isEmpty())
            continue;
        if (url == placeholder) {
            ResolvedUrl skipped;
            skipped.source = source;
            resolved.notes.append(skipped.sourceDescription(ini)
                                  + u" is still Alembic's template placeholder; ignored"_s);
            continue;
        }
        resolved.url = url;
        resolved.source = source;
        return resolved;
    }
    return resolved;
}

} // namespace retort
