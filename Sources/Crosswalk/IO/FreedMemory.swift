#if canImport(Glibc)
internal import Glibc
#endif

/// Hands memory the process has freed back to the operating system, between the stages of
/// a large assessment.
///
/// glibc's allocator keeps freed memory mapped for reuse; after the engine (its evidence
/// index, per-requirement results and scratch, allocated on several threads' arenas) that
/// is some 150 MB resident at 10,000 systems that later stages, on other threads, do not
/// reuse. `malloc_trim(0)` returns those free pages (`Docs/Performance.md`, "Engine-stage
/// memory"). Elsewhere it does nothing.
package enum FreedMemory {
    #if canImport(Glibc)
    private typealias Trim = @convention(c) (Int) -> Int32
    /// glibc's `malloc_trim`, looked up once (malloc.h is not in the Glibc module).
    nonisolated(unsafe) private static let trim: Trim? = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "malloc_trim")
        .map { unsafeBitCast($0, to: Trim.self) }
    #endif

    #if canImport(Glibc)
    private typealias Mallopt = @convention(c) (Int32, Int32) -> Int32
    nonisolated(unsafe) private static let mallopt: Mallopt? = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "mallopt")
        .map { unsafeBitCast($0, to: Mallopt.self) }
    #endif

    /// From now on, blocks of 256 KiB or more are mapped on their own and unmapped when
    /// freed (glibc's `M_MMAP_THRESHOLD`; by default the threshold rises up to 32 MB as large
    /// blocks are freed, and later blocks of that size stay in the heap, resident after use).
    /// For the stages after ingest: the engine's per-requirement results, the report lanes'
    /// pieces. Not during ingest, whose arrays grow by doubling (mapping each growth made
    /// it 2.7 times slower at 1,000,000 items). Process-wide: for the command-line tool.
    package static func mapLargeBlocks() {
        #if canImport(Glibc)
        _ = mallopt?(-3 /* M_MMAP_THRESHOLD */, 256 << 10)
        #endif
    }

    /// Returns free memory to the system when the assessment is large (for a small one it is
    /// not worth the time of walking the heap).
    static func release(ifCells cells: Int) {
        guard cells >= 50_000 else { return }
        #if canImport(Glibc)
        _ = trim?(0)
        #endif
    }
}
