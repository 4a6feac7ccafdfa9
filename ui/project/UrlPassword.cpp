#include "UrlPassword.h"

#include "db/DatabaseUrl.h"

namespace retort::ui {

std::optional<UrlPassword> UrlPassword::split(const QString &text)
{
    const DbResult<DatabaseUrl> parsed = DatabaseUrl::parse(text);
    if (!parsed)
        return std::nullopt;
    DatabaseUrl bare = *parsed;
    UrlPassword result;
    result.password = bare.password;
    bare.password.clear();
    result.url = bare.toString();
    return result;
}

QString UrlPassword::join(const QString &url, const QString &password)
{
    if (password.isEmpty())
        return url;
    const DbResult<DatabaseUrl> parsed = DatabaseUrl::parse(url);
    if (!parsed)
        return url;
    DatabaseUrl full = *parsed;
    full.password = password;
    return full.toString();
}

} // namespace retort::ui
