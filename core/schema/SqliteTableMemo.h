#pragma once

#include "schema/Table.h"

#include <QHash>
#include <QList>
#include <QString>

#include <functional>
#include <utility>

namespace retort {

// Tables already read, remembered by the texts SQLite derives them from: the CREATE TABLE
// text and the CREATE INDEX texts of the table's indexes. A foreign key whose REFERENCES names
// no columns takes the referenced table's primary key, so such a table also depends on that
// table's text. SQLite's pragmas report nothing that is not in those texts, so a table read
// from one database is the same table in any database with the same texts: a replay rereads
// only the tables a step changed.
class SqliteTableMemo
{
public:
    using IndexTexts = QList<std::pair<QString, QString>>; // (index name, CREATE INDEX text), by name
    // The CREATE TABLE text of a table by its lower-cased name; empty when there is none.
    using TableText = std::function<QString(const QString &lowerName)>;

    static QString fingerprint(const QString &createTable, const IndexTexts &indexes);

    // The table remembered under `fingerprint`, when the tables it depends on still have the
    // texts they had when it was read; else nullptr.
    const Table *find(const QString &fingerprint, const TableText &tableText) const;
    // `dependencies`: lower-cased table name -> its CREATE TABLE text when `table` was read.
    void remember(const QString &fingerprint, Table table, QHash<QString, QString> dependencies);

    // One memo per thread (readers run on several), forgotten in one go when it grows large.
    static SqliteTableMemo &forThisThread();

private:
    struct Entry
    {
        Table table;
        QHash<QString, QString> dependencies;
    };
    QHash<QString, Entry> m_entries;
};

} // namespace retort
