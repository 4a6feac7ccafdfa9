#include "GoldenJson.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>

using namespace Qt::StringLiterals;
using namespace retort;

namespace golden {

namespace {

QJsonArray toArray(const QStringList &list)
{
    return QJsonArray::fromStringList(list);
}

QJsonArray rangeToJson(const LineRange &range)
{
    return QJsonArray{range.first, range.last};
}

} // namespace

QJsonValue revisionToJson(const std::optional<Revision> &revision)
{
    if (!revision)
        return QJsonValue::Null;
    return QJsonObject{
        {u"id"_s, revision->id},
        {u"downRevisions"_s, toArray(revision->downRevisions)},
        {u"branchLabels"_s, toArray(revision->branchLabels)},
        {u"dependsOn"_s, toArray(revision->dependsOn)},
        {u"message"_s, revision->message},
        {u"longDoc"_s, revision->longDoc},
        {u"createDate"_s, revision->createDate},
        {u"line"_s, revision->line},
        {u"upgradeLines"_s, rangeToJson(revision->upgradeLines)},
        {u"downgradeLines"_s, rangeToJson(revision->downgradeLines)},
        {u"transactional"_s, revision->transactional},
        {u"format"_s, revision->format == ScriptFormat::Python ? u"python"_s : u"sql"_s},
    };
}

QJsonArray problemsToJson(const Problems &problems)
{
    QJsonArray out;
    for (const Problem &p : problems) {
        out.append(QJsonObject{
            {u"severity"_s, p.severity == Problem::Severity::Error ? u"error"_s : u"warning"_s},
            {u"kind"_s, p.kind},
            {u"line"_s, p.line},
            {u"revision"_s, p.revision},
            {u"message"_s, p.message},
        });
    }
    return out;
}

QJsonArray sectionsToJson(const SqlScript &script)
{
    QJsonArray out;
    for (const SqlSection &s : script.sections) {
        out.append(QJsonObject{
            {u"direction"_s, s.direction == SqlDirection::Upgrade ? u"upgrade"_s : u"downgrade"_s},
            {u"dialect"_s, s.dialect},
            {u"markerLine"_s, s.markerLine},
            {u"firstLine"_s, s.firstLine},
            {u"lastLine"_s, s.lastLine},
            {u"text"_s, s.text},
        });
    }
    return out;
}

QStringList caseDirectories(const QString &root)
{
    QStringList out;
    const QDir dir(root);
    for (const QString &name : dir.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name))
        out.append(dir.filePath(name));
    return out;
}

bool regenerating()
{
    return qEnvironmentVariableIntValue("RETORT_REGENERATE_GOLDEN") == 1;
}

bool matchesExpected(const QString &caseDir, const QJsonObject &actual, QString *difference)
{
    const QString expectedPath = caseDir + u"/expected.json"_s;
    const QByteArray actualText = QJsonDocument(actual).toJson(QJsonDocument::Indented);
    if (regenerating()) {
        QFile out(expectedPath);
        if (!out.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
            *difference = u"cannot write "_s + expectedPath;
            return false;
        }
        out.write(actualText);
        return true;
    }
    QFile in(expectedPath);
    if (!in.open(QIODevice::ReadOnly)) {
        *difference = u"missing "_s + expectedPath + u" (run with RETORT_REGENERATE_GOLDEN=1 and review it)"_s;
        return false;
    }
    QJsonParseError error;
    const QJsonDocument expected = QJsonDocument::fromJson(in.readAll(), &error);
    if (error.error != QJsonParseError::NoError) {
        *difference = expectedPath + u": "_s + error.errorString();
        return false;
    }
    if (expected.object() == actual)
        return true;
    *difference =
        u"expected:\n"_s + QString::fromUtf8(expected.toJson()) + u"\nactual:\n"_s + QString::fromUtf8(actualText);
    return false;
}

} // namespace golden
