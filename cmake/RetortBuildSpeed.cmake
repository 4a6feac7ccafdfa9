# Build speed. Most of the compile time of a test or a widget goes to parsing Qt's headers, and
# most of a test's link time to the linker reading debug information; on two cores a full build
# of a preset takes minutes, and CI builds three. Both shortcuts change no code that is built.
#
# RETORT_PCH: core, ui and the tests precompile the Qt modules they use. The fuzz preset turns it
# off, so a source that forgets an include still fails somewhere.
# RETORT_FAST_LINKER: link with lld (or gold) when the compiler can.
option(RETORT_PCH "Precompile the Qt headers" ON)
option(RETORT_FAST_LINKER "Link with lld, or gold, when available" ON)

if(RETORT_FAST_LINKER AND NOT CMAKE_CXX_FLAGS MATCHES "-fuse-ld=")
    include(CheckLinkerFlag)
    check_linker_flag(CXX "-fuse-ld=lld" RETORT_HAVE_LLD)
    if(RETORT_HAVE_LLD)
        add_link_options("-fuse-ld=lld")
    else()
        check_linker_flag(CXX "-fuse-ld=gold" RETORT_HAVE_GOLD)
        if(RETORT_HAVE_GOLD)
            add_link_options("-fuse-ld=gold")
        endif()
    endif()
endif()

# The headers most of Retort's files include, not whole modules: with debug information a
# precompiled QtCore + QtWidgets is 360 MB, and reading that back costs more than it saves in a
# small file.
set(RETORT_PCH_CORE_HEADERS
    <QByteArray> <QCryptographicHash> <QDateTime> <QDir> <QElapsedTimer> <QFile> <QFileInfo> <QHash>
    <QJsonArray> <QJsonDocument> <QJsonObject> <QList> <QObject> <QProcess> <QProcessEnvironment>
    <QRegularExpression> <QSet> <QString> <QStringList> <QTemporaryDir> <QVariant>
    <algorithm> <functional> <memory> <optional> <vector>
    <QSqlDatabase> <QSqlError> <QSqlQuery>)
# ui has no Qt Sql: it reaches databases only through core.
set(RETORT_PCH_UI_HEADERS ${RETORT_PCH_CORE_HEADERS})
list(FILTER RETORT_PCH_UI_HEADERS EXCLUDE REGEX "QSql")
set(RETORT_PCH_WIDGETS_HEADERS
    <QAction> <QApplication> <QComboBox> <QDialog> <QDialogButtonBox> <QHeaderView> <QLabel>
    <QLineEdit> <QMainWindow> <QMenu> <QPushButton> <QSettings> <QTimer> <QTreeView> <QVBoxLayout>
    <QWidget>)
list(APPEND RETORT_PCH_UI_HEADERS ${RETORT_PCH_WIDGETS_HEADERS})
set(RETORT_PCH_GUI_HEADERS ${RETORT_PCH_CORE_HEADERS} ${RETORT_PCH_WIDGETS_HEADERS})

# retort_precompile(<target> CORE|UI): the target precompiles the Qt modules it may use.
function(retort_precompile target kind)
    if(RETORT_PCH)
        target_precompile_headers(${target} PRIVATE ${RETORT_PCH_${kind}_HEADERS})
    endif()
endfunction()

# retort_reuse_test_pch(<target> CORE|GUI): a test reuses one precompiled header of its kind,
# built once by retort_test_pch_core or retort_test_pch_gui (retort_add_test_pch_targets), instead
# of one per test. QtTest stays out of it: its headers read QT_TESTCASE_BUILDDIR, which differs per
# directory and would invalidate a shared header.
function(retort_add_test_pch_targets)
    if(NOT RETORT_PCH)
        return()
    endif()
    set(source "${CMAKE_CURRENT_BINARY_DIR}/retort_test_pch.cpp")
    file(CONFIGURE OUTPUT "${source}" CONTENT "// The precompiled header is the point of this target.\n")
    set(kinds CORE)
    if(TARGET Qt6::Widgets)
        list(APPEND kinds GUI)
    endif()
    foreach(kind ${kinds})
        string(TOLOWER ${kind} lower)
        set(name retort_test_pch_${lower})
        add_library(${name} OBJECT "${source}")
        set_target_properties(${name} PROPERTIES AUTOMOC OFF)
        target_link_libraries(${name} PRIVATE Qt6::Core Qt6::Sql)
        if(kind STREQUAL "GUI")
            target_link_libraries(${name} PRIVATE Qt6::Widgets)
        endif()
        retort_set_warnings(${name})
        target_precompile_headers(${name} PRIVATE ${RETORT_PCH_${kind}_HEADERS})
    endforeach()
endfunction()

function(retort_reuse_test_pch target kind)
    if(RETORT_PCH)
        string(TOLOWER ${kind} lower)
        target_precompile_headers(${target} REUSE_FROM retort_test_pch_${lower})
        # A test's own moc file is nearly empty: loading the header would cost more than it saves.
        set_source_files_properties("${CMAKE_CURRENT_BINARY_DIR}/${target}_autogen/mocs_compilation.cpp"
                                    PROPERTIES SKIP_PRECOMPILE_HEADERS ON)
        # The header is valid only where the modules' macros (QT_SQL_LIB...) are defined as when it
        # was built, so the test uses the modules the header holds.
        target_link_libraries(${target} PRIVATE Qt6::Core Qt6::Sql)
        if(kind STREQUAL "GUI")
            target_link_libraries(${target} PRIVATE Qt6::Widgets)
        endif()
    endif()
endfunction()
