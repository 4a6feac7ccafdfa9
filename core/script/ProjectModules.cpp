#include "ProjectModules.h"

#include "ProjectConfig.h"
#include "PythonLiteral.h"
#include "PythonStatementScanner.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

using namespace Qt::StringLiterals;

namespace retort {

namespace {

bool isIdentChar(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

// Largest module files read: a constants module is small, and a huge file is not one.
constexpr qint64 MaxModuleBytes = 4 * 1024 * 1024;

void appendUnique(QStringList &list, const QString &path)
{
    const QString clean = QDir::cleanPath(path);
    if (!clean.isEmpty() && !list.contains(clean) && QFileInfo(clean).isDir())
        list.append(clean);
}

} // namespace

ProjectModules::ProjectModules(QStringList importRoots)
    : m_roots(std::move(importRoots))
{
}

QStringList ProjectModules::importRootsFor(const ProjectConfig &config)
{
    QStringList roots;
    for (const QString &path : config.prependSysPath)
        appendUnique(roots, path);
    const QString migrations = config.scriptLocation.isEmpty() ? config.directory : config.scriptLocation;
    if (migrations.isEmpty())
        return roots;
    QDir above(migrations);
    if (above.cdUp())
        appendUnique(roots, above.path());
    // The outermost package around the migrations folder: its parent is on sys.path.
    QDir package(migrations);
    QString outermost;
    while (QFileInfo::exists(package.filePath(u"__init__.py"_s))) {
        outermost = package.path();
        if (!package.cdUp())
            break;
    }
    if (!outermost.isEmpty()) {
        QDir parent(outermost);
        if (parent.cdUp())
            appendUnique(roots, parent.path());
    }
    for (QDir dir(migrations);;) {
        if (QFileInfo::exists(dir.filePath(u".git"_s))) {
            appendUnique(roots, dir.path());
            break;
        }
        if (!dir.cdUp())
            break;
    }
    return roots;
}

QString ProjectModules::moduleFile(const QString &module) const
{
    const QString relative = QString(module).replace(u'.', u'/');
    for (const QString &root : m_roots) {
        const QString file = root + u'/' + relative + u".py"_s;
        if (QFileInfo(file).isFile())
            return file;
        const QString package = root + u'/' + relative + u"/__init__.py"_s;
        if (QFileInfo(package).isFile())
            return package;
    }
    return {};
}

QHash<QString, QString> ProjectModules::constantsOf(const QString &file) const
{
    {
        const QMutexLocker lock(&m_mutex);
        const auto cached = m_constants.constFind(file);
        if (cached != m_constants.cend())
            return *cached;
    }
    // Read without the lock: two threads may both read a module once, and agree.
    QHash<QString, QString> constants;
    QFile source(file);
    if (source.size() <= MaxModuleBytes && source.open(QIODevice::ReadOnly)) {
        const QByteArray bytes = source.readAll();
        const std::string_view text(bytes.constData(), size_t(bytes.size()));
        PythonStatementScanner scanner(text);
        PythonStatement statement;
        while (scanner.next(statement)) {
            if (statement.comment || statement.indent > 0)
                continue;
            const std::string_view line = text.substr(statement.begin, statement.end - statement.begin);
            size_t i = 0;
            while (i < line.size() && isIdentChar(line[i]))
                ++i;
            if (i == 0 || (line[0] >= '0' && line[0] <= '9'))
                continue;
            size_t equals = i;
            while (equals < line.size() && (line[equals] == ' ' || line[equals] == '\t'))
                ++equals;
            if (equals >= line.size() || line[equals] != '=' || (equals + 1 < line.size() && line[equals + 1] == '='))
                continue;
            const PythonLiteral value = PythonLiteral::parse(line.substr(equals + 1));
            const QString name = QString::fromUtf8(line.substr(0, i));
            if (value.kind == PythonLiteral::Kind::String)
                constants.insert(name, value.strings.constFirst());
            else
                constants.remove(name); // reassigned to something else: not a constant
        }
    }
    const QMutexLocker lock(&m_mutex);
    m_constants.insert(file, constants);
    return constants;
}

std::optional<QString> ProjectModules::stringConstant(const QString &qualifiedName) const
{
    const qsizetype dot = qualifiedName.lastIndexOf(u'.');
    if (dot <= 0)
        return std::nullopt;
    const QString file = moduleFile(qualifiedName.left(dot));
    if (file.isEmpty())
        return std::nullopt;
    const QHash<QString, QString> &constants = constantsOf(file);
    const auto found = constants.constFind(qualifiedName.mid(dot + 1));
    if (found == constants.cend())
        return std::nullopt;
    return *found;
}

} // namespace retort
