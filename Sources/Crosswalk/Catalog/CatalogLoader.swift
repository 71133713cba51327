import _CrosswalkXML

/// Reads OSCAL 1.2 catalog XML into a ``Catalog``.
///
/// Any valid OSCAL 1.x catalog loads; Crosswalk's own props (namespace
/// ``Catalog/crosswalkNamespace``) are checked against their vocabularies. Every problem
/// in the file is reported, not only the first.
package enum CatalogLoader {
    /// OSCAL versions whose catalog model this loader reads.
    public static let supportedOSCALVersions = ["1.0.x", "1.1.x", "1.2.x"]

    /// Loads a catalogue from the bytes of an OSCAL catalog document.
    ///
    /// - Parameters:
    ///   - bytes: the file's contents.
    ///   - file: the path to name in errors.
    ///   - fallbackFramework: the framework key for a catalogue without a Crosswalk
    ///     `framework` prop (a foreign OSCAL catalog); defaults to the file name's stem.
    /// - Returns: the catalogue and the warnings found.
    /// - Throws: ``CrosswalkError`` carrying every error found.
    public static func load(_ bytes: [UInt8], file: String, fallbackFramework: FrameworkID? = nil,
                            limits: InputLimits = .default) throws(CrosswalkError) -> (catalog: Catalog, warnings: [Diagnostic]) {
        let root = try parseXMLTree(bytes, file: file, limits: limits)
        return try load(root: root, file: file, fallbackFramework: fallbackFramework, limits: limits)
    }

    static func load(root: XMLElement, file: String, fallbackFramework: FrameworkID?, limits: InputLimits = .default) throws(CrosswalkError) -> (catalog: Catalog, warnings: [Diagnostic]) {
        var reader = Reader(file: file, limits: limits)
        let catalog = reader.read(root: root, fallbackFramework: fallbackFramework ?? FrameworkID(stem(of: file)))
        try reader.log.throwIfErrors()
        return (catalog!, reader.log.items)
    }

    static func stem(of path: String) -> String {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        if let dot = name.lastIndex(of: "."), dot != name.startIndex { return String(name[..<dot]) }
        return name
    }
}

/// Checks an OSCAL token: a letter or `_` first, then letters, digits, `.`, `-`, `_`.
func isOSCALToken(_ s: String) -> Bool {
    // ASCII answered without the Unicode property tables (the same answers: in ASCII only
    // A–Z and a–z are alphabetic and only 0–9 have a numeric type).
    func isLetter(_ c: Unicode.Scalar) -> Bool {
        c.value < 0x80 ? (c >= "a" && c <= "z") || (c >= "A" && c <= "Z") : c.properties.isAlphabetic
    }
    func isNumeric(_ c: Unicode.Scalar) -> Bool { c.value < 0x80 ? c >= "0" && c <= "9" : c.properties.numericType != nil }
    guard let first = s.unicodeScalars.first, first == "_" || isLetter(first) else { return false }
    return s.unicodeScalars.allSatisfy { isLetter($0) || isNumeric($0) || $0 == "." || $0 == "-" || $0 == "_" }
}

private struct Reader {
    var log: DiagnosticLog
    var entries: [CatalogEntry] = []
    var seenIDs: [String: Int] = [:]
    var seenLabels: [String: Int] = [:]
    /// Act ids named by application dates, with the line naming them, checked once the
    /// back-matter has been read.
    var actReferences: [(id: String, line: Int)] = []
    let file: String
    let limits: InputLimits

    init(file: String, limits: InputLimits) {
        self.file = file
        self.limits = limits
        self.log = DiagnosticLog(file: file)
    }

    static let oscal = Catalog.oscalNamespace
    static let cw = Catalog.crosswalkNamespace
    static let catalogChildren: Set<String> = ["metadata", "param", "control", "group", "back-matter"]
    static let entryChildren: Set<String> = ["title", "param", "prop", "link", "part", "group", "control"]
    static let crosswalkProps: Set<String> = ["framework", "edition", "licence", "kind", "scope", "obligation", "actor", "risk-tier",
                                              "applies-from", "applies-from-basis", "condition", "applies-with", "process", "stage", "party", "retention",
                                              "applies-from-…", "applies-from-…-basis"]
    /// A catalogue's actors: the organisation's EU roles (`EURole`), `operator` (any role) and `gpai-provider`.
    static let actors = Set(EURole.allowedValues + ["operator", "gpai-provider"])
    /// A catalogue's tiers: the declared risk tiers (`RiskTier`, but `unclassified`, which no obligation names) and `any`.
    static let tiers = Set(RiskTier.allCases.filter { $0 != .unclassified }.map(\.rawValue) + ["any"])
    static let licences: Set<String> = ["identifiers-and-paraphrased-titles", "identifiers-and-short-titles", "public-domain-us-gov", "eu-law-reuse-with-attribution"]

