/// When in an AI system's life a requirement's duty runs and which party it concerns:
/// catalogue data (`stage`, `party` and `retention` props in the Crosswalk namespace, each
/// with its rationale in the prop's remarks), read by the engine's lifecycle and sourcing
/// rules (`Docs/Scoring.md`, "Lifecycle and sourcing").
public struct LifecycleRole: Sendable, Hashable {
    /// The stage of the system's life a duty concerns.
    public enum Stage: String, Sendable, Hashable, CaseIterable {
        /// Runs while the system is in operation: upcoming until a planned system's go-live.
        case operation
        /// Outlives the system: kept for a retired system until its retention period ends.
        case retention
    }

    /// Which party a duty concerns, beyond the organisation itself.
    public enum Party: String, Sendable, Hashable, CaseIterable {
        /// The system's developer: for a system the organisation does not develop
        /// (third-party service or embedded), the supplier's assurance can meet it.
        case developer
        /// The supplier relationship: a per-system cell for each system the organisation
        /// does not develop, beside the organisation-wide process.
        case supplier
    }

    /// How long a retention duty outlives the system.
    public enum Retention: Sendable, Hashable {
        /// A number of years after the system was placed on the market or put into service
        /// (Art. 18: ten years).
        case yearsAfterPlacing(Int)
        /// A number of months after the system was retired (Art. 19 and 26(6): at least six).
        case monthsAfterRetirement(Int)
        /// As long as the records exist (a decommissioning record).
        case indefinite

        /// Parses `placed-on-market+10y`, `retired-on+6m` or `indefinite`.
        init?(_ text: String) {
            if text == "indefinite" { self = .indefinite; return }
            let parts = text.split(separator: "+")
            guard parts.count == 2, let unit = parts[1].last, let n = Int(parts[1].dropLast()), n > 0, n <= 100 else { return nil }
            switch (parts[0], unit) {
            case ("placed-on-market", "y"): self = .yearsAfterPlacing(n)
            case ("retired-on", "m"): self = .monthsAfterRetirement(n)
            default: return nil
            }
        }

        /// How the period reads in a sentence: "10 years after placing on the market".
        public var description: String {
            switch self {
            case let .yearsAfterPlacing(n): "\(n) years after placing on the market or putting into service"
            case let .monthsAfterRetirement(n): "at least \(n) months after retirement"
            case .indefinite: "for as long as the records are kept"
            }
        }
    }

    public var stage: Stage?
    public var party: Party?
    public var retention: Retention?
    /// Why the catalogue gives the requirement this stage or party (the props' remarks).
    public var rationale: String

    public init(stage: Stage? = nil, party: Party? = nil, retention: Retention? = nil, rationale: String = "") {
        self.stage = stage
        self.party = party
        self.retention = retention
        self.rationale = rationale
    }

    /// True when no lifecycle or sourcing rule concerns the requirement.
    public var isEmpty: Bool { stage == nil && party == nil && retention == nil }
}
