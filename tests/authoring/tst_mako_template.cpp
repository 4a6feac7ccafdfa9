// The Mako subset: what renders and how, Python's repr of the values Alembic passes, and the
// errors (file and line) for what the subset does not cover.
#include "authoring/MakoTemplate.h"
#include "authoring/RevisionTemplate.h"

#include <QRegularExpression>
#include <QTest>
#include <QTimeZone>

using namespace retort;
using namespace Qt::StringLiterals;

namespace {

MakoScope sampleScope()
{
    RevisionTemplateValues values;
    values.revision = u"ae1027a6acf"_s;
    values.downRevisions = {u"1975ea83b712"_s, u"27c6a30d7c24"_s};
    values.branchLabels = {u"feature"_s};
    values.dependsOn = {u"3a1b"_s};
    values.createDate = QDateTime(QDate(2024, 5, 1), QTime(12, 30, 5, 120));
    values.message = u"add a table"_s;
    return revisionTemplateScope(values);
}

} // namespace

class TestMakoTemplate : public QObject
{
    Q_OBJECT

private slots:
    void renders_data()
    {
        QTest::addColumn<QString>("templateText");
        QTest::addColumn<QString>("expected");
        QTest::newRow("plain text") << u"abc\ndef\n"_s << u"abc\ndef\n"_s;
        QTest::newRow("expression") << u"id ${up_revision}!"_s << u"id ae1027a6acf!"_s;
        QTest::newRow("repr tuple") << u"${repr(down_revision)}"_s << u"('1975ea83b712', '27c6a30d7c24')"_s;
        QTest::newRow("repr one label") << u"${repr(branch_labels)}"_s << u"('feature',)"_s;
        QTest::newRow("comma n") << u"${down_revision | comma,n}"_s << u"1975ea83b712, 27c6a30d7c24"_s;
        QTest::newRow("comma after str") << u"${down_revision | comma}"_s << u"('1975ea83b712', '27c6a30d7c24')"_s;
        QTest::newRow("create date") << u"${create_date}"_s << u"2024-05-01 12:30:05.120000"_s;
        QTest::newRow("undefined is false") << u"${imports if imports else \"\"}|"_s << u"|"_s;
        QTest::newRow("if else") << u"a\n% if upgrades:\nU\n% else:\nP\n% endif\nb\n"_s << u"a\nP\nb\n"_s;
        QTest::newRow("elif") << u"% if imports:\n1\n% elif message == 'add a table':\n2\n% endif\n"_s << u"2\n"_s;
        QTest::newRow("indented control") << u"x\n   % if message:\ny\n  % endif\nz"_s << u"x\ny\nz"_s;
        QTest::newRow("comment line") << u"a\n## gone\n  ## gone too\nb"_s << u"a\nb"_s;
        QTest::newRow("not a comment mid-line") << u"a ## stays"_s << u"a ## stays"_s;
        QTest::newRow("continuation") << u"a\\\nb"_s << u"ab"_s;
        QTest::newRow("text block") << u"<%text>${x} \\\n% if</%text>"_s << u"${x} \\\n% if"_s;
        QTest::newRow("doc block") << u"a<%doc>${nothing}</%doc>b"_s << u"ab"_s;
        QTest::newRow("nested if") << u"% if message:\n% if not imports:\nin\n% endif\n% endif\n"_s << u"in\n"_s;
        QTest::newRow("and or") << u"${imports or 'none'} ${message and 'm'}"_s << u"none m"_s;
        QTest::newRow("is None") << u"${'y' if depends_on is not None else 'n'}"_s << u"y"_s;
        QTest::newRow("brace in string") << u"${'}' + ''}"_s << QString();
        QTest::newRow("trim") << u"${'  x ' | trim}"_s << u"x"_s;
        QTest::newRow("len") << u"${len(down_revision)}"_s << u"2"_s;
    }
    void renders()
    {
        QFETCH(QString, templateText);
        QFETCH(QString, expected);
        const auto parsed = MakoTemplate::parse(templateText, u"t.mako"_s);
        if (expected.isEmpty()) { // an operator the subset refuses, even inside ${}
            QVERIFY(!parsed.ok());
            QCOMPARE(parsed.error().line, 1);
            return;
        }
        QVERIFY2(parsed.ok(), qPrintable(parsed.ok() ? QString() : parsed.error().text()));
        const auto rendered = parsed->render(sampleScope());
        QVERIFY2(rendered.ok(), qPrintable(rendered.ok() ? QString() : rendered.error().text()));
        QCOMPARE(rendered.value(), expected);
    }

