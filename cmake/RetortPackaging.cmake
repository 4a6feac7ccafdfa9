# CPack: `cpack -G DEB` and `cpack -G TGZ` in a build tree (the release preset for real packages).
# The .deb's Depends are computed by dpkg-shlibdeps from what the binaries link, never listed by
# hand; the private KSyntaxHighlighting travels inside the package.
set(CPACK_PACKAGE_NAME "retort")
set(CPACK_PACKAGE_VENDOR "The Retort developers")
set(CPACK_PACKAGE_CONTACT "The Retort developers <retort@retort.org>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "${PROJECT_DESCRIPTION}")
set(CPACK_PACKAGE_DESCRIPTION
    "Retort shows an Alembic, Flask-Migrate or plain SQL migration history as a graph, runs \
upgrade, downgrade, stamp, backup and restore from a desktop application or the command line, \
and knows the schema at every revision. It shares Alembic's version table.")
set(CPACK_PACKAGE_HOMEPAGE_URL "${RETORT_HOMEPAGE}")
set(CPACK_PACKAGE_VERSION "${PROJECT_VERSION}")
set(CPACK_PACKAGE_INSTALL_DIRECTORY "retort")
set(CPACK_STRIP_FILES ON)
set(CPACK_GENERATOR "DEB;TGZ")
set(CPACK_PACKAGE_FILE_NAME "retort-${PROJECT_VERSION}-${CMAKE_SYSTEM_NAME}-${CMAKE_SYSTEM_PROCESSOR}")
# A tarball unpacks into one directory; bin/retort finds its library through $ORIGIN.
set(CPACK_ARCHIVE_COMPONENT_INSTALL OFF)
set(CPACK_INCLUDE_TOPLEVEL_DIRECTORY ON)

set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION "database")
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
if(KSyntaxHighlightingQt6_LIBDIR)
    set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS_PRIVATE_DIRS "${KSyntaxHighlightingQt6_LIBDIR}")
endif()
# Not linked but run: the SQL drivers Qt loads as plugins, and the tools backup and restore call.
set(CPACK_DEBIAN_PACKAGE_DEPENDS "libqt6sql6-sqlite, libqt6sql6-psql")
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "postgresql-client, python3-alembic")
set(CPACK_DEBIAN_PACKAGE_SUGGESTS "python3-flask-migrate")
include(CPack)
