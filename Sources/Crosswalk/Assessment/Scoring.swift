/// Overall, per framework, per top-level heading and per system, accumulated in one pass
/// over the cells in assessment order (so every credit sum adds in the same order).
struct Scoring {
    struct Tally {
        var counts = [Int](repeating: 0, count: CellStatus.allCases.count)
        var assessed = 0
        var credit = 0.0
        var cells = 0
        var organization = 0
        var organizationCredit = 0.0
        var upcoming = 0
        var upcomingCredit = 0.0

        mutating func add(_ c: Cell) { add(c.status, credit: c.credit, organization: c.system == nil) }

        mutating func add(_ status: CellStatus, credit c: Double, organization isOrganization: Bool) {
            cells += 1
            counts[status.ordinal] += 1
            if status.isAssessed {
                assessed += 1; credit += c
                if isOrganization { organization += 1; organizationCredit += c }
            } else if status == .upcoming {
                upcoming += 1; upcomingCredit += c
            }
        }

        func score(_ scope: ScoreScope, _ key: String) -> Score {
            var d: [CellStatus: Int] = [:]
            for (i, s) in CellStatus.allCases.enumerated() where counts[i] > 0 { d[s] = counts[i] }
            return Score(scope: scope, key: key, assessedCells: assessed, credit: credit, counts: d, organizationCells: organization,
                         organizationCredit: organizationCredit, upcomingCells: upcoming, upcomingCredit: upcomingCredit)
        }
    }

    let run: EngineRun
    var overall = Tally()
    var frameworks: [Tally]
    /// Per framework: the heading of each entry (index into `headingOrder`), and the headings in order.
    var headingOf: [[Int]] = []
    var headingOrder: [[String]] = []
    var headings: [[Tally]] = []
    /// Per system index in `Organization.systems`; systems sharing an id share a tally.
    var systemTally: [Int]
    var systems: [Tally]

    init(run: EngineRun, catalogs: [Catalog]) {
        self.run = run
        frameworks = [Tally](repeating: Tally(), count: catalogs.count)
        for catalog in catalogs {
            let (of, order) = Self.headings(of: catalog)
            headingOf.append(of)
            headingOrder.append(order)
            headings.append([Tally](repeating: Tally(), count: order.count))
        }
        var byID: [String: Int] = [:]
        systemTally = run.org.systems.map { s in
            if let t = byID[s.id] { return t }
            byID[s.id] = byID.count
            return byID.count - 1
        }
        systems = [Tally](repeating: Tally(), count: byID.count)
    }

    /// The heading each entry of `catalog` is scored under (an index into `order`), and the
    /// headings' labels in catalogue order: the top-level heading, or the one below an annex.
    static func headings(of catalog: Catalog) -> (of: [Int], order: [String]) {
        var of: [Int] = [], order: [String] = [], position: [String: Int] = [:]
        for e in catalog.entries {
            var h = e
            var chain: [CatalogEntry] = [e]
            while let p = h.parent, let pe = catalog.entry(label: p) { chain.append(pe); h = pe }
            var top = chain.last!
            if top.kind == .annex, chain.count >= 2 { top = chain[chain.count - 2] }
            if position[top.label] == nil { position[top.label] = order.count; order.append(top.label) }
            of.append(position[top.label]!)
        }
        return (of, order)
    }

    /// The heading label of every entry of the catalogues of `frameworks`, by reference.
    static func headingLabels(_ frameworks: [FrameworkID], catalogs: CatalogSet) -> [RequirementRef: String] {
        var out: [RequirementRef: String] = [:]
        for fw in frameworks {
            guard let catalog = catalogs.catalog(fw) else { continue }
            let (of, order) = headings(of: catalog)
            for (i, e) in catalog.entries.enumerated() where out[RequirementRef(fw, e.label)] == nil { out[RequirementRef(fw, e.label)] = order[of[i]] }
        }
        return out
    }

    /// The score of `cells` (in assessment order), as the engine computes it.
    static func score(_ scope: ScoreScope, _ key: String, cells: some Sequence<Cell>) -> Score {
        var t = Tally()
        for c in cells { t.add(c) }
        return t.score(scope, key)
    }

    mutating func add(_ r: RequirementCells, framework: Int, entry: Int) {
        let heading = headingOf[framework][entry]
        // Each cell read in place (its status and credit), not copied.
        for i in r.cells.indices {
            let status = r.cells[i].status, credit = r.cells[i].credit, s = r.systems[i]
            overall.add(status, credit: credit, organization: s < 0)
            frameworks[framework].add(status, credit: credit, organization: s < 0)
            headings[framework][heading].add(status, credit: credit, organization: s < 0)
            if s >= 0 { systems[systemTally[Int(s)]].add(status, credit: credit, organization: false) }
        }
    }

    func scores() -> [Score] {
        var out = [overall.score(.overall, run.org.name)]
        for (f, fw) in run.frameworks.enumerated() { out.append(frameworks[f].score(.framework, fw.rawValue)) }
        for (f, fw) in run.frameworks.enumerated() {
            for (h, label) in headingOrder[f].enumerated() where headings[f][h].cells > 0 {
                out.append(headings[f][h].score(.heading, "\(fw):\(label)"))
            }
        }
        for (i, s) in run.org.systems.enumerated() { out.append(systems[systemTally[i]].score(.system, s.id)) }
        return out
    }
}
