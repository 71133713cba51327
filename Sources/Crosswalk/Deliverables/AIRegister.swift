/// How complete one part of a system's record is, in the AI register.
public enum RegisterCheck: String, Sendable, Hashable, Codable {
    /// Every assessed cell met.
    case complete
    /// Some cells met or credited, not all.
    case incomplete
    /// No credit at all.
    case missing
    /// Its evidence expired.
    case expired
    /// Does not concern this system (supplier due diligence of an in-house system).
    case notApplicable = "not-applicable"
    /// No cell to judge by (the framework is out of scope, or the system is retired).
    case notAssessed = "not-assessed"
}

/// One AI system in the register a governance programme starts from: who owns it, how it
/// is sourced, where it is in its life, how it is classified, and how complete its record is.
public struct AIRegisterEntry: Sendable, Hashable, Codable {
    public var system: AISystem
    /// An owner is named (and declared in `<people>`: the validator checks that).
    public var ownerAssigned: Bool
    /// Its impact assessment (ISO/IEC 42001 6.1.4, 8.4, A.5.3 and EU AI Act Art. 27, where in scope): present and current.
    public var impactAssessment: RegisterCheck
    /// Its supplier's due diligence, agreement and monitoring (the catalogue's supplier duties), for a bought or embedded system.
    public var supplierDueDiligence: RegisterCheck
    /// Its EU AI Act classification: a tier and every fact its obligations turn on.
    public var classification: RegisterCheck
    /// Credit over its assessed cells, nil when none is assessed.
    public var readiness: Double?
    public var assessedCells: Int
    /// Its cells that call for action now.
    public var openGaps: Int
    /// What to do about the record, in a fixed order (empty when nothing).
    public var actions: [String]
}

/// Builds the AI register (`crosswalk inventory`, the workbook's AI register sheet).
package enum AIRegister {
    /// The requirements whose system cells are its impact assessment.
    static let impactAssessment: Set<RequirementRef> = [
        RequirementRef(.iso42001, "6.1.4"), RequirementRef(.iso42001, "8.4"), RequirementRef(.iso42001, "A.5.3"), RequirementRef(.euAIAct, "Art. 27"),
    ]

    /// One entry per system, in inventory order.
    public static func build(_ assessment: Assessment, organization org: Organization, catalogs: CatalogSet) -> [AIRegisterEntry] {
        var supplierDuties = Set<RequirementRef>()
        for fw in assessment.frameworks {
            guard let catalog = catalogs.catalog(fw) else { continue }
            for e in catalog.requirements where e.lifecycle.party == .supplier { supplierDuties.insert(RequirementRef(fw, e.label)) }
        }
        // Each system's cells by index into the assessment (no copy of a cell).
        var systemIndex: [String: Int] = [:]
        for (i, s) in org.systems.enumerated() { systemIndex[s.id] = i }
        // Whether a cell's requirement is part of the impact assessment or a supplier duty is
        // decided once per run of one requirement's cells.
        let all = assessment.cells
        var cellsOf = [[Int]](repeating: [], count: org.systems.count)
        var impactCellsOf = [[Int]](repeating: [], count: org.systems.count), supplierCellsOf = [[Int]](repeating: [], count: org.systems.count)
        var lastRef: RequirementRef?, isImpact = false, isSupplier = false
        for i in all.indices {
            guard let s = all[i].system, let k = systemIndex[s] else { continue }
            if all[i].requirement != lastRef {
                lastRef = all[i].requirement
                isImpact = impactAssessment.contains(all[i].requirement)
                isSupplier = supplierDuties.contains(all[i].requirement)
            }
            cellsOf[k].append(i)
            if isImpact { impactCellsOf[k].append(i) }
            if isSupplier { supplierCellsOf[k].append(i) }
        }
        return org.systems.enumerated().map { k, s in
            let cells = cellsOf[k]
            let assessed = cells.filter { all[$0].status.isAssessed }
            let impact = check(impactCellsOf[k], of: all)
            let supplier: RegisterCheck = s.isSupplied && s.isActive ? check(supplierCellsOf[k], of: all) : .notApplicable
            let undetermined = cells.filter { all[$0].status == .undetermined }.count
            let classification: RegisterCheck = switch s.riskTier {
            case nil, .unclassified?: .missing
            default: undetermined > 0 ? .incomplete : .complete
            }
            var actions: [String] = []
            if s.sourcing == .embedded && (s.riskTier == nil || s.riskTier == .unclassified) {
                actions.append("confirm whether this is an AI system and classify it")
            } else if classification == .missing {
                actions.append("classify its EU AI Act risk tier")
            }
            if undetermined > 0 { actions.append("declare the facts its obligations turn on (\(undetermined) undetermined cell\(undetermined == 1 ? "" : "s"))") }
            if s.owner.isEmpty { actions.append("assign an owner") }
            switch impact {
            case .missing, .incomplete: actions.append("complete its impact assessment")
            case .expired: actions.append("renew its impact assessment")
            default: break
            }
            if supplier == .missing || supplier == .incomplete || supplier == .expired {
                actions.append("complete due diligence on \(s.vendor.isEmpty ? "its supplier" : s.vendor)")
            }
            if s.lifecycle.isBeforeOperation && s.goLive == nil { actions.append("declare its go-live date") }
            if s.lifecycle == .retired && s.retiredOn == nil { actions.append("declare its retirement date") }
            let open = cells.filter { i in GapKind(status: all[i].status, reason: all[i].reason).map { $0 != .upcoming } ?? false }.count
            return AIRegisterEntry(system: s, ownerAssigned: !s.owner.isEmpty, impactAssessment: impact, supplierDueDiligence: supplier,
                                   classification: classification,
                                   readiness: assessed.isEmpty ? nil : assessed.reduce(0) { $0 + all[$1].credit } / Double(assessed.count),
                                   assessedCells: assessed.count, openGaps: open, actions: actions)
        }
    }

    /// Complete when every assessed cell is met; expired when one is stale and none is
    /// missing credit otherwise; incomplete with some credit; missing with none.
    static func check(_ cells: [Int], of all: [Cell]) -> RegisterCheck {
        let assessed = cells.filter { all[$0].status.isAssessed }
        if assessed.isEmpty { return .notAssessed }
        if assessed.allSatisfy({ all[$0].credit >= 1 }) { return .complete }
        if assessed.contains(where: { all[$0].status == .stale }) && !assessed.contains(where: { all[$0].credit > 0 }) { return .expired }
        return assessed.contains { all[$0].credit > 0 } ? .incomplete : .missing
    }
}
