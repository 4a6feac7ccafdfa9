#pragma once

#include "backup/TransferProgress.h"

#include <QString>

namespace retort::ui {

// What the progress bar says during a backup or restore: "Copying: 1,200 of 4,000 pages",
// "Dumping: 12.5 MiB written", "Checking the copy…".
QString transferText(TransferProgress::Stage stage, TransferProgress::Unit unit, qint64 done, qint64 total);

} // namespace retort::ui
