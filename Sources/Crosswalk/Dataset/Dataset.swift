import _CrosswalkXML

/// The reference data a run needs: the framework catalogues, the crosswalks between them,
/// and the mapping graph built from both. Loaded from bundled and user files.
///
/// A `Dataset` is immutable: its catalogues, crosswalks and graph are built together and
/// cannot drift apart. Load it once and share it: it is `Sendable`, and assessing many
/// organisations against it at once is safe (``assess(_:options:)``).
public struct Dataset: Sendable {
    public private(set) var catalogs: CatalogSet
    public private(set) var collections: [MappingCollection]
    public private(set) var graph: MappingGraph
    /// Warnings found while loading.
    public private(set) var warnings: [Diagnostic]
    /// The SHA-256 of every catalogue and crosswalk file loaded, catalogues first, each in
    /// load order (empty when built in code). See ``Provenance``.
    ///
    /// Computed on first use (a run that never writes provenance never hashes the files),
    /// then kept.
    public var sources: [FileDigest] { pendingSources?.digests ?? [] }
    /// The loaded files, hashed on first use of ``sources``.
    private var pendingSources: PendingDigests?

    public init(catalogs: CatalogSet, collections: [MappingCollection] = [], warnings: [Diagnostic] = []) {
        self.catalogs = catalogs
        self.collections = collections
        self.graph = MappingGraph(catalogs: catalogs, mappings: collections.flatMap(\.mappings))
        self.warnings = warnings
    }

    /// Loads the bundled catalogues and crosswalks, then `extra` files (a user catalogue
    /// replaces a bundled one of the same framework; user crosswalks load beside ours).
    /// Catalogues load before crosswalks, whatever the order of the files. `limits` apply to
    /// the `extra` files; the bundled files, which ship with Crosswalk, always load under
    /// ``InputLimits/default``, so tightening the limits for a client's files keeps the
    /// reference data loadable.
    /// - Throws: ``CrosswalkError`` with every problem of every file.
    /// `dateOverlays` (``DateOverlay`` files) are applied, in order, to the catalogues once
    /// they are loaded: the way a user follows the Official Journal.
    package static func load(bundled: Bool = true, extra: [InputFile] = [], dateOverlays: [InputFile] = [],
                            limits: InputLimits = .default) throws(CrosswalkError) -> Dataset {
        var files: [(file: InputFile, isUser: Bool)] = []
        if bundled { files += try BundledData.files().map { ($0, false) } }
        files += extra.map { ($0, true) }
        var problems: [Diagnostic] = []
        var warnings: [Diagnostic] = []
        func limitsOf(user isUser: Bool) -> InputLimits { isUser ? limits : .default }
        var trees: [(file: InputFile, isUser: Bool, root: XMLElement)] = []
        for (file, isUser) in files {
            do { trees.append((file, isUser, try parseXMLTree(file.bytes, file: file.path, limits: limitsOf(user: isUser)))) } catch { problems += error.diagnostics }
        }
        // Catalogues first.
        var catalogs = CatalogSet()
        var sources: [PendingDigests.File] = []
        var userFrameworks: [FrameworkID: String] = [:]
        for t in trees where t.root.name == "catalog" {
            do {
                let (catalog, w) = try CatalogLoader.load(root: t.root, file: t.file.path, fallbackFramework: nil, limits: limitsOf(user: t.isUser))
                if t.isUser || !bundled {
                    if let other = userFrameworks[catalog.framework] {
                        problems.append(Diagnostic(.error, .duplicateFramework, "framework '\(catalog.framework)' is also defined by \(other); load one of them", at: SourceLocation(file: t.file.path)))
                    }
                    userFrameworks[catalog.framework] = t.file.path
                }
                catalogs.insert(catalog)
                sources.append(.init(kind: .catalog, name: t.file.path, subject: catalog.framework.rawValue, bytes: t.file.bytes))
                warnings += w
            } catch { problems += error.diagnostics }
        }
        // Date overlays correct the catalogues' dates.
        for file in dateOverlays {
            do { catalogs = try catalogs.applying(DateOverlay.load(file.bytes, file: file.path, limits: limits)) } catch { problems += error.diagnostics }
        }
        // Then crosswalks, resolved against them.
        var collections: [MappingCollection] = []
        for t in trees where t.root.name != "catalog" {
            guard t.root.name == "mapping-collection" else {
                problems.append(Diagnostic(.error, .unknownDocument, "<\(t.root.name)> is not a reference document; expected an OSCAL <catalog> or <mapping-collection>", at: SourceLocation(file: t.file.path, line: t.root.line)))
                continue
            }
            do {
                let (collection, w) = try MappingLoader.load(root: t.root, file: t.file.path, catalogs: catalogs, limits: limitsOf(user: t.isUser))
                collections.append(collection)
                sources.append(.init(kind: .crosswalk, name: t.file.path, subject: collection.title, bytes: t.file.bytes))
                warnings += w
            } catch { problems += error.diagnostics }
        }
        problems += crossCollectionProblems(collections)
        if !problems.isEmpty { throw CrosswalkError(diagnostics: problems) }
        var dataset = Dataset(catalogs: catalogs, collections: collections, warnings: warnings)
        dataset.pendingSources = PendingDigests(sources)
        return dataset
    }

