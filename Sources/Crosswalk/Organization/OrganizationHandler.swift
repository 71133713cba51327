import _CrosswalkXML

/// Builds an ``Organization`` from streaming events, as bytes: a `String` is made only for
/// values the model keeps.
struct OrganizationHandler: XMLRawEventHandler {
    var org = Organization(name: "")
    var log: DiagnosticLog
    let file: String
    /// Open elements; the name is kept only for elements the format does not know.
    /// The line and column kept to locate problems found at the end tag.
    private var path: [(element: OrgElement, line: Int, column: Int)] = []
    /// The names of the open elements the format does not know (`.unknown` in `path`), innermost last.
    private var unknownNames: [String] = []
    private var text: [UInt8] = []
    private var currentSystem: AISystem?
    /// Whether an evidence item is open: it is built in ``pending`` (whose arrays keep their
    /// capacity from item to item) and appended to the register at its end tag.
    var inEvidence = false
    var pending = EvidenceRegister.Pending()
    /// The input file's name, interned in the register.
    private(set) var fileSlot: UInt32 = 0
    /// The empty string, interned in the register (the owner of an item that names none).
    var emptyName: UInt32 = 0
    private var currentDecision: ApplicabilityDecision?
    private var sawRoot = false
    /// Set when the root is not an organisation (a catalogue given to `assess`, say).
    private(set) var wrongRoot: CrosswalkError?
    private var namespacePointer: UnsafePointer<UInt8>?
    /// The current element's attributes, by ``OrgAttribute`` (valid during `startElement` only).
    private let attributeSlots = AttributeSlots()
    /// One slot per ``OrgAttribute`` (fixed storage: no copy-on-write check per write).
    var attrs: UnsafeMutablePointer<XMLRawAttribute?> { attributeSlots.slots }
    private var attrsSet: [OrgAttribute] = []
    /// For the identifier-length limit.
    var limits = InputLimits.default
    /// Whether the innermost open element is one whose text the model keeps (white space
    /// between elements is not gathered).
    private var textWanted = false

    // Interning and the evidence checks made while reading (see ``evidenceChecked``).

    /// Resolves requirement references; nil: no checks while reading.
    var references: ReferenceCheck?
    /// Person and system ids declared so far, by their bytes, with the `String` made once.
    /// The value: the id's `String`, and its index in the register's names.
    var personIDs = ByteTable<(id: String, name: UInt32)>()
    private var systemIDs = ByteTable<(id: String, name: UInt32)>(capacity: 1024)
    /// Evidence ids read so far (duplicates), once they stop coming in increasing order;
    /// until then only the last one is kept (ids in increasing byte order are all different,
    /// and a table of a million ids costs a cache miss per item).
    var evidenceIDs: ByteTable<Void>?
    var lastEvidenceID: [UInt8] = []
    /// `requirement` values of `<satisfies>` read so far: the reference, whether it names a
    /// requirement of a loaded catalogue (false when no catalogues are loaded), and its index
    /// in the register's requirements.
    var requirementRefs = ByteTable<(ref: RequirementRef, known: Bool, slot: UInt32)>(capacity: 1024)
    var sawItem = false
    /// No problem found so far in the open item by the checks made while reading it.
    var itemClean = false
    /// True when every evidence item was checked while it was read, as
    /// ``OrganizationValidator`` checks evidence (id present and unique, approved items
    /// dated, claims on requirements of loaded catalogues, systems and owner declared,
    /// supplier evidence naming a system, dates in order), and none had a problem: the
    /// validator then skips its evidence loop, which would report nothing. Any doubt (a
    /// reference not found by its bytes, an id that is not plain ASCII, people or systems
    /// declared after the first item) makes it false, and the validator checks every item.
    private(set) var evidenceChecked: Bool

