#include "graph/AncestorBits.h"

namespace retort {

AncestorBits::AncestorBits(const RevIndexes &parentsFirst, const Parents &parents, const std::vector<char> &chosen)
    : m_bitOf(chosen.size(), -1)
{
    int bits = 0;
    for (size_t i = 0; i < chosen.size(); ++i) {
        if (chosen[i])
            m_bitOf[i] = bits++;
    }
    m_words = (size_t(bits) + 63) / 64;
    m_rows.assign(m_words * chosen.size(), 0);
    for (RevIndex r : parentsFirst) {
        quint64 *mine = m_rows.data() + size_t(r) * m_words;
        for (RevIndex p : parents(r)) {
            const quint64 *theirs = m_rows.data() + size_t(p) * m_words;
            for (size_t w = 0; w < m_words; ++w)
                mine[w] |= theirs[w];
            if (const int bit = m_bitOf[size_t(p)]; bit >= 0)
                mine[size_t(bit) / 64] |= quint64(1) << (bit % 64);
        }
    }
}

} // namespace retort
