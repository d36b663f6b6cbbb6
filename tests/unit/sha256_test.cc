#include "sha256.h"

#include <doctest/doctest.h>

#include <string>

#include "archive_builder.h"

namespace analyzer {
namespace {

std::string Digest(std::string_view data) {
  Sha256 h;
  h.Update(data);
  return h.HexDigest();
}

TEST_CASE("sha256: FIPS 180-4 test vectors") {
  CHECK(Digest("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  CHECK(Digest("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  CHECK(Digest("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq") ==
        "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
  CHECK(Digest(std::string(1000000, 'a')) ==
        "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}

TEST_CASE("sha256: lengths around the padding boundary (55, 56, 64 bytes)") {
  CHECK(Digest(std::string(55, 'x')) ==
        "d5e285683cd4efc02d021a5c62014694958901005d6f71e89e0989fac77e4072");
  CHECK(Digest(std::string(56, 'x')) ==
        "04c26261370ee7541549d16dee320c723e3fd14671e66a099afe0a377c16888e");
  CHECK(Digest(std::string(64, 'x')) ==
        "7ce100971f64e7001e8fe5a51973ecdfe1ced42befe7ee8d5fd6219506b5393c");
}

TEST_CASE("sha256: streaming in uneven pieces gives the one-shot digest") {
  const std::string text = std::string(1000, 'q') + "the end";
  for (size_t piece : {1, 3, 63, 64, 65, 999}) {
    Sha256 h;
    for (size_t i = 0; i < text.size(); i += piece) h.Update(std::string_view(text).substr(i, piece));
    CHECK_MESSAGE(h.HexDigest() == Digest(text), "piece size " << piece);
  }
}

TEST_CASE("sha256: Sha256File digests a file, \"\" when it cannot be read") {
  test::TempDir dir;
  const std::string path = dir.Write("abc.txt", "abc");
  CHECK(Sha256File(path) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  CHECK(Sha256File(dir.path() + "/missing.txt") == "");
}

}  // namespace
}  // namespace analyzer
