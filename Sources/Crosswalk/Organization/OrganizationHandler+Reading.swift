import _CrosswalkXML

/// What the organisation reader decides from bytes as it reads: evidence ids seen before,
/// numbers and vocabulary values without making strings, and the checks of one evidence
/// item that need nothing but the item (`OrganizationHandler`, events in the main file).
extension OrganizationHandler {
    /// Whether `raw` (plain ASCII) is no earlier evidence item's id, as far as the reader can
    /// still tell (once ``evidenceChecked`` is false the validator checks every id).
    mutating func isNewEvidenceID(_ raw: UnsafeBufferPointer<UInt8>) -> Bool {
        guard evidenceChecked else { return true }
        if evidenceIDs == nil {
            let increasing = lastEvidenceID.withUnsafeBufferPointer { last in
                last.isEmpty || raw.lexicographicallyPrecedes(last) == false && !raw.elementsEqual(last)
            }
            if increasing {
                lastEvidenceID.removeAll(keepingCapacity: true)
                lastEvidenceID.append(contentsOf: raw)
                return true
            }
            // Out of order: from here on, a table of every id so far (all plain ASCII and
            // different, or the reader would have given up vouching).
            var table = ByteTable<Void>(capacity: max(org.evidence.count, 1024))
            for i in org.evidence.indices {  // the open item is not in it yet
                org.evidence.withIDBytes(i) { table.insert($0, hash: ByteTable<Void>.hash($0), value: ()) }
            }
            evidenceIDs = table
        }
        let h = ByteTable<Void>.hash(raw)
        if evidenceIDs!.find(raw, hash: h) != nil { return false }
        evidenceIDs!.insert(raw, hash: h, value: ())
        return true
    }

    /// `Int(text)` for a positive number, without making a `String` in the common case.
    static func positiveInt(_ b: UnsafeBufferPointer<UInt8>) -> Int? {
        if b.count > 0 && b.count <= 18 && b.allSatisfy({ $0 >= 48 && $0 <= 57 }) {
            let n = b.reduce(0) { $0 * 10 + Int($1 - 48) }
            return n > 0 ? n : nil
        }
        guard let n = Int(String(decoding: b, as: UTF8.self)), n > 0 else { return nil }
        return n
    }

    /// The attribute `a` as a value of `V` (nil when absent or unknown; unknown is an error here).
    mutating func vocabulary<V: OrganizationVocabulary>(_ a: OrgAttribute, _ type: V.Type, _ here: SourceLocation) -> V? {
        guard let raw = attrs[a.rawValue] else { return nil }
        return OrganizationValidator.vocabulary(raw.value, V.self, field: OrgAttribute.names[a.rawValue], at: here, log: &log)
    }

    /// ``vocabulary(_:_:_:)`` looking the bytes up in `table` first (every spelling of the
    /// vocabulary and its value); text not found there goes through the `String` check.
    mutating func vocabulary<V: OrganizationVocabulary>(_ a: OrgAttribute, _ table: [([UInt8], V)], _ here: SourceLocation) -> V? {
        guard let raw = attrs[a.rawValue] else { return nil }
        let b = raw.rawValue
        for (spelling, v) in table where spelling.count == b.count {
            if spelling.withUnsafeBufferPointer({ s in (0..<b.count).allSatisfy { s[$0] == b[$0] } }) { return v }
        }
        return vocabulary(a, V.self, here)
    }

    static let kinds = EvidenceKind.allCases.map { (Array($0.rawValue.utf8), $0) }
    static let statuses = EvidenceStatus.allCases.map { (Array($0.rawValue.utf8), $0) }

    /// The checks of ``OrganizationValidator`` on an evidence item that need nothing but the
    /// item (the references were checked while it was read).
    static func passes(_ e: borrowing EvidenceRegister.Pending) -> Bool {
        if e.status == .approved && e.collected == nil { return false }
        if e.kind == .certificate && e.certificate == nil { return false }
        if e.claims.isEmpty && e.certificate == nil { return false }
        if e.providedBy == .supplier && e.systems.isEmpty { return false }
        if let c = e.collected, let v = e.validUntil, v < c { return false }
        return true
    }

    /// Where an element of this file is, in the register's form.
    @inline(__always)
    func place(_ line: Int, _ column: Int) -> EvidenceRegister.Place {
        EvidenceRegister.Place(file: fileSlot, line: Int32(clamping: line), column: Int32(clamping: column))
    }
}

extension [UInt8] {
    /// The bytes as text with runs of white space folded to one space and the ends
    /// trimmed, as ``Swift/String/foldingWhitespace()``, on bytes where that is exact.
    func foldedText() -> String {
        withUnsafeBufferPointer { b in String.foldingWhitespace(utf8: b) ?? String(decoding: b, as: UTF8.self).foldingWhitespace() }
    }

    /// ``foldedText()`` as UTF-8 bytes, in place of `out`'s contents.
    func fold(into out: inout [UInt8]) {
        if !withUnsafeBufferPointer({ String.foldingWhitespace(utf8: $0, into: &out) }) {
            out.removeAll(keepingCapacity: true)
            out.append(contentsOf: foldedText().utf8)
        }
    }

    /// Exactly 64 ASCII hexadecimal digits, nothing around them.
    func isSHA256Hex() -> Bool {
        count == 64 && allSatisfy { ($0 >= 48 && $0 <= 57) || ($0 >= 65 && $0 <= 70) || ($0 >= 97 && $0 <= 102) }
    }
}



/// The handler's attribute table: fixed storage, allocated once per parse.
final class AttributeSlots {
    let slots: UnsafeMutablePointer<XMLRawAttribute?>

    init() {
        slots = .allocate(capacity: OrgAttribute.allCases.count)
        slots.initialize(repeating: nil, count: OrgAttribute.allCases.count)
    }

    deinit { slots.deallocate() }
}
