extension OSCALNode {
    /// The document as OSCAL XML in OSCAL's namespace, two-space indented, ending with a
    /// newline. With `emit`, handed over about 1 MiB at a time; only the rest is returned.
    func renderXML(emit: (([UInt8]) -> Void)? = nil) -> [UInt8] {
        var out: [UInt8] = Array("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n".utf8)
        out.reserveCapacity(1 << 20)
        write(into: &out, depth: 0, root: true, emit: emit)
        return out
    }

    private func write(into out: inout [UInt8], depth: Int, root: Bool = false, emit: (([UInt8]) -> Void)?) {
        let pad = String(repeating: "  ", count: depth)
        var attrs = root ? " xmlns=\"\(Self.xmlNamespace)\"" : ""
        for (k, v) in flags { attrs += " \(k)=\"\(XMLWriter.escape(v, attribute: true))\"" }
        switch content {
        case let .text(t):
            out += "\(pad)<\(name)\(attrs)>\(XMLWriter.escape(t))</\(name)>\n".utf8
        case let .paragraphs(ps):
            out += "\(pad)<\(name)\(attrs)>\n".utf8
            for p in ps { out += "\(pad)  <p>\(XMLWriter.escape(p))</p>\n".utf8 }
            out += "\(pad)</\(name)>\n".utf8
        case let .generated(count, make):
            for i in 0..<count {
                make(i).write(into: &out, depth: depth, emit: emit)
                if let emit, out.count >= 1 << 20 { emit(out); out.removeAll(keepingCapacity: true) }
            }
        case let .assembly(children):
            if children.isEmpty { out += "\(pad)<\(name)\(attrs)/>\n".utf8; return }
            out += "\(pad)<\(name)\(attrs)>\n".utf8
            for c in children { c.write(into: &out, depth: depth + 1, emit: emit) }
            out += "\(pad)</\(name)>\n".utf8
        }
    }
}
