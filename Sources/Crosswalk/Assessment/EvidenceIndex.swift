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

    /// Read from the register's columns: no ``Evidence`` value is made, and each distinct
    /// requirement and system id is looked up once, not once per claim.
    ///
    /// - Complexity: O(C + S) for C claims and S systems (plus sorting each requirement's system claims).
    /// - Parameter certified: the requirements a certificate for a standard meets (``certificateCoverage(_:decisions:)``).
    init(_ org: Organization, asOf: CalendarDate, certified: (FrameworkID) -> [RequirementRef] = { _ in [] }) {
        let register = org.evidence
        var systemIndex: [String: [Int32]] = [:]
        for (i, s) in org.systems.enumerated() { systemIndex[s.id, default: []].append(Int32(i)) }
        // By index into the register's names: the systems with that id.
        let systemsNamed = register.names.map { systemIndex[$0] ?? [] }
        let n = register.count
        var state = [EvidenceState](), expires = [CalendarDate?](), organizationWide = [Bool]()
        state.reserveCapacity(n)
        expires.reserveCapacity(n)
        organizationWide.reserveCapacity(n)
        var slots: [RequirementRef: Int] = [:]
        // By index into the register's requirements: its slot, -1 until first claimed.
        var slotOf = [Int](repeating: -1, count: register.requirements.count)
        var all: [[Claim]] = [], orgWide: [[Claim]] = [], perSystem: [[SystemClaim]] = []
        var named: [Int32] = []
        func slot(_ r: RequirementRef) -> Int {
            if let s = slots[r] { return s }
            let s = all.count
            slots[r] = s
            all.append([]); orgWide.append([]); perSystem.append([])
            return s
        }
        for i in 0..<n {
            let x = register.expires(i)
            expires.append(x)
            state.append(Self.state(register.status(i), expires: x, asOf: asOf))
            let wide = register.isOrganizationWide(i)
            organizationWide.append(wide)
            // Time rule: an item collected after the as-of date does not exist yet.
            if let collected = register.collected(i), collected > asOf { continue }
            named.removeAll(keepingCapacity: true)
            for k in register.systemRange(i) { for s in systemsNamed[register.systemName(k)] where !named.contains(s) { named.append(s) } }
            func add(_ slot: Int, full: Bool) {
                let claim = Claim(evidence: Int32(i), full: full)
                all[slot].append(claim)
                if wide { orgWide[slot].append(claim) }
                for s in named { perSystem[slot].append(SystemClaim(system: s, evidence: Int32(i), full: full)) }
            }
            let claims = register.claimRange(i)
            for k in claims {
                let r = register.claimRequirement(k)
                if slotOf[r] < 0 { slotOf[r] = slot(register.requirements[r]) }
                add(slotOf[r], full: register.claimIsFull(k))
            }
            if let cert = register.certificate(i) {
                // Certification rule: the certificate claims the standard's clauses and included Annex A controls in full.
                let own = Set(claims.map { register.requirements[register.claimRequirement($0)] })
                for r in certified(cert.standard) where !own.contains(r) { add(slot(r), full: true) }
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
        var certificates = [EvidenceCertificate?](repeating: nil, count: n)
        for (i, c) in register.certificates { certificates[i] = c }
        self.certificates = certificates
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
    static func state(_ status: EvidenceStatus, expires: CalendarDate?, asOf: CalendarDate) -> EvidenceState {
        if status == .draft { return .draft }
        if let x = expires, x < asOf { return .stale }
        return .valid
    }
}
