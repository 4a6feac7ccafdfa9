#include "KeychainPasswordStore.h"

#include <qt6keychain/keychain.h>

namespace retort::ui {

namespace {
PasswordResult unavailable(const QKeychain::Job &job)
{
    PasswordResult result;
    result.status = PasswordResult::Status::Unavailable;
    result.error = job.errorString();
    return result;
}

template <typename JobType>
JobType *newJob(const QString &service, const QString &key, QObject *parent)
{
    auto *job = new JobType(service, parent);
    job->setAutoDelete(true);
    // Never the plaintext file QtKeychain would otherwise write when there is no keychain.
    job->setInsecureFallback(false);
    job->setKey(key);
    return job;
}
} // namespace

KeychainPasswordStore::KeychainPasswordStore(const QString &service, QObject *parent)
    : PasswordStore(parent)
    , m_service(service)
{
}

void KeychainPasswordStore::read(const QString &key, Callback done)
{
    auto *job = newJob<QKeychain::ReadPasswordJob>(m_service, key, this);
    connect(job, &QKeychain::Job::finished, this, [job, done = std::move(done)] {
        PasswordResult result;
        switch (job->error()) {
        case QKeychain::NoError:
            result.password = job->textData();
            result.persistent = true;
            break;
        case QKeychain::EntryNotFound:
            result.status = PasswordResult::Status::NotFound;
            break;
        default:
            result = unavailable(*job);
            break;
        }
        if (done)
            done(result);
    });
    job->start();
}

void KeychainPasswordStore::write(const QString &key, const QString &password, Callback done)
{
    auto *job = newJob<QKeychain::WritePasswordJob>(m_service, key, this);
    job->setTextData(password);
    connect(job, &QKeychain::Job::finished, this, [job, done = std::move(done)] {
        PasswordResult result;
        if (job->error() == QKeychain::NoError)
            result.persistent = true;
        else
            result = unavailable(*job);
        if (done)
            done(result);
    });
    job->start();
}

void KeychainPasswordStore::remove(const QString &key)
{
    newJob<QKeychain::DeletePasswordJob>(m_service, key, this)->start();
}

} // namespace retort::ui
