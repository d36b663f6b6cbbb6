#include "transcript.h"

#include "text_encoding.h"
#include "time_format.h"

namespace samplegen {
namespace {

std::string Join(const std::vector<std::string>& names) {
  std::string out;
  for (const std::string& name : names) out += (out.empty() ? "" : ", ") + name;
  return out;
}

std::string UsTime(Ticks t) {
  std::string s;
  AppendUsTime(&s, t);
  return s;
}

std::string Header(const Scenario& s) {
  return "**********************\n"
         "Windows PowerShell transcript start\n"
         "Start time: " +
         CompactStamp(s.collected) +
         "\n"
         "Username: AZS\\CloudAdmin\n"
         "RunAs User: AZS\\CloudAdmin\n"
         "Configuration Name: PrivilegedEndpoint\n"
         "Machine: AZS-ERCS01 (Microsoft Windows NT 10.0.17763.0)\n"
         "Host Application: C:\\Windows\\system32\\wsmprovhost.exe -Embedding\n"
         "Process ID: 6112\n"
         "PSVersion: 5.1.17763.2931\n"
         "PSEdition: Desktop\n"
         "BuildVersion: 10.0.17763.2931\n"
         "CLRVersion: 4.0.30319.42000\n"
         "**********************\n";
}

std::string DiskFull() {
  return "PS>TerminatingError(Copy-Item): \"There is not enough space on the disk.\"\n"
         "Get-AzureStackLog : There is not enough space on the disk.\n"
         "At line:1 char:1\n"
         "+ Get-AzureStackLog -FilterByRole AzureBridge,UsageBridge,WAS,WASPUBLIC,SeedRing ...\n"
         "+ ~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~\n"
         "    + CategoryInfo          : WriteError: (:) [Get-AzureStackLog], IOException\n"
         "    + FullyQualifiedErrorId : System.IO.IOException,Get-AzureStackLog\n";
}

std::string ToCrLf(const std::string& text) {
  std::string out;
  out.reserve(text.size() + text.size() / 32);
  for (char ch : text) {
    if (ch == '\n') out.push_back('\r');
    out.push_back(ch);
  }
  return out;
}

}  // namespace

std::string MakeTranscript(const Scenario& s, const std::string& top_folder,
                           const CollectedVms& vms) {
  std::string text = Header(s);
  text +=
      "PS>Get-AzureStackLog -FilterByRole AzureBridge,UsageBridge,WAS,WASPUBLIC,SeedRing -FromDate "
      "\"" +
      UsTime(s.window_start) + "\" -ToDate \"" + UsTime(s.collected) +
      "\" -OutputSharePath \"\\\\10.0.5.20\\AzsLogs\" -OutputShareCredential $cred\n";
  text += "VERBOSE: Initializing log collection, output folder '" + top_folder + "'\n";
  text += "VERBOSE: Collecting role 'AzureBridge' from " + Join(vms.xrp) + "\n";
  text += "VERBOSE: Role 'AzureBridge' exceeds the archive size limit; writing 2 parts\n";
  text += "VERBOSE: Collecting role 'UsageBridge' from " + Join(vms.xrp) + "\n";
  text += "WARNING: Event log 'Microsoft-AzureStack-UsageBridge/Operational' on " + vms.xrp.back() +
          " is empty and was skipped.\n";
  text += "VERBOSE: Collecting role 'WAS' from " + Join(vms.was) + "\n";
  text += "VERBOSE: Collecting role 'WASPUBLIC' from " + Join(vms.wasp) + "\n";
  text += "VERBOSE: Collecting role 'SeedRing' from " + vms.ercs + " (Test-AzureStack summary)\n";
  if (s.disk_full) {
    text += DiskFull();
  } else {
    text += "VERBOSE: Compressing logs\nVERBOSE: Log collection completed in 00:14:12\n";
  }
  text += "**********************\nWindows PowerShell transcript end\nEnd time: " +
          CompactStamp(s.collected + Minutes(14) + Seconds(12)) + "\n**********************\n";
  return Encode(ToCrLf(text), TextEncoding::kUtf8Bom);
}

}  // namespace samplegen
