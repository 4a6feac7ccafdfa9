// firstInvalidUtf8Byte: the first byte that is not part of valid UTF-8, wherever it falls
// relative to the eight-byte words the ASCII stretches are skipped in.
#include "script/Utf8Check.h"

#include <QTest>

#include <string>

using namespace retort;

class TestUtf8Check : public QObject
{
    Q_OBJECT

private slots:
    void firstInvalidByte_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<int>("invalidAt"); // -1: valid
        for (int length : {0, 1, 7, 8, 9, 16, 23, 40})
            QTest::addRow("ascii %d", length) << QByteArray(length, 'a') << -1;
        // A byte that never starts UTF-8, before, on and after word boundaries.
        for (int at = 0; at < 20; ++at) {
            QByteArray text(24, 'x');
            text[at] = char(0xFF);
            QTest::addRow("0xFF at %d", at) << text << at;
        }
        // Valid sequences of two, three and four bytes starting at every offset of a word.
        for (const char *sequence : {"\xC3\xA9", "\xE2\x82\xAC", "\xF0\x9F\x98\x80"}) {
            for (int at = 0; at < 10; ++at) {
                const QByteArray text = QByteArray(at, 'p') + sequence + QByteArray(12, 'q');
                QTest::addRow("%d-byte sequence at %d", int(qstrlen(sequence)), at) << text << -1;
            }
        }
        QTest::newRow("truncated at the end") << QByteArray("abcdefghij\xE2\x82") << 10;
        QTest::newRow("overlong") << QByteArray("abcdefghij\xC0\x80xyz") << 10;
        QTest::newRow("surrogate") << QByteArray("abcdefghijk\xED\xA0\x80") << 11;
        QTest::newRow("past U+10FFFF") << QByteArray("abcdefghijkl\xF4\x90\x80\x80") << 12;
        QTest::newRow("continuation alone") << QByteArray("abcdefgh\x80") << 8;
        QTest::newRow("valid then invalid") << QByteArray("\xC3\xA9\xC3\xA9 and then \xFE") << 14;
    }

    void firstInvalidByte()
    {
        QFETCH(QByteArray, text);
        QFETCH(int, invalidAt);
        const std::optional<size_t> found =
            firstInvalidUtf8Byte(std::string_view(text.constData(), size_t(text.size())));
        if (invalidAt < 0)
            QVERIFY2(!found, qPrintable(QStringLiteral("reported byte %1").arg(found ? int(*found) : -1)));
        else
            QCOMPARE(found ? int(*found) : -1, invalidAt);
    }
};

QTEST_GUILESS_MAIN(TestUtf8Check)
#include "tst_utf8check.moc"
