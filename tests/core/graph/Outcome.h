#pragma once

// Results and errors of graph questions as one line of text, so a test table can hold either:
// "[a, b]" for a list, "a" for one revision, "error Kind: message" for a GraphError.
// An expected "error Kind" without a colon checks the kind only (for Alembic's bare assertions,
// whose message is empty where ours says what went wrong).
#include "GraphSpec.h"
#include "graph/Result.h"

#include <QTest>

namespace retort::test {

inline QString errorText(const GraphError &e)
{
    return u"error " + e.kindName() + u": " + e.message;
}

inline QString outcome(const RevisionMap &map, const Result<RevIndexes> &r)
{
    if (!r)
        return errorText(r.error());
    return u'[' + revTexts(map, *r).join(QStringLiteral(", ")) + u']';
}

inline QString outcome(const RevisionMap &map, const Result<RevIndex> &r)
{
    return r ? revText(map, *r) : errorText(r.error());
}

inline QString outcome(const RevisionMap &map, const Result<Resolver::DowngradeTarget> &r)
{
    if (!r)
        return errorText(r.error());
    return u"label=" + r->branchLabel.value_or(QStringLiteral("<none>")) + u" target=" + revText(map, r->revision);
}

// True when `actual` matches `expected` as described above.
inline bool sameOutcome(const QString &actual, const QString &expected)
{
    if (expected.startsWith(u"error ") && !expected.contains(u':'))
        return actual.section(u':', 0, 0) == expected;
    return actual == expected;
}

} // namespace retort::test

#define RETORT_COMPARE_OUTCOME(actual, expected)                                                                       \
    do {                                                                                                               \
        const QString actual_ = (actual);                                                                              \
        const QString expected_ = (expected);                                                                          \
        if (!retort::test::sameOutcome(actual_, expected_))                                                            \
            QCOMPARE(actual_, expected_);                                                                              \
    } while (false)
