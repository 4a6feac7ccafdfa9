#include "ReplayKeys.h"

#include "run/ScriptChecksum.h"

#include <QCryptographicHash>

#include <algorithm>

namespace retort {

RevIndexes ReplayKeys::parentsFirst(const RevisionMap &map, const std::vector<char> &members)
{
    const int n = map.size();
    std::vector<int> waiting(size_t(n), 0);
    RevIndexes ready;
    for (RevIndex i = 0; i < n; ++i) {
        if (!members[size_t(i)])
            continue;
        for (RevIndex parent : map.allDownRevisions(i))
            waiting[size_t(i)] += members[size_t(parent)] ? 1 : 0;
        if (waiting[size_t(i)] == 0)
            ready.push_back(i);
    }
    // Kahn's algorithm with a min-heap on the load index keeps the order deterministic.
    std::make_heap(ready.begin(), ready.end(), std::greater<>());
    RevIndexes order;
    order.reserve(size_t(n));
    while (!ready.empty()) {
        std::pop_heap(ready.begin(), ready.end(), std::greater<>());
        const RevIndex i = ready.back();
        ready.pop_back();
        order.push_back(i);
        for (RevIndex child : map.allChildren(i)) {
            if (members[size_t(child)] && --waiting[size_t(child)] == 0) {
                ready.push_back(child);
                std::push_heap(ready.begin(), ready.end(), std::greater<>());
            }
        }
    }
    return order;
}

std::vector<QString> ReplayKeys::compute(const RevisionMap &map, const RevIndexes &order)
{
    std::vector<QString> keys(size_t(map.size()));
    for (RevIndex i : order) {
        const Fallible<QString> checksum = ScriptChecksum::ofFile(map.revision(i).path);
        if (!checksum)
            continue;
        QStringList parents;
        bool complete = true;
        for (RevIndex parent : map.allDownRevisions(i)) {
            complete = complete && !keys[size_t(parent)].isEmpty();
            parents << keys[size_t(parent)];
        }
        if (!complete)
            continue;
        parents.sort();
        QCryptographicHash hash(QCryptographicHash::Sha256);
        hash.addData(checksum->toLatin1());
        for (const QString &parent : std::as_const(parents)) {
            hash.addData("\n");
            hash.addData(parent.toLatin1());
        }
        keys[size_t(i)] = QString::fromLatin1(hash.result().toHex());
    }
    return keys;
}

} // namespace retort
