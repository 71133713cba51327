/// What an evidence item is at the as-of date.
enum EvidenceState: UInt8, Sendable {
    case valid, draft, stale
}

/// An evidence claim on one requirement.
struct Claim: Sendable {
    var evidence: Int32
    var full: Bool
}

/// An evidence claim on one requirement by an item that names `system` (an index into
/// `Organization.systems`).
struct SystemClaim: Sendable {
    var system: Int32
    var evidence: Int32
    var full: Bool
}

/// The evidence register indexed once per run: each item's state at the as-of date, and
/// its claims by requirement, organisation-wide and per system.
struct EvidenceIndex: Sendable {
    /// By register index.
    let state: [EvidenceState]
    /// By register index: the last valid day, if any.
    let expires: [CalendarDate?]
    /// By register index: true when the item names no system.
    let organizationWide: [Bool]
    /// The slot of each claimed requirement.
    let slots: [RequirementRef: Int]
    /// By slot: every claim.
    let allClaims: [[Claim]]
    /// By slot: the claims of items that name no system.
    let orgWideClaims: [[Claim]]
    /// By slot: one claim per named system, sorted by system, then evidence.
    let systemClaims: [[SystemClaim]]
    /// By register index: the certificate an item of kind `certificate` attests.
    let certificates: [EvidenceCertificate?]

    /// - Complexity: O(C + S) for C claims and S systems (plus sorting each requirement's system claims).
    /// - Parameter certified: the requirements a certificate for a standard meets (``certificateCoverage(_:decisions:)``).
    init(_ org: Organization, asOf: CalendarDate, certified: (FrameworkID) -> [RequirementRef] = { _ in [] }) {
        var systemIndex: [String: [Int32]] = [:]
        for (i, s) in org.systems.enumerated() { systemIndex[s.id, default: []].append(Int32(i)) }
        var state = [EvidenceState](), expires = [CalendarDate?](), organizationWide = [Bool]()
        state.reserveCapacity(org.evidence.count)
        expires.reserveCapacity(org.evidence.count)
        organizationWide.reserveCapacity(org.evidence.count)
        var slots: [RequirementRef: Int] = [:]
        var all: [[Claim]] = [], orgWide: [[Claim]] = [], perSystem: [[SystemClaim]] = []
        var named: [Int32] = []
        for (i, e) in org.evidence.enumerated() {
            let x = e.expires
            expires.append(x)
            state.append(Self.state(of: e, expires: x, asOf: asOf))
            organizationWide.append(e.systems.isEmpty)
            // Time rule: an item collected after the as-of date does not exist yet.
            if let collected = e.collected, collected > asOf { continue }
            named.removeAll(keepingCapacity: true)
            for id in e.systems { for s in systemIndex[id] ?? [] where !named.contains(s) { named.append(s) } }
            var claims = e.claims
            if let cert = e.certificate {
                // Certification rule: the certificate claims the standard's clauses and included Annex A controls in full.
                let own = Set(claims.map(\.requirement))
                claims += certified(cert.standard).filter { !own.contains($0) }.map { EvidenceClaim(requirement: $0, coverage: .full) }
            }
            for c in claims {
                let slot: Int
                if let s = slots[c.requirement] { slot = s } else {
                    slot = all.count
                    slots[c.requirement] = slot
                    all.append([]); orgWide.append([]); perSystem.append([])
                }
                let claim = Claim(evidence: Int32(i), full: c.full)
                all[slot].append(claim)
                if e.systems.isEmpty { orgWide[slot].append(claim) }
                for s in named { perSystem[slot].append(SystemClaim(system: s, evidence: Int32(i), full: c.full)) }
            }
        }
        for i in perSystem.indices where perSystem[i].count > 1 {
            perSystem[i].sort { ($0.system, $0.evidence) < ($1.system, $1.evidence) }
        }
        self.state = state
        self.expires = expires
        self.organizationWide = organizationWide
        self.slots = slots
        allClaims = all
        orgWideClaims = orgWide
        systemClaims = perSystem
        certificates = org.evidence.map(\.certificate)
    }

    /// Certification rule: a valid certificate for `catalog`'s standard meets its clauses
    /// (mandatory requirements) and the Annex A controls the Statement of Applicability does
    /// not exclude.
    static func certificateCoverage(_ catalog: Catalog, decisions: [RequirementRef: ApplicabilityDecision]) -> [RequirementRef] {
        catalog.requirements.compactMap { e in
            let ref = RequirementRef(catalog.framework, e.label)
            switch e.obligation {
            case .mandatory: return ref
            case .selectable: return decisions[ref]?.applicable == false ? nil : ref
            default: return nil
            }
        }
    }

    /// Time rule: a draft never counts; an item is valid up to and including its last valid
    /// day (`valid-until`, or `collected + review-days`), stale from the day after.
    static func state(of e: Evidence, expires: CalendarDate?, asOf: CalendarDate) -> EvidenceState {
        if e.status == .draft { return .draft }
        if let x = expires, x < asOf { return .stale }
        return .valid
    }
}