    mutating func read(root: XMLElement, fallbackFramework: FrameworkID) -> Catalog? {
        guard root.name == "catalog", root.namespace == Self.oscal else {
            let ns = root.namespace.isEmpty ? "no namespace" : "namespace \(root.namespace)"
            log.error(.unknownDocument, "expected an OSCAL catalog (<catalog xmlns=\"\(Self.oscal)\">), found <\(root.name)> in \(ns)", line: root.line)
            return nil
        }
        let uuid = root.attribute("uuid") ?? ""
        if uuid.isEmpty { log.error(.missingAttribute, "<catalog> needs a uuid attribute (an RFC 4122 UUID)", line: root.line) }
        guard let metadata = root.firstElement(named: "metadata") else {
            log.error(.missingElement, "<catalog> needs a <metadata> element with at least <title>, <last-modified>, <version> and <oscal-version>", line: root.line)
            return nil
        }
        // Version first: dispatch on it, name the supported ones.
        let oscalVersion = metadata.firstElement(named: "oscal-version")?.textContent ?? ""
        if oscalVersion.isEmpty {
            log.error(.missingElement, "<metadata> needs <oscal-version> (supported: \(CatalogLoader.supportedOSCALVersions.joined(separator: ", ")))", line: metadata.line)
        } else if !(oscalVersion.hasPrefix("1.0.") || oscalVersion.hasPrefix("1.1.") || oscalVersion.hasPrefix("1.2.")) {
            log.error(.unsupportedVersion, "OSCAL version \(oscalVersion) is not supported; supported: \(CatalogLoader.supportedOSCALVersions.joined(separator: ", "))",
                      line: metadata.firstElement(named: "oscal-version")?.line ?? metadata.line)
        }
        let title = metadata.firstElement(named: "title")?.textContent ?? ""
        if title.isEmpty { log.error(.missingElement, "<metadata> needs a <title>", line: metadata.line) }
        let version = metadata.firstElement(named: "version")?.textContent ?? ""
        let metaProps = props(of: metadata)
        var framework = fallbackFramework
        var edition = version
        var licence: String?
        for p in metaProps.values where p.property.namespace == Self.cw {
            switch p.property.name {
            case "framework":
                if let problem = limits.identifierProblem(p.property.value, "the framework key") { log.error(.identifierTooLong, problem, line: p.line) }
                else if isOSCALToken(p.property.value) { framework = FrameworkID(p.property.value) }
                else { log.error(.invalidValue, "framework key '\(p.property.value)' must be a token such as iso42001 or nist-ai-rmf", line: p.line) }
            case "edition": edition = p.property.value
            case "licence":
                licence = p.property.value
                if !Self.licences.contains(p.property.value) {
                    log.error(.invalidValue, "licence '\(p.property.value)' is not one of \(Self.licences.sorted().joined(separator: ", "))", line: p.line)
                }
            default:
                log.error(.unknownProperty, "prop '\(p.property.name)' in namespace \(Self.cw) is not a metadata prop; use framework, edition or licence", line: p.line)
            }
        }
        let remarks = metadata.firstElement(named: "remarks")?.textContent ?? ""

        for case .element(let child) in root.children {
            if child.namespace != Self.oscal || !Self.catalogChildren.contains(child.name) {
                log.error(.unknownElement, "<\(child.name)> is not allowed in <catalog>; expected metadata, param, control, group or back-matter", line: child.line)
                continue
            }
            if child.name == "group" || child.name == "control" {
                readEntry(child, parent: nil, depth: 0)
            }
        }
        if entries.isEmpty { log.error(.missingElement, "the catalog has no group or control", line: root.line) }
        let acts = root.elements(named: "back-matter").flatMap { readActs($0) }
        var known = Set<String>()
        for a in acts where !known.insert(a.id).inserted {
            log.error(.duplicateIdentifier, "act '\(a.id)' is declared twice in <back-matter>; give each act one <resource>", line: root.line)
        }
        for r in actReferences where !known.contains(r.id) {
            log.error(.invalidValue, "application date names act '\(r.id)', which no <back-matter> <resource> declares; declared: \(acts.map(\.id).joined(separator: ", "))", line: r.line)
        }
        var catalog = Catalog(framework: framework, uuid: uuid, title: title, version: version, oscalVersion: oscalVersion, edition: edition,
                              licence: licence, remarks: remarks, source: file, entries: entries, acts: acts)
        catalog.deriveGeneralDates()
        return catalog
    }

