/// The organisation's evidence register, stored column by column.
///
/// A register of a million items held as a million ``Evidence`` values costs about 780 bytes
/// an item (each item's claims, systems and strings are heap objects of their own). The
/// register keeps the same facts in a few contiguous arrays instead: the item's texts (id,
/// title, location, digest) in one byte arena, its kind, status and source as one byte each,
/// its dates as packed 32-bit integers, its claims and systems in two flat arrays with a
/// per-item end offset, and the values many items repeat (requirement references, owners,
/// system ids, file names) once each in a table, referred to by index. The rare certificate
/// sits in a sparse side table.
///
/// For embedders it is a collection of ``Evidence`` values: reading an element makes the
/// item's ``Evidence`` value, and the collection can be built from an array literal or any
/// sequence, appended to and mutated element by element, so code written for `[Evidence]`
/// keeps working:
///
/// ```swift
/// var org = Organization(name: "Example")
/// org.evidence = [Evidence(id: "EV-1", status: .draft, claims: [])]
/// org.evidence.append(Evidence(id: "EV-2", status: .approved, claims: []))
/// org.evidence[0].status = .approved
/// let ids = org.evidence.map(\.id)
/// ```
///
/// - Complexity: Reading an element is O(claims + systems of the item). Appending is
///   amortised O(size of the item). Replacing an element is O(size of the item) when its
///   texts, claims and systems keep their sizes, else O(n) (the columns after it move).
///   Inserting or removing elements other than at the end rebuilds the register: O(n).
public struct EvidenceRegister: Sendable {
    /// A place in an input file, with the file name interned in ``names``.
    struct Place: Sendable, Hashable {
        var file: UInt32
        var line: Int32
        var column: Int32

        /// No place (a system named without a location).
        static let none = Place(file: .max, line: 0, column: 0)
    }

    /// A claim as stored: the requirement (an index into ``requirements``), its coverage and
    /// where it is made.
    struct StoredClaim: Sendable {
        var requirement: UInt32
        var full: Bool
        var place: Place
    }

    /// A system an item names, as stored: its id (an index into ``names``) and where it is
    /// named (``Place/none`` when not read from a file).
    struct StoredSystem: Sendable {
        var id: UInt32
        var place: Place
    }

    /// What an item holds that the columns do not: its certificate, and a date or review
    /// period outside the packed range (never in a file the reader accepts).
    struct Rare: Sendable {
        var certificate: EvidenceCertificate?
        var collected: CalendarDate?
        var validUntil: CalendarDate?
        var reviewDays: Int?
    }

    // MARK: Tables of distinct values

    /// The distinct requirement references the items claim, in the order first claimed.
    private(set) var requirements: [RequirementRef] = []
    private var requirementSlots: [RequirementRef: UInt32] = [:]
    /// The distinct strings the items repeat: owners, system ids, file names.
    private(set) var names: [String] = []
    private var nameSlots: [String: UInt32] = [:]

    // MARK: Columns, one entry per item

    /// Id, title, location and digest of every item, one after another.
    private var text: [UInt8] = []
    /// Four per item: where its id, title, location and digest end in ``text``.
    private var textEnds: [Int] = []
    private var kinds: [UInt8] = []
    private var statuses: [UInt8] = []
    private var sources: [UInt8] = []
    private var owners: [UInt32] = []
    /// Packed dates (``pack(_:)``): 0 for nil, -1 for a date in ``rare``.
    private var collectedDates: [Int32] = []
    private var validUntilDates: [Int32] = []
    /// `Int32.min` for nil, `Int32.min + 1` for a number in ``rare``.
    private var reviewPeriods: [Int32] = []
    private var places: [Place] = []
    /// Per item: where its claims end in ``claims``.
    private var claimEnds: [UInt32] = []
    private(set) var claims: [StoredClaim] = []
    /// Per item: where its systems end in ``systems``.
    private var systemEnds: [UInt32] = []
    private(set) var systems: [StoredSystem] = []
    /// The items with something in ``rare``, increasing, and what they hold.
    private var rareItems: [Int] = []
    private var rare: [Rare] = []

    /// An empty register.
    public init() {}

    /// The register of `items`, in their order.
    public init<S: Sequence>(_ items: S) where S.Element == Evidence {
        self.init()
        reserveCapacity(items.underestimatedCount)
        for e in items { append(e) }
    }

