/// One value of a worksheet cell, with its type: text is always stored as an inline
/// string, so nothing a field holds can run as a formula.
enum SheetValue {
    case text(String)
    case integer(Int)
    case decimal(Double)
    /// 0…1, shown as a percentage and coloured by readiness.
    case percent(Double)
    case date(CalendarDate)
    /// A status word, filled with its colour.
    case status(CellStatus)
    case empty
    /// Bold text (titles and sub-headers inside the Summary sheet).
    case heading(String)

    init(_ date: CalendarDate?) { self = date.map(SheetValue.date) ?? .empty }
    init(_ text: String) { self = .text(text) }
}

/// A worksheet being built: a header row (bold, frozen, with an autofilter over the table),
/// column widths, rows of typed values, and optional drop-down lists. Rows are compressed
/// as they come (about 1 MiB of XML at a time), so a large sheet is held deflated.
struct Sheet {
    /// Excel's largest number of rows on a sheet.
    static let maxRows = 1_048_576
    /// Excel's largest number of characters (UTF-16 units) in a cell.
    static let maxCellCharacters = 32_767

    var name: String
    var header: [String]
    private(set) var rowCount = 0
    /// Rows refused because the sheet was full (stated in its last row).
    private(set) var droppedRows = 0
    /// A list of allowed values for a column, from row 2 to the last row.
    var validations: [(column: Int, values: [String])] = []
    /// Where the table with the autofilter starts (1-based row of its header); nil: none.
    var filterHeaderRow: Int? = 1
    /// Rows written and not yet handed to the compressor (SpreadsheetML, escaped by ``XMLWriter/appendEscaped(_:to:)``).
    private var rows: [UInt8] = []
    private let part = Deflater()

    init(name: String, columns: [(String, Double)]) {
        self.name = name
        header = columns.map(\.0)
        var w = XMLWriter(indented: false)
        w.open("worksheet", [("xmlns", "http://schemas.openxmlformats.org/spreadsheetml/2006/main"),
                             ("xmlns:r", "http://schemas.openxmlformats.org/officeDocument/2006/relationships")])
        w.open("sheetViews")
        w.open("sheetView", [("workbookViewId", "0")])
        w.empty("pane", [("ySplit", "1"), ("topLeftCell", "A2"), ("activePane", "bottomLeft"), ("state", "frozen")])
        w.empty("selection", [("pane", "bottomLeft"), ("activeCell", "A2"), ("sqref", "A2")])
        w.close()
        w.close()
        w.open("cols")
        for (i, width) in columns.map(\.1).enumerated() {
            w.empty("col", [("min", String(i + 1)), ("max", String(i + 1)), ("width", formatNumber(width)), ("customWidth", "1")])
        }
        w.close()
        w.open("sheetData")
        part.write(Array(w.takeText().utf8))
        if !header.isEmpty { row(header.map(SheetValue.heading)) }
    }

    /// Appends a row; past Excel's row limit the row is counted, not written, and the
    /// sheet's last row says how many were left out.
    mutating func row(_ values: [SheetValue]) {
        guard rowCount < Self.maxRows - 1 else { droppedRows += 1; return }
        writeRow(values)
    }

    private mutating func writeRow(_ values: [SheetValue]) {
        rowCount += 1
        let r = Array(String(rowCount).utf8)
        rows.append(contentsOf: "<row r=\"".utf8); rows.append(contentsOf: r); rows.append(contentsOf: "\">".utf8)
        for (i, v) in values.enumerated() {
            switch v {
            case .empty: continue
            // An empty text is an empty cell.
            case let .text(s): if !s.isEmpty { inline(i, r, s, style: .plain) }
            case let .heading(s): if !s.isEmpty { inline(i, r, s, style: .header) }
            case let .status(st): inline(i, r, StatusStyle(st).code, style: .status(st))
            case let .integer(n): number(i, r, String(n), style: .integer)
            case let .decimal(d): number(i, r, formatNumber(d), style: .decimal)
            case let .percent(p): number(i, r, formatNumber(p), style: .percent(p))
            case let .date(d):
                // Serial dates before 1900-03-01 meet Excel's 1900 leap-year bug: such dates are written as text.
                if let serial = Self.serial(d) { number(i, r, String(serial), style: .date) }
                else { inline(i, r, d.description, style: .plain) }
            }
        }
        rows.append(contentsOf: "</row>".utf8)
        if rows.count >= 1 << 20 { part.write(rows); rows.removeAll(keepingCapacity: true) }
    }

    /// `<c r="` + column letters, for the first columns (computed once).
    private static let cellOpenings: [[UInt8]] = (0..<64).map { Array("<c r=\"\(column($0))".utf8) }
    /// `" s="N"` for each style index (computed once).
    private static let styleAttributes: [[UInt8]] = (0..<64).map { $0 == 0 ? Array("\"".utf8) : Array("\" s=\"\($0)\"".utf8) }

