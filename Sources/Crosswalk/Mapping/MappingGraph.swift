import Foundation

/// One step of a chain: `from relationship to`, as asserted (or as the inverse of an
/// asserted mapping, read from the other side).
public struct MappingStep: Sendable, Hashable {
    public var from: RequirementRef
    public var to: RequirementRef
    public var relationship: Relationship
    public var strength: Int
    public var rationale: MatchingRationale
    public var justification: String
    /// True when the mapping was asserted as `to inverse(relationship) from`.
    public var readInReverse: Bool
    public var location: SourceLocation
}

/// What the graph knows of how `subject` relates to `object`.
public struct Relation: Sendable, Hashable {
    public var subject: RequirementRef
    public var object: RequirementRef
    /// `subject relationship object`.
    public var relationship: Relationship
    /// The asserted strength, or for a derived relation the weakest link's.
    public var strength: Int
    public var rationale: MatchingRationale
    /// False for an asserted mapping (read either way), true when inferred through a chain.
    public var isDerived: Bool
    /// Set when a derived chain passes through `equivalent-to`.
    public var needsReview: Bool
    /// The asserted steps, in order from subject to object (one step when asserted).
    public var chain: [MappingStep]

    /// The author's justification for an asserted relation; for a derived one, the chain.
    public var justification: String {
        if !isDerived { return chain.first?.justification ?? "" }
        return "derived: " + chain.map { "\($0.from) \($0.relationship.rawValue) \($0.to)" }.joined(separator: "; ")
    }

    /// True when meeting `object` meets `subject` in full.
    public var objectCoversSubject: Bool { relationship.targetCoversSource }
}

/// The graph of typed mappings between catalogue entries.
///
/// Nodes are every entry of every loaded catalogue (framework + label), numbered in a
/// fixed order (frameworks sorted by key, entries in catalogue order), so every answer is
/// independent of the order files were loaded in. Each asserted mapping is an edge both
/// ways (the reverse edge carries the inverse relationship). Derived relations follow only
/// sound compositions (``Relationship/compose(_:_:)``), along chains of one rationale, up to
/// ``maxChainLength`` steps; an asserted mapping between the same two entries outranks any
/// derived one.
public struct MappingGraph: Sendable {
    /// The longest chain inference follows.
    public static let maxChainLength = 3

    public let catalogs: CatalogSet
    /// Every asserted mapping, in a stable order (source, target, rationale).
    public let mappings: [Mapping]
    private let nodes: [RequirementRef]
    private let nodeIndex: [RequirementRef: Int]
    /// CSR adjacency: edges of node `n` are `edges[offsets[n]..<offsets[n+1]]`.
    private let offsets: [Int]
    private let edges: [Edge]
    /// CSR of every relation (asserted then derived) of each node, best first: computed on
    /// first use (a run that never asks for a relation, `crosswalk catalogs` say, never
    /// pays for the inference), then kept.
    private let relationTable: RelationTable

    struct Edge: Sendable {
        var to: Int32
        var mapping: Int32
        var reversed: Bool
    }

