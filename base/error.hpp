// The root of kgraph's exceptions, shared by every module (graph, importers, exporters, cli).
// Library code throws these; only cli/main.cpp turns them into messages and exit codes.
#pragma once

#include <cstddef>
#include <stdexcept>
#include <string>

#include "base/strings.hpp"

namespace kg {

/// Root of all kgraph errors. what() is a complete, one-line message for the user.
class Error : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

/// The user asked for something impossible (bad option, missing path, unknown format): exit 2.
class UsageError : public Error {
public:
    using Error::Error;
};

/// An input could not be read or parsed. Carries the position where it went wrong.
class InputError : public Error {
public:
    InputError(std::string source, std::size_t line, std::size_t column, std::string message)
        : Error(format(source, line, column, message)),
          m_source(std::move(source)),
          m_line(line),
          m_column(column),
          m_message(std::move(message)) {}

    const std::string& source() const noexcept { return m_source; }
    std::size_t line() const noexcept { return m_line; }
    std::size_t column() const noexcept { return m_column; }
    /// The message without the position.
    const std::string& message() const noexcept { return m_message; }

private:
    static std::string format(const std::string& source, std::size_t line, std::size_t column,
                              const std::string& message) {
        return format_position(source, line, column) + ": " + message;
    }

    std::string m_source;
    std::size_t m_line;
    std::size_t m_column;
    std::string m_message;
};

/// An output could not be created, written or moved into place.
class OutputError : public Error {
public:
    using Error::Error;
};

}  // namespace kg
