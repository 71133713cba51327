/// One Crosswalk crosswalk as a CISO Assistant requirement-mapping library (the format of
/// its `backend/library/libraries/mapping-*.yaml`, read by `RequirementMappingSetImporter`
/// in `backend/library/utils.py`): source and target URNs of its own framework libraries,
/// relationship, strength, rationale, and our justification as the annotation.
enum CISOMappingLibrary {
    /// CISO Assistant's relationship for ours (it has no `equivalent-to`: `equal`, said so in the annotation).
    static func relationship(_ r: Relationship) -> String {
        switch r {
        case .equalTo, .equivalentTo: "equal"
        case .subsetOf: "subset"
        case .supersetOf: "superset"
        case .intersectsWith: "intersect"
        case .noRelationship: "not_related"
        }
    }

    /// The file name and bytes (nil name when either framework has no CISO Assistant library), and warnings.
    static func render(_ c: MappingCollection, catalogs: CatalogSet, asOf: CalendarDate) -> (String?, [UInt8], [String]) {
        guard let first = c.mappings.first else { return (nil, [], []) }
        let sf = first.source.framework, tf = first.target.framework
        guard let src = CISOAssistantLibrary.library(for: sf), let tgt = CISOAssistantLibrary.library(for: tf) else {
            return (nil, [], ["crosswalk '\(c.title)' links \(sf) and \(tf); CISO Assistant has no library Crosswalk knows for one of them; not exported"])
        }
        var warnings: [String] = []
        let id = "crosswalk-\(src.framework)-to-\(tgt.framework)"
        var y = YAMLWriter()
        y.pair("urn", "urn:crosswalk:risk:library:\(id)")
        y.pair("locale", "en")
        y.pair("ref_id", id)
        y.pair("name", "Crosswalk: \(src.framework) → \(tgt.framework)")
        y.pair("description", "\(c.title). Typed mappings (NIST IR 8477 relationships, 0–10 strength, rationale, justification) from Crosswalk, over CISO Assistant's \(src.libraryURN) and \(tgt.libraryURN) libraries.")
        y.pair("copyright", "Crosswalk mapping data; identifiers only, no standard text.")
        y.pairNumber("version", 1)
        y.pairRaw("publication_date", asOf.description)
        y.pair("provider", "Crosswalk")
        y.pair("packager", "crosswalk")
        y.key("dependencies"); y.item(src.libraryURN); y.item(tgt.libraryURN)
        y.key("objects")
        y.indent()
        y.key("requirement_mapping_sets")
        y.beginListItem()
        y.pair("urn", "urn:crosswalk:risk:req_mapping_set:\(id)")
        y.pair("ref_id", id)
        y.pair("name", "Crosswalk: \(src.framework) → \(tgt.framework)")
        y.pair("description", c.title)
        y.pair("source_framework_urn", src.frameworkURN)
        y.pair("target_framework_urn", tgt.frameworkURN)
        y.key("requirement_mappings")
        var seen = Set<String>()
        for m in c.mappings {
            guard m.source.framework == sf, m.target.framework == tf else {
                warnings.append("crosswalk '\(c.title)': \(m.source) → \(m.target) is not \(sf) → \(tf); left out of \(id).yaml"); continue
            }
            guard let s = src.resolve(m.source.label), let t = tgt.resolve(m.target.label) else {
                warnings.append("\(m.source) → \(m.target): \(src.resolve(m.source.label) == nil ? m.source : m.target) has no counterpart in CISO Assistant's library; left out of \(id).yaml")
                continue
            }
            var notes = [s.note, t.note].compactMap { $0 }
            warnings += notes
            if m.relationship == .equivalentTo { notes.append("Crosswalk relationship: equivalent-to (same effect, different words); CISO Assistant has only equal") }
            let key = "\(s.node.urn)\u{1}\(t.node.urn)\u{1}\(relationship(m.relationship))\u{1}\(m.rationale.rawValue)"
            guard seen.insert(key).inserted else {
                warnings.append("\(m.source) → \(m.target) duplicates another mapping once written to CISO Assistant's nodes; kept once in \(id).yaml")
                continue
            }
            y.beginListItem()
            y.pair("source_requirement_urn", s.node.urn)
            y.pair("target_requirement_urn", t.node.urn)
            y.pairRaw("relationship", relationship(m.relationship))
            y.pairRaw("rationale", m.rationale.rawValue)
            y.pairNumber("strength_of_relationship", m.strength)
            y.pair("annotation", ([m.justification] + notes).filter { !$0.isEmpty }.joined(separator: " "))
            y.endListItem()
        }
        y.endListItem()
        y.dedent()
        return ("\(id).yaml", y.bytes, warnings)
    }
}

/// Block-style YAML with every string double-quoted (escaped as YAML 1.1 and 1.2 both
/// read it), so no value can turn into another type or break the structure.
struct YAMLWriter {
    private(set) var text = ""
    private var level = 0
    private var pendingDash = false

    private var pad: String {
        if pendingDash { return String(repeating: "  ", count: max(0, level - 1)) + "- " }
        return String(repeating: "  ", count: level)
    }
    private mutating func line(_ s: String) { text += pad + s + "\n"; pendingDash = false }

    static func quote(_ s: String) -> String {
        var out = "\""
        for u in s.unicodeScalars {
            switch u {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            default:
                if u.value < 0x20 || u.value == 0x7F || (0x80...0x9F).contains(u.value) || u.value == 0xFEFF || u.value == 0x2028 || u.value == 0x2029 {
                    let h = String(u.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: max(0, 4 - h.count)) + h
                } else {
                    out.unicodeScalars.append(u)
                }
            }
        }
        return out + "\""
    }

    mutating func pair(_ k: String, _ v: String) { line("\(k): \(Self.quote(v))") }
    /// A value known to be a plain token or date (never user text).
    mutating func pairRaw(_ k: String, _ v: String) { line("\(k): \(v)") }
    mutating func pairNumber(_ k: String, _ v: Int) { line("\(k): \(v)") }
    mutating func key(_ k: String) { line("\(k):") }
    mutating func item(_ v: String) { text += String(repeating: "  ", count: level) + "- " + Self.quote(v) + "\n" }
    mutating func indent() { level += 1 }
    mutating func dedent() { level -= 1 }
    mutating func beginListItem() { level += 1; pendingDash = true }
    mutating func endListItem() { level -= 1; pendingDash = false }
    var bytes: [UInt8] { Array(text.utf8) }
}
