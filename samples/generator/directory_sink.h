// An EntrySink that writes members as files under a directory (the unpacked layout),
// creating parent directories as needed and setting each file's mtime.
#ifndef SAMPLES_GENERATOR_DIRECTORY_SINK_H_
#define SAMPLES_GENERATOR_DIRECTORY_SINK_H_

#include <memory>
#include <string>

#include "entry_sink.h"

namespace samplegen {

// `root` is created if missing. Existing files are overwritten.
std::unique_ptr<EntrySink> OpenDirectorySink(const std::string& root, std::string* error);

// Creates `path` and its missing parents (like mkdir -p). Returns false on failure.
bool MakeDirectories(const std::string& path);

}  // namespace samplegen

#endif  // SAMPLES_GENERATOR_DIRECTORY_SINK_H_
