// The KSyntaxHighlighting-to-QScintilla adapter must colour by byte offsets that stay right
// after non-ASCII text, for Python and SQL, in light and dark themes.
#include "highlight/SyntaxLexer.h"

#include <KSyntaxHighlighting/Repository>
#include <KSyntaxHighlighting/Theme>
#include <Qsci/qsciscintilla.h>

#include <QTest>

using KSyntaxHighlighting::Repository;
using KSyntaxHighlighting::Theme;
using retort::ui::SyntaxLexer;

class TestSyntaxLexer : public QObject
{
    Q_OBJECT

private slots:
    void colours_data();
    void colours();
    void themeDrivesEditorColours_data();
    void themeDrivesEditorColours();
    void restylesFollowingLinesWhenStateChanges();
    void unknownLanguageIsRefused();

private:
    Repository m_repository;
};

// Style of the first byte of `needle`'s n-th occurrence in the document (UTF-8 byte offsets).
static int styleAt(QsciScintilla &editor, const QString &text, const QString &needle, int occurrence = 0)
{
    const QByteArray bytes = text.toUtf8();
    qsizetype at = -1;
    for (int i = 0; i <= occurrence; ++i)
        at = bytes.indexOf(needle.toUtf8(), at + 1);
    if (at < 0)
        return -1;
    return int(editor.SendScintilla(QsciScintillaBase::SCI_GETSTYLEAT, static_cast<unsigned long>(at)));
}

void TestSyntaxLexer::colours_data()
{
    QTest::addColumn<QString>("language");
    QTest::addColumn<bool>("dark");
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("needle");
    QTest::addColumn<int>("occurrence");
    QTest::addColumn<int>("textStyle");

    const QString python = QStringLiteral("# Größe – 日本語 😀 comment\n"
                                          "def upgrade():\n"
                                          "    op.execute('UPDATE users SET role = \\'naïve 😀\\'')  # trailing ✓ note\n"
                                          "    return None\n");
    const QString sql = QStringLiteral("-- Größe 日本語 😀\n"
                                       "INSERT INTO t (name) VALUES ('Zürich 😀'); SELECT 1;\n");

    for (bool dark : {false, true}) {
        const char *theme = dark ? "dark" : "light";
        QTest::addRow("%s python keyword after non-ASCII comment", theme)
            << QStringLiteral("Python") << dark << python << QStringLiteral("def") << 0 << int(Theme::Keyword);
        QTest::addRow("%s python string after non-ASCII", theme)
            << QStringLiteral("Python") << dark << python << QStringLiteral("'UPDATE") << 0 << int(Theme::String);
        QTest::addRow("%s python comment after emoji in string", theme)
            << QStringLiteral("Python") << dark << python << QStringLiteral("# trailing") << 0 << int(Theme::Comment);
        QTest::addRow("%s python first-line comment", theme)
            << QStringLiteral("Python") << dark << python << QStringLiteral("comment") << 0 << int(Theme::Comment);
        QTest::addRow("%s python control flow", theme)
            << QStringLiteral("Python") << dark << python << QStringLiteral("return") << 0 << int(Theme::ControlFlow);
        QTest::addRow("%s sql keyword after non-ASCII", theme)
            << QStringLiteral("SQL") << dark << sql << QStringLiteral("INSERT") << 0 << int(Theme::Keyword);
        QTest::addRow("%s sql keyword after emoji string", theme)
            << QStringLiteral("SQL") << dark << sql << QStringLiteral("SELECT") << 0 << int(Theme::Keyword);
        QTest::addRow("%s sql string", theme)
            << QStringLiteral("SQL") << dark << sql << QStringLiteral("'Z") << 0 << int(Theme::String);
        QTest::addRow("%s sql comment", theme)
            << QStringLiteral("SQL") << dark << sql << QStringLiteral("--") << 0 << int(Theme::Comment);
    }
}

