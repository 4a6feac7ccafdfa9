#pragma once

#include <QList>
#include <QString>

namespace retort {

enum class SqlDirection { Upgrade, Downgrade };

// One "-- +upgrade [dialect]" / "-- +downgrade [dialect]" section of a native SQL revision.
// text holds the file's lines firstLine..lastLine joined by '\n', so line k (0-based) of text is
// line firstLine + k of the file: a statement splitter can report file:line from it.
struct SqlSection
{
    SqlDirection direction = SqlDirection::Upgrade;
    QString dialect; // lower case; empty = every dialect
    int markerLine = 0; // the "-- +upgrade" line
    int firstLine = 0; // markerLine + 1
    int lastLine = 0; // last non-blank line of the section; markerLine when it is empty
    QString text;

    friend bool operator==(const SqlSection &, const SqlSection &) = default;
};

// The executable part of a native SQL revision file, in file order.
struct SqlScript
{
    QString path;
    QList<SqlSection> sections;

    // The sections that run for direction on dialect: those without a dialect plus those of
    // that dialect, in file order.
    QList<SqlSection> sectionsFor(SqlDirection direction, const QString &dialect) const;
    // Their text, joined by newlines.
    QString sqlFor(SqlDirection direction, const QString &dialect) const;

    friend bool operator==(const SqlScript &, const SqlScript &) = default;
};

} // namespace retort
