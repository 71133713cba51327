/// How far one framework's requirements are reached from another's.
public struct CoverageReport: Sendable {
    /// How one requirement of the target framework is reached.
    public enum Status: String, Sendable, Hashable, CaseIterable, Codable {
        /// Meeting some requirement of the source framework meets it in full (equal, equivalent, subset).
        case full
        /// Related, but no single source requirement meets all of it.
        case partial
        /// Examined and dispositioned `no-relationship`.
        case notRelated = "not-related"
        /// Appears in no mapping to the source framework.
        case unmapped
    }

    /// One requirement of the target framework and how it is reached.
    public struct Row: Sendable {
        public var requirement: CatalogEntry
        public var status: Status
        /// The relations behind the status, best first.
        public var via: [Relation]
    }

    public var from: FrameworkID
    public var to: FrameworkID
    /// Every requirement of `to`, in catalogue order.
    public var rows: [Row]

    /// The number of rows with `status`.
    public func count(_ status: Status) -> Int { rows.filter { $0.status == status }.count }
    /// Rows that are mapped at all (full, partial or not related).
    public var dispositioned: Int { rows.filter { $0.status != .unmapped }.count }
}

extension MappingGraph {
    /// How much of framework `to` is reached from framework `from`: for each requirement R
    /// of `to`, full when R is equal/equivalent to or a subset of some requirement of
    /// `from`; partial when R is otherwise related (several partial routes never add up to
    /// full); not related when only `no-relationship` dispositions exist; else unmapped.
    /// - Complexity: O(n·k) for n requirements of `to` and k relations each.
    public func coverage(from: FrameworkID, to: FrameworkID, includeDerived: Bool = true) -> CoverageReport? {
        guard let target = catalogs.catalog(to), catalogs.catalog(from) != nil else { return nil }
        var rows: [CoverageReport.Row] = []
        for entry in target.requirements {
            let rels = relations(of: RequirementRef(to, entry.label), to: from, includeDerived: includeDerived)
            let status: CoverageReport.Status
            if rels.contains(where: { $0.objectCoversSubject }) { status = .full }
            else if rels.contains(where: { $0.relationship != .noRelationship }) { status = .partial }
            else if !rels.isEmpty { status = .notRelated }
            else { status = .unmapped }
            rows.append(.init(requirement: entry, status: status, via: rels))
        }
        return CoverageReport(from: from, to: to, rows: rows)
    }
}
