/// The status of one assessed cell (a requirement, for the organisation or one system).
public enum CellStatus: String, Sendable, Hashable, CaseIterable, Codable {
    case met
    case partial
    case missing
    case stale
    case dueSoon = "due-soon"
    case executionGap = "execution-gap"
    case excluded
    case notApplicable = "not-applicable"
    case upcoming
    /// An active system whose risk tier is `prohibited` (EU AI Act Art. 5): no evidence can
    /// make it met; withdraw it or stop using it.
    case prohibited
    /// Whether an EU AI Act obligation applies depends on a fact the organisation has not
    /// declared (a condition, or the system's risk tier): declare it.
    case undetermined

    /// The position in ``allCases`` (a switch, not a search or a hash: the score tallies
    /// read it for every cell).
    var ordinal: Int {
        switch self {
        case .met: 0
        case .partial: 1
        case .missing: 2
        case .stale: 3
        case .dueSoon: 4
        case .executionGap: 5
        case .excluded: 6
        case .notApplicable: 7
        case .upcoming: 8
        case .prohibited: 9
        case .undetermined: 10
        }
    }

    /// True for cells that count towards a score.
    public var isAssessed: Bool { !(self == .excluded || self == .notApplicable || self == .upcoming || self == .undetermined) }
    /// True for cells that call for action.
    public var isGap: Bool {
        self == .partial || self == .missing || self == .stale || self == .executionGap || self == .dueSoon || self == .prohibited || self == .undetermined
    }
}

/// One cell of the assessment: a requirement for the organisation (``system`` nil) or
/// for one AI system, with its status and why.
public struct Cell: Sendable, Hashable, Codable {
    public var requirement: RequirementRef
    /// The AI system, for requirements assessed per system.
    public var system: String?
    public var status: CellStatus
    /// Why: a typed reason with a stable ``CellReason/code`` and a ``CellReason/sentence``.
    public var reason: CellReason
    /// Evidence ids behind the status, in register order.
    public var evidence: [String]
    /// For credit through the crosswalk: the mapping chain(s), `framework:label relationship framework:label`.
    public var via: [String]
    /// The requirement's owner (person id), if assigned.
    public var owner: String?
    /// The earliest date that matters: an application date (upcoming) or an evidence expiry.
    public var deadline: CalendarDate?
    /// 0…1, see `Docs/Scoring.md`.
    public var credit: Double
    /// Why the requirement applies (or not) here.
    public var applicability: String
    /// Evidence behind the status beyond ``AssessmentOptions/evidencePerCell``: counted, not
    /// listed (in ``evidence`` or in the reason's item lists). 0 for almost every cell.
    public var evidenceOmitted = 0

    public var noOwner: Bool { owner == nil }

    /// The reason's sentence, saying how many evidence items are not listed when some are.
    public var sentence: String {
        evidenceOmitted == 0 ? reason.sentence : reason.sentence + " (\(evidenceOmitted) more evidence item\(evidenceOmitted == 1 ? "" : "s") not listed.)"
    }
}

/// What a score is over.
public enum ScoreScope: String, Sendable, Hashable, CaseIterable, Codable {
    /// The whole assessment (key: the organisation's name).
    case overall
    /// One framework (key: its identifier).
    case framework
    /// One top-level heading of a framework (key: `framework:label`).
    case heading
    /// One AI system (key: its id).
    case system
}

/// A readiness score: credit over the cells that count (obligations in force), each cell
/// weighing the same; with its organisation and per-system parts, and, apart, the
/// preparation of upcoming cells.
public struct Score: Sendable, Hashable, Codable {
    public var scope: ScoreScope
    public var key: String
    /// Scored cells (in force): every status but excluded, not-applicable, upcoming, undetermined.
    public var assessedCells: Int
    public var credit: Double
    public var counts: [CellStatus: Int]
    /// The organisation cells among ``assessedCells`` and their credit; the rest are per-system cells.
    public var organizationCells = 0
    public var organizationCredit = 0.0
    /// Upcoming cells (not yet in application) and the credit the evidence already collected would give them.
    public var upcomingCells = 0
    public var upcomingCredit = 0.0

    /// credit / assessed cells, 0 when nothing is assessed (see ``isScored``).
    public var readiness: Double { assessedCells == 0 ? 0 : credit / Double(assessedCells) }
    /// False when no cell is scored: readiness is then not a number to print.
    public var isScored: Bool { assessedCells > 0 }
    public var systemCells: Int { assessedCells - organizationCells }
    public var systemCredit: Double { credit - organizationCredit }
    /// Readiness over the organisation cells, nil when there are none.
    public var organizationReadiness: Double? { organizationCells == 0 ? nil : organizationCredit / Double(organizationCells) }
    /// Readiness over the per-system cells, nil when there are none.
    public var systemReadiness: Double? { systemCells == 0 ? nil : systemCredit / Double(systemCells) }
    /// Preparation: the credit of upcoming cells over their number, nil when none is upcoming.
    public var preparation: Double? { upcomingCells == 0 ? nil : upcomingCredit / Double(upcomingCells) }
}

/// The result of assessing an organisation at a date.
public struct Assessment: Sendable, Hashable {
    public var organization: String
    public var asOf: CalendarDate
    public var frameworks: [FrameworkID]
    /// Every cell: frameworks in scope order (sorted by key), requirements in catalogue
    /// order, organisation cell before system cells, systems in inventory order.
    public var cells: [Cell]
    /// Overall, per framework, per top-level heading, per system.
    public var scores: [Score]
    /// Warnings about the input that the assessment finds (evidence claiming what does not
    /// apply), in register order.
    public var warnings: [Diagnostic] = []

    /// The number of cells with `status`.
    public func count(_ status: CellStatus) -> Int { cells.filter { $0.status == status }.count }
    public var overall: Score { scores[0] }
}
