/// How the workbook and the HTML report show a cell status: its words and colours.
///
/// The one place that switches over ``CellStatus`` for presentation; the switch is
/// exhaustive, so a status added to the engine does not compile until it has a look here.
struct StatusStyle: Sendable, Hashable {
    /// The status as the CSVs spell it (`execution-gap`).
    var code: String
    /// The words a reader sees (`execution gap`).
    var label: String
    /// Fill colour, `RRGGBB`.
    var fill: String
    /// Text colour on that fill, `RRGGBB`.
    var ink: String
    /// The order statuses are listed in charts and legends: worst first, then met, then not scored.
    var order: Int

    init(_ status: CellStatus) {
        code = status.rawValue
        switch status {
        case .prohibited: label = "prohibited"; fill = "212121"; ink = "FFFFFF"; order = 0
        case .missing: label = "missing"; fill = "C62828"; ink = "FFFFFF"; order = 1
        case .executionGap: label = "execution gap"; fill = "AD1457"; ink = "FFFFFF"; order = 2
        case .stale: label = "stale"; fill = "EF6C00"; ink = "FFFFFF"; order = 3
        case .partial: label = "partial"; fill = "F9A825"; ink = "000000"; order = 4
        case .dueSoon: label = "due soon"; fill = "FFF176"; ink = "000000"; order = 5
        case .undetermined: label = "undetermined"; fill = "7E57C2"; ink = "FFFFFF"; order = 6
        case .met: label = "met"; fill = "2E7D32"; ink = "FFFFFF"; order = 7
        case .upcoming: label = "upcoming"; fill = "1565C0"; ink = "FFFFFF"; order = 8
        case .excluded: label = "excluded"; fill = "9E9E9E"; ink = "000000"; order = 9
        case .notApplicable: label = "not applicable"; fill = "E0E0E0"; ink = "000000"; order = 10
        }
    }

    /// Every status, in display order.
    static let all: [(status: CellStatus, style: StatusStyle)] =
        CellStatus.allCases.map { ($0, StatusStyle($0)) }.sorted { $0.1.order < $1.1.order }
}

/// A colour for a readiness figure (0…1): red below 40 %, amber below 75 %, green above.
func readinessColour(_ r: Double) -> (fill: String, ink: String) {
    r < 0.4 ? ("C62828", "FFFFFF") : r < 0.75 ? ("F9A825", "000000") : ("2E7D32", "FFFFFF")
}

/// `s` without the characters XML 1.0 and HTML cannot carry (C0 controls other than tab,
/// line feed and carriage return; U+FFFE, U+FFFF): every text of both reports passes here.
func reportText(_ s: String) -> String {
    // One pass over the UTF-8 bytes decides for nearly every text: the characters removed
    // are ASCII controls and DEL, or U+FFFE/U+FFFF (UTF-8 EF BF BE/BF); no 0xEF byte and no
    // such control means there is nothing to remove.
    if !s.utf8.contains(where: { ($0 < 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D) || $0 == 0x7F || $0 == 0xEF }) { return s }
    guard s.unicodeScalars.contains(where: { ($0.value < 0x20 && $0 != "\t" && $0 != "\n" && $0 != "\r") || $0.value == 0xFFFE || $0.value == 0xFFFF || $0.value == 0x7F })
    else { return s }
    var out = String.UnicodeScalarView()
    for u in s.unicodeScalars where !(u.value < 0x20 && u != "\t" && u != "\n" && u != "\r") && u.value != 0xFFFE && u.value != 0xFFFF && u.value != 0x7F { out.append(u) }
    return String(out)
}
