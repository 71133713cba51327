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
public enum BundledData {
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
    /// Reads one file.
    public static func read(_ path: String) throws(CrosswalkError) -> InputFile {
        guard let data = FileManager.default.contents(atPath: path) else {
            let exists = FileManager.default.fileExists(atPath: path)
            throw CrosswalkError(.ioError, exists ? "cannot read the file; check its permissions" : "no such file; check the path", at: SourceLocation(file: path))
        }
        return InputFile(path: path, bytes: [UInt8](data))
    }

    /// Reads every `.xml` file directly in `directory`, sorted by name.
    public static func xmlFiles(in directory: String) throws(CrosswalkError) -> [InputFile] {
        let names: [String]
        do { names = try FileManager.default.contentsOfDirectory(atPath: directory) } catch {
            throw CrosswalkError(.ioError, "cannot list the folder: \(error.localizedDescription)", at: SourceLocation(file: directory))
        }
        var files: [InputFile] = []
        for name in names.sorted() where name.hasSuffix(".xml") {
            files.append(try read(directory.hasSuffix("/") ? directory + name : directory + "/" + name))
        }
        return files
    }
}
