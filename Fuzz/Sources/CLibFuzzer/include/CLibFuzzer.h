#ifndef CROSSWALK_CLIBFUZZER_H
#define CROSSWALK_CLIBFUZZER_H
#include <stddef.h>
#include <stdint.h>

/// libFuzzer's driver (compiler-rt, LLVM 11 and later), linked in by `-sanitize=fuzzer`.
/// SwiftPM links each executable with `--defsym main=<Module>_main`, which hides
/// libFuzzer's own `main`, so each target's `<Module>_main` calls this instead.
int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));

#endif
