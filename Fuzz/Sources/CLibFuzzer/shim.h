// libFuzzer's driver, linked into every target built with -sanitize=fuzzer (compiler-rt's
// FuzzerInterface.h declares it; the toolchain does not install that header).
#include <stddef.h>
#include <stdint.h>

/// Runs libFuzzer with the command line `argc`/`argv`, calling `test` on each input.
int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*test)(const uint8_t *data, size_t size));
