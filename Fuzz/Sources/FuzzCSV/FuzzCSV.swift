import Crosswalk
import CLibFuzzer
import FuzzSupport

/// The CSV imports: the first byte picks the system inventory (even) or the evidence
/// register (odd); the rest is the file. Seeds start with `0` or `1`.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCSV(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let all = bytes(data, size)
    guard let selector = all.first else { return 0 }
    let input = Array(all.dropFirst())
    do {
        if selector & 1 == 0 {
            let systems = try OrganizationCSV.systems(input, file: "fuzz.csv")
            for s in systems { precondition(!s.id.isEmpty && !s.name.isEmpty, "a system without id or name") }
        } else {
            let evidence = try OrganizationCSV.evidence(input, file: "fuzz.csv")
            for e in evidence {
                precondition(!e.id.isEmpty, "evidence without id")
                precondition(e.location.file == "fuzz.csv" && e.location.line >= 1, "evidence not located")
                _ = e.expires
            }
        }
    } catch {
        checkError(error, file: "fuzz.csv")
    }
    return 0
}

/// The process entry point (see CLibFuzzer.h).
@_cdecl("FuzzCSV_main")
public func main(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var argc = argc, argv = argv
    return LLVMFuzzerRunDriver(&argc, &argv) { fuzzCSV($0, $1) }
}
