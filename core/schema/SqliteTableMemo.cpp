#include "SqliteTableMemo.h"

namespace retort {

namespace {

constexpr qsizetype maximumEntries = 8192;

} // namespace

QString SqliteTableMemo::fingerprint(const QString &createTable, const IndexTexts &indexes)
{
    QString key = createTable;
    for (const auto &[name, text] : indexes) {
        // Control characters cannot end an identifier or a statement's text early.
        key += QChar(0x1e);
        key += name;
        key += QChar(0x1f);
        key += text;
    }
    return key;
}

const Table *SqliteTableMemo::find(const QString &fingerprint, const TableText &tableText) const
{
    const auto it = m_entries.constFind(fingerprint);
    if (it == m_entries.constEnd())
        return nullptr;
    for (auto dependency = it->dependencies.cbegin(); dependency != it->dependencies.cend(); ++dependency) {
        if (tableText(dependency.key()) != dependency.value())
            return nullptr;
    }
    return &it->table;
}

void SqliteTableMemo::remember(const QString &fingerprint, Table table, QHash<QString, QString> dependencies)
{
    if (m_entries.size() >= maximumEntries)
        m_entries.clear();
    m_entries.insert(fingerprint, Entry{std::move(table), std::move(dependencies)});
}

SqliteTableMemo &SqliteTableMemo::forThisThread()
{
    thread_local SqliteTableMemo memo;
    return memo;
}

} // namespace retort
