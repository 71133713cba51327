/// The start of an evidence item and of its claims, the hottest events of a large
/// organisation file: each item is built in ``pending`` (reused) and appended to the
/// register at its end (``endElement(name:namespace:line:control:)``).
extension OrganizationHandler {
    /// `<item>`: its attributes checked and read into ``pending``.
    @inline(__always)
    mutating func startItem(line: Int, column: Int, here: SourceLocation) {
        let id = value(.id, default: "")
        sawItem = true
        itemClean = references != nil
        // A plain-ASCII id (bytes equal exactly when the strings are), present and new.
        if let raw = attrs[OrgAttribute.id.rawValue]?.rawValue, raw.count > 0, raw.allSatisfy({ $0 < 0x80 && $0 != UInt8(ascii: "&") }) {
            if !isNewEvidenceID(raw) { itemClean = false }
        } else {
            itemClean = false
        }
        let status: EvidenceStatus
        if attrs[OrgAttribute.status.rawValue] == nil {
            error(.missingAttribute, "evidence \(id) has no status; add status=\"approved\" (with collected=\"YYYY-MM-DD\") or status=\"draft\": evidence is never counted on a guess", here)
            status = .draft
        } else {
            status = vocabulary(.status, statuses, here) ?? .draft
        }
        let kind = vocabulary(.kind, kinds, here) ?? .other
        pending.reset()
        var owner = emptyName
        if let raw = attrs[OrgAttribute.owner.rawValue] {
            if raw.rawValue.count == 0 {
                owner = emptyName
            } else if let p = personIDs.find(raw.rawValue, hash: ByteTable<Void>.hash(raw.rawValue)) {
                owner = personIDs[p].name
            } else {
                owner = org.evidence.intern(name: raw.value)
                itemClean = false
            }
        }
        var reviewDays: Int?
        if let r = attrs[OrgAttribute.reviewDays.rawValue] {
            if let n = Self.positiveInt(r.rawValue), n <= 36_500 { reviewDays = n } else { error(.invalidValue, "review-days '\(r.value)' must be a whole number of days from 1 to 36500", here) }
        }
        inEvidence = true
        if let raw = attrs[OrgAttribute.id.rawValue], !raw.rawValue.contains(UInt8(ascii: "&")) {
            pending.id.append(contentsOf: raw.rawValue)
        } else {
            pending.id.append(contentsOf: id.utf8)
        }
        // Every value made before it is stored: a method of `self` called inside the
        // access to `pending` makes the compiler copy the whole handler.
        let collected = date(.collected, here), validUntil = date(.validUntil, here)
        let at = place(line, column)
        var source = EvidenceSource.organization
        if attrs[OrgAttribute.providedBy.rawValue] != nil { source = vocabulary(.providedBy, EvidenceSource.self, here) ?? .organization }
        pending.kind = kind; pending.status = status; pending.owner = owner
        pending.collected = collected; pending.validUntil = validUntil
        pending.reviewDays = reviewDays
        pending.place = at
        pending.providedBy = source
    }

    /// `<satisfies>`: the requirement resolved once per distinct spelling, the claim added to
    /// ``pending``.
    @inline(__always)
    mutating func startClaim(line: Int, column: Int, here: SourceLocation) {
        // The same bytes as an earlier claim: the same reference, already resolved.
        // (Without catalogues no reference is known, and no item is vouched for.)
        let slot: UInt32
        if let raw = attrs[OrgAttribute.requirement.rawValue]?.rawValue {
            let h = ByteTable<Void>.hash(raw)
            if let e = requirementRefs.find(raw, hash: h) {
                slot = requirementRefs[e].slot
                if !requirementRefs[e].known { itemClean = false }
            } else {
                guard let parsed = ref(.requirement) else { error(.invalidValue, "satisfies needs requirement=\"framework:label\"", here); return }
                let known = references?.isKnown(parsed) ?? false
                slot = org.evidence.intern(requirement: parsed)
                requirementRefs.insert(raw, hash: h, value: (parsed, known, slot))
                if !known { itemClean = false }
            }
        } else {
            guard let parsed = ref(.requirement) else { error(.invalidValue, "satisfies needs requirement=\"framework:label\"", here); return }
            slot = org.evidence.intern(requirement: parsed)
        }
        let coverage: Coverage
        if let c = attrs[OrgAttribute.coverage.rawValue] {
            coverage = c.valueEquals("full") ? .full : c.valueEquals("partial") ? .partial
                : OrganizationValidator.vocabulary(c.value, Coverage.self, field: "coverage", at: here, log: &log) ?? .partial
        } else {
            coverage = .full
        }
        if inEvidence {
            let at = place(line, column)
            pending.claims.append(.init(requirement: slot, full: coverage == .full, place: at))
        }
    }
}
