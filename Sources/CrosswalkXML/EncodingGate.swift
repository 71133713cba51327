/// Crosswalk reads UTF-8 only. libxml2 would otherwise let a file choose its decoder: a
/// byte-order mark or the first bytes switch it to UTF-16, UCS-4 or EBCDIC, and an
/// `encoding="…"` declaration to any converter the system's iconv has (UTF-7 among them),
/// which is attack surface an untrusted file should not reach and a way to make the same
/// bytes mean other text. The reader looks at the start of the input before libxml2 does
/// and refuses anything but UTF-8 (a declaration of `UTF-8`, `UTF8`, `US-ASCII` or `ASCII`,
/// in any case, or none; a UTF-8 byte-order mark is allowed). The parser also runs with
/// `XML_PARSE_IGNORE_ENC`, so a declaration this check did not see cannot switch it.
enum EncodingGate {
    /// How many bytes of the start the check needs: room for a byte-order mark and an XML
    /// declaration with generous white space.
    static let headBytes = 512

    /// The error for a start of input that is not UTF-8, or nil.
    static func problem(_ head: UnsafeRawBufferPointer) -> XMLParseError? {
        let b = head.bindMemory(to: UInt8.self)
        func starts(_ prefix: [UInt8]) -> Bool { b.count >= prefix.count && zip(b, prefix).allSatisfy { $0 == $1 } }
        func refuse(_ what: String) -> XMLParseError {
            XMLParseError(.encoding, "the file is \(what), not UTF-8; save it as UTF-8 (without changing the text) and try again", line: 1, column: 1)
        }
        if starts([0xFE, 0xFF]) || starts([0xFF, 0xFE]) { return refuse("UTF-16 or UTF-32 (it starts with a byte-order mark)") }
        if b.prefix(4).contains(0) { return refuse("UTF-16 or UTF-32 (it has zero bytes at its start)") }
        if starts([0x4C, 0x6F, 0xA7, 0x94]) { return refuse("EBCDIC") }
        let bom = starts([0xEF, 0xBB, 0xBF]) ? 3 : 0
        // An XML declaration is `<?xml` then white space, at the very start.
        let decl = Array("<?xml".utf8)
        guard b.count >= bom + 6, Array(b[bom..<bom + 5]) == decl, isSpace(b[bom + 5]) else { return nil }
        var i = bom + 6
        guard let end = (i..<b.count).first(where: { b[$0] == UInt8(ascii: "?") && $0 + 1 < b.count && b[$0 + 1] == UInt8(ascii: ">") }) else {
            return nil  // no end within the head: libxml2 reports the malformed declaration
        }
        // Pseudo-attributes: name, white space, '=', white space, quoted value.
        let encodingName = Array("encoding".utf8)
        while i < end {
            while i < end, isSpace(b[i]) { i += 1 }
            let nameStart = i
            while i < end, !isSpace(b[i]), b[i] != UInt8(ascii: "=") { i += 1 }
            let name = Array(b[nameStart..<i])
            while i < end, isSpace(b[i]) { i += 1 }
            guard i < end, b[i] == UInt8(ascii: "=") else { return nil }
            i += 1
            while i < end, isSpace(b[i]) { i += 1 }
            guard i < end, b[i] == UInt8(ascii: "\"") || b[i] == UInt8(ascii: "'") else { return nil }
            let quote = b[i]
            i += 1
            let valueStart = i
            while i < end, b[i] != quote { i += 1 }
            guard i < end else { return nil }
            let value = Array(b[valueStart..<i])
            i += 1
            if name == encodingName {
                let lower = String(decoding: value.map { $0 >= 65 && $0 <= 90 ? $0 + 32 : $0 }, as: UTF8.self)
                if ["utf-8", "utf8", "us-ascii", "ascii"].contains(lower) { return nil }
                let shown = String(decoding: value.prefix(64), as: UTF8.self)
                return XMLParseError(
                    .encoding,
                    "the file declares encoding=\"\(shown)\"; Crosswalk reads UTF-8 only: convert it (for example `iconv -f \(shown) -t UTF-8`) and declare encoding=\"UTF-8\"",
                    line: 1, column: valueStart - bom + 1)
            }
        }
        return nil
    }

    private static func isSpace(_ c: UInt8) -> Bool { c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0D }
}
