/// Everything a consultant hands over after an assessment, as values: control groups with
/// their owners, the ranked remediation plan and the Statements of Applicability.
///
/// ```swift
/// let dataset = try Dataset.bundled()
/// let org = try Organization(contentsOf: "org.xml", catalogs: dataset.catalogs)
/// let assessment = try await dataset.assess(org, options: AssessmentOptions(asOf: CalendarDate("2026-11-23")!))
/// let deliverables = Deliverables(assessment, organization: org, dataset: dataset)
/// for action in deliverables.remediation.prefix(5) { print(action.rank, action.title) }
/// ```
public struct Deliverables: Sendable, Hashable {
    /// The framework groups are anchored at.
    public var primaryFramework: FrameworkID
    /// One entry per control group, in group order, with its owner and conflicts.
    public var ownership: [GroupOwnership]
    /// Related requirements in different groups with different owners (`CoordinationRule`).
    public var coordination: [CoordinationFinding] = []
    /// One action per group with open gaps (or no owner), in rank order.
    public var remediation: [RemediationAction]
    /// One per framework in scope that has selectable (Annex A) controls, by framework.
    public var statements: [StatementOfApplicability]
    /// The AI register: one entry per system, in inventory order (`AIRegister`).
    public var register: [AIRegisterEntry] = []

    public var groups: [ControlGroup] { ownership.map(\.group) }

    /// The coordination findings that involve group `id`, each read from that group's side.
    public func coordination(ofGroup id: String) -> [CoordinationFinding] {
        coordination.compactMap { f in
            if f.subject.group == id { return f }
            if f.object.group == id { return f.readFromObject }
            return nil
        }
    }

    /// The number of cells of `assessment` that call for action now (every gap kind but
    /// `upcoming`): what the remediation plan closes.
    public static func openGapCells(_ assessment: Assessment) -> Int {
        assessment.cells.reduce(0) { n, c in GapKind(c).map { $0 == .upcoming ? n : n + 1 } ?? n }
    }

    /// Builds the deliverables of `assessment`.
    ///
    /// Groups cover the requirements that apply somewhere (a cell that is neither
    /// `not-applicable`, `excluded` nor `undetermined`), anchored at the organisation's primary framework
    /// when it is in scope, else at the first framework assessed.
    package static func build(_ assessment: Assessment, organization: Organization, dataset: Dataset) -> Deliverables {
        var seen = Set<RequirementRef>()
        var inScope: [RequirementRef] = []
        // Cells come grouped by requirement: one set lookup per run, each cell read in place.
        let all = assessment.cells
        var lastIn: RequirementRef?
        for i in all.indices where all[i].status != .notApplicable && all[i].status != .excluded && all[i].status != .undetermined {
            if all[i].requirement == lastIn { continue }
            lastIn = all[i].requirement
            if seen.insert(all[i].requirement).inserted { inScope.append(all[i].requirement) }
        }
        let primary = assessment.frameworks.contains(organization.primaryFramework) ? organization.primaryFramework : (assessment.frameworks.first ?? organization.primaryFramework)
        let groups = ControlGrouping.groups(of: inScope, primary: primary, graph: dataset.graph, catalogs: dataset.catalogs)
        let ownership = OwnershipRule.assign(groups, owners: organization.owners, evidence: organization.evidence)
        // The plan on one core; the Statements of Applicability, the AI register and the
        // coordination findings on the other (each reads the assessment, none the others).
        let (plan, rest) = InParallel.pair({
            RemediationPlanner.plan(ownership, assessment: assessment, organization: organization, catalogs: dataset.catalogs)
        }, {
            // The register position of each evidence id, shared by the Statements of Applicability.
            let evidenceOrder = StatementOfApplicability.evidenceOrder(organization.evidence)
            let statements = assessment.frameworks.compactMap { fw in
                StatementOfApplicability.build(fw, assessment: assessment, organization: organization, ownership: ownership, catalogs: dataset.catalogs,
                                               evidenceOrder: evidenceOrder)
            }
            return (statements: statements, register: AIRegister.build(assessment, organization: organization, catalogs: dataset.catalogs),
                    coordination: CoordinationRule.findings(ownership, graph: dataset.graph))
        })
        let d = Deliverables(primaryFramework: primary, ownership: ownership, coordination: rest.coordination,
                             remediation: plan, statements: rest.statements, register: rest.register)
        FreedMemory.release(ifCells: assessment.cells.count)  // the planner's and the SoA's indices are gone
        return d
    }
}
