/// What changed between two assessments of one organisation: cells closed, newly open,
/// regressed and improved (by framework, system and owner), readiness then and now,
/// systems added or retired, requirements added or removed by a catalogue change, evidence
/// expiring by a date, and warnings when the reference data differ. A value: the CLI
/// renders it as a table, CSV or JSON, and a report can render it as a section.
public struct AssessmentDiff: Sendable {
    public struct CellDelta: Sendable, Hashable {
        public var requirement: RequirementRef
        public var system: String?
        public var owner: String?
        public var old: String?
        public var new: String?
        public var change: CellChange
    }
    /// Counts of each change for one framework, system or owner.
    public struct Tally: Sendable, Hashable {
        public var scope: String
        public var key: String
        public var counts: [CellChange: Int]
        public func count(_ c: CellChange) -> Int { counts[c] ?? 0 }
    }
    public struct Readiness: Sendable, Hashable {
        public var scope: String
        public var key: String
        public var old: Double?
        public var new: Double?
    }
    public struct RequirementDelta: Sendable, Hashable {
        public var requirement: RequirementRef
        public var added: Bool
    }
    public struct Expiring: Sendable, Hashable {
        public var evidence: String
        public var title: String
        public var owner: String
        public var expires: CalendarDate
        /// Cells of the new assessment that cite it.
        public var cells: Int
    }

    public var oldFile: String, newFile: String
    public var oldAsOf: CalendarDate, newAsOf: CalendarDate
    public var organization: String
    /// Every changed cell, in the new assessment's order, then cells only in the old.
    public var cells: [CellDelta]
    /// `overall`, then per framework, per system and per owner, each sorted by key.
    public var tallies: [Tally]
    public var readiness: [Readiness]
    public var systemsAdded: [String]
    public var systemsRetired: [String]
    public var requirements: [RequirementDelta]
    /// With `until`: evidence of the new assessment that expires on or before it, by date.
    public var expiring: [Expiring]
    public var until: CalendarDate?
    public var warnings: [String]

    /// Compares `old` with `new`.
    public init(old: AssessmentSnapshot, new: AssessmentSnapshot, until: CalendarDate? = nil) {
        oldFile = old.file; newFile = new.file; oldAsOf = old.asOf; newAsOf = new.asOf; organization = new.organization
        self.until = until
        warnings = Self.warnings(old, new)

        struct Key: Hashable { var r: RequirementRef; var s: String? }
        var oldByKey: [Key: AssessmentSnapshot.CellRecord] = [:]
        for c in old.cells { oldByKey[Key(r: c.requirement, s: c.system)] = c }
        var newKeys = Set<Key>()
        var deltas: [CellDelta] = []
        let oldSystems = Set(old.scores.filter { $0.scope == "system" }.map(\.key))
        let newSystems = Set(new.scores.filter { $0.scope == "system" }.map(\.key))
        for c in new.cells {
            let k = Key(r: c.requirement, s: c.system)
            newKeys.insert(k)
            let o = oldByKey[k]
            if let change = CellChange.between(o?.knownStatus, c.knownStatus) {
                deltas.append(CellDelta(requirement: c.requirement, system: c.system, owner: c.owner ?? o?.owner, old: o?.status, new: c.status, change: change))
            }
        }
        for c in old.cells where !newKeys.contains(Key(r: c.requirement, s: c.system)) {
            // Cells of a retired system are reported with the system, not as gaps closed.
            if let s = c.system, !newSystems.contains(s) { continue }
            if let change = CellChange.between(c.knownStatus, nil) {
                deltas.append(CellDelta(requirement: c.requirement, system: c.system, owner: c.owner, old: c.status, new: nil, change: change))
            }
        }
        cells = deltas
        unknownStatuses = Array(Set((old.cells + new.cells).map(\.status).filter { CellStatus(rawValue: $0) == nil })).sorted()
        if !unknownStatuses.isEmpty {
            warnings.append("statuses this Crosswalk does not know were not compared: \(unknownStatuses.joined(separator: ", ")); use the Crosswalk that wrote the files")
        }

        var t: [String: [String: [CellChange: Int]]] = [:]
        for d in deltas {
            for (scope, key) in [("overall", "all"), ("framework", d.requirement.framework.rawValue), ("system", d.system ?? "(organisation)"), ("owner", d.owner ?? "(none)")] {
                t[scope, default: [:]][key, default: [:]][d.change, default: 0] += 1
            }
        }
        tallies = ["overall", "framework", "system", "owner"].flatMap { scope in
            (t[scope] ?? [:]).keys.sorted().map { Tally(scope: scope, key: $0, counts: t[scope]![$0]!) }
        }

        var rows: [Readiness] = []
        for scope in ["overall", "framework", "system"] {
            var order: [String] = []
            var o: [String: Double] = [:], n: [String: Double] = [:], listed = Set<String>()
            for s in new.scores where s.scope == scope {
                if listed.insert(s.key).inserted { order.append(s.key) }
                if let r = s.readiness { n[s.key] = r }
            }
            for s in old.scores where s.scope == scope {
                if listed.insert(s.key).inserted { order.append(s.key) }
                if let r = s.readiness { o[s.key] = r }
            }
            rows += order.map { Readiness(scope: scope, key: $0, old: o[$0], new: n[$0]) }
        }
        readiness = rows
        systemsAdded = new.scores.filter { $0.scope == "system" && !oldSystems.contains($0.key) }.map(\.key)
        systemsRetired = old.scores.filter { $0.scope == "system" && !newSystems.contains($0.key) }.map(\.key)

        // Requirements of a framework in both scopes that one catalogue has and the other not.
        let both = Set(old.frameworks).intersection(new.frameworks)
        func labels(_ s: AssessmentSnapshot) -> [RequirementRef] {
            var seen = Set<RequirementRef>(), out: [RequirementRef] = []
            for c in s.cells where both.contains(c.requirement.framework) && seen.insert(c.requirement).inserted { out.append(c.requirement) }
            return out
        }
        let oldReqs = labels(old), newReqs = labels(new)
        let oldSet = Set(oldReqs), newSet = Set(newReqs)
        requirements = newReqs.filter { !oldSet.contains($0) }.map { RequirementDelta(requirement: $0, added: true) }
            + oldReqs.filter { !newSet.contains($0) }.map { RequirementDelta(requirement: $0, added: false) }

        if let until {
            var citing: [String: Int] = [:]
            for c in new.cells { for e in c.evidence { citing[e, default: 0] += 1 } }
            expiring = new.evidence.compactMap { e in
                guard let x = e.expires, x <= until else { return nil }
                return Expiring(evidence: e.id, title: e.title, owner: e.owner, expires: x, cells: citing[e.id] ?? 0)
            }.sorted { ($0.expires, $0.evidence) < ($1.expires, $1.evidence) }
            if new.evidence.isEmpty { warnings.append("\(new.file) records no evidence expiries (written by an older Crosswalk); --until lists nothing") }
        } else {
            expiring = []
        }
    }

