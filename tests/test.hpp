// The one include of Catch2 (Debian's v2) for every kgraph test.
#pragma once
#include <catch2/catch.hpp>
