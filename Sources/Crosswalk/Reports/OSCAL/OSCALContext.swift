/// What the OSCAL documents of one assessment share: identities (UUIDs derived from the
/// content), parties, the AI systems as components and inventory items, the evidence
/// register, the catalogues with their hashes, and the timestamps, all resolved once.
struct OSCALContext: Sendable {
    let assessment: Assessment
    let deliverables: Deliverables
    let organization: Organization
    let catalogs: CatalogSet
    let provenance: Provenance

    /// Midnight UTC of the as-of date: every timestamp of the documents.
    let timestamp: String
    static func dateTime(_ d: CalendarDate) -> String { "\(d)T00:00:00Z" }

    /// The name-based UUID of the organisation's name and `parts`, joined by U+001F.
    func uuid(_ parts: String...) -> String { NameUUID.crosswalk(prefix: organizationName, parts: parts) }
    /// The organisation's name in UTF-8, the first part of every UUID's name.
    private let organizationName: [UInt8]

    var organizationParty: String { uuid("party", "organization") }
    func personParty(_ id: String) -> String { uuid("party", "person", id) }
    func component(_ system: String) -> String { uuid("component", system) }
    func inventoryItem(_ system: String) -> String { inventoryItems[system] ?? uuid("inventory-item", system) }
    func observation(_ c: Cell) -> String { uuid("observation", c.requirement.description, c.system ?? "") }
    func finding(_ c: Cell) -> String { uuid("finding", c.requirement.description, c.system ?? "") }
    func catalogResource(_ f: FrameworkID) -> String { uuid("resource", "catalog", f.rawValue) }
    var assessmentPlanPlaceholder: String { uuid("resource", "no-assessment-plan") }

    /// The indices of the assessed cells (those with an observation), in assessment order.
    var assessedCells: [Int] { assessment.cells.indices.filter { OSCALCellMapping.state(assessment.cells[$0].status) != nil } }

    /// Per evidence id, the index of its first item in the register (items are not copied;
    /// the map is shared by the reports of a bundle, ``EvidencePositions``).
    private let evidenceIndex: [String: Int32]
    /// Per item of the register, its back-matter resource's UUID when an assessed cell cites
    /// it (made once, not once per citation), else empty.
    private let evidenceResources: [String]
    /// The inventory item's UUID of each AI system (made once, not once per observation).
    private let inventoryItems: [String: String]

    /// `positions`: the evidence positions shared by the reports of a bundle (nil: made here).
    init(_ a: Assessment, deliverables: Deliverables, organization: Organization, catalogs: CatalogSet, provenance: Provenance,
         positions: EvidencePositions? = nil) {
        assessment = a; self.deliverables = deliverables; self.organization = organization; self.catalogs = catalogs; self.provenance = provenance
        timestamp = Self.dateTime(a.asOf)
        organizationName = Array(organization.name.utf8)
        let index = (positions ?? EvidencePositions(organization)).map
        evidenceIndex = index
        var resources = [String](repeating: "", count: organization.evidence.count)
        var items: [String: String] = [:]
        let name = organizationName
        func uuid(_ parts: String...) -> String { NameUUID.crosswalk(prefix: name, parts: parts) }
        for s in organization.systems where items[s.id] == nil { items[s.id] = uuid("inventory-item", s.id) }
        inventoryItems = items
        for c in a.cells.indices where OSCALCellMapping.state(a.cells[c].status) != nil {
            for id in a.cells[c].evidence { if let i = index[id].map(Int.init), resources[i].isEmpty { resources[i] = uuid("resource", "evidence", id) } }
        }
        evidenceResources = resources
    }

    // MARK: Metadata

