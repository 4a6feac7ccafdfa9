#pragma once

class QCoreApplication;

namespace retort::ui {

// Installs the window's translation for the person's languages (resources/translations, built
// into :/i18n), else the English one, which gives the "%n ..." messages their plural forms
// ("1 revision", "3 revisions"). False when no translation could be loaded.
bool installTranslations(QCoreApplication &application);

} // namespace retort::ui
