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
        case let .streamed(count, write):
            // Only inside its group's array, like generated members. The stream takes the
            // writer over (swapped, not copied) and gives it back.
            var s = OSCALStream(json: JSONWriter())
            swap(&w, &s.json)
            for i in 0..<count {
                write(i, &s)
                if let emit { s.json.drain(into: emit) }
            }
            swap(&w, &s.json)
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
                        members += children[j].memberCount
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
