# What `cmake --install` lays out besides bin/retort: the desktop entry, AppStream metadata,
# icons (the SVG and PNGs rendered from it at build time), the man page (written by the built
# retort from its own help tables), bash completion, and the private KSyntaxHighlighting when it
# was built from source.
include(GNUInstallDirs)

set(RETORT_APP_ID "org.retort.Retort")
set(RETORT_HOMEPAGE "https://retort.org" CACHE STRING "Home page named in the AppStream metadata")
set(RETORT_RELEASE_DATE "2026-12-03" CACHE STRING "Date of this version's release (AppStream)")
set(_retort_share "${CMAKE_BINARY_DIR}/share")
set(_retort_linux "${PROJECT_SOURCE_DIR}/packaging/linux")
set(_retort_generated)

if(RETORT_BUILD_GUI)
    configure_file("${_retort_linux}/org.retort.Retort.desktop.in"
                   "${_retort_share}/applications/${RETORT_APP_ID}.desktop" @ONLY)
    configure_file("${_retort_linux}/org.retort.Retort.metainfo.xml.in"
                   "${_retort_share}/metainfo/${RETORT_APP_ID}.metainfo.xml" @ONLY)
    install(FILES "${_retort_share}/applications/${RETORT_APP_ID}.desktop"
            DESTINATION "${CMAKE_INSTALL_DATADIR}/applications")
    install(FILES "${_retort_share}/metainfo/${RETORT_APP_ID}.metainfo.xml"
            DESTINATION "${CMAKE_INSTALL_DATADIR}/metainfo")

    # Icons: the scalable SVG, and PNGs at the hicolor sizes rendered from it.
    set(_retort_icon_svg "${PROJECT_SOURCE_DIR}/resources/icons/retort.svg")
    install(FILES "${_retort_icon_svg}" RENAME "${RETORT_APP_ID}.svg"
            DESTINATION "${CMAKE_INSTALL_DATADIR}/icons/hicolor/scalable/apps")
    find_program(RETORT_RSVG_CONVERT rsvg-convert REQUIRED)
    foreach(size 16 22 24 32 48 64 128 256)
        set(dir "icons/hicolor/${size}x${size}/apps")
        set(png "${_retort_share}/${dir}/${RETORT_APP_ID}.png")
        add_custom_command(OUTPUT "${png}"
            COMMAND "${CMAKE_COMMAND}" -E make_directory "${_retort_share}/${dir}"
            COMMAND "${RETORT_RSVG_CONVERT}" -w ${size} -h ${size} -o "${png}" "${_retort_icon_svg}"
            DEPENDS "${_retort_icon_svg}" VERBATIM)
        list(APPEND _retort_generated "${png}")
        install(FILES "${png}" DESTINATION "${CMAKE_INSTALL_DATADIR}/${dir}")
    endforeach()
endif()

install(FILES "${_retort_linux}/retort.bash-completion" RENAME retort
        DESTINATION "${CMAKE_INSTALL_DATADIR}/bash-completion/completions")

# The man page comes from the built retort, so it always matches --help.
set(_retort_man "${_retort_share}/man/man1/retort.1")
add_custom_command(OUTPUT "${_retort_man}"
    COMMAND "${CMAKE_COMMAND}" "-DCOMMAND=$<TARGET_FILE:retort>;--help-man" "-DOUTPUT=${_retort_man}"
            -P "${PROJECT_SOURCE_DIR}/cmake/WriteCommandOutput.cmake"
    DEPENDS retort "${PROJECT_SOURCE_DIR}/cmake/WriteCommandOutput.cmake" VERBATIM)
list(APPEND _retort_generated "${_retort_man}")
install(FILES "${_retort_man}" DESTINATION "${CMAKE_INSTALL_MANDIR}/man1")
add_custom_target(retort_share ALL DEPENDS ${_retort_generated})

# The privately built KSyntaxHighlighting goes along, in a directory of our own that the
# executable's RPATH names (app/CMakeLists.txt).
if(KSyntaxHighlightingQt6_LIBDIR)
    install(DIRECTORY "${KSyntaxHighlightingQt6_LIBDIR}/" DESTINATION "${CMAKE_INSTALL_LIBDIR}/retort"
            FILES_MATCHING PATTERN "libKF5SyntaxHighlighting.so*" PATTERN "cmake" EXCLUDE)
endif()
