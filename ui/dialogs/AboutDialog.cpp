#include "AboutDialog.h"

#include "RetortVersion.h"
#include "db/SqlLibraryVersions.h"

#include <QDialogButtonBox>
#include <QIcon>
#include <QLabel>
#include <QPlainTextEdit>
#include <QVBoxLayout>
#include <Qsci/qsciglobal.h>

namespace retort::ui {

namespace {

QString orUnknown(const QString &version, const QString &unknown)
{
    return version.isEmpty() ? unknown : version;
}

} // namespace

QString AboutDialog::versionsText()
{
    const SqlLibraryVersions &sql = SqlLibraryVersions::detect();
    const QStringList lines = {
        tr("Retort: %1").arg(QLatin1String(RETORT_VERSION_STRING)),
        tr("Qt: %1 (built with %2)").arg(QLatin1String(qVersion()), QLatin1String(QT_VERSION_STR)),
        tr("QScintilla: %1").arg(QLatin1String(QSCINTILLA_VERSION_STR)),
        tr("KSyntaxHighlighting: %1").arg(QLatin1String(RETORT_KSYNTAXHIGHLIGHTING_VERSION)),
        tr("SQLite: %1").arg(orUnknown(sql.sqlite, tr("not available (the Qt SQLite driver is not installed)"))),
        tr("libpq: %1").arg(orUnknown(sql.libpq, tr("not available (the Qt PostgreSQL driver is not installed)"))),
    };
    return lines.join(QLatin1Char('\n'));
}

AboutDialog::AboutDialog(QWidget *parent)
    : QDialog(parent)
{
    setWindowTitle(tr("About Retort"));
    auto *title = new QLabel(tr("<h3>Retort %1</h3><p>A migration manager for Alembic and plain SQL "
                                "histories, on SQLite and PostgreSQL.</p>")
                                 .arg(QLatin1String(RETORT_VERSION_STRING)),
                             this);
    title->setObjectName(QStringLiteral("aboutTitle"));
    title->setWordWrap(true);
    // Selectable plain text, so the versions can be pasted into a bug report.
    auto *versions = new QPlainTextEdit(versionsText(), this);
    versions->setObjectName(QStringLiteral("aboutVersions"));
    versions->setReadOnly(true);
    versions->setMinimumWidth(420);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(title);
    layout->addWidget(versions);
    layout->addWidget(buttons);
}

} // namespace retort::ui
