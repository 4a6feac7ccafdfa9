#include "ShellWords.h"

using namespace Qt::StringLiterals;

namespace retort {

Fallible<QStringList> ShellWords::split(QStringView text)
{
    enum class State { Plain, Single, Double };
    QStringList words;
    QString word;
    bool inWord = false; // '' is a word of its own, so track presence apart from content
    State state = State::Plain;

    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        switch (state) {
        case State::Plain:
            if (c.isSpace()) {
                if (inWord)
                    words.append(word);
                word.clear();
                inWord = false;
            } else if (c == u'\'') {
                state = State::Single;
                inWord = true;
            } else if (c == u'"') {
                state = State::Double;
                inWord = true;
            } else if (c == u'\\') {
                if (i + 1 >= text.size()) {
                    return Failure{u"the command line ends with a lone backslash"_s};
                }
                word.append(text.at(++i));
                inWord = true;
            } else {
                word.append(c);
                inWord = true;
            }
            break;
        case State::Single:
            if (c == u'\'')
                state = State::Plain;
            else
                word.append(c);
            break;
        case State::Double:
            if (c == u'"') {
                state = State::Plain;
            } else if (c == u'\\' && i + 1 < text.size() && QStringView(u"\"\\$`").contains(text.at(i + 1))) {
                // Inside double quotes a backslash only escapes these, as in sh.
                word.append(text.at(++i));
            } else {
                word.append(c);
            }
            break;
        }
    }
    if (state != State::Plain)
        return Failure{state == State::Single ? u"a single quote (') is not closed"_s
                                              : u"a double quote (\") is not closed"_s};
    if (inWord)
        words.append(word);
    return words;
}

QString ShellWords::quote(const QString &word)
{
    if (word.isEmpty())
        return u"''"_s;
    static const QString safe = u"@%+=:,./-_"_s;
    bool plain = true;
    for (const QChar c : word) {
        if (!(c.isLetterOrNumber() || safe.contains(c))) {
            plain = false;
            break;
        }
    }
    if (plain)
        return word;
    QString quoted = word;
    quoted.replace(u"'"_s, u"'\\''"_s);
    return u'\'' + quoted + u'\'';
}

QString ShellWords::join(const QStringList &words)
{
    QStringList quoted;
    quoted.reserve(words.size());
    for (const QString &w : words)
        quoted.append(quote(w));
    return quoted.join(u' ');
}

} // namespace retort