    /// The number of items.
    public var count: Int { kinds.count }

    // MARK: Interning

    /// The index of `name` in ``names``, added if new.
    mutating func intern(name: String) -> UInt32 {
        if let s = nameSlots[name] { return s }
        let s = UInt32(names.count)
        names.append(name)
        nameSlots[name] = s
        return s
    }

    /// The index of `r` in ``requirements``, added if new.
    mutating func intern(requirement r: RequirementRef) -> UInt32 {
        if let s = requirementSlots[r] { return s }
        let s = UInt32(requirements.count)
        requirements.append(r)
        requirementSlots[r] = s
        return s
    }

    mutating func place(_ l: SourceLocation) -> Place {
        Place(file: intern(name: l.file), line: Int32(clamping: l.line), column: Int32(clamping: l.column))
    }

    func location(_ p: Place) -> SourceLocation { SourceLocation(file: names[Int(p.file)], line: Int(p.line), column: Int(p.column)) }

    // MARK: Packing

    /// `year << 9 | month << 5 | day`: the order of dates is the order of the integers; 0 is nil.
    static func pack(_ d: CalendarDate?) -> Int32? {
        guard let d else { return 0 }
        guard (1...9999).contains(d.year), (1...12).contains(d.month), (1...31).contains(d.day) else { return nil }
        return Int32(d.year << 9 | d.month << 5 | d.day)
    }

    static func unpack(_ v: Int32) -> CalendarDate? {
        guard v > 0 else { return nil }
        var d = CalendarDate.earliest
        d.year = Int(v >> 9); d.month = Int(v >> 5 & 15); d.day = Int(v & 31)
        return d
    }

    private static let kindCases = Array(EvidenceKind.allCases)
    private static let statusCases = Array(EvidenceStatus.allCases)
    private static let sourceCases = Array(EvidenceSource.allCases)

    private static func code<V: Equatable>(_ v: V, in cases: [V]) -> UInt8 { UInt8(cases.firstIndex(of: v)!) }

    // MARK: Appending

    /// One item as the organisation reader builds it, in interned form: its arrays are kept
    /// from item to item (``reset()``), so reading a million items allocates nothing per item.
    struct Pending: Sendable {
        var id: [UInt8] = []
        var title: [UInt8] = []
        var locationURI: [UInt8] = []
        var sha256: [UInt8] = []
        var kind: EvidenceKind = .other
        var status: EvidenceStatus = .draft
        var providedBy: EvidenceSource = .organization
        /// An index into ``EvidenceRegister/names``.
        var owner: UInt32 = 0
        var collected: CalendarDate?
        var validUntil: CalendarDate?
        var reviewDays: Int?
        var place = Place.none
        var claims: [StoredClaim] = []
        var systems: [StoredSystem] = []
        var certificate: EvidenceCertificate?

        mutating func reset() {
            Self.empty(&id); Self.empty(&title); Self.empty(&locationURI); Self.empty(&sha256)
            kind = .other; status = .draft; providedBy = .organization; owner = 0
            collected = nil; validUntil = nil; reviewDays = nil; place = .none
            Self.empty(&claims); Self.empty(&systems)
            certificate = nil
        }

        /// Empties `a`, keeping its capacity (nothing done when it is empty already).
        @inline(__always)
        private static func empty<T>(_ a: inout [T]) { if !a.isEmpty { a.removeAll(keepingCapacity: true) } }
    }

    /// Appends the scalar columns of one item; the texts, claims and systems are the caller's.
    private mutating func appendColumns(kind: EvidenceKind, status: EvidenceStatus, providedBy: EvidenceSource, owner: UInt32,
                                        collected: CalendarDate?, validUntil: CalendarDate?, reviewDays: Int?, place: Place,
                                        certificate: EvidenceCertificate?) {
        var extra = Rare(certificate: certificate)
        var isRare = certificate != nil
        kinds.append(Self.code(kind, in: Self.kindCases))
        statuses.append(Self.code(status, in: Self.statusCases))
        sources.append(Self.code(providedBy, in: Self.sourceCases))
        owners.append(owner)
        if let c = Self.pack(collected) { collectedDates.append(c) } else { collectedDates.append(-1); extra.collected = collected; isRare = true }
        if let v = Self.pack(validUntil) { validUntilDates.append(v) } else { validUntilDates.append(-1); extra.validUntil = validUntil; isRare = true }
        if let r = reviewDays {
            if r > Int(Int32.min) + 1, r <= Int(Int32.max) { reviewPeriods.append(Int32(r)) } else {
                reviewPeriods.append(Int32.min + 1); extra.reviewDays = r; isRare = true
            }
        } else {
            reviewPeriods.append(Int32.min)
        }
        places.append(place)
        if isRare { rareItems.append(count - 1); rare.append(extra) }
    }