    /// One `part name="application-date" ns="urn:crosswalk"`: props date, act, basis, and
    /// optionally replaced-by and when (one condition each).
    mutating func readDate(_ part: XMLElement) -> ApplicationDate? {
        var date: CalendarDate?, act: String?, replacedBy: String?, basis: String?
        var conditions: [ApplicationDate.Condition] = []
        var ok = true
        for p in part.elements(named: "prop") {
            let name = p.attribute("name") ?? "", value = p.attribute("value") ?? ""
            guard p.attribute("ns") == Self.cw else {
                log.error(.unknownProperty, "prop '\(name)' of an application-date part needs ns=\"\(Self.cw)\"", line: p.line); ok = false; continue
            }
            switch name {
            case "date":
                date = CalendarDate(value)
                if date == nil { log.error(.invalidValue, "application date '\(value)' is not a date; write YYYY-MM-DD", line: p.line); ok = false }
            case "act":
                act = value; actReferences.append((value, p.line))
            case "replaced-by":
                replacedBy = value; actReferences.append((value, p.line))
            case "basis":
                basis = value
            case "when":
                if let c = ApplicationDate.Condition(token: value) { conditions.append(c) }
                else { log.error(.invalidValue, "when '\(value)' is not one of \(ApplicationDate.Condition.tokens.joined(separator: ", "))", line: p.line); ok = false }
            default:
                log.error(.unknownProperty, "prop '\(name)' is not an application-date prop; use date, act, basis, replaced-by or when", line: p.line); ok = false
            }
        }
        for (what, value) in [("date", date.map(\.description)), ("act", act), ("basis", basis)] where (value ?? "").isEmpty {
            if what != "date" || ok { log.error(.missingElement, "an application-date part needs <prop name=\"\(what)\" ns=\"\(Self.cw)\" value=\"…\"/>", line: part.line) }
            ok = false
        }
        guard ok, let date, let act, let basis else { return nil }
        return ApplicationDate(date: date, act: act, replacedBy: replacedBy, basis: basis, conditions: conditions,
                               location: SourceLocation(file: file, line: part.line, column: part.column))
    }

    /// The acts declared in `back-matter`: each `resource` with a Crosswalk `act` prop.
    mutating func readActs(_ backMatter: XMLElement) -> [LegalAct] {
        var out: [LegalAct] = []
        for r in backMatter.elements(named: "resource") {
            let ps = r.elements(named: "prop").filter { $0.attribute("ns") == Self.cw }
            guard let idProp = ps.first(where: { $0.attribute("name") == "act" }) else { continue }
            let id = idProp.attribute("value") ?? ""
            if !isOSCALToken(id) { log.error(.invalidValue, "act id '\(id)' must be a token such as eu-ai-act-2024", line: idProp.line); continue }
            var force: CalendarDate?, status = LegalAct.Status.published
            for p in ps {
                let value = p.attribute("value") ?? ""
                switch p.attribute("name") ?? "" {
                case "act": break
                case "entry-into-force":
                    force = CalendarDate(value)
                    if force == nil { log.error(.invalidValue, "entry-into-force '\(value)' is not a date; write YYYY-MM-DD", line: p.line) }
                case "status":
                    if let s = LegalAct.Status(rawValue: value) { status = s }
                    else { log.error(.invalidValue, "act status '\(value)' must be published or reported", line: p.line) }
                default:
                    log.error(.unknownProperty, "prop '\(p.attribute("name") ?? "")' is not an act prop; use act, entry-into-force or status", line: p.line)
                }
            }
            guard let force else {
                log.error(.missingElement, "act '\(id)' needs <prop name=\"entry-into-force\" ns=\"\(Self.cw)\" value=\"YYYY-MM-DD\"/>", line: r.line)
                continue
            }
            let citation = r.firstElement(named: "citation")?.firstElement(named: "text")?.textContent ?? ""
            out.append(LegalAct(id: id, title: r.firstElement(named: "title")?.textContent ?? id, citation: citation, entryIntoForce: force, status: status))
        }
        return out
    }

    struct LocatedProperty { var property: Property; var line: Int; var remarks: String = "" }
    struct Props { var values: [LocatedProperty] }

    func props(of element: XMLElement) -> Props {
        Props(values: element.elements(named: "prop").map {
            LocatedProperty(property: Property(name: $0.attribute("name") ?? "", value: $0.attribute("value") ?? "",
                                               namespace: $0.attribute("ns") ?? "", class: $0.attribute("class") ?? ""), line: $0.line,
                              remarks: $0.firstElement(named: "remarks")?.textContent ?? "")
        })
    }

