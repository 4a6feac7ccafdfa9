#include "SqlRevisionWriter.h"

#include <QFileInfo>
#include <QSaveFile>

using namespace Qt::StringLiterals;

namespace retort {

namespace {

bool hasLineBreak(const QString &value)
{
    return value.contains(u'\n') || value.contains(u'\r');
}

// A list item must survive "split on commas, trim".
Fallible<void> checkItems(const QStringList &items, const QString &header)
{
    for (const QString &item : items) {
        if (item.isEmpty() || item != item.trimmed() || item.contains(u',') || hasLineBreak(item))
            return Failure{u"%1 value \"%2\" cannot be written to a native revision header (no commas, line "
                           "breaks or surrounding spaces)"_s.arg(header, item)};
    }
    return {};
}

} // namespace

Fallible<void> SqlRevisionWriter::check(const Revision &revision)
{
    if (revision.id.isEmpty() || revision.id != revision.id.trimmed() || revision.id.contains(u' ')
        || revision.id.contains(u',') || hasLineBreak(revision.id))
        return Failure{u"revision id \"%1\" cannot be written to a native revision header"_s.arg(revision.id)};
    if (auto done = checkItems(revision.downRevisions, u"Revises"_s); !done.ok())
        return done;
    if (auto done = checkItems(revision.branchLabels, u"Branch labels"_s); !done.ok())
        return done;
    if (auto done = checkItems(revision.dependsOn, u"Depends on"_s); !done.ok())
        return done;
    if (hasLineBreak(revision.message) || revision.message != revision.message.trimmed())
        return Failure{u"the message must be one line without surrounding spaces in a native revision header"_s};
    if (hasLineBreak(revision.createDate))
        return Failure{u"the create date must be one line"_s};
    return {};
}

QByteArray SqlRevisionWriter::render(const Revision &revision)
{
    QString text;
    text += u"-- Revision ID: "_s + revision.id + u'\n';
    text += u"-- Revises: "_s + revision.downRevisions.join(u", "_s) + u'\n';
    if (!revision.branchLabels.isEmpty())
        text += u"-- Branch labels: "_s + revision.branchLabels.join(u", "_s) + u'\n';
    if (!revision.dependsOn.isEmpty())
        text += u"-- Depends on: "_s + revision.dependsOn.join(u", "_s) + u'\n';
    text += u"-- Create Date: "_s + revision.createDate + u'\n';
    text += u"-- Message: "_s + revision.message + u'\n';
    if (!revision.transactional)
        text += u"-- Transactional: no\n"_s;
    text += u"\n-- +upgrade\n\n-- +downgrade\n"_s;
    return text.toUtf8();
}

Fallible<void> SqlRevisionWriter::write(const Revision &revision, const QString &path)
{
    if (auto done = check(revision); !done.ok())
        return done;
    if (QFileInfo::exists(path))
        return Failure{u"%1 already exists; it is left as it is"_s.arg(path)};
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return Failure{u"cannot write %1: %2"_s.arg(path, file.errorString())};
    file.write(render(revision));
    if (!file.commit())
        return Failure{u"cannot write %1: %2"_s.arg(path, file.errorString())};
    return {};
}

} // namespace retort