    /// Builds the graph. Mappings whose ends are not in `catalogs` are ignored (loaders
    /// reject them first).
    /// - Complexity: O(V + E·d³) for `d` the largest degree, in practice milliseconds.
    public init(catalogs: CatalogSet, mappings: [Mapping]) {
        self.catalogs = catalogs
        var nodes: [RequirementRef] = []
        var nodeIndex: [RequirementRef: Int] = [:]
        for c in catalogs.catalogs {
            for e in c.entries {
                let ref = RequirementRef(c.framework, e.label)
                nodeIndex[ref] = nodes.count
                nodes.append(ref)
            }
        }
        // Sorted by (source node, target node, rationale, relationship), ties in input order;
        // each mapping's node indices looked up once, not in the comparator.
        struct Key { var source: Int; var target: Int; var rationale: MatchingRationale; var rank: Int; var index: Int }
        var keys: [Key] = []
        keys.reserveCapacity(mappings.count)
        for (i, m) in mappings.enumerated() {
            guard let s = nodeIndex[m.source], let t = nodeIndex[m.target] else { continue }
            keys.append(Key(source: s, target: t, rationale: m.rationale, rank: m.relationship.rank, index: i))
        }
        keys.sort { a, b in
            if a.source != b.source { return a.source < b.source }
            if a.target != b.target { return a.target < b.target }
            if a.rationale != b.rationale { return a.rationale.rawValue < b.rationale.rawValue }
            if a.rank != b.rank { return a.rank < b.rank }
            return a.index < b.index
        }
        let sorted = keys.map { mappings[$0.index] }
        var adjacency = [[Edge]](repeating: [], count: nodes.count)
        for (i, k) in keys.enumerated() {
            adjacency[k.source].append(Edge(to: Int32(k.target), mapping: Int32(i), reversed: false))
            adjacency[k.target].append(Edge(to: Int32(k.source), mapping: Int32(i), reversed: true))
        }
        var offsets = [0], edges: [Edge] = []
        for var list in adjacency {
            list.sort { ($0.to, $0.mapping, $0.reversed ? 1 : 0) < ($1.to, $1.mapping, $1.reversed ? 1 : 0) }
            edges += list
            offsets.append(edges.count)
        }
        self.mappings = sorted
        self.nodes = nodes
        self.nodeIndex = nodeIndex
        self.offsets = offsets
        self.edges = edges
        self.relationTable = RelationTable()
    }

    /// The relations of every node, computed the first time they are asked for.
    private var relations: (offsets: [Int], store: [Relation]) {
        relationTable.value {
            var relationOffsets = [0], store: [Relation] = []
            for n in 0..<nodes.count {
                store += Self.computeRelations(of: n, nodes: nodes, offsets: offsets, edges: edges, mappings: mappings)
                relationOffsets.append(store.count)
            }
            return (relationOffsets, store)
        }
    }

    private static func step(_ e: Edge, from: Int, nodes: [RequirementRef], mappings: [Mapping]) -> MappingStep {
        let m = mappings[Int(e.mapping)]
        return MappingStep(from: nodes[from], to: nodes[Int(e.to)], relationship: e.reversed ? m.relationship.inverse : m.relationship,
                           strength: m.strength, rationale: m.rationale, justification: m.justification, readInReverse: e.reversed, location: m.location)
    }

