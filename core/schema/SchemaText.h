#pragma once

#include "schema/Schema.h"

#include <QString>

namespace retort {

// A schema for reading, one block per table in the manner of psql's \d (columns aligned under
// a header, then keys, indexes and constraints), then views, sequences and enums. The
// describe() functions give the one-line forms that the blocks and the diff share.
class SchemaText
{
public:
    static QString toText(const Schema &schema);
    static QString toText(const Table &table);

    // "character varying(20) not null default 'x'::character varying"
    static QString describe(const Column &column);
    // "(a, b)"
    static QString describe(const PrimaryKey &key);
    // "UNIQUE (a, b)"
    static QString describe(const UniqueConstraint &unique);
    // "UNIQUE (lower(name)) WHERE active", "USING gin (tags)"
    static QString describe(const Index &index);
    // "(pid) REFERENCES public.p (id) ON DELETE CASCADE"
    static QString describe(const ForeignKey &key);
    // "CHECK (a > 0)"
    static QString describe(const CheckConstraint &check);
    // "bigint, start 5, increment 2, min 1, max 100, cycle, owned by public.t.id"
    static QString describe(const Sequence &sequence);
    // "'sad', 'ok', 'happy'"
    static QString describe(const EnumType &type);
    // What the Default column of a column shows: the default, or how it is generated.
    static QString defaultText(const Column &column);
};

} // namespace retort
