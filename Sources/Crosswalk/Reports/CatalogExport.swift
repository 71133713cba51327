/// Renders catalogues as CSV. The column contract is in `Docs/CSV.md`.
package enum CatalogExport {
    /// The header of ``csv(_:)``, in order.
    public static let columns = ["framework", "id", "kind", "parent", "title", "requirement", "scope", "obligation", "actors",
                                 "risk_tiers", "conditions", "applies_from", "applies_from_basis", "oscal_id"]

    /// One row per entry, headings included, in catalogue order. Multi-valued cells are
    /// joined with `;`.
    public static func csv(_ catalog: Catalog) -> [UInt8] {
        var w = CSVWriter(reservingCapacity: catalog.entries.count * 120)
        w.row(columns)
        for e in catalog.entries {
            w.row([catalog.framework.rawValue, e.label, e.kind.rawValue, e.parent ?? "", e.title, e.isRequirement ? "yes" : "no",
                   e.scope?.rawValue ?? "", e.obligation?.rawValue ?? "", e.actors.joined(separator: ";"), e.riskTiers.joined(separator: ";"),
                   e.conditions.joined(separator: ";"), e.appliesFrom?.description ?? "", e.appliesFromBasis ?? "", e.id])
        }
        return w.bytes
    }
}
