# cmake -DCOMMAND="program;args" -DOUTPUT=file -P WriteCommandOutput.cmake: runs COMMAND and writes
# its standard output to OUTPUT, failing the build when it fails.
execute_process(COMMAND ${COMMAND} OUTPUT_FILE "${OUTPUT}.tmp" RESULT_VARIABLE status)
if(NOT status EQUAL 0)
    file(REMOVE "${OUTPUT}.tmp")
    message(FATAL_ERROR "${COMMAND} failed: ${status}")
endif()
file(RENAME "${OUTPUT}.tmp" "${OUTPUT}")