    private mutating func endText() { textEnds.append(text.count) }

    /// Appends the item the reader built.
    mutating func append(_ p: Pending) {
        text.append(contentsOf: p.id); endText()
        text.append(contentsOf: p.title); endText()
        text.append(contentsOf: p.locationURI); endText()
        text.append(contentsOf: p.sha256); endText()
        claims.append(contentsOf: p.claims); claimEnds.append(UInt32(claims.count))
        systems.append(contentsOf: p.systems); systemEnds.append(UInt32(systems.count))
        appendColumns(kind: p.kind, status: p.status, providedBy: p.providedBy, owner: p.owner, collected: p.collected, validUntil: p.validUntil,
                      reviewDays: p.reviewDays, place: p.place, certificate: p.certificate)
    }

    /// Appends `e` at the end.
    ///
    /// - Complexity: Amortised O(size of `e`).
    public mutating func append(_ e: Evidence) {
        text.append(contentsOf: e.id.utf8); endText()
        text.append(contentsOf: e.title.utf8); endText()
        text.append(contentsOf: e.locationURI.utf8); endText()
        text.append(contentsOf: e.sha256.utf8); endText()
        for c in e.claims { claims.append(StoredClaim(requirement: intern(requirement: c.requirement), full: c.coverage == .full, place: place(c.location))) }
        claimEnds.append(UInt32(claims.count))
        for (i, s) in e.systems.enumerated() {
            systems.append(StoredSystem(id: intern(name: s), place: i < e.systemLocations.count ? place(e.systemLocations[i]) : .none))
        }
        systemEnds.append(UInt32(systems.count))
        appendColumns(kind: e.kind, status: e.status, providedBy: e.providedBy, owner: intern(name: e.owner), collected: e.collected,
                      validUntil: e.validUntil, reviewDays: e.reviewDays, place: place(e.location), certificate: e.certificate)
    }

    /// Room for `n` items in all (their texts, claims and systems grow as needed).
    public mutating func reserveCapacity(_ n: Int) {
        guard n > count else { return }
        kinds.reserveCapacity(n); statuses.reserveCapacity(n); sources.reserveCapacity(n); owners.reserveCapacity(n)
        collectedDates.reserveCapacity(n); validUntilDates.reserveCapacity(n); reviewPeriods.reserveCapacity(n)
        places.reserveCapacity(n); claimEnds.reserveCapacity(n); systemEnds.reserveCapacity(n); textEnds.reserveCapacity(4 * n)
    }

    /// Room for `items` items, `claims` claims, `systems` named systems and `textBytes` bytes
    /// of ids, titles, locations and digests (memory reserved and never written is never touched).
    mutating func reserve(items: Int, claims c: Int, systems s: Int, textBytes: Int) {
        reserveCapacity(items)
        claims.reserveCapacity(c); systems.reserveCapacity(s); text.reserveCapacity(textBytes)
    }

