#include "PythonConnectionGuard.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>

using namespace Qt::StringLiterals;

namespace retort {

PythonConnectionGuard::PythonConnectionGuard()
    : m_dir(std::make_unique<QTemporaryDir>(QDir::tempPath() + u"/retort-guard-XXXXXX"_s))
{
}

PythonConnectionGuard::~PythonConnectionGuard() = default;

Fallible<std::unique_ptr<PythonConnectionGuard>> PythonConnectionGuard::create()
{
    std::unique_ptr<PythonConnectionGuard> guard(new PythonConnectionGuard);
    if (!guard->m_dir->isValid())
        return Failure{u"cannot create a temporary folder for the Python connection guard: "_s
                       + guard->m_dir->errorString()};
    QFile resource(u":/retort/shadow/sitecustomize.py"_s);
    QFile script(guard->m_dir->filePath(u"sitecustomize.py"_s));
    if (!resource.open(QIODevice::ReadOnly) || !script.open(QIODevice::WriteOnly)
        || script.write(resource.readAll()) < 0 || !script.flush())
        return Failure{
            u"cannot write the Python connection guard to %1: %2"_s.arg(script.fileName(), script.errorString())};
    return guard;
}

QProcessEnvironment PythonConnectionGuard::environment(QProcessEnvironment base, const QString &allowedUrl) const
{
    if (base.isEmpty())
        base = QProcessEnvironment::systemEnvironment();
    const QString existing = base.value(u"PYTHONPATH"_s);
    base.insert(u"PYTHONPATH"_s, existing.isEmpty() ? m_dir->path() : m_dir->path() + QDir::listSeparator() + existing);
    base.insert(u"RETORT_GUARD_URL"_s, allowedUrl);
    base.insert(u"DATABASE_URL"_s, allowedUrl);
    return base;
}

} // namespace retort