    /// Statuses found in either file that this Crosswalk does not know (not compared).
    public private(set) var unknownStatuses: [String] = []

    /// The changed cells of one kind.
    public func cells(_ change: CellChange) -> [CellDelta] { cells.filter { $0.change == change } }
    /// The tally of a scope and key (`overall`/`all`, `framework`/`iso42001`, …).
    public func tally(_ scope: String, _ key: String) -> Tally? { tallies.first { $0.scope == scope && $0.key == key } }

    static func warnings(_ old: AssessmentSnapshot, _ new: AssessmentSnapshot) -> [String] {
        var out: [String] = []
        if old.organization != new.organization {
            out.append("the files assess different organisations ('\(old.organization)' and '\(new.organization)')")
        }
        if new.asOf < old.asOf { out.append("the new assessment (\(new.asOf)) is dated before the old one (\(old.asOf)); swap the arguments?") }
        guard let po = old.provenance, let pn = new.provenance else {
            out.append("\(old.provenance == nil ? old.file : new.file) has no provenance (written by an older Crosswalk): cannot tell whether the catalogues and crosswalks are the same")
            return out
        }
        if po.crosswalkVersion != pn.crosswalkVersion { out.append("written by different Crosswalk versions (\(po.crosswalkVersion) and \(pn.crosswalkVersion)); scoring rules may differ") }
        func key(_ f: FileDigest) -> String { f.kind == .catalog ? "catalog \(f.subject)" : "crosswalk \(f.name)" }
        var oldBy: [String: FileDigest] = [:]
        for f in po.referenceFiles { oldBy[key(f)] = f }
        var newKeys = Set<String>()
        for f in pn.referenceFiles {
            newKeys.insert(key(f))
            if let o = oldBy[key(f)] {
                if o.sha256 != f.sha256 { out.append("the \(key(f)) differs (\(o.name) sha256 \(o.sha256.prefix(12))… then, \(f.name) sha256 \(f.sha256.prefix(12))… now): changes may come from the reference data, not the organisation") }
            } else {
                out.append("the \(key(f)) (\(f.name)) was not used by the old assessment")
            }
        }
        for f in po.referenceFiles where !newKeys.contains(key(f)) { out.append("the \(key(f)) (\(f.name)) is no longer used") }
        return out
    }
}
