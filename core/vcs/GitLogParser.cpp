#include "GitLogParser.h"

#include <QFile>

namespace retort {

namespace {

constexpr char kRecordStart = '\x1e';
constexpr char kFieldSeparator = '\x1f';

std::optional<FileOrigin> parseHeader(const QByteArray &token)
{
    // hash, author, email, date, subject: the subject last, so a separator inside it is harmless.
    const QByteArray body = token.mid(1);
    QList<QByteArray> fields;
    qsizetype start = 0;
    for (int i = 0; i < 4; ++i) {
        const qsizetype end = body.indexOf(kFieldSeparator, start);
        if (end < 0)
            return std::nullopt;
        fields.append(body.mid(start, end - start));
        start = end + 1;
    }
    fields.append(body.mid(start));
    FileOrigin origin;
    origin.commit = QString::fromLatin1(fields[0]);
    origin.author = QString::fromUtf8(fields[1]);
    origin.email = QString::fromUtf8(fields[2]);
    origin.date = QDateTime::fromString(QString::fromLatin1(fields[3]), Qt::ISODate);
    origin.subject = QString::fromUtf8(fields[4]);
    return origin;
}

} // namespace

QString GitLogParser::format()
{
    return QStringLiteral("%x1e%H%x1f%aN%x1f%aE%x1f%aI%x1f%s");
}

void GitLogParser::parse(const QByteArray &output)
{
    const QList<QByteArray> tokens = output.split('\0');
    std::optional<FileOrigin> commit;
    QList<Change> changes;
    bool firstAfterHeader = false;
    for (qsizetype i = 0; i < tokens.size(); ++i) {
        QByteArray token = tokens[i];
        // The file list follows the header on a new line.
        if (firstAfterHeader && token.startsWith('\n'))
            token.remove(0, 1);
        firstAfterHeader = false;
        if (token.isEmpty())
            continue;
        if (token.startsWith(kRecordStart)) {
            if (commit)
                apply(changes, *commit);
            changes.clear();
            commit = parseHeader(token);
            firstAfterHeader = true;
            continue;
        }
        if (!commit)
            continue;
        const char status = token.at(0);
        const bool twoPaths = status == 'R' || status == 'C';
        if (i + (twoPaths ? 2 : 1) >= tokens.size())
            break;
        const QString first = QFile::decodeName(tokens[++i]);
        if (twoPaths) {
            const QString second = QFile::decodeName(tokens[++i]);
            // A copy is a new file; its source lives on.
            changes.append(status == 'R' ? Change{first, second} : Change{QString(), second});
        } else if (status == 'A') {
            changes.append(Change{QString(), first});
        }
    }
    if (commit)
        apply(changes, *commit);
}

void GitLogParser::apply(const QList<Change> &changes, const FileOrigin &commit)
{
    // Commits arrive newest first. All of a commit's renames happen at once (a.sql -> b.sql and
    // c.sql -> a.sql in one commit), so first find which current files each new name stands
    // for, then point them at the older names.
    QList<QStringList> currentFiles;
    for (const Change &change : changes) {
        QStringList current = m_followed.take(change.path);
        // Not seen yet: the file there now came by this change. Seen already (its addition found,
        // or followed to an older name): this is an older life of the name.
        if (!m_origins.contains(change.path))
            current.append(change.path);
        currentFiles.append(current);
    }
    for (qsizetype i = 0; i < changes.size(); ++i) {
        // An addition settles them; a rename holds them until their addition turns up.
        for (const QString &file : std::as_const(currentFiles[i]))
            m_origins.insert(file, commit);
        if (!changes[i].renamedFrom.isEmpty() && !currentFiles[i].isEmpty())
            m_followed[changes[i].renamedFrom].append(currentFiles[i]);
    }
}

} // namespace retort
