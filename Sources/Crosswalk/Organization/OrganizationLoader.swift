import _CrosswalkXML

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
        do {
            try XMLStreamReader.parse(bytes, limits: limits.xml.raw, handler: &handler)
        } catch {
            throw CrosswalkError(error, file: file)
        }
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

/// Builds an ``Organization`` from streaming events.
struct OrganizationHandler: XMLEventHandler {
    var org = Organization(name: "")
    var log: DiagnosticLog
    let file: String
    private var path: [String] = []
    private var text: [UInt8] = []
    private var currentSystem: AISystem?
    private var currentEvidence: Evidence?
    private var currentDecision: ApplicabilityDecision?
    private var sawRoot = false
    /// For the identifier-length limit.
    var limits = InputLimits.default

    init(file: String) {
        self.file = file
        self.log = DiagnosticLog(file: file)
    }

    static let allowed: [String: (parent: String, attributes: Set<String>)] = [
        "organization": ("", ["version", "name", "primary-framework", "assessment-date"]),
        "scope": ("organization", []), "framework": ("scope", ["id"]), "eu-role": ("scope", []), "condition": ("*", []),
        "people": ("organization", []), "person": ("people", ["id", "name", "role"]),
        "systems": ("organization", []),
        "system": ("*", ["id", "name", "owner", "business-unit", "lifecycle", "sourcing", "vendor", "risk-tier", "annex-iii", "eu-role", "ref"]),
        "purpose": ("system", []),
        "applicability": ("organization", []), "decision": ("applicability", ["requirement", "applicable"]), "justification": ("decision", []),
        "evidence": ("organization", []),
        "item": ("evidence", ["id", "kind", "owner", "collected", "valid-until", "review-days", "status"]),
        "title": ("item", []), "satisfies": ("item", ["requirement", "coverage"]), "location": ("item", []), "sha256": ("item", []),
        "owners": ("organization", []), "assign": ("owners", ["requirement", "person"]),
    ]

    mutating func error(_ code: CrosswalkError.Code, _ message: String, _ line: Int) { log.error(code, message, line: line) }

    func ref(_ text: String) -> RequirementRef? { RequirementRef(parsing: text) }

    mutating func date(_ value: String?, _ name: String, _ line: Int) -> CalendarDate? {
        guard let value, !value.isEmpty else { return nil }
        if let d = CalendarDate(value) { return d }
        error(.invalidValue, "\(name) '\(value)' is not a date; write YYYY-MM-DD", line)
        return nil
    }

