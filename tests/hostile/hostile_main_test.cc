// The hostile-input suite: every case builds its bundle in a temp dir and
// runs the real analyzer on it (hostile_support.h).
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>
