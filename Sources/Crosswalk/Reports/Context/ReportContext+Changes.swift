extension ReportContext {
    /// What changed since an earlier assessment (`assess --baseline`), resolved for the
    /// workbook's Changes sheet and the report's "Since the last assessment" section: the
    /// ``AssessmentDiff`` with titles and names. Text from the earlier `assessment.json` is
    /// untrusted: it passes through ``reportText(_:)`` like every other text, and each
    /// renderer escapes it (HTML escaping, inline strings in the workbook).
    struct Changes: Sendable {
        /// A status as the earlier or the new file writes it: a known status with its look,
        /// a status this Crosswalk does not know (shown as written), or no cell at all.
        enum Status: Sendable {
            case known(CellStatus)
            case unknown(String)
            case none

            init(_ text: String?) {
                guard let text else { self = .none; return }
                self = CellStatus(rawValue: text).map(Status.known) ?? .unknown(reportText(text))
            }

            /// As the CSVs spell it; empty for no cell.
            var code: String {
                switch self {
                case let .known(s): s.rawValue
                case let .unknown(s): s
                case .none: ""
                }
            }
            /// The words a reader sees.
            var label: String {
                switch self {
                case let .known(s): StatusStyle(s).label
                case let .unknown(s): s
                case .none: "no cell"
                }
            }
        }

        struct Row: Sendable {
            var change: CellChange
            var framework: FrameworkID
            var requirement: String
            var title: String
            var system: String
            var systemName: String
            var owner: String
            var ownerName: String
            var old: Status
            var new: Status
        }

        struct Readiness: Sendable {
            /// `overall`, `framework` or `system`.
            var scope: String
            /// The framework or system id; the organisation's name for `overall`.
            var key: String
            /// The system's name (systems only, when the new organisation has it).
            var name: String
            var old: Double?
            var new: Double?
        }

        var oldAsOf: CalendarDate
        var oldFile: String
        var newAsOf: CalendarDate
        /// The overall count of each change, in ``CellChange/allCases`` order.
        var counts: [(change: CellChange, count: Int)]
        /// Per framework: the count of each change (frameworks with a change only).
        var byFramework: [(framework: String, counts: [Int])]
        var readiness: [Readiness]
        var systemsAdded: [(id: String, name: String)]
        var systemsRetired: [String]
        var requirementsAdded: [String]
        var requirementsRemoved: [String]
        var warnings: [String]
        /// Every changed cell, in the comparison's order.
        var rows: [Row]

        func count(_ c: CellChange) -> Int { counts.first { $0.change == c }?.count ?? 0 }

        init(_ diff: AssessmentDiff, organization org: Organization, catalogs: CatalogSet) {
            var names: [String: String] = [:]
            for p in org.people where names[p.id] == nil { names[p.id] = reportText(p.name) }
            var systemName: [String: String] = [:]
            for s in org.systems where systemName[s.id] == nil { systemName[s.id] = reportText(s.name) }
            oldAsOf = diff.oldAsOf; newAsOf = diff.newAsOf; oldFile = reportText(diff.oldFile)
            let overall = diff.tally("overall", "all")
            counts = CellChange.allCases.map { ($0, overall?.count($0) ?? 0) }
            byFramework = diff.tallies.filter { $0.scope == "framework" }.map { t in (reportText(t.key), CellChange.allCases.map { t.count($0) }) }
            readiness = diff.readiness.map { r in
                Readiness(scope: r.scope, key: reportText(r.key), name: r.scope == "system" ? systemName[r.key] ?? "" : "", old: r.old, new: r.new)
            }
            systemsAdded = diff.systemsAdded.map { (reportText($0), systemName[$0] ?? "") }
            systemsRetired = diff.systemsRetired.map(reportText)
            requirementsAdded = diff.requirements.filter(\.added).map { reportText($0.requirement.description) }
            requirementsRemoved = diff.requirements.filter { !$0.added }.map { reportText($0.requirement.description) }
            warnings = diff.warnings.map(reportText)
            var title: [RequirementRef: String] = [:]
            rows = diff.cells.map { d in
                if title[d.requirement] == nil { title[d.requirement] = reportText(catalogs.entry(d.requirement)?.title ?? "") }
                return Row(change: d.change, framework: FrameworkID(reportText(d.requirement.framework.rawValue)), requirement: reportText(d.requirement.label),
                           title: title[d.requirement] ?? "", system: reportText(d.system ?? ""), systemName: d.system.flatMap { systemName[$0] } ?? "",
                           owner: reportText(d.owner ?? ""), ownerName: d.owner.flatMap { names[$0] } ?? "",
                           old: Status(d.old), new: Status(d.new))
            }
        }
    }
}

extension CellChange {
    /// The words a reader sees, plural (a heading over the cells of this change).
    var heading: String {
        switch self {
        case .closed: "Closed"
        case .newlyOpen: "Newly open"
        case .regressed: "Regressed"
        case .improved: "Improved"
        case .changed: "Changed (another gap of the same weight)"
        case .newlyMet: "Newly met"
        case .noLongerAssessed: "No longer assessed"
        }
    }
}
