import _CrosswalkXML

/// Reads OSCAL 1.2 `mapping-collection` XML into a ``MappingCollection``, resolving every
/// `id-ref` against the loaded catalogues.
package enum MappingLoader {
    public static let supportedOSCALVersions = ["1.1.x", "1.2.x"]

    /// Loads a crosswalk from the bytes of a mapping-collection document.
    /// - Throws: ``CrosswalkError`` carrying every problem found (unknown framework or id,
    ///   bad relationship or strength, duplicate map …), each with its line.
    public static func load(_ bytes: [UInt8], file: String, catalogs: CatalogSet, limits: InputLimits = .default) throws(CrosswalkError) -> (collection: MappingCollection, warnings: [Diagnostic]) {
        let root = try parseXMLTree(bytes, file: file, limits: limits)
        return try load(root: root, file: file, catalogs: catalogs, limits: limits)
    }

    static func load(root: XMLElement, file: String, catalogs: CatalogSet, limits: InputLimits = .default) throws(CrosswalkError) -> (collection: MappingCollection, warnings: [Diagnostic]) {
        var reader = MappingReader(file: file, catalogs: catalogs, limits: limits)
        let collection = reader.read(root)
        try reader.log.throwIfErrors()
        return (collection!, reader.log.items)
    }
}

/// A mapped pair and its rationale: one map per key.
struct MappingKey: Hashable {
    var source: RequirementRef
    var target: RequirementRef
    var rationale: MatchingRationale
}

private struct MappingReader {
    var log: DiagnosticLog
    let catalogs: CatalogSet
    let file: String
    let limits: InputLimits
    static let oscal = Catalog.oscalNamespace
    static let cw = Catalog.crosswalkNamespace
    static let collectionChildren: Set<String> = ["metadata", "provenance", "mapping", "back-matter"]
    static let mappingChildren: Set<String> = ["source-resource", "target-resource", "map", "prop", "link", "remarks", "mapping-description", "source-gap-summary",
                                               "target-gap-summary", "confidence-score", "coverage"]
    static let mapChildren: Set<String> = ["prop", "link", "relationship", "source", "target", "qualifier", "confidence-score", "coverage", "remarks"]

    init(file: String, catalogs: CatalogSet, limits: InputLimits) {
        self.file = file
        self.catalogs = catalogs
        self.limits = limits
        self.log = DiagnosticLog(file: file)
    }

