// BatchInputs: the list of bundles a batch runs over, expanded from its
// command-line arguments. Each argument is one of:
//   @FILE     a list: one argument per line (not itself @-expanded); blank
//             lines and lines starting with '#' are ignored; relative paths
//             are relative to the current directory, as on the command line.
//   a glob    containing * ? or [: expanded with glob(3), results sorted
//             bytewise (CI often passes globs quoted); a glob that matches
//             nothing stays as written and is then reported as unreadable.
//   a bundle directory (IsBundleDirectory): one bundle.
//   another directory: a directory of bundles: its archives (.zip, .tar,
//             .tar.gz, .tgz, .7z) and its bundle directories, one level,
//             sorted bytewise.
//   anything else: one bundle, as written (a missing path is reported as a
//             failed bundle by the batch, it does not stop the others).
// Paths are kept as strings, as written or joined with '/': the string is
// what names, shards and reports use. A path met twice is kept once.
//
//   BatchInputs in = ExpandBatchInputs({"@ci/bundles.txt", "incoming/*.zip"});
#pragma once

#include <string>
#include <vector>

namespace analyzer {

struct BatchInputs {
  std::vector<std::string> paths;     // in the order found, without duplicates
  std::vector<std::string> errors;    // "list.txt: cannot read the list of bundles"
  std::vector<std::string> warnings;  // "dir: no bundle in this directory"
};

// Reads the file system (directories, list files); never throws.
BatchInputs ExpandBatchInputs(const std::vector<std::string>& args);

// A directory is itself one (unpacked) bundle when its name starts with
// "AzureStackLogs-" (any case), or it directly holds
// Get-AzureStackLog_Output.log, or it directly holds a role zip
// (<Role>-<8+ digits>....zip, e.g. AzureBridge-20261201013000-1.zip).
bool IsBundleDirectory(const std::string& dir);

// True for the archive names a directory of bundles is searched for.
bool IsBundleArchiveName(const std::string& file_name);

}  // namespace analyzer
