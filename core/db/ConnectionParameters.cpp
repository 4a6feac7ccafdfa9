#include "ConnectionParameters.h"

#include <QDir>

using namespace Qt::StringLiterals;

namespace retort {

namespace {

// libpq connection keywords Qt's QPSQL driver can pass through its connect options. user,
// password, dbname and port have their own QSqlDatabase fields.
bool isLibpqOption(const QString &key)
{
    static const QStringList keys = {
        u"host"_s,
        u"hostaddr"_s,
        u"sslmode"_s,
        u"sslrootcert"_s,
        u"sslcert"_s,
        u"sslkey"_s,
        u"sslcrl"_s,
        u"sslcrldir"_s,
        u"sslcompression"_s,
        u"sslsni"_s,
        u"ssl_min_protocol_version"_s,
        u"ssl_max_protocol_version"_s,
        u"requiressl"_s,
        u"requirepeer"_s,
        u"require_auth"_s,
        u"channel_binding"_s,
        u"gssencmode"_s,
        u"krbsrvname"_s,
        u"gsslib"_s,
        u"connect_timeout"_s,
        u"application_name"_s,
        u"fallback_application_name"_s,
        u"client_encoding"_s,
        u"options"_s,
        u"keepalives"_s,
        u"keepalives_idle"_s,
        u"keepalives_interval"_s,
        u"keepalives_count"_s,
        u"tcp_user_timeout"_s,
        u"target_session_attrs"_s,
        u"load_balance_hosts"_s,
        u"service"_s,
        u"passfile"_s,
    };
    return keys.contains(key);
}

// A libpq conninfo value: quoted when it is empty or holds a space, quote or backslash.
QString conninfoValue(const QString &value)
{
    const bool plain = !value.isEmpty()
        && std::none_of(value.begin(), value.end(), [](QChar c) { return c.isSpace() || c == u'\'' || c == u'\\'; });
    if (plain)
        return value;
    QString quoted = value;
    quoted.replace(u"\\"_s, u"\\\\"_s);
    quoted.replace(u"'"_s, u"\\'"_s);
    return u'\'' + quoted + u'\'';
}

bool isTrue(const QString &value)
{
    const QString v = value.toLower();
    return v == u"true"_s || v == u"1"_s || v == u"yes"_s || v == u"on"_s;
}

ConnectionParameters sqlite(const DatabaseUrl &url, const QString &currentDirectory)
{
    ConnectionParameters p;
    p.driver = u"QSQLITE"_s;
    const bool uri = isTrue(url.queryValue(u"uri"_s));
    QStringList options;
    QStringList uriQuery;
    for (const auto &[key, value] : url.query) {
        if (key == u"uri"_s)
            continue;
        if (key == u"timeout"_s) {
            // pysqlite's timeout is in seconds, Qt's busy timeout in milliseconds.
            bool ok = false;
            const double seconds = value.toDouble(&ok);
            if (ok && seconds >= 0)
                options.append(u"QSQLITE_BUSY_TIMEOUT="_s + QString::number(qRound(seconds * 1000)));
            else
                p.ignoredOptions.append(key);
        } else if (uri) {
            uriQuery.append(key + u'=' + value); // mode=ro, cache=shared, ... belong to the URI
        } else {
            p.ignoredOptions.append(key);
        }
    }
    if (uri) {
        // sqlite:///file:path?mode=ro&uri=true: the database part is already an SQLite URI.
        p.databaseName =
            url.database.startsWith(u"file:"_s) ? url.database : u"file:"_s + url.sqliteFilePath(currentDirectory);
        if (!uriQuery.isEmpty())
            p.databaseName += u'?' + uriQuery.join(u'&');
        options.append(u"QSQLITE_OPEN_URI"_s);
    } else {
        p.databaseName = url.isInMemory() ? u":memory:"_s : url.sqliteFilePath(currentDirectory);
    }
    p.connectOptions = options.join(u';');
    return p;
}

ConnectionParameters postgresql(const DatabaseUrl &url)
{
    ConnectionParameters p;
    p.driver = u"QPSQL"_s;
    p.databaseName = url.database;
    p.hostName = url.host;
    p.port = url.port != 0 ? url.port : -1;
    p.userName = url.user;
    p.password = url.password;
    QStringList options;
    for (const auto &[key, value] : url.query) {
        // psycopg2 passes query parameters to libpq as keywords; the ones QSqlDatabase has a
        // field for go there (the password must never reach the options string, which tools log).
        if (key == u"password"_s) {
            if (p.password.isEmpty())
                p.password = value;
        } else if (key == u"user"_s) {
            if (p.userName.isEmpty())
                p.userName = value;
        } else if (key == u"dbname"_s) {
            if (p.databaseName.isEmpty())
                p.databaseName = value;
        } else if (key == u"port"_s && p.port == -1 && value.toInt() > 0) {
            p.port = value.toInt();
        } else if (!isLibpqOption(key)) {
            p.ignoredOptions.append(key);
        } else if (value.contains(u';')) {
            // Qt turns every ';' of the options string into a separator.
            p.ignoredOptions.append(key);
        } else {
            if (key == u"host"_s)
                p.hostName.clear(); // ?host= wins over the URL's host, as with psycopg2
            options.append(key + u'=' + conninfoValue(value));
        }
    }
    p.connectOptions = options.join(u';');
    return p;
}

} // namespace

ConnectionParameters ConnectionParameters::fromUrl(const DatabaseUrl &url, const QString &currentDirectory)
{
    return url.isSqlite() ? sqlite(url, currentDirectory) : postgresql(url);
}

} // namespace retort
