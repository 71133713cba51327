/// A fact the organisation has not declared, on which applicability depends.
public enum OpenFact: Sendable, Hashable {
    /// A condition (`personal-data`, `workplace-use`, …) not declared for the system.
    case condition(system: String, condition: String)
    /// The system's EU AI Act risk tier (`unclassified`).
    case riskTier(system: String)

    public var system: String {
        switch self { case let .condition(s, _), let .riskTier(s): s }
    }

    /// "declare whether CV-SCREEN processes personal data", "classify CV-SCREEN's risk tier".
    public var request: String {
        switch self {
        case let .condition(s, c): "declare whether \(s) \(ConditionFacts.question(c) ?? "meets the condition \(c)") (\(c))"
        case let .riskTier(s): "classify \(s)'s EU AI Act risk tier"
        }
    }
}

/// Why a cell has its status: a typed value that names what it rests on. ``code`` is the
/// stable machine-readable code (`Docs/Scoring.md`), ``sentence`` the sentence a person
/// reads. Stages after the engine (remediation, reports) switch over the cases; they never
/// compare the code or the sentence as strings.
public indirect enum CellReason: Sendable, Hashable {
    /// Approved, current evidence for the requirement itself covers it in full.
    case met(system: String?)
    /// Met by a valid management-system certificate for the standard (issue #13).
    case metByCertificate(system: String?, item: String, certificate: EvidenceCertificate, lastValidDay: CalendarDate?)
    /// Met through the crosswalk: evidence for a requirement that asks at least as much.
    case metViaMapping(system: String?)
    /// Met, but every full item expires within the due-soon window.
    case evidenceExpiring(system: String?, items: [String], lastValidDay: CalendarDate, windowDays: Int)
    /// A bought or embedded system's development-stage duty met only by its supplier's
    /// assurance (evidence `provided-by="supplier"` naming the system).
    case metBySupplierAssurance(system: String, vendor: String, items: [String])
    /// Only partial claims.
    case partialEvidence(system: String?, items: [String])
    /// Only partial routes through the crosswalk.
    case partialViaMapping(system: String?, through: RequirementRef, relationship: Relationship, strength: Int, derived: Bool, credit: Double)
    /// An organisation cell evidenced only by items that name systems.
    case partialScope
    /// The cell's evidence expired.
    case evidenceExpired(system: String?, items: [String], lastValidDay: CalendarDate)
    /// A per-system cell: the process is documented, the system's own artefact is not.
    case executionGap(system: String, process: [String])
    /// Expired items reach the requirement only through partial routes: renewing them would
    /// not meet it, so it is missing, not stale.
    case expiredOnPartialRoute(system: String?, items: [String], lastValidDay: CalendarDate, via: [String])
    /// A bought or embedded system's development-stage duty with no evidence: its supplier
    /// develops it, so the gap is closed by the supplier's assurance (or the organisation's own work).
    case noSupplierAssurance(system: String, vendor: String)
    /// A bought or embedded system's supplier duty: the organisation's supplier process
    /// (`process`, empty when none) does not replace this supplier's own due diligence.
    case noSupplierDueDiligence(system: String, vendor: String, process: [String])
    /// An operation-stage duty of a system not yet in operation (planned or in development):
    /// it runs from go-live (nil: no go-live date declared).
    case notYetInOperation(system: String, goLive: CalendarDate?)
    /// Only draft evidence.
    case draftOnly(system: String?)
    /// No evidence at all.
    case noEvidence(system: String?)
    /// The organisation-wide process of a per-system requirement is not evidenced.
    case noProcess(requirement: String)
    /// A per-system requirement and an empty inventory.
    case noInventory
    /// Excluded in the Statement of Applicability, with its justification.
    case soaExcluded(justification: String)
    /// An EU AI Act obligation that binds no system of the inventory.
    case noMatchingSystem(requirement: String, binds: String)
    /// The obligation was not yet law on the as-of date: no act in force then sets a date
    /// for it (e.g. a duty added by a later amendment).
    case notInForce(requirement: String, asOf: CalendarDate)
    /// Before the application date.
    case notYetApplicable(from: CalendarDate, basis: String?)
    /// EU AI Act Art. 5: an active system whose risk tier is `prohibited`.
    case prohibitedPractice(system: String, requirement: String)
    /// Whether the obligation applies depends on facts not declared.
    case undetermined(requirement: String, facts: [OpenFact])
    /// Excluded in the Statement of Applicability without a justification; `underlying` is
    /// the status the evidence gives.
    case unjustifiedExclusion(underlying: CellReason)
    /// A mandatory requirement excluded in the Statement of Applicability: the exclusion
    /// does not hold, whatever its justification (kept here).
    case mandatoryExcluded(requirement: String, justification: String, underlying: CellReason)

    /// The stable code (`Docs/Scoring.md`).
    public var code: String {
        switch self {
        case .met: "met"
        case .metViaMapping: "met-via-mapping"
        case .metByCertificate: "met-by-certificate"
        case .evidenceExpiring: "evidence-expiring"
        case .metBySupplierAssurance: "met-by-supplier-assurance"
        case .noSupplierAssurance: "no-supplier-assurance"
        case .noSupplierDueDiligence: "no-supplier-due-diligence"
        case .notYetInOperation: "not-yet-in-operation"
        case .partialEvidence: "partial-evidence"
        case .partialViaMapping: "partial-via-mapping"
        case .partialScope: "partial-scope"
        case .evidenceExpired: "evidence-expired"
        case .executionGap: "execution-gap"
        case .draftOnly: "draft-only"
        case .expiredOnPartialRoute: "expired-partial-route"
        case .noEvidence: "no-evidence"
        case .noInventory: "no-inventory"
        case .noProcess: "no-process"
        case .soaExcluded: "soa-excluded"
        case .noMatchingSystem: "no-matching-system"
        case .notInForce: "not-in-force"
        case .notYetApplicable: "not-yet-applicable"
        case .unjustifiedExclusion: "unjustified-exclusion"
        case .prohibitedPractice: "prohibited-practice"
        case .mandatoryExcluded: "mandatory-excluded"
        case let .undetermined(_, facts): facts.contains { if case .riskTier = $0 { true } else { false } } ? "unclassified" : "undeclared-fact"
        }
    }

    /// One sentence a person can read.
    public var sentence: String {
        switch self {
        case let .met(s): "Approved, current evidence\(Self.for(s)) covers it in full."
        case let .metByCertificate(s, item, c, day):
            "Met\(Self.for(s)) by the \(c.standard == .iso42001 ? "ISO/IEC 42001" : c.standard == .iso27001 ? "ISO/IEC 27001" : c.standard.rawValue) certificate \(c.number) issued by \(c.issuer) (\(item))"
                + (day.map { ", valid until \($0)." } ?? ".")
        case let .metViaMapping(s): "Met\(Self.for(s)) through the crosswalk: evidence for a requirement that asks at least as much."
        case let .evidenceExpiring(s, items, day, window):
            "Met\(Self.for(s)), but the evidence (\(items.joined(separator: ", "))) is valid only until \(day), within \(window) days: renew it."
        case let .metBySupplierAssurance(s, vendor, items):
            "Met for \(s) by the supplier's assurance (\(items.joined(separator: ", ")), provided by \(vendor)): \(s) is developed by its supplier."
        case let .noSupplierAssurance(s, vendor):
            "No evidence for \(s), which \(vendor) develops: obtain the supplier's assurance (its documentation, test reports or contract clauses for \(s)) and record it as evidence provided-by=\"supplier\" naming \(s), or evidence the organisation's own work."
        case let .noSupplierDueDiligence(s, vendor, process):
            (process.isEmpty ? "Neither the organisation's supplier process nor" : "The supplier process is documented (\(process.joined(separator: ", "))), but not")
                + " the due diligence, agreement and monitoring of \(vendor) for \(s)\(process.isEmpty ? " is evidenced" : "")" + ": record them for this supplier."
        case let .notYetInOperation(s, goLive):
            goLive.map { "\(s) is not in operation yet (go-live \($0)): this duty runs from go-live; prepare before then." }
                ?? "\(s) is not in operation yet and declares no go-live date: this duty runs from go-live; declare go-live=\"YYYY-MM-DD\" to schedule it."
        case let .partialEvidence(s, items): "Only partly met\(Self.for(s)): \(items.joined(separator: ", ")) claim\(items.count == 1 ? "s" : "") partial coverage."
        case let .partialViaMapping(s, through, relationship, strength, derived, credit):
            "Partly met\(Self.for(s)) through \(through) (\(relationship.rawValue)\(derived ? ", derived" : ""), strength \(strength)/10): credit \(formatFixed(credit, decimals: 2))."
        case .partialScope: "Only partly met: the evidence covers some AI systems, not the organisation as a whole."
        case let .evidenceExpired(s, items, day):
            "The evidence\(Self.for(s)) (\(items.joined(separator: ", "))) was last valid on \(day): review and re-approve it."
        case let .executionGap(s, process):
            "The process is documented for the organisation (\(process.joined(separator: ", "))), but \(s)'s own artefact does not exist: produce it for this system."
        case let .expiredOnPartialRoute(s, items, day, via):
            "No current evidence\(Self.for(s)): \(items.joined(separator: ", ")) (last valid on \(day)) reach\(items.count == 1 ? "es" : "") it only through "
                + via.joined(separator: " | ") + ", which covers it in part, so renewing it would not meet it: put in place and evidence this requirement."
        case let .draftOnly(s): "Only draft evidence exists\(Self.for(s)); a draft does not count until approved."
        case let .noEvidence(s): "No evidence\(Self.for(s)) in the register, directly or through the crosswalk."
        case let .noProcess(r):
            "No organisation-wide evidence documents the \(r) process (each system's own artefact does not replace it): document the process for the organisation."
        case .noInventory: "Assessed per AI system, but the inventory lists no AI system: build the AI system inventory first."
        case let .soaExcluded(j): "Excluded in the Statement of Applicability: \(j)"
        case let .noMatchingSystem(r, binds): "\(r) binds the \(binds); no system in the inventory is one."
        case let .notInForce(r, day): "\(r) was not law on \(day): no act in force that day sets a date for it."
        case let .notYetApplicable(date, basis): "Applies from \(date) (\(basis ?? "legal basis not given")); prepare before then."
        case let .prohibitedPractice(s, r):
            "\(s) is classified as a prohibited practice (\(r)): no evidence can make it compliant; withdraw it from the market or stop using it."
        case let .undetermined(r, facts):
            "Whether \(r) applies is undetermined: " + facts.map(\.request).joined(separator: "; ") + "."
        case let .mandatoryExcluded(r, j, u):
            "\(r) is mandatory and cannot be excluded in the Statement of Applicability"
                + (j.isEmpty ? "" : " (the exclusion says: \(j))") + ": withdraw the exclusion and implement it. " + u.sentence
        case let .unjustifiedExclusion(u):
            "Excluded in the Statement of Applicability without a justification, so it stays applicable: justify the exclusion or implement it. " + u.sentence
        }
    }

    private static func `for`(_ system: String?) -> String { system.map { " for \($0)" } ?? "" }
}
