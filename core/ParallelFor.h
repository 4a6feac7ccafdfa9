#pragma once

#include <QtGlobal>

#include <algorithm>
#include <atomic>
#include <thread>
#include <vector>

namespace retort {

// Runs work(i) for every i in [0, count) on up to one thread per core, the calling thread
// included; returns when all are done. Each index is taken by exactly one thread, in no set
// order, so work must only touch what belongs to its index (or be thread-safe). Below
// `minimumPerThread` items per thread the threads would cost more than they save.
template <typename Work>
void parallelFor(qsizetype count, Work work, qsizetype minimumPerThread = 64)
{
    const qsizetype cores = qsizetype(std::max(1u, std::thread::hardware_concurrency()));
    const qsizetype threads = std::clamp<qsizetype>(count / std::max<qsizetype>(1, minimumPerThread), 1, cores);
    std::atomic<qsizetype> next{0};
    const auto drain = [&] {
        for (qsizetype i = next.fetch_add(1, std::memory_order_relaxed); i < count;
             i = next.fetch_add(1, std::memory_order_relaxed))
            work(i);
    };
    std::vector<std::thread> helpers;
    helpers.reserve(size_t(threads - 1));
    for (qsizetype t = 1; t < threads; ++t)
        helpers.emplace_back(drain);
    drain();
    for (std::thread &helper : helpers)
        helper.join();
}

} // namespace retort
