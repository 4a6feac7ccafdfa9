# Finds KSyntaxHighlighting built against Qt 6 and provides the target Retort::KSyntaxHighlighting.
#  1. a system KF6SyntaxHighlighting (Debian 13, Ubuntu 24.04, Fedora, Arch);
#  2. otherwise the private build made by packaging/setup-deps.sh in RETORT_DEPS_PREFIX
#     (default <source>/.deps). That build keeps KF5 names, so only the private prefix is searched
#     and a Qt 5 build (Debian 12's libkf5syntaxhighlighting-dev) is refused.
set(RETORT_DEPS_PREFIX "${PROJECT_SOURCE_DIR}/.deps" CACHE PATH
    "Prefix of privately built dependencies (packaging/setup-deps.sh)")

find_package(KF6SyntaxHighlighting QUIET CONFIG)
if(KF6SyntaxHighlighting_FOUND)
    set(_retort_ksh_target KF6::SyntaxHighlighting)
    set(KSyntaxHighlightingQt6_VERSION "${KF6SyntaxHighlighting_VERSION}")
else()
    find_package(KF5SyntaxHighlighting QUIET CONFIG
                 PATHS "${RETORT_DEPS_PREFIX}/lib/cmake" NO_DEFAULT_PATH)
    if(KF5SyntaxHighlighting_FOUND)
        get_target_property(_retort_ksh_links KF5::SyntaxHighlighting INTERFACE_LINK_LIBRARIES)
        if(_retort_ksh_links MATCHES "Qt6::")
            set(_retort_ksh_target KF5::SyntaxHighlighting)
            set(KSyntaxHighlightingQt6_VERSION "${KF5SyntaxHighlighting_VERSION}")
            set(KSyntaxHighlightingQt6_LIBDIR "${RETORT_DEPS_PREFIX}/lib")
        else()
            message(WARNING "${RETORT_DEPS_PREFIX} holds a KSyntaxHighlighting not built for Qt 6; ignoring it.")
        endif()
    endif()
endif()

include(FindPackageHandleStandardArgs)
find_package_handle_standard_args(KSyntaxHighlightingQt6
    REQUIRED_VARS _retort_ksh_target
    VERSION_VAR KSyntaxHighlightingQt6_VERSION
    REASON_FAILURE_MESSAGE "Run packaging/setup-deps.sh: it installs KF6SyntaxHighlighting or builds it for Qt 6 into ${RETORT_DEPS_PREFIX}.")

if(KSyntaxHighlightingQt6_FOUND AND NOT TARGET Retort::KSyntaxHighlighting)
    add_library(Retort::KSyntaxHighlighting INTERFACE IMPORTED)
    set_target_properties(Retort::KSyntaxHighlighting PROPERTIES
        INTERFACE_LINK_LIBRARIES ${_retort_ksh_target})
endif()
