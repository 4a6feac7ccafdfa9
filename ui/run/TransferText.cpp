#include "TransferText.h"

#include <QCoreApplication>
#include <QLocale>

namespace retort::ui {

namespace {

QString amount(TransferProgress::Unit unit, qint64 value)
{
    const QLocale locale;
    switch (unit) {
    case TransferProgress::Unit::Bytes:
        return locale.formattedDataSize(value);
    case TransferProgress::Unit::Pages:
    case TransferProgress::Unit::Items:
        break;
    }
    return locale.toString(value);
}

QString counted(TransferProgress::Unit unit, qint64 done, qint64 total)
{
    if (total <= 0)
        return unit == TransferProgress::Unit::Bytes
            ? QCoreApplication::translate("TransferText", "%1 written").arg(amount(unit, done))
            : amount(unit, done);
    switch (unit) {
    case TransferProgress::Unit::Pages:
        return QCoreApplication::translate("TransferText", "%1 of %2 pages")
            .arg(amount(unit, done), amount(unit, total));
    case TransferProgress::Unit::Items:
        return QCoreApplication::translate("TransferText", "%1 of %2 items")
            .arg(amount(unit, done), amount(unit, total));
    case TransferProgress::Unit::Bytes:
        break;
    }
    return QCoreApplication::translate("TransferText", "%1 of %2").arg(amount(unit, done), amount(unit, total));
}

} // namespace

QString transferText(TransferProgress::Stage stage, TransferProgress::Unit unit, qint64 done, qint64 total)
{
    switch (stage) {
    case TransferProgress::Stage::Copy:
        return (unit == TransferProgress::Unit::Bytes ? QCoreApplication::translate("TransferText", "Dumping: %1")
                                                      : QCoreApplication::translate("TransferText", "Copying: %1"))
            .arg(counted(unit, done, total));
    case TransferProgress::Stage::Verify:
        return QCoreApplication::translate("TransferText", "Checking the file…");
    case TransferProgress::Stage::Checksum:
        return QCoreApplication::translate("TransferText", "Computing SHA-256: %1").arg(counted(unit, done, total));
    case TransferProgress::Stage::Restore:
        return QCoreApplication::translate("TransferText", "Restoring: %1").arg(counted(unit, done, total));
    }
    return {};
}

} // namespace retort::ui
