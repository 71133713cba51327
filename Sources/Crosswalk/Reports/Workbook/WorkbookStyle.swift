/// The cell formats of the workbook (`xl/styles.xml`), each with its fixed index.
enum WorkbookStyle: Hashable {
    case plain
    case header
    case date
    case integer
    case decimal
    /// A readiness percentage, coloured red, amber or green.
    case percent(Double)
    case status(CellStatus)

    private enum Band: Int { case low, middle, high }

    private static let statuses = StatusStyle.all

    /// The `cellXfs` index.
    var index: Int {
        switch self {
        case .plain: 0
        case .header: 1
        case .date: 2
        case .integer: 3
        case .decimal: 4
        case let .percent(p): 5 + (p < 0.4 ? 0 : p < 0.75 ? 1 : 2)
        case let .status(s): 8 + Self.statuses.firstIndex { $0.status == s }!
        }
    }

    /// The styles part.
    static func stylesPart() -> [UInt8] {
        var w = XMLWriter()
        w.open("styleSheet", [("xmlns", "http://schemas.openxmlformats.org/spreadsheetml/2006/main")])
        w.open("numFmts", [("count", "2")])
        w.empty("numFmt", [("numFmtId", "164"), ("formatCode", "yyyy-mm-dd")])
        w.empty("numFmt", [("numFmtId", "165"), ("formatCode", "0.0%")])
        w.close()
        // Fonts: 0 regular, 1 bold, 2 white, 3 black.
        w.open("fonts", [("count", "4")])
        for (bold, colour) in [(false, nil), (true, nil), (false, "FFFFFF"), (false, "000000")] as [(Bool, String?)] {
            w.open("font")
            if bold { w.empty("b") }
            w.empty("sz", [("val", "11")])
            if let colour { w.empty("color", [("rgb", "FF" + colour)]) }
            w.empty("name", [("val", "Calibri")])
            w.close()
        }
        w.close()
        // Fills: 0 none, 1 gray125 (both required), 2 header, 3–5 readiness bands, then one per status.
        let bands = [0.0, 0.5, 0.9].map(readinessColour)
        let solid = ["DDE3EA"] + bands.map(\.fill) + statuses.map(\.style.fill)
        w.open("fills", [("count", String(2 + solid.count))])
        w.open("fill"); w.empty("patternFill", [("patternType", "none")]); w.close()
        w.open("fill"); w.empty("patternFill", [("patternType", "gray125")]); w.close()
        for rgb in solid {
            w.open("fill"); w.open("patternFill", [("patternType", "solid")]); w.empty("fgColor", [("rgb", "FF" + rgb)]); w.empty("bgColor", [("indexed", "64")]); w.close(); w.close()
        }
        w.close()
        w.open("borders", [("count", "1")]); w.open("border"); w.empty("left"); w.empty("right"); w.empty("top"); w.empty("bottom"); w.empty("diagonal"); w.close(); w.close()
        w.open("cellStyleXfs", [("count", "1")]); w.empty("xf", [("numFmtId", "0"), ("fontId", "0"), ("fillId", "0"), ("borderId", "0")]); w.close()
        func font(_ ink: String) -> String { ink == "FFFFFF" ? "2" : "3" }
        var xfs: [[(String, String)]] = [
            [("numFmtId", "0"), ("fontId", "0"), ("fillId", "0"), ("borderId", "0"), ("xfId", "0")],
            [("numFmtId", "0"), ("fontId", "1"), ("fillId", "2"), ("borderId", "0"), ("xfId", "0"), ("applyFont", "1"), ("applyFill", "1")],
            [("numFmtId", "164"), ("fontId", "0"), ("fillId", "0"), ("borderId", "0"), ("xfId", "0"), ("applyNumberFormat", "1")],
            [("numFmtId", "1"), ("fontId", "0"), ("fillId", "0"), ("borderId", "0"), ("xfId", "0"), ("applyNumberFormat", "1")],
            [("numFmtId", "2"), ("fontId", "0"), ("fillId", "0"), ("borderId", "0"), ("xfId", "0"), ("applyNumberFormat", "1")],
        ]
        for (i, b) in bands.enumerated() {
            xfs.append([("numFmtId", "165"), ("fontId", font(b.ink)), ("fillId", String(3 + i)), ("borderId", "0"), ("xfId", "0"),
                        ("applyNumberFormat", "1"), ("applyFont", "1"), ("applyFill", "1")])
        }
        for (i, s) in statuses.enumerated() {
            xfs.append([("numFmtId", "0"), ("fontId", font(s.style.ink)), ("fillId", String(6 + i)), ("borderId", "0"), ("xfId", "0"),
                        ("applyFont", "1"), ("applyFill", "1")])
        }
        w.open("cellXfs", [("count", String(xfs.count))])
        for x in xfs { w.empty("xf", x) }
        w.close()
        w.open("cellStyles", [("count", "1")]); w.empty("cellStyle", [("name", "Normal"), ("xfId", "0"), ("builtinId", "0")]); w.close()
        w.close()
        return Array(w.text.utf8)
    }
}
