/// SHA-1 (FIPS 180-4), only for name-based UUIDs (version 5, RFC 9562), where the
/// standard prescribes it; never for integrity. Checked against FIPS 180-4 examples and
/// Python's `hashlib`/`uuid.uuid5` in `DigestTests`.
enum SHA1 {
    /// The 20-byte digest of `message`.
    static func hash(_ message: [UInt8]) -> [UInt8] {
        let h = message.withUnsafeBytes { digest($0) }
        var out: [UInt8] = []
        out.reserveCapacity(20)
        for word in [h.0, h.1, h.2, h.3, h.4] {
            out.append(UInt8(word >> 24)); out.append(UInt8(truncatingIfNeeded: word >> 16))
            out.append(UInt8(truncatingIfNeeded: word >> 8)); out.append(UInt8(truncatingIfNeeded: word))
        }
        return out
    }

    /// The digest of `message` as five big-endian words. The whole blocks are read in place
    /// and only the padded tail is copied (into the stack), so a call allocates nothing:
    /// OSCAL documents make one name-based UUID per observation.
    static func digest(_ message: UnsafeRawBufferPointer) -> (UInt32, UInt32, UInt32, UInt32, UInt32) {
        var h: (UInt32, UInt32, UInt32, UInt32, UInt32) = (0x67452301, 0xEFCDAB89, 0x98BADCFE, 0x10325476, 0xC3D2E1F0)
        let count = message.count
        let whole = count - count % 64
        withUnsafeTemporaryAllocation(of: UInt32.self, capacity: 80) { w in
            var at = 0
            while at < whole {
                compress(&h, UnsafeRawBufferPointer(rebasing: message[at..<(at + 64)]), w)
                at += 64
            }
            // The tail, 0x80, zeros and the length in bits: one or two blocks.
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 128) { tail in
                let rest = count - whole
                let blocks = rest < 56 ? 1 : 2
                tail.initialize(repeating: 0)
                for i in 0..<rest { tail[i] = message[whole + i] }
                tail[rest] = 0x80
                let bitLength = UInt64(count) &* 8
                for i in 0..<8 { tail[blocks * 64 - 1 - i] = UInt8(truncatingIfNeeded: bitLength >> UInt64(8 * i)) }
                let raw = UnsafeRawBufferPointer(tail)
                for b in 0..<blocks { compress(&h, UnsafeRawBufferPointer(rebasing: raw[(b * 64)..<(b * 64 + 64)]), w) }
            }
        }
        return h
    }

    /// One 64-byte block into the state `h` (`w`: the 80-word message schedule).
    @inline(__always)
    private static func compress(_ h: inout (UInt32, UInt32, UInt32, UInt32, UInt32), _ m: UnsafeRawBufferPointer, _ w: UnsafeMutableBufferPointer<UInt32>) {
        @inline(__always) func rotl(_ x: UInt32, _ n: UInt32) -> UInt32 { x << n | x >> (32 - n) }
        for t in 0..<16 {
            let j = t * 4
            w[t] = UInt32(m[j]) << 24 | UInt32(m[j + 1]) << 16 | UInt32(m[j + 2]) << 8 | UInt32(m[j + 3])
        }
        for t in 16..<80 { w[t] = rotl(w[t - 3] ^ w[t - 8] ^ w[t - 14] ^ w[t - 16], 1) }
        var (a, b, c, d, e) = h
        for t in 0..<80 {
            let f: UInt32, k: UInt32
            switch t {
            case 0..<20: f = (b & c) | (~b & d); k = 0x5A827999
            case 20..<40: f = b ^ c ^ d; k = 0x6ED9EBA1
            case 40..<60: f = (b & c) | (b & d) | (c & d); k = 0x8F1BBCDC
            default: f = b ^ c ^ d; k = 0xCA62C1D6
            }
            let temp = rotl(a, 5) &+ f &+ e &+ k &+ w[t]
            e = d; d = c; c = rotl(b, 30); b = a; a = temp
        }
        h = (h.0 &+ a, h.1 &+ b, h.2 &+ c, h.3 &+ d, h.4 &+ e)
    }
}
