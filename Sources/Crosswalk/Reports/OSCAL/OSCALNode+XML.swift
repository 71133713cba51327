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
        // Bytes appended directly (no interpolated strings per element).
        func open(selfClosing: Bool = false) {
            out.append(UInt8(ascii: "<"))
            out.append(contentsOf: name.utf8)
            if root {
                out.append(contentsOf: " xmlns=\"".utf8)
                out.append(contentsOf: Self.xmlNamespace.utf8)
                out.append(UInt8(ascii: "\""))
            }
            for (k, v) in flags {
                out.append(UInt8(ascii: " "))
                out.append(contentsOf: k.utf8)
                out.append(contentsOf: "=\"".utf8)
                XMLWriter.appendEscaped(v, attribute: true, to: &out)
                out.append(UInt8(ascii: "\""))
            }
            if selfClosing { out.append(UInt8(ascii: "/")) }
            out.append(UInt8(ascii: ">"))
        }
        func close() {
            out.append(contentsOf: "</".utf8)
            out.append(contentsOf: name.utf8)
            out.append(UInt8(ascii: ">"))
        }
        switch content {
        case let .text(t):
            open()
            XMLWriter.appendEscaped(t, attribute: false, to: &out)
            close()
        case let .paragraphs(ps):
            open()
            for p in ps {
                out.append(contentsOf: "<p>".utf8)
                XMLWriter.appendEscaped(p, attribute: false, to: &out)
                out.append(contentsOf: "</p>".utf8)
            }
            close()
        case let .generated(count, make):
            for i in 0..<count {
                make(i).write(into: &out, emit: emit)
                if let emit, out.count >= 1 << 20 { emit(out); out.removeAll(keepingCapacity: true) }
            }
        case let .streamed(count, write):
            var s = OSCALStream(xml: [])
            swap(&out, &s.xml)
            for i in 0..<count {
                write(i, &s)
                if let emit, s.xml.count >= 1 << 20 { emit(s.xml); s.xml.removeAll(keepingCapacity: true) }
            }
            swap(&out, &s.xml)
        case let .assembly(children):
            if children.isEmpty { open(selfClosing: true); return }
            open()
            for c in children { c.write(into: &out, emit: emit) }
            close()
        }
    }
}
