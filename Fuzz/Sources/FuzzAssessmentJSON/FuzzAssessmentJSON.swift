@_spi(Tooling) import Crosswalk
import CLibFuzzer
import FuzzSupport

/// The `assessment.json` reader behind `crosswalk diff`: any bytes either read as a
/// snapshot or fail with a located error in the file read; a snapshot compared with itself
/// shows no change; the limits hold (depth 16, 64 KiB).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzAssessmentJSON(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let input = bytes(data, size)
    do {
        let s = try Tooling.assessmentSnapshot(input, file: "fuzz.json", maxBytes: 1 << 16, maxDepth: 16)
        let d = AssessmentDiff(old: s, new: s, until: s.asOf)
        precondition(d.cells.isEmpty, "a snapshot differs from itself: \(d.cells.prefix(3))")
        precondition(d.systemsAdded.isEmpty && d.systemsRetired.isEmpty && d.requirements.isEmpty, "systems or requirements differ from themselves")
        for c in s.cells { precondition(!c.requirement.label.isEmpty && !c.status.isEmpty, "an empty cell") }
        _ = d.csv(); _ = d.json(); _ = Tooling.diffTables(d)
    } catch {
        checkError(error, file: "fuzz.json")
        for diag in error.diagnostics { precondition(diag.location.line >= 1 && diag.location.column >= 1, "an error without line and column: \(diag)") }
    }
    return 0
}

/// The process entry point (see CLibFuzzer.h).
@_cdecl("FuzzAssessmentJSON_main")
public func main(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var argc = argc, argv = argv
    return LLVMFuzzerRunDriver(&argc, &argv) { fuzzAssessmentJSON($0, $1) }
}
