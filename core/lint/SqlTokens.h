#pragma once

#include "db/SqlDialect.h"

#include <QList>
#include <QString>
#include <QStringView>

namespace retort {

// The significant tokens of one statement, as the lint rules look at them: comments and
// whitespace gone, strings and quoted names kept apart from keywords so they never match one.
struct LintToken
{
    QString word; // upper-cased keyword or bare identifier; empty for anything else
    QString name; // as an identifier: bare ones lower-cased, quoted ones unquoted; empty if neither
    QChar symbol; // ',', '.', '(', ')', ...; null for words, strings and names
    int depth = 0; // parenthesis depth (an opening parenthesis is at the depth outside it)
};

using LintTokens = QList<LintToken>;

LintTokens lintTokens(QStringView statement, SqlDialect dialect);

// Reads a possibly schema-qualified name at `at` (a.b, "A"."b") and returns its last part,
// moving `at` past it; empty (and `at` unchanged) when there is no name there.
QString readQualifiedName(const LintTokens &tokens, qsizetype &at);

// Whether the words from `at` are exactly `words` ("IF", "NOT", "EXISTS"); skips them when so.
bool skipWords(const LintTokens &tokens, qsizetype &at, std::initializer_list<const char16_t *> words);

// Whether `word` occurs at depth `depth` in [from, to).
bool hasWordAt(const LintTokens &tokens, qsizetype from, qsizetype to, QStringView word, int depth);

// Whether NOT NULL occurs at depth `depth` in [from, to).
bool hasNotNull(const LintTokens &tokens, qsizetype from, qsizetype to, int depth);

} // namespace retort
