#pragma once

#include "graph/RevisionMap.h"

#include <QtGlobal>

#include <functional>
#include <span>
#include <vector>

namespace retort {

// For every revision, which of a few chosen revisions are its strict ancestors: a row of bits per
// revision, filled in one parents-first pass. "Is t below r" is then one bit test where a walk
// would cross the revisions between them. The rows cost revisions x chosen / 8 bytes, so callers
// check wordsFor() against what they are willing to spend.
class AncestorBits
{
public:
    using Parents = std::function<std::span<const RevIndex>(RevIndex)>;

    // parentsFirst lists every revision after all of its parents; chosen has one flag per revision.
    AncestorBits(const RevIndexes &parentsFirst, const Parents &parents, const std::vector<char> &chosen);

    static size_t wordsFor(size_t revisions, size_t chosen) { return revisions * ((chosen + 63) / 64); }

    bool isChosen(RevIndex t) const { return m_bitOf[size_t(t)] >= 0; }
    // True when chosen revision t is a strict ancestor of r.
    bool isBelow(RevIndex t, RevIndex r) const
    {
        const int bit = m_bitOf[size_t(t)];
        return (m_rows[size_t(r) * m_words + size_t(bit) / 64] >> (bit % 64)) & 1u;
    }

private:
    std::vector<int> m_bitOf; // -1 when not chosen
    size_t m_words = 0;
    std::vector<quint64> m_rows;
};

} // namespace retort
