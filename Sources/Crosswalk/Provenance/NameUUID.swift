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
        v5(namespaceBytes: parse(namespace), name: name)
    }

    /// The version-5 UUID of `name` in Crosswalk's namespace (``crosswalkNamespace``, parsed once).
    public static func crosswalk(_ name: String) -> String {
        v5(namespaceBytes: crosswalkNamespaceBytes, name: name)
    }

    /// The UUID of the parts of a name, joined with a separator that cannot occur in them
    /// (U+001F), in Crosswalk's namespace.
    public static func make(_ parts: String...) -> String {
        crosswalk(parts.joined(separator: "\u{1F}"))
    }

    /// The version-5 UUID, in Crosswalk's namespace, of `prefix` (UTF-8, e.g. an
    /// organisation's name) followed by each of `parts` after a U+001F separator: the same
    /// UUID as ``make(_:)`` of the prefix's text and the parts, without joining strings.
    static func crosswalk(prefix: [UInt8], parts: [String]) -> String {
        var length = 16 + prefix.count
        for p in parts { length += 1 + p.utf8.count }
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: length) { buf in
            var at = 0
            func put(_ bytes: some Collection<UInt8>) {
                for b in bytes { buf[at] = b; at += 1 }
            }
            crosswalkNamespaceBytes.withUnsafeBufferPointer { put($0) }
            prefix.withUnsafeBufferPointer { put($0) }
            for var p in parts {
                buf[at] = 0x1F; at += 1
                p.withUTF8 { put($0) }
            }
            return format(SHA1.digest(UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: buf[0..<at]))))
        }
    }

    private static let crosswalkNamespaceBytes = parse(crosswalkNamespace)
    private static let hexDigits: [UInt8] = Array("0123456789abcdef".utf8)

    /// SHA-1 of the namespace's 16 bytes then the name's UTF-8, cut to 16 bytes with the
    /// version and variant set, written `8-4-4-4-12` in lowercase hexadecimal (one pass,
    /// no intermediate strings: an OSCAL document at scale makes one per observation).
    private static func v5(namespaceBytes: [UInt8], name: String) -> String {
        var bytes = namespaceBytes
        bytes.append(contentsOf: name.utf8)
        return bytes.withUnsafeBytes { format(SHA1.digest($0)) }
    }

    /// The first 16 bytes of a SHA-1 digest as a version-5 UUID.
    private static func format(_ h: (UInt32, UInt32, UInt32, UInt32, UInt32)) -> String {
        @inline(__always) func word(_ k: Int) -> UInt32 { switch k { case 0: h.0; case 1: h.1; case 2: h.2; default: h.3 } }
        return String(unsafeUninitializedCapacity: 36) { out in
            var at = 0
            for i in 0..<16 {
                var b = UInt8(truncatingIfNeeded: word(i >> 2) >> UInt32(24 - 8 * (i & 3)))
                if i == 6 { b = (b & 0x0F) | 0x50 }
                if i == 8 { b = (b & 0x3F) | 0x80 }
                if i == 4 || i == 6 || i == 8 || i == 10 { out[at] = UInt8(ascii: "-"); at += 1 }
                out[at] = hexDigits[Int(b >> 4)]
                out[at + 1] = hexDigits[Int(b & 0xF)]
                at += 2
            }
            return at
        }
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
