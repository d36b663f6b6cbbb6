// BatchFiles: the few file-system operations a batch and a merge need,
// each returning an error message instead of throwing.
#pragma once

#include <cstdint>
#include <functional>
#include <ostream>
#include <string>

namespace analyzer {

// Writes `text` to `path` (created or replaced, through PATH.part and a
// rename). On failure returns false and sets *error to "cannot write PATH: reason".
bool WriteTextFile(const std::string& path, const std::string& text, std::string* error);
// The same, the content produced by `write` straight into the file (a large
// report is never held whole in memory); `write` returns false on failure.
bool WriteFileWith(const std::string& path, const std::function<bool(std::ostream&)>& write,
                   std::string* error);

// Creates `dir` and its parents if needed.
bool MakeDirectory(const std::string& dir, std::string* error);

// Puts a copy of `from` at `to`: a hard link when the file system allows it
// (shard outputs are often on the same disk), else a copy. Replaces `to`;
// does nothing when both name the same file.
bool PlaceFile(const std::string& from, const std::string& to, std::string* error);

// Bytes of a file, or of every regular file under a directory; 0 when
// missing. For throughput and ETA only.
uint64_t SizeOnDisk(const std::string& path);

}  // namespace analyzer
