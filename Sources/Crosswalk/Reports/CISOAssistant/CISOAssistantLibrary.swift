/// One of CISO Assistant's framework libraries, reduced to what Crosswalk needs to name its
/// requirements: URNs, ref_ids, which nodes are assessable, and the tree (data:
/// `CISOAssistantLibraries+Data.swift`, generated from the library files; see
/// `Docs/Interchange.md`).
struct CISOAssistantLibrary: Sendable {
    struct Node: Sendable, Hashable {
        var urn: String
        var refID: String
        var assessable: Bool
        var parentURN: String
        /// `Article N` for the EU AI Act's article headings, else empty.
        var article: String
        init(_ urn: String, _ refID: String, _ assessable: Bool, _ parentURN: String, _ article: String) {
            self.urn = urn; self.refID = refID; self.assessable = assessable; self.parentURN = parentURN; self.article = article
        }
    }

    /// Where a Crosswalk requirement lands in the library.
    struct Resolution: Sendable {
        /// The node that stands for the requirement (for mappings).
        var node: Node
        /// The assessable nodes that carry its result in an audit (the node itself, or the
        /// paragraphs of an article).
        var assessable: [Node]
        /// Set when the library lacks the identifier and a parent stands in for it.
        var note: String?
    }

    var framework: String
    var libraryURN: String
    var libraryVersion: Int
    var frameworkURN: String
    var maxScore: Int
    var file: String
    var nodes: [Node]

    static func library(for framework: FrameworkID) -> CISOAssistantLibrary? { bundled.first { $0.framework == framework.rawValue } }

    func node(refID: String) -> Node? { nodes.first { $0.refID == refID } }
    func node(urn: String) -> Node? { nodes.first { $0.urn == urn } }
    func children(of urn: String) -> [Node] { nodes.filter { $0.parentURN == urn } }

    /// The assessable nodes under `urn`: on each branch, the first assessable one (an
    /// article's paragraphs, or the points of a paragraph that is itself only a heading).
    func assessableDescendants(of urn: String) -> [Node] {
        children(of: urn).flatMap { $0.assessable ? [$0] : assessableDescendants(of: $0.urn) }
    }

    /// The node(s) for Crosswalk's label, or nil when the library has neither it nor a parent.
    func resolve(_ label: String) -> Resolution? {
        if framework == "eu-ai-act" { return resolveArticle(label) }
        var key = label
        var note: String?
        while true {
            if let n = node(refID: key) {
                return Resolution(node: n, assessable: n.assessable ? [n] : assessableDescendants(of: n.urn), note: note)
            }
            // The nearest parent: 6.1.1 → 6.1 (CISO Assistant's ISO 42001 library has no 6.1.1–6.1.4).
            guard let dot = key.lastIndex(of: "."), key[..<dot].contains(where: \.isNumber) else { return nil }
            key = String(key[..<dot])
            note = "\(framework) \(label) is not in CISO Assistant's \(libraryURN) (version \(libraryVersion)); written to its nearest parent \(key)"
        }
    }

    /// `Art. 26(1)` → ref_id `26.1`; `Art. 9` → the heading `Article 9` and its assessable paragraphs.
    private func resolveArticle(_ label: String) -> Resolution? {
        guard label.hasPrefix("Art. ") else { return nil }
        let rest = label.dropFirst(5)
        let number = String(rest.prefix { $0.isNumber })
        guard !number.isEmpty else { return nil }
        let tail = rest.dropFirst(number.count)
        if tail.hasPrefix("("), tail.hasSuffix(")") {
            let paragraph = tail.dropFirst().dropLast()
            if let n = node(refID: "\(number).\(paragraph)") {
                return Resolution(node: n, assessable: n.assessable ? [n] : assessableDescendants(of: n.urn), note: nil)
            }
            guard let article = nodes.first(where: { $0.article == "Article \(number)" }) else { return nil }
            return Resolution(node: article, assessable: assessableDescendants(of: article.urn),
                              note: "eu-ai-act \(label) is not in CISO Assistant's \(libraryURN) (version \(libraryVersion)); written to Article \(number)")
        }
        guard tail.isEmpty, let article = nodes.first(where: { $0.article == "Article \(number)" }) else { return nil }
        // An article of one paragraph (Art. 4) is that paragraph; otherwise the heading stands for it.
        let parts = assessableDescendants(of: article.urn)
        return Resolution(node: parts.count == 1 ? parts[0] : article, assessable: parts, note: nil)
    }
}
