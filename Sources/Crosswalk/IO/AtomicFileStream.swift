import Foundation
internal import CCrosswalkSignals

/// A file written in pieces and published atomically, for outputs too large to hold in
/// memory: the bytes go to a temporary file in the same folder (buffered, 1 MiB at a
/// time), which ``commit()`` flushes and renames over the target. Until then, and after
/// ``abort()``, the previous file is intact.
package final class AtomicFileStream {
    public let path: String
    private let temp: String
    private var fd: Int32 = -1
    /// The temporary file's slot in the signal-cleanup registry (see `AtomicFile.installSignalCleanup()`).
    private var slot: Int32 = -1
    private var buffer: [UInt8] = []
    private static let bufferSize = 1 << 20

    /// Creates the temporary file.
    /// - Throws: ``CrosswalkError`` `io-error`.
    public init(path: String) throws(CrosswalkError) {
        let dir = (path as NSString).deletingLastPathComponent
        let name = (path as NSString).lastPathComponent
        self.path = path
        self.temp = (dir.isEmpty ? "." : dir) + "/.\(name).tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        // Registered as it is created: a SIGINT/SIGTERM/SIGHUP before commit or abort removes it.
        var slot: Int32 = -1
        self.fd = crosswalk_temp_create(temp, 0o644, &slot)
        self.slot = slot
        guard fd >= 0 else { throw AtomicFile.failure(path, "cannot create a file in \(dir.isEmpty ? "." : dir)") }
        buffer.reserveCapacity(Self.bufferSize)
    }

    deinit { abortNow() }

    /// Appends `bytes`.
    public func write(_ bytes: UnsafeRawBufferPointer) throws(CrosswalkError) {
        if buffer.count + bytes.count > Self.bufferSize { try flush() }
        if bytes.count >= Self.bufferSize { try writeAll(bytes) } else { buffer.append(contentsOf: bytes) }
    }

    /// Appends `bytes`.
    public func write(_ bytes: [UInt8]) throws(CrosswalkError) {
        let result: Result<Void, CrosswalkError> = bytes.withUnsafeBytes { raw in
            do throws(CrosswalkError) { try write(raw); return .success(()) } catch { return .failure(error) }
        }
        try result.get()
    }

    private func flush() throws(CrosswalkError) {
        guard !buffer.isEmpty else { return }
        let result: Result<Void, CrosswalkError> = buffer.withUnsafeBytes { raw in
            do throws(CrosswalkError) { try writeAll(raw); return .success(()) } catch { return .failure(error) }
        }
        buffer.removeAll(keepingCapacity: true)
        try result.get()
    }

    private func writeAll(_ raw: UnsafeRawBufferPointer) throws(CrosswalkError) {
        var offset = 0
        while offset < raw.count {
            let n = Foundation.write(fd, raw.baseAddress! + offset, raw.count - offset)
            if n < 0 && errno == EINTR { continue }
            if n <= 0 { throw AtomicFile.failure(path, "write failed; the previous file is unchanged") }
            offset += n
        }
    }

    /// Flushes, syncs and renames the temporary file over ``path``.
    /// - Throws: ``CrosswalkError`` `io-error`; the temporary file is removed.
    public func commit() throws(CrosswalkError) {
        try finishWriting()
        guard fd == Self.finished else { return }  // already published or aborted
        fd = -1
        defer { crosswalk_temp_unregister(slot); slot = -1 }
        guard rename(temp, path) == 0 else {
            let e = AtomicFile.failure(path, "cannot rename the finished file into place; the previous file is unchanged")
            unlink(temp)
            throw e
        }
    }

    /// Flushes, syncs and closes the temporary file without publishing it, so that several
    /// files can be completed first and then renamed together.
    /// - Throws: ``CrosswalkError`` `io-error`; the temporary file is removed.
    public func finishWriting() throws(CrosswalkError) {
        guard fd >= 0 else { return }
        do throws(CrosswalkError) { try flush() } catch { abortNow(); throw error }
        if fsync(fd) != 0 { let e = AtomicFile.failure(path, "write failed; the previous file is unchanged"); abortNow(); throw e }
        close(fd)
        fd = Self.finished
    }

    /// `fd` once the temporary file is complete and closed but not yet renamed.
    private static let finished: Int32 = -2

    /// Drops the temporary file; the target is left as it was.
    public func abort() { abortNow() }

    private func abortNow() {
        if fd >= 0 { close(fd); unlink(temp) } else if fd == Self.finished { unlink(temp) }
        fd = -1
        crosswalk_temp_unregister(slot)
        slot = -1
    }
}
