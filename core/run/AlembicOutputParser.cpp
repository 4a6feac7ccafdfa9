#include "AlembicOutputParser.h"

#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace retort {

namespace {

QStringList splitRevisions(const QString &text)
{
    QStringList out;
    for (const QString &part : text.split(u","_s)) {
        const QString t = part.trimmed();
        if (!t.isEmpty())
            out.append(t);
    }
    return out;
}

bool looksGenerated(const QString &token)
{
    static const QRegularExpression re(u"^[0-9a-f]{12}$"_s);
    return re.match(token).hasMatch();
}

} // namespace

AlembicOutputParser::AlembicOutputParser(QSet<QString> knownRevisions)
    : m_known(std::move(knownRevisions))
{
}

std::optional<AlembicStep> AlembicOutputParser::parseStep(const QString &line, const QSet<QString> &known)
{
    // "Running %s %s -> %s[, %s]" % (name, from, to, doc), after whatever the log format puts
    // in front. "-- Running ..." is the comment Alembic writes into offline SQL: not a log line.
    static const QRegularExpression re(
        uR"((?:^|\]\s*|\s)Running (upgrade|downgrade|stamp_revision) (.*?) ?->(?: (.*))?$)"_s);
    if (line.trimmed().startsWith(u"--"_s))
        return std::nullopt;
    const QRegularExpressionMatch m = re.match(line);
    if (!m.hasMatch())
        return std::nullopt;

    AlembicStep step;
    step.line = line;
    const QString name = m.captured(1);
    step.kind = name == u"upgrade"_s ? AlembicStep::Kind::Upgrade
        : name == u"downgrade"_s     ? AlembicStep::Kind::Downgrade
                                     : AlembicStep::Kind::Stamp;
    step.from = splitRevisions(m.captured(2));
    const QString rest = m.captured(3);

    if (step.kind == AlembicStep::Kind::Stamp) {
        step.to = splitRevisions(rest); // stamps carry no message
        return step;
    }
    const QStringList parts = rest.split(u", "_s);
    qsizetype used = 1;
    if (!parts.first().trimmed().isEmpty())
        step.to.append(parts.first().trimmed());
    if (step.kind == AlembicStep::Kind::Downgrade && !step.to.isEmpty()) {
        // Downgrading a merge point lands on several parents, listed before the message.
        while (used < parts.size()) {
            const QString token = parts.at(used).trimmed();
            const bool isRevision = known.isEmpty() ? looksGenerated(token) : known.contains(token);
            if (!isRevision || parts.at(used) != token)
                break;
            step.to.append(token);
            ++used;
        }
    }
    step.message = parts.mid(used).join(u", "_s);
    return step;
}

std::optional<AlembicStep> AlembicOutputParser::feed(const QString &line)
{
    static const QRegularExpression frameRe(uR"re(^\s+File "(.*)", line (\d+), in (\S+))re"_s);

    if (line.startsWith(u"Traceback (most recent call last):"_s)) {
        m_inTraceback = true;
        return std::nullopt;
    }
    if (m_inTraceback) {
        const QRegularExpressionMatch f = frameRe.match(line);
        if (f.hasMatch()) {
            const QString fn = f.captured(3);
            if (fn == u"upgrade"_s || fn == u"downgrade"_s) {
                m_scriptPath = f.captured(1);
                m_scriptLine = f.captured(2).toInt();
            }
            return std::nullopt;
        }
        if (line.isEmpty() || line.front().isSpace())
            return std::nullopt; // source lines and ^^^ markers of a frame
        // The first unindented line ends the traceback: the exception itself.
        m_exceptionLine = line.trimmed();
        m_inTraceback = false;
        return std::nullopt;
    }

    static const QRegularExpression errorRe(uR"(^(?:FAILED: .+|Error: .+|ERROR\s*\[[^\]]*\]\s*.+))"_s);
    if (errorRe.match(line).hasMatch()) {
        m_errorLine = line.trimmed();
        return std::nullopt;
    }
    return parseStep(line, m_known);
}

} // namespace retort
