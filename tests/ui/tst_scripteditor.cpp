// The built-in editor: open, edit, save atomically, and the unsaved-changes prompt on close;
// Edit Script in the window opens the selected revision's file.
#include "MainWindow.h"
#include "ScriptView.h"
#include "TestProject.h"
#include "edit/ScriptEditor.h"
#include "highlight/SyntaxLexer.h"

#include <QAction>
#include <QTemporaryDir>
#include <QTest>

using namespace retort;
using namespace retort::ui;

namespace {

QString readText(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
}

} // namespace

class TestScriptEditor : public QObject
{
    Q_OBJECT

private slots:
    void editAndSave()
    {
        QTemporaryDir dir;
        writeProject(dir.path(), {{QStringLiteral("a1"), QString(), QStringLiteral("SELECT 1;")}});
        const QString path = dir.filePath(QStringLiteral("versions/a1_test.sql"));
        ScriptEditor editor;
        QVERIFY(editor.open(path).ok());
        QVERIFY(!editor.view()->isReadOnly());
        QVERIFY(!editor.isModified());
        QCOMPARE(editor.view()->text(), readText(path));
        editor.view()->append(QStringLiteral("SELECT 2;\n"));
        QVERIFY(editor.isModified());
        QVERIFY(editor.windowTitle().contains(QStringLiteral("*")));
        QVERIFY(editor.save().ok());
        QVERIFY(!editor.isModified());
        QVERIFY(readText(path).endsWith(QStringLiteral("SELECT 2;\n")));
        QVERIFY(!editor.open(dir.filePath(QStringLiteral("nothing.sql"))).ok());
    }

    void promptOnClose_data()
    {
        QTest::addColumn<int>("answer");
        QTest::addColumn<bool>("closes");
        QTest::addColumn<bool>("savedText");
        QTest::newRow("save") << int(ScriptEditor::Answer::Save) << true << true;
        QTest::newRow("discard") << int(ScriptEditor::Answer::Discard) << true << false;
        QTest::newRow("cancel") << int(ScriptEditor::Answer::Cancel) << false << false;
    }
    void promptOnClose()
    {
        QFETCH(int, answer);
        QFETCH(bool, closes);
        QFETCH(bool, savedText);
        QTemporaryDir dir;
        writeProject(dir.path(), {{QStringLiteral("a1"), QString(), QStringLiteral("SELECT 1;")}});
        const QString path = dir.filePath(QStringLiteral("versions/a1_test.sql"));
        const QString before = readText(path);
        ScriptEditor editor;
        int asked = 0;
        editor.setAsker([&](const QString &) {
            ++asked;
            return ScriptEditor::Answer(answer);
        });
        QVERIFY(editor.open(path).ok());
        editor.show();
        QVERIFY(editor.close()); // nothing changed: closes without asking
        QCOMPARE(asked, 0);
        editor.show();
        editor.view()->append(QStringLiteral("-- more\n"));
        QCOMPARE(editor.close(), closes);
        QCOMPARE(asked, 1);
        QCOMPARE(readText(path) != before, savedText);
    }

    void editFromWindow()
    {
        QTemporaryDir dir;
        const QString root = dir.filePath(QStringLiteral("project"));
        writeProject(root,
                     {{QStringLiteral("a1"), QString(), QStringLiteral("SELECT 1;")},
                      {QStringLiteral("b2"), QStringLiteral("a1"), QStringLiteral("SELECT 2;")}});
        MainWindow window;
        window.setErrorPresenter([](const RunError &) {});
        window.openProject(root, sqliteUrl(dir));
        window.selectRevision(QStringLiteral("a1"));
        QAction *edit = window.action(QStringLiteral("editScript"));
        QVERIFY(edit);
        edit->trigger();
        const auto editors = window.findChildren<ScriptEditor *>();
        QCOMPARE(editors.size(), 1);
        QCOMPARE(editors.first()->path(), QDir(root).absoluteFilePath(QStringLiteral("versions/a1_test.sql")));
        QCOMPARE(editors.first()->view()->syntaxLexer()->languageName(), QStringLiteral("SQL"));
        edit->trigger(); // the same file: the same editor
        QCOMPARE(window.findChildren<ScriptEditor *>().size(), 1);

        // Closing the window with unsaved changes asks; Cancel keeps both open.
        ScriptEditor *editor = editors.first();
        int asked = 0;
        editor->setAsker([&](const QString &) {
            ++asked;
            return ScriptEditor::Answer::Cancel;
        });
        editor->view()->append(QStringLiteral("-- unsaved\n"));
        window.show();
        QVERIFY(!window.close());
        QCOMPARE(asked, 1);
        QVERIFY(window.isVisible());
    }
};

QTEST_MAIN(TestScriptEditor)
#include "tst_scripteditor.moc"
