#pragma once

#include <QString>

#include <string_view>

namespace retort {

// One logical line of Python source: from its first token to the newline that ends it outside
// brackets and strings. Lines are 1-based.
struct PythonStatement
{
    size_t begin = 0; // byte offset of the first token
    size_t end = 0; // byte offset of the ending newline (or end of input)
    int firstLine = 0;
    int lastLine = 0;
    int indent = 0; // column of the first token; 0 = top level
    bool comment = false; // a comment-only line (begin..end is the comment)
};

// Splits Python source into logical lines (comment-only lines come as their own statements,
// blank lines are skipped), knowing
// strings (incl. triple-quoted ones spanning lines), brackets and backslash continuations.
// A tokenizer's worth of knowledge, without building tokens: it only finds boundaries.
class PythonStatementScanner
{
public:
    explicit PythonStatementScanner(std::string_view source)
        : m_src(source)
    {
    }

    // The next statement; false at the end of the input.
    bool next(PythonStatement &statement);

    // An unterminated string or bracket makes the file unloadable by Python.
    bool error() const { return m_errorLine > 0; }
    int errorLine() const { return m_errorLine; }
    QString errorMessage() const { return m_errorMessage; }

private:
    void skipString();
    void fail(int line, const QString &message);

    std::string_view m_src;
    size_t m_pos = 0;
    int m_line = 1;
    int m_errorLine = 0;
    QString m_errorMessage;
};

} // namespace retort
