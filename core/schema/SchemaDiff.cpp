#include "SchemaDiff.h"

#include "schema/SchemaText.h"

#include <QHash>

#include <algorithm>
#include <array>
#include <tuple>

using namespace Qt::StringLiterals;

namespace retort {

namespace {

using Kind = SchemaChange::Kind;

SchemaChange change(Kind kind, QString table, QString name, QString before, QString after, QStringList aspects = {})
{
    return SchemaChange{
        kind, std::move(table), std::move(name), std::move(before), std::move(after), std::move(aspects)};
}

QString columnNames(const Table &table)
{
    QStringList names;
    for (const Column &c : table.columns)
        names.append(c.name);
    return names.join(u", "_s);
}

void diffColumn(SchemaChanges &out, const QString &table, const Column &a, const Column &b)
{
    QStringList aspects;
    QStringList before;
    QStringList after;
    const auto differs = [&](const QString &aspect, bool changed, const QString &was, const QString &is) {
        if (!changed)
            return;
        aspects.append(aspect);
        before.append(was);
        after.append(is);
    };
    differs(u"type"_s, a.type != b.type, a.type, b.type);
    const auto nullability = [](const Column &c) { return c.nullable ? u"null"_s : u"not null"_s; };
    differs(u"nullable"_s, a.nullable != b.nullable, nullability(a), nullability(b));
    const auto defaultOf = [](const Column &c) {
        return c.defaultValue.isEmpty() ? u"no default"_s : u"default "_s + c.defaultValue;
    };
    differs(u"default"_s, a.defaultValue != b.defaultValue, defaultOf(a), defaultOf(b));
    const auto generation = [](const Column &c) {
        return c.generated.isEmpty() ? u"not generated"_s : SchemaText::defaultText(c);
    };
    differs(u"generated"_s, a.generated != b.generated || a.generationExpression != b.generationExpression,
            generation(a), generation(b));
    const auto identity = [](const Column &c) {
        return c.identity.isEmpty() ? u"no identity"_s : u"generated "_s + c.identity + u" as identity"_s;
    };
    differs(u"identity"_s, a.identity != b.identity, identity(a), identity(b));
    if (!aspects.isEmpty())
        out.append(change(Kind::AlterColumn, table, a.name, before.join(u", "_s), after.join(u", "_s), aspects));
}

void diffColumns(SchemaChanges &out, const Table &from, const Table &to)
{
    const QString table = to.qualifiedName();
    QStringList commonFrom;
    for (const Column &a : from.columns) {
        if (const Column *b = to.column(a.name)) {
            diffColumn(out, table, a, *b);
            commonFrom.append(a.name);
        } else {
            out.append(change(Kind::DropColumn, table, a.name, SchemaText::describe(a), QString()));
        }
    }
    QStringList commonTo;
    for (const Column &b : to.columns) {
        if (from.column(b.name))
            commonTo.append(b.name);
        else
            out.append(change(Kind::AddColumn, table, b.name, QString(), SchemaText::describe(b)));
    }
    if (commonFrom != commonTo)
        out.append(change(Kind::Other, table, u"columns"_s, commonFrom.join(u", "_s), commonTo.join(u", "_s),
                          {u"column_order"_s}));
}

// Matches the items of two lists by name, or by their description when unnamed (SQLite), and
// reports the ones only in `from` (dropped), only in `to` (added) and changed under one key.
template <typename T, typename Report>
void diffNamed(const QList<T> &from, const QList<T> &to, Report report)
{
    const auto keyOf = [](const T &item) {
        return item.name.isEmpty() ? u"\x01"_s + SchemaText::describe(item) : item.name;
    };
    QHash<QString, const T *> toByKey;
    for (const T &item : to)
        toByKey.insert(keyOf(item), &item);
    QHash<QString, const T *> fromByKey;
    for (const T &item : from) {
        fromByKey.insert(keyOf(item), &item);
        const T *other = toByKey.value(keyOf(item));
        if (!other)
            report(&item, static_cast<const T *>(nullptr));
        else if (!(item == *other))
            report(&item, other);
    }
    for (const T &item : to) {
        if (!fromByKey.contains(keyOf(item)))
            report(static_cast<const T *>(nullptr), &item);
    }
}

template <typename T>
QString describeOrEmpty(const T *item)
{
    return item ? SchemaText::describe(*item) : QString();
}

void diffTable(SchemaChanges &out, const Table &from, const Table &to)
{
    const QString table = to.qualifiedName();
    diffColumns(out, from, to);

    if (!(from.primaryKey == to.primaryKey)) {
        const QString name = to.primaryKey.name.isEmpty() ? from.primaryKey.name : to.primaryKey.name;
        const auto text = [](const PrimaryKey &key) {
            return key.isEmpty() ? QString()
                                 : (key.name.isEmpty() ? QString() : key.name + u' ') + SchemaText::describe(key);
        };
        out.append(change(Kind::Other, table, name.isEmpty() ? u"primary key"_s : name, text(from.primaryKey),
                          text(to.primaryKey), {u"primary_key"_s}));
    }
    const auto other = [&](const QString &aspect) {
        return [&out, table, aspect](const auto *a, const auto *b) {
            const QString name = (b ? b->name : a->name);
            out.append(change(Kind::Other, table, name, describeOrEmpty(a), describeOrEmpty(b), {aspect}));
        };
    };
    diffNamed(from.uniqueConstraints, to.uniqueConstraints, other(u"unique"_s));
    diffNamed(from.checks, to.checks, other(u"check"_s));
    const auto dropAdd = [&](Kind drop, Kind add) {
        return [&out, table, drop, add](const auto *a, const auto *b) {
            if (a)
                out.append(change(drop, table, a->name, SchemaText::describe(*a), QString()));
            if (b)
                out.append(change(add, table, b->name, QString(), SchemaText::describe(*b)));
        };
    };
    diffNamed(from.indexes, to.indexes, dropAdd(Kind::DropIndex, Kind::AddIndex));
    diffNamed(from.foreignKeys, to.foreignKeys, dropAdd(Kind::DropForeignKey, Kind::AddForeignKey));
}

QString viewText(const View &view)
{
    return view.materialized ? u"materialized: "_s + view.definition : view.definition;
}

// Matches two lists by qualified name and reports each side's one-sided and changed items.
template <typename T, typename Report>
void diffQualified(const QList<T> &from, const QList<T> &to, Report report)
{
    QHash<QString, const T *> toByName;
    for (const T &item : to)
        toByName.insert(item.qualifiedName(), &item);
    QHash<QString, const T *> fromByName;
    for (const T &item : from) {
        fromByName.insert(item.qualifiedName(), &item);
        const T *other = toByName.value(item.qualifiedName());
        if (!other || !(item == *other))
            report(&item, other);
    }
    for (const T &item : to) {
        if (!fromByName.contains(item.qualifiedName()))
            report(static_cast<const T *>(nullptr), &item);
    }
}

} // namespace

SchemaChanges SchemaDiff::between(const Schema &from, const Schema &to)
{
    SchemaChanges out;
    diffQualified(from.tables, to.tables, [&](const Table *a, const Table *b) {
        if (a && b)
            diffTable(out, *a, *b);
        else if (a)
            out.append(change(Kind::DropTable, a->qualifiedName(), QString(), columnNames(*a), QString()));
        else
            out.append(change(Kind::AddTable, b->qualifiedName(), QString(), QString(), columnNames(*b)));
    });
    diffQualified(from.views, to.views, [&](const View *a, const View *b) {
        const Kind kind = a && b ? Kind::AlterView : a ? Kind::DropView : Kind::AddView;
        out.append(change(kind, (b ? b : a)->qualifiedName(), QString(), a ? viewText(*a) : QString(),
                          b ? viewText(*b) : QString()));
    });
    const auto other = [&](const QString &aspect) {
        return [&out, aspect](const auto *a, const auto *b) {
            out.append(change(Kind::Other, QString(), (b ? b : a)->qualifiedName(), describeOrEmpty(a),
                              describeOrEmpty(b), {aspect}));
        };
    };
    diffQualified(from.sequences, to.sequences, other(u"sequence"_s));
    diffQualified(from.enums, to.enums, other(u"enum"_s));
    std::sort(out.begin(), out.end(), [](const SchemaChange &a, const SchemaChange &b) {
        return std::tie(a.table, a.kind, a.name, a.before, a.after)
            < std::tie(b.table, b.kind, b.name, b.before, b.after);
    });
    return out;
}

QJsonArray SchemaDiff::toJson(const SchemaChanges &changes)
{
    QJsonArray array;
    for (const SchemaChange &c : changes)
        array.append(c.toJson());
    return array;
}

QString SchemaDiff::summary(const SchemaChanges &changes)
{
    struct Noun
    {
        const char16_t *singular;
        const char16_t *plural;
    };
    // What each kind counts as, and its sign.
    const auto classify = [](Kind kind) -> std::pair<int, QChar> {
        switch (kind) {
        case Kind::AddTable:
            return {0, u'+'};
        case Kind::DropTable:
            return {0, u'-'};
        case Kind::AddColumn:
            return {1, u'+'};
        case Kind::DropColumn:
            return {1, u'-'};
        case Kind::AlterColumn:
            return {1, u'~'};
        case Kind::AddIndex:
            return {2, u'+'};
        case Kind::DropIndex:
            return {2, u'-'};
        case Kind::AddForeignKey:
            return {3, u'+'};
        case Kind::DropForeignKey:
            return {3, u'-'};
        case Kind::AddView:
            return {4, u'+'};
        case Kind::DropView:
            return {4, u'-'};
        case Kind::AlterView:
            return {4, u'~'};
        case Kind::Other:
            break;
        }
        return {5, u'~'};
    };
    constexpr std::array<Noun, 6> nouns{{
        {u"table", u"tables"},
        {u"column", u"columns"},
        {u"index", u"indexes"},
        {u"foreign key", u"foreign keys"},
        {u"view", u"views"},
        {u"other", u"other"},
    }};
    constexpr std::array<QChar, 3> signs{u'+', u'-', u'~'};
    std::array<std::array<int, 3>, 6> counts{};
    for (const SchemaChange &c : changes) {
        const auto [noun, sign] = classify(c.kind);
        const auto s = std::find(signs.begin(), signs.end(), sign) - signs.begin();
        ++counts[size_t(noun)][size_t(s)];
    }
    QStringList parts;
    for (size_t n = 0; n < nouns.size(); ++n) {
        for (size_t s = 0; s < signs.size(); ++s) {
            const int count = counts[n][s];
            if (count > 0)
                parts.append(signs[s] + QString::number(count) + u' '
                             + QString::fromUtf16(count == 1 ? nouns[n].singular : nouns[n].plural));
        }
    }
    return parts.join(u", "_s);
}

bool SchemaDiff::isDestructive(const SchemaChange &change)
{
    switch (change.kind) {
    case Kind::DropTable:
    case Kind::DropColumn:
    case Kind::DropIndex:
    case Kind::DropForeignKey:
    case Kind::DropView:
        return true;
    case Kind::AlterColumn:
        return change.aspects.contains(u"type"_s);
    case Kind::Other:
        return !change.before.isEmpty() && change.after.isEmpty() && !change.aspects.contains(u"column_order"_s);
    default:
        return false;
    }
}

} // namespace retort
