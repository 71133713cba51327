extension OSCALNode {
    /// The document as OSCAL XML in OSCAL's namespace, two-space indented, ending with a newline.
    func renderXML() -> [UInt8] {
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        write(into: &out, depth: 0, root: true)
        return Array(out.utf8)
    }

    private func write(into out: inout String, depth: Int, root: Bool = false) {
        let pad = String(repeating: "  ", count: depth)
        var attrs = root ? " xmlns=\"\(Self.xmlNamespace)\"" : ""
        for (k, v) in flags { attrs += " \(k)=\"\(XMLWriter.escape(v, attribute: true))\"" }
        switch content {
        case let .text(t):
            out += "\(pad)<\(name)\(attrs)>\(XMLWriter.escape(t))</\(name)>\n"
        case let .paragraphs(ps):
            out += "\(pad)<\(name)\(attrs)>\n"
            for p in ps { out += "\(pad)  <p>\(XMLWriter.escape(p))</p>\n" }
            out += "\(pad)</\(name)>\n"
        case let .assembly(children):
            if children.isEmpty { out += "\(pad)<\(name)\(attrs)/>\n"; return }
            out += "\(pad)<\(name)\(attrs)>\n"
            for c in children { c.write(into: &out, depth: depth + 1) }
            out += "\(pad)</\(name)>\n"
        }
    }
}
