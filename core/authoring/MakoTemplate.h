#pragma once

#include "MakoExpression.h"
#include "TemplateError.h"

#include "Expected.h"

#include <QString>

#include <memory>
#include <vector>

namespace retort {

// The part of Mako that Alembic's and Flask-Migrate's script.py.mako use, rendered the way Mako
// renders it: text, `${expression}` and `${expression | filter, ...}` (str applied first unless
// `n`; filters are str, trim, n and the scope's functions such as Alembic's `comma`),
// `% if / % elif / % else / % endif` control lines, `## comment` lines, `<%text>` and `<%doc>`
// blocks, and a backslash that joins a line to the next. Anything else (Python blocks, `% for`,
// other tags, attribute access) is refused when parsing, naming the file and line.
class MakoTemplate
{
public:
    struct Node;

    static Expected<MakoTemplate, TemplateError> parse(const QString &text, const QString &fileName);
    // Reads the file as UTF-8 (a BOM is skipped).
    static Expected<MakoTemplate, TemplateError> load(const QString &path);

    Expected<QString, TemplateError> render(const MakoScope &scope) const;

    const QString &fileName() const { return m_fileName; }

private:
    QString m_fileName;
    std::shared_ptr<const std::vector<Node>> m_nodes;
};

} // namespace retort
