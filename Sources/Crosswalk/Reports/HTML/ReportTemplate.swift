import Mustache

extension CrosswalkError.Code {
    /// A `--template` file that is not valid Mustache.
    public static let templateSyntax: CrosswalkError.Code = "template-syntax"
}

/// The Mustache template `report.html` is rendered from: the bundled one, or a
/// consultancy's own (logo, colours, client name, wording). Variables: `Docs/Reports.md`.
///
/// Every `{{name}}` is HTML-escaped; only the `*_svg` and `default_css` variables, made by
/// Crosswalk, are meant for triple braces (`{{{readiness_svg}}}`).
public struct ReportTemplate: Sendable {
    let template: MustacheTemplate
    /// Where the template came from (`(bundled)` for the standard one).
    public let source: String

    /// The bundled template.
    public static let standard: ReportTemplate = {
        do throws(CrosswalkError) { return try ReportTemplate(DefaultTemplate.text, file: "(bundled)") } catch { preconditionFailure("the bundled template does not parse: \(error)") }
    }()

    /// The largest template accepted (bytes).
    public static let maxBytes = 4 << 20

    /// Parses a template file's bytes (UTF-8, at most ``maxBytes``).
    /// - Throws: ``CrosswalkError`` `template-syntax`, also for bytes that are not UTF-8 or too many.
    public init(_ input: InputFile) throws(CrosswalkError) {
        guard input.bytes.count <= Self.maxBytes else {
            throw CrosswalkError(.templateSyntax, "the template is larger than \(Self.maxBytes >> 20) MiB; keep the template small and let it use the variables", at: SourceLocation(file: input.path))
        }
        guard let text = String(validating: input.bytes, as: UTF8.self) else {
            throw CrosswalkError(.templateSyntax, "the template is not UTF-8; save it as UTF-8", at: SourceLocation(file: input.path, line: 1))
        }
        try self.init(text, file: input.path)
    }

    /// Parses `text`, read from `file` (for error locations).
    /// - Throws: ``CrosswalkError`` with code `template-syntax`, located at the line and
    ///   column where the parser stopped.
    public init(_ text: String, file: String) throws(CrosswalkError) {
        do {
            template = try MustacheTemplate(string: text)
        } catch let e as MustacheTemplate.ParserError {
            let line = e.context.line.trimmingCharacters(in: " \t")
            throw CrosswalkError(.templateSyntax, "template syntax error (\(Self.describe(e.error)))\(line.isEmpty ? " at the end of the template" : " in '\(line)'"); close every {{#section}} with {{/section}} of the same name and every tag with }}",
                                 at: SourceLocation(file: file, line: e.context.lineNumber, column: e.context.columnNumber))
        } catch {
            throw CrosswalkError(.templateSyntax, "template syntax error (\(error)); check the Mustache tags", at: SourceLocation(file: file))
        }
        source = file
    }

    private static func describe(_ e: Error) -> String {
        guard let m = e as? MustacheTemplate.Error else { return "\(e)" }
        switch m {
        case .sectionCloseNameIncorrect: return "a section is closed with another name"
        case .unfinishedName: return "a tag is not finished"
        case .expectedSectionEnd: return "a section is not closed"
        case .invalidSetDelimiter: return "bad set-delimiter tag"
        case .transformAppliedToInheritanceSection, .illegalTokenInsideInheritSection, .textInsideInheritSection: return "bad inheritance section"
        case .invalidConfigVariableSyntax, .unrecognisedConfigVariable: return "bad configuration tag"
        @unknown default: return "\(m)"
        }
    }

    func render(_ variables: [String: Any]) -> String { template.render(variables) }
}

private extension String {
    func trimmingCharacters(in set: String) -> String {
        var s = Substring(self)
        while let f = s.first, set.contains(f) { s.removeFirst() }
        while let l = s.last, set.contains(l) { s.removeLast() }
        return String(s.prefix(120))
    }
}