    /// `stage`, `party` and `retention` (Crosswalk props): the lifecycle rules' data; each
    /// needs its rationale in the prop's remarks.
    mutating func readLifecycle(_ p: LocatedProperty, into entry: inout CatalogEntry) {
        let prop = p.property
        switch prop.name {
        case "stage":
            if let s = LifecycleRole.Stage(rawValue: prop.value) { entry.lifecycle.stage = s }
            else { log.error(.invalidValue, "stage '\(prop.value)' must be \(LifecycleRole.Stage.allCases.map(\.rawValue).joined(separator: " or "))", line: p.line) }
        case "party":
            if let s = LifecycleRole.Party(rawValue: prop.value) { entry.lifecycle.party = s }
            else { log.error(.invalidValue, "party '\(prop.value)' must be \(LifecycleRole.Party.allCases.map(\.rawValue).joined(separator: " or "))", line: p.line) }
        default:
            if let r = LifecycleRole.Retention(prop.value) { entry.lifecycle.retention = r }
            else { log.error(.invalidValue, "retention '\(prop.value)' must be placed-on-market+Ny, retired-on+Nm or indefinite", line: p.line) }
        }
        if p.remarks.isEmpty {
            log.error(.missingElement, "the \(prop.name) prop of '\(entry.id)' needs its rationale in <remarks>", line: p.line)
        } else {
            entry.lifecycle.rationale += (entry.lifecycle.rationale.isEmpty ? "" : " ") + p.remarks
        }
    }