    /// - Parameter expectedBytes: the size of the input, when known: room for the evidence
    ///   items such a file usually holds is reserved at once (the register is not copied as
    ///   it grows; memory not written is never touched).
    init(file: String, catalogs: CatalogSet? = nil, expectedBytes: Int = 0) {
        self.file = file
        self.log = DiagnosticLog(file: file)
        path.reserveCapacity(16)
        text.reserveCapacity(1024)
        references = catalogs.map { ReferenceCheck(catalogs: $0) }
        evidenceChecked = catalogs != nil
        // About 450 bytes an item in generated registers (at most 2 million reserved), two
        // claims and one system an item, and fewer bytes of text than of file.
        if expectedBytes > 0 {
            let n = min(expectedBytes / 400, 2_000_000)
            org.evidence.reserve(items: n, claims: 2 * n, systems: n, textBytes: min(expectedBytes / 2, n * 300))
        }
        fileSlot = org.evidence.intern(name: file)
        emptyName = org.evidence.intern(name: "")
    }

    struct Rule {
        /// The required parent, nil for any.
        var parent: OrgElement?
        var attributes: UInt64
        init(_ parent: OrgElement?, _ attributes: [OrgAttribute]) {
            self.parent = parent
            self.attributes = attributes.reduce(0) { $0 | 1 << UInt64($1.rawValue) }
        }

        /// The allowed attribute names, sorted, for messages.
        var sortedNames: String {
            OrgAttribute.allCases.filter { attributes & (1 << UInt64($0.rawValue)) != 0 }.map { OrgAttribute.names[$0.rawValue] }.sorted().joined(separator: ", ")
        }
    }

    /// Where each element may appear (`.unknown` parent: the root) and its attributes.
    static let rules: [Rule?] = OrgElement.allCases.map { e -> Rule? in
        switch e {
        case .organization: Rule(.unknown, [.version, .name, .primaryFramework, .assessmentDate])
        case .scope: Rule(.organization, [])
        case .framework: Rule(.scope, [.id])
        case .euRole: Rule(.scope, [])
        case .condition: Rule(nil, [.holds])
        case .people: Rule(.organization, [])
        case .person: Rule(.people, [.id, .name, .role])
        case .systems: Rule(.organization, [])
        case .system: Rule(nil, [.id, .name, .owner, .businessUnit, .lifecycle, .sourcing, .vendor, .riskTier, .annexIII, .euRole, .ref,
                                 .placedOnMarket, .publicAuthorityUse, .annexX, .goLive, .retiredOn])
        case .purpose: Rule(.system, [])
        case .applicability: Rule(.organization, [])
        case .decision: Rule(.applicability, [.requirement, .system, .applicable])
        case .justification: Rule(.decision, [])
        case .evidence: Rule(.organization, [])
        case .item: Rule(.evidence, [.id, .kind, .owner, .collected, .validUntil, .reviewDays, .status, .providedBy])
        case .title, .satisfies, .location, .sha256: Rule(.item, e == .satisfies ? [.requirement, .coverage] : [])
        case .owners: Rule(.organization, [])
        case .assign: Rule(.owners, [.requirement, .system, .person])
        case .certificate: Rule(.item, [.standard, .number, .issuer])
        case .unknown: nil
        }
    }

    mutating func error(_ code: CrosswalkError.Code, _ message: String, _ location: SourceLocation) { log.error(code, message, at: location) }

    /// The attributes held to the identifier-length limit.
    static let identifierAttributes: [OrgAttribute] = [.id, .ref, .owner, .person, .requirement]
    /// ``rules``, held here (no lazy-global check per element).
    private let rules = Self.rules
    private let identifierAttributes = Self.identifierAttributes
    let kinds = Self.kinds, statuses = Self.statuses

    // MARK: Attribute values

    // (Inlined: a call of a method of `self` from the event methods copies the whole
    // handler, every array and string in it retained and released.)
    @inline(__always)
    func value(_ a: OrgAttribute) -> String? { attrs[a.rawValue]?.value }

    @inline(__always)
    func value(_ a: OrgAttribute, default d: String) -> String { attrs[a.rawValue]?.value ?? d }

    func ref(_ a: OrgAttribute) -> RequirementRef? {
        guard let raw = attrs[a.rawValue] else { return nil }
        let b = raw.rawValue
        guard !b.contains(UInt8(ascii: "&")), let colon = b.firstIndex(of: UInt8(ascii: ":")) else { return RequirementRef(parsing: raw.value) }
        guard colon > 0, colon < b.count - 1 else { return nil }
        return RequirementRef(FrameworkID(String(decoding: UnsafeBufferPointer(rebasing: b[..<colon]), as: UTF8.self)),
                              String(decoding: UnsafeBufferPointer(rebasing: b[(colon + 1)...]), as: UTF8.self))
    }

