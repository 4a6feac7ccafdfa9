#include "Sha256.h"

#include <openssl/evp.h>

namespace retort {

struct Sha256::Context
{
    EVP_MD_CTX *md = EVP_MD_CTX_new();
    ~Context() { EVP_MD_CTX_free(md); }
};

Sha256::Sha256()
    : m_context(std::make_unique<Context>())
{
    // Only allocation can fail here, and then every later call is a no-op on a null context.
    if (m_context->md)
        EVP_DigestInit_ex(m_context->md, EVP_sha256(), nullptr);
}

Sha256::~Sha256() = default;

void Sha256::addData(QByteArrayView bytes)
{
    if (m_context->md)
        EVP_DigestUpdate(m_context->md, bytes.data(), size_t(bytes.size()));
}

QByteArray Sha256::result()
{
    QByteArray digest(EVP_MAX_MD_SIZE, Qt::Uninitialized);
    unsigned int length = 0;
    if (!m_context->md
        || EVP_DigestFinal_ex(m_context->md, reinterpret_cast<unsigned char *>(digest.data()), &length) != 1)
        return {};
    digest.resize(int(length));
    return digest;
}

} // namespace retort