    mutating func startElement(name: String, namespace: String, attributes: [XMLAttribute], line: Int, column: Int, control: inout XMLStreamControl) {
        text.removeAll(keepingCapacity: true)
        let parent = path.last ?? ""
        path.append(name)
        if !sawRoot {
            sawRoot = true
            guard name == "organization", namespace == OrganizationLoader.namespace else {
                control.stop(XMLParseError(.malformed, "expected <organization xmlns=\"\(OrganizationLoader.namespace)\">, found <\(name)>; see Docs/OrganisationFormat.md", line: line, column: column))
                return
            }
        }
        guard namespace == OrganizationLoader.namespace, let rule = Self.allowed[name], rule.parent == "*" || rule.parent == parent,
              !(name == "system" && parent != "systems" && parent != "item"), !(name == "condition" && parent != "scope" && parent != "system") else {
            error(.unknownElement, "<\(name)> is not allowed in <\(parent)>; see Docs/OrganisationFormat.md", line)
            return
        }
        var a: [String: String] = [:]
        for attr in attributes {
            if !attr.namespace.isEmpty || !rule.attributes.contains(attr.name) || (name == "system" && parent == "item" && attr.name != "ref") {
                error(.unknownAttribute, "attribute '\(attr.name)' is not allowed on <\(name)>; allowed: \(rule.attributes.sorted().joined(separator: ", "))", line)
            } else {
                a[attr.name] = attr.value
            }
        }
        for key in ["id", "ref", "owner", "person", "requirement"] {
            if let v = a[key], let problem = limits.identifierProblem(v, "\(key) on <\(name)>") { error(.identifierTooLong, problem, line) }
        }
        let location = SourceLocation(file: file, line: line, column: column)
        switch name {
        case "organization":
            org.name = a["name"] ?? ""
            if org.name.isEmpty { error(.missingAttribute, "<organization> needs a name", line) }
            if let v = a["version"], v != "1" { error(.unsupportedVersion, "organisation format version \(v) is not supported; supported: 1", line) }
            if let p = a["primary-framework"] { org.primaryFramework = FrameworkID(p) }
            org.assessmentDate = date(a["assessment-date"], "assessment-date", line)
        case "framework": org.frameworks.append(FrameworkID(a["id"] ?? ""))
        case "person":
            org.people.append(Person(id: a["id"] ?? "", name: a["name"] ?? "", role: a["role"] ?? ""))
        case "system" where parent == "systems":
            var s = AISystem(id: a["id"] ?? "", name: a["name"] ?? "")
            s.owner = a["owner"] ?? ""
            s.businessUnit = a["business-unit"] ?? ""
            s.lifecycle = a["lifecycle"] ?? "production"
            s.sourcing = a["sourcing"] ?? "in-house"
            s.vendor = a["vendor"] ?? ""
            s.riskTier = a["risk-tier"] ?? "minimal"
            s.annexIII = a["annex-iii"] ?? ""
            s.euRoles = (a["eu-role"] ?? "").split(separator: " ").map(String.init)
            currentSystem = s
            checkVocabulary(s.lifecycle, ["planned", "development", "production", "retired"], "lifecycle", line)
            checkVocabulary(s.sourcing, ["in-house", "third-party-service", "embedded"], "sourcing", line)
            checkVocabulary(s.riskTier, ["prohibited", "high", "limited", "minimal", "general-purpose", "general-purpose-systemic"], "risk-tier", line)
            for r in s.euRoles { checkVocabulary(r, Self.roles, "eu-role", line) }
        case "system":
            if let r = a["ref"] { currentEvidence?.systems.append(r) } else { error(.missingAttribute, "<system> in <item> needs ref naming a system id", line) }
        case "decision":
            guard let r = a["requirement"].flatMap(ref) else { error(.invalidValue, "decision needs requirement=\"framework:label\"", line); return }
            let applicable = a["applicable"] ?? "true"
            if applicable != "true" && applicable != "false" { error(.invalidValue, "applicable must be true or false", line) }
            currentDecision = ApplicabilityDecision(requirement: r, applicable: applicable != "false", justification: "", location: location)
        case "item":
            let status = a["status"] ?? "approved"
            checkVocabulary(status, ["draft", "approved"], "status", line)
            checkVocabulary(a["kind"] ?? "other", ["policy", "procedure", "record", "assessment", "log", "contract", "training-record", "report", "plan", "other"], "kind", line)
            var reviewDays: Int?
            if let r = a["review-days"] {
                if let n = Int(r), n > 0, n <= 36_500 { reviewDays = n } else { error(.invalidValue, "review-days '\(r)' must be a whole number of days from 1 to 36500", line) }
            }
            currentEvidence = Evidence(id: a["id"] ?? "", title: "", kind: a["kind"] ?? "other", owner: a["owner"] ?? "",
                                       collected: date(a["collected"], "collected", line), validUntil: date(a["valid-until"], "valid-until", line),
                                       reviewDays: reviewDays, status: status, claims: [], systems: [], locationURI: "", sha256: "", location: location)
        case "satisfies":
            guard let r = a["requirement"].flatMap(ref) else { error(.invalidValue, "satisfies needs requirement=\"framework:label\"", line); return }
            let coverage = a["coverage"] ?? "full"
            checkVocabulary(coverage, ["full", "partial"], "coverage", line)
            currentEvidence?.claims.append(EvidenceClaim(requirement: r, full: coverage == "full"))
            claimLines.append(line)
        case "assign":
            guard let r = a["requirement"].flatMap(ref) else { error(.invalidValue, "assign needs requirement=\"framework:label\"", line); return }
            org.owners.append(OwnerAssignment(requirement: r, person: a["person"] ?? "", location: location))
        default: break
        }
    }

    /// Lines of `satisfies` elements, in order, for located reference errors.
    var claimLines: [Int] = []

    static let roles = ["provider", "deployer", "importer", "distributor", "authorised-representative", "product-manufacturer"]

    mutating func checkVocabulary(_ value: String, _ allowed: [String], _ name: String, _ line: Int) {
        if !allowed.contains(value) { error(.invalidValue, "\(name) '\(value)' is not one of \(allowed.joined(separator: ", "))", line) }
    }

