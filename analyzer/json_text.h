// JSON text helpers for every JSON text the analyzer writes: records as
// JSON Lines, the report (report_json_writer.h), summary.json and SARIF.
// Appending to a reused string allocates nothing once it has grown, unlike
// building a DOM per record.
//
// One escaping everywhere, so that no JSON we write, printed on a terminal
// (`records`, `scan --json -`), can move the cursor, clear the screen or
// retitle the window, and so that a streamed report has the same bytes as
// nlohmann::json's dump(…, ensure_ascii = false, error_handler_t::replace):
//   - `"` `\` and \b \f \n \r \t as short escapes, other C0 controls
//     (ESC included) as \u00xx, lowercase hex: exactly as nlohmann writes;
//   - invalid UTF-8 as U+FFFD, one per maximal ill-formed subpart (Unicode's
//     recommended practice, which nlohmann's replace handler follows);
//   - beyond nlohmann: DEL and the C1 controls U+0080..U+009F (UTF-8 C2 80..
//     C2 9F; U+009B is CSI, a one-character ESC [) as \u007f, \u0080..\u009f.
// Everything else, other non-ASCII text included, is copied as UTF-8.
#pragma once

#include <string>
#include <string_view>

#include "utc_time.h"

namespace analyzer {

// Appends `s` as a JSON string literal (quotes included), escaped as above.
// Linear in `s`; allocates only when `out` grows.
void AppendJsonString(std::string* out, std::string_view s);

// Appends "2026-11-18T09:12:04Z" (quoted) or null.
void AppendJsonTime(std::string* out, UtcTime t);

// Rewrites the DEL and C1 control characters of a JSON text as \u escapes,
// for texts that nlohmann::json dumped (it escapes C0 controls only).
// `json` must be valid UTF-8, as a dump with error_handler_t::replace is:
// then these bytes only occur inside strings, as those characters. Does
// nothing, and allocates nothing, when there are none.
void EscapeJsonControls(std::string* json);

}  // namespace analyzer
