#pragma once

#include <QString>
#include <QStringList>

namespace retort {

// Keeps database passwords out of anything shown or logged: command lines, output lines, errors.
class SecretMask
{
public:
    static inline const QString kMask = QStringLiteral("***");

    // Every "scheme://user:password@" in text with the password replaced by ***.
    static QString maskUrls(const QString &text);
    // The password part of a URL ("" when it has none), as written and percent-decoded: both
    // forms are worth hiding when a child process echoes it.
    static QStringList passwordsOf(const QString &url);
    // text with maskUrls() applied and every occurrence of each secret replaced by ***.
    static QString mask(const QString &text, const QStringList &secrets);
};

} // namespace retort