    /// `metadata`: title, dates, the version of the document (the as-of date), roles, the
    /// organisation and its people as parties.
    func metadata(title: String) -> OSCALNode {
        var children: [OSCALNode] = [
            .field("title", title),
            .field("last-modified", timestamp),
            .field("version", assessment.asOf.description),
            .field("oscal-version", OSCALNode.oscalVersion),
            .prop("crosswalk-version", provenance.crosswalkVersion),
        ]
        children += [("asset-owner", "AI system owner"), ("action-owner", "Remediation action owner"), ("requirement-owner", "Requirement owner")].map {
            .assembly("role", group: "roles", [("id", $0.0)], [.field("title", $0.1)])
        }
        children.append(.assembly("party", group: "parties", [("uuid", organizationParty), ("type", "organization")], [.field("name", organization.name)]))
        for p in organization.people {
            var kids: [OSCALNode] = [.field("name", p.name.isEmpty ? p.id : p.name), .field("short-name", p.id)]
            if !p.role.isEmpty { kids.append(.prop("job-title", p.role, ns: nil)) }
            kids.append(.field("member-of-organization", group: "member-of-organizations", organizationParty))
            children.append(.assembly("party", group: "parties", [("uuid", personParty(p.id)), ("type", "person")], kids))
        }
        return .assembly("metadata", children)
    }

    func isPerson(_ id: String?) -> Bool { id.map { id in organization.people.contains { $0.id == id } } ?? false }

    // MARK: Systems

    /// The AI systems: one component and one inventory item (implementing it) each.
    func systemDefinitions() -> (components: [OSCALNode], items: [OSCALNode]) {
        var components: [OSCALNode] = [], items: [OSCALNode] = []
        for s in organization.systems {
            let state: String = switch s.lifecycle {
            case .production: "operational"
            case .planned, .development: "under-development"
            case .retired: "disposition"
            }
            var props: [OSCALNode] = [.prop("system-id", s.id), .prop("risk-tier", s.riskTier?.rawValue ?? "not-declared"),
                                      .prop("lifecycle", s.lifecycle.rawValue), .prop("sourcing", s.sourcing.rawValue)]
            if let point = s.annexIII { props.append(.prop("annex-iii", point.rawValue)) }
            for r in s.euRoles { props.append(.prop("eu-role", r.rawValue)) }
            if !s.vendor.isEmpty { props.append(.prop("vendor", s.vendor)) }
            if !s.businessUnit.isEmpty { props.append(.prop("business-unit", s.businessUnit)) }
            var kids: [OSCALNode] = [.field("title", "\(s.id) — \(s.name)"), .markup("description", s.purpose.isEmpty ? s.name : s.purpose)]
            kids += props
            kids.append(.assembly("status", [("state", state)]))
            components.append(.assembly("component", group: "components", [("uuid", component(s.id)), ("type", "software")], kids))
            var itemKids: [OSCALNode] = [.markup("description", "AI system \(s.id) (\(s.name)) in the inventory of \(organization.name)."), .prop("system-id", s.id)]
            if isPerson(s.owner) {
                itemKids.append(.assembly("responsible-party", group: "responsible-parties", [("role-id", "asset-owner")], [.field("party-uuid", group: "party-uuids", personParty(s.owner))]))
            }
            itemKids.append(.assembly("implemented-component", group: "implemented-components", [("component-uuid", component(s.id))]))
            items.append(.assembly("inventory-item", group: "inventory-items", [("uuid", inventoryItem(s.id))], itemKids))
        }
        return (components, items)
    }

    // MARK: Observations

    /// The observation of one assessed cell: what was examined, of which subject, with
    /// which evidence (each item cited by its back-matter resource, ``evidenceResource(_:)``),
    /// written straight into the document (``OSCALStream``).
    ///
    /// In the assessment results (`standalone` false) the cell's finding carries the reason
    /// and the machine-readable status (props `framework`, `requirement`, `cell-status`,
    /// `reason-code`), so the observation says only what was examined. The POA&M has no
    /// findings: there (`standalone`) the observation carries the reason and those props.
    func writeObservation(_ c: Cell, standalone: Bool, to s: inout OSCALStream) {
        s.begin("observation", group: "observations")
        s.flag("uuid", observation(c))
        let title = catalogs.entry(c.requirement)?.title ?? ""
        s.field("title", "\(c.requirement.framework) \(c.requirement.label)\(title.isEmpty ? "" : " " + title)" + (c.system.map { " — \($0)" } ?? " — organisation"))
        if standalone {
            s.markup("description", c.sentence)
            s.prop("framework", c.requirement.framework.rawValue); s.prop("requirement", c.requirement.label)
            s.prop("cell-status", c.status.rawValue); s.prop("reason-code", c.reason.code)
        } else {
            s.markup("description", Self.examined(c))
        }
        for v in c.via { s.prop("via", v) }
        s.field("method", group: "methods", "EXAMINE")
        s.begin("subject", group: "subjects")
        if let system = c.system, let item = inventoryItems[system] {
            s.flag("subject-uuid", item); s.flag("type", "inventory-item")
            s.field("title", system)
        } else {
            s.flag("subject-uuid", organizationParty); s.flag("type", "party")
            s.field("title", organization.name)
        }
        s.end()
        var expires: CalendarDate?
        for id in c.evidence {
            guard let i = evidenceIndex[id].map(Int.init) else { continue }
            // OSCAL requires a description; the resource cited describes the item.
            s.begin("relevant-evidence", group: "relevant-evidence")
            s.flag("href", "#" + evidenceResource(at: i))
            s.markup("description", id)
            s.end()
            if let x = organization.evidence.expires(i), expires.map({ x < $0 }) ?? true { expires = x }
        }
        s.field("collected", timestamp)
        if let expires { s.field("expires", Self.dateTime(expires)) }
        s.end()
    }

