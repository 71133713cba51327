extension OSCALNode {
    /// The document as OSCAL JSON: `{"<root name>": {…}}`, compact (no whitespace between
    /// tokens: indentation was some 40% of the bytes), ending with a newline. With `emit`,
    /// handed over about 1 MiB at a time; only the rest is returned.
    func renderJSON(emit: (([UInt8]) -> Void)? = nil) -> [UInt8] {
        var w = JSONWriter(reservingCapacity: 1 << 20, compact: true)
        w.beginObject()
        w.key(name)
        writeValue(&w, emit)
        w.endObject()
        return w.finish()
    }

    private func writeValue(_ w: inout JSONWriter, _ emit: (([UInt8]) -> Void)?) {
        switch content {
        case let .text(t):
            if flags.isEmpty { w.string(t); return }
            w.beginObject()
            for (k, v) in flags { w.field(k, v) }
            w.field(jsonValueKey ?? "value", t)
            w.endObject()
        case let .paragraphs(ps):
            w.string(ps.joined(separator: "\n\n"))
        case let .generated(count, make):
            // Only inside its group's array (see below).
            for i in 0..<count {
                make(i).writeValue(&w, emit)
                if let emit { w.drain(into: emit) }
            }
        case let .assembly(children):
            w.beginObject()
            for (k, v) in flags { w.field(k, v) }
            var i = 0
            while i < children.count {
                let c = children[i]
                if let g = c.group {
                    // Consecutive members of one group form one array; an empty generated run writes none.
                    var j = i
                    var members = 0
                    while j < children.count && children[j].group == g {
                        if case let .generated(count, _) = children[j].content { members += count } else { members += 1 }
                        j += 1
                    }
                    if members > 0 {
                        w.key(g)
                        w.beginArray()
                        for k in i..<j { children[k].writeValue(&w, emit) }
                        w.endArray()
                    }
                    i = j
                } else {
                    w.key(c.name)
                    c.writeValue(&w, emit)
                    i += 1
                }
            }
            w.endObject()
        }
    }
}
