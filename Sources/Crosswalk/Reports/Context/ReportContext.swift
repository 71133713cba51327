/// Everything the workbook and the HTML report show, resolved once: titles, names,
/// evidence titles, join keys, per-system and per-framework figures.
///
/// The renderers read only this value. It is the one place that reads ``Assessment``,
/// ``Cell``, ``Score``, ``Deliverables`` and ``Organization`` for these two reports, so a
/// change in the engine's values is absorbed here. All text is passed through
/// ``reportText(_:)`` (no control characters).
struct ReportContext: Sendable {
    struct Figures: Sendable {
        var readiness: Double
        var credit: Double
        var assessed: Int
        /// Readiness on the obligations not yet in force (the engine's preparation), nil without any.
        var preparation: Double?
        /// Cells per status, in ``StatusStyle/all`` order.
        var counts: [(status: CellStatus, count: Int)]

        init(_ s: Score) {
            readiness = s.readiness; credit = s.credit; assessed = s.assessedCells; preparation = s.preparation
            counts = StatusStyle.all.map { ($0.status, s.counts[$0.status] ?? 0) }
        }

        func count(_ st: CellStatus) -> Int { counts.first { $0.status == st }?.count ?? 0 }
        var total: Int { counts.reduce(0) { $0 + $1.count } }
        var gaps: Int { counts.reduce(0) { $0 + ($1.status.isGap ? $1.count : 0) } }
    }

    struct Framework: Sendable {
        var id: FrameworkID
        var title: String
        var edition: String
        /// Readiness of the obligations in force: the engine's framework score.
        var inForce: Figures
        /// Cells whose obligation applies from a later date (not scored yet), and the first such date.
        var upcomingCells: Int
        var nextDate: CalendarDate?
        /// The top-level headings with their scores, in catalogue order.
        var headings: [(label: String, title: String, figures: Figures)]
    }

    struct System: Sendable {
        var id: String, name: String, purpose: String, businessUnit: String
        var lifecycle: String, sourcing: String, vendor: String
        var tier: String, annexIII: String, roles: [String], conditions: [String]
        var owner: String, ownerName: String
        var figures: Figures?
        /// Readiness per framework in ``ReportContext/frameworks`` order: nil where no cell of it is assessed for the system.
        var perFramework: [Double?]
        /// Open gap cells of the system, worst first then in assessment order (indices into ``ReportContext/cells``).
        var gapCells: [Int]
        /// Lifecycle dates and the register's completeness (``AIRegister``).
        var goLive: CalendarDate?, retiredOn: CalendarDate?, placedOnMarket: CalendarDate?
        var impactAssessment = "", supplierDueDiligence = "", classification = ""
        var registerActions: [String] = []
    }

    struct CellRow: Sendable {
        var framework: FrameworkID
        var requirement: String
        var title: String
        /// The top-level heading, `label title`.
        var heading: String
        var system: String
        var systemName: String
        var status: CellStatus
        var reasonCode: String
        var reason: String
        var evidence: [String]
        var evidenceTitles: [String]
        var via: [String]
        var owner: String
        var ownerName: String
        var deadline: CalendarDate?
        var credit: Double
        /// False where the cell is not scored (gaps.csv leaves its credit empty).
        var scored: Bool
        var applicability: String
        var group: String
        var action: String
    }

    struct Action: Sendable {
        var rank: Int, id: String, title: String
        var owner: String, ownerName: String
        var group: String, anchor: String
        var requirements: [String], frameworks: [String], systems: [String]
        var organizationWide: Bool
        var openCells: Int
        var gapKinds: String
        /// The date agreed for the action; none yet (the engine proposes none): left for the consultant.
        var targetDate: CalendarDate?
        var deadline: CalendarDate?
        var deadlineKind: String
        var highestTier: String
        var mandatory: Bool
        var priority: Int
        var priorityBreakdown: String
    }

    struct Owner: Sendable {
        var group: String, anchor: String, anchorTitle: String
        var members: [String]
        var frameworks: [String]
        var membership: String
        var owner: String, ownerName: String, basis: String
        var otherOwners: [String]
        var conflict: Bool, unowned: Bool
        var action: String
    }

    struct Coordination: Sendable {
        var requirement: String, group: String, owner: String, ownerName: String
        var relationship: String
        var otherRequirement: String, otherGroup: String, otherOwner: String, otherOwnerName: String
        var justification: String
    }

