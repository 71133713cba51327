@_spi(Tooling) import Crosswalk
import CLibFuzzer
import FuzzSupport

/// Catalogue loading: any bytes give a catalogue or a located CrosswalkError.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCatalog(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let input = bytes(data, size)
    do {
        let (catalog, warnings) = try Tooling.loadCatalog(input, file: "fuzz.xml")
        checkWarnings(warnings, file: "fuzz.xml")
        precondition(!catalog.entries.isEmpty, "a catalogue loaded with no entries")
        // Every label resolves back to its entry; parents exist.
        for e in catalog.entries {
            precondition(catalog.entry(label: e.label) != nil, "label \(e.label) does not resolve")
            if let p = e.parent { precondition(catalog.entry(label: p) != nil, "parent \(p) of \(e.label) is missing") }
        }
        _ = Tooling.catalogCSV(catalog)
    } catch {
        checkError(error, file: "fuzz.xml")
    }
    return 0
}

/// The process entry point (see CLibFuzzer.h).
@_cdecl("FuzzCatalog_main")
public func main(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var argc = argc, argv = argv
    return LLVMFuzzerRunDriver(&argc, &argv) { fuzzCatalog($0, $1) }
}