    /// What an observation of the assessment results says it examined: the evidence cited,
    /// and how many items are not listed (``Cell/evidenceOmitted``).
    static func examined(_ c: Cell) -> String {
        let n = c.evidence.count
        var s = n == 0 ? "Evidence register examined; no item cited" : "Evidence register examined; \(n) item\(n == 1 ? "" : "s") cited"
        if c.evidenceOmitted > 0 { s += ", \(c.evidenceOmitted) more not listed" }
        return s + "."
    }

    /// The back-matter resource that describes evidence item `id` (cited by observations
    /// as `#uuid`).
    func evidenceResource(_ id: String) -> String { evidenceIndex[id].map { evidenceResource(at: Int($0)) } ?? uuid("resource", "evidence", id) }

    /// ``evidenceResource(_:)`` of the register's item at `i` (the first with its id).
    private func evidenceResource(at i: Int) -> String {
        let made = evidenceResources[i]
        return made.isEmpty ? uuid("resource", "evidence", organization.evidence.id(i)) : made
    }

    /// The evidence items the observations of `cells` cite, each once, in register order
    /// (indices into the organisation's evidence: the first item of each id).
    func citedEvidence(_ cells: [Int]) -> [Int] {
        var cited = [Bool](repeating: false, count: organization.evidence.count)
        for i in cells { for id in assessment.cells[i].evidence { if let e = evidenceIndex[id] { cited[Int(e)] = true } } }
        return cited.indices.filter { cited[$0] }
    }

    /// One evidence item (the register's item at `i`) as a back-matter resource: its title,
    /// a description with its kind, status and dates (and its location when that is not a
    /// URI), props `evidence-id` and `sha256`, and an rlink to its location when that is a
    /// URI; written straight into the document (``OSCALStream``).
    func writeEvidenceResource(at i: Int, to s: inout OSCALStream) {
        // From the register's columns: no `Evidence` made.
        let register = organization.evidence
        let id = register.id(i), kind = register.kind(i), status = register.status(i), locationURI = register.locationURI(i), title = register.title(i)
        var words = "Evidence \(id): \(Self.kindWords[kind] ?? "\(kind)"), \(Self.statusWords[status] ?? "\(status)")"
        if let d = register.collected(i) { words += ", collected \(d)" }
        if let x = register.expires(i) { words += ", valid until \(x)" }
        let uri = Self.isURIReference(locationURI)
        if !uri && !locationURI.isEmpty { words += ", at \(locationURI)" }
        s.begin("resource", group: "resources")
        s.flag("uuid", evidenceResource(at: i))
        s.field("title", title.isEmpty ? id : title)
        s.markup("description", words + ".")
        s.prop("evidence-id", id)
        if register.hasSHA256(i) { s.prop("sha256", register.sha256(i)) }
        if uri {
            s.begin("rlink", group: "rlinks")
            s.flag("href", locationURI)
            s.end()
        }
        s.end()
    }

    /// How a description names each evidence kind and status: as Swift prints the value
    /// (`trainingRecord`), worked out once instead of by reflection for every resource.
    private static let kindWords = Dictionary(uniqueKeysWithValues: EvidenceKind.allCases.map { ($0, "\($0)") })
    private static let statusWords = Dictionary(uniqueKeysWithValues: EvidenceStatus.allCases.map { ($0, "\($0)") })

