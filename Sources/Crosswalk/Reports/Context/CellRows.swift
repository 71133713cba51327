extension ReportContext {
    /// The rows of the Gaps sheet and the report, one per cell of the assessment in its
    /// order, each made when it is read: a large assessment's rows are never all held at
    /// once (the workbook writes them one after another; the report reads a few hundred).
    /// What every row of one requirement shares (title, heading, group, action) is worked
    /// out once per requirement.
    struct CellRows: RandomAccessCollection, Sendable {
        struct Requirement: Sendable { var title: String, heading: String, group: String, action: String }

        private let cells: [Cell]
        /// Per cell, its requirement's index in ``requirements``.
        private let requirementOf: [Int32]
        private let requirements: [Requirement]
        private let personName: [String: String]
        private let systemName: [String: String]
        private let evidenceTitle: EvidenceTitles

        init(_ cells: [Cell], requirement: (RequirementRef) -> Requirement,
             personName: [String: String], systemName: [String: String], evidenceTitle: EvidenceTitles) {
            var requirementOf: [Int32] = []
            requirementOf.reserveCapacity(cells.count)
            var requirements: [Requirement] = []
            var lastRef: RequirementRef?
            for c in cells {
                if c.requirement != lastRef {
                    lastRef = c.requirement
                    requirements.append(requirement(c.requirement))
                }
                requirementOf.append(Int32(requirements.count - 1))
            }
            self.cells = cells
            self.requirementOf = requirementOf
            self.requirements = requirements
            self.personName = personName
            self.systemName = systemName
            self.evidenceTitle = evidenceTitle
        }

        var startIndex: Int { 0 }
        var endIndex: Int { cells.count }

        /// The cell's status, without making its row.
        func status(at i: Int) -> CellStatus { cells[i].status }

        subscript(i: Int) -> CellRow {
            let c = cells[i]
            let r = requirements[Int(requirementOf[i])]
            return CellRow(
                framework: c.requirement.framework, requirement: c.requirement.label, title: r.title, heading: r.heading,
                system: c.system ?? "", systemName: c.system.flatMap { systemName[$0] } ?? "", status: c.status,
                reasonCode: c.reason.code, reason: reportText(c.sentence), evidence: c.evidence, evidenceTitles: c.evidence.map { evidenceTitle[$0] },
                via: c.via, owner: c.owner ?? "", ownerName: c.owner.flatMap { personName[$0] } ?? "", deadline: c.deadline, credit: c.credit,
                scored: c.status.hasCredit, applicability: reportText(c.applicability), group: r.group, action: r.action)
        }
    }
}

extension ReportContext {
    /// The rows of the Evidence sheet, one per item of the register in its order, each made
    /// when it is read (a register of a million items is not copied into rows).
    struct EvidenceRows: RandomAccessCollection, Sendable {
        private let items: EvidenceRegister
        private let asOf: CalendarDate
        private let horizon: CalendarDate
        private let personName: [String: String]

        init(_ items: EvidenceRegister, asOf: CalendarDate, horizon: CalendarDate, personName: [String: String]) {
            self.items = items
            self.asOf = asOf
            self.horizon = horizon
            self.personName = personName
        }

        var startIndex: Int { 0 }
        var endIndex: Int { items.count }

        /// `valid`, `expires-soon`, `expired` or `no-expiry` at the as-of date, without making the row.
        func validity(at i: Int) -> String {
            guard let x = items.expires(i) else { return "no-expiry" }
            return x < asOf ? "expired" : x <= horizon ? "expires-soon" : "valid"
        }

        /// The end of the item's validity, without making the row.
        func validUntil(at i: Int) -> CalendarDate? { items.expires(i) }

        subscript(i: Int) -> EvidenceRow {
            // From the columns: no `Evidence` made.
            let owner = items.owner(i)
            let claims = items.claimRange(i).map { k in
                "\(items.requirements[items.claimRequirement(k)])" + (items.claimIsFull(k) ? "" : " (partial)")
            }
            return EvidenceRow(id: items.id(i), title: reportText(items.title(i)), kind: items.kind(i).rawValue, owner: owner, ownerName: personName[owner] ?? "",
                               collected: items.collected(i), validUntil: items.expires(i), status: items.status(i).rawValue, validity: validity(at: i),
                               claims: claims, systems: items.systemRange(i).map(items.systemID), location: reportText(items.locationURI(i)))
        }
    }
}
