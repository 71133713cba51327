/// A hash table keyed by byte strings as the XML reader hands them over (identifiers,
/// references), so the organisation reader can intern a value once and find it again from
/// its bytes, without making a `String` or hashing one.
///
/// Keys are compared byte for byte: a hit means the same bytes, hence the same `String`
/// once decoded. (Two different byte strings may still be equal `String`s under Unicode
/// canonical equivalence; callers treat a miss as "not known here" and fall back to the
/// `String` comparison, never as "different".)
struct ByteTable<Value> {
    /// Every key's bytes, one after another.
    private var arena: [UInt8] = []
    /// Entry `i`: its key is `arena[starts[i] ..< starts[i] + lengths[i]]`.
    private var starts: [Int] = []
    private var lengths: [Int32] = []
    private(set) var values: [Value] = []
    /// Open addressing, linear probing: each slot holds an entry's hash (high 32 bits) and
    /// its index + 1 (low 32 bits; 0 is empty), so a probe reads one slot. The count is a
    /// power of two, `1 << shift` from the top.
    private var slots: [UInt64]
    private var shift: UInt64

    init(capacity: Int = 64) {
        var n = 16, s: UInt64 = 60
        while n < capacity * 2 { n <<= 1; s -= 1 }
        slots = [UInt64](repeating: 0, count: n)
        shift = s
    }

    var count: Int { values.count }

    /// FNV-1a of the bytes.
    @inline(__always)
    static func hash(_ b: UnsafeBufferPointer<UInt8>) -> UInt32 {
        var h: UInt32 = 2_166_136_261
        for c in b { h = (h ^ UInt32(c)) &* 16_777_619 }
        return h
    }

    /// The first slot to probe for `h` (the hash spread over the slot bits).
    @inline(__always)
    private func home(_ h: UInt32) -> Int { Int(truncatingIfNeeded: (UInt64(h) &* 0x9E37_79B9_7F4A_7C15) >> shift) }

    /// The entry whose key is `b`, or nil.
    func find(_ b: UnsafeBufferPointer<UInt8>, hash h: UInt32) -> Int? {
        slots.withUnsafeBufferPointer { slots -> Int? in
            let mask = slots.count - 1
            var s = home(h)
            while true {
                let slot = slots[s]
                if slot == 0 { return nil }
                if UInt32(truncatingIfNeeded: slot >> 32) == h {
                    let e = Int(truncatingIfNeeded: slot & 0xFFFF_FFFF) - 1
                    if Int(lengths[e]) == b.count && arena.withUnsafeBufferPointer({ a in
                        let start = starts[e]
                        for i in 0..<b.count where a[start + i] != b[i] { return false }
                        return true
                    }) { return e }
                }
                s = (s + 1) & mask
            }
        }
    }

    /// Adds `b` (not already present) with `value`; returns its entry.
    @discardableResult
    mutating func insert(_ b: UnsafeBufferPointer<UInt8>, hash h: UInt32, value: Value) -> Int {
        if (values.count + 1) * 2 > slots.count { grow() }
        let e = values.count
        starts.append(arena.count)
        lengths.append(Int32(b.count))
        arena.append(contentsOf: b)
        values.append(value)
        place(e, hash: h)
        return e
    }

    private mutating func place(_ e: Int, hash h: UInt32) {
        let mask = slots.count - 1
        var s = home(h)
        while slots[s] != 0 { s = (s + 1) & mask }
        slots[s] = UInt64(h) << 32 | UInt64(e + 1)
    }

    private mutating func grow() {
        let old = slots
        slots = [UInt64](repeating: 0, count: slots.count * 2)
        shift -= 1
        for slot in old where slot != 0 { place(Int(truncatingIfNeeded: slot & 0xFFFF_FFFF) - 1, hash: UInt32(truncatingIfNeeded: slot >> 32)) }
    }

    subscript(entry: Int) -> Value { values[entry] }
}
