@_spi(Tooling) import Crosswalk
import CLibFuzzer
import FuzzSupport

let asOf = CalendarDate(year: 2026, month: 11, day: 23)!

/// Organisation loading against the bundled catalogues; an organisation that loads is
/// also assessed and its reports rendered (dates and day counts come from the file).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOrganization(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let input = bytes(data, size)
    let dataset = bundledDataset
    do {
        let org = try Organization(xml: input, file: "fuzz.xml", catalogs: dataset.catalogs)
        checkWarnings(org.warnings, file: "fuzz.xml")
        let assessment = dataset.assessment(of: org, options: AssessmentOptions(asOf: org.assessmentDate ?? asOf))
        _ = Tooling.gapsCSV(assessment, catalogs: dataset.catalogs)
        _ = Tooling.scoresCSV(assessment)
    } catch {
        checkError(error, file: "fuzz.xml")
    }
    return 0
}

/// The process entry point (see CLibFuzzer.h).
@_cdecl("FuzzOrganization_main")
public func main(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var argc = argc, argv = argv
    return LLVMFuzzerRunDriver(&argc, &argv) { fuzzOrganization($0, $1) }
}
