#include "DowngradeBody.h"

#include "run/StepScript.h"

#include <QFile>
#include <QRegularExpression>

#include <algorithm>

namespace retort {

namespace {

// Everything after the header's closing `):` (or `) -> T:`), where the body starts.
qsizetype bodyStart(const QString &function)
{
    int depth = 0;
    for (qsizetype i = 0; i < function.size(); ++i) {
        const QChar c = function.at(i);
        if (c == u'(') {
            ++depth;
        } else if (c == u')') {
            if (--depth == 0) {
                const qsizetype colon = function.indexOf(u':', i);
                return colon < 0 ? function.size() : colon + 1;
            }
        }
    }
    return function.size();
}

// A leading string literal (the docstring), with any quote style; returns where it ends.
qsizetype skipDocstring(const QString &body, qsizetype at)
{
    qsizetype i = at;
    while (i < body.size() && QStringLiteral("rRuUbB").contains(body.at(i)))
        ++i;
    if (i >= body.size() || (body.at(i) != u'"' && body.at(i) != u'\''))
        return at;
    const QString triple(3, body.at(i));
    const QString quote = body.mid(i, 3) == triple ? triple : QString(body.at(i));
    const qsizetype end = body.indexOf(quote, i + quote.size());
    return end < 0 ? at : end + quote.size();
}

} // namespace

bool isEmptyPythonFunction(const QString &function)
{
    const QString body = function.mid(bodyStart(function));
    static const QRegularExpression comment(QStringLiteral("#[^\\n]*"));
    static const QRegularExpression blank(QStringLiteral("\\A[\\s;]*"));
    QString rest = body;
    qsizetype at = blank.match(rest).capturedLength();
    at = skipDocstring(rest, at);
    rest = rest.mid(at);
    rest.remove(comment);
    const QStringList words = rest.split(QRegularExpression(QStringLiteral("[\\s;]+")), Qt::SkipEmptyParts);
    return std::all_of(words.begin(), words.end(),
                       [](const QString &word) { return word == u"pass" || word == u"..."; });
}

bool hasEmptyDowngrade(const Revision &revision, SqlDialect dialect)
{
    if (revision.format != ScriptFormat::Python) {
        const RunResult<StepScript> script = StepScript::load(revision, PlanStep::Direction::Down, dialect);
        return script.ok() && script->statements.isEmpty();
    }
    if (!revision.downgradeLines.isValid())
        return true;
    QFile file(revision.path);
    if (!file.open(QIODevice::ReadOnly))
        return false;
    const QStringList lines = QString::fromUtf8(file.readAll()).split(u'\n');
    const int first = revision.downgradeLines.first - 1;
    const int last = std::min<int>(revision.downgradeLines.last, int(lines.size()));
    if (first < 0 || first >= last)
        return false;
    return isEmptyPythonFunction(lines.mid(first, last - first).join(u'\n'));
}

} // namespace retort
