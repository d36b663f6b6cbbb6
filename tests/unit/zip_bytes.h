// Test helpers: zips written byte by byte, for what libarchive's writer will
// not produce on request (ZIP64 records on a small archive, a mix of stored
// and deflated members, comments, sizes and CRCs that lie), and the members
// of a zip as libarchive reads them, to compare with.
//
//   std::string zip = ZipBytes()
//                         .Add({"a.log", "stored\n", 0})
//                         .Add(ZipMember("b.log", std::string(5000, 'x')).Zip64())
//                         .Comment("made by hand")
//                         .Zip64()
//                         .Build();
#pragma once

#include <archive.h>
#include <archive_entry.h>
#include <isa-l/crc.h>
#include <isa-l/igzip_lib.h>

#include <cstdint>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace test {

// `data` as a raw deflate stream (no zlib or gzip wrapper), by ISA-L.
inline std::string RawDeflate(std::string_view data) {
  std::string out(data.size() + data.size() / 8 + 1024, '\0');
  isal_zstream s;
  isal_deflate_stateless_init(&s);
  s.next_in = reinterpret_cast<uint8_t*>(const_cast<char*>(data.data()));
  s.avail_in = static_cast<uint32_t>(data.size());
  s.next_out = reinterpret_cast<uint8_t*>(out.data());
  s.avail_out = static_cast<uint32_t>(out.size());
  s.end_of_stream = 1;
  if (isal_deflate_stateless(&s) != COMP_OK)
    throw std::runtime_error("isal_deflate_stateless failed");
  out.resize(s.total_out);
  return out;
}

inline uint32_t Crc32(std::string_view data) {
  return crc32_gzip_refl(0, reinterpret_cast<const unsigned char*>(data.data()), data.size());
}

// One member; the setters write lies into the central directory (the local
// header tells the truth), or change how it is stored.
//   ZipMember("a.log", text).Crc(0x12345678)
struct ZipMember {
  // method 8 is deflated here; any other method writes `data` as is.
  ZipMember(std::string n, std::string d, uint16_t m = 8)
      : name(std::move(n)), data(std::move(d)), method(m) {}
  ZipMember& Flags(uint16_t f) { return flags = f, *this; }
  // Sizes and offset in the ZIP64 extra field, 32-bit fields all ones.
  ZipMember& Zip64() { return zip64 = true, *this; }
  ZipMember& Crc(uint32_t v) { return crc = v, *this; }
  ZipMember& CompressedSize(uint64_t v) { return compressed_size = v, *this; }
  ZipMember& UncompressedSize(uint64_t v) { return uncompressed_size = v, *this; }
  ZipMember& LocalHeaderOffset(uint64_t v) { return local_header_offset = v, *this; }

  std::string name;
  std::string data;  // uncompressed
  uint16_t method;
  uint16_t flags = 0;
  bool zip64 = false;
  std::optional<uint32_t> crc;
  std::optional<uint64_t> compressed_size, uncompressed_size, local_header_offset;
};

class ZipBytes {
 public:
  ZipBytes& Add(ZipMember m) {
    members_.push_back(std::move(m));
    return *this;
  }
  ZipBytes& Comment(std::string c) {
    comment_ = std::move(c);
    return *this;
  }
  // Ends with the ZIP64 end record and locator; the classic end record then
  // has every count, size and offset all ones.
  ZipBytes& Zip64() {
    zip64_end_ = true;
    return *this;
  }

  std::string Build() const {
    std::string out, directory;
    for (const ZipMember& m : members_) {
      const uint64_t offset = out.size();
      const std::string data = m.method == 8 ? RawDeflate(m.data) : m.data;
      Local(m, data, &out);
      out += data;
      Central(m, data, offset, &directory);
    }
    const uint64_t directory_offset = out.size();
    out += directory;
    End(directory_offset, directory.size(), &out);
    return out;
  }

  static void Le16(uint64_t v, std::string* out) { Le(v, 2, out); }
  static void Le32(uint64_t v, std::string* out) { Le(v, 4, out); }
  static void Le64(uint64_t v, std::string* out) { Le(v, 8, out); }