    /// True for a plausible absolute URI without spaces (what OSCAL's uri-reference allows here).
    static func isURIReference(_ s: String) -> Bool {
        // ASCII (nearly every location): the same test on bytes, without Character's
        // Unicode properties (ASCII letters, digits; newlines are 0x0A–0x0D).
        if s.utf8.allSatisfy({ $0 < 0x80 }) {
            let u = Array(s.utf8)
            guard let colon = u.firstIndex(of: UInt8(ascii: ":")), colon > 0 else { return false }
            func letter(_ b: UInt8) -> Bool { (b | 0x20) >= UInt8(ascii: "a") && (b | 0x20) <= UInt8(ascii: "z") }
            func digit(_ b: UInt8) -> Bool { b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9") }
            guard letter(u[0]), u[..<colon].allSatisfy({ letter($0) || digit($0) || $0 == UInt8(ascii: "+") || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: ".") })
            else { return false }
            return !u.contains { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "<") || $0 == UInt8(ascii: ">") || ($0 >= 0x0A && $0 <= 0x0D) }
        }
        guard !s.isEmpty, let colon = s.firstIndex(of: ":"), colon != s.startIndex else { return false }
        let scheme = s[..<colon]
        guard scheme.first!.isLetter, scheme.allSatisfy({ $0.isLetter || $0.isNumber || "+-.".contains($0) }) else { return false }
        return !s.contains { $0 == " " || $0 == "\"" || $0 == "<" || $0 == ">" || $0.isNewline }
    }

    // MARK: Back matter

    /// One resource per catalogue assessed (with its file's SHA-256), the organisation
    /// file(s), the placeholder that stands for the assessment plan, and one per evidence
    /// item the observations of `cells` cite.
    func backMatter(includePlanPlaceholder: Bool, citedBy cells: [Int]) -> OSCALNode {
        var resources: [OSCALNode] = []
        for f in assessment.frameworks {
            guard let cat = catalogs.catalog(f) else { continue }
            var kids: [OSCALNode] = [.field("title", cat.title), .markup("description", "The \(f.rawValue) catalogue Crosswalk assessed against (OSCAL \(cat.oscalVersion), version \(cat.version)). Finding targets are statement ids of this catalogue."),
                                     .prop("framework", f.rawValue)]
            if let d = provenance.referenceFiles.first(where: { $0.kind == .catalog && $0.subject == f.rawValue }) {
                kids.append(.assembly("rlink", group: "rlinks", [("href", d.name), ("media-type", "application/oscal.catalog+xml")],
                                      [OSCALNode(name: "hash", group: "hashes", flags: [("algorithm", "SHA-256")], content: .text(d.sha256), jsonValueKey: "value")]))
            }
            resources.append(.assembly("resource", group: "resources", [("uuid", catalogResource(f))], kids))
        }
        for (i, d) in provenance.organizationFiles.enumerated() {
            resources.append(.assembly("resource", group: "resources", [("uuid", uuid("resource", "organization-file", String(i)))], [
                .field("title", "Organisation file \(d.name)"), .markup("description", "The organisation file assessed (people, AI systems, applicability decisions, evidence register)."),
                .assembly("rlink", group: "rlinks", [("href", d.name)], [OSCALNode(name: "hash", group: "hashes", flags: [("algorithm", "SHA-256")], content: .text(d.sha256), jsonValueKey: "value")]),
            ]))
        }
        if includePlanPlaceholder {
            resources.append(.assembly("resource", group: "resources", [("uuid", assessmentPlanPlaceholder)], [
                .field("title", "No OSCAL assessment plan"),
                .markup("description", ["Crosswalk assesses an organisation's evidence register against the catalogues listed here; no OSCAL assessment plan exists for this assessment.",
                                        "This resource stands in for the import-ap reference that OSCAL requires (see Crosswalk's Docs/OSCAL.md). Replace it with your assessment plan if you have one."]),
                .prop("placeholder", "assessment-plan"),
            ]))
        }
        let cited = citedEvidence(cells)
        if !cited.isEmpty {
            // Built as they are written, like the observations that cite them.
            resources.append(.streamed("resource", group: "resources", count: cited.count) { writeEvidenceResource(at: cited[$0], to: &$1) })
        }
        return .assembly("back-matter", resources)
    }
}