    struct SoARow: Sendable {
        var control: String, title: String, theme: String
        var applicable: Bool, decision: String, justification: String
        var status: String
        var cellsMet: Int, cellsAssessed: Int
        var evidence: [String], evidenceTitles: [String]
        var owner: String, ownerName: String, group: String
        /// Per-system decisions, `SYSTEM: decision — justification`.
        var systemDecisions: [String] = []
    }

    struct SoA: Sendable {
        var framework: FrameworkID
        var title: String
        var rows: [SoARow]
    }

    struct EvidenceRow: Sendable {
        var id: String, title: String, kind: String, owner: String, ownerName: String
        var collected: CalendarDate?, validUntil: CalendarDate?
        /// `draft` or `approved`, as registered.
        var status: String
        /// `valid`, `expires-soon` (within ``ReportContext/horizonDays``), `expired` or `no-expiry`, at the as-of date.
        var validity: String
        var claims: [String]
        var systems: [String]
        var location: String
    }

    struct CatalogueRow: Sendable { var framework: String, title: String, edition: String, version: String, source: String, licence: String }
    struct CrosswalkRow: Sendable { var title: String, version: String, method: String, status: String, rationale: String, mappings: Int, source: String }
    /// An application date: the requirements (labels) that apply from it on that legal basis, and their cells.
    struct UpcomingDate: Sendable { var date: CalendarDate, basis: String, requirements: [String], cells: Int }

    /// How far ahead "what changes next" looks.
    static let horizonDays = 90

    var organization: String
    var asOf: CalendarDate
    var overall: Figures
    var frameworks: [Framework]
    var systems: [System]
    var cells: CellRows
    var actions: [Action]
    var owners: [Owner]
    /// Related requirements in different groups with different owners (``CoordinationFinding``), in the deliverables' order.
    var coordination: [Coordination] = []
    var statements: [SoA]
    var evidence: EvidenceRows
    var catalogues: [CatalogueRow]
    var crosswalks: [CrosswalkRow]
    var upcoming: [UpcomingDate]
    /// Indices into ``evidence``: expired, or expiring within ``horizonDays``, soonest first.
    var expiring: [Int]
    var openGapCells: Int
    var primaryFramework: FrameworkID
    /// What changed since an earlier assessment, with `assess --baseline`; nil without one.
    var changes: Changes? = nil

