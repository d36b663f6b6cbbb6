// BatchNames: the name under which each bundle's outputs are written in a
// batch's output directory (DIR/<name>.json, DIR/<name>.html) and listed in
// the roll-up.
//
// The base name is the bundle's file name without its extension (.zip,
// .tar.gz, .tgz, .tar, .7z, .gz, or the last one; a directory keeps its whole
// name), with every byte outside [A-Za-z0-9._-] replaced by '_' and a
// leading '.' too (no hidden files, no "..", safe in a URL and on any file
// system). Names are made unique over the whole list, ignoring case (the
// outputs may land on a case-insensitive file system): when two paths share
// a base name, or the name is "summary" or "index" (the roll-up's files),
// each gets "-" and 8 hex digits of Fnv1a64(path) appended; a collision
// left after that gets "-2", "-3"... in list order.
//
// Deterministic: the names depend only on the list of path strings, so
// every shard of a batch, given the same inputs, computes the same names.
#pragma once

#include <string>
#include <vector>

namespace analyzer {

std::string BundleBaseName(const std::string& path);

// One name per path, in the same order. Paths should be distinct.
std::vector<std::string> UniqueBundleNames(const std::vector<std::string>& paths);

}  // namespace analyzer
