#include "Translations.h"

#include <QCoreApplication>
#include <QLocale>
#include <QTranslator>

namespace retort::ui {

bool installTranslations(QCoreApplication &application)
{
    auto *translator = new QTranslator(&application);
    const QString directory = QStringLiteral(":/i18n");
    if (translator->load(QLocale(), QStringLiteral("retort"), QStringLiteral("_"), directory)
        || translator->load(QStringLiteral("retort_en"), directory)) {
        return QCoreApplication::installTranslator(translator);
    }
    delete translator;
    return false;
}

} // namespace retort::ui