    /// Duplicates across files, and contradictions: A subset-of B and A superset-of B
    /// asserted without A equal-to (or equivalent-to) B.
    static func crossCollectionProblems(_ collections: [MappingCollection]) -> [Diagnostic] {
        struct PairKey: Hashable { var a: RequirementRef; var b: RequirementRef }
        /// What the mappings of one unordered pair assert: a bit per relationship (by rank,
        /// read from `a` to `b`), the first location of each rationale, the last mapping's.
        struct Pair {
            var kinds: UInt8 = 0
            var firstByRationale: [(MatchingRationale, SourceLocation)] = []
            var last: SourceLocation
        }
        var pairIndex: [PairKey: Int] = [:]
        var pairs: [(key: PairKey, pair: Pair)] = []
        var problems: [Diagnostic] = []
        for collection in collections {
            for m in collection.mappings {
                // Normalise the direction so A→B and B→A (inverse) are one pair.
                let forward = m.source < m.target
                let key = PairKey(a: forward ? m.source : m.target, b: forward ? m.target : m.source)
                let rel = forward ? m.relationship : m.relationship.inverse
                let i: Int
                if let found = pairIndex[key] { i = found } else {
                    i = pairs.count
                    pairIndex[key] = i
                    pairs.append((key, Pair(last: m.location)))
                }
                if let first = pairs[i].pair.firstByRationale.first(where: { $0.0 == m.rationale })?.1 {
                    if first.file != m.location.file {
                        problems.append(Diagnostic(.error, .duplicateIdentifier, "\(m.source) and \(m.target) are already mapped with the \(m.rationale.rawValue) rationale at \(first); remove one", at: m.location))
                    }
                } else {
                    pairs[i].pair.firstByRationale.append((m.rationale, m.location))
                }
                pairs[i].pair.kinds |= 1 << UInt8(rel.rank)
                pairs[i].pair.last = m.location
            }
        }
        func has(_ kinds: UInt8, _ r: Relationship) -> Bool { kinds & (1 << UInt8(r.rank)) != 0 }
        for (key, pair) in pairs {
            let k = pair.kinds
            if has(k, .subsetOf) && has(k, .supersetOf) && !has(k, .equalTo) && !has(k, .equivalentTo) {
                problems.append(Diagnostic(.error, .invalidValue, "contradictory mappings: \(key.a) is asserted both subset-of and superset-of \(key.b) but not equal-to; if they are the same, say equal-to or equivalent-to, else intersects-with", at: pair.last))
            }
        }
        return problems
    }
}

/// A Crosswalk input document of any kind, told apart by its root element.
package enum Document: Sendable {
    case catalog(Catalog, warnings: [Diagnostic])
    case mappingCollection(MappingCollection, warnings: [Diagnostic])
    /// A ``DateOverlay``, checked against `catalogs` when any are given.
    case dateOverlay(DateOverlay)

    /// Parses `file` and loads it according to its root element; crosswalks are resolved
    /// against `catalogs`.
    public static func load(_ file: InputFile, catalogs: CatalogSet = CatalogSet(), limits: InputLimits = .default) throws(CrosswalkError) -> Document {
        let root = try parseXMLTree(file.bytes, file: file.path, limits: limits)
        switch root.name {
        case "catalog":
            let (catalog, warnings) = try CatalogLoader.load(root: root, file: file.path, fallbackFramework: nil, limits: limits)
            return .catalog(catalog, warnings: warnings)
        case "mapping-collection":
            let (collection, warnings) = try MappingLoader.load(root: root, file: file.path, catalogs: catalogs, limits: limits)
            return .mappingCollection(collection, warnings: warnings)
        case "date-overlay":
            let overlay = try DateOverlay.load(file.bytes, file: file.path, limits: limits)
            if !catalogs.catalogs.isEmpty { _ = try catalogs.applying(overlay) }
            return .dateOverlay(overlay)
        default:
            throw CrosswalkError(.unknownDocument, "<\(root.name)> is not a document Crosswalk reads; expected an OSCAL <catalog> or <mapping-collection>, or a <date-overlay>", at: SourceLocation(file: file.path, line: root.line))
        }
    }
}