    void errors_data()
    {
        QTest::addColumn<QString>("templateText");
        QTest::addColumn<int>("line");
        QTest::addColumn<QString>("fragment");
        QTest::newRow("module block") << u"<%!\nimport re\n%>x"_s << 1 << u"'<%!'"_s;
        QTest::newRow("python block") << u"a\nb\n<%\n x = 1\n%>"_s << 3 << u"Python blocks"_s;
        QTest::newRow("for loop") << u"a\n% for x in y:\n% endfor\n"_s << 2 << u"'% for'"_s;
        QTest::newRow("attribute") << u"\n\n${config.get_main_option('x')}"_s << 3 << u"attribute access"_s;
        QTest::newRow("subscript") << u"${x[0]}"_s << 1 << u"subscripts"_s;
        QTest::newRow("unclosed if") << u"x\n% if a:\ny\n"_s << 2 << u"not closed"_s;
        QTest::newRow("stray endif") << u"x\n% endif\n"_s << 2 << u"without an open"_s;
        QTest::newRow("unclosed expression") << u"a\n${message"_s << 2 << u"not closed"_s;
        QTest::newRow("other tag") << u"<%def name=\"x()\">y</%def>"_s << 1 << u"<%def"_s;
        QTest::newRow("escape filter") << u"${message | h}"_s << 1 << u"'h'"_s;
        QTest::newRow("missing colon") << u"% if message\n% endif"_s << 1 << u"':'"_s;
        QTest::newRow("undefined written") << u"a\n\n${upgrades}"_s << 3 << u"name 'upgrades' is not defined"_s;
        QTest::newRow("repr of datetime") << u"${repr(create_date)}"_s << 1 << u"datetime"_s;
        QTest::newRow("calling a str") << u"${message()}"_s << 1 << u"not callable"_s;
    }
    void errors()
    {
        QFETCH(QString, templateText);
        QFETCH(int, line);
        QFETCH(QString, fragment);
        const auto parsed = MakoTemplate::parse(templateText, u"/p/script.py.mako"_s);
        TemplateError error;
        if (parsed.ok()) {
            const auto rendered = parsed->render(sampleScope());
            QVERIFY(!rendered.ok());
            error = rendered.error();
        } else {
            error = parsed.error();
        }
        QCOMPARE(error.file, u"/p/script.py.mako"_s);
        QCOMPARE(error.line, line);
        QVERIFY2(error.message.contains(fragment), qPrintable(error.text()));
        QVERIFY(error.text().startsWith(u"/p/script.py.mako:%1: "_s.arg(line)));
    }

    void stringRepr_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("expected");
        QTest::newRow("plain") << u"abc"_s << u"'abc'"_s;
        QTest::newRow("single quote") << u"it's"_s << u"\"it's\""_s;
        QTest::newRow("both quotes") << u"it's \"x\""_s << u"'it\\'s \"x\"'"_s;
        QTest::newRow("backslash") << u"a\\b"_s << u"'a\\\\b'"_s;
        QTest::newRow("controls") << u"a\nb\tc\rd\x01"_s << u"'a\\nb\\tc\\rd\\x01'"_s;
        QTest::newRow("unicode stays") << u"café ✓"_s << u"'café ✓'"_s;
        QTest::newRow("nbsp escaped") << u"a\u00a0b"_s << u"'a\\xa0b'"_s;
        QTest::newRow("line separator") << u"a\u2028b"_s << u"'a\\u2028b'"_s;
    }
    void stringRepr()
    {
        QFETCH(QString, text);
        QFETCH(QString, expected);
        QCOMPARE(MakoValue::pythonStringRepr(text), expected);
    }

    void scopeValues()
    {
        RevisionTemplateValues values;
        values.revision = u"r1"_s;
        values.createDate = QDateTime(QDate(2024, 1, 2), QTime(3, 4, 5), QTimeZone(3600 * 2));
        values.createDateHasZone = true;
        values.dependsOn = {u"a"_s, u"b"_s};
        const MakoScope scope = revisionTemplateScope(values);
        QCOMPARE(scope.value(u"down_revision"_s).kind(), MakoValue::Kind::None);
        QCOMPARE(scope.value(u"branch_labels"_s).kind(), MakoValue::Kind::None);
        QCOMPARE(scope.value(u"message"_s).text(), u"empty message"_s);
        // generate_revision keeps several depends_on as the list it resolved.
        QCOMPARE(scope.value(u"depends_on"_s).repr().value(), u"['a', 'b']"_s);
        QCOMPARE(scope.value(u"create_date"_s).str().value(), u"2024-01-02 03:04:05+02:00"_s);
        QVERIFY(!scope.contains(u"upgrades"_s));
    }

    void newIds()
    {
        const QString id = newRevisionId();
        QCOMPARE(id.size(), 12);
        QVERIFY(QRegularExpression(u"^[0-9a-f]{12}$"_s).match(id).hasMatch());
        QVERIFY(newRevisionId() != id);
    }

    void timezones()
    {
        const QDateTime now(QDate(2024, 6, 1), QTime(10, 0), QTimeZone::utc());
        const auto utc = revisionCreateDate(u"utc"_s, now); // upper-cased on the second try
        QVERIFY(utc.ok());
        QCOMPARE(utc->offsetFromUtc(), 0);
        const auto berlin = revisionCreateDate(u"Europe/Berlin"_s, now);
        QVERIFY(berlin.ok());
        QCOMPARE(pythonDateTimeText(berlin.value(), true), u"2024-06-01 12:00:00+02:00"_s);
        const auto bad = revisionCreateDate(u"Nowhere/Land"_s, now);
        QVERIFY(!bad.ok());
        QCOMPARE(bad.error().message, u"Can't locate timezone: Nowhere/Land"_s);
    }
};

QTEST_GUILESS_MAIN(TestMakoTemplate)
#include "tst_mako_template.moc"
