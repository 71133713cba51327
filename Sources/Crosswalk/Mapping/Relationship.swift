/// A NIST IR 8477 set-theory relationship, in OSCAL 1.2's vocabulary: `source R target`.
///
/// Set reading: `A subset-of B` means everything A asks is asked by B, so meeting B meets A.
public enum Relationship: String, Sendable, Hashable, CaseIterable, Codable, Comparable {
    /// Same requirements, up to spelling.
    case equalTo = "equal-to"
    /// Same effect, not the same words.
    case equivalentTo = "equivalent-to"
    /// The source asks nothing the target does not; the target asks more.
    case subsetOf = "subset-of"
    /// The source asks everything the target does, and more.
    case supersetOf = "superset-of"
    /// Each asks something the other does not.
    case intersectsWith = "intersects-with"
    /// Examined and found unrelated.
    case noRelationship = "no-relationship"

    /// The relationship read from the target's side: subset ↔ superset; the rest are symmetric.
    public var inverse: Relationship {
        switch self {
        case .subsetOf: .supersetOf
        case .supersetOf: .subsetOf
        default: self
        }
    }

    /// True when meeting the target meets the source in full (`equal-to`, `equivalent-to`, `subset-of`).
    public var targetCoversSource: Bool { self == .equalTo || self == .equivalentTo || self == .subsetOf }

    /// Rank for ordering: the closer the relationship, the lower.
    var rank: Int {
        switch self {
        case .equalTo: 0
        case .equivalentTo: 1
        case .subsetOf: 2
        case .supersetOf: 3
        case .intersectsWith: 4
        case .noRelationship: 5
        }
    }

    public static func < (a: Self, b: Self) -> Bool { a.rank < b.rank }

    /// The single relationship `A ? C` that follows from `A first B` and `B second C`, or nil
    /// when set reasoning gives no single answer.
    ///
    /// Sound compositions only: `equal∘r = r`, `r∘equal = r`, `subset∘subset = subset`,
    /// `superset∘superset = superset`, `subset∘no-relationship = no-relationship`,
    /// `no-relationship∘superset = no-relationship`. `equivalent-to` composes like
    /// `equal-to` but drifts, so ``Composition/needsReview`` is set. Anything through
    /// `intersects-with`, and `subset∘superset`, gives nil.
    public static func compose(_ first: Relationship, _ second: Relationship) -> Composition? {
        switch (first, second) {
        case (.equalTo, let r): return Composition(relationship: r, needsReview: r == .equivalentTo)
        case (let r, .equalTo): return Composition(relationship: r, needsReview: r == .equivalentTo)
        case (.equivalentTo, .equivalentTo): return Composition(relationship: .equivalentTo, needsReview: true)
        case (.equivalentTo, let r): return Composition(relationship: r, needsReview: true)
        case (let r, .equivalentTo): return Composition(relationship: r, needsReview: true)
        case (.subsetOf, .subsetOf): return Composition(relationship: .subsetOf, needsReview: false)
        case (.supersetOf, .supersetOf): return Composition(relationship: .supersetOf, needsReview: false)
        case (.subsetOf, .noRelationship): return Composition(relationship: .noRelationship, needsReview: false)
        case (.noRelationship, .supersetOf): return Composition(relationship: .noRelationship, needsReview: false)
        default: return nil
        }
    }

    /// The result of ``compose(_:_:)``.
    public struct Composition: Sendable, Hashable {
        public var relationship: Relationship
        /// Set when a chain passes through `equivalent-to`, whose meaning drifts when chained.
        public var needsReview: Bool
    }
}

/// How a relationship was judged (NIST IR 8477): by wording, meaning, or the result of implementing.
public enum MatchingRationale: String, Sendable, Hashable, CaseIterable, Codable, Comparable {
    case syntactic, semantic, functional
    public static func < (a: Self, b: Self) -> Bool { a.rawValue < b.rawValue }
}
