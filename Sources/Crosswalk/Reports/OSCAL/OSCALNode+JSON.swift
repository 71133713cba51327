extension OSCALNode {
    /// The document as OSCAL JSON: `{"<root name>": {…}}`, ending with a newline.
    func renderJSON() -> [UInt8] {
        var w = JSONWriter(reservingCapacity: 1 << 20)
        w.beginObject()
        w.key(name)
        writeValue(&w)
        w.endObject()
        return w.finish()
    }

    private func writeValue(_ w: inout JSONWriter) {
        switch content {
        case let .text(t):
            if flags.isEmpty { w.string(t); return }
            w.beginObject()
            for (k, v) in flags { w.field(k, v) }
            w.field(jsonValueKey ?? "value", t)
            w.endObject()
        case let .paragraphs(ps):
            w.string(ps.joined(separator: "\n\n"))
        case let .assembly(children):
            w.beginObject()
            for (k, v) in flags { w.field(k, v) }
            var i = 0
            while i < children.count {
                let c = children[i]
                if let g = c.group {
                    w.key(g)
                    w.beginArray()
                    while i < children.count && children[i].group == g { children[i].writeValue(&w); i += 1 }
                    w.endArray()
                } else {
                    w.key(c.name)
                    c.writeValue(&w)
                    i += 1
                }
            }
            w.endObject()
        }
    }
}
