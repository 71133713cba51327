import _CrosswalkXML
import Foundation

/// Reads an organisation file (`Docs/OrganisationFormat.md`) with the streaming reader
/// (no tree of the input is built), then checks every reference against the catalogues.
public enum OrganizationLoader {
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
        var handler = OrganizationHandler(file: file)
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
    /// - Throws: ``CrosswalkError`` as ``load(_:file:catalogs:limits:)``, or `io-error`.
    public static func load(contentsOf path: String, file: String? = nil, catalogs: CatalogSet, limits: InputLimits = defaultLimits) throws(CrosswalkError) -> (organization: Organization, warnings: [Diagnostic]) {
        let name = file ?? path
        var reader = try FileReader(path: path)
        var handler = OrganizationHandler(file: name)
        handler.limits = limits
        do {
            try XMLStreamReader.parseEvents(limits: limits.xml.raw, handler: &handler) { reader.read(into: $0) }
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
        OrganizationChecker.check(&org, catalogs: catalogs, log: &log)
        try log.throwIfErrors()
        return (org, log.items)
    }

    /// Checks every cross-reference of an organisation built in code or merged from
    /// several sources (XML plus CSV imports).
    /// - Throws: ``CrosswalkError`` with every problem found.
    public static func check(_ organization: Organization, catalogs: CatalogSet) throws(CrosswalkError) {
        var org = organization
        var log = DiagnosticLog(file: organization.source)
        OrganizationChecker.check(&org, catalogs: catalogs, log: &log)
        try log.throwIfErrors()
    }
}

/// The elements of the format, recognised from their bytes without making a `String`.
enum OrgElement: UInt8, CaseIterable {
    case organization, scope, framework, euRole, condition, people, person, systems, system, purpose, applicability, decision,
         justification, evidence, item, title, satisfies, location, sha256, owners, assign, certificate, unknown

    var name: String {
        switch self {
        case .euRole: "eu-role"
        case .unknown: ""
        default: "\(self)"
        }
    }

    init(_ b: UnsafeBufferPointer<UInt8>) {
        switch b.count {
        case 4: self = b.equals("item") ? .item : .unknown
        case 5: self = b.equals("scope") ? .scope : b.equals("title") ? .title : .unknown
        case 6: self = b.equals("people") ? .people : b.equals("person") ? .person : b.equals("system") ? .system
                : b.equals("sha256") ? .sha256 : b.equals("owners") ? .owners : b.equals("assign") ? .assign : .unknown
        case 7: self = b.equals("eu-role") ? .euRole : b.equals("systems") ? .systems : b.equals("purpose") ? .purpose : .unknown
        case 8: self = b.equals("decision") ? .decision : b.equals("evidence") ? .evidence : b.equals("location") ? .location : .unknown
        case 9: self = b.equals("framework") ? .framework : b.equals("condition") ? .condition : b.equals("satisfies") ? .satisfies : .unknown
        case 11: self = b.equals("certificate") ? .certificate : .unknown
        case 12: self = b.equals("organization") ? .organization : .unknown
        case 13: self = b.equals("applicability") ? .applicability : b.equals("justification") ? .justification : .unknown
        default: self = .unknown
        }
    }
}

/// The attributes of the format.
enum OrgAttribute: Int, CaseIterable {
    case version, name, primaryFramework, assessmentDate, id, role, owner, businessUnit, lifecycle, sourcing, vendor, riskTier, annexIII,
         euRole, ref, requirement, applicable, kind, collected, validUntil, reviewDays, status, coverage, person, standard, number, issuer

    static let names = ["version", "name", "primary-framework", "assessment-date", "id", "role", "owner", "business-unit", "lifecycle",
                        "sourcing", "vendor", "risk-tier", "annex-iii", "eu-role", "ref", "requirement", "applicable", "kind", "collected",
                        "valid-until", "review-days", "status", "coverage", "person", "standard", "number", "issuer"]
    static let byteNames: [[UInt8]] = names.map { Array($0.utf8) }

