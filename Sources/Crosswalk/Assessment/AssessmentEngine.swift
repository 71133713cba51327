import Dispatch

/// The gap engine: a pure function of the organisation, the reference data and the options.
/// The rules are documented in `Docs/Scoring.md`; each lives in one file: applicability
/// (`Applicability.swift`, `SystemProfile.swift`), the evidence index (`EvidenceIndex.swift`,
/// `EvidenceRoutes.swift`), cell evaluation (`CellEvaluator.swift`), reasons
/// (`CellReason.swift`), scoring (`Scoring.swift`) and warnings (`ClaimWarnings.swift`).
package enum AssessmentEngine {
    /// Assesses `organization` against every framework in scope.
    ///
    /// Evidence claims are indexed once by requirement, organisation-wide and per system;
    /// each requirement's relations are read once; the organisation-wide evidence a system
    /// cell sees is classified once per requirement, not once per system. Requirements are
    /// assessed in parallel; the result does not depend on the number of threads.
    /// - Complexity: O(C + R·(S·r + k)) for C claims, R requirements, S systems, r routes
    ///   (relations) of a requirement and k claims reached through them.
    public static func assess(_ organization: Organization, dataset: Dataset, options: AssessmentOptions) -> Assessment {
        let a = EngineRun(org: organization, dataset: dataset, options: options).assess()
        FreedMemory.release(ifCells: a.cells.count)  // the run's index and scratch are gone
        return a
    }
}

/// The cells of one requirement, with the system index of each (-1: organisation).
struct RequirementCells: Sendable {
    var cells: [Cell] = []
    var systems: [Int32] = []
}

/// Everything one run reads, built once and shared by the parallel iterations.
struct EngineRun: Sendable {
    let org: Organization
    let dataset: Dataset
    let options: AssessmentOptions
    /// The last day of the due-soon window.
    let soon: CalendarDate
    let owners: [RequirementRef: String]
    let decisions: [RequirementRef: ApplicabilityDecision]
    /// The active systems, in inventory order.
    let profiles: [SystemProfile]
    /// Every system, retired ones included; position = index into `Organization.systems`.
    let allProfiles: [SystemProfile]
    /// Per-system SoA decisions and owner assignments (the first for a requirement and system).
    let systemDecisions: [SystemKey: ApplicabilityDecision]
    let systemOwners: [SystemKey: String]
    /// The requirements with a per-system decision or owner: the others skip those lookups
    /// for each system cell.
    let systemScoped: Set<RequirementRef>
    /// The ids of evidence items provided by a supplier (supplier assurance).
    let supplierEvidence: Set<String>
    let organization: OrganizationProfile
    let frameworks: [FrameworkID]
    let evidence: EvidenceIndex
    let evidenceIDs: [String]

    init(org: Organization, dataset: Dataset, options: AssessmentOptions) {
        self.org = org
        self.dataset = dataset
        self.options = options
        soon = options.asOf.adding(days: options.dueSoonDays)
        var owners: [RequirementRef: String] = [:], decisions: [RequirementRef: ApplicabilityDecision] = [:]
        var systemOwners: [SystemKey: String] = [:], systemDecisions: [SystemKey: ApplicabilityDecision] = [:]
        var systemIndex: [String: Int32] = [:]
        for (i, s) in org.systems.enumerated() where systemIndex[s.id] == nil { systemIndex[s.id] = Int32(i) }
        for o in org.owners {
            if let id = o.system {
                if let s = systemIndex[id], systemOwners[SystemKey(ref: o.requirement, system: s)] == nil { systemOwners[SystemKey(ref: o.requirement, system: s)] = o.person }
            } else if owners[o.requirement] == nil { owners[o.requirement] = o.person }
        }
        for d in org.decisions {
            if let id = d.system {
                if let s = systemIndex[id], systemDecisions[SystemKey(ref: d.requirement, system: s)] == nil { systemDecisions[SystemKey(ref: d.requirement, system: s)] = d }
            } else if decisions[d.requirement] == nil { decisions[d.requirement] = d }
        }
        self.owners = owners
        self.decisions = decisions
        self.systemOwners = systemOwners
        self.systemDecisions = systemDecisions
        systemScoped = Set(systemOwners.keys.map(\.ref)).union(systemDecisions.keys.map(\.ref))
        supplierEvidence = Set(org.evidence.indices.filter { org.evidence.providedBy($0) == .supplier }.map(org.evidence.id))
        allProfiles = SystemProfile.all(in: org)
        profiles = allProfiles.filter(\.isActive)
        organization = OrganizationProfile(org, active: profiles)
        frameworks = (options.frameworks ?? org.frameworks).filter { dataset.catalogs.catalog($0) != nil }.sorted()
        let coverage = [FrameworkID.iso27001, .iso42001].map { fw in
            (fw, dataset.catalogs.catalog(fw).map { EvidenceIndex.certificateCoverage($0, decisions: decisions) } ?? [])
        }
        evidence = EvidenceIndex(org, asOf: options.asOf) { fw in coverage.first { $0.0 == fw }?.1 ?? [] }
        evidenceIDs = org.evidence.ids
    }

    /// One unit of parallel work: a requirement of a catalogue.
    struct WorkItem: Sendable {
        var framework: Int
        var catalog: Catalog
        var entry: Int
    }

