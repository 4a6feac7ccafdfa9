#pragma once

#include "Expected.h"
#include "Problem.h"
#include "SqlScript.h"
#include "graph/Revision.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <optional>

namespace retort {

// What reading a native SQL revision file gave.
struct SqlReadResult
{
    std::optional<Revision> revision; // absent when the header does not define one
    SqlScript script;
    Problems problems;
};

// Reads a native revision file "<id>_<slug>.sql": a header of "-- Key: value" lines (Revision ID,
// Revises, Branch labels, Depends on, Create Date, Message, Transactional), then
// "-- +upgrade [dialect]" and "-- +downgrade [dialect]" sections.
class SqlRevisionReader
{
public:
    static SqlReadResult readFile(const QString &path);
    // The same with the file's bytes as reading it gave them (readFileBytes): a failure is an
    // UnreadableFile problem.
    static SqlReadResult readFile(const Fallible<QByteArray> &bytes, const QString &path);
    // path is only recorded.
    static SqlReadResult read(const QByteArray &content, const QString &path);
    // Dialect names a section marker may carry.
    static QStringList supportedDialects();
};

} // namespace retort
