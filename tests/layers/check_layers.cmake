# The arrows between Retort's folders, checked over every #include of a source tree:
#   cmake -DSOURCE_DIR=<tree> -P check_layers.cmake
# core/<folder> may include only the folders listed for it (and core's own top-level headers);
# core never includes Qt Gui or Widgets; ui/ and app/ never include Qt Sql (the build enforces
# that too: Qt Sql is private to core).
# Keep docs/ARCHITECTURE.md in step with this table.
cmake_minimum_required(VERSION 3.24)
if(NOT SOURCE_DIR)
    message(FATAL_ERROR "pass -DSOURCE_DIR=<source tree>")
endif()

set(allowed_graph graph db/VersionOp.h)
set(allowed_layout layout)
set(allowed_vcs vcs)
set(allowed_db db)
set(allowed_script script graph)
set(allowed_run run db graph script)
set(allowed_backup backup db graph script run)
set(allowed_review review backup db graph run script)
set(allowed_schema schema db)
set(allowed_shadow shadow schema backup db graph script run)
set(allowed_authoring authoring graph script)
set(allowed_command command review backup db graph run script schema shadow vcs layout authoring)
set(folders graph layout vcs db script run backup review schema shadow authoring command)

set(violations "")
foreach(folder IN LISTS folders)
    file(GLOB_RECURSE sources "${SOURCE_DIR}/core/${folder}/*.h" "${SOURCE_DIR}/core/${folder}/*.cpp")
    foreach(source IN LISTS sources)
        file(STRINGS "${source}" includes REGEX "^#include \"[a-z]+/[A-Za-z]+\\.h\"")
        foreach(line IN LISTS includes)
            string(REGEX REPLACE "^#include \"(([a-z]+)/[A-Za-z]+\\.h)\".*" "\\1;\\2" parts "${line}")
            list(GET parts 0 header)
            list(GET parts 1 target)
            if(NOT target IN_LIST allowed_${folder} AND NOT header IN_LIST allowed_${folder})
                file(RELATIVE_PATH where "${SOURCE_DIR}" "${source}")
                list(APPEND violations "${where}: core/${folder} may not include ${header}")
            endif()
        endforeach()
    endforeach()
endforeach()

# forbid(<layer> <regex> <why>): no source of <layer> has an include matching <regex>.
function(forbid layer regex why)
    file(GLOB_RECURSE sources "${SOURCE_DIR}/${layer}/*.h" "${SOURCE_DIR}/${layer}/*.cpp")
    foreach(source IN LISTS sources)
        file(STRINGS "${source}" includes REGEX "${regex}")
        if(includes)
            file(RELATIVE_PATH where "${SOURCE_DIR}" "${source}")
            list(APPEND violations "${where}: ${why}")
        endif()
    endforeach()
    set(violations "${violations}" PARENT_SCOPE)
endfunction()

forbid(core "^#include <Qt(Gui|Widgets)/" "core may not include Qt Gui or Widgets")
forbid(ui "^#include <QSql|^#include <QtSql" "ui may not include Qt Sql, only core talks to databases")
forbid(app "^#include <QSql|^#include <QtSql" "app may not include Qt Sql, only core talks to databases")

if(violations)
    list(JOIN violations "\n" text)
    message(FATAL_ERROR "layer violations:\n${text}")
endif()
message(STATUS "layers: every include follows the arrows")