    init?(_ b: UnsafeBufferPointer<UInt8>) {
        // Candidates by length and first letter, then one comparison.
        guard b.count >= 2 else { return nil }
        let candidate: OrgAttribute?
        switch (b.count, b[0]) {
        case (2, UInt8(ascii: "i")): candidate = .id
        case (3, UInt8(ascii: "r")): candidate = .ref
        case (4, UInt8(ascii: "n")): candidate = .name
        case (4, UInt8(ascii: "r")): candidate = .role
        case (4, UInt8(ascii: "k")): candidate = .kind
        case (5, UInt8(ascii: "o")): candidate = .owner
        case (6, UInt8(ascii: "v")): candidate = .vendor
        case (6, UInt8(ascii: "s")): candidate = .status
        case (6, UInt8(ascii: "p")): candidate = .person
        case (6, UInt8(ascii: "n")): candidate = .number
        case (6, UInt8(ascii: "i")): candidate = .issuer
        case (7, UInt8(ascii: "v")): candidate = .version
        case (7, UInt8(ascii: "e")): candidate = .euRole
        case (8, UInt8(ascii: "s")): b[1] == UInt8(ascii: "o") ? (candidate = .sourcing) : (candidate = .standard)
        case (8, UInt8(ascii: "c")): candidate = .coverage
        case (9, UInt8(ascii: "l")): candidate = .lifecycle
        case (9, UInt8(ascii: "r")): candidate = .riskTier
        case (9, UInt8(ascii: "a")): candidate = .annexIII
        case (9, UInt8(ascii: "c")): candidate = .collected
        case (10, UInt8(ascii: "a")): candidate = .applicable
        case (11, UInt8(ascii: "r")): b[2] == UInt8(ascii: "q") ? (candidate = .requirement) : (candidate = .reviewDays)
        case (11, UInt8(ascii: "v")): candidate = .validUntil
        case (13, UInt8(ascii: "b")): candidate = .businessUnit
        case (15, UInt8(ascii: "a")): candidate = .assessmentDate
        case (17, UInt8(ascii: "p")): candidate = .primaryFramework
        default: candidate = nil
        }
        guard let c = candidate, Self.byteNames[c.rawValue].withUnsafeBufferPointer({ memcmpEqual($0, b) }) else { return nil }
        self = c
    }
}

@inline(__always)
private func memcmpEqual(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Bool {
    guard a.count == b.count else { return false }
    for i in 0..<a.count where a[i] != b[i] { return false }
    return true
}

/// Builds an ``Organization`` from streaming events, as bytes: a `String` is made only for
/// values the model keeps.
struct OrganizationHandler: XMLRawEventHandler {
    var org = Organization(name: "")
    var log: DiagnosticLog
    let file: String
    /// Open elements; the name is kept only for elements the format does not know.
    private var path: [(element: OrgElement, unknownName: String?)] = []
    private var text: [UInt8] = []
    private var currentSystem: AISystem?
    private var currentEvidence: Evidence?
    private var currentDecision: ApplicabilityDecision?
    private var sawRoot = false
    /// Set when the root is not an organisation (a catalogue given to `assess`, say).
    private(set) var wrongRoot: CrosswalkError?
    private var namespacePointer: UnsafePointer<UInt8>?
    /// The current element's attributes, by ``OrgAttribute`` (valid during `startElement` only).
    private var attrs = [XMLRawAttribute?](repeating: nil, count: OrgAttribute.allCases.count)
    private var attrsSet: [OrgAttribute] = []
    /// For the identifier-length limit.
    var limits = InputLimits.default

    init(file: String) {
        self.file = file
        self.log = DiagnosticLog(file: file)
        path.reserveCapacity(16)
        text.reserveCapacity(1024)
    }

    struct Rule {
        /// The required parent, nil for any.
        var parent: OrgElement?
        var attributes: UInt32
        /// The allowed attribute names, sorted, for messages.
        var sortedNames: String
        init(_ parent: OrgElement?, _ attributes: [OrgAttribute]) {
            self.parent = parent
            self.attributes = attributes.reduce(0) { $0 | 1 << UInt32($1.rawValue) }
            self.sortedNames = attributes.map { OrgAttribute.names[$0.rawValue] }.sorted().joined(separator: ", ")
        }
    }

    /// Where each element may appear (`.unknown` parent: the root) and its attributes.
    static let rules: [Rule?] = OrgElement.allCases.map { e -> Rule? in
        switch e {
        case .organization: Rule(.unknown, [.version, .name, .primaryFramework, .assessmentDate])
        case .scope: Rule(.organization, [])
        case .framework: Rule(.scope, [.id])
        case .euRole: Rule(.scope, [])
        case .condition: Rule(nil, [])
        case .people: Rule(.organization, [])
        case .person: Rule(.people, [.id, .name, .role])
        case .systems: Rule(.organization, [])
        case .system: Rule(nil, [.id, .name, .owner, .businessUnit, .lifecycle, .sourcing, .vendor, .riskTier, .annexIII, .euRole, .ref])
        case .purpose: Rule(.system, [])
        case .applicability: Rule(.organization, [])
        case .decision: Rule(.applicability, [.requirement, .applicable])
        case .justification: Rule(.decision, [])
        case .evidence: Rule(.organization, [])
        case .item: Rule(.evidence, [.id, .kind, .owner, .collected, .validUntil, .reviewDays, .status])
        case .title, .satisfies, .location, .sha256: Rule(.item, e == .satisfies ? [.requirement, .coverage] : [])
        case .certificate: Rule(.item, [.standard, .number, .issuer])
        case .owners: Rule(.organization, [])
        case .assign: Rule(.owners, [.requirement, .person])
        case .unknown: nil
        }
    }

    mutating func error(_ code: CrosswalkError.Code, _ message: String, _ line: Int) { log.error(code, message, line: line) }

    // MARK: Attribute values

    func value(_ a: OrgAttribute) -> String? { attrs[a.rawValue]?.value }

    func value(_ a: OrgAttribute, default d: String) -> String { attrs[a.rawValue]?.value ?? d }

    func ref(_ a: OrgAttribute) -> RequirementRef? {
        guard let raw = attrs[a.rawValue] else { return nil }
        let b = raw.rawValue
        guard !b.contains(UInt8(ascii: "&")), let colon = b.firstIndex(of: UInt8(ascii: ":")) else { return RequirementRef(parsing: raw.value) }
        guard colon > 0, colon < b.count - 1 else { return nil }
        return RequirementRef(FrameworkID(String(decoding: UnsafeBufferPointer(rebasing: b[..<colon]), as: UTF8.self)),
                              String(decoding: UnsafeBufferPointer(rebasing: b[(colon + 1)...]), as: UTF8.self))
    }

    mutating func date(_ a: OrgAttribute, _ line: Int) -> CalendarDate? {
        guard let raw = attrs[a.rawValue], raw.rawValue.count > 0 else { return nil }
        if let d = CalendarDate(utf8: raw.rawValue) { return d }
        error(.invalidValue, "\(OrgAttribute.names[a.rawValue]) '\(raw.value)' is not a date; write YYYY-MM-DD", line)
        return nil
    }

    // MARK: Events

    mutating func startElement(_ element: XMLRawElement, control: inout XMLStreamControl) {
        text.removeAll(keepingCapacity: true)
        let line = element.line, column = element.column
        let name = OrgElement(element.name)
        let parentEntry = path.last
        let parent = parentEntry?.element ?? .unknown
        path.append((name, name == .unknown ? element.nameString : nil))
        // libxml2 interns namespace names: the same pointer as last time is the same name.
        let inNamespace: Bool
        if let p = element.namespace.baseAddress, p == namespacePointer, element.namespace.count == 28 { inNamespace = true } else {
            inNamespace = element.namespace.equals("urn:crosswalk:organization:1")
            if inNamespace { namespacePointer = element.namespace.baseAddress }
        }
        if !sawRoot {
            sawRoot = true
            guard name == .organization, inNamespace else {
                let message = "expected <organization xmlns=\"\(OrganizationLoader.namespace)\">, found <\(element.nameString)>: this is not an organisation file; see Docs/OrganisationFormat.md"
                wrongRoot = CrosswalkError(.unknownDocument, message, at: SourceLocation(file: file, line: line, column: column))
                control.stop(XMLParseError(.malformed, message, line: line, column: column))
                return
            }
        }
        // The root's parent is "no element", which only <organization> may have.
        let atRoot = parentEntry == nil
        guard inNamespace, let rule = Self.rules[Int(name.rawValue)],
              rule.parent == nil || (rule.parent == .unknown ? atRoot : (!atRoot && rule.parent == parent && parentEntry!.unknownName == nil)),
              !(name == .system && parent != .systems && parent != .item), !(name == .condition && parent != .scope && parent != .system) else {
            let parentName = parentEntry.map { $0.unknownName ?? $0.element.name } ?? ""
            error(.unknownElement, "<\(element.nameString)> is not allowed in <\(parentName)>; see Docs/OrganisationFormat.md", line)
            return
        }
        for a in attrsSet { attrs[a.rawValue] = nil }
        attrsSet.removeAll(keepingCapacity: true)
        for i in 0..<element.attributeCount {
            let attr = element.attribute(i)
            if attr.rawValue.baseAddress == nil { continue }
            let known = OrgAttribute(attr.name)
            if attr.namespace.count > 0 || known == nil || rule.attributes & (1 << UInt32(known!.rawValue)) == 0 || (name == .system && parent == .item && known != .ref) {
                error(.unknownAttribute, "attribute '\(String(decoding: attr.name, as: UTF8.self))' is not allowed on <\(name.name)>; allowed: \(rule.sortedNames)", line)
            } else {
                attrs[known!.rawValue] = attr
                attrsSet.append(known!)
            }
        }
        for key in [OrgAttribute.id, .ref, .owner, .person, .requirement] {
            if let v = attrs[key.rawValue], v.rawValue.count > limits.maxIdentifierBytes,
               let problem = limits.identifierProblem(v.value, "\(OrgAttribute.names[key.rawValue]) on <\(name.name)>") {
                error(.identifierTooLong, problem, line)
            }
        }
        switch name {
        case .organization:
            org.name = value(.name, default: "")
            if org.name.isEmpty { error(.missingAttribute, "<organization> needs a name", line) }
            if let v = value(.version), v != "1" { error(.unsupportedVersion, "organisation format version \(v) is not supported; supported: 1", line) }
            if let p = value(.primaryFramework) { org.primaryFramework = FrameworkID(p) }
            org.assessmentDate = date(.assessmentDate, line)
            org.scopeLocation = SourceLocation(file: file, line: line, column: column)
        case .scope: org.scopeLocation = SourceLocation(file: file, line: line, column: column)
        case .framework: org.frameworks.append(FrameworkID(value(.id, default: "")))
        case .person:
            org.people.append(Person(id: value(.id, default: ""), name: value(.name, default: ""), role: value(.role, default: ""),
                                     location: SourceLocation(file: file, line: line, column: column)))
        case .system where parent == .systems:
            var s = AISystem(id: value(.id, default: ""), name: value(.name, default: ""), location: SourceLocation(file: file, line: line, column: column))
            s.owner = value(.owner, default: "")
            s.businessUnit = value(.businessUnit, default: "")
            s.lifecycle = value(.lifecycle, default: "production")
            s.sourcing = value(.sourcing, default: "in-house")
            s.vendor = value(.vendor, default: "")
            s.riskTier = value(.riskTier, default: "minimal")
            s.annexIII = value(.annexIII, default: "")
            s.euRoles = value(.euRole, default: "").split(separator: " ").map(String.init)
            currentSystem = s
            checkVocabulary(s.lifecycle, ["planned", "development", "production", "retired"], "lifecycle", line)
            checkVocabulary(s.sourcing, ["in-house", "third-party-service", "embedded"], "sourcing", line)
            checkVocabulary(s.riskTier, ["prohibited", "high", "limited", "minimal", "general-purpose", "general-purpose-systemic"], "risk-tier", line)
            for r in s.euRoles { checkVocabulary(r, Self.roles, "eu-role", line) }
        case .system:
            if let r = value(.ref) { currentEvidence?.systems.append(r) } else { error(.missingAttribute, "<system> in <item> needs ref naming a system id", line) }
        case .decision:
            guard let r = ref(.requirement) else { error(.invalidValue, "decision needs requirement=\"framework:label\"", line); return }
            let applicable = value(.applicable, default: "true")
            if applicable != "true" && applicable != "false" { error(.invalidValue, "applicable must be true or false", line) }
            currentDecision = ApplicabilityDecision(requirement: r, applicable: applicable != "false", justification: "",
                                                    location: SourceLocation(file: file, line: line, column: column))
        case .item:
            let status = value(.status, default: "approved")
            checkVocabulary(status, ["draft", "approved"], "status", line)
            let kind = value(.kind, default: "other")
            checkVocabulary(kind, ["policy", "procedure", "record", "assessment", "log", "contract", "training-record", "report", "plan", "certificate", "other"], "kind", line)
            var reviewDays: Int?
            if let r = attrs[OrgAttribute.reviewDays.rawValue] {
                if let n = Self.positiveInt(r.rawValue), n <= 36_500 { reviewDays = n } else { error(.invalidValue, "review-days '\(r.value)' must be a whole number of days from 1 to 36500", line) }
            }
            currentEvidence = Evidence(id: value(.id, default: ""), title: "", kind: kind, owner: value(.owner, default: ""),
                                       collected: date(.collected, line), validUntil: date(.validUntil, line),
                                       reviewDays: reviewDays, status: status, claims: [], systems: [], locationURI: "", sha256: "",
                                       location: SourceLocation(file: file, line: line, column: column))
        case .satisfies:
            guard let r = ref(.requirement) else { error(.invalidValue, "satisfies needs requirement=\"framework:label\"", line); return }
            let full: Bool
            if let c = attrs[OrgAttribute.coverage.rawValue] {
                full = c.valueEquals("full")
                if !full && !c.valueEquals("partial") { checkVocabulary(c.value, ["full", "partial"], "coverage", line) }
            } else {
                full = true
            }
            currentEvidence?.claims.append(EvidenceClaim(requirement: r, full: full))
            claimLines.append(line)
        case .certificate:
            // A management-system certificate (issue #13): the standard certified, its number and issuer; validity is the item's.
            let standard = FrameworkID(rawValue: value(.standard, default: ""))
            if standard != .iso27001 && standard != .iso42001 { error(.invalidValue, "certificate standard '\(standard)' must be iso27001 or iso42001", line) }
            let number = value(.number, default: ""), issuer = value(.issuer, default: "")
            if number.isEmpty || issuer.isEmpty { error(.missingAttribute, "a certificate needs number=\"…\" and issuer=\"…\"", line) }
            currentEvidence?.certificate = EvidenceCertificate(standard: standard, number: number, issuer: issuer)
        case .assign:
            guard let r = ref(.requirement) else { error(.invalidValue, "assign needs requirement=\"framework:label\"", line); return }
            org.owners.append(OwnerAssignment(requirement: r, person: value(.person, default: ""), location: SourceLocation(file: file, line: line, column: column)))
        default: break
        }
    }

    /// `Int(text)` for a positive number, without making a `String` in the common case.
    static func positiveInt(_ b: UnsafeBufferPointer<UInt8>) -> Int? {
        if b.count > 0 && b.count <= 18 && b.allSatisfy({ $0 >= 48 && $0 <= 57 }) {
            let n = b.reduce(0) { $0 * 10 + Int($1 - 48) }
            return n > 0 ? n : nil
        }
        guard let n = Int(String(decoding: b, as: UTF8.self)), n > 0 else { return nil }
        return n
    }

    /// Lines of `satisfies` elements, in order, for located reference errors.
    var claimLines: [Int] = []

    static let roles = ["provider", "deployer", "importer", "distributor", "authorised-representative", "product-manufacturer"]

    mutating func checkVocabulary(_ value: String, _ allowed: [String], _ name: String, _ line: Int) {
        if !allowed.contains(value) { error(.invalidValue, "\(name) '\(value)' is not one of \(allowed.joined(separator: ", "))", line) }
    }

    /// The text since the last tag, white space folded.
    private func content() -> String { text.foldedText() }

    mutating func endElement(name rawName: UnsafeBufferPointer<UInt8>, namespace: UnsafeBufferPointer<UInt8>, line: Int, control: inout XMLStreamControl) {
        let name = OrgElement(rawName)
        let parent: OrgElement = path.count >= 2 ? path[path.count - 2].element : .unknown
        path.removeLast()
        switch name {
        case .euRole:
            for r in content().split(separator: " ").map(String.init) { checkVocabulary(r, Self.roles, "eu-role", line); org.euRoles.append(r) }
        case .condition:
            let c = content()
            if parent == .scope { org.conditions.append(c) } else { currentSystem?.conditions.append(c) }
        case .purpose: let c = content(); currentSystem?.purpose = c
        case .system where currentSystem != nil && parent == .systems:
            org.systems.append(currentSystem!)
            currentSystem = nil
        case .justification: let c = content(); currentDecision?.justification = c
        case .decision:
            if let d = currentDecision { org.decisions.append(d) }
            currentDecision = nil
        case .title where parent == .item: let c = content(); currentEvidence?.title = c
        case .location where parent == .item: let c = content(); currentEvidence?.locationURI = c
        case .sha256 where parent == .item:
            if text.isSHA256Hex() {
                currentEvidence?.sha256 = String(decoding: text, as: UTF8.self)
            } else {
                let content = content()
                currentEvidence?.sha256 = content
                if content.count != 64 || !content.allSatisfy(\.isHexDigit) { error(.invalidValue, "sha256 must be 64 hexadecimal digits", line) }
            }
        case .item:
            if let e = currentEvidence { org.evidence.append(e) }
            currentEvidence = nil
        default: break
        }
        text.removeAll(keepingCapacity: true)
    }

    mutating func characters(_ bytes: UnsafeRawBufferPointer, control: inout XMLStreamControl) {
        text.append(contentsOf: bytes)
    }
}

extension [UInt8] {
    /// The bytes as text with runs of white space folded to one space and the ends
    /// trimmed, as ``Swift/String/foldingWhitespace()``, on bytes where that is exact.
    func foldedText() -> String {
        withUnsafeBufferPointer { b in String.foldingWhitespace(utf8: b) ?? String(decoding: b, as: UTF8.self).foldingWhitespace() }
    }

    /// Exactly 64 ASCII hexadecimal digits, nothing around them.
    func isSHA256Hex() -> Bool {
        count == 64 && allSatisfy { ($0 >= 48 && $0 <= 57) || ($0 >= 65 && $0 <= 70) || ($0 >= 97 && $0 <= 102) }
    }
}


/// Cross-reference checks once the whole file is read.
enum OrganizationChecker {
    static func check(_ org: inout Organization, catalogs: CatalogSet, log: inout DiagnosticLog) {
        // Values built in code carry no file: report them against the file being checked.
        let checkedFile = log.file
        func at(_ l: SourceLocation) -> SourceLocation { l.file.isEmpty ? SourceLocation(file: checkedFile) : l }
        // The catalogues by framework, looked up once per framework rather than per claim.
        var catalogIndex: [FrameworkID: Int] = [:]
        for (i, c) in catalogs.catalogs.enumerated() { catalogIndex[c.framework] = i }
        var lastFramework: FrameworkID?, lastCatalog: Int?
        func requirement(_ r: RequirementRef, at location: SourceLocation, what: @autoclosure () -> String) {
            if r.framework != lastFramework { lastFramework = r.framework; lastCatalog = catalogIndex[r.framework] }
            guard let ci = lastCatalog else {
                log.error(.unknownFramework, "\(what()) names framework '\(r.framework)', which is not loaded (loaded: \(catalogs.frameworks.map(\.rawValue).joined(separator: ", ")))", at: location)
                return
            }
            let c = catalogs.catalogs[ci]
            guard let i = c.index(ofLabel: r.label) else {
                log.error(.unknownRequirement, "\(what()) names '\(r)', which \(r.framework) does not have; check the label with `crosswalk show \(r.framework)`", at: location)
                return
            }
            if !c.entries[i].isRequirement {
                log.error(.unknownRequirement, "\(what()) names '\(r)', a heading; name one of its requirements: \(c.children(of: c.entries[i].label).prefix(6).map(\.label).joined(separator: ", "))", at: location)
            }
        }
        if org.frameworks.isEmpty { log.error(.missingElement, "<scope> names no <framework id=…>; list the frameworks in scope", at: at(org.scopeLocation)) }
        for f in org.frameworks where catalogs.catalog(f) == nil {
            log.error(.unknownFramework, "framework '\(f)' in scope is not loaded (loaded: \(catalogs.frameworks.map(\.rawValue).joined(separator: ", ")))", at: at(org.scopeLocation))
        }
        var people = Set<String>(minimumCapacity: org.people.count)
        for p in org.people {
            if p.id.isEmpty { log.error(.missingAttribute, "a person needs an id", at: at(p.location)) }
            else if !people.insert(p.id).inserted { log.error(.duplicateIdentifier, "person id '\(p.id)' is used twice; person ids must be unique", at: at(p.location)) }
        }
        var systems = Set<String>(minimumCapacity: org.systems.count)
        for s in org.systems {
            if s.id.isEmpty { log.error(.missingAttribute, "a system needs an id", at: at(s.location)) }
            else if !systems.insert(s.id).inserted { log.error(.duplicateIdentifier, "system id '\(s.id)' is used twice; system ids must be unique", at: at(s.location)) }
            if !s.owner.isEmpty && !people.contains(s.owner) { log.error(.unknownRequirement, "system \(s.id) has owner '\(s.owner)', who is not in <people>", at: at(s.location)) }
        }
        var ids = Set<String>(minimumCapacity: org.evidence.count)
        for e in org.evidence {
            if e.id.isEmpty { log.error(.missingAttribute, "an evidence item needs an id", at: at(e.location)) }
            else if !ids.insert(e.id).inserted { log.error(.duplicateIdentifier, "evidence id '\(e.id)' is used twice; ids must be unique", at: at(e.location)) }
            if e.kind == "certificate" && e.certificate == nil { log.error(.missingElement, "evidence \(e.id) is a certificate without <certificate standard=\"iso27001\" number=\"…\" issuer=\"…\"/>", at: at(e.location)) }
            if e.claims.isEmpty && e.certificate == nil { log.error(.missingElement, "evidence \(e.id) satisfies nothing: add <satisfies requirement=\"framework:label\"/>", at: at(e.location)) }
            for c in e.claims { requirement(c.requirement, at: e.location, what: "evidence \(e.id)") }
            for s in e.systems where !systems.contains(s) { log.error(.unknownRequirement, "evidence \(e.id) names system '\(s)', which is not in <systems>", at: at(e.location)) }
            if !e.owner.isEmpty && !people.contains(e.owner) { log.error(.unknownRequirement, "evidence \(e.id) has owner '\(e.owner)', who is not in <people>", at: at(e.location)) }
            if let c = e.collected, let v = e.validUntil, v < c { log.error(.invalidValue, "evidence \(e.id) is valid until \(v), before it was collected (\(c))", at: at(e.location)) }
        }
        for d in org.decisions { requirement(d.requirement, at: at(d.location), what: "applicability decision") }
        for o in org.owners {
            requirement(o.requirement, at: at(o.location), what: "owner assignment")
            if !people.contains(o.person) { log.error(.unknownRequirement, "owner assignment names person '\(o.person)', who is not in <people>", at: at(o.location)) }
        }
    }
}
