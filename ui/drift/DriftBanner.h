#pragma once

#include "command/DriftCommand.h"
#include "command/IdentifyCommand.h"
#include "run/RunError.h"

#include <QFrame>

class QLabel;
class QPushButton;

namespace retort::ui {

// A strip above the graph that says whether the database's schema is what its revisions give:
// hidden when it is, else the differences and what to do (write a revision, or fix the
// database). For a database whose version table is missing, empty or names a revision no file
// defines it offers "Identify…", and after identify "Stamp as <revision>" for an exact match.
// It only shows values; the window runs the commands (DriftChecker, the stamp flow).
class DriftBanner : public QFrame
{
    Q_OBJECT

public:
    explicit DriftBanner(QWidget *parent = nullptr);

    void showChecking();
    void showDrift(const DriftReport &report);
    void showIdentify(const IdentifyReport &report);
    // A drift check or identify that could not run; ResolutionError is the unknown-row case.
    void showFailure(const RunError &error, bool identify);
    void showUnavailable(const QString &reason);
    void clear();

    QString message() const;
    QString details() const;
    // The revision "Stamp as" would write, empty when none is offered.
    const QString &stampRevision() const { return m_stampRevision; }
    bool stampPurges() const { return m_stampPurge; }
    QPushButton *identifyButton() const { return m_identify; }
    QPushButton *stampButton() const { return m_stamp; }

signals:
    void identifyRequested();
    void stampRequested(const QString &revision, bool purge);

private:
    void show(const QString &message, const QString &details, bool offerIdentify);

    QLabel *m_message = nullptr;
    QLabel *m_details = nullptr;
    QPushButton *m_identify = nullptr;
    QPushButton *m_stamp = nullptr;
    QPushButton *m_close = nullptr;
    QString m_stampRevision;
    bool m_stampPurge = false;
};

} // namespace retort::ui
