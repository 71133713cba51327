// A cell's reason as a value (`Docs/Values.md`): an object whose `code` is the reason's
// stable code (``CellReason/code``) and whose other members are the case's values. The
// same object is written as `reasonDetail` in `assessment.json` (``AssessmentJSON``).

extension CellReason: Codable {
    enum Key: String, CodingKey {
        case code, system, item, certificate, lastValidDay, items, windowDays, through, relationship, strength, derived, credit, process, via,
             requirement, justification, binds, asOf, from, basis, facts, underlying, vendor, goLive
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: Key.self)
        func s(_ k: Key) throws -> String { try c.decode(String.self, forKey: k) }
        func system() throws -> String? { try c.decodeIfPresent(String.self, forKey: .system) }
        func items() throws -> [String] { try c.decode([String].self, forKey: .items) }
        func day() throws -> CalendarDate { try c.decode(CalendarDate.self, forKey: .lastValidDay) }
        let code = try s(.code)
        switch code {
        case "met": self = .met(system: try system())
        case "met-by-certificate":
            self = .metByCertificate(system: try system(), item: try s(.item), certificate: try c.decode(EvidenceCertificate.self, forKey: .certificate),
                                     lastValidDay: try c.decodeIfPresent(CalendarDate.self, forKey: .lastValidDay))
        case "met-via-mapping": self = .metViaMapping(system: try system())
        case "evidence-expiring":
            self = .evidenceExpiring(system: try system(), items: try items(), lastValidDay: try day(), windowDays: try c.decode(Int.self, forKey: .windowDays))
        case "partial-evidence": self = .partialEvidence(system: try system(), items: try items())
        case "partial-via-mapping":
            self = .partialViaMapping(system: try system(), through: try c.decode(RequirementRef.self, forKey: .through),
                                      relationship: try c.decode(Relationship.self, forKey: .relationship), strength: try c.decode(Int.self, forKey: .strength),
                                      derived: try c.decode(Bool.self, forKey: .derived), credit: try c.decode(Double.self, forKey: .credit))
        case "partial-scope": self = .partialScope
        case "met-by-supplier-assurance": self = .metBySupplierAssurance(system: try s(.system), vendor: try s(.vendor), items: try items())
        case "no-supplier-assurance": self = .noSupplierAssurance(system: try s(.system), vendor: try s(.vendor))
        case "no-supplier-due-diligence":
            self = .noSupplierDueDiligence(system: try s(.system), vendor: try s(.vendor), process: try c.decode([String].self, forKey: .process))
        case "not-yet-in-operation": self = .notYetInOperation(system: try s(.system), goLive: try c.decodeIfPresent(CalendarDate.self, forKey: .goLive))
        case "evidence-expired": self = .evidenceExpired(system: try system(), items: try items(), lastValidDay: try day())
        case "execution-gap": self = .executionGap(system: try s(.system), process: try c.decode([String].self, forKey: .process))
        case "expired-partial-route":
            self = .expiredOnPartialRoute(system: try system(), items: try items(), lastValidDay: try day(), via: try c.decode([String].self, forKey: .via))
        case "draft-only": self = .draftOnly(system: try system())
        case "no-evidence": self = .noEvidence(system: try system())
        case "no-process": self = .noProcess(requirement: try s(.requirement))
        case "no-inventory": self = .noInventory
        case "soa-excluded": self = .soaExcluded(justification: try s(.justification))
        case "no-matching-system": self = .noMatchingSystem(requirement: try s(.requirement), binds: try s(.binds))
        case "not-in-force": self = .notInForce(requirement: try s(.requirement), asOf: try c.decode(CalendarDate.self, forKey: .asOf))
        case "not-yet-applicable": self = .notYetApplicable(from: try c.decode(CalendarDate.self, forKey: .from), basis: try c.decodeIfPresent(String.self, forKey: .basis))
        case "prohibited-practice": self = .prohibitedPractice(system: try s(.system), requirement: try s(.requirement))
        case "unclassified", "undeclared-fact": self = .undetermined(requirement: try s(.requirement), facts: try c.decode([OpenFact].self, forKey: .facts))
        case "unjustified-exclusion": self = .unjustifiedExclusion(underlying: try c.decode(CellReason.self, forKey: .underlying))
        case "mandatory-excluded":
            self = .mandatoryExcluded(requirement: try s(.requirement), justification: try s(.justification), underlying: try c.decode(CellReason.self, forKey: .underlying))
        default:
            throw DecodingError.dataCorruptedError(forKey: .code, in: c, debugDescription: "unknown reason code '\(code.prefix(64))'; see Docs/Scoring.md")
        }
        let written = code
        if self.code != written {
            throw DecodingError.dataCorruptedError(forKey: .code, in: c, debugDescription: "reason code '\(written)' does not match its facts (they give '\(self.code)')")
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: Key.self)
        try c.encode(code, forKey: .code)
        switch self {
        case let .met(s), let .metViaMapping(s), let .draftOnly(s), let .noEvidence(s): try c.encodeIfPresent(s, forKey: .system)
        case let .metByCertificate(s, item, certificate, day):
            try c.encodeIfPresent(s, forKey: .system); try c.encode(item, forKey: .item); try c.encode(certificate, forKey: .certificate)
            try c.encodeIfPresent(day, forKey: .lastValidDay)
        case let .evidenceExpiring(s, items, day, window):
            try c.encodeIfPresent(s, forKey: .system); try c.encode(items, forKey: .items); try c.encode(day, forKey: .lastValidDay)
            try c.encode(window, forKey: .windowDays)
        case let .partialEvidence(s, items): try c.encodeIfPresent(s, forKey: .system); try c.encode(items, forKey: .items)
        case let .partialViaMapping(s, through, relationship, strength, derived, credit):
            try c.encodeIfPresent(s, forKey: .system); try c.encode(through, forKey: .through); try c.encode(relationship, forKey: .relationship)
            try c.encode(strength, forKey: .strength); try c.encode(derived, forKey: .derived); try c.encode(credit, forKey: .credit)
        case .partialScope, .noInventory: break
        case let .metBySupplierAssurance(s, vendor, items): try c.encode(s, forKey: .system); try c.encode(vendor, forKey: .vendor); try c.encode(items, forKey: .items)
        case let .noSupplierAssurance(s, vendor): try c.encode(s, forKey: .system); try c.encode(vendor, forKey: .vendor)
        case let .noSupplierDueDiligence(s, vendor, process):
            try c.encode(s, forKey: .system); try c.encode(vendor, forKey: .vendor); try c.encode(process, forKey: .process)
        case let .notYetInOperation(s, goLive): try c.encode(s, forKey: .system); try c.encodeIfPresent(goLive, forKey: .goLive)
        case let .evidenceExpired(s, items, day):
            try c.encodeIfPresent(s, forKey: .system); try c.encode(items, forKey: .items); try c.encode(day, forKey: .lastValidDay)
        case let .executionGap(s, process): try c.encode(s, forKey: .system); try c.encode(process, forKey: .process)
        case let .expiredOnPartialRoute(s, items, day, via):
            try c.encodeIfPresent(s, forKey: .system); try c.encode(items, forKey: .items); try c.encode(day, forKey: .lastValidDay); try c.encode(via, forKey: .via)
        case let .noProcess(r): try c.encode(r, forKey: .requirement)
        case let .soaExcluded(j): try c.encode(j, forKey: .justification)
        case let .noMatchingSystem(r, binds): try c.encode(r, forKey: .requirement); try c.encode(binds, forKey: .binds)
        case let .notInForce(r, day): try c.encode(r, forKey: .requirement); try c.encode(day, forKey: .asOf)
        case let .notYetApplicable(from, basis): try c.encode(from, forKey: .from); try c.encodeIfPresent(basis, forKey: .basis)
        case let .prohibitedPractice(s, r): try c.encode(s, forKey: .system); try c.encode(r, forKey: .requirement)
        case let .undetermined(r, facts): try c.encode(r, forKey: .requirement); try c.encode(facts, forKey: .facts)
        case let .unjustifiedExclusion(u): try c.encode(u, forKey: .underlying)
        case let .mandatoryExcluded(r, j, u): try c.encode(r, forKey: .requirement); try c.encode(j, forKey: .justification); try c.encode(u, forKey: .underlying)
        }
    }
}