    /// Puts `e` in place of item `i`, in the columns: the texts, claims and systems after it
    /// move only when `e` has more or fewer of them than the item it replaces.
    ///
    /// - Complexity: O(size of `e`) when it has as many text bytes, claims and systems as
    ///   the item it replaces; else O(n) (a move of the columns after it, no item made).
    mutating func replace(at i: Int, with e: Evidence) {
        let fields = [e.id, e.title, e.locationURI, e.sha256]
        let old = textRange(i, 0).lowerBound..<textRange(i, 3).upperBound
        var bytes: [UInt8] = []
        var ends: [Int] = []
        for f in fields { bytes.append(contentsOf: f.utf8); ends.append(old.lowerBound + bytes.count) }
        let delta = bytes.count - old.count
        text.replaceSubrange(old, with: bytes)
        for f in 0..<4 { textEnds[4 * i + f] = ends[f] }
        if delta != 0 { for k in (4 * i + 4)..<textEnds.count { textEnds[k] += delta } }

        let newClaims = e.claims.map { StoredClaim(requirement: intern(requirement: $0.requirement), full: $0.coverage == .full, place: place($0.location)) }
        let claimsHere = claimRange(i)
        claims.replaceSubrange(claimsHere, with: newClaims)
        if newClaims.count != claimsHere.count {
            let d = newClaims.count - claimsHere.count
            for k in i..<claimEnds.count { claimEnds[k] = UInt32(Int(claimEnds[k]) + d) }
        }
        var newSystems: [StoredSystem] = []
        for (j, id) in e.systems.enumerated() {
            newSystems.append(StoredSystem(id: intern(name: id), place: j < e.systemLocations.count ? place(e.systemLocations[j]) : .none))
        }
        let systemsHere = systemRange(i)
        systems.replaceSubrange(systemsHere, with: newSystems)
        if newSystems.count != systemsHere.count {
            let d = newSystems.count - systemsHere.count
            for k in i..<systemEnds.count { systemEnds[k] = UInt32(Int(systemEnds[k]) + d) }
        }

        // The scalar columns: appended at the end, then moved to `i`.
        appendColumns(kind: e.kind, status: e.status, providedBy: e.providedBy, owner: intern(name: e.owner), collected: e.collected,
                      validUntil: e.validUntil, reviewDays: e.reviewDays, place: place(e.location), certificate: e.certificate)
        let last = kinds.count - 1
        kinds[i] = kinds.removeLast(); statuses[i] = statuses.removeLast(); sources[i] = sources.removeLast(); owners[i] = owners.removeLast()
        collectedDates[i] = collectedDates.removeLast(); validUntilDates[i] = validUntilDates.removeLast()
        reviewPeriods[i] = reviewPeriods.removeLast(); places[i] = places.removeLast()
        var extra: Rare?
        if rareItems.last == last { rareItems.removeLast(); extra = rare.removeLast() }
        var lo = 0
        while lo < rareItems.count && rareItems[lo] < i { lo += 1 }
        if lo < rareItems.count && rareItems[lo] == i { rareItems.remove(at: lo); rare.remove(at: lo) }
        if let extra { rareItems.insert(i, at: lo); rare.insert(extra, at: lo) }
    }

    /// Keeps the first `n` items.
    mutating func truncate(to n: Int) {
        guard n < count else { return }
        if n == 0 { self = EvidenceRegister(); return }
        text.removeSubrange(textEnds[4 * n - 1]...)
        textEnds.removeSubrange((4 * n)...)
        claims.removeSubrange(Int(claimEnds[n - 1])...)
        systems.removeSubrange(Int(systemEnds[n - 1])...)
        for k in [\EvidenceRegister.kinds, \.statuses, \.sources] as [WritableKeyPath<EvidenceRegister, [UInt8]>] { self[keyPath: k].removeSubrange(n...) }
        for k in [\EvidenceRegister.collectedDates, \.validUntilDates, \.reviewPeriods] as [WritableKeyPath<EvidenceRegister, [Int32]>] { self[keyPath: k].removeSubrange(n...) }
        for k in [\EvidenceRegister.claimEnds, \.systemEnds, \.owners] as [WritableKeyPath<EvidenceRegister, [UInt32]>] { self[keyPath: k].removeSubrange(n...) }
        places.removeSubrange(n...)
        while let last = rareItems.last, last >= n { rareItems.removeLast(); rare.removeLast() }
    }

    // MARK: Columns (no `Evidence` made)

    private func textRange(_ i: Int, _ field: Int) -> Range<Int> {
        let k = 4 * i + field
        return (k == 0 ? 0 : textEnds[k - 1])..<textEnds[k]
    }

    private func string(_ i: Int, _ field: Int) -> String {
        let r = textRange(i, field)
        return text.withUnsafeBufferPointer { String(decoding: UnsafeBufferPointer(rebasing: $0[r]), as: UTF8.self) }
    }

