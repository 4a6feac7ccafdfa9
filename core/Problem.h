#pragma once

#include <QList>
#include <QString>

namespace retort {

// Something wrong in a project that a person can act on: where it is and what it is.
// Loading keeps going past problems, so they are collected rather than thrown.
struct Problem
{
    enum class Severity { Warning, Error };

    Severity severity = Severity::Error;
    QString kind; // stable machine-readable name, e.g. "ParseError", "DuplicateRevision"
    QString path; // file the problem is in; empty when it is not tied to a file
    int line = 0; // 1-based; 0 when unknown
    QString revision; // revision id concerned, when known
    QString message; // one sentence for a person, saying what is wrong and what to do

    // The one way to make a problem; `revision` is filled in by whoever knows it.
    static Problem make(Severity severity, const QString &kind, const QString &path, int line, const QString &message);
    // "path:line: message" (or the parts that are known), as compilers print it.
    QString toString() const;
};

using Problems = QList<Problem>;

} // namespace retort
