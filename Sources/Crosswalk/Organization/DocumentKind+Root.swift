extension DocumentKind {
    /// The kind told by the root element's local name in the first bytes of a document
    /// (comments, processing instructions and a DOCTYPE skipped), or nil when the root is
    /// none of Crosswalk's documents or is not within the bytes given. A cheap look, not a
    /// check: the loader for the kind checks the document.
    public init?(rootOf bytes: ArraySlice<UInt8>) {
        var i = bytes.startIndex
        let end = bytes.endIndex
        func skip(past terminator: [UInt8]) {
            while i < end {
                if bytes[i...].starts(with: terminator) { i += terminator.count; return }
                i += 1
            }
        }
        while i < end {
            guard bytes[i] == UInt8(ascii: "<"), i + 1 < end else { i += 1; continue }
            let next = bytes[i + 1]
            if next == UInt8(ascii: "?") { skip(past: Array("?>".utf8)); continue }
            if next == UInt8(ascii: "!") {
                if bytes[i...].starts(with: Array("<!--".utf8)) { skip(past: Array("-->".utf8)) } else { skip(past: [UInt8(ascii: ">")]) }
                continue
            }
            var j = i + 1
            while j < end, ![UInt8(ascii: " "), UInt8(ascii: ">"), UInt8(ascii: "/"), 0x09, 0x0A, 0x0D].contains(bytes[j]) { j += 1 }
            var name = String(decoding: bytes[(i + 1)..<j], as: UTF8.self)
            if let colon = name.lastIndex(of: ":") { name = String(name[name.index(after: colon)...]) }
            self.init(rawValue: name)
            return
        }
        return nil
    }
}