    /// Calls `body` with the UTF-8 bytes of item `i`'s id.
    func withIDBytes<R>(_ i: Int, _ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        let r = textRange(i, 0)
        return try text.withUnsafeBufferPointer { try body(UnsafeBufferPointer(rebasing: $0[r])) }
    }

    func id(_ i: Int) -> String { string(i, 0) }
    func title(_ i: Int) -> String { string(i, 1) }
    func locationURI(_ i: Int) -> String { string(i, 2) }
    func sha256(_ i: Int) -> String { string(i, 3) }
    func hasSHA256(_ i: Int) -> Bool { !textRange(i, 3).isEmpty }
    func owner(_ i: Int) -> String { names[Int(owners[i])] }
    /// Item `i`'s owner: an index into ``names``.
    func ownerName(_ i: Int) -> Int { Int(owners[i]) }
    func kind(_ i: Int) -> EvidenceKind { Self.kindCases[Int(kinds[i])] }
    func status(_ i: Int) -> EvidenceStatus { Self.statusCases[Int(statuses[i])] }
    func providedBy(_ i: Int) -> EvidenceSource { Self.sourceCases[Int(sources[i])] }
    func location(_ i: Int) -> SourceLocation { location(places[i]) }

    /// The item's entry in ``rare``.
    private func rare(_ i: Int) -> Rare? {
        var lo = 0, hi = rareItems.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if rareItems[mid] < i { lo = mid + 1 } else { hi = mid }
        }
        return lo < rareItems.count && rareItems[lo] == i ? rare[lo] : nil
    }

    func collected(_ i: Int) -> CalendarDate? { let v = collectedDates[i]; return v == -1 ? rare(i)?.collected : Self.unpack(v) }
    func validUntil(_ i: Int) -> CalendarDate? { let v = validUntilDates[i]; return v == -1 ? rare(i)?.validUntil : Self.unpack(v) }
    func reviewDays(_ i: Int) -> Int? {
        let v = reviewPeriods[i]
        return v == Int32.min ? nil : v == Int32.min + 1 ? rare(i)?.reviewDays : Int(v)
    }

    /// ``Evidence/expires`` of item `i`.
    func expires(_ i: Int) -> CalendarDate? {
        if let v = validUntil(i) { return v }
        if let r = reviewDays(i), let c = collected(i) { return c.adding(days: r) }
        return nil
    }

    func certificate(_ i: Int) -> EvidenceCertificate? { rareItems.isEmpty ? nil : rare(i)?.certificate }

    /// The items with a certificate, in register order, and their certificates.
    var certificates: [(item: Int, certificate: EvidenceCertificate)] {
        zip(rareItems, rare).compactMap { i, r in r.certificate.map { (i, $0) } }
    }

    /// True when item `i` names no system (it covers the whole organisation).
    func isOrganizationWide(_ i: Int) -> Bool { systemRange(i).isEmpty }

    /// The positions of item `i`'s claims (for ``claimRequirement(_:)`` and ``claimIsFull(_:)``).
    func claimRange(_ i: Int) -> Range<Int> { (i == 0 ? 0 : Int(claimEnds[i - 1]))..<Int(claimEnds[i]) }
    /// The requirement of the claim at `k`: an index into ``requirements``.
    func claimRequirement(_ k: Int) -> Int { Int(claims[k].requirement) }
    func claimIsFull(_ k: Int) -> Bool { claims[k].full }
    func claimLocation(_ k: Int) -> SourceLocation { location(claims[k].place) }

    /// The positions of item `i`'s systems (for ``systemID(_:)``).
    func systemRange(_ i: Int) -> Range<Int> { (i == 0 ? 0 : Int(systemEnds[i - 1]))..<Int(systemEnds[i]) }
    /// The system named at `k`: an index into ``names``.
    func systemName(_ k: Int) -> Int { Int(systems[k].id) }
    func systemID(_ k: Int) -> String { names[Int(systems[k].id)] }
    /// Where the system at `k` is named, if that is known (else the item's location stands).
    func systemLocation(_ k: Int) -> SourceLocation? {
        // As ``Evidence/location(ofSystem:)``: the locations are the first of the item's systems.
        systems[k].place == .none ? nil : location(systems[k].place)
    }

    /// The ids of every item, in order.
    var ids: [String] { (0..<count).map(id) }
}
