import Foundation

/// The frameworks loaded for a run: catalogues keyed by framework, in a stable order.
public struct CatalogSet: Sendable {
    /// Catalogues sorted by framework key.
    public private(set) var catalogs: [Catalog] = []

    public init(_ catalogs: [Catalog] = []) {
        for c in catalogs { insert(c) }
    }

    /// Adds `catalog`, replacing one of the same framework.
    public mutating func insert(_ catalog: Catalog) {
        catalogs.removeAll { $0.framework == catalog.framework }
        let i = catalogs.firstIndex { $0.framework > catalog.framework } ?? catalogs.endIndex
        catalogs.insert(catalog, at: i)
    }

    /// The catalogue of `framework`.
    public func catalog(_ framework: FrameworkID) -> Catalog? { catalogs.first { $0.framework == framework } }

    /// The entry a reference names (by label, or failing that by OSCAL id).
    public func entry(_ ref: RequirementRef) -> CatalogEntry? { catalog(ref.framework)?.entry(labelOrID: ref.label) }

    public var frameworks: [FrameworkID] { catalogs.map(\.framework) }
}

/// A file read from disk or from the bundle: its path (for messages) and bytes.
public struct InputFile: Sendable {
    public var path: String
    public var bytes: [UInt8]
    public init(path: String, bytes: [UInt8]) {
        self.path = path
        self.bytes = bytes
    }
}

/// The catalogues (and, later, crosswalks) that ship with Crosswalk.
package enum BundledData {
    /// The folder of bundled catalogue and crosswalk files.
    public static var directory: URL? {
        Bundle.module.resourceURL?.appendingPathComponent("Catalogs", isDirectory: true)
    }

    /// The bundled `.xml` files, sorted by name.
    public static func files() throws(CrosswalkError) -> [InputFile] {
        guard let directory else {
            throw CrosswalkError(.ioError, "the bundled catalogues are missing from this build; rebuild Crosswalk or pass --catalogs", at: SourceLocation(file: "Catalogs"))
        }
        // Named by their place in the repository, not the build folder, so messages and
        // exports are the same on every machine.
        return try InputFile.xmlFiles(in: directory.path).map { file in
            var f = file
            f.path = "Catalogs/" + (file.path.split(separator: "/").last.map(String.init) ?? file.path)
            return f
        }
    }

    /// The bundled sample organisation (a mid-sized insurer; see `Docs/Sample.md`).
    public static func sampleOrganization() throws(CrosswalkError) -> InputFile {
        guard let url = Bundle.module.resourceURL?.appendingPathComponent("sample/insurer.xml") else {
            throw CrosswalkError(.ioError, "the bundled sample is missing from this build", at: SourceLocation(file: "sample/insurer.xml"))
        }
        var file = try InputFile.read(url.path)
        file.path = "sample/insurer.xml"
        return file
    }
}

extension InputFile {
    /// The largest file ``read(_:maxBytes:)`` reads by default: 2 GiB, the input limit of
    /// organisation files, the largest inputs Crosswalk accepts.
    public static let defaultMaxBytes = 2 << 30

    /// Reads one file, refusing one larger than `maxBytes` before reading it.
    /// - Throws: ``CrosswalkError`` with code `io-error` (missing, unreadable, a folder)
    ///   or `file-too-large`.
    public static func read(_ path: String, maxBytes: Int = defaultMaxBytes) throws(CrosswalkError) -> InputFile {
        func fail(_ what: String, code: CrosswalkError.Code = .ioError) -> CrosswalkError {
            CrosswalkError(code, what, at: SourceLocation(file: path))
        }
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else {
            throw fail(errno == ENOENT ? "no such file; check the path" : "cannot open the file (\(String(cString: strerror(errno)))); check its permissions")
        }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw fail("cannot read the file (\(String(cString: strerror(errno))))") }
        if (info.st_mode & S_IFMT) == S_IFDIR { throw fail("this is a folder, not a file; give the path of the file itself") }
        let size = Int(info.st_size)
        if size > maxBytes {
            throw fail("the file is \(size) bytes, more than the limit of \(maxBytes); split it or raise the input-size limit", code: .fileTooLarge)
        }
        // A regular file is read in one allocation of its size; a pipe or device grows the buffer, up to the limit.
        var bytes: [UInt8] = []
        if size > 0 {
            // Straight into the array, no chunk buffer: one read for a small file such as a
            // bundled catalogue (start-up reads seven of them).
            var failed = false
            bytes = [UInt8](unsafeUninitializedCapacity: size + 1) { buffer, count in
                while count < buffer.count {
                    let n = Foundation.read(fd, buffer.baseAddress! + count, buffer.count - count)
                    if n < 0 { if errno == EINTR { continue }; failed = true; return }
                    if n == 0 { return }
                    count += n
                }
            }
            if failed { throw fail("cannot read the file (\(String(cString: strerror(errno))))") }
            // At most `size` bytes read (the file has not grown): done.
            if bytes.count <= size { return InputFile(path: path, bytes: bytes) }
            if bytes.count > maxBytes {
                throw fail("the file is more than the limit of \(maxBytes) bytes; split it or raise the input-size limit", code: .fileTooLarge)
            }
        } else {
            bytes.reserveCapacity(1 << 16)
        }
        var chunk = [UInt8](repeating: 0, count: 1 << 20)
        while true {
            let n = chunk.withUnsafeMutableBytes { Foundation.read(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                throw fail("cannot read the file (\(String(cString: strerror(errno))))")
            }
            if n == 0 { break }
            bytes.append(contentsOf: chunk[0..<n])
            if bytes.count > maxBytes {
                throw fail("the file is more than the limit of \(maxBytes) bytes; split it or raise the input-size limit", code: .fileTooLarge)
            }
        }
        return InputFile(path: path, bytes: bytes)
    }

    /// Reads every `.xml` file directly in `directory`, sorted by name.
    public static func xmlFiles(in directory: String) throws(CrosswalkError) -> [InputFile] {
        let names: [String]
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isFolder) else {
            throw CrosswalkError(.ioError, "no such folder; check the path", at: SourceLocation(file: directory))
        }
        guard isFolder.boolValue else {
            throw CrosswalkError(.ioError, "this is a file, not a folder; --catalogs takes a folder of .xml files", at: SourceLocation(file: directory))
        }
        do { names = try FileManager.default.contentsOfDirectory(atPath: directory) } catch {
            throw CrosswalkError(.ioError, "cannot list the folder; check its permissions", at: SourceLocation(file: directory))
        }
        var files: [InputFile] = []
        for name in names.sorted() where name.hasSuffix(".xml") {
            files.append(try read(directory.hasSuffix("/") ? directory + name : directory + "/" + name))
        }
        return files
    }
}
