/// A framework's catalogue: metadata and every entry in document order.
///
/// Loaded from OSCAL 1.2 catalog XML by `CatalogLoader`. Entries are kept in the
/// order the catalogue lists them, which is the order every report uses.
public struct Catalog: Sendable {
    /// The namespace of Crosswalk's own props.
    public static let crosswalkNamespace = "urn:crosswalk"
    /// The OSCAL namespace.
    public static let oscalNamespace = "http://csrc.nist.gov/ns/oscal/1.0"

    public var framework: FrameworkID
    public var uuid: String
    public var title: String
    /// OSCAL `metadata/version`.
    public var version: String
    public var oscalVersion: String
    /// Crosswalk `edition` prop, or the version.
    public var edition: String
    /// Crosswalk `licence` prop, if any.
    public var licence: String?
    /// The metadata remarks (source, licence note).
    public var remarks: String
    /// Where it was loaded from.
    public var source: String
    public internal(set) var entries: [CatalogEntry]
    /// The legal acts the entries' ``CatalogEntry/dates`` refer to (EU AI Act: the Regulation
    /// as adopted and the acts amending its dates), in document order.
    public var acts: [LegalAct]
    private var byLabel: [String: Int]
    private var byID: [String: Int]

    public init(framework: FrameworkID, uuid: String, title: String, version: String, oscalVersion: String, edition: String,
                licence: String?, remarks: String, source: String, entries: [CatalogEntry], acts: [LegalAct] = []) {
        self.framework = framework
        self.uuid = uuid
        self.title = title
        self.version = version
        self.oscalVersion = oscalVersion
        self.edition = edition
        self.licence = licence
        self.remarks = remarks
        self.source = source
        self.entries = entries
        self.acts = acts
        var byLabel: [String: Int] = [:], byID: [String: Int] = [:]
        for (i, e) in entries.enumerated() {
            if byLabel[e.label] == nil { byLabel[e.label] = i }
            if byID[e.id] == nil { byID[e.id] = i }
        }
        self.byLabel = byLabel
        self.byID = byID
    }

    /// The entry labelled `label` (as printed: `A.6.2.4`, `GOVERN 1.1`).
    /// - Complexity: O(1) on average.
    public func entry(label: String) -> CatalogEntry? { byLabel[label].map { entries[$0] } }

    /// The entry with OSCAL id `id`.
    /// - Complexity: O(1) on average.
    public func entry(id: String) -> CatalogEntry? { byID[id].map { entries[$0] } }

    /// The position of `label` in ``entries``.
    public func index(ofLabel label: String) -> Int? { byLabel[label] }

    /// The position of OSCAL id `id` in ``entries``.
    public func index(ofID id: String) -> Int? { byID[id] }

    /// The entry for a label or, failing that, an OSCAL id.
    public func entry(labelOrID key: String) -> CatalogEntry? { entry(label: key) ?? entry(id: key) }

    /// The requirements (OSCAL controls), in catalogue order.
    public var requirements: [CatalogEntry] { entries.filter(\.isRequirement) }

    /// The direct children of the entry labelled `label` (nil: the top-level entries).
    /// - Complexity: O(n).
    public func children(of label: String?) -> [CatalogEntry] { entries.filter { $0.parent == label } }

    /// The number of entries of each kind, in the order kinds first appear.
    package var countsByKind: [(kind: EntryKind, count: Int)] {
        var order: [EntryKind] = [], counts: [EntryKind: Int] = [:]
        for e in entries {
            if counts[e.kind] == nil { order.append(e.kind) }
            counts[e.kind, default: 0] += 1
        }
        return order.map { ($0, counts[$0]!) }
    }
}
