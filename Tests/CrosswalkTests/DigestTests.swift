import Testing
@testable import Crosswalk

/// SHA-256, SHA-1 and name-based UUIDs against FIPS 180-4 examples and values printed by
/// Python's `hashlib` and `uuid` (`python3 -c "import hashlib; print(hashlib.sha256(b'abc').hexdigest())"`).
@Suite("Digests and name-based UUIDs")
struct DigestTests {
    static let sha256Vectors: [([UInt8], String)] = [
        ([], "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        (Array("abc".utf8), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        (Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8), "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"),
        (Array((0..<5).flatMap { _ in (0...255).map { UInt8($0) } }), "d414b085826eb06778483ba35564dc849e643359f69ed9747878ba6e54985bed"),
    ]

    @Test(arguments: sha256Vectors) func sha256(_ input: [UInt8], _ expected: String) {
        #expect(hexString(SHA256.hash(input)) == expected)
        // Fed in uneven pieces, the same digest.
        for piece in [1, 3, 63, 64, 65, 200] {
            var s = SHA256()
            var i = 0
            while i < input.count { let end = min(input.count, i + piece); s.update(input[i..<end]); i = end }
            #expect(hexString(s.finalize()) == expected, "pieces of \(piece)")
        }
    }

    @Test func sha1() {
        #expect(hexString(SHA1.hash(Array("abc".utf8))) == "a9993e364706816aba3e25717850c26c9cd0d89d")
        #expect(hexString(SHA1.hash([])) == "da39a3ee5e6b4b0d3255bfef95601890afd80709")
        #expect(hexString(SHA1.hash(Array((0..<5).flatMap { _ in (0...255).map { UInt8($0) } }))) == "e37a04cb2353309f5cff4ee036cfb91a5e31cefd")
    }

    @Test func uuidV5MatchesPython() {
        // uuid.uuid5(uuid.NAMESPACE_DNS, 'python.org')
        #expect(NameUUID.v5(namespace: "6ba7b810-9dad-11d1-80b4-00c04fd430c8", name: "python.org") == "886313e1-3b8a-5372-9b90-0c9aee199e5d")
        // uuid.uuid5(uuid.NAMESPACE_URL, 'https://github.com/crosswalk/crosswalk')
        #expect(NameUUID.crosswalkNamespace == "ffa647c3-1d6a-550a-8cad-d0ab43e46f3c")
        #expect(NameUUID.v5(namespace: NameUUID.crosswalkNamespace, name: "Northwind\u{1F}observation\u{1F}iso42001:A.7.4\u{1F}CV-SCREEN") == "2452a7b8-7c87-5cd1-9f72-e532694dced2")
    }
}
