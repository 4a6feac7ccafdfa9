#include "ShadowServerConsent.h"

#include <QSettings>

namespace retort::ui {

namespace {
const QString Key = QStringLiteral("schemaReplay/shadowServers");
}

QString ShadowServerConsent::serverKey(const DatabaseUrl &url)
{
    const QString host = url.host.isEmpty() ? QStringLiteral("localhost") : url.host;
    return QStringLiteral("%1@%2:%3").arg(url.user, host).arg(url.port == 0 ? 5432 : url.port);
}

bool ShadowServerConsent::granted(const DatabaseUrl &url)
{
    return QSettings().value(Key).toStringList().contains(serverKey(url));
}

void ShadowServerConsent::grant(const DatabaseUrl &url)
{
    QSettings settings;
    QStringList servers = settings.value(Key).toStringList();
    if (!servers.contains(serverKey(url)))
        servers.append(serverKey(url));
    settings.setValue(Key, servers);
}

} // namespace retort::ui
