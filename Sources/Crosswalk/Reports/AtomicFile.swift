import Foundation

/// Writes files atomically: the bytes go to a temporary file in the same folder, which is
/// flushed and then renamed over the target. A failed or interrupted write leaves the
/// previous file intact and removes its temporary file.
public enum AtomicFile {
    /// Writes `bytes` to `path`.
    /// - Throws: ``CrosswalkError`` with code `io-error` naming the path and the cause.
    public static func write(_ bytes: [UInt8], to path: String) throws(CrosswalkError) {
        let dir = (path as NSString).deletingLastPathComponent
        let name = (path as NSString).lastPathComponent
        let temp = (dir.isEmpty ? "." : dir) + "/.\(name).tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        let fd = open(temp, O_WRONLY | O_CREAT | O_EXCL, 0o644)
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
        guard ok, rename(temp, path) == 0 else {
            unlink(temp)
            throw failure(path, "write failed (\(errorText)); the previous file is unchanged")
        }
    }

    static func failure(_ path: String, _ what: String) -> CrosswalkError {
        CrosswalkError(.ioError, "\(what): \(String(cString: strerror(errno)))", at: SourceLocation(file: path))
    }
}