    /// `positions`: the evidence positions shared by the reports of a bundle (nil: made here).
    init(_ a: Assessment, deliverables d: Deliverables, organization org: Organization, dataset: Dataset, positions: EvidencePositions? = nil) {
        let catalogs = dataset.catalogs
        var names: [String: String] = [:]
        for p in org.people where names[p.id] == nil { names[p.id] = reportText(p.name) }
        func name(_ id: String?) -> String { id.flatMap { names[$0] } ?? "" }
        // Titles are read from the register when a row is made: no copy of every title.
        let titles = EvidenceTitles(organization: org, position: (positions ?? EvidencePositions(org)).map)
        var systemName: [String: String] = [:]
        for s in org.systems where systemName[s.id] == nil { systemName[s.id] = reportText(s.name) }
        var groupOf: [RequirementRef: String] = [:]
        for o in d.ownership { for m in o.group.members { groupOf[m.requirement] = o.group.id } }
        var actionOf: [String: String] = [:]
        for x in d.remediation { actionOf[x.group.id] = x.id }

        organization = reportText(a.organization)
        asOf = a.asOf
        overall = Figures(a.overall)
        primaryFramework = d.primaryFramework
        openGapCells = Deliverables.openGapCells(a)

        // Headings of each framework: the top-level entry, or the one below an annex (as the engine scores them).
        func heading(_ ref: RequirementRef) -> String {
            guard let catalog = catalogs.catalog(ref.framework), var e = catalog.entry(labelOrID: ref.label) else { return "" }
            var chain = [e]
            while let p = e.parent, let pe = catalog.entry(label: p) { chain.append(pe); e = pe }
            var top = chain.last!
            if top.kind == .annex, chain.count >= 2 { top = chain[chain.count - 2] }
            return reportText("\(top.label) \(top.title)")
        }

        // Cells: rows made when read (``CellRows``).
        cells = CellRows(a.cells, requirement: { ref in
            let group = groupOf[ref] ?? ""
            return CellRows.Requirement(title: reportText(catalogs.entry(ref)?.title ?? ""), heading: heading(ref), group: group, action: actionOf[group] ?? "")
        }, personName: names, systemName: systemName, evidenceTitle: titles)

        // Frameworks.
        frameworks = a.frameworks.map { fw in
            let catalog = catalogs.catalog(fw)
            let score = a.scores.first { $0.scope == .framework && $0.key == fw.rawValue }
            let upcomingCells = a.cells.filter { $0.requirement.framework == fw && $0.status == .upcoming }
            let headings: [(label: String, title: String, figures: Figures)] = a.scores.filter { $0.scope == .heading && $0.key.hasPrefix(fw.rawValue + ":") }.map { s in
                let label = String(s.key.dropFirst(fw.rawValue.count + 1))
                return (label, reportText(catalog?.entry(label: label)?.title ?? ""), Figures(s))
            }
            return Framework(id: fw, title: reportText(catalog?.title ?? fw.rawValue), edition: reportText(catalog?.edition ?? ""),
                             inForce: score.map(Figures.init) ?? Figures(Score(scope: .framework, key: fw.rawValue, assessedCells: 0, credit: 0, counts: [:])),
                             upcomingCells: upcomingCells.count, nextDate: upcomingCells.compactMap(\.deadline).min(), headings: headings)
        }

        // Systems: figures from the engine's system scores; per framework from the cells.
        let fwIndex = Dictionary(a.frameworks.enumerated().map { ($1, $0) }, uniquingKeysWith: { x, _ in x })
        var sysIndex: [String: Int] = [:]
        for (i, s) in org.systems.enumerated() where sysIndex[s.id] == nil { sysIndex[s.id] = i }
        var perCredit = Array(repeating: Array(repeating: 0.0, count: a.frameworks.count), count: org.systems.count)
        var perAssessed = Array(repeating: Array(repeating: 0, count: a.frameworks.count), count: org.systems.count)
        var gapCells = Array(repeating: [Int](), count: org.systems.count)
        for (i, c) in a.cells.enumerated() {
            guard let sid = c.system, let si = sysIndex[sid], let fi = fwIndex[c.requirement.framework] else { continue }
            if c.status.isAssessed { perCredit[si][fi] += c.credit; perAssessed[si][fi] += 1 }
            if c.status.isGap { gapCells[si].append(i) }
        }
        var scoreOf: [String: Score] = [:]
        for s in a.scores where s.scope == .system && scoreOf[s.key] == nil { scoreOf[s.key] = s }
        var registerOf: [String: AIRegisterEntry] = [:]
        for r in d.register where registerOf[r.system.id] == nil { registerOf[r.system.id] = r }
        systems = org.systems.enumerated().map { i, s in
            // Facts as the organisation file writes them in CSV: `personal-data`, or `!personal-data` when declared false.
            let facts: [String] = s.facts.map { ($0.holds ? "" : "!") + $0.condition.rawValue }
            let perFramework: [Double?] = (0..<a.frameworks.count).map { f in perAssessed[i][f] == 0 ? nil : perCredit[i][f] / Double(perAssessed[i][f]) }
            let order: (Int) -> (Int, Int) = { (StatusStyle(a.cells[$0].status).order, $0) }
            let gaps = gapCells[i].sorted { order($0) < order($1) }
            let r = registerOf[s.id]
            return System(id: s.id, name: reportText(s.name), purpose: reportText(s.purpose), businessUnit: reportText(s.businessUnit),
                          lifecycle: s.lifecycle.rawValue, sourcing: s.sourcing.rawValue, vendor: reportText(s.vendor),
                          tier: s.riskTier?.rawValue ?? "not declared", annexIII: s.annexIII?.rawValue ?? "",
                          roles: s.euRoles.map(\.rawValue), conditions: facts, owner: s.owner, ownerName: name(s.owner),
                          figures: scoreOf[s.id].map(Figures.init), perFramework: perFramework, gapCells: gaps,
                          goLive: s.goLive, retiredOn: s.retiredOn, placedOnMarket: s.placedOnMarket,
                          impactAssessment: r?.impactAssessment.rawValue ?? "", supplierDueDiligence: r?.supplierDueDiligence.rawValue ?? "",
                          classification: r?.classification.rawValue ?? "", registerActions: (r?.actions ?? []).map(reportText))
        }

        actions = d.remediation.map { x in
            Action(rank: x.rank, id: x.id, title: reportText(x.title), owner: x.owner ?? "", ownerName: name(x.owner), group: x.group.id,
                   anchor: x.group.anchor.description, requirements: x.requirements.map(\.description), frameworks: x.frameworks.map(\.rawValue),
                   systems: x.systems, organizationWide: x.organizationWide, openCells: x.openCells,
                   gapKinds: x.gaps.map { "\($0.kind.rawValue):\($0.count)" }.joined(separator: ";"), targetDate: x.targetDate, deadline: x.deadline,
                   deadlineKind: x.deadlineKind?.rawValue ?? "", highestTier: x.highestTier, mandatory: x.mandatory,
                   priority: x.priority.total, priorityBreakdown: x.priority.explanation)
        }

        coordination = d.coordination.map { f in
            Coordination(requirement: f.subject.requirement.description, group: f.subject.group, owner: f.subject.owner, ownerName: name(f.subject.owner),
                         relationship: "\(f.relationship.rawValue) \(f.strength)", otherRequirement: f.object.requirement.description, otherGroup: f.object.group,
                         otherOwner: f.object.owner, otherOwnerName: name(f.object.owner), justification: reportText(f.justification))
        }
        owners = d.ownership.map { o in
            let g = o.group
            return Owner(group: g.id, anchor: g.anchor.description, anchorTitle: reportText(catalogs.entry(g.anchor)?.title ?? ""),
                         members: g.requirements.map(\.description), frameworks: g.frameworks.map(\.rawValue),
                         membership: g.members.dropFirst().map { "\($0.requirement) \($0.membership.summary)" }.joined(separator: ";"),
                         owner: o.owner ?? "", ownerName: name(o.owner), basis: o.basis.rawValue,
                         otherOwners: o.otherClaims.map(\.label), conflict: o.hasConflict, unowned: o.isUnowned,
                         action: actionOf[g.id] ?? "")
        }

        statements = d.statements.map { soa in
            SoA(framework: soa.framework, title: reportText(catalogs.catalog(soa.framework)?.title ?? soa.framework.rawValue), rows: soa.entries.map { e in
                SoARow(control: e.control.label, title: reportText(e.title), theme: reportText(e.theme), applicable: e.applicable,
                       decision: e.decision.rawValue, justification: reportText(e.justification), status: e.status.rawValue,
                       cellsMet: e.cellsMet, cellsAssessed: e.cellsAssessed, evidence: e.evidence, evidenceTitles: e.evidence.map { titles[$0] },
                       owner: e.owner ?? "", ownerName: name(e.owner), group: e.group ?? "", systemDecisions: e.systemDecisions.map { reportText($0.label) })
            })
        }

        let horizon = a.asOf.adding(days: Self.horizonDays)
        let register = EvidenceRows(org.evidence, asOf: a.asOf, horizon: horizon, personName: names)
        evidence = register
        expiring = register.indices.filter { let v = register.validity(at: $0); return v == "expired" || v == "expires-soon" }
            .sorted { (register.validUntil(at: $0) ?? .latest, $0) < (register.validUntil(at: $1) ?? .latest, $1) }

        catalogues = catalogs.catalogs.filter { a.frameworks.contains($0.framework) }.map {
            CatalogueRow(framework: $0.framework.rawValue, title: reportText($0.title), edition: reportText($0.edition), version: reportText($0.version),
                         source: reportText(lastPathComponent($0.source)), licence: reportText($0.licence ?? ""))
        }
        crosswalks = dataset.collections.map {
            CrosswalkRow(title: reportText($0.title), version: reportText($0.version), method: reportText($0.method), status: reportText($0.status),
                         rationale: $0.matchingRationale.rawValue, mappings: $0.mappings.count, source: reportText(lastPathComponent($0.source)))
        }

        // Upcoming application dates: one line per date and legal basis.
        var dates: [(date: CalendarDate, basis: String, reqs: [String], cells: Int)] = []
        for c in a.cells where c.status == .upcoming {
            guard let date = c.deadline else { continue }
            let basis: String = if case let .notYetInOperation(system, _) = c.reason {
                reportText("\(system) goes live (operation duties)")
            } else {
                reportText(catalogs.entry(c.requirement)?.appliesFromBasis ?? "")
            }
            let req = c.requirement.label
            if let i = dates.firstIndex(where: { $0.date == date && $0.basis == basis }) {
                if !dates[i].reqs.contains(req) { dates[i].reqs.append(req) }
                dates[i].cells += 1
            } else {
                dates.append((date, basis, [req], 1))
            }
        }
        upcoming = dates.sorted { ($0.date, $0.basis) < ($1.date, $1.basis) }.map { UpcomingDate(date: $0.date, basis: $0.basis, requirements: $0.reqs, cells: $0.cells) }
    }
}

private func lastPathComponent(_ path: String) -> String {
    path.split(separator: "/").last.map(String.init) ?? path
}

/// The report text of an evidence item's title, by id (the first item with the id; "" for
/// none), read from the register when asked for.
struct EvidenceTitles: Sendable {
    let organization: Organization
    let position: [String: Int32]

    subscript(id: String) -> String { position[id].map { reportText(organization.evidence.title(Int($0))) } ?? "" }
}
