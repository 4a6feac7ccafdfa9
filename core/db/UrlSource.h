#pragma once

#include <QString>
#include <QStringList>

namespace retort {

// Where the database URL in use came from, in the order they are tried (first wins).
enum class UrlSource {
    None, // nothing configured anywhere
    Option, // --url on the command line (or the GUI's field)
    Environment, // the DATABASE_URL environment variable
    AlembicIni, // sqlalchemy.url in alembic.ini
    RetortSection, // url in alembic.ini's [retort] section
};

// Everything that can name the URL, as values: the caller reads the environment and the
// configuration, so resolution is a pure function. An empty (or all-blank) value counts as
// not given.
struct UrlCandidates
{
    QString option;
    QString environment; // the value of DATABASE_URL
    QString alembicIni; // sqlalchemy.url
    QString retortSection; // [retort] url
    QString iniPath; // alembic.ini, for the description of the last two sources
};

struct ResolvedUrl
{
    QString url; // as written (trimmed); empty when source is None
    UrlSource source = UrlSource::None;
    // Candidates passed over and why (e.g. alembic.ini's untouched template placeholder).
    QStringList notes;

    // "--url option", "DATABASE_URL environment variable", "sqlalchemy.url in /p/alembic.ini",
    // "url in the [retort] section of /p/alembic.ini", "no database URL configured".
    QString sourceDescription(const QString &iniPath = {}) const;
};

// Short stable name of a source: "option", "environment", "alembic.ini", "retort", "none".
QString urlSourceName(UrlSource source);

// First wins: option, DATABASE_URL, sqlalchemy.url, [retort] url. Alembic's generic template
// value "driver://user:pass@localhost/dbname" is a placeholder, not a URL, and is passed over
// with a note.
ResolvedUrl resolveDatabaseUrl(const UrlCandidates &candidates);

} // namespace retort
