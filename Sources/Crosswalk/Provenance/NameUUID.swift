/// Name-based UUIDs (version 5, RFC 9562 §5.5): the same name in the same namespace always
/// gives the same UUID, so the OSCAL documents Crosswalk writes are byte-for-byte
/// reproducible and an observation keeps its UUID from one run to the next.
package enum NameUUID {
    /// Crosswalk's namespace: the version-5 UUID of `https://github.com/crosswalk/crosswalk`
    /// in the URL namespace (`6ba7b811-9dad-11d1-80b4-00c04fd430c8`).
    public static let crosswalkNamespace = v5(namespace: urlNamespace, name: "https://github.com/crosswalk/crosswalk")
    /// RFC 9562's URL namespace.
    public static let urlNamespace = "6ba7b811-9dad-11d1-80b4-00c04fd430c8"

    /// The version-5 UUID of `name` in `namespace` (a UUID in its 36-character form), lowercase.
    public static func v5(namespace: String, name: String) -> String {
        var bytes = parse(namespace)
        bytes += Array(name.utf8)
        var d = Array(SHA1.hash(bytes).prefix(16))
        d[6] = (d[6] & 0x0F) | 0x50
        d[8] = (d[8] & 0x3F) | 0x80
        let hex = hexString(d)
        let c = Array(hex)
        return String(c[0..<8]) + "-" + String(c[8..<12]) + "-" + String(c[12..<16]) + "-" + String(c[16..<20]) + "-" + String(c[20..<32])
    }

    /// The UUID of the parts of a name, joined with a separator that cannot occur in them
    /// (U+001F), in Crosswalk's namespace.
    public static func make(_ parts: String...) -> String {
        v5(namespace: crosswalkNamespace, name: parts.joined(separator: "\u{1F}"))
    }

    private static func parse(_ uuid: String) -> [UInt8] {
        let hex = Array(uuid.utf8.filter { $0 != UInt8(ascii: "-") })
        precondition(hex.count == 32, "not a UUID: \(uuid)")
        func nibble(_ c: UInt8) -> UInt8 {
            switch c {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): c - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): c - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): c - UInt8(ascii: "A") + 10
            default: preconditionFailure("not a UUID: \(uuid)")
            }
        }
        return stride(from: 0, to: 32, by: 2).map { nibble(hex[$0]) << 4 | nibble(hex[$0 + 1]) }
    }
}
