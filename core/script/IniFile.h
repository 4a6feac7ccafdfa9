#pragma once

#include "Problem.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

#include <optional>

namespace retort {

// One value looked up in an IniFile: absent, present, or present but not interpolatable.
struct IniValue
{
    bool present = false;
    QString text; // interpolated value ("%%" -> "%", "%(x)s" resolved)
    std::optional<Problem> error; // set when interpolation failed; text is then empty
    int line = 0; // line of the key in the file (0 for injected defaults)

    bool isUsable() const { return present && !error; }
};

// A reader for .ini files that reads them the way Python's configparser.ConfigParser does with
// its defaults (which is what Alembic uses): "key = value" and "key: value", indented
// continuation lines, "#" / ";" comment lines, a [DEFAULT] section seen by every section, keys
// lower-cased, section names kept as written, and BasicInterpolation applied when a value is read
// (so a broken value elsewhere in the file, e.g. in a logging section, never gets in the way).
class IniFile
{
public:
    // Parses text. injectedDefaults play the part of ConfigParser(defaults): Alembic injects
    // "here" = the directory of the ini file.
    static IniFile parse(const QByteArray &text, const QString &path,
                         const QMap<QString, QString> &injectedDefaults = {});
    // Reads and parses a file, injecting here = its absolute directory.
    // A file that cannot be read yields an IniFile whose problems() says so.
    static IniFile load(const QString &path);

    QString path() const { return m_path; }
    // Problems found while parsing (missing section header, malformed lines, duplicates).
    const Problems &problems() const { return m_problems; }

    // Sections in file order, without DEFAULT.
    QStringList sections() const;
    bool hasSection(const QString &section) const;
    // Keys of a section in file order, followed (unless ownOnly) by the DEFAULT keys it does
    // not override, as configparser's options() lists them.
    QStringList keys(const QString &section, bool ownOnly = false) const;
    // Raw (uninterpolated) lookup; falls back to DEFAULT. nullopt when absent.
    std::optional<QString> rawValue(const QString &section, const QString &key) const;
    // Interpolated lookup (BasicInterpolation).
    IniValue value(const QString &section, const QString &key) const;

private:
    class Parser;
    struct Entry
    {
        QString key;
        QStringList lines; // value lines as collected; joined with '\n' and right-stripped
        int line = 0;
        QString joined() const;
    };
    struct Section
    {
        QString name;
        QList<Entry> entries;
        int line = 0;
        const Entry *find(const QString &key) const;
    };

    const Entry *findEntry(const QString &section, const QString &key) const;
    bool interpolate(const QString &section, const QString &key, const QString &raw, int depth, QString &out,
                     Problem &error, int line) const;

    QString m_path;
    Section m_defaults;
    QList<Section> m_sections;
    Problems m_problems;
};

} // namespace retort
