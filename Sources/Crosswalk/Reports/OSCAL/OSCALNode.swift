/// One node of an OSCAL document, in the metaschema's terms, so that one tree renders as
/// both OSCAL JSON and OSCAL XML with the same content. Children are kept in the order
/// the metaschema prescribes for XML; in JSON, consecutive children with the same
/// ``group`` become one array under that name.
struct OSCALNode: Sendable {
    enum Content: Sendable {
        /// An assembly: flags, then child nodes.
        case assembly([OSCALNode])
        /// A field of plain text (`markup-line`, token, date-time).
        case text(String)
        /// A `markup-multiline` field: in XML one `<p>` per paragraph, in JSON the paragraphs
        /// as Markdown (separated by blank lines).
        case paragraphs([String])
        /// `count` members of ``group``, each built only when it is written (observations and
        /// findings of a large assessment never sit in memory all at once).
        case generated(count: Int, make: @Sendable (Int) -> OSCALNode)
        /// `count` members of ``group``, each written by `write` straight into the document's
        /// bytes (``OSCALStream``), with no node built: for the members there are one or
        /// more of per assessed cell (observations, findings, evidence resources).
        case streamed(count: Int, write: @Sendable (Int, inout OSCALStream) -> Void)
    }

    /// How many members of its group the node stands for (JSON writes no array for none).
    var memberCount: Int {
        switch content {
        case let .generated(count, _), let .streamed(count, _): count
        default: 1
        }
    }

    /// The XML element name and, when ``group`` is nil, the JSON member name.
    var name: String
    /// The JSON array name when the node may repeat (`observations`, `props`, `methods`).
    var group: String?
    /// Flags: XML attributes, JSON members.
    var flags: [(String, String)]
    var content: Content
    /// For a field with flags, the JSON member that carries its text (`id` for `system-id`).
    var jsonValueKey: String?

    static func assembly(_ name: String, group: String? = nil, _ flags: [(String, String)] = [], _ children: [OSCALNode] = []) -> OSCALNode {
        OSCALNode(name: name, group: group, flags: flags, content: .assembly(children))
    }
    /// An assembly without flags.
    static func assembly(_ name: String, group: String? = nil, _ children: [OSCALNode]) -> OSCALNode {
        OSCALNode(name: name, group: group, flags: [], content: .assembly(children))
    }
    /// `count` members of `group`, built one at a time by `make` as they are written.
    static func generated(_ name: String, group: String, count: Int, _ make: @escaping @Sendable (Int) -> OSCALNode) -> OSCALNode {
        OSCALNode(name: name, group: group, flags: [], content: .generated(count: count, make: make))
    }
    /// `count` members of `group`, each written into the document's bytes by `write`.
    static func streamed(_ name: String, group: String, count: Int, _ write: @escaping @Sendable (Int, inout OSCALStream) -> Void) -> OSCALNode {
        OSCALNode(name: name, group: group, flags: [], content: .streamed(count: count, write: write))
    }
    static func field(_ name: String, group: String? = nil, _ value: String) -> OSCALNode {
        OSCALNode(name: name, group: group, flags: [], content: .text(value))
    }
    static func markup(_ name: String, _ paragraphs: [String]) -> OSCALNode {
        OSCALNode(name: name, group: nil, flags: [], content: .paragraphs(paragraphs.filter { !$0.isEmpty }))
    }
    static func markup(_ name: String, _ paragraph: String) -> OSCALNode { markup(name, [paragraph]) }
    /// `<prop name= value= ns=/>`.
    static func prop(_ name: String, _ value: String, ns: String? = OSCALNode.crosswalkNS) -> OSCALNode {
        var flags = [("name", name)]
        if let ns { flags.append(("ns", ns)) }
        flags.append(("value", value))
        return .assembly("prop", group: "props", flags)
    }
    /// `<link href= rel=/>`.
    static func link(_ href: String, rel: String? = nil) -> OSCALNode {
        var flags = [("href", href)]
        if let rel { flags.append(("rel", rel)) }
        return .assembly("link", group: "links", flags)
    }

    /// The namespace of Crosswalk's props (the same as in its catalogues).
    static let crosswalkNS = "urn:crosswalk"
    /// OSCAL's XML namespace.
    static let xmlNamespace = "http://csrc.nist.gov/ns/oscal/1.0"
    /// The OSCAL version written (that of the metaschema read, and of compliance-trestle 5.x).
    static let oscalVersion = "1.2.1"
}