    /// `<c r="B7" s="3"` (without the closing `>`).
    private mutating func cellStart(_ column: Int, _ row: [UInt8], style: WorkbookStyle) {
        if column < Self.cellOpenings.count { rows.append(contentsOf: Self.cellOpenings[column]) } else { rows.append(contentsOf: "<c r=\"\(Self.column(column))".utf8) }
        rows.append(contentsOf: row)
        let index = style.index
        if index < Self.styleAttributes.count { rows.append(contentsOf: Self.styleAttributes[index]) } else { rows.append(contentsOf: "\" s=\"\(index)\"".utf8) }
    }

    private mutating func number(_ column: Int, _ row: [UInt8], _ value: String, style: WorkbookStyle) {
        cellStart(column, row, style: style)
        rows.append(contentsOf: "><v>".utf8); rows.append(contentsOf: value.utf8); rows.append(contentsOf: "</v></c>".utf8)
    }

    /// A text cell: an inline string, never a formula.
    private mutating func inline(_ column: Int, _ row: [UInt8], _ s: String, style: WorkbookStyle) {
        cellStart(column, row, style: style)
        rows.append(contentsOf: " t=\"inlineStr\"><is><t xml:space=\"preserve\">".utf8)
        XMLWriter.appendEscaped(Self.fit(s), to: &rows)
        rows.append(contentsOf: "</t></is></c>".utf8)
    }

    /// `s` within Excel's cell limit: a longer text is cut and ends with a visible marker.
    /// (Characters XML cannot carry are dropped when the text is written.)
    static func fit(_ s: String) -> String {
        // UTF-8 never counts fewer units than UTF-16: most texts are decided here, without decoding.
        guard s.utf8.count > maxCellCharacters, s.utf16.count > maxCellCharacters else { return s }
        let s = reportText(s)
        guard s.utf16.count > maxCellCharacters else { return s }
        let marker = " … [truncated by Crosswalk: \(s.count) characters in all; the full text is in the CSV and JSON reports]"
        var out = ""
        var units = 0
        let budget = maxCellCharacters - marker.utf16.count
        for ch in s {
            let n = ch.utf16.count
            if units + n > budget { break }
            out.append(ch)
            units += n
        }
        return out + marker
    }

    /// Days since 1899-12-30 (Excel's 1900 date system), for dates from 1900-03-01.
    static func serial(_ d: CalendarDate) -> Int? {
        d < CalendarDate(year: 1900, month: 3, day: 1)! ? nil : d.daysSinceEpoch + 25569
    }

    /// `A`, `B`, … `Z`, `AA`, … for a 0-based column.
    static func column(_ i: Int) -> String {
        var n = i + 1, s = ""
        while n > 0 { let r = (n - 1) % 26; s = String(UnicodeScalar(UInt8(65 + r))) + s; n = (n - 1) / 26 }
        return s
    }

    /// Ends the worksheet part and returns it, deflated.
    mutating func finish() -> Deflater {
        if droppedRows > 0 {
            writeRow([.text("… \(droppedRows) more rows not shown: Excel holds \(Self.maxRows) rows a sheet; every row is in the CSV and JSON reports")])
        }
        // <sheetData> was opened by init, in the part's first piece.
        rows.append(contentsOf: "</sheetData>".utf8)
        part.write(rows)
        rows = []
        var xml = XMLWriter(indented: false, declaration: false)
        if let filter = autoFilterRef { xml.empty("autoFilter", [("ref", filter)]) }
        if !validations.isEmpty && rowCount > 1 {
            xml.open("dataValidations", [("count", String(validations.count))])
            for v in validations {
                let col = Self.column(v.column)
                xml.open("dataValidation", [("type", "list"), ("allowBlank", "1"), ("showErrorMessage", "1"), ("sqref", "\(col)2:\(col)\(rowCount)")])
                xml.leaf("formula1", "\"" + v.values.joined(separator: ",") + "\"")
                xml.close()
            }
            xml.close()
        }
        xml.empty("pageMargins", [("left", "0.5"), ("right", "0.5"), ("top", "0.75"), ("bottom", "0.75"), ("header", "0.3"), ("footer", "0.3")])
        xml.empty("pageSetup", [("paperSize", "9"), ("orientation", "landscape")])
        part.write(Array((xml.takeText() + "</worksheet>").utf8))
        part.finish()
        return part
    }

    /// The range of the autofilter: the header row through the last row.
    var autoFilterRef: String? {
        guard let h = filterHeaderRow, rowCount >= h, !header.isEmpty else { return nil }
        return "A\(h):\(Self.column(header.count - 1))\(rowCount)"
    }
}

/// A number as SpreadsheetML writes it: shortest round-trip digits, no exponent for the
/// values a report holds, no locale.
func formatNumber(_ d: Double) -> String {
    if d == d.rounded(), abs(d) < 1e15 { return String(Int(d)) }
    return "\(d)"
}
