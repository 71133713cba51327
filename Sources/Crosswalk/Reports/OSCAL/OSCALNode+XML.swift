extension OSCALNode {
    /// The document as OSCAL XML in OSCAL's namespace: the declaration on its own line, then
    /// the root element with no whitespace between elements (no text of the model is
    /// whitespace-only, so none is lost), ending with a newline. With `emit`, handed over
    /// about 1 MiB at a time; only the rest is returned.
    func renderXML(emit: (([UInt8]) -> Void)? = nil) -> [UInt8] {
        var out: [UInt8] = Array("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n".utf8)
        out.reserveCapacity(1 << 20)
        write(into: &out, root: true, emit: emit)
        out.append(0x0A)
        return out
    }

    private func write(into out: inout [UInt8], root: Bool = false, emit: (([UInt8]) -> Void)?) {
        var attrs = root ? " xmlns=\"\(Self.xmlNamespace)\"" : ""
        for (k, v) in flags { attrs += " \(k)=\"\(XMLWriter.escape(v, attribute: true))\"" }
        switch content {
        case let .text(t):
            out += "<\(name)\(attrs)>\(XMLWriter.escape(t))</\(name)>".utf8
        case let .paragraphs(ps):
            out += "<\(name)\(attrs)>".utf8
            for p in ps { out += "<p>\(XMLWriter.escape(p))</p>".utf8 }
            out += "</\(name)>".utf8
        case let .generated(count, make):
            for i in 0..<count {
                make(i).write(into: &out, emit: emit)
                if let emit, out.count >= 1 << 20 { emit(out); out.removeAll(keepingCapacity: true) }
            }
        case let .assembly(children):
            if children.isEmpty { out += "<\(name)\(attrs)/>".utf8; return }
            out += "<\(name)\(attrs)>".utf8
            for c in children { c.write(into: &out, emit: emit) }
            out += "</\(name)>".utf8
        }
    }
}