void TestSyntaxLexer::colours()
{
    QFETCH(QString, language);
    QFETCH(bool, dark);
    QFETCH(QString, text);
    QFETCH(QString, needle);
    QFETCH(int, occurrence);
    QFETCH(int, textStyle);

    QsciScintilla editor;
    editor.setUtf8(true);
    auto *lexer = new SyntaxLexer(m_repository, &editor);
    QVERIFY(lexer->setLanguage(language));
    editor.setLexer(lexer);
    const Theme theme = m_repository.defaultTheme(dark ? Repository::DarkTheme : Repository::LightTheme);
    lexer->setColorTheme(theme);
    editor.setText(text);
    editor.SendScintilla(QsciScintillaBase::SCI_COLOURISE, 0, -1);

    const int style = styleAt(editor, text, needle, occurrence);
    QVERIFY2(style >= 0, "needle not found");
    const QColor expected(theme.textColor(Theme::TextStyle(textStyle)));
    QCOMPARE(lexer->color(style).name(), expected.name());
    // The style must really be in the editor, not only in the lexer.
    QCOMPARE(QColor(QRgb(editor.SendScintilla(QsciScintillaBase::SCI_STYLEGETFORE, style)) & 0xffffff).name(),
             QColor(qRgb(expected.blue(), expected.green(), expected.red())).name());
}

void TestSyntaxLexer::themeDrivesEditorColours_data()
{
    QTest::addColumn<bool>("dark");
    QTest::newRow("light") << false;
    QTest::newRow("dark") << true;
}

void TestSyntaxLexer::themeDrivesEditorColours()
{
    QFETCH(bool, dark);
    QsciScintilla editor;
    editor.setUtf8(true);
    auto *lexer = new SyntaxLexer(m_repository, &editor);
    QVERIFY(lexer->setLanguage(QStringLiteral("SQL")));
    editor.setLexer(lexer);
    const Theme theme = m_repository.defaultTheme(dark ? Repository::DarkTheme : Repository::LightTheme);
    lexer->setColorTheme(theme);
    editor.setText(QStringLiteral("SELECT 1;\n"));
    editor.SendScintilla(QsciScintillaBase::SCI_COLOURISE, 0, -1);

    const QColor background(theme.editorColor(Theme::BackgroundColor));
    QCOMPARE(lexer->paper(0).name(), background.name());
    QCOMPARE(lexer->defaultPaper().name(), background.name());
    // What the editor really paints with: its default style and style 0.
    const auto editorBackground = [&](int style) {
        const auto bgr = QRgb(editor.SendScintilla(QsciScintillaBase::SCI_STYLEGETBACK, style));
        return QColor(qBlue(bgr), qGreen(bgr), qRed(bgr)).name();
    };
    QCOMPARE(editorBackground(QsciScintillaBase::STYLE_DEFAULT), background.name());
    QCOMPARE(editorBackground(0), background.name());
    const bool darkBackground = background.lightness() < 128;
    QCOMPARE(darkBackground, dark);
}

void TestSyntaxLexer::restylesFollowingLinesWhenStateChanges()
{
    // Opening a triple-quoted string on line 1 turns the following lines into string.
    QsciScintilla editor;
    editor.setUtf8(true);
    auto *lexer = new SyntaxLexer(m_repository, &editor);
    QVERIFY(lexer->setLanguage(QStringLiteral("Python")));
    editor.setLexer(lexer);
    const Theme theme = lexer->colorTheme();
    const QString before = QStringLiteral("x = 1\nimport os\nimport sys\n");
    editor.setText(before);
    editor.SendScintilla(QsciScintillaBase::SCI_COLOURISE, 0, -1);
    QCOMPARE(lexer->color(styleAt(editor, before, QStringLiteral("sys"))).name(),
             QColor(theme.textColor(Theme::Normal)).name());

    editor.SendScintilla(QsciScintillaBase::SCI_INSERTTEXT, uintptr_t(0), "\"\"\"");
    editor.SendScintilla(QsciScintillaBase::SCI_COLOURISE, 0, 5);
    const QString after = editor.text();
    // The whole rest of the document is now inside the string: styled like its first line,
    // and no longer as plain text.
    const int inside = styleAt(editor, after, QStringLiteral("import sys"));
    QCOMPARE(inside, styleAt(editor, after, QStringLiteral("x = 1")));
    QVERIFY(lexer->color(inside).name() != QColor(theme.textColor(Theme::Normal)).name());
}

void TestSyntaxLexer::unknownLanguageIsRefused()
{
    SyntaxLexer lexer(m_repository);
    QVERIFY(!lexer.setLanguage(QStringLiteral("No Such Language")));
    QVERIFY(lexer.setLanguage(QStringLiteral("SQL (PostgreSQL)")));
    QCOMPARE(lexer.languageName(), QStringLiteral("SQL (PostgreSQL)"));
}

QTEST_MAIN(TestSyntaxLexer)
#include "tst_syntaxlexer.moc"
