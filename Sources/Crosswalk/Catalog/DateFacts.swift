/// What an organisation declares about one AI system (or general-purpose AI model) that
/// decides which of an obligation's dates applies to it: the transitional provisions of
/// Article 111 of the EU AI Act turn on these facts.
///
/// Used by ``ApplicationDate/resolve(_:acts:asOf:facts:)``. An undeclared fact is read as
/// false (and an unknown placing-on-market date as "not before" any cut-off), so without
/// facts the general date applies.
public struct DateFacts: Sendable, Hashable {
    /// When the system was placed on the market or put into service (for a model: placed
    /// on the market), if it was.
    public var placedOnMarket: CalendarDate?
    /// The system is intended to be used by public authorities (Art. 111(2), second sentence).
    public var publicAuthorityUse: Bool
    /// The system is a component of a large-scale IT system established by a legal act
    /// listed in Annex X (Art. 111(1)).
    public var annexXComponent: Bool
    /// The system is high-risk under Article 6(1): a safety component of, or itself, a
    /// product covered by the Union harmonisation legislation in Annex I.
    public var annexIProduct: Bool

    public init(placedOnMarket: CalendarDate? = nil, publicAuthorityUse: Bool = false, annexXComponent: Bool = false, annexIProduct: Bool = false) {
        self.placedOnMarket = placedOnMarket
        self.publicAuthorityUse = publicAuthorityUse
        self.annexXComponent = annexXComponent
        self.annexIProduct = annexIProduct
    }

    /// Nothing declared: the general dates.
    public static let none = DateFacts()
}
