#pragma once

#include <QDialog>

namespace retort::ui {

// Help > About Retort: what Retort is and the versions of everything it runs on (Qt, QScintilla,
// KSyntaxHighlighting, and the SQLite and libpq behind the Qt SQL drivers), as a person filing a
// bug report would copy them.
class AboutDialog : public QDialog
{
    Q_OBJECT

public:
    explicit AboutDialog(QWidget *parent = nullptr);

    // One "name: version" line per component, plain text.
    static QString versionsText();
};

} // namespace retort::ui
