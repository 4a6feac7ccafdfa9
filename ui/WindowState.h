#pragma once

class QMainWindow;

namespace retort::ui {

// The window's layout as the person left it, kept in QSettings under "window/": geometry,
// toolbars, every named splitter and the revision graph's column widths.
namespace WindowState {

// Call once the window's widgets exist; a missing or unreadable entry keeps the defaults.
void restore(QMainWindow *window);
void save(const QMainWindow *window);

} // namespace WindowState

} // namespace retort::ui
