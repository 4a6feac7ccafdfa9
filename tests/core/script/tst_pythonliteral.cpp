#include "script/PythonLiteral.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace retort;

Q_DECLARE_METATYPE(PythonLiteral::Kind)

class TestPythonLiteral : public QObject
{
    Q_OBJECT

private slots:
    void parse_data()
    {
        QTest::addColumn<QByteArray>("expression");
        QTest::addColumn<PythonLiteral::Kind>("kind");
        QTest::addColumn<QStringList>("strings");
        using K = PythonLiteral::Kind;
        QTest::newRow("None") << QByteArray(" None") << K::None << QStringList();
        QTest::newRow("None comment") << QByteArray(" None  # base") << K::None << QStringList();
        QTest::newRow("single") << QByteArray(" 'a1'") << K::String << QStringList{u"a1"_s};
        QTest::newRow("double") << QByteArray(" \"a1\"") << K::String << QStringList{u"a1"_s};
        QTest::newRow("triple") << QByteArray("'''a1'''") << K::String << QStringList{u"a1"_s};
        QTest::newRow("triple double") << QByteArray("\"\"\"a\"b\"\"\"") << K::String << QStringList{u"a\"b"_s};
        QTest::newRow("u prefix") << QByteArray("u'x'") << K::String << QStringList{u"x"_s};
        QTest::newRow("r prefix keeps backslash") << QByteArray("r'a\\nb'") << K::String << QStringList{u"a\\nb"_s};
        QTest::newRow("escape newline") << QByteArray("'a\\nb'") << K::String << QStringList{u"a\nb"_s};
        QTest::newRow("raw escaped quote") << QByteArray("r'a\\'b'") << K::String << QStringList{u"a\\'b"_s};
        QTest::newRow("bytes") << QByteArray("b'ab'") << K::String << QStringList{u"ab"_s};
        QTest::newRow("rb") << QByteArray("Rb'a\\b'") << K::String << QStringList{u"a\\b"_s};
        QTest::newRow("unicode escape") << QByteArray("'\\u00e9\\U0001F600\\x41'") << K::String
                                        << QStringList{u"\u00e9\U0001F600A"_s};
        QTest::newRow("utf8 text") << QByteArray("'\xc3\xa9t\xc3\xa9'") << K::String << QStringList{u"\u00e9t\u00e9"_s};
        QTest::newRow("concatenation") << QByteArray("'a' \"b\" r'c'") << K::String << QStringList{u"abc"_s};
        QTest::newRow("parenthesized") << QByteArray("('abc')") << K::String << QStringList{u"abc"_s};
        QTest::newRow("parenthesized concatenation")
            << QByteArray("(\n  'ab'\n  'cd'\n)") << K::String << QStringList{u"abcd"_s};
        QTest::newRow("tuple") << QByteArray("('a', 'b')") << K::Sequence << QStringList{u"a"_s, u"b"_s};
        QTest::newRow("one tuple") << QByteArray("('a',)") << K::Sequence << QStringList{u"a"_s};
        QTest::newRow("empty tuple") << QByteArray("()") << K::Sequence << QStringList();
        QTest::newRow("list multiline") << QByteArray("[\n  'a',  # one\n  # skipped\n  \"b\",\n]") << K::Sequence
                                        << QStringList{u"a"_s, u"b"_s};
        QTest::newRow("bare tuple") << QByteArray("'a', 'b'") << K::Sequence << QStringList{u"a"_s, u"b"_s};
        QTest::newRow("bare one tuple") << QByteArray("'a',") << K::Sequence << QStringList{u"a"_s};
        QTest::newRow("continuation") << QByteArray("\\\n 'a'") << K::String << QStringList{u"a"_s};
        QTest::newRow("name") << QByteArray("BASE") << K::Unreadable << QStringList();
        QTest::newRow("call") << QByteArray("f('x')") << K::Unreadable << QStringList();
        QTest::newRow("fstring") << QByteArray("f'x{y}'") << K::Unreadable << QStringList();
        QTest::newRow("rf string") << QByteArray("rf'x'") << K::Unreadable << QStringList();
        QTest::newRow("method") << QByteArray("'abc'.upper()") << K::Unreadable << QStringList();
        QTest::newRow("plus") << QByteArray("'a' + 'b'") << K::Unreadable << QStringList();
        QTest::newRow("percent") << QByteArray("'%s' % x") << K::Unreadable << QStringList();
        QTest::newRow("conditional") << QByteArray("'a' if x else 'b'") << K::Unreadable << QStringList();
        QTest::newRow("tuple with name") << QByteArray("('a', B)") << K::Unreadable << QStringList();
        QTest::newRow("nested tuple") << QByteArray("(('a',),)") << K::Unreadable << QStringList();
        QTest::newRow("set") << QByteArray("{'a'}") << K::Unreadable << QStringList();
        QTest::newRow("number") << QByteArray("42") << K::Unreadable << QStringList();
        QTest::newRow("unterminated") << QByteArray("'abc") << K::Unreadable << QStringList();
        QTest::newRow("empty") << QByteArray("   ") << K::Unreadable << QStringList();
        QTest::newRow("None call") << QByteArray("None()") << K::Unreadable << QStringList();
    }

    void parse()
    {
        QFETCH(QByteArray, expression);
        QFETCH(PythonLiteral::Kind, kind);
        QFETCH(QStringList, strings);
        const PythonLiteral v = PythonLiteral::parse(std::string_view(expression.constData(), expression.size()));
        QCOMPARE(v.kind, kind);
        QCOMPARE(v.strings, strings);
        if (kind == PythonLiteral::Kind::Unreadable)
            QVERIFY(!v.reason.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestPythonLiteral)
#include "tst_pythonliteral.moc"