    private static func computeRelations(of start: Int, nodes: [RequirementRef], offsets: [Int], edges: [Edge], mappings: [Mapping]) -> [Relation] {
        var asserted: [Relation] = []
        var assertedTargets = Set<Int>()
        for e in edges[offsets[start]..<offsets[start + 1]] {
            let s = step(e, from: start, nodes: nodes, mappings: mappings)
            asserted.append(Relation(subject: nodes[start], object: s.to, relationship: s.relationship, strength: s.strength, rationale: s.rationale,
                                     isDerived: false, needsReview: false, chain: [s]))
            assertedTargets.insert(Int(e.to))
        }
        // Depth-first over chains of one rationale, composing as we go.
        var best: [Int: Relation] = [:]
        var path: [MappingStep] = []
        var onPath: Set<Int> = [start]
        func better(_ a: Relation, than b: Relation) -> Bool {
            if a.relationship.rank != b.relationship.rank { return a.relationship.rank < b.relationship.rank }
            if a.strength != b.strength { return a.strength > b.strength }
            if a.chain.count != b.chain.count { return a.chain.count < b.chain.count }
            if a.needsReview != b.needsReview { return !a.needsReview }
            return a.justification < b.justification
        }
        func visit(_ node: Int, relation: Relationship?, review: Bool, strength: Int, rationale: MatchingRationale?) {
            if path.count >= maxChainLength { return }
            for e in edges[offsets[node]..<offsets[node + 1]] {
                let next = Int(e.to)
                if onPath.contains(next) { continue }
                let s = step(e, from: node, nodes: nodes, mappings: mappings)
                if let rationale, s.rationale != rationale { continue }
                var composed = s.relationship
                var needsReview = review
                if let relation {
                    guard let c = Relationship.compose(relation, s.relationship) else { continue }
                    composed = c.relationship
                    needsReview = needsReview || c.needsReview
                }
                path.append(s)
                onPath.insert(next)
                let weakest = min(strength, s.strength)
                if path.count >= 2 && !assertedTargets.contains(next) {
                    let candidate = Relation(subject: nodes[start], object: nodes[next], relationship: composed, strength: weakest, rationale: s.rationale,
                                             isDerived: true, needsReview: needsReview, chain: path)
                    if let current = best[next] { if better(candidate, than: current) { best[next] = candidate } } else { best[next] = candidate }
                }
                visit(next, relation: composed, review: needsReview, strength: weakest, rationale: s.rationale)
                onPath.remove(next)
                path.removeLast()
            }
        }
        visit(start, relation: nil, review: false, strength: 10, rationale: nil)
        func order(_ a: Relation, _ b: Relation) -> Bool {
            if a.relationship.rank != b.relationship.rank { return a.relationship.rank < b.relationship.rank }
            if a.strength != b.strength { return a.strength > b.strength }
            return (a.object.framework.rawValue, a.chain[0].location.line, a.rationale.rawValue) < (b.object.framework.rawValue, b.chain[0].location.line, b.rationale.rawValue)
        }
        let derived = best.keys.sorted().map { best[$0]! }
        return asserted.sorted(by: order) + derived.sorted(by: order)
    }

    /// Whether `ref` is an entry of a loaded catalogue.
    public func contains(_ ref: RequirementRef) -> Bool { nodeIndex[ref] != nil }

    /// Every relation of `ref`: asserted ones first, then derived, each group best first
    /// (closest relationship, then strength).
    /// - Parameters:
    ///   - framework: only relations to this framework.
    ///   - includeDerived: false for asserted mappings only.
    /// - Complexity: O(k) for k relations of `ref` (all are computed when the graph is built).
    public func relations(of ref: RequirementRef, to framework: FrameworkID? = nil, includeDerived: Bool = true) -> [Relation] {
        guard let n = nodeIndex[ref] else { return [] }
        let table = relations
        return table.store[table.offsets[n]..<table.offsets[n + 1]].filter {
            (framework == nil || $0.object.framework == framework) && (includeDerived || !$0.isDerived)
        }
    }

    /// How `a` relates to `b`: the asserted mappings between them, or else the best derived chain.
    /// - Complexity: O(k) for k relations of `a`.
    public func explain(_ a: RequirementRef, _ b: RequirementRef) -> [Relation] {
        relations(of: a, to: b.framework).filter { $0.object == b }
    }

    /// Every derived relation in the graph (each unordered pair once, from the side whose
    /// node comes first), in a stable order.
    /// - Complexity: O(total relations).
    public var derivedRelations: [Relation] {
        var out: [Relation] = []
        let table = relations
        for n in 0..<nodes.count {
            for r in table.store[table.offsets[n]..<table.offsets[n + 1]] where r.isDerived && nodeIndex[r.object]! > n {
                out.append(r)
            }
        }
        return out
    }
}

/// A graph's relations, computed once on first use; safe to share between threads (the
/// engine asks from several at once): the first caller computes under the lock.
private final class RelationTable: @unchecked Sendable {
    private let lock = NSLock()
    private var computed: (offsets: [Int], store: [Relation])?

    func value(_ compute: () -> (offsets: [Int], store: [Relation])) -> (offsets: [Int], store: [Relation]) {
        lock.lock()
        defer { lock.unlock() }
        if let computed { return computed }
        let result = compute()
        computed = result
        return result
    }
}
