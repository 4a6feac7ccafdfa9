#include "CommandLine.h"

#include <QFileInfo>
#include <QRegularExpression>

#include <algorithm>

namespace retort::cli {

using namespace Qt::Literals::StringLiterals;

const QList<OptionSpec> &globalOptions()
{
    static const QList<OptionSpec> options = {
        {u"directory"_s, u'd', u"DIR"_s,
         u"migrations directory (default: ./migrations when it holds alembic.ini, else .)"_s},
        {u"url"_s, QChar(), u"URL"_s, u"database URL (overrides DATABASE_URL and alembic.ini)"_s},
        {u"json"_s, QChar(), QString(), u"machine-readable output"_s},
        {u"verbose"_s, u'v', QString(), u"more detail, and every warning about the migration files"_s},
        {u"debug"_s, QChar(), QString(), u"trace what core does on stderr (the retort.* logging categories)"_s},
        {u"help"_s, u'h', QString(), u"show help and exit"_s},
        {u"version"_s, QChar(), QString(), u"show the version and exit"_s},
    };
    return options;
}

const QList<OptionSpec> &guiOptions()
{
    static const QList<OptionSpec> options = {
        {u"demo"_s, QChar(), QString(), u"open the bundled demo project with its own SQLite database"_s},
    };
    return options;
}

namespace {

QList<OptionSpec> migrateOptions()
{
    return {
        {u"dry-run"_s, QChar(), QString(), u"show the plan, change nothing"_s},
        {u"sql"_s, QChar(), QString(), u"print the SQL instead of running it (offline; ranges a:b allowed)"_s},
        {u"wait"_s, QChar(), u"SECONDS"_s, u"wait this long for another run's lock (default 0)"_s},
    };
}

OptionSpec dialectOption()
{
    return {u"dialect"_s, QChar(), u"DIALECT"_s,
            u"sqlite or postgresql (default: the project database's; the shadow database is never yours)"_s};
}

} // namespace

const QList<VerbSpec> &verbs()
{
    static const QList<VerbSpec> list = {
        {u"heads"_s,
         QString(),
         u"Show the current heads of the revision graph."_s,
         {{u"resolve-dependencies"_s, QChar(), QString(), u"treat dependency versions as down revisions"_s}},
         0,
         0},
        {u"branches"_s, QString(), u"Show the branch points."_s, {}, 0, 0},
        {u"history"_s,
         QString(),
         u"List revisions in history order, newest first."_s,
         {{u"rev-range"_s, u'r', u"RANGE"_s, u"only revisions in [start]:[end]"_s}},
         0,
         0},
        {u"show"_s, u"REV"_s, u"Show the revisions REV resolves to."_s, {}, 1, 1},
        {u"current"_s, QString(), u"Show the database's current revisions."_s, {}, 0, 0},
        {u"upgrade"_s, u"[TARGET]"_s, u"Upgrade to TARGET (default: head)."_s, migrateOptions(), 0, 1},
        {u"downgrade"_s, u"[TARGET]"_s, u"Downgrade to TARGET (default: -1, one step)."_s, migrateOptions(), 0, 1},
        {u"stamp"_s, u"TARGET..."_s, u"Set the version table to TARGET(s) without running scripts."_s,
         migrateOptions() + QList<OptionSpec>{{u"purge"_s, QChar(), QString(), u"empty the version table first"_s}}, 1,
         -1},
        {u"rerun"_s,
         u"[REV]"_s,
         u"Downgrade the database's head REV (default: its only head) one step and upgrade it again, to try an edited script once more."_s,
         {{u"dry-run"_s, QChar(), QString(), u"show the plan, change nothing"_s},
          {u"wait"_s, QChar(), u"SECONDS"_s, u"wait this long for another run's lock (default 0)"_s}},
         0,
         1},
        {u"apply"_s,
         u"FILE"_s,
         u"Run exactly the plan in FILE (written by --dry-run --json), or refuse if the database or a script moved."_s,
         {{u"wait"_s, QChar(), u"SECONDS"_s, u"wait this long for another run's lock (default 0)"_s}},
         1,
         1},
        {u"backup"_s,
         QString(),
         u"Back up the database (checked copy plus a JSON sidecar)."_s,
         {{u"to"_s, QChar(), u"PATH"_s, u"backup file, or directory for the default name"_s}},
         0,
         0},
        {u"backups"_s, QString(), u"List the backups in the backup directory, newest first."_s, {}, 0, 0},
        {u"restore"_s,
         u"FILE"_s,
         u"Restore a backup over the database, after checking it."_s,
         {{u"yes"_s, u'y', QString(), u"do not ask for confirmation"_s}},
         1,
         1},
        {u"log"_s, QString(), u"Show the journal of applied steps (who, when, checksum)."_s, {}, 0, 0},
        {u"check"_s,
         QString(),
         u"Report several heads, unknown database revisions, changed scripts, schema drift and pending steps."_s,
         {{u"no-drift"_s, QChar(), QString(), u"skip the schema comparison (no shadow database)"_s}},
         0,
         0},
        {u"drift"_s,
         QString(),
         u"Compare the database's schema with the one its revision(s) give; exit 1 on drift, 2 if unknown."_s,
         {},
         0,
         0},
        {u"identify"_s,
         QString(),
         u"Rank the revisions by how close their schema is to the database's (for a missing version table)."_s,
         {{u"limit"_s, QChar(), u"N"_s, u"show the N closest (default 5)"_s}},
         0,
         0},
        {u"rehearse"_s,
         u"[TARGET]"_s,
         u"Run the plan to TARGET (default: head; a target behind the database downgrades) on a copy of the "
         "database: per-step times, the error a real run would give, the schema changes. Yours is not touched."_s,
         {{u"from-backup"_s, QChar(), u"FILE"_s, u"copy from this Retort backup instead of the live database"_s}},
         0,
         1},
        {u"schema"_s,
         u"[REV]"_s,
         u"Show the schema after REV (default: each head), replayed on a shadow database."_s,
         {dialectOption()},
         0,
         1},
        {u"diff"_s,
         u"FROM TO"_s,
         u"Show how the schema changes from revision FROM to revision TO (either may be base)."_s,
         {dialectOption()},
         2,
         2},
        {u"replay"_s,
         QString(),
         u"Replay every revision on shadow databases and cache each schema; exit 1 when one fails."_s,
         {dialectOption()},
         0,
         0},
        {u"verify"_s,
         u"[RANGE]"_s,
         u"Check on shadow databases that each revision in RANGE ([start]:[end], as history -r; default: all) "
         "has a downgrade that undoes its upgrade; exit 1 when one does not."_s,
         {dialectOption()},
         0,
         1},
        {u"lint"_s,
         u"[REV | RANGE]"_s,
         u"Check the steps of REV or RANGE ([start]:[end]; default: the revisions the database lacks, or all "
         "without a database) for destructive and locking hazards; exit 1 when one is an error."_s,
         {{u"format"_s, QChar(), u"FORMAT"_s, u"text (default) or github (GitHub Actions annotations)"_s}},
         0,
         1},
        {u"merge"_s,
         u"[REVS...]"_s,
         u"Write a revision merging REVS (default: heads)."_s,
         {{u"message"_s, u'm', u"MSG"_s, u"the new revision's message"_s},
          {u"branch-label"_s, QChar(), u"LABEL"_s, u"branch label for the new revision"_s},
          {u"rev-id"_s, QChar(), u"ID"_s, u"revision id to use instead of a random one"_s}},
         0,
         -1},
        {u"revision"_s,
         QString(),
         u"Write a new, empty revision: Python from the project's script.py.mako, or a native SQL file."_s,
         {{u"message"_s, u'm', u"MSG"_s, u"the new revision's message"_s},
          {u"head"_s, QChar(), u"H"_s, u"the parent(s) of the new revision (default: head)"_s},
          {u"splice"_s, QChar(), QString(), u"allow a --head that is not a head (a new branch)"_s},
          {u"branch-label"_s, QChar(), u"LABEL"_s, u"branch label for the new revision"_s},
          {u"depends-on"_s, QChar(), u"REV"_s, u"a revision or label it depends on (repeatable)"_s},
          {u"rev-id"_s, QChar(), u"ID"_s, u"revision id to use instead of a random one"_s},
          {u"version-path"_s, QChar(), u"DIR"_s, u"the version location to write to"_s}},
         0,
         0},
        {u"migrate"_s,
         QString(),
         u"Autogenerate a revision with the project's own Alembic (flask db migrate / alembic revision "
         "--autogenerate), comparing the models with the database."_s,
         {{u"message"_s, u'm', u"MSG"_s, u"the new revision's message"_s},
          {u"rev-id"_s, QChar(), u"ID"_s, u"revision id to use instead of a random one"_s}},
         0,
         0},
        {u"init"_s,
         u"[DIR]"_s,
         u"Create a migrations project in DIR (default: migrations), alembic.ini included; DIR must be empty."_s,
         {{u"format"_s, QChar(), u"FORMAT"_s, u"python (default) or sql (native SQL revisions)"_s},
          {u"template"_s, QChar(), u"NAME"_s, u"for python: flask (Flask-Migrate, default) or generic (Alembic)"_s}},
         0,
         1},
    };
    return list;
}

const VerbSpec *findVerb(const QString &name)
{
    for (const VerbSpec &verb : verbs()) {
        if (verb.name == name)
            return &verb;
    }
    return nullptr;
}

namespace {

const OptionSpec *findOption(const QList<OptionSpec> &options, const QString &longName, QChar shortName)
{
    for (const OptionSpec &option : options) {
        if ((!longName.isEmpty() && option.longName == longName)
            || (!shortName.isNull() && option.shortName == shortName))
            return &option;
    }
    return nullptr;
}

bool looksLikeNumber(const QString &argument)
{
    static const QRegularExpression number(u"^-\\d+$"_s);
    return number.match(argument).hasMatch();
}

// Levenshtein distance, for suggesting the verb a typo meant.
qsizetype editDistance(QStringView a, QStringView b)
{
    QList<qsizetype> previous(b.size() + 1);
    QList<qsizetype> current(b.size() + 1);
    for (qsizetype j = 0; j <= b.size(); ++j)
        previous[j] = j;
    for (qsizetype i = 1; i <= a.size(); ++i) {
        current[0] = i;
        for (qsizetype j = 1; j <= b.size(); ++j) {
            const qsizetype substitute = previous[j - 1] + (a[i - 1].toLower() == b[j - 1].toLower() ? 0 : 1);
            current[j] = std::min({previous[j] + 1, current[j - 1] + 1, substitute});
        }
        std::swap(previous, current);
    }
    return previous[b.size()];
}

QString unknownCommandMessage(const QString &word)
{
    QString message = u"unknown command '%1'"_s.arg(word);
    const VerbSpec *nearest = nullptr;
    qsizetype best = 0;
    for (const VerbSpec &candidate : verbs()) {
        const qsizetype distance = editDistance(word, candidate.name);
        if (!nearest || distance < best) {
            nearest = &candidate;
            best = distance;
        }
    }
    // Close enough to be a typo: two edits, or a third of a long word.
    if (nearest && best <= std::max<qsizetype>(2, nearest->name.size() / 3))
        message += u"; did you mean '%1'?"_s.arg(nearest->name);
    else
        message += u" (and no such directory)"_s;
    return message;
}

Invocation usageError(const QString &message)
{
    Invocation invocation;
    invocation.mode = Invocation::Mode::UsageError;
    invocation.error = message;
    return invocation;
}

} // namespace

Invocation parseCommandLine(const QStringList &arguments)
{
    Invocation result;
    const VerbSpec *verb = nullptr;
    bool optionsEnded = false;

    for (qsizetype i = 0; i < arguments.size(); ++i) {
        const QString &argument = arguments.at(i);
        const bool isOption =
            !optionsEnded && argument.startsWith(u'-') && argument.size() > 1 && !looksLikeNumber(argument);
        if (!optionsEnded && argument == u"--"_s) {
            optionsEnded = true;
            continue;
        }
        if (!isOption) {
            if (!verb && result.positionals.isEmpty()) {
                verb = findVerb(argument);
                if (verb) {
                    result.verb = verb->name;
                    continue;
                }
            }
            result.positionals.append(argument);
            continue;
        }

        QString longName;
        QChar shortName;
        QString inlineValue;
        bool hasInlineValue = false;
        if (argument.startsWith(u"--"_s)) {
            longName = argument.mid(2);
            const qsizetype equals = longName.indexOf(u'=');
            if (equals >= 0) {
                inlineValue = longName.mid(equals + 1);
                longName.truncate(equals);
                hasInlineValue = true;
            }
        } else {
            shortName = argument.at(1);
            if (argument.size() > 2) {
                inlineValue = argument.mid(2);
                hasInlineValue = true;
            }
        }

        const OptionSpec *spec = findOption(globalOptions(), longName, shortName);
        if (!spec && verb)
            spec = findOption(verb->options, longName, shortName);
        if (!spec)
            spec = findOption(guiOptions(), longName, shortName);
        if (!spec) {
            // The verb may come later on the line; look its options up too.
            for (qsizetype j = i + 1; j < arguments.size() && !spec; ++j) {
                if (const VerbSpec *later = findVerb(arguments.at(j)))
                    spec = findOption(later->options, longName, shortName);
            }
        }
        if (!spec)
            return usageError(u"unknown option '%1'"_s.arg(argument));

        QString value;
        if (!spec->valueName.isEmpty()) {
            if (hasInlineValue) {
                value = inlineValue;
            } else if (i + 1 < arguments.size()) {
                value = arguments.at(++i);
            } else {
                return usageError(u"option '%1' needs a value (%2)"_s.arg(argument, spec->valueName));
            }
        } else if (hasInlineValue) {
            return usageError(u"option '%1' takes no value"_s.arg(argument));
        }
        result.options[spec->longName].append(value);
    }

    if (result.has(u"help"_s)) {
        result.mode = Invocation::Mode::Help;
        return result;
    }
    if (result.has(u"version"_s)) {
        result.mode = Invocation::Mode::Version;
        return result;
    }
    if (!verb) {
        // No verb: the desktop application, optionally given a project directory. A word that
        // names no directory is a mistyped verb far more often than a missing folder.
        if (!result.positionals.isEmpty()) {
            const QString &first = result.positionals.first();
            const QFileInfo directory(first);
            if (result.positionals.size() > 1 || (!directory.exists() && !first.contains(u'/')))
                return usageError(unknownCommandMessage(first));
            if (!directory.isDir())
                return usageError(directory.exists() ? u"'%1' is not a directory"_s.arg(first)
                                                     : u"no such directory '%1'"_s.arg(first));
        }
        result.mode = Invocation::Mode::Gui;
        return result;
    }

    // Options that belong to another verb are not accepted for this one.
    for (auto it = result.options.cbegin(); it != result.options.cend(); ++it) {
        if (!findOption(globalOptions(), it.key(), QChar()) && !findOption(verb->options, it.key(), QChar()))
            return usageError(u"'%1' does not take option --%2"_s.arg(verb->name, it.key()));
    }
    const auto count = result.positionals.size();
    if (count < verb->minPositionals)
        return usageError(u"'%1' needs %2"_s.arg(verb->name, verb->arguments));
    if (verb->maxPositionals >= 0 && count > verb->maxPositionals)
        return usageError(
            u"'%1' got an unexpected argument '%2'"_s.arg(verb->name, result.positionals.at(verb->maxPositionals)));
    result.mode = Invocation::Mode::Verb;
    return result;
}

namespace {

QString optionLines(const QList<OptionSpec> &options)
{
    QString text;
    for (const OptionSpec &option : options) {
        QString left = option.shortName.isNull() ? u"    "_s : u"-%1, "_s.arg(option.shortName);
        left += u"--"_s + option.longName;
        if (!option.valueName.isEmpty())
            left += u' ' + option.valueName;
        text += u"  "_s + left.leftJustified(28) + u' ' + option.help + u'\n';
    }
    return text;
}

} // namespace

QString usageText()
{
    QString text = u"Usage: retort [OPTIONS] [DIR]            open the desktop application\n"
                   u"       retort [OPTIONS] VERB [ARGS...]   run one command, no display needed\n"
                   u"Without DIR the window opens the project here, else the last one opened, else its "
                   u"start page.\n"
                   u"\nVerbs:\n"_s;
    for (const VerbSpec &verb : verbs()) {
        const QString synopsis = verb.arguments.isEmpty() ? verb.name : verb.name + u' ' + verb.arguments;
        text += u"  "_s + synopsis.leftJustified(28) + u' ' + verb.summary + u'\n';
    }
    text += u"\nGlobal options (before or after the verb):\n"_s + optionLines(globalOptions());
    text += u"\nDesktop application options:\n"_s + optionLines(guiOptions());
    text += u"\nRun 'retort VERB --help' for a verb's own options.\n"
            u"Exit status: 0 success, 1 a graph, resolution or database error, 2 a usage error.\n"_s;
    return text;
}

QString verbUsageText(const VerbSpec &verb)
{
    QString text = u"Usage: retort [OPTIONS] "_s + verb.name;
    if (!verb.options.isEmpty())
        text += u" [VERB OPTIONS]"_s;
    if (!verb.arguments.isEmpty())
        text += u' ' + verb.arguments;
    text += u"\n\n"_s + verb.summary + u'\n';
    if (!verb.options.isEmpty())
        text += u"\nOptions:\n"_s + optionLines(verb.options);
    text += u"\nGlobal options:\n"_s + optionLines(globalOptions());
    return text;
}

} // namespace retort::cli