    /// `true` or `false`; anything else is a located error.
    mutating func flag(_ a: OrgAttribute, _ here: SourceLocation) -> Bool {
        guard let raw = attrs[a.rawValue] else { return false }
        if raw.valueEquals("true") { return true }
        if raw.valueEquals("false") { return false }
        error(.invalidValue, "\(OrgAttribute.names[a.rawValue]) '\(raw.value)' must be true or false", here)
        return false
    }

    mutating func date(_ a: OrgAttribute, _ here: SourceLocation) -> CalendarDate? {
        guard let raw = attrs[a.rawValue], raw.rawValue.count > 0 else { return nil }
        if let d = CalendarDate(utf8: raw.rawValue) { return d }
        error(.invalidValue, "\(OrgAttribute.names[a.rawValue]) '\(raw.value)' is not a date; write YYYY-MM-DD", here)
        return nil
    }

    // MARK: Events

    mutating func startElement(_ element: XMLRawElement, control: inout XMLStreamControl) {
        if !text.isEmpty { text.removeAll(keepingCapacity: true) }
        let line = element.line, column = element.column
        let name = OrgElement(element.name)
        let parentEntry = path.last
        let parent = parentEntry?.element ?? .unknown
        let here = SourceLocation(file: file, line: line, column: column)
        path.append((name, line, column))
        if name == .unknown { unknownNames.append(element.nameString) }
        textWanted = name.keepsText
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
                wrongRoot = CrosswalkError(.unknownDocument, message, at: here)
                control.stop(XMLParseError(.malformed, message, line: line, column: column))
                return
            }
        }
        // The root's parent is "no element", which only <organization> may have.
        let atRoot = parentEntry == nil
        guard inNamespace, let rule = rules[Int(name.rawValue)],
              rule.parent == nil || (rule.parent == .unknown ? atRoot : (!atRoot && rule.parent == parent)),
              !(name == .system && parent != .systems && parent != .item), !(name == .condition && parent != .scope && parent != .system) else {
            let parentName = parentEntry.map { $0.element == .unknown ? unknownNames[unknownNames.count - (name == .unknown ? 2 : 1)] : $0.element.name } ?? ""
            error(.unknownElement, "<\(element.nameString)> is not allowed in <\(parentName)>; see Docs/OrganisationFormat.md", here)
            return
        }
        for a in attrsSet { attrs[a.rawValue] = nil }
        attrsSet.removeAll(keepingCapacity: true)
        for i in 0..<element.attributeCount {
            let attr = element.attribute(i)
            if attr.rawValue.baseAddress == nil { continue }
            let known = OrgAttribute(attr.name)
            if attr.namespace.count > 0 || known == nil || rule.attributes & (1 << UInt64(known!.rawValue)) == 0 || (name == .system && parent == .item && known != .ref) {
                error(.unknownAttribute, "attribute '\(String(decoding: attr.name, as: UTF8.self))' is not allowed on <\(name.name)>; allowed: \(rule.sortedNames)", here)
            } else {
                attrs[known!.rawValue] = attr
                attrsSet.append(known!)
            }
        }
        for key in identifierAttributes {
            if let v = attrs[key.rawValue], v.rawValue.count > limits.maxIdentifierBytes,
               let problem = limits.identifierProblem(v.value, "\(OrgAttribute.names[key.rawValue]) on <\(name.name)>") {
                error(.identifierTooLong, problem, here)
            }
        }
        switch name {
        case .organization:
            org.name = value(.name, default: "")
            org.rootLocation = here
            if let v = value(.version), v != "1" { error(.unsupportedVersion, "organisation format version \(v) is not supported; supported: 1", here) }
            if let p = value(.primaryFramework) { org.primaryFramework = FrameworkID(p); org.primaryFrameworkDeclared = true }
            org.assessmentDate = date(.assessmentDate, here)
            org.scopeLocation = here
        case .scope: org.scopeLocation = here
        case .framework:
            org.frameworks.append(FrameworkID(value(.id, default: "")))
            org.frameworkLocations.append(here)
        case .person:
            let id = value(.id, default: "")
            if sawItem { evidenceChecked = false }
            if let raw = attrs[OrgAttribute.id.rawValue]?.rawValue, raw.count > 0 {
                let h = ByteTable<Void>.hash(raw)
                if personIDs.find(raw, hash: h) == nil { personIDs.insert(raw, hash: h, value: (id, org.evidence.intern(name: id))) }
            }
            org.people.append(Person(id: id, name: value(.name, default: ""), role: value(.role, default: ""), location: here))
        case .system where parent == .systems:
            var s = AISystem(id: value(.id, default: ""), name: value(.name, default: ""), location: here)
            if sawItem { evidenceChecked = false }
            if let raw = attrs[OrgAttribute.id.rawValue]?.rawValue, raw.count > 0 {
                let h = ByteTable<Void>.hash(raw)
                if systemIDs.find(raw, hash: h) == nil { systemIDs.insert(raw, hash: h, value: (s.id, org.evidence.intern(name: s.id))) }
            }
            s.owner = value(.owner, default: "")
            s.businessUnit = value(.businessUnit, default: "")
            s.lifecycle = vocabulary(.lifecycle, Lifecycle.self, here) ?? .production
            s.sourcing = vocabulary(.sourcing, Sourcing.self, here) ?? .inHouse
            s.vendor = value(.vendor, default: "")
            s.riskTier = vocabulary(.riskTier, RiskTier.self, here)
            s.placedOnMarket = date(.placedOnMarket, here)
            s.publicAuthorityUse = flag(.publicAuthorityUse, here)
            s.annexXComponent = flag(.annexX, here)
            s.goLive = date(.goLive, here)
            s.retiredOn = date(.retiredOn, here)
            if s.riskTier == nil && attrs[OrgAttribute.riskTier.rawValue] != nil { refusedTiers.insert(here) }
            if let a = value(.annexIII) {
                s.annexIII = OrganizationValidator.annexIII(a, field: "annex-iii", at: here, log: &log)
                if s.annexIII == nil { refusedAnnexIII.insert(here) }
            }
            if let r = value(.euRole) { s.euRoles = OrganizationValidator.roles(r.split(separator: " ").map(String.init), field: "eu-role", at: here, log: &log) }
            currentSystem = s
        case .system:
            if let raw = attrs[OrgAttribute.ref.rawValue] {
                // A declared system's id, found by its bytes: that id's string; else the value, checked later.
                let known = raw.rawValue.count > 0 ? systemIDs.find(raw.rawValue, hash: ByteTable<Void>.hash(raw.rawValue)) : nil
                if known == nil { itemClean = false }
                if inEvidence {
                    // (No closures over `self` and no method of `self` inside `pending`'s
                    // access: either makes the compiler copy the whole handler.)
                    let name: UInt32
                    if let k = known { name = systemIDs[k].name } else { name = org.evidence.intern(name: raw.value) }
                    let at = place(line, column)
                    pending.systems.append(.init(id: name, place: at))
                }
            } else { error(.missingAttribute, "<system> in <item> needs ref naming a system id", here) }
        case .condition:
            if let h = attrs[OrgAttribute.holds.rawValue] {
                if h.valueEquals("false") { conditionHolds = false } else if h.valueEquals("true") { conditionHolds = true } else {
                    conditionHolds = nil
                    error(.invalidValue, "holds '\(h.value)' must be true or false", here)
                }
            } else { conditionHolds = true }
        case .decision:
            guard let r = ref(.requirement) else { error(.invalidValue, "decision needs requirement=\"framework:label\"", here); return }
            let applicable = value(.applicable, default: "true")
            if applicable != "true" && applicable != "false" { error(.invalidValue, "applicable must be true or false", here) }
            currentDecision = ApplicabilityDecision(requirement: r, system: value(.system), applicable: applicable != "false", justification: "", location: here)
        case .item: startItem(line: line, column: column, here: here)
        case .satisfies: startClaim(line: line, column: column, here: here)
        case .certificate:
            // A management-system certificate: the standard certified, its number and issuer; validity is the item's.
            let standard = FrameworkID(rawValue: value(.standard, default: ""))
            if standard != .iso27001 && standard != .iso42001 { error(.invalidValue, "certificate standard '\(standard)' must be iso27001 or iso42001", here) }
            let number = value(.number, default: ""), issuer = value(.issuer, default: "")
            if number.isEmpty || issuer.isEmpty { error(.missingAttribute, "a certificate needs number=\"…\" and issuer=\"…\"", here) }
            if inEvidence { pending.certificate = EvidenceCertificate(standard: standard, number: number, issuer: issuer) }
        case .assign:
            guard let r = ref(.requirement) else { error(.invalidValue, "assign needs requirement=\"framework:label\"", here); return }
            org.owners.append(OwnerAssignment(requirement: r, system: value(.system), person: value(.person, default: ""), location: here))
        default: break
        }
    }

    /// Systems whose risk tier or Annex III point was refused (unknown spelling), by location:
    /// already reported, so not reported again as missing.
    var refusedTiers: Set<SourceLocation> = []
    var refusedAnnexIII: Set<SourceLocation> = []

    /// Whether the open `<condition>` declares its condition to hold (nil: a bad `holds`).
    var conditionHolds: Bool? = true

    /// The text since the last tag, white space folded.
    private func content() -> String { text.foldedText() }

    mutating func endElement(name rawName: UnsafeBufferPointer<UInt8>, namespace: UnsafeBufferPointer<UInt8>, line: Int, control: inout XMLStreamControl) {
        let parent: OrgElement = path.count >= 2 ? path[path.count - 2].element : .unknown
        let start = path.removeLast()
        if start.element == .unknown { unknownNames.removeLast() }
        // The end tag's name is the start tag's (the parser checks), so is its element.
        let name = start.element
        textWanted = path.last?.element.keepsText ?? false
        // Where the element's start tag is (made only when a problem or a fact needs it).
        let file = self.file
        func here() -> SourceLocation { SourceLocation(file: file, line: start.line, column: start.column) }
        switch name {
        case .euRole:
            org.euRoles += OrganizationValidator.roles(content().split(separator: " ").map(String.init), field: "eu-role", at: here(), log: &log)
        case .condition:
            if let c = OrganizationValidator.vocabulary(content(), EUCondition.self, field: "condition", at: here(), log: &log), let holds = conditionHolds {
                let fact = ConditionFact(c, holds: holds, location: here())
                if parent == .scope { org.facts.append(fact) } else { currentSystem?.facts.append(fact) }
            }
        case .purpose: let c = content(); currentSystem?.purpose = c
        case .system where parent == .systems:
            if let s = currentSystem.take() { org.systems.append(s) }
        case .justification: let c = content(); currentDecision?.justification = c
        case .decision:
            if let d = currentDecision { org.decisions.append(d) }
            currentDecision = nil
        case .title where parent == .item: if inEvidence { text.fold(into: &pending.title) }
        case .location where parent == .item: if inEvidence { text.fold(into: &pending.locationURI) }
        case .sha256 where parent == .item:
            if text.isSHA256Hex() {
                if inEvidence { pending.sha256.removeAll(keepingCapacity: true); pending.sha256.append(contentsOf: text) }
            } else {
                let content = content()
                if inEvidence { pending.sha256.removeAll(keepingCapacity: true); pending.sha256.append(contentsOf: content.utf8) }
                if content.count != 64 || !content.allSatisfy(\.isHexDigit) { error(.invalidValue, "sha256 must be 64 hexadecimal digits", here()) }
            }
        case .item:
            if inEvidence {
                inEvidence = false
                if evidenceChecked && !(itemClean && Self.passes(pending)) { evidenceChecked = false }
                org.evidence.append(pending)
            }
        default: break
        }
        if !text.isEmpty { text.removeAll(keepingCapacity: true) }
    }

    mutating func characters(_ bytes: UnsafeRawBufferPointer, control: inout XMLStreamControl) {
        if textWanted { text.append(contentsOf: bytes) }
    }
}
