#include "ManPage.h"

#include "CommandLine.h"
#include "RetortVersion.h"

using namespace Qt::StringLiterals;

namespace retort::cli {

namespace {

// Text as roff reads it: backslashes escaped, dashes as minus signs, no line taken for a request.
QString roff(QString text)
{
    text.replace(u'\\', u"\\e"_s).replace(u'-', u"\\-"_s);
    if (text.startsWith(u'.') || text.startsWith(u'\''))
        text.prepend(u"\\&"_s);
    return text;
}

QString optionItems(const QList<OptionSpec> &options)
{
    QString text;
    for (const OptionSpec &option : options) {
        QString tag = option.shortName.isNull() ? QString() : u"\\fB\\-%1\\fR, "_s.arg(option.shortName);
        tag += u"\\fB"_s + roff(u"--"_s + option.longName) + u"\\fR"_s;
        if (!option.valueName.isEmpty())
            tag += u" \\fI"_s + roff(option.valueName) + u"\\fR"_s;
        text += u".TP\n"_s + tag + u'\n' + roff(option.help) + u'\n';
    }
    return text;
}

} // namespace

QString manPageText()
{
    QString text = u".TH RETORT 1 \"\" \"Retort " RETORT_VERSION_STRING "\" \"User Commands\"\n"
                   u".SH NAME\n"
                   u"retort \\- migration manager for Alembic, Flask\\-Migrate and plain SQL histories\n"
                   u".SH SYNOPSIS\n"
                   u"\\fBretort\\fR [\\fIOPTIONS\\fR] [\\fIDIR\\fR]\n.br\n"
                   u"\\fBretort\\fR [\\fIOPTIONS\\fR] \\fIVERB\\fR [\\fIARGS\\fR...]\n"
                   u".SH DESCRIPTION\n"
                   u"Without a verb, \\fBretort\\fR opens the desktop application on \\fIDIR\\fR (a migrations "
                   u"directory). With a verb it runs one command and needs no display; the verbs mirror "
                   u"\\fBflask db\\fR and \\fBalembic\\fR and use the same version table.\n"
                   u".SH COMMANDS\n"_s;
    for (const VerbSpec &verb : verbs()) {
        text += u".SS "_s + roff(verb.arguments.isEmpty() ? verb.name : verb.name + u' ' + verb.arguments) + u'\n';
        text += roff(verb.summary) + u'\n';
        if (!verb.options.isEmpty())
            text += u".RS\n"_s + optionItems(verb.options) + u".RE\n"_s;
    }
    text += u".SH OPTIONS\nGlobal options go before or after the verb.\n"_s + optionItems(globalOptions());
    text += u".SS Desktop application\n"_s + optionItems(guiOptions());
    text += u".SH ENVIRONMENT\n"
            u".TP\n\\fBDATABASE_URL\\fR\n"
            u"The database URL when \\fB\\-\\-url\\fR is not given; it wins over alembic.ini's sqlalchemy.url.\n"
            u".SH EXIT STATUS\n"
            u"0 success, 1 a graph, resolution or database error, 2 a usage error.\n"
            u".SH SEE ALSO\n"
            u"\\fBalembic\\fR(1), \\fBflask\\fR(1)\n"_s;
    return text;
}

} // namespace retort::cli
