@_spi(Tooling) import Crosswalk
import CLibFuzzer
import FuzzSupport

/// The catalogues a fuzzed crosswalk resolves against: the bundled four and the two
/// small fixture catalogues (`mini`, `minib`) that the seed crosswalks name.
let catalogs: CatalogSet = {
    var set = bundledDataset.catalogs
    for name in ["minimal.xml", "mini-b.xml"] {
        do {
            let file = try InputFile.read(repositoryRoot + "/Fixtures/catalogs/" + name)
            set.insert(try Tooling.loadCatalog(file.bytes, file: file.path).catalog)
        } catch { fatalError("fixture catalogue failed to load: \(error)") }
    }
    return set
}()

/// Crosswalk loading against loaded catalogues, then the mapping graph built from it.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzMapping(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let input = bytes(data, size)
    do {
        let (collection, warnings) = try Tooling.loadMappingCollection(input, file: "fuzz.xml", catalogs: catalogs)
        checkWarnings(warnings, file: "fuzz.xml")
        for m in collection.mappings {
            precondition(catalogs.entry(m.source) != nil && catalogs.entry(m.target) != nil, "a mapping to an unknown requirement: \(m)")
            precondition((0...10).contains(m.strength), "strength out of range: \(m)")
        }
        let graph = MappingGraph(catalogs: catalogs, mappings: collection.mappings)
        if let first = collection.mappings.first {
            _ = graph.relations(of: first.source, to: nil, includeDerived: true)
            _ = graph.coverage(from: first.source.framework, to: first.target.framework, includeDerived: true)
        }
    } catch {
        checkError(error, file: "fuzz.xml")
    }
    return 0
}

/// The process entry point (see CLibFuzzer.h).
@_cdecl("FuzzMapping_main")
public func main(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var argc = argc, argv = argv
    return LLVMFuzzerRunDriver(&argc, &argv) { fuzzMapping($0, $1) }
}
