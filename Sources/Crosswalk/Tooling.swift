/// Entry points for the repository's own tools that live in packages of their own — the
/// fuzz targets (`Fuzz/`) and the benchmark harness (`Benchmarks/`) — which `package`
/// access does not reach. Not API: it is SPI, visible only to
/// `@_spi(Tooling) import Crosswalk`, left out of the public surface and the documentation,
/// and may change at any time. Each function hands over to the stage it names.
@_spi(Tooling) public enum Tooling {
    /// `CatalogLoader.load`: one catalogue from bytes.
    public static func loadCatalog(_ bytes: [UInt8], file: String) throws(CrosswalkError) -> (catalog: Catalog, warnings: [Diagnostic]) {
        try CatalogLoader.load(bytes, file: file)
    }

    /// `FreedMemory.mapLargeBlocks()`: what `crosswalk assess` does once the organisation is read.
    public static func mapLargeBlocks() { FreedMemory.mapLargeBlocks() }

    /// `CatalogExport.csv`.
    public static func catalogCSV(_ catalog: Catalog) -> [UInt8] { CatalogExport.csv(catalog) }

    /// `MappingLoader.load`: one crosswalk from bytes, resolved against `catalogs`.
    public static func loadMappingCollection(_ bytes: [UInt8], file: String, catalogs: CatalogSet) throws(CrosswalkError) -> (collection: MappingCollection, warnings: [Diagnostic]) {
        try MappingLoader.load(bytes, file: file, catalogs: catalogs)
    }

    /// `AssessmentSnapshot` read with the JSON reader bounded to `maxBytes` and `maxDepth`.
    public static func assessmentSnapshot(_ bytes: [UInt8], file: String, maxBytes: Int, maxDepth: Int) throws(CrosswalkError) -> AssessmentSnapshot {
        try AssessmentSnapshot(bytes, file: file, reader: JSONReader(maxBytes: maxBytes, maxDepth: maxDepth))
    }

    /// `AssessmentDiff.tables()`: the comparison as the CLI prints it.
    public static func diffTables(_ diff: AssessmentDiff) -> [(title: String, rows: [[String]])] { diff.tables() }

    /// `gaps.csv` and `scores.csv` of an assessment, without deliverables.
    public static func gapsCSV(_ assessment: Assessment, catalogs: CatalogSet) -> [UInt8] { AssessmentExport.gapsCSV(assessment, catalogs: catalogs) }
    public static func scoresCSV(_ assessment: Assessment) -> [UInt8] { AssessmentExport.scoresCSV(assessment) }

    /// Streams `produce`'s pieces to a temporary file beside `path`; returns the bytes
    /// written and a function that renames it over `path` (commits).
    public static func streamToFile(_ path: String, _ produce: (([UInt8]) -> Void) -> Void) throws(CrosswalkError) -> (bytes: Int, commit: () throws(CrosswalkError) -> Void) {
        let stream = try AtomicFileStream(path: path)
        var size = 0
        var failure: CrosswalkError?
        produce { piece in
            guard failure == nil else { return }
            size += piece.count
            do throws(CrosswalkError) { try stream.write(piece) } catch { failure = error }
        }
        if let failure { stream.abort(); throw failure }
        return (size, { () throws(CrosswalkError) in try stream.commit() })
    }

    /// `OrganizationGenerator.write`: a synthetic organisation file (`crosswalk generate`).
    public static func generateOrganization(systems: Int, evidence: Int, seed: UInt64, dataset: Dataset, to path: String) throws(CrosswalkError) {
        try OrganizationGenerator.write(GeneratorOptions(systems: systems, evidence: evidence, seed: seed), dataset: dataset, to: path)
    }
}
