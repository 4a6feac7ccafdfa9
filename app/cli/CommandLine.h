#pragma once

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

namespace retort::cli {

// One option a verb (or every verb) accepts. An empty valueName means a flag.
struct OptionSpec
{
    QString longName; // without dashes, e.g. "directory"
    QChar shortName; // e.g. 'd'; null when there is none
    QString valueName; // e.g. "DIR"; empty for a flag
    QString help;
};

struct VerbSpec
{
    QString name;
    QString arguments; // synopsis of positionals, e.g. "REV"
    QString summary;
    QList<OptionSpec> options;
    int minPositionals = 0;
    int maxPositionals = 0; // -1: any number
};

// What the command line asks for. Decided before any QCoreApplication exists, so that
// --help, --version and every verb work without a display.
struct Invocation
{
    enum class Mode { Gui, Verb, Help, Version, UsageError };

    Mode mode = Mode::Gui;
    QString verb;
    QHash<QString, QStringList> options; // long name -> values (flags hold one empty value)
    QStringList positionals;
    QString error; // for UsageError: what was wrong

    bool has(const QString &longName) const { return options.contains(longName); }
    QString value(const QString &longName) const
    {
        const QStringList values = options.value(longName);
        return values.isEmpty() ? QString() : values.constLast();
    }
};

const QList<OptionSpec> &globalOptions();
const QList<OptionSpec> &guiOptions(); // only without a verb
const QList<VerbSpec> &verbs();
const VerbSpec *findVerb(const QString &name);

// Parses arguments without the program name. Global options may come before or after the verb;
// "--" ends option parsing; "-1" and other negative numbers are positionals (relative revisions).
Invocation parseCommandLine(const QStringList &arguments);

QString usageText(); // overall usage: verbs and global options
QString verbUsageText(const VerbSpec &verb); // one verb's synopsis and options

} // namespace retort::cli