    mutating func read(_ root: XMLElement) -> MappingCollection? {
        guard root.name == "mapping-collection", root.namespace == Self.oscal else {
            log.error(.unknownDocument, "expected an OSCAL mapping-collection (<mapping-collection xmlns=\"\(Self.oscal)\">), found <\(root.name)>", line: root.line)
            return nil
        }
        let uuid = root.attribute("uuid") ?? ""
        if uuid.isEmpty { log.error(.missingAttribute, "<mapping-collection> needs a uuid attribute", line: root.line) }
        for case .element(let child) in root.children where child.namespace != Self.oscal || !Self.collectionChildren.contains(child.name) {
            log.error(.unknownElement, "<\(child.name)> is not allowed in <mapping-collection>; expected metadata, provenance, mapping or back-matter", line: child.line)
        }
        guard let metadata = root.firstElement(named: "metadata") else {
            log.error(.missingElement, "<mapping-collection> needs <metadata> with <title>, <last-modified>, <version> and <oscal-version>", line: root.line)
            return nil
        }
        let oscalVersion = metadata.firstElement(named: "oscal-version")?.textContent ?? ""
        if !(oscalVersion.hasPrefix("1.1.") || oscalVersion.hasPrefix("1.2.")) {
            log.error(.unsupportedVersion, "OSCAL version '\(oscalVersion)' is not supported for mapping collections; supported: \(MappingLoader.supportedOSCALVersions.joined(separator: ", "))",
                      line: metadata.firstElement(named: "oscal-version")?.line ?? metadata.line)
        }
        let title = metadata.firstElement(named: "title")?.textContent ?? ""
        if title.isEmpty { log.error(.missingElement, "<metadata> needs a <title>", line: metadata.line) }
        var method = "", status = "", description = ""
        var defaultRationale = MatchingRationale.semantic
        if let provenance = root.firstElement(named: "provenance") {
            method = provenance.attribute("method") ?? ""
            status = provenance.attribute("status") ?? ""
            description = provenance.firstElement(named: "mapping-description")?.textContent ?? ""
            if let r = provenance.attribute("matching-rationale") {
                if let m = MatchingRationale(rawValue: r) { defaultRationale = m }
                else { log.error(.invalidValue, "matching-rationale '\(r)' must be syntactic, semantic or functional", line: provenance.line) }
            } else {
                log.error(.missingAttribute, "<provenance> needs matching-rationale (syntactic, semantic or functional)", line: provenance.line)
            }
            if method.isEmpty { log.error(.missingAttribute, "<provenance> needs method (human, automation or hybrid)", line: provenance.line) }
            if status.isEmpty { log.error(.missingAttribute, "<provenance> needs status (e.g. draft, complete)", line: provenance.line) }
        } else {
            log.error(.missingElement, "<mapping-collection> needs <provenance method=… matching-rationale=… status=…> after <metadata>", line: root.line)
        }
        var mappings: [Mapping] = []
        var seen: [MappingKey: Int] = [:]
        let blocks = root.elements(named: "mapping")
        if blocks.isEmpty { log.error(.missingElement, "<mapping-collection> has no <mapping>", line: root.line) }
        for block in blocks {
            guard let sourceFW = framework(of: block.firstElement(named: "source-resource"), role: "source-resource", in: block),
                  let targetFW = framework(of: block.firstElement(named: "target-resource"), role: "target-resource", in: block)
            else { continue }
            for case .element(let child) in block.children where !Self.mappingChildren.contains(child.name) {
                log.error(.unknownElement, "<\(child.name)> is not allowed in <mapping>", line: child.line)
            }
            for case .element(let map) in block.children where map.name == "map" {
                for m in readMap(map, sourceFW: sourceFW, targetFW: targetFW, defaultRationale: defaultRationale) {
                    let key = MappingKey(source: m.source, target: m.target, rationale: m.rationale)
                    if let first = seen[key] {
                        log.error(.duplicateIdentifier, "\(m.source) → \(m.target) with \(m.rationale.rawValue) rationale is mapped twice (first at line \(first)); keep one map per pair and rationale", line: m.location.line)
                    } else {
                        seen[key] = m.location.line
                        mappings.append(m)
                    }
                }
            }
        }
        return MappingCollection(uuid: uuid, title: title, version: metadata.firstElement(named: "version")?.textContent ?? "", oscalVersion: oscalVersion,
                                 method: method, status: status, matchingRationale: defaultRationale, description: description,
                                 remarks: metadata.firstElement(named: "remarks")?.textContent ?? "", source: file, mappings: mappings)
    }

    /// The framework a source-resource / target-resource points at.
    mutating func framework(of element: XMLElement?, role: String, in block: XMLElement) -> FrameworkID? {
        guard let element else {
            log.error(.missingElement, "<mapping> needs a <\(role) type=\"catalog\" href=…>", line: block.line)
            return nil
        }
        for p in element.elements(named: "prop") where p.attribute("name") == "framework" && p.attribute("ns") == Self.cw {
            let fw = FrameworkID(p.attribute("value") ?? "")
            if catalogs.catalog(fw) != nil { return fw }
            log.error(.unknownFramework, "\(role) names framework '\(fw)', which is not loaded (loaded: \(catalogs.frameworks.map(\.rawValue).joined(separator: ", "))); load its catalogue with --catalogs", line: p.line)
            return nil
        }
        let href = element.attribute("href") ?? ""
        if href.hasPrefix("#") {
            let uuid = String(href.dropFirst())
            if let c = catalogs.catalogs.first(where: { $0.uuid == uuid }) { return c.framework }
        } else if !href.isEmpty {
            let stem = CatalogLoader.stem(of: href)
            if catalogs.catalog(FrameworkID(stem)) != nil { return FrameworkID(stem) }
        }
        log.error(.unknownFramework, "cannot tell which loaded catalogue \(role) href='\(href)' means; add <prop name=\"framework\" ns=\"\(Self.cw)\" value=\"…\"/> naming one of \(catalogs.frameworks.map(\.rawValue).joined(separator: ", "))", line: element.line)
        return nil
    }

