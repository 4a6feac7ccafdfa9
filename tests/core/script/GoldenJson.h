#pragma once

#include "Problem.h"
#include "graph/Revision.h"
#include "script/SqlScript.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <optional>

// Golden-file support for reader tests: tests/data/script/<format>/<case>/{input.*,expected.json}.
// Setting RETORT_REGENERATE_GOLDEN=1 rewrites expected.json from the current output instead of
// comparing (review the diff before committing it).
namespace golden {

QJsonValue revisionToJson(const std::optional<retort::Revision> &revision);
QJsonArray problemsToJson(const retort::Problems &problems);
QJsonArray sectionsToJson(const retort::SqlScript &script);

// Case directories (absolute) under root, sorted.
QStringList caseDirectories(const QString &root);

bool regenerating();

// Compares actual with caseDir/expected.json (or rewrites it). Returns false with a message
// describing the first difference.
bool matchesExpected(const QString &caseDir, const QJsonObject &actual, QString *difference);

} // namespace golden
