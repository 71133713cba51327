import _CrosswalkXML
import Foundation

/// Reads an organisation file (`Docs/OrganisationFormat.md`) with the streaming reader
/// (no tree of the input is built), then checks it with ``OrganizationValidator``.
package enum OrganizationLoader {
    public static let namespace = "urn:crosswalk:organization:1"

    /// Limits for organisation files, which may be large.
    public static var defaultLimits: InputLimits {
        var l = InputLimits()
        l.xml.maxInputBytes = 2 << 30
        l.xml.maxElements = 200_000_000
        l.xml.maxDepth = 16
        return l
    }

    /// Loads and checks an organisation.
    /// - Throws: ``CrosswalkError`` with every problem found (unknown requirement, system
    ///   or person, duplicate id, bad date, evidence pointing at nothing …), each located.
    public static func load(_ bytes: [UInt8], file: String, catalogs: CatalogSet, limits: InputLimits = defaultLimits) throws(CrosswalkError) -> (organization: Organization, warnings: [Diagnostic]) {
        try load(bytes, file: file, catalogs: catalogs, limits: limits, checkWhileReading: true)
    }

    /// ``load(_:file:catalogs:limits:)``; `checkWhileReading` false leaves every evidence
    /// check to ``OrganizationValidator``'s loop (the tests compare the two ways).
    static func load(_ bytes: [UInt8], file: String, catalogs: CatalogSet, limits: InputLimits = defaultLimits,
                     checkWhileReading: Bool) throws(CrosswalkError) -> (organization: Organization, warnings: [Diagnostic]) {
        var handler = OrganizationHandler(file: file, catalogs: checkWhileReading ? catalogs : nil, expectedBytes: bytes.count)
        handler.limits = limits
        let result: Result<Void, XMLParseError> = bytes.withUnsafeBytes { raw in
            do throws(XMLParseError) {
                try XMLStreamReader.parseEvents(raw, limits: limits.xml.raw, handler: &handler)
                return .success(())
            } catch {
                return .failure(error)
            }
        }
        if case .failure(let error) = result { throw handler.wrongRoot ?? CrosswalkError(error, file: file) }
        return try finish(handler, file: file, catalogs: catalogs)
    }

    /// Loads and checks the organisation file at `path`, reading it a piece at a time:
    /// memory grows with the records kept, not with the size of the file.
    /// - Parameter file: the name used in messages (default: `path`).
    /// - Parameter progress: called with the fraction of the file read (0…1), at most once
    ///   per percent, for progress displays.
    /// - Throws: ``CrosswalkError`` as ``load(_:file:catalogs:limits:)``, or `io-error`.
    public static func load(contentsOf path: String, file: String? = nil, catalogs: CatalogSet, limits: InputLimits = defaultLimits,
                            progress: ((Double) -> Void)? = nil) throws(CrosswalkError) -> (organization: Organization, warnings: [Diagnostic]) {
        let name = file ?? path
        var reader = try FileReader(path: path)
        let total = max((try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0, 1)
        var handler = OrganizationHandler(file: name, catalogs: catalogs, expectedBytes: min(total, limits.xml.maxInputBytes))
        handler.limits = limits
        var read = 0, lastPercent = -1
        do {
            try XMLStreamReader.parseEvents(limits: limits.xml.raw, handler: &handler) { buffer in
                let n = reader.read(into: buffer)
                if let progress, n > 0 {
                    read += n
                    let percent = min(read * 100 / total, 100)
                    if percent != lastPercent { lastPercent = percent; progress(Double(min(read, total)) / Double(total)) }
                }
                return n
            }
        } catch {
            if let ioError = reader.error { throw ioError }
            throw handler.wrongRoot ?? CrosswalkError(error, file: name)
        }
        if let ioError = reader.error { throw ioError }
        return try finish(handler, file: name, catalogs: catalogs)
    }

    private static func finish(_ handler: consuming OrganizationHandler, file: String, catalogs: CatalogSet) throws(CrosswalkError) -> (organization: Organization, warnings: [Diagnostic]) {
        var log = handler.log
        var org = handler.org
        org.source = file
        OrganizationValidator.check(org, catalogs: catalogs, log: &log, refusedTiers: handler.refusedTiers, refusedAnnexIII: handler.refusedAnnexIII,
                                    evidenceChecked: handler.evidenceChecked)
        try OrganizationValidator.throwSorted(log)
        return (org, log.items)
    }

    /// Checks an organisation built in code or merged from several sources (XML plus CSV
    /// imports) with ``OrganizationValidator``: required facts, and every reference.
    /// - Throws: ``CrosswalkError`` with every problem found, sorted by position.
    public static func check(_ organization: Organization, catalogs: CatalogSet) throws(CrosswalkError) {
        try OrganizationValidator.validate(organization, catalogs: catalogs)
    }
}

extension InputLimits {
    /// For organisation files, which may be large (2 GiB, 200 million elements, depth 16).
    public static var organization: InputLimits { OrganizationLoader.defaultLimits }
}

extension Organization {
    /// Reads and checks the organisation file at `path` (`Docs/OrganisationFormat.md`), a
    /// piece at a time; its warnings are in ``warnings``.
    /// - Parameters:
    ///   - path: the file to read.
    ///   - catalogs: the catalogues its requirements are checked against (`dataset.catalogs`).
    ///   - limits: the bounds on the file (default: ``InputLimits/organization``).
    ///   - progress: called with the fraction of the file read (0…1), at most once per percent.
    /// - Throws: ``CrosswalkError`` with every problem found, each located (`io-error` when
    ///   the file cannot be read).
    public init(contentsOf path: String, catalogs: CatalogSet, limits: InputLimits = .organization,
                progress: ((Double) -> Void)? = nil) throws(CrosswalkError) {
        let (org, warnings) = try OrganizationLoader.load(contentsOf: path, catalogs: catalogs, limits: limits, progress: progress)
        self = org
        self.warnings = warnings
    }

    /// Reads and checks an organisation file held in memory, named `file` in messages.
    /// - Throws: ``CrosswalkError`` as ``init(contentsOf:catalogs:limits:progress:)``.
    public init(xml bytes: [UInt8], file: String, catalogs: CatalogSet, limits: InputLimits = .organization) throws(CrosswalkError) {
        let (org, warnings) = try OrganizationLoader.load(bytes, file: file, catalogs: catalogs, limits: limits)
        self = org
        self.warnings = warnings
    }
}
