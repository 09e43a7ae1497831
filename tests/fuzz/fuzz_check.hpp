#pragma once
// A property check for fuzz targets: prints what broke and aborts, so libFuzzer records
// the input as a crash like any sanitizer report.
#include <cstdio>
#include <cstdlib>

#define RAPPORT_FUZZ_CHECK(cond)                                                                    \
    do {                                                                                            \
        if (!(cond)) {                                                                              \
            std::fprintf(stderr, "fuzz property failed at %s:%d: %s\n", __FILE__, __LINE__, #cond); \
            std::abort();                                                                           \
        }                                                                                           \
    } while (false)
