# Finds QScintilla built for Qt 6 (Debian: libqscintilla2-qt6-dev), which ships no CMake config.
# Provides the imported target QScintilla::QScintilla and QScintillaQt6_VERSION.
find_package(Qt6 REQUIRED COMPONENTS Core Widgets PrintSupport)
get_target_property(_retort_qt_includes Qt6::Core INTERFACE_INCLUDE_DIRECTORIES)

find_path(QScintillaQt6_INCLUDE_DIR NAMES Qsci/qsciscintilla.h
          HINTS ${_retort_qt_includes} PATH_SUFFIXES qt6)
find_library(QScintillaQt6_LIBRARY NAMES qscintilla2_qt6)

if(QScintillaQt6_INCLUDE_DIR AND EXISTS "${QScintillaQt6_INCLUDE_DIR}/Qsci/qsciglobal.h")
    file(STRINGS "${QScintillaQt6_INCLUDE_DIR}/Qsci/qsciglobal.h" _retort_qsci_version
         REGEX "#define[ \t]+QSCINTILLA_VERSION_STR")
    string(REGEX REPLACE ".*\"([^\"]+)\".*" "\\1" QScintillaQt6_VERSION "${_retort_qsci_version}")
endif()

include(FindPackageHandleStandardArgs)
find_package_handle_standard_args(QScintillaQt6
    REQUIRED_VARS QScintillaQt6_LIBRARY QScintillaQt6_INCLUDE_DIR
    VERSION_VAR QScintillaQt6_VERSION
    REASON_FAILURE_MESSAGE "Install libqscintilla2-qt6-dev (packaging/setup-deps.sh does it).")

if(QScintillaQt6_FOUND AND NOT TARGET QScintilla::QScintilla)
    add_library(QScintilla::QScintilla UNKNOWN IMPORTED)
    set_target_properties(QScintilla::QScintilla PROPERTIES
        IMPORTED_LOCATION "${QScintillaQt6_LIBRARY}"
        INTERFACE_INCLUDE_DIRECTORIES "${QScintillaQt6_INCLUDE_DIR}"
        INTERFACE_COMPILE_DEFINITIONS QSCINTILLA_DLL
        INTERFACE_LINK_LIBRARIES "Qt6::Widgets;Qt6::PrintSupport")
endif()
mark_as_advanced(QScintillaQt6_INCLUDE_DIR QScintillaQt6_LIBRARY)
