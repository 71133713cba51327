#ifndef CROSSWALK_SIGNALS_H
#define CROSSWALK_SIGNALS_H

/// A process-wide table of temporary files being written, and the SIGINT / SIGTERM /
/// SIGHUP handler that removes them before the process dies. The handler only calls
/// async-signal-safe functions (unlink, sigaction, raise); the table is fixed in size
/// and guarded by C11 atomics, so it never allocates or locks. See AtomicFile.swift.

/// Records `path` as a temporary file in flight; returns its slot, or -1 when the path
/// is too long or every slot is taken (the file is then written without the guard).
int crosswalk_temp_register(const char *path);

/// Registers `path` (its slot goes to `*slot`) and creates it with
/// `open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode)`, so that a signal handled on
/// another thread at the same moment cannot miss it: the handler waits for creations in
/// progress, and a creation that starts after the handler does never happens (the
/// calling thread waits for the process to end). Returns the descriptor, or -1 with errno.
int crosswalk_temp_create(const char *path, int mode, int *slot);

/// Forgets the slot returned by crosswalk_temp_register (-1 is ignored).
void crosswalk_temp_unregister(int slot);

/// Installs the handler for SIGINT, SIGTERM and SIGHUP, once per process. The handler
/// unlinks every registered temporary file, restores the previous action and raises the
/// signal again, so the process ends as it would have (exit status 128 + signal).
void crosswalk_install_cleanup_handlers(void);

/// The number of temporary files registered now (for tests).
int crosswalk_temp_count(void);

#endif
