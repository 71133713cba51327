import _CrosswalkXML

/// Everything reference data a run needs: the framework catalogues (and the crosswalks
/// between them), loaded from bundled and user files.
public struct Dataset: Sendable {
    public var catalogs: CatalogSet
    /// Warnings found while loading.
    public var warnings: [Diagnostic]

    public init(catalogs: CatalogSet = CatalogSet(), warnings: [Diagnostic] = []) {
        self.catalogs = catalogs
        self.warnings = warnings
    }

    /// Loads the bundled catalogues, then `extra` files (a user catalogue replaces a
    /// bundled one of the same framework).
    /// - Throws: ``CrosswalkError`` with every problem of every file.
    public static func load(bundled: Bool = true, extra: [InputFile] = [], limits: InputLimits = .default) throws(CrosswalkError) -> Dataset {
        var files: [InputFile] = []
        if bundled { files += try BundledData.files() }
        var userFrameworks: [FrameworkID: String] = [:]
        var data = Dataset()
        var problems: [Diagnostic] = []
        for (i, file) in (files + extra).enumerated() {
            do {
                let doc = try Document.load(file, limits: limits)
                switch doc {
                case .catalog(let catalog, let warnings):
                    let isUser = i >= files.count
                    if isUser {
                        if let other = userFrameworks[catalog.framework] {
                            problems.append(Diagnostic(.error, .duplicateFramework, "framework '\(catalog.framework)' is also defined by \(other); load one of them", at: SourceLocation(file: file.path)))
                        }
                        userFrameworks[catalog.framework] = file.path
                    }
                    data.catalogs.insert(catalog)
                    data.warnings += warnings
                }
            } catch {
                problems += error.diagnostics
            }
        }
        if !problems.isEmpty { throw CrosswalkError(diagnostics: problems) }
        return data
    }
}

/// A Crosswalk input document of any kind, told apart by its root element.
public enum Document: Sendable {
    case catalog(Catalog, warnings: [Diagnostic])

    /// Parses `file` and loads it according to its root element.
    public static func load(_ file: InputFile, limits: InputLimits = .default) throws(CrosswalkError) -> Document {
        let root = try parseXMLTree(file.bytes, file: file.path, limits: limits)
        switch root.name {
        case "catalog":
            let (catalog, warnings) = try CatalogLoader.load(root: root, file: file.path, fallbackFramework: nil)
            return .catalog(catalog, warnings: warnings)
        default:
            throw CrosswalkError(.unknownDocument, "<\(root.name)> is not a document Crosswalk reads; expected an OSCAL <catalog>", at: SourceLocation(file: file.path, line: root.line))
        }
    }
}
