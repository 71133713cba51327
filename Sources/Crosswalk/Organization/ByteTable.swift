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
    private var starts: [Int32] = []
    private var lengths: [Int32] = []
    private var hashes: [UInt32] = []
    private(set) var values: [Value] = []
    /// Open addressing, linear probing; -1 is empty. The count is a power of two.
    private var slots: [Int32]

    init(capacity: Int = 64) {
        var n = 16
        while n < capacity * 2 { n <<= 1 }
        slots = [Int32](repeating: -1, count: n)
    }

    var count: Int { values.count }

    /// FNV-1a of the bytes.
    @inline(__always)
    static func hash(_ b: UnsafeBufferPointer<UInt8>) -> UInt32 {
        var h: UInt32 = 2_166_136_261
        for c in b { h = (h ^ UInt32(c)) &* 16_777_619 }
        return h
    }

    /// The entry whose key is `b`, or nil.
    func find(_ b: UnsafeBufferPointer<UInt8>, hash h: UInt32) -> Int? {
        let mask = slots.count - 1
        var s = Int(h) & mask
        return arena.withUnsafeBufferPointer { a -> Int? in
            while true {
                let e = Int(slots[s])
                if e < 0 { return nil }
                if hashes[e] == h && Int(lengths[e]) == b.count {
                    let start = Int(starts[e])
                    var same = true
                    for i in 0..<b.count where a[start + i] != b[i] { same = false; break }
                    if same { return e }
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
        starts.append(Int32(arena.count))
        lengths.append(Int32(b.count))
        hashes.append(h)
        arena.append(contentsOf: b)
        values.append(value)
        place(e, hash: h)
        return e
    }

    private mutating func place(_ e: Int, hash h: UInt32) {
        let mask = slots.count - 1
        var s = Int(h) & mask
        while slots[s] >= 0 { s = (s + 1) & mask }
        slots[s] = Int32(e)
    }

    private mutating func grow() {
        slots = [Int32](repeating: -1, count: slots.count * 2)
        for e in 0..<values.count { place(e, hash: hashes[e]) }
    }

    subscript(entry: Int) -> Value { values[entry] }
}
