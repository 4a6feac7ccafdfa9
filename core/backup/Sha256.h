#pragma once

#include <QByteArray>
#include <QByteArrayView>

#include <memory>

namespace retort {

// SHA-256 through libcrypto, which uses the CPU's SHA extensions where it has them (a backup of
// a gigabyte is hashed in well under a second; QCryptographicHash takes about ten times longer).
class Sha256
{
public:
    Sha256();
    ~Sha256();
    Sha256(const Sha256 &) = delete;
    Sha256 &operator=(const Sha256 &) = delete;

    void addData(QByteArrayView bytes);
    // The 32-byte digest; the object is spent afterwards.
    QByteArray result();

private:
    struct Context;
    std::unique_ptr<Context> m_context;
};

} // namespace retort