extension OpenFact: Codable {
    private enum Key: String, CodingKey { case kind, system, condition }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: Key.self)
        let kind = try c.decode(String.self, forKey: .kind)
        switch kind {
        case "condition": self = .condition(system: try c.decode(String.self, forKey: .system), condition: try c.decode(String.self, forKey: .condition))
        case "risk-tier": self = .riskTier(system: try c.decode(String.self, forKey: .system))
        default: throw DecodingError.dataCorruptedError(forKey: .kind, in: c, debugDescription: "unknown open fact '\(kind.prefix(64))'; expected condition or risk-tier")
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: Key.self)
        switch self {
        case let .condition(s, condition): try c.encode("condition", forKey: .kind); try c.encode(s, forKey: .system); try c.encode(condition, forKey: .condition)
        case let .riskTier(s): try c.encode("risk-tier", forKey: .kind); try c.encode(s, forKey: .system)
        }
    }
}

extension CellReason {
    /// Writes the reason as ``encode(to:)`` does (the same members, in the same order), for
    /// `assessment.json`'s `reasonDetail`, which is read back with ``init(from:)``.
    func write(to w: inout JSONWriter) {
        func system(_ s: String?) { if let s { w.field("system", s) } }
        func day(_ d: CalendarDate?) { if let d { w.field("lastValidDay", d.description) } }
        func ref(_ name: String, _ r: RequirementRef) { w.key(name); w.beginObject(); w.field("framework", r.framework.rawValue); w.field("label", r.label); w.endObject() }
        w.beginObject()
        w.field("code", code)
        switch self {
        case let .met(s), let .metViaMapping(s), let .draftOnly(s), let .noEvidence(s): system(s)
        case let .metByCertificate(s, item, certificate, d):
            system(s); w.field("item", item)
            w.key("certificate"); w.beginObject()
            w.field("standard", certificate.standard.rawValue); w.field("number", certificate.number); w.field("issuer", certificate.issuer)
            w.endObject()
            day(d)
        case let .evidenceExpiring(s, items, d, window): system(s); w.field("items", items); day(d); w.field("windowDays", window)
        case let .partialEvidence(s, items): system(s); w.field("items", items)
        case let .partialViaMapping(s, through, relationship, strength, derived, credit):
            system(s); ref("through", through); w.field("relationship", relationship.rawValue); w.field("strength", strength); w.field("derived", derived)
            w.key("credit"); w.exactNumber(credit)
        case .partialScope, .noInventory: break
        case let .metBySupplierAssurance(s, vendor, items): w.field("system", s); w.field("vendor", vendor); w.field("items", items)
        case let .noSupplierAssurance(s, vendor): w.field("system", s); w.field("vendor", vendor)
        case let .noSupplierDueDiligence(s, vendor, process): w.field("system", s); w.field("vendor", vendor); w.field("process", process)
        case let .notYetInOperation(s, goLive): w.field("system", s); if let goLive { w.field("goLive", goLive.description) }
        case let .evidenceExpired(s, items, d): system(s); w.field("items", items); day(d)
        case let .executionGap(s, process): w.field("system", s); w.field("process", process)
        case let .expiredOnPartialRoute(s, items, d, via): system(s); w.field("items", items); day(d); w.field("via", via)
        case let .noProcess(r): w.field("requirement", r)
        case let .soaExcluded(j): w.field("justification", j)
        case let .noMatchingSystem(r, binds): w.field("requirement", r); w.field("binds", binds)
        case let .notInForce(r, d): w.field("requirement", r); w.field("asOf", d.description)
        case let .notYetApplicable(from, basis): w.field("from", from.description); if let basis { w.field("basis", basis) }
        case let .prohibitedPractice(s, r): w.field("system", s); w.field("requirement", r)
        case let .undetermined(r, facts):
            w.field("requirement", r)
            w.key("facts"); w.beginArray()
            for f in facts {
                w.beginObject()
                switch f {
                case let .condition(s, c): w.field("kind", "condition"); w.field("system", s); w.field("condition", c)
                case let .riskTier(s): w.field("kind", "risk-tier"); w.field("system", s)
                }
                w.endObject()
            }
            w.endArray()
        case let .unjustifiedExclusion(u): w.key("underlying"); u.write(to: &w)
        case let .mandatoryExcluded(r, j, u): w.field("requirement", r); w.field("justification", j); w.key("underlying"); u.write(to: &w)
        }
        w.endObject()
    }
}
