import Foundation

/// Assembles worksheets into an `.xlsx` package (Office Open XML SpreadsheetML), part by
/// part, in a fixed order with fixed timestamps: the same sheets give the same bytes.
struct Workbook {
    private var zip: ZipWriter
    private var names: [String] = []
    private var filters: [String?] = []

    /// Begins the package; `emit` receives its bytes in order.
    init(emit: @escaping ([UInt8]) -> Void) {
        zip = ZipWriter(emit: emit)
    }

    /// A sheet name Excel accepts: at most 31 characters, none of `[]:*?/\`, not starting
    /// or ending with an apostrophe, not `History`, and unique in the workbook (case-insensitively).
    static func sheetName(_ wanted: String, taken: [String]) -> String {
        var s = String(reportText(wanted).map { "[]:*?/\\".contains($0) ? "_" : $0 })
        while s.hasPrefix("'") { s.removeFirst() }
        while s.hasSuffix("'") { s.removeLast() }
        if s.isEmpty || s.lowercased() == "history" { s = "Sheet" + s }
        s = String(s.prefix(31))
        var candidate = s, n = 2
        while taken.contains(where: { $0.lowercased() == candidate.lowercased() }) {
            let suffix = " (\(n))"
            candidate = String(s.prefix(31 - suffix.count)) + suffix
            n += 1
        }
        return candidate
    }

    /// Adds `sheet` (its part is written now; its name is made valid and unique).
    mutating func add(_ sheet: Sheet) {
        var sheet = sheet
        let name = Self.sheetName(sheet.name, taken: names)
        names.append(name)
        let part = sheet.finish()
        filters.append(sheet.autoFilterRef)
        zip.add("xl/worksheets/sheet\(names.count).xml", part)
    }

    /// Writes the workbook, relationship, style and content-type parts and the directory.
    mutating func finish() {
        var wb = XMLWriter()
        wb.open("workbook", [("xmlns", "http://schemas.openxmlformats.org/spreadsheetml/2006/main"),
                             ("xmlns:r", "http://schemas.openxmlformats.org/officeDocument/2006/relationships")])
        wb.open("bookViews"); wb.empty("workbookView", [("activeTab", "0")]); wb.close()
        wb.open("sheets")
        for (i, n) in names.enumerated() { wb.empty("sheet", [("name", n), ("sheetId", String(i + 1)), ("r:id", "rId\(i + 1)")]) }
        wb.close()
        if filters.contains(where: { $0 != nil }) {
            wb.open("definedNames")
            for (i, f) in filters.enumerated() {
                guard let f else { continue }
                let quoted = "'" + names[i].replacingOccurrences(of: "'", with: "''") + "'"
                let abs = f.split(separator: ":").map { part -> String in
                    let col = part.prefix(while: \.isLetter), row = part.drop(while: \.isLetter)
                    return "$\(col)$\(row)"
                }.joined(separator: ":")
                wb.leaf("definedName", "\(quoted)!\(abs)", [("name", "_xlnm._FilterDatabase"), ("localSheetId", String(i)), ("hidden", "1")])
            }
            wb.close()
        }
        wb.close()
        zip.add("xl/workbook.xml", Array(wb.text.utf8))

        var rels = XMLWriter()
        rels.open("Relationships", [("xmlns", "http://schemas.openxmlformats.org/package/2006/relationships")])
        for i in names.indices {
            rels.empty("Relationship", [("Id", "rId\(i + 1)"), ("Type", "http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet"),
                                        ("Target", "worksheets/sheet\(i + 1).xml")])
        }
        rels.empty("Relationship", [("Id", "rId\(names.count + 1)"), ("Type", "http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles"),
                                    ("Target", "styles.xml")])
        rels.close()
        zip.add("xl/_rels/workbook.xml.rels", Array(rels.text.utf8))
        zip.add("xl/styles.xml", WorkbookStyle.stylesPart())

        var root = XMLWriter()
        root.open("Relationships", [("xmlns", "http://schemas.openxmlformats.org/package/2006/relationships")])
        root.empty("Relationship", [("Id", "rId1"), ("Type", "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"),
                                    ("Target", "xl/workbook.xml")])
        root.close()
        zip.add("_rels/.rels", Array(root.text.utf8))

        var types = XMLWriter()
        types.open("Types", [("xmlns", "http://schemas.openxmlformats.org/package/2006/content-types")])
        types.empty("Default", [("Extension", "rels"), ("ContentType", "application/vnd.openxmlformats-package.relationships+xml")])
        types.empty("Default", [("Extension", "xml"), ("ContentType", "application/xml")])
        types.empty("Override", [("PartName", "/xl/workbook.xml"), ("ContentType", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml")])
        types.empty("Override", [("PartName", "/xl/styles.xml"), ("ContentType", "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml")])
        for i in names.indices {
            types.empty("Override", [("PartName", "/xl/worksheets/sheet\(i + 1).xml"), ("ContentType", "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml")])
        }
        types.close()
        zip.add("[Content_Types].xml", Array(types.text.utf8))
        zip.finish()
    }
}
