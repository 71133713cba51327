#include "CCrosswalkSignals.h"

#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <string.h>
#include <unistd.h>

enum { SLOTS = 64, PATH_BYTES = 4096 };

/// 0 free, 1 being filled, 2 holds a path to remove.
static _Atomic int slot_state[SLOTS];
static char slot_path[SLOTS][PATH_BYTES];

int crosswalk_temp_register(const char *path) {
    size_t length = strlen(path);
    if (length >= PATH_BYTES) return -1;
    for (int i = 0; i < SLOTS; i++) {
        int expected = 0;
        if (atomic_compare_exchange_strong(&slot_state[i], &expected, 1)) {
            memcpy(slot_path[i], path, length + 1);
            atomic_store(&slot_state[i], 2);
            return i;
        }
    }
    return -1;
}

/// Set by the handler before it removes anything; creations in progress are counted.
static _Atomic int dying;
static _Atomic int creating;

int crosswalk_temp_create(const char *path, int mode, int *slot) {
    *slot = crosswalk_temp_register(path);
    // The handler must not run on this thread while it is counted as creating (it would
    // wait for itself): the handled signals are blocked here for the open.
    sigset_t block, saved;
    sigemptyset(&block);
    sigaddset(&block, SIGINT);
    sigaddset(&block, SIGTERM);
    sigaddset(&block, SIGHUP);
    pthread_sigmask(SIG_BLOCK, &block, &saved);
    atomic_fetch_add(&creating, 1);
    if (atomic_load(&dying)) {
        // The handler has started: create nothing and wait for the end of the process.
        atomic_fetch_sub(&creating, 1);
        for (;;) pause();
    }
    int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode);
    int saved_errno = errno;
    atomic_fetch_sub(&creating, 1);
    pthread_sigmask(SIG_SETMASK, &saved, NULL);
    errno = saved_errno;
    return fd;
}

void crosswalk_temp_unregister(int slot) {
    if (slot >= 0 && slot < SLOTS) atomic_store(&slot_state[slot], 0);
}

int crosswalk_temp_count(void) {
    int n = 0;
    for (int i = 0; i < SLOTS; i++) n += atomic_load(&slot_state[i]) == 2;
    return n;
}

static const int handled[] = { SIGINT, SIGTERM, SIGHUP };
enum { HANDLED = sizeof handled / sizeof handled[0] };
static struct sigaction previous[HANDLED];
static atomic_flag installed = ATOMIC_FLAG_INIT;

static void cleanup_and_reraise(int sig) {
    // Stop new temporary files, then wait for those being created to exist (a few
    // microseconds: an open), so that the scan below sees every one.
    atomic_store(&dying, 1);
    while (atomic_load(&creating) > 0) {}
    for (int i = 0; i < SLOTS; i++) {
        if (atomic_load(&slot_state[i]) == 2) unlink(slot_path[i]);
    }
    for (int i = 0; i < HANDLED; i++) {
        if (handled[i] == sig) {
            sigaction(sig, &previous[i], NULL);
            break;
        }
    }
    raise(sig);
}

void crosswalk_install_cleanup_handlers(void) {
    if (atomic_flag_test_and_set(&installed)) return;
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = cleanup_and_reraise;
    sigemptyset(&action.sa_mask);
    for (int i = 0; i < HANDLED; i++) sigaddset(&action.sa_mask, handled[i]);
    for (int i = 0; i < HANDLED; i++) {
        sigaction(handled[i], NULL, &previous[i]);
        // A signal the parent set to be ignored (nohup) stays ignored.
        if (previous[i].sa_handler == SIG_IGN) continue;
        sigaction(handled[i], &action, NULL);
    }
}
