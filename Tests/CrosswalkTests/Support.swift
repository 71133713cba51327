import Foundation
@testable import Crosswalk

/// Paths in the repository, found from this file's location.
enum Repo {
    static let root: URL = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static func path(_ relative: String) -> String { root.appendingPathComponent(relative).path }
    static func bytes(_ relative: String) throws -> [UInt8] { try InputFile.read(path(relative)).bytes }
    static func text(_ relative: String) throws -> String { String(decoding: try bytes(relative), as: UTF8.self) }
}

/// The bundled data, loaded once for all tests.
enum Shared {
    static let dataset: Dataset = {
        do { return try Dataset.load() } catch { fatalError("bundled data failed to load:\n\(error)") }
    }()
}

func loadCatalog(_ relative: String) throws -> Catalog {
    try CatalogLoader.load(Repo.bytes(relative), file: relative).catalog
}

/// Expects `body` to throw a CrosswalkError and returns it.
func expectCrosswalkError(_ body: () throws -> Void) -> CrosswalkError? {
    do { try body() } catch let e as CrosswalkError { return e } catch { return nil }
    return nil
}
