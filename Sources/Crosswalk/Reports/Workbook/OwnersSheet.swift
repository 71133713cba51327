extension ReportContext {
    /// Owners: one row per control group (the rows of `owners.csv`).
    func ownersSheet() -> Sheet {
        var s = Sheet(name: "Owners", columns: [
            ("Group", 9), ("Anchor", 20), ("Anchor title", 40), ("Members", 40), ("Member count", 9), ("Frameworks", 24), ("Membership", 50),
            ("Owner", 18), ("Owner name", 22), ("Basis", 18), ("Other owners (conflicts)", 36), ("Conflict", 9), ("Unowned", 9), ("Action", 10),
        ])
        for o in owners {
            s.row([.text(o.group), .text(o.anchor), .text(o.anchorTitle), o.members.cell, .integer(o.members.count), o.frameworks.cell,
                   .text(o.membership), .text(o.owner), .text(o.ownerName), .text(o.basis), o.otherOwners.cell, o.conflict.cell, o.unowned.cell,
                   .text(o.action)])
        }
        return s
    }
}
