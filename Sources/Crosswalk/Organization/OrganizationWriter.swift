/// Writes an ``Organization`` in the organisation file format (`Docs/OrganisationFormat.md`),
/// the reader's counterpart: what ``OrganizationHandler`` reads back is the organisation
/// written, field for field (locations aside, and text elements with their white space
/// folded as the format reads them).
///
/// Elements and attributes come in the order of the format's example; a value equal to the
/// reader's default is left out (`lifecycle="production"`, `sourcing="in-house"`,
/// `holds="true"`, `coverage="full"`), every other value is written. Text and attribute
/// values are escaped (`&`, `<`, `>`, `"`, and tab, line feed and carriage return in
/// attributes, so the reader gets them back unchanged); a character XML 1.0 cannot carry
/// (a control character, U+FFFE, U+FFFF) is an error, never dropped.
struct OrganizationWriter {
    private var out: [UInt8] = []
    private var depth = 0

    /// The document for `org`, ending with a newline.
    /// - Throws: ``CrosswalkError`` `invalid-value` naming the field that holds a character
    ///   XML cannot carry, or a requirement without framework or label.
    static func document(_ org: Organization) throws(CrosswalkError) -> [UInt8] {
        var w = OrganizationWriter()
        try w.write(org)
        return w.out
    }

