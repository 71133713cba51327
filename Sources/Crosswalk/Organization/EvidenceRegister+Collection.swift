// The register as a collection of `Evidence` values, for embedders: reading an element
// builds one; the engine and the reports read the columns instead (EvidenceRegister.swift).

extension EvidenceRegister: RandomAccessCollection, MutableCollection, RangeReplaceableCollection {
    /// 0.
    public var startIndex: Int { 0 }
    /// ``count``.
    public var endIndex: Int { count }

    /// The item at `i`, made from the columns.
    ///
    /// - Complexity: Reading: O(claims + systems of the item). Writing: O(size of the item)
    ///   when the new value has as many text bytes, claims and systems as the old (a changed
    ///   status, date or location, say); else O(n), a move of the columns after it.
    public subscript(i: Int) -> Evidence {
        get {
            precondition(i >= 0 && i < count, "EvidenceRegister index out of range")
            var e = Evidence(id: id(i), title: title(i), kind: kind(i), owner: owner(i), collected: collected(i), validUntil: validUntil(i),
                             reviewDays: reviewDays(i), status: status(i),
                             claims: claimRange(i).map { EvidenceClaim(requirement: requirements[Int(claims[$0].requirement)],
                                                                      coverage: claims[$0].full ? .full : .partial, location: location(claims[$0].place)) },
                             systems: systemRange(i).map(systemID), locationURI: locationURI(i), sha256: sha256(i), location: location(i))
            let named = systemRange(i)
            if let first = named.first, systems[first].place != .none {
                e.systemLocations = named.prefix { systems[$0].place != .none }.map { location(systems[$0].place) }
            }
            e.certificate = certificate(i)
            e.providedBy = providedBy(i)
            return e
        }
        set {
            precondition(i >= 0 && i < count, "EvidenceRegister index out of range")
            replaceSubrange(i..<(i + 1), with: CollectionOfOne(newValue))
        }
    }

    /// Replaces the items in `range` with `newElements`.
    ///
    /// - Complexity: O(size of the new items) when `range` reaches the end of the register
    ///   (appending, removing or replacing the last items); one item for one: as
    ///   ``subscript(_:)``; else O(n): the register is rebuilt.
    public mutating func replaceSubrange<C: Collection>(_ range: Range<Int>, with newElements: C) where C.Element == Evidence {
        precondition(range.lowerBound >= 0 && range.upperBound <= count, "EvidenceRegister range out of bounds")
        if range.count == 1 && newElements.count == 1 {
            replace(at: range.lowerBound, with: newElements.first!)
            return
        }
        if range.upperBound == count {
            truncate(to: range.lowerBound)
            reserveCapacity(count + newElements.count)
            for e in newElements { append(e) }
            return
        }
        var items = Array(self)
        items.replaceSubrange(range, with: newElements)
        self = EvidenceRegister(items)
    }

    /// Removes every item (and the tables of distinct values; capacity is not kept).
    public mutating func removeAll(keepingCapacity keepCapacity: Bool = false) { self = EvidenceRegister() }
}

extension EvidenceRegister: ExpressibleByArrayLiteral {
    /// The register of the items listed, in their order.
    public init(arrayLiteral elements: Evidence...) { self.init(elements) }
}

extension EvidenceRegister: Hashable {
    /// Two registers are equal when they hold equal items in the same order (as arrays of
    /// ``Evidence`` are), however their tables were built.
    public static func == (a: Self, b: Self) -> Bool { a.count == b.count && a.elementsEqual(b) }

    /// Hashes the count and every item, in order.
    ///
    /// - Complexity: O(n): every item is made.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(count)
        for e in self { hasher.combine(e) }
    }
}

extension EvidenceRegister: CustomStringConvertible {
    /// The items, as an array of them prints.
    public var description: String { Array(self).description }
}
