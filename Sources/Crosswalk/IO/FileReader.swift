import Foundation

/// Reads a file a piece at a time (for inputs too large to hold in memory twice).
struct FileReader: ~Copyable {
    let path: String
    private let fd: Int32
    /// The first read error, if any; reading stops there.
    private(set) var error: CrosswalkError?

    /// Opens `path`.
    /// - Throws: ``CrosswalkError`` `io-error`, worded as ``InputFile/read(_:)``.
    init(path: String) throws(CrosswalkError) {
        self.path = path
        fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else {
            let exists = FileManager.default.fileExists(atPath: path)
            throw CrosswalkError(.ioError, exists ? "cannot read the file; check its permissions" : "no such file; check the path", at: SourceLocation(file: path))
        }
        var info = stat()
        if fstat(fd, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR {
            close(fd)
            throw CrosswalkError(.ioError, "this is a folder, not a file; give the path of the file itself (e.g. Fixtures/sample/insurer.xml)", at: SourceLocation(file: path))
        }
    }

    deinit { close(fd) }

    /// Fills as much of `buffer` as one read gives; 0 at the end or after an error.
    mutating func read(into buffer: UnsafeMutableRawBufferPointer) -> Int {
        guard error == nil, let base = buffer.baseAddress, buffer.count > 0 else { return 0 }
        while true {
            let n = Foundation.read(fd, base, buffer.count)
            if n >= 0 { return n }
            if errno == EINTR { continue }
            error = CrosswalkError(.ioError, "read failed: \(String(cString: strerror(errno)))", at: SourceLocation(file: path))
            return 0
        }
    }
}
