#pragma once

#include "command/ProjectSnapshot.h"
#include "command/RevisionCommand.h"

#include <QDialog>

#include <optional>

class QCheckBox;
class QComboBox;
class QLineEdit;

namespace retort::ui {

// New Revision: the message, the parent (a head, or with Splice any revision), a branch label and
// the revisions it depends on, with the format the project gives new revisions. What it returns
// goes to the same revision command as `retort revision`, whose checks and messages apply.
class NewRevisionDialog : public QDialog
{
    Q_OBJECT

public:
    NewRevisionDialog(const ProjectSnapshot &project, const QString &selected, QWidget *parent = nullptr);

    RevisionRequest request() const;

    // The request, or nullopt when the person cancelled. `selected`: the revision selected in
    // the graph, offered as the parent when it is a head (otherwise with Splice).
    static std::optional<RevisionRequest> ask(const ProjectSnapshot &project, const QString &selected, QWidget *parent);

private:
    QLineEdit *m_message = nullptr;
    QComboBox *m_parent = nullptr;
    QCheckBox *m_splice = nullptr;
    QLineEdit *m_branchLabel = nullptr;
    QLineEdit *m_dependsOn = nullptr;
};

} // namespace retort::ui