    mutating func readEntry(_ element: XMLElement, parent: String?, depth: Int) {
        let isRequirement = element.name == "control"
        let id = element.attribute("id") ?? ""
        let line = element.line
        if id.isEmpty {
            log.error(.missingAttribute, "<\(element.name)> needs an id attribute (an OSCAL token such as a.6.2.4)", line: line)
        } else if let problem = limits.identifierProblem(id, "id") {
            log.error(.identifierTooLong, problem, line: line)
        } else if !isOSCALToken(id) {
            log.error(.invalidIdentifier, "id '\(id)' is not an OSCAL token: start with a letter or _, then letters, digits, '.', '-' or '_'; put the printed form in <prop name=\"label\">", line: line)
        } else if let first = seenIDs[id] {
            log.error(.duplicateIdentifier, "id '\(id)' is used twice (first at line \(first)); ids must be unique in a catalog", line: line)
        } else {
            seenIDs[id] = line
        }
        for case .element(let child) in element.children where child.namespace != Self.oscal || !Self.entryChildren.contains(child.name) {
            log.error(.unknownElement, "<\(child.name)> is not allowed in <\(element.name)>; expected title, param, prop, link, part, group or control", line: child.line)
        }
        if isRequirement && element.firstElement(named: "group") != nil {
            log.error(.unknownElement, "a <control> cannot hold a <group>; make '\(id)' a group or nest controls instead", line: line)
        }
        let title = element.firstElement(named: "title")?.textContent ?? ""
        if title.isEmpty { log.error(.missingElement, "<\(element.name) id=\"\(id)\"> needs a <title>", line: line) }

        var entry = CatalogEntry(id: id, label: id, title: title, kind: isRequirement ? .control : .group, isRequirement: isRequirement,
                                 parent: parent, depth: depth, location: SourceLocation(file: file, line: line, column: element.column))
        var scopeSet = false
        for p in props(of: element).values {
            let prop = p.property
            entry.properties.append(prop)
            if prop.namespace.isEmpty || prop.namespace == Self.oscal {
                if prop.name == "label" {
                    if prop.value.isEmpty { log.error(.invalidValue, "an empty label on '\(id)'; give the identifier as printed", line: p.line) }
                    else if let problem = limits.identifierProblem(prop.value, "the label of '\(id.prefix(64))'") { log.error(.identifierTooLong, problem, line: p.line) }
                    else { entry.label = prop.value }
                }
                continue
            }
            guard prop.namespace == Self.cw else { continue }
            switch prop.name {
            case "kind":
                let k = EntryKind(rawValue: prop.value)
                if EntryKind.known.contains(k) { entry.kind = k }
                else { log.error(.invalidValue, "kind '\(prop.value)' is not one of \(EntryKind.known.map(\.rawValue).joined(separator: ", "))", line: p.line) }
            case "scope":
                if let s = RequirementScope(rawValue: prop.value) { entry.scope = s; scopeSet = true }
                else { log.error(.invalidValue, "scope '\(prop.value)' must be organization or system", line: p.line) }
            case "obligation":
                if let o = Obligation(rawValue: prop.value) { entry.obligation = o }
                else { log.error(.invalidValue, "obligation '\(prop.value)' must be mandatory, selectable or voluntary", line: p.line) }
            case "actor":
                if Self.actors.contains(prop.value) { entry.actors.append(prop.value) }
                else { log.error(.invalidValue, "actor '\(prop.value)' is not one of \(Self.actors.sorted().joined(separator: ", "))", line: p.line) }
            case "risk-tier":
                if Self.tiers.contains(prop.value) { entry.riskTiers.append(prop.value) }
                else { log.error(.invalidValue, "risk-tier '\(prop.value)' is not one of \(Self.tiers.sorted().joined(separator: ", "))", line: p.line) }
            case "condition":
                if isOSCALToken(prop.value) && prop.value == prop.value.lowercased() { entry.conditions.append(prop.value) }
                else { log.error(.invalidValue, "condition '\(prop.value)' must be a lowercase token such as public-body or annex-iii-5c", line: p.line) }
            case "applies-from":
                if let d = CalendarDate(prop.value) { entry.appliesFrom = d }
                else { log.error(.invalidValue, "applies-from '\(prop.value)' is not a date; write YYYY-MM-DD", line: p.line) }
            case "applies-from-basis":
                entry.appliesFromBasis = prop.value
            case "process":
                // Read by the engine from the props: a per-system requirement that also asks for an organisation-wide process.
                if prop.value != "organization" { log.error(.invalidValue, "process '\(prop.value)' must be organization", line: p.line) }
            case "stage", "party", "retention":
                readLifecycle(p, into: &entry)
            case "applies-with":
                // Read by the engine from the props: another entry that must apply to the same system.
                if prop.value.isEmpty { log.error(.invalidValue, "an empty applies-with; give the label of another entry", line: p.line) }
            case let name where name.hasPrefix("applies-from-") && name.hasSuffix("-basis"):
                break  // the legal basis of an alternative date
            case let name where name.hasPrefix("applies-from-"):
                // An alternative date (Annex I products, the original date before an amendment, …).
                if CalendarDate(prop.value) == nil { log.error(.invalidValue, "\(prop.name) '\(prop.value)' is not a date; write YYYY-MM-DD", line: p.line) }
            default:
                log.error(.unknownProperty, "prop '\(prop.name)' is not a Crosswalk prop; known: \(Self.crosswalkProps.sorted().joined(separator: ", "))", line: p.line)
            }
        }
        if entry.lifecycle.retention != nil && entry.lifecycle.stage != .retention {
            log.error(.invalidValue, "'\(id)' has a retention prop without stage=\"retention\"", line: line)
        }
        if entry.lifecycle.stage == .retention && entry.lifecycle.retention == nil {
            log.error(.missingElement, "'\(id)' has stage=\"retention\" but no retention prop (placed-on-market+10y, retired-on+6m or indefinite)", line: line)
        }
        if isRequirement {
            if !scopeSet { entry.scope = .organization }
        } else if scopeSet {
            log.error(.invalidValue, "a group is a heading and has no scope; make '\(id)' a control or drop the scope prop", line: line)
        }
        if !entry.label.isEmpty, let first = seenLabels[entry.label] {
            log.error(.duplicateIdentifier, "label '\(entry.label)' is used twice (first at line \(first)); labels must be unique in a catalog", line: line)
        } else {
            seenLabels[entry.label] = line
        }
        let parts = element.elements(named: "part")
        let datedParts = parts.filter { $0.attribute("name") == "application-date" && $0.attribute("ns") == Self.cw }
        if !datedParts.isEmpty {
            if entry.appliesFrom != nil || entry.appliesFromBasis != nil {
                log.error(.invalidValue, "'\(id)' has both applies-from props and application-date parts; keep the parts (they carry the act and the conditions)", line: line)
            }
            entry.dates = datedParts.compactMap { readDate($0) }
        }
        let statement = parts.filter { let n = $0.attribute("name"); return n == "statement" || n == "overview" }
            .map(\.textContent).filter { !$0.isEmpty }.joined(separator: " ")
        entry.statement = statement.isEmpty ? nil : statement
        entry.statementID = parts.first { $0.attribute("name") == "statement" }?.attribute("id")
        let label = entry.label
        entries.append(entry)
        for case .element(let child) in element.children where child.name == "group" || child.name == "control" {
            if child.namespace == Self.oscal { readEntry(child, parent: label, depth: depth + 1) }
        }
    }
}
