#include "Table.h"

namespace retort {

const Column *Table::column(const QString &columnName) const
{
    for (const Column &c : columns) {
        if (c.name == columnName)
            return &c;
    }
    return nullptr;
}

} // namespace retort
