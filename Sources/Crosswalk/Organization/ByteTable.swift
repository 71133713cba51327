/// A hash table keyed by byte strings as the XML reader hands them over (identifiers,
/// references), so the organisation reader can intern a value once and find it again from
/// its bytes, without making a `String` or hashing one.
///
/// Keys are compared byte for byte: a hit means the same bytes, hence the same `String`
/// once decoded. (Two different byte strings may still be equal `String`s under Unicode
/// canonical equivalence; callers treat a miss as "not known here" and fall back to the
/// `String` comparison, never as "different".)
///
/// A slot holds the hash, the length, the first 16 bytes of the key and the value, so a
/// lookup of a short key reads one slot and nothing else: the reader streams hundreds of
/// megabytes past the caches, and every other array touched is a cache miss.
struct ByteTable<Value> {
    struct Slot {
        /// The key's hash (high 32 bits) and length + 1 (low 32 bits); 0: empty.
        var tag: UInt64 = 0
        /// The first 16 bytes of the key, zero-padded.
        var head: (UInt64, UInt64) = (0, 0)
        /// For a key longer than 16 bytes: where its remaining bytes start in `arena`.
        var tail = 0
        var value: Value?
    }

    /// Open addressing, linear probing; the count is a power of two, `1 << (64 - shift)`.
    private var slots: [Slot]
    private var shift: UInt64
    /// The bytes after the first 16 of the longer keys.
    private var arena: [UInt8] = []
    private(set) var count = 0

    init(capacity: Int = 64) {
        var n = 16, s: UInt64 = 60
        while n < capacity * 2 { n <<= 1; s -= 1 }
        slots = [Slot](repeating: Slot(), count: n)
        shift = s
    }

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

    @inline(__always)
    private static func tag(_ b: UnsafeBufferPointer<UInt8>, _ h: UInt32) -> UInt64 { UInt64(h) << 32 | UInt64(b.count + 1) }

    /// The first 16 bytes of `b`, zero-padded.
    @inline(__always)
    private static func head(_ b: UnsafeBufferPointer<UInt8>) -> (UInt64, UInt64) {
        var head: (UInt64, UInt64) = (0, 0)
        let n = min(b.count, 16)
        if n > 0 { withUnsafeMutableBytes(of: &head) { $0.copyMemory(from: UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: b[0..<n]))) } }
        return head
    }

    /// The slot whose key is `b`, or nil.
    func find(_ b: UnsafeBufferPointer<UInt8>, hash h: UInt32) -> Int? {
        let tag = Self.tag(b, h), head = Self.head(b)
        return slots.withUnsafeBufferPointer { slots -> Int? in
            let mask = slots.count - 1
            var s = home(h)
            while true {
                let t = slots[s].tag
                if t == 0 { return nil }
                if t == tag && slots[s].head == head && (b.count <= 16 || sameTail(b, at: slots[s].tail)) { return s }
                s = (s + 1) & mask
            }
        }
    }

    private func sameTail(_ b: UnsafeBufferPointer<UInt8>, at start: Int) -> Bool {
        arena.withUnsafeBufferPointer { a in
            for i in 16..<b.count where a[start + i - 16] != b[i] { return false }
            return true
        }
    }

    /// Adds `b` (not already present) with `value`; returns its slot (valid until the next insert).
    @discardableResult
    mutating func insert(_ b: UnsafeBufferPointer<UInt8>, hash h: UInt32, value: Value) -> Int {
        if (count + 1) * 2 > slots.count { grow() }
        var slot = Slot(tag: Self.tag(b, h), head: Self.head(b), tail: 0, value: value)
        if b.count > 16 {
            slot.tail = arena.count
            arena.append(contentsOf: UnsafeBufferPointer(rebasing: b[16...]))
        }
        count += 1
        return place(slot)
    }

    @discardableResult
    private mutating func place(_ slot: Slot) -> Int {
        let mask = slots.count - 1
        var s = home(UInt32(truncatingIfNeeded: slot.tag >> 32))
        while slots[s].tag != 0 { s = (s + 1) & mask }
        slots[s] = slot
        return s
    }

    private mutating func grow() {
        let old = slots
        slots = [Slot](repeating: Slot(), count: slots.count * 2)
        shift -= 1
        for slot in old where slot.tag != 0 { place(slot) }
    }

    subscript(slot: Int) -> Value { slots[slot].value! }
}