    mutating func endElement(name: String, namespace: String, line: Int, control: inout XMLStreamControl) {
        let content = String(decoding: text, as: UTF8.self).foldingWhitespace()
        text.removeAll(keepingCapacity: true)
        let parent = path.count >= 2 ? path[path.count - 2] : ""
        path.removeLast()
        switch name {
        case "eu-role":
            for r in content.split(separator: " ").map(String.init) { checkVocabulary(r, Self.roles, "eu-role", line); org.euRoles.append(r) }
        case "condition":
            if parent == "scope" { org.conditions.append(content) } else { currentSystem?.conditions.append(content) }
        case "purpose": currentSystem?.purpose = content
        case "system" where currentSystem != nil && parent == "systems":
            org.systems.append(currentSystem!)
            currentSystem = nil
        case "justification": currentDecision?.justification = content
        case "decision":
            if let d = currentDecision { org.decisions.append(d) }
            currentDecision = nil
        case "title" where parent == "item": currentEvidence?.title = content
        case "location" where parent == "item": currentEvidence?.locationURI = content
        case "sha256" where parent == "item":
            currentEvidence?.sha256 = content
            if content.count != 64 || !content.allSatisfy(\.isHexDigit) { error(.invalidValue, "sha256 must be 64 hexadecimal digits", line) }
        case "item":
            if let e = currentEvidence { org.evidence.append(e) }
            currentEvidence = nil
        default: break
        }
    }

    mutating func characters(_ bytes: UnsafeRawBufferPointer, control: inout XMLStreamControl) {
        text.append(contentsOf: bytes)
    }
}


/// Cross-reference checks once the whole file is read.
enum OrganizationChecker {
    static func check(_ org: inout Organization, catalogs: CatalogSet, log: inout DiagnosticLog) {
        let line = 1
        func requirement(_ r: RequirementRef, at location: SourceLocation, what: String) {
            guard let c = catalogs.catalog(r.framework) else {
                log.error(.unknownFramework, "\(what) names framework '\(r.framework)', which is not loaded (loaded: \(catalogs.frameworks.map(\.rawValue).joined(separator: ", ")))", at: location)
                return
            }
            guard let e = c.entry(label: r.label) else {
                log.error(.unknownRequirement, "\(what) names '\(r)', which \(r.framework) does not have; check the label with `crosswalk show \(r.framework)`", at: location)
                return
            }
            if !e.isRequirement {
                log.error(.unknownRequirement, "\(what) names '\(r)', a heading; name one of its requirements: \(c.children(of: e.label).prefix(6).map(\.label).joined(separator: ", "))", at: location)
            }
        }
        if org.frameworks.isEmpty { log.error(.missingElement, "<scope> names no <framework id=…>; list the frameworks in scope", line: line) }
        for f in org.frameworks where catalogs.catalog(f) == nil {
            log.error(.unknownFramework, "framework '\(f)' in scope is not loaded (loaded: \(catalogs.frameworks.map(\.rawValue).joined(separator: ", ")))", line: line)
        }
        var people = Set<String>()
        for p in org.people {
            if p.id.isEmpty { log.error(.missingAttribute, "a person needs an id", line: line) }
            else if !people.insert(p.id).inserted { log.error(.duplicateIdentifier, "person id '\(p.id)' is used twice", line: line) }
        }
        var systems = Set<String>()
        for s in org.systems {
            if s.id.isEmpty { log.error(.missingAttribute, "a system needs an id", line: line) }
            else if !systems.insert(s.id).inserted { log.error(.duplicateIdentifier, "system id '\(s.id)' is used twice; system ids must be unique", line: line) }
            if !s.owner.isEmpty && !people.contains(s.owner) { log.error(.unknownRequirement, "system \(s.id) has owner '\(s.owner)', who is not in <people>", line: line) }
        }
        var ids = Set<String>()
        for e in org.evidence {
            if e.id.isEmpty { log.error(.missingAttribute, "an evidence item needs an id", at: e.location) }
            else if !ids.insert(e.id).inserted { log.error(.duplicateIdentifier, "evidence id '\(e.id)' is used twice; ids must be unique", at: e.location) }
            if e.claims.isEmpty { log.error(.missingElement, "evidence \(e.id) satisfies nothing: add <satisfies requirement=\"framework:label\"/>", at: e.location) }
            for c in e.claims { requirement(c.requirement, at: e.location, what: "evidence \(e.id)") }
            for s in e.systems where !systems.contains(s) { log.error(.unknownRequirement, "evidence \(e.id) names system '\(s)', which is not in <systems>", at: e.location) }
            if !e.owner.isEmpty && !people.contains(e.owner) { log.error(.unknownRequirement, "evidence \(e.id) has owner '\(e.owner)', who is not in <people>", at: e.location) }
            if let c = e.collected, let v = e.validUntil, v < c { log.error(.invalidValue, "evidence \(e.id) is valid until \(v), before it was collected (\(c))", at: e.location) }
        }
        for d in org.decisions { requirement(d.requirement, at: d.location, what: "applicability decision") }
        for o in org.owners {
            requirement(o.requirement, at: o.location, what: "owner assignment")
            if !people.contains(o.person) { log.error(.unknownRequirement, "owner assignment names person '\(o.person)', who is not in <people>", line: o.location.line) }
        }
    }
}
