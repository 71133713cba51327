import Foundation
internal import CCrosswalkSignals

/// Writes files atomically: the bytes go to a temporary file in the same folder, which is
/// flushed and then renamed over the target. A failed or interrupted write leaves the
/// previous file intact and removes its temporary file.
///
/// A process killed by SIGINT, SIGTERM or SIGHUP mid-write also removes its temporary
/// files, once ``installSignalCleanup()`` has been called (the `crosswalk` tool does so at
/// start). SIGKILL cannot be caught: it may leave a `.NAME.tmp-…` file, never a torn report.
package enum AtomicFile {
    /// Installs, once per process, handlers for SIGINT, SIGTERM and SIGHUP that remove the
    /// temporary files of writes in flight and then end the process as the signal would
    /// have (the previous action is restored and the signal raised again). A signal that
    /// was ignored when this is called stays ignored.
    public static func installSignalCleanup() {
        crosswalk_install_cleanup_handlers()
    }

    /// Temporary files being written now (for tests).
    static var inFlightCount: Int { Int(crosswalk_temp_count()) }

    /// Writes `bytes` to `path`.
    /// - Throws: ``CrosswalkError`` with code `io-error` naming the path and the cause.
    public static func write(_ bytes: [UInt8], to path: String) throws(CrosswalkError) {
        let temp = try writeTemporary(bytes, for: path)
        guard rename(temp, path) == 0 else {
            let cause = failure(path, "cannot replace the file; the previous file is unchanged")
            unlink(temp)
            throw cause
        }
    }

    /// Writes a set of files all or nothing, as far as the file system allows: every file
    /// is first written in full to a temporary file; only when all are written are they
    /// renamed over their targets. If any write fails, no target is touched and every
    /// temporary file is removed.
    public static func writeAll(_ files: [(path: String, bytes: [UInt8])]) throws(CrosswalkError) {
        try writeAll(files.map { f in (path: f.path, produce: { emit in emit(f.bytes) }) })
    }

    /// Like ``writeAll(_:)-([(path:String,bytes:[UInt8])])``, each file produced in pieces
    /// (`produce` hands them to its argument, in order) and streamed to its temporary
    /// file, so only one piece is in memory at a time. The temporary files stay registered
    /// for signal cleanup until they are renamed.
    public static func writeAll(_ files: [(path: String, produce: (([UInt8]) -> Void) -> Void)]) throws(CrosswalkError) {
        // One lane, one file after another.
        try writeAll(files.map { (path: $0.path, lane: 0, produce: $0.produce) }, width: 1)
    }

    /// Like ``writeAll(_:)-([(path:String,produce:(([UInt8])->Void)->Void)])``, with the files
    /// in lanes: the files of one lane are produced one after another, in order, on one
    /// thread (they may share state built on first use); different lanes run at the same
    /// time, at most `width` of them (each lane on its own thread; 1: one file after another).
    /// Each file still goes to its own temporary file, and nothing is renamed until every
    /// lane has finished without error; then all are renamed in the order given. On failure,
    /// the error of the first failing file in that order is thrown and every temporary file
    /// is removed.
    public static func writeAll(_ files: [(path: String, lane: Int, produce: (([UInt8]) -> Void) -> Void)], width: Int) throws(CrosswalkError) {
        // Lanes start in ascending lane number (a caller numbers its longest first).
        let laneIDs = Set(files.map(\.lane)).sorted()
        let slots = LaneSlots(count: files.count)
        // Each file is produced by exactly one lane's thread; what the closures share across
        // lanes (the assessment, the organisation, the dataset) is only read.
        nonisolated(unsafe) let files = files
        // `width` workers take the lanes in order, one at a time.
        let next = LaneSlots.Counter()
        DispatchQueue.concurrentPerform(iterations: max(1, min(width, laneIDs.count))) { _ in
          while let l = next.take(below: laneIDs.count) {
            for (i, f) in files.enumerated() where f.lane == laneIDs[l] {
                do throws(CrosswalkError) {
                    let stream = try AtomicFileStream(path: f.path)
                    slots.set(i, stream: stream)
                    var failure: CrosswalkError?
                    f.produce { piece in
                        guard failure == nil else { return }
                        do throws(CrosswalkError) { try stream.write(piece) } catch { failure = error }
                    }
                    if let failure { throw failure }
                    try stream.finishWriting()
                } catch {
                    slots.set(i, failure: error)
                    break  // the rest of this lane is not produced
                }
            }
          }
        }
        let (streams, failures) = slots.take()
        do throws(CrosswalkError) {
            if let failure = failures.compactMap({ $0 }).first { throw failure }
            for s in streams { try s?.commit() }
        } catch {
            for s in streams { s?.abort() }
            throw error
        }
    }

    /// The streams and errors of ``writeAll(_:)-([(path:String,lane:Int,produce:(([UInt8])->Void)->Void)])``,
    /// one slot per file, written from the lanes' threads under a lock.
    private final class LaneSlots: @unchecked Sendable {
        private let lock = NSLock()
        private var streams: [AtomicFileStream?]
        private var failures: [CrosswalkError?]
        init(count: Int) {
            streams = Array(repeating: nil, count: count)
            failures = Array(repeating: nil, count: count)
        }
        func set(_ i: Int, stream: AtomicFileStream) { lock.withLock { streams[i] = stream } }
        func set(_ i: Int, failure: CrosswalkError) { lock.withLock { failures[i] = failure } }
        func take() -> ([AtomicFileStream?], [CrosswalkError?]) { lock.withLock { (streams, failures) } }

        /// Hands out 0, 1, 2 … once each, across threads.
        final class Counter: @unchecked Sendable {
            private let lock = NSLock()
            private var value = 0
            func take(below limit: Int) -> Int? {
                lock.withLock {
                    guard value < limit else { return nil }
                    defer { value += 1 }
                    return value
                }
            }
        }
    }

    /// Writes `bytes` in full to a new temporary file beside `path` and flushes it.
    /// - Returns: the temporary file's path.
    static func writeTemporary(_ bytes: [UInt8], for path: String) throws(CrosswalkError) -> String {
        let dir = (path as NSString).deletingLastPathComponent
        let name = (path as NSString).lastPathComponent
        let temp = (dir.isEmpty ? "." : dir) + "/.\(name).tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        // Registered as it is created, forgotten once renamed or removed: a signal in between removes it.
        var slot: Int32 = -1
        let fd = crosswalk_temp_create(temp, 0o644, &slot)
        defer { crosswalk_temp_unregister(slot) }
        guard fd >= 0 else { throw failure(path, "cannot create a file in \(dir.isEmpty ? "." : dir)") }
        var ok = true
        bytes.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let n = Foundation.write(fd, raw.baseAddress! + offset, raw.count - offset)
                if n <= 0 { if n < 0 && errno == EINTR { continue }; ok = false; return }
                offset += n
            }
        }
        let errorText = String(cString: strerror(errno))
        if ok && fsync(fd) != 0 { ok = false }
        close(fd)
        guard ok else {
            unlink(temp)
            throw CrosswalkError(.ioError, "write failed (\(errorText)); the previous file is unchanged", at: SourceLocation(file: path))
        }
        return temp
    }

    /// Creates the folder `path` is in, and its parents, if they do not exist.
    /// - Throws: ``CrosswalkError`` `io-error` naming the folder.
    static func createParentFolder(of path: String) throws(CrosswalkError) {
        try createFolder((path as NSString).deletingLastPathComponent)
    }

    /// Creates the folder `dir`, and its parents, if they do not exist.
    /// - Throws: ``CrosswalkError`` `io-error` naming the folder.
    static func createFolder(_ dir: String) throws(CrosswalkError) {
        guard !dir.isEmpty else { return }
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: dir, isDirectory: &isDirectory), isDirectory.boolValue { return }
        do { try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true) } catch {
            throw CrosswalkError(.ioError, "cannot create the folder: \(error.localizedDescription)", at: SourceLocation(file: dir))
        }
    }

    static func failure(_ path: String, _ what: String) -> CrosswalkError {
        CrosswalkError(.ioError, "\(what): \(String(cString: strerror(errno)))", at: SourceLocation(file: path))
    }
}