 private:
  static void Le(uint64_t v, int bytes, std::string* out) {
    for (int i = 0; i < bytes; ++i) out->push_back(static_cast<char>(v >> (8 * i)));
  }
  static void Head(const ZipMember& m, std::string* out) {
    Le16(m.zip64 ? 45 : 20, out);  // version needed
    Le16(m.flags, out);
    Le16(m.method, out);
    Le32(0x5a210000, out);  // DOS time and date: 2025-01-01 00:00
  }

  void Local(const ZipMember& m, const std::string& data, std::string* out) const {
    Le32(0x04034b50, out);
    Head(m, out);
    Le32(Crc32(m.data), out);
    Le32(m.zip64 ? 0xFFFFFFFF : data.size(), out);
    Le32(m.zip64 ? 0xFFFFFFFF : m.data.size(), out);
    Le16(m.name.size(), out);
    Le16(m.zip64 ? 20 : 0, out);
    *out += m.name;
    if (!m.zip64) return;
    Le16(1, out), Le16(16, out), Le64(m.data.size(), out), Le64(data.size(), out);
  }

  void Central(const ZipMember& m, const std::string& data, uint64_t offset,
               std::string* out) const {
    const uint64_t csize = m.compressed_size.value_or(data.size());
    const uint64_t usize = m.uncompressed_size.value_or(m.data.size());
    const uint64_t lho = m.local_header_offset.value_or(offset);
    Le32(0x02014b50, out);
    Le16(0x031e, out);  // made by: Unix, version 3.0
    Head(m, out);
    Le32(m.crc.value_or(Crc32(m.data)), out);
    Le32(m.zip64 ? 0xFFFFFFFF : csize, out);
    Le32(m.zip64 ? 0xFFFFFFFF : usize, out);
    Le16(m.name.size(), out);
    Le16(m.zip64 ? 28 : 0, out);
    Le16(0, out), Le16(0, out), Le16(0, out);  // comment length, disk, internal attributes
    Le32(0100644u << 16, out);                 // regular file, rw-r--r--
    Le32(m.zip64 ? 0xFFFFFFFF : lho, out);
    *out += m.name;
    if (!m.zip64) return;
    Le16(1, out), Le16(24, out), Le64(usize, out), Le64(csize, out), Le64(lho, out);
  }

  void End(uint64_t directory_offset, uint64_t directory_size, std::string* out) const {
    const uint64_t count = members_.size();
    if (zip64_end_) {
      const uint64_t record = out->size();
      Le32(0x06064b50, out), Le64(44, out), Le16(0x031e, out), Le16(45, out);
      Le32(0, out), Le32(0, out), Le64(count, out), Le64(count, out);
      Le64(directory_size, out), Le64(directory_offset, out);
      Le32(0x07064b50, out), Le32(0, out), Le64(record, out), Le32(1, out);
    }
    Le32(0x06054b50, out), Le16(0, out), Le16(0, out);
    Le16(zip64_end_ ? 0xFFFF : count, out), Le16(zip64_end_ ? 0xFFFF : count, out);
    Le32(zip64_end_ ? 0xFFFFFFFF : directory_size, out);
    Le32(zip64_end_ ? 0xFFFFFFFF : directory_offset, out);
    Le16(comment_.size(), out);
    *out += comment_;
  }

  std::vector<ZipMember> members_;
  std::string comment_;
  bool zip64_end_ = false;
};

// Every regular member of `zip`, name -> data, as libarchive reads it
// (seeking, through the central directory). Throws if libarchive fails.
inline std::map<std::string, std::string> LibarchiveMembers(const std::string& zip) {
  archive* a = archive_read_new();
  archive_read_support_format_zip_seekable(a);
  if (archive_read_open_memory(a, zip.data(), zip.size()) != ARCHIVE_OK)
    throw std::runtime_error(archive_error_string(a));
  std::map<std::string, std::string> members;
  archive_entry* e = nullptr;
  while (archive_read_next_header(a, &e) == ARCHIVE_OK) {
    if (archive_entry_filetype(e) != AE_IFREG) continue;
    std::string& data = members[archive_entry_pathname(e)];
    char buf[64 << 10];
    la_ssize_t k;
    while ((k = archive_read_data(a, buf, sizeof buf)) > 0)
      data.append(buf, static_cast<size_t>(k));
    if (k < 0) throw std::runtime_error(archive_error_string(a));
  }
  archive_read_free(a);
  return members;
}

}  // namespace test
