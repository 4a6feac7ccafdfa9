#pragma once

#include <QStringView>

#include <algorithm>
#include <vector>

namespace retort {

// Strings (revision ids) to small non-negative numbers, in one flat open-addressed table that keeps
// each string's hash beside its number. The strings stay where their owner keeps them: a lookup
// asks keyOf(number) for the string a slot stands for, and only when the hashes match. A QHash
// compares the key at every occupied slot it probes, and each id's characters are an allocation
// of their own, a cache miss apiece: building a 10,000-revision map takes a third less with this.
class StringIndex
{
public:
    void reserve(size_t count)
    {
        size_t capacity = 16;
        while (capacity < count * 2)
            capacity *= 2;
        if (capacity > m_slots.size())
            rehash(capacity);
    }

    // The hash the table files key under: work it out ahead (on another thread, say) and pass it
    // to find and insert, which then touch the key's characters only on a match.
    static quint32 hashOf(QStringView key)
    {
        // FNV-1a over the UTF-16 units, folded by a final mix: ids are short, and this costs a
        // few cycles per character where Qt's seeded hash costs a setup per call.
        quint64 h = 0xcbf29ce484222325ull;
        for (const QChar c : key)
            h = (h ^ c.unicode()) * 0x100000001b3ull;
        h ^= h >> 29;
        h *= 0xbf58476d1ce4e5b9ull;
        return quint32(h ^ (h >> 32));
    }

    // The number stored for key, or -1.
    template <typename KeyOf>
    int find(QStringView key, KeyOf keyOf) const
    {
        return find(hashOf(key), key, keyOf);
    }
    template <typename KeyOf>
    int find(quint32 hash, QStringView key, KeyOf keyOf) const
    {
        if (m_slots.empty())
            return -1;
        for (size_t at = hash & mask();; at = (at + 1) & mask()) {
            const Slot &slot = m_slots[at];
            if (slot.value < 0)
                return -1;
            if (slot.hash == hash && QStringView(keyOf(slot.value)) == key)
                return slot.value;
        }
    }

    // Stores value (>= 0) for key, which must not be present yet.
    void insert(QStringView key, int value) { insert(hashOf(key), value); }
    void insert(quint32 hash, int value)
    {
        if ((m_count + 1) * 2 > m_slots.size())
            rehash(std::max<size_t>(16, m_slots.size() * 2));
        place(Slot{hash, value});
        ++m_count;
    }

    // Renumbers every stored value in place: value = f(value).
    template <typename F>
    void renumber(F f)
    {
        for (Slot &slot : m_slots) {
            if (slot.value >= 0)
                slot.value = f(slot.value);
        }
    }

private:
    struct Slot
    {
        quint32 hash = 0;
        int value = -1; // -1: empty
    };

    size_t mask() const { return m_slots.size() - 1; }

    void place(Slot slot)
    {
        size_t at = slot.hash & mask();
        while (m_slots[at].value >= 0)
            at = (at + 1) & mask();
        m_slots[at] = slot;
    }

    void rehash(size_t capacity)
    {
        std::vector<Slot> old(capacity);
        old.swap(m_slots);
        for (const Slot &slot : old) {
            if (slot.value >= 0)
                place(slot);
        }
    }

    std::vector<Slot> m_slots;
    size_t m_count = 0;
};

} // namespace retort
