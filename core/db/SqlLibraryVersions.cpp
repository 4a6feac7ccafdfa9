#include "SqlLibraryVersions.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QUuid>

#if defined(Q_OS_UNIX)
#include <dlfcn.h>
#endif

using namespace Qt::StringLiterals;

namespace retort {

namespace {

// A connection that exists only for this question, removed again afterwards.
template <typename Use>
void withConnection(const QString &driver, Use use)
{
    if (!QSqlDatabase::isDriverAvailable(driver))
        return;
    const QString name = u"retort-version-"_s + QUuid::createUuid().toString(QUuid::WithoutBraces);
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(driver, name);
        use(db);
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
}

QString sqliteVersion()
{
    QString version;
    withConnection(u"QSQLITE"_s, [&version](QSqlDatabase &db) {
        db.setDatabaseName(u":memory:"_s);
        if (!db.open())
            return;
        QSqlQuery query(db);
        if (query.exec(u"SELECT sqlite_version()"_s) && query.next())
            version = query.value(0).toString();
    });
    return version;
}

// PQlibVersion() encodes 17.2 as 170002 and 9.6.5 as 90605.
QString libpqVersionText(int number)
{
    if (number <= 0)
        return {};
    if (number >= 100000)
        return u"%1.%2"_s.arg(number / 10000).arg(number % 10000);
    return u"%1.%2.%3"_s.arg(number / 10000).arg(number / 100 % 100).arg(number % 100);
}

// Retort does not link libpq; the Qt PostgreSQL driver does. Creating a driver loads it, and the
// already-loaded library (RTLD_NOLOAD: nothing new is loaded) answers PQlibVersion().
QString libpqVersion()
{
    QString version;
#if defined(Q_OS_UNIX)
    withConnection(u"QPSQL"_s, [&version](QSqlDatabase &) {
#if defined(Q_OS_DARWIN)
        const char *library = "libpq.5.dylib";
#else
        const char *library = "libpq.so.5";
#endif
        void *handle = dlopen(library, RTLD_LAZY | RTLD_NOLOAD);
        if (!handle)
            return;
        using LibVersion = int (*)();
        if (auto libVersion = reinterpret_cast<LibVersion>(dlsym(handle, "PQlibVersion")))
            version = libpqVersionText(libVersion());
        dlclose(handle);
    });
#endif
    return version;
}

} // namespace

const SqlLibraryVersions &SqlLibraryVersions::detect()
{
    static const SqlLibraryVersions versions{sqliteVersion(), libpqVersion()};
    return versions;
}

} // namespace retort
