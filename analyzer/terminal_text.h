// TerminalText: makes untrusted text (log lines, member names) safe to
// print on a terminal: control characters, escape sequences included, are
// shown as \xNN instead of being interpreted.
#pragma once

#include <string>
#include <string_view>

namespace analyzer {

// With `keep_newlines`, '\n' stays a line break (multi-line messages).
std::string TerminalSafe(std::string_view s, bool keep_newlines = false);

}  // namespace analyzer
