#pragma once

// A throw-away git repository for tests: commits with a chosen author and date, isolated from
// the user's and the system's git configuration.
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>

class GitRepo
{
public:
    explicit GitRepo(QString root)
        : m_root(std::move(root))
    {
    }

    static bool available() { return !QStandardPaths::findExecutable(QStringLiteral("git")).isEmpty(); }

    QString root() const { return m_root; }
    QString path(const QString &relative) const { return QDir(m_root).filePath(relative); }
    QString error() const { return m_error; }

    bool init()
    {
        return QDir().mkpath(m_root)
            && git({QStringLiteral("init"), QStringLiteral("-q"), QStringLiteral("-b"), QStringLiteral("main")});
    }

    bool write(const QString &relative, const QByteArray &content) const
    {
        const QString file = path(relative);
        QDir().mkpath(QFileInfo(file).absolutePath());
        QFile out(file);
        return out.open(QIODevice::WriteOnly) && out.write(content) == content.size();
    }

    // Stages everything and commits it; returns the new commit's hash (empty on failure).
    QString commit(const QString &subject, const QString &author, const QString &email, const QString &isoDate)
    {
        m_author = {author, email, isoDate};
        QByteArray hash;
        if (!git({QStringLiteral("add"), QStringLiteral("-A")})
            || !git({QStringLiteral("commit"), QStringLiteral("-q"), QStringLiteral("-m"), subject})
            || !git({QStringLiteral("rev-parse"), QStringLiteral("HEAD")}, &hash))
            return {};
        return QString::fromLatin1(hash.trimmed());
    }

    bool git(const QStringList &arguments, QByteArray *output = nullptr, const QByteArray &input = {})
    {
        QProcess process;
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("GIT_CONFIG_NOSYSTEM"), QStringLiteral("1"));
        environment.insert(QStringLiteral("GIT_CONFIG_GLOBAL"), QProcess::nullDevice());
        const QStringList names = {m_author.name.isEmpty() ? QStringLiteral("Test") : m_author.name,
                                   m_author.email.isEmpty() ? QStringLiteral("test@example.org") : m_author.email,
                                   m_author.date.isEmpty() ? QStringLiteral("2020-01-01T00:00:00+00:00")
                                                           : m_author.date};
        for (const QString &who : {QStringLiteral("AUTHOR"), QStringLiteral("COMMITTER")}) {
            environment.insert(QStringLiteral("GIT_%1_NAME").arg(who), names[0]);
            environment.insert(QStringLiteral("GIT_%1_EMAIL").arg(who), names[1]);
            environment.insert(QStringLiteral("GIT_%1_DATE").arg(who), names[2]);
        }
        process.setProcessEnvironment(environment);
        process.setWorkingDirectory(m_root);
        process.start(QStringLiteral("git"), arguments);
        if (!input.isEmpty()) {
            process.write(input);
        }
        process.closeWriteChannel();
        // Generous: importing 10,000 commits took over two minutes on a loaded 2-core machine; the
        // test's own CTest timeout (300 s) still bounds it.
        if (!process.waitForFinished(280'000) || process.exitStatus() != QProcess::NormalExit
            || process.exitCode() != 0) {
            m_error =
                QStringLiteral("git %1: %2")
                    .arg(arguments.join(QLatin1Char(' ')), QString::fromLocal8Bit(process.readAllStandardError()));
            return false;
        }
        if (output)
            *output = process.readAllStandardOutput();
        return true;
    }

private:
    struct Author
    {
        QString name, email, date;
    };
    QString m_root;
    QString m_error;
    Author m_author;
};
