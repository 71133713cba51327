/// Writes members of an OSCAL document (observations, findings, evidence resources)
/// straight into the bytes of OSCAL JSON or OSCAL XML, with exactly the bytes an
/// ``OSCALNode`` of the same content renders to, without building the node.
///
/// A large assessment has one observation and one finding per assessed cell: building a
/// tree of nodes for each (arrays of children and flags, boxed enum payloads) and then
/// walking it cost more than writing the bytes. The calls mirror the node constructors:
/// ``begin(_:group:)``, then the flags (``flag(_:_:)``), then the children, then ``end()``.
/// In JSON, consecutive children with the same group become one array under that name, as
/// ``OSCALNode/renderJSON(emit:)`` does; in XML an assembly without children is
/// self-closing, as ``OSCALNode/renderXML(emit:)`` writes it.
struct OSCALStream {
    /// True: OSCAL XML into ``xml``; false: OSCAL JSON into ``json``.
    let isXML: Bool
    var json: JSONWriter
    var xml: [UInt8]
    /// JSON: per open assembly, the group whose array is open in it (nil: none).
    private var openGroups: [String?] = []
    /// XML: the names of the open elements.
    private var names: [String] = []
    /// XML: the last start tag is not yet closed by `>` (its element may have no children).
    private var pending = false

    /// A stream into `json` (members of the array the writer has open).
    init(json: JSONWriter) { isXML = false; self.json = json; xml = [] }
    /// A stream appending to `xml`.
    init(xml: [UInt8]) { isXML = true; json = JSONWriter(); self.xml = xml }

    // MARK: Assemblies

    /// Opens an assembly (an object, an element); its flags and children follow.
    mutating func begin(_ name: String, group: String? = nil) {
        if isXML {
            closeStartTag()
            xml.append(UInt8(ascii: "<"))
            xml.append(contentsOf: name.utf8)
            names.append(name)
            pending = true
        } else {
            position(name, group)
            json.beginObject()
            openGroups.append(nil)
        }
    }

    /// A flag of the assembly just begun (an attribute, a member).
    mutating func flag(_ name: String, _ value: String) {
        if isXML {
            xml.append(UInt8(ascii: " "))
            xml.append(contentsOf: name.utf8)
            xml.append(contentsOf: "=\"".utf8)
            XMLWriter.appendEscaped(value, attribute: true, to: &xml)
            xml.append(UInt8(ascii: "\""))
        } else {
            json.field(name, value)
        }
    }

    /// Closes the innermost assembly.
    mutating func end() {
        if isXML {
            let name = names.removeLast()
            if pending {
                xml.append(contentsOf: "/>".utf8)
                pending = false
            } else {
                xml.append(contentsOf: "</".utf8)
                xml.append(contentsOf: name.utf8)
                xml.append(UInt8(ascii: ">"))
            }
        } else {
            if openGroups.removeLast() != nil { json.endArray() }
            json.endObject()
        }
    }

    // MARK: Fields

    /// A field of plain text (``OSCALNode/field(_:group:_:)``).
    mutating func field(_ name: String, group: String? = nil, _ text: String) {
        if isXML {
            element(name) { XMLWriter.appendEscaped(text, attribute: false, to: &$0) }
        } else {
            position(name, group)
            json.string(text)
        }
    }

    /// A `markup-multiline` field of one paragraph (``OSCALNode/markup(_:_:)-(_,String)``):
    /// an empty text is no paragraph.
    mutating func markup(_ name: String, _ paragraph: String) {
        if isXML {
            element(name) { out in
                guard !paragraph.isEmpty else { return }
                out.append(contentsOf: "<p>".utf8)
                XMLWriter.appendEscaped(paragraph, attribute: false, to: &out)
                out.append(contentsOf: "</p>".utf8)
            }
        } else {
            position(name, nil)
            json.string(paragraph)
        }
    }

    /// `<prop name= ns= value=/>` (``OSCALNode/prop(_:_:ns:)``).
    mutating func prop(_ name: String, _ value: String, ns: String? = OSCALNode.crosswalkNS) {
        begin("prop", group: "props")
        flag("name", name)
        if let ns { flag("ns", ns) }
        flag("value", value)
        end()
    }

    // MARK: Layout

    /// XML: `>` after the start tag of the element that now gets a child.
    private mutating func closeStartTag() {
        if pending { xml.append(UInt8(ascii: ">")); pending = false }
    }

    /// XML: `<name>`, the content, `</name>`.
    private mutating func element(_ name: String, _ content: (inout [UInt8]) -> Void) {
        closeStartTag()
        xml.append(UInt8(ascii: "<"))
        xml.append(contentsOf: name.utf8)
        xml.append(UInt8(ascii: ">"))
        content(&xml)
        xml.append(contentsOf: "</".utf8)
        xml.append(contentsOf: name.utf8)
        xml.append(UInt8(ascii: ">"))
    }

    /// JSON: where the next child goes. A member of a group continues the group's open
    /// array or opens it (closing another); a child without a group closes any open array
    /// and is written under its name. At the outermost level the value is the next member
    /// of the array the writer has open.
    private mutating func position(_ name: String, _ group: String?) {
        guard let open = openGroups.last else { return }
        if let group {
            if open == group { return }
            if open != nil { json.endArray() }
            json.key(group)
            json.beginArray()
            openGroups[openGroups.count - 1] = group
        } else {
            if open != nil { json.endArray(); openGroups[openGroups.count - 1] = nil }
            json.key(name)
        }
    }
}
