// The window's translations: the English one loads whatever the person's language, so the "%n ..."
// messages read "1 revision" and "3 revisions"; every such message of the sources is in each .ts
// file with all its plural forms filled (run the update_translations target after adding one).
#include "Translations.h"
#include "run/DatabaseStatus.h"

#include <QDirIterator>
#include <QFile>
#include <QRegularExpression>
#include <QTest>
#include <QXmlStreamReader>

using namespace retort::ui;
using namespace Qt::StringLiterals;

namespace {

struct NumerusMessage
{
    QString source;
    QStringList forms;
};

QList<NumerusMessage> numerusMessages(const QString &path, QString *failure)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *failure = file.errorString();
        return {};
    }
    QList<NumerusMessage> messages;
    QXmlStreamReader xml(&file);
    bool numerus = false;
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isStartElement() && xml.name() == u"message") {
            numerus = xml.attributes().value(u"numerus"_s) == u"yes";
            if (numerus)
                messages.append(NumerusMessage());
        } else if (numerus && xml.isStartElement() && xml.name() == u"source") {
            messages.last().source = xml.readElementText();
        } else if (numerus && xml.isStartElement() && xml.name() == u"numerusform") {
            messages.last().forms.append(xml.readElementText());
        }
    }
    if (xml.hasError())
        *failure = u"%1:%2: %3"_s.arg(path).arg(xml.lineNumber()).arg(xml.errorString());
    return messages;
}

QStringList translationFiles()
{
    QStringList files;
    QDirIterator it(QStringLiteral(RETORT_SOURCE_DIR "/resources/translations"), {u"retort_*.ts"_s}, QDir::Files);
    while (it.hasNext())
        files.append(it.next());
    return files;
}

} // namespace

class TestTranslations : public QObject
{
    Q_OBJECT

private slots:
    void pluralsReadAsEnglish();
    void everyPluralMessageIsTranslated();
    void sentencesGoThroughTr();
};

void TestTranslations::pluralsReadAsEnglish()
{
    QVERIFY(installTranslations(*QCoreApplication::instance()));
    const QString one = DatabaseStatus{1, true, {}, 1, {}}.text();
    QVERIFY2(one.startsWith(u"1 revision "_s) && !one.contains(u"(s)"_s), qPrintable(one));
    const QString three = DatabaseStatus{3, true, {u"a1"_s, u"b2"_s}, 0, {}}.text();
    QVERIFY2(three.startsWith(u"3 revisions "_s), qPrintable(three));
    QVERIFY2(three.contains(u"2 heads in the version table"_s), qPrintable(three));
}

void TestTranslations::everyPluralMessageIsTranslated()
{
    const QStringList files = translationFiles();
    QVERIFY(!files.isEmpty());
    // The first literal of each tr("...%n...") in the window's sources.
    QStringList used;
    const QRegularExpression call(uR"re(\btr\(\s*"((?:[^"\\]|\\.)*%n(?:[^"\\]|\\.)*)")re"_s);
    QDirIterator sources(QStringLiteral(RETORT_SOURCE_DIR "/ui"), {u"*.cpp"_s, u"*.h"_s}, QDir::Files,
                         QDirIterator::Subdirectories);
    while (sources.hasNext()) {
        QFile file(sources.next());
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QString text = QString::fromUtf8(file.readAll());
        for (const QRegularExpressionMatch &match : call.globalMatch(text))
            used.append(match.captured(1).replace(u"\\\""_s, u"\""_s));
    }
    QVERIFY(used.size() >= 10);
    for (const QString &path : files) {
        QString failure;
        const QList<NumerusMessage> messages = numerusMessages(path, &failure);
        QVERIFY2(failure.isEmpty(), qPrintable(failure));
        for (const NumerusMessage &message : messages) {
            QVERIFY2(!message.forms.isEmpty(), qPrintable(path + u": "_s + message.source));
            for (const QString &form : message.forms)
                QVERIFY2(!form.isEmpty(),
                         qPrintable(path + u": a plural form of \""_s + message.source + u"\" is empty"_s));
        }
        for (const QString &literal : std::as_const(used)) {
            const bool found = std::any_of(messages.cbegin(), messages.cend(), [&literal](const NumerusMessage &m) {
                return m.source.startsWith(literal);
            });
            QVERIFY2(found, qPrintable(u"%1 lacks \"%2\": build the update_translations target"_s.arg(path, literal)));
        }
    }
}

// A literal that reads as words (two of them, the first of three letters or more) is text for a
// person, so it must be in tr() or QCoreApplication::translate(); markup and logging are not.
void TestTranslations::sentencesGoThroughTr()
{
    const QRegularExpression literal(uR"re((?:QStringLiteral\(|\bu)"((?:[^"\\]|\\.)*)")re"_s);
    const QRegularExpression words(u"[A-Za-z][a-z]{2,} [a-z]{2,}"_s);
    const QRegularExpression translated(u"\\btr\\(|translate\\(|QT_TR_NOOP|qC(Debug|Info|Warning|Critical)"_s);
    QStringList untranslated;
    int scanned = 0;
    QDirIterator sources(QStringLiteral(RETORT_SOURCE_DIR "/ui"), {u"*.cpp"_s, u"*.h"_s}, QDir::Files,
                         QDirIterator::Subdirectories);
    while (sources.hasNext()) {
        const QString path = sources.next();
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QStringList lines = QString::fromUtf8(file.readAll()).split(u'\n');
        ++scanned;
        for (qsizetype i = 0; i < lines.size(); ++i) {
            if (translated.match(lines.at(i)).hasMatch())
                continue;
            for (const QRegularExpressionMatch &match : literal.globalMatch(lines.at(i))) {
                const QString text = match.captured(1);
                if (!text.startsWith(u'<') && words.match(text).hasMatch())
                    untranslated.append(u"%1:%2: \"%3\""_s.arg(path).arg(i + 1).arg(text));
            }
        }
    }
    QVERIFY(scanned > 20);
    QVERIFY2(untranslated.isEmpty(), qPrintable(untranslated.join(u'\n')));
}

QTEST_GUILESS_MAIN(TestTranslations)
#include "tst_translations.moc"