    /// The requirements to assess, frameworks in scope order, each in catalogue order; and
    /// the catalogues.
    func workItems() -> (work: [WorkItem], catalogs: [Catalog]) {
        var work: [WorkItem] = []
        var catalogs: [Catalog] = []
        for (f, fw) in frameworks.enumerated() {
            let catalog = dataset.catalogs.catalog(fw)!
            catalogs.append(catalog)
            for (i, e) in catalog.entries.enumerated() where e.isRequirement { work.append(WorkItem(framework: f, catalog: catalog, entry: i)) }
        }
        return (work, catalogs)
    }

    /// The cells of work item `i`.
    func cells(_ item: WorkItem) -> RequirementCells { cells(for: item.catalog.entries[item.entry], in: item.catalog) }

    /// Merges the per-requirement results, in work order, into the assessment. `take(i)`
    /// hands over result `i` (once each, in order): each requirement's cells are let go as
    /// soon as they are appended, so the cells are not held twice while merging.
    func merge(count: Int, take: (Int) -> RequirementCells, work: [WorkItem], catalogs: [Catalog]) -> Assessment {
        var cells: [Cell] = []
        cells.reserveCapacity(count)
        var scoring = Scoring(run: self, catalogs: catalogs)
        for i in 0..<work.count {
            let result = take(i)
            scoring.add(result, framework: work[i].framework, entry: work[i].entry)
            cells.append(contentsOf: result.cells)
        }
        return Assessment(organization: org.name, asOf: options.asOf, frameworks: frameworks, cells: cells, scores: scoring.scores(),
                          warnings: ClaimWarnings.warnings(org, cells: cells) + LifecycleWarnings.warnings(org, asOf: options.asOf, cells: cells))
    }

    /// The synchronous run: requirements in parallel on Dispatch, each into its own slot.
    func assess() -> Assessment {
        let (work, catalogs) = workItems()
        let results = Slots<RequirementCells>(count: work.count)
        defer { results.deallocate() }
        let counter = options.progress.map { ProgressCounter(total: work.count, report: $0) }
        DispatchQueue.concurrentPerform(iterations: work.count) { [work] i in
            results.initialize(i, to: self.cells(work[i]))
            counter?.step()
        }
        let count = results.buffer.reduce(0) { $0 + $1.cells.count }
        return merge(count: count, take: { results.take($0) }, work: work, catalogs: catalogs)
    }

    /// The cells of one requirement: applicability first, then evidence.
    func cells(for entry: CatalogEntry, in catalog: Catalog) -> RequirementCells {
        let ref = RequirementRef(catalog.framework, entry.label)
        let plan = plan(entry, ref: ref, in: catalog)
        let perSystem = entry.scope == .system || (entry.lifecycle.party == .supplier && plan.targets.contains { $0.system != nil })
        var evaluator = CellEvaluator(run: self, ref: ref, perSystem: perSystem)
        var out = RequirementCells()
        out.cells.reserveCapacity(plan.targets.count)
        out.systems.reserveCapacity(plan.targets.count)
        let scoped = systemScoped.contains(ref), requirementOwner = owners[ref]
        for var t in plan.targets {
            let system = t.system.map { org.systems[$0].id }
            var exclusion = plan.exclusion
            if let s = t.system {
                let p = allProfiles[s]
                if !p.isActive { t.applicability = retentionNote(entry, p) }
                // Per-system decision, then go-live.
                if scoped, t.fixed == nil || t.fixed?.status == .upcoming, let d = decision(ref, system: s) {
                    let x = systemExclusion(entry, d)
                    if let (status, reason) = x.fixed { t.fixed = (status, reason, nil) } else if let f = x.finding { exclusion = f }
                }
                if t.fixed == nil || t.fixed?.status == .upcoming, let live = notYetInOperation(entry, p) {
                    if let d = t.fixed?.deadline, let g = live.deadline, d >= g {} else { t.fixed = live }
                }
            }
            let owner = scoped ? owner(ref, system: t.system) : requirementOwner
            if let (status, reason, deadline) = t.fixed, status != .upcoming {
                out.cells.append(Cell(requirement: ref, system: system, status: status, reason: reason, evidence: [], via: [], owner: owner,
                                      deadline: deadline, credit: 0, applicability: t.applicability))
                out.systems.append(Int32(t.system ?? -1))
                continue
            }
            var cell = if let s = t.system {
                evaluator.evaluate(system: s, applicability: t.applicability, exclusion: exclusion)
            } else {
                evaluator.evaluateOrganization(applicability: t.applicability, exclusion: exclusion, processOnly: perSystem)
            }
            cell.owner = owner
            if let s = t.system { sourcingReason(entry, &cell, allProfiles[s]) }
            cell.capEvidence(options.evidencePerCell)
            if let (status, reason, deadline) = t.fixed {
                // Upcoming: the evidence already collected and the credit it would give (preparation), not the status.
                cell.status = status
                cell.reason = reason
                cell.deadline = deadline
            }
            out.cells.append(cell)
            out.systems.append(Int32(t.system ?? -1))
        }
        return out
    }
}

/// Counts finished requirements across the parallel loop and reports each new percent,
/// one report at a time (a serial queue guards the count).
final class ProgressCounter: @unchecked Sendable {
    private let queue = DispatchQueue(label: "crosswalk.progress")
    private let total: Int
    private let report: @Sendable (Double) -> Void
    private var done = 0, lastPercent = -1

    init(total: Int, report: @escaping @Sendable (Double) -> Void) {
        self.total = max(total, 1)
        self.report = report
    }

    func step() {
        queue.sync {
            done += 1
            let percent = done * 100 / total
            if percent != lastPercent { lastPercent = percent; report(Double(done) / Double(total)) }
        }
    }
}
