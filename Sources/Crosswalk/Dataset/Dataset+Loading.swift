extension Dataset {
    /// The catalogues and crosswalks that ship with Crosswalk (ISO/IEC 42001, ISO/IEC 27001,
    /// NIST AI RMF 1.0, the EU AI Act, and the crosswalks between them), with `extra` files
    /// of your own loaded beside them: a user catalogue replaces the bundled one of its
    /// framework, user crosswalks (licensed mapping sets, say) load beside ours.
    ///
    /// ```swift
    /// let dataset = try Dataset.bundled()
    /// ```
    /// - Parameters:
    ///   - extra: OSCAL catalogues and mapping collections, each untrusted XML, checked and
    ///     bounded by `limits` (the bundled files always load under ``InputLimits/default``).
    ///   - dateOverlays: `date-overlay` files applied in order to the catalogues' dates (the
    ///     way a user follows the Official Journal; `Docs/CatalogFormat.md`).
    /// - Throws: ``CrosswalkError`` with every problem of every file, each located.
    public static func bundled(adding extra: [InputFile] = [], dateOverlays: [InputFile] = [], limits: InputLimits = .default) throws(CrosswalkError) -> Dataset {
        try load(bundled: true, extra: extra, dateOverlays: dateOverlays, limits: limits)
    }

    /// Your own catalogues and crosswalks only, without the bundled data: catalogues load
    /// first, crosswalks are resolved against them, whatever the order of `files`.
    /// - Throws: ``CrosswalkError`` with every problem of every file, each located.
    public init(loading files: [InputFile], dateOverlays: [InputFile] = [], limits: InputLimits = .default) throws(CrosswalkError) {
        self = try Dataset.load(bundled: false, extra: files, dateOverlays: dateOverlays, limits: limits)
    }
}