    mutating func resolve(_ item: XMLElement, framework: FrameworkID) -> RequirementRef? {
        guard var ref = item.attribute("id-ref"), !ref.isEmpty else {
            log.error(.missingAttribute, "<\(item.name)> needs an id-ref naming a control of \(framework)", line: item.line)
            return nil
        }
        if ref.hasPrefix("#") { ref.removeFirst() }
        if let problem = limits.identifierProblem(ref, "id-ref") {
            log.error(.identifierTooLong, problem, line: item.line)
            return nil
        }
        // By index: no copy of the whole entry for its label.
        guard let catalog = catalogs.catalog(framework), let i = catalog.index(ofID: ref) ?? catalog.index(ofLabel: ref) else {
            log.error(.unknownRequirement, "\(framework) has no entry with id or label '\(ref)'; check the id against `crosswalk show \(framework)`", line: item.line)
            return nil
        }
        return RequirementRef(framework, catalog.entries[i].label)
    }

    mutating func readMap(_ map: XMLElement, sourceFW: FrameworkID, targetFW: FrameworkID, defaultRationale: MatchingRationale) -> [Mapping] {
        let line = map.line
        let uuid = map.attribute("uuid") ?? ""
        if uuid.isEmpty { log.error(.missingAttribute, "<map> needs a uuid attribute", line: line) }
        else if let problem = limits.identifierProblem(uuid, "the uuid of <map>") { log.error(.identifierTooLong, problem, line: line) }
        for case .element(let child) in map.children where !Self.mapChildren.contains(child.name) {
            log.error(.unknownElement, "<\(child.name)> is not allowed in <map>", line: child.line)
        }
        var rationale = defaultRationale
        if let r = map.attribute("matching-rationale") {
            if let m = MatchingRationale(rawValue: r) { rationale = m }
            else { log.error(.invalidValue, "matching-rationale '\(r)' must be syntactic, semantic or functional", line: line) }
        }
        let relElement = map.firstElement(named: "relationship")
        let relText = relElement?.textContent ?? ""
        let relationship = Relationship(rawValue: relText)
        if relationship == nil {
            log.error(.invalidValue, relText.isEmpty ? "<map> needs a <relationship>" : "relationship '\(relText)' is not one of \(Relationship.allCases.map(\.rawValue).joined(separator: ", "))",
                      line: relElement?.line ?? line)
        }
        var strength: Int?
        let props = map.elements(named: "prop")
        for p in props where p.attribute("ns") == Self.cw {
            switch p.attribute("name") {
            case "strength":
                let v = p.attribute("value") ?? ""
                if let s = Int(v), (0...10).contains(s) { strength = s }
                else { log.error(.invalidValue, "strength '\(v)' must be a whole number from 0 to 10", line: p.line) }
            default:
                log.error(.unknownProperty, "prop '\(p.attribute("name") ?? "")' is not a Crosswalk map prop; use strength", line: p.line)
            }
        }
        if strength == nil && !props.contains(where: { $0.attribute("name") == "strength" }) {
            log.error(.missingElement, "<map> needs <prop name=\"strength\" ns=\"\(Self.cw)\" value=\"0–10\"/>", line: line)
        }
        if let r = relationship, let s = strength {
            if r == .equalTo && s != 10 { log.warning(.invalidValue, "equal-to has strength 10 by definition (NIST IR 8278A), found \(s)", line: line) }
            if r == .noRelationship && s != 0 { log.warning(.invalidValue, "no-relationship has strength 0 by definition, found \(s)", line: line) }
            if r != .equalTo && r != .noRelationship && r != .equivalentTo && (s == 0 || s == 10) {
                log.warning(.invalidValue, "\(r.rawValue) with strength \(s): 10 is for equal-to and 0 for no-relationship", line: line)
            }
        }
        let justification = map.firstElement(named: "remarks")?.textContent ?? ""
        let sourceElements = map.elements(named: "source"), targetElements = map.elements(named: "target")
        let sources = sourceElements.compactMap { resolve($0, framework: sourceFW) }
        let targets = targetElements.compactMap { resolve($0, framework: targetFW) }
        if sourceElements.isEmpty { log.error(.missingElement, "<map> needs a <source type=\"control\" id-ref=…>", line: line) }
        if targetElements.isEmpty { log.error(.missingElement, "<map> needs a <target type=\"control\" id-ref=…>", line: line) }
        guard let relationship, let strength else { return [] }
        var out: [Mapping] = []
        for s in sources {
            for t in targets {
                out.append(Mapping(source: s, target: t, relationship: relationship, strength: strength, rationale: rationale,
                                   justification: justification, uuid: uuid, location: SourceLocation(file: file, line: line, column: map.column)))
            }
        }
        return out
    }
}