    private mutating func write(_ org: Organization) throws(CrosswalkError) {
        raw("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
        var root: [(String, String)] = [("xmlns", OrganizationLoader.namespace), ("version", "1"), ("name", org.name)]
        if org.primaryFrameworkDeclared || org.primaryFramework != .iso42001 { root.append(("primary-framework", org.primaryFramework.rawValue)) }
        if let d = org.assessmentDate { root.append(("assessment-date", d.description)) }
        try open("organization", root)

        try open("scope", [])
        for f in org.frameworks { try empty("framework", [("id", f.rawValue)]) }
        for r in org.euRoles { try leaf("eu-role", r.rawValue, []) }
        for f in org.facts { try condition(f) }
        close("scope")

        if !org.people.isEmpty {
            try open("people", [])
            for p in org.people {
                var a = [("id", p.id), ("name", p.name)]
                if !p.role.isEmpty { a.append(("role", p.role)) }
                try empty("person", a)
            }
            close("people")
        }

        if !org.systems.isEmpty {
            try open("systems", [])
            for s in org.systems { try system(s) }
            close("systems")
        }

        if !org.decisions.isEmpty {
            try open("applicability", [])
            for d in org.decisions {
                var a = [("requirement", try ref(d.requirement, "a decision"))]
                if let s = d.system { a.append(("system", s)) }
                a.append(("applicable", d.applicable ? "true" : "false"))
                if d.justification.isEmpty { try empty("decision", a) } else {
                    try open("decision", a)
                    try leaf("justification", d.justification, [])
                    close("decision")
                }
            }
            close("applicability")
        }

        if !org.evidence.isEmpty {
            try open("evidence", [])
            for e in org.evidence { try item(e) }
            close("evidence")
        }

        if !org.owners.isEmpty {
            try open("owners", [])
            for o in org.owners {
                var a = [("requirement", try ref(o.requirement, "an owner assignment"))]
                if let s = o.system { a.append(("system", s)) }
                a.append(("person", o.person))
                try empty("assign", a)
            }
            close("owners")
        }
        close("organization")
    }

    private mutating func system(_ s: AISystem) throws(CrosswalkError) {
        var a = [("id", s.id), ("name", s.name)]
        if !s.owner.isEmpty { a.append(("owner", s.owner)) }
        if !s.businessUnit.isEmpty { a.append(("business-unit", s.businessUnit)) }
        if s.lifecycle != .production { a.append(("lifecycle", s.lifecycle.rawValue)) }
        if s.sourcing != .inHouse { a.append(("sourcing", s.sourcing.rawValue)) }
        if !s.vendor.isEmpty { a.append(("vendor", s.vendor)) }
        if let t = s.riskTier { a.append(("risk-tier", t.rawValue)) }
        if let p = s.annexIII { a.append(("annex-iii", p.rawValue)) }
        if !s.euRoles.isEmpty { a.append(("eu-role", s.euRoles.map(\.rawValue).joined(separator: " "))) }
        if let d = s.placedOnMarket { a.append(("placed-on-market", d.description)) }
        if s.publicAuthorityUse { a.append(("public-authority-use", "true")) }
        if s.annexXComponent { a.append(("annex-x", "true")) }
        if let d = s.goLive { a.append(("go-live", d.description)) }
        if let d = s.retiredOn { a.append(("retired-on", d.description)) }
        if s.purpose.isEmpty && s.facts.isEmpty { try empty("system", a); return }
        try open("system", a)
        if !s.purpose.isEmpty { try leaf("purpose", s.purpose, []) }
        for f in s.facts { try condition(f) }
        close("system")
    }

    private mutating func item(_ e: Evidence) throws(CrosswalkError) {
        var a = [("id", e.id), ("kind", e.kind.rawValue)]
        if !e.owner.isEmpty { a.append(("owner", e.owner)) }
        if let d = e.collected { a.append(("collected", d.description)) }
        if let d = e.validUntil { a.append(("valid-until", d.description)) }
        if let n = e.reviewDays { a.append(("review-days", String(n))) }
        a.append(("status", e.status.rawValue))
        if e.providedBy != .organization { a.append(("provided-by", e.providedBy.rawValue)) }
        try open("item", a)
        if !e.title.isEmpty { try leaf("title", e.title, []) }
        if let c = e.certificate { try empty("certificate", [("standard", c.standard.rawValue), ("number", c.number), ("issuer", c.issuer)]) }
        for c in e.claims {
            var ca = [("requirement", try ref(c.requirement, "evidence \(e.id)"))]
            if c.coverage != .full { ca.append(("coverage", c.coverage.rawValue)) }
            try empty("satisfies", ca)
        }
        for s in e.systems { try empty("system", [("ref", s)]) }
        if !e.locationURI.isEmpty { try leaf("location", e.locationURI, []) }
        if !e.sha256.isEmpty { try leaf("sha256", e.sha256, []) }
        close("item")
    }

    private mutating func condition(_ f: ConditionFact) throws(CrosswalkError) {
        try leaf("condition", f.condition.rawValue, f.holds ? [] : [("holds", "false")])
    }

    private func ref(_ r: RequirementRef, _ owner: String) throws(CrosswalkError) -> String {
        guard !r.framework.rawValue.isEmpty, !r.label.isEmpty, !r.framework.rawValue.contains(":") else {
            throw CrosswalkError(.invalidValue, "\(owner) names requirement '\(r)', which the format cannot write; a requirement is framework:label, neither empty and the framework without ':'",
                                 at: SourceLocation(file: ""))
        }
        return r.description
    }

    // MARK: Bytes

    private mutating func raw(_ s: String) { out.append(contentsOf: s.utf8) }

    private mutating func indent() { out.append(contentsOf: repeatElement(UInt8(ascii: " "), count: depth * 2)) }

    private mutating func startTag(_ name: String, _ attrs: [(String, String)]) throws(CrosswalkError) {
        indent()
        raw("<" + name)
        for (k, v) in attrs {
            raw(" \(k)=\"")
            try escape(v, attribute: true, field: "\(k) on <\(name)>")
            raw("\"")
        }
    }

    private mutating func open(_ name: String, _ attrs: [(String, String)]) throws(CrosswalkError) {
        try startTag(name, attrs)
        raw(">\n")
        depth += 1
    }

    private mutating func close(_ name: String) {
        depth -= 1
        indent()
        raw("</\(name)>\n")
    }

    private mutating func empty(_ name: String, _ attrs: [(String, String)]) throws(CrosswalkError) {
        try startTag(name, attrs)
        raw("/>\n")
    }

    private mutating func leaf(_ name: String, _ text: String, _ attrs: [(String, String)]) throws(CrosswalkError) {
        try startTag(name, attrs)
        raw(">")
        try escape(text, attribute: false, field: "<\(name)>")
        raw("</\(name)>\n")
    }

    /// Appends `s` escaped; refuses what XML 1.0 cannot carry.
    private mutating func escape(_ s: String, attribute: Bool, field: String) throws(CrosswalkError) {
        for ch in s.unicodeScalars {
            switch ch {
            case "&": raw("&amp;")
            case "<": raw("&lt;")
            case ">": raw("&gt;")
            case "\"" where attribute: raw("&quot;")
            case "\t" where attribute: raw("&#9;")
            case "\n" where attribute: raw("&#10;")
            case "\r": raw("&#13;")
            default:
                if (ch.value < 0x20 && ch != "\n" && ch != "\t") || ch.value == 0xFFFE || ch.value == 0xFFFF {
                    let hex = String(ch.value, radix: 16, uppercase: true)
                    throw CrosswalkError(.invalidValue, "\(field) holds the character U+\(String(repeating: "0", count: max(0, 4 - hex.count)) + hex), which XML 1.0 cannot carry; remove it",
                                         at: SourceLocation(file: ""))
                }
                out.append(contentsOf: String(ch).utf8)
            }
        }
    }
}

extension Organization {
    /// The organisation in the organisation file format (`Docs/OrganisationFormat.md`),
    /// UTF-8: what ``init(contentsOf:catalogs:limits:progress:)`` reads back as this organisation
    /// (locations aside; text elements are read with runs of white space folded).
    /// - Throws: ``CrosswalkError`` `invalid-value` when a value holds a character XML 1.0
    ///   cannot carry (a control character), or a requirement has no framework or label.
    public func xmlDocument() throws(CrosswalkError) -> [UInt8] {
        try OrganizationWriter.document(self)
    }

    /// Writes the organisation file to `path` atomically (a temporary file renamed over
    /// it), creating the folder if needed.
    /// - Throws: ``CrosswalkError`` as ``xmlDocument()``, or `io-error`.
    public func write(to path: String) throws(CrosswalkError) {
        let bytes = try xmlDocument()
        try AtomicFile.createParentFolder(of: path)
        try AtomicFile.write(bytes, to: path)
    }
}
