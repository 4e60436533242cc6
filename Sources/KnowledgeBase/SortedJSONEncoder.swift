import Foundation

/// Writes any `Encodable` as one line of JSON, byte for byte as Foundation's `JSONEncoder` with
/// `[.sortedKeys, .withoutEscapingSlashes]` does, in about half the time: the ingest encodes every document's
/// extraction, and Foundation's encoder (a tree of boxed values, several type checks per value) was most of the
/// cost of preparing a document for the writer.
///
/// What it writes: object keys in UTF-8 byte order; strings with `"`, `\` and control characters escaped (`\b`,
/// `\t`, `\n`, `\f`, `\r`, else `\u00XX` in lowercase hex), everything else as is; numbers as Swift prints them,
/// without a trailing `.0`. Infinite and NaN values are an error, as in Foundation. `Data` is written in base 64,
/// a `URL` as its absolute string and a `Decimal` as a number, as by Foundation's default strategies (a `Date`
/// writes itself as a number either way). A nested value that encodes nothing is `{}`, a container asked for
/// twice under one key is filled further, and a key written twice keeps its last value, as there. Keys are told
/// apart by their bytes, not by Unicode equivalence.
struct SortedJSONEncoder {
    func encode<T: Encodable>(_ value: T) throws -> String {
        let root = try JSONTree.value(of: value, at: CodingPath([]))
        var out: [UInt8] = []
        out.reserveCapacity(16_384)
        root.write(to: &out)
        return String(decoding: out, as: UTF8.self)
    }
}

/// A value being encoded; objects and arrays are classes so that nested containers can keep filling them.
private enum JSONTree {
    case null
    case bool(Bool)
    case string(String)
    case number(String)
    case object(ObjectNode)
    case array(ArrayNode)
    /// What a super encoder was given (an empty object when nothing).
    case deferred(TreeEncoder)

    static func value<T: Encodable>(of value: T, at path: CodingPath) throws -> JSONTree {
        // The common leaves, and the types Foundation's default strategies treat apart, skip an encoder of their own.
        if let leaf = value as? any JSONLeaf { return try leaf.tree(at: path) }
        let encoder = TreeEncoder(codingPath: path.keys)
        try value.encode(to: encoder)
        guard let result = encoder.result else {
            // Only the top-level value must encode something; a nested one that does not is an empty object.
            guard path.parent.isEmpty && path.key == nil else { return .object(ObjectNode()) }
            throw EncodingError.invalidValue(value, .init(codingPath: path.keys, debugDescription: "\(T.self) did not encode any value."))
        }
        return result
    }

    var objectNode: ObjectNode? {
        if case .object(let node) = self { node } else { nil }
    }

    var arrayNode: ArrayNode? {
        if case .array(let node) = self { node } else { nil }
    }

    /// The object `existing` is, filled further (a container asked for twice), or a new one handed to `store`.
    static func objectNode(reusing existing: JSONTree?, store: (JSONTree) -> Void) -> ObjectNode {
        if let node = existing?.objectNode { return node }
        let node = ObjectNode()
        store(.object(node))
        return node
    }

    /// The array `existing` is, or a new one handed to `store`.
    static func arrayNode(reusing existing: JSONTree?, store: (JSONTree) -> Void) -> ArrayNode {
        if let node = existing?.arrayNode { return node }
        let node = ArrayNode()
        store(.array(node))
        return node
    }

    /// A `Double` or `Float` as Swift prints it, without a trailing `.0`.
    static func number<F: BinaryFloatingPoint & CustomStringConvertible>(_ value: F, at path: CodingPath) throws -> JSONTree {
        guard value.isFinite else {
            throw EncodingError.invalidValue(value, .init(codingPath: path.keys, debugDescription: "Unable to encode \(value) directly in JSON."))
        }
        var text = value.description
        if text.hasSuffix(".0") { text.removeLast(2) }
        return .number(text)
    }

    func write(to out: inout [UInt8]) {
        switch self {
        case .null: out.append(contentsOf: "null".utf8)
        case .bool(let b): out.append(contentsOf: (b ? "true" : "false").utf8)
        case .number(let text): out.append(contentsOf: text.utf8)
        case .string(let s): Self.write(string: s, to: &out)
        case .deferred(let encoder): (encoder.result ?? .object(ObjectNode())).write(to: &out)
        case .array(let node):
            out.append(UInt8(ascii: "["))
            for (k, element) in node.elements.enumerated() {
                if k > 0 { out.append(UInt8(ascii: ",")) }
                element.write(to: &out)
            }
            out.append(UInt8(ascii: "]"))
        case .object(let node):
            out.append(UInt8(ascii: "{"))
            // Keys in byte order, as Foundation sorts them; a key written twice keeps its last value, as there.
            // The sort must be stable, which keeps the last of equal keys last: an insertion sort for the small
            // objects of the extraction, a sort by (key, position) for large ones (a dictionary's).
            // The tree is written once: its members are taken, so the sort does not copy them.
            var members = node.members
            node.members = []
            if members.count <= 16 {
                for i in members.indices.dropFirst() {
                    var j = i
                    while j > 0, members[j].key.utf8.lexicographicallyPrecedes(members[j - 1].key.utf8) {
                        members.swapAt(j, j - 1)
                        j -= 1
                    }
                }
            } else {
                members = members.enumerated().sorted { a, b in
                    a.element.key == b.element.key ? a.offset < b.offset : a.element.key.utf8.lexicographicallyPrecedes(b.element.key.utf8)
                }.map(\.element)
            }
            var first = true
            for (k, member) in members.enumerated() where k + 1 == members.count || members[k + 1].key != member.key {
                if !first { out.append(UInt8(ascii: ",")) }
                first = false
                Self.write(string: member.key, to: &out)
                out.append(UInt8(ascii: ":"))
                member.value.write(to: &out)
            }
            out.append(UInt8(ascii: "}"))
        }
    }

    static func write(string: String, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        // Most strings need no escape: their bytes go in at once.
        guard string.utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) else {
            out.append(contentsOf: string.utf8)
            out.append(UInt8(ascii: "\""))
            return
        }
        for byte in string.utf8 {
            switch byte {
            case UInt8(ascii: "\""): out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\"")])
            case UInt8(ascii: "\\"): out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\\")])
            case 0x08: out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "b")])
            case 0x09: out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "t")])
            case 0x0A: out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "n")])
            case 0x0C: out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "f")])
            case 0x0D: out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "r")])
            case 0..<0x20:
                let hex = Array("0123456789abcdef".utf8)
                out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"),
                                        hex[Int(byte >> 4)], hex[Int(byte & 0xF)]])
            default: out.append(byte)
            }
        }
        out.append(UInt8(ascii: "\""))
    }
}

/// A value written without an encoder of its own: the common leaves of the extraction, and the types Foundation's
/// default strategies write apart (`Data` in base 64, a `URL` as its absolute string, a `Decimal` as a number).
private protocol JSONLeaf {
    func tree(at path: CodingPath) throws -> JSONTree
}

extension String: JSONLeaf {
    fileprivate func tree(at path: CodingPath) -> JSONTree { .string(self) }
}

extension Int: JSONLeaf {
    fileprivate func tree(at path: CodingPath) -> JSONTree { .number(String(self)) }
}

extension Double: JSONLeaf {
    fileprivate func tree(at path: CodingPath) throws -> JSONTree { try JSONTree.number(self, at: path) }
}

extension Data: JSONLeaf {
    fileprivate func tree(at path: CodingPath) -> JSONTree { .string(base64EncodedString()) }
}

extension URL: JSONLeaf {
    fileprivate func tree(at path: CodingPath) -> JSONTree { .string(absoluteString) }
}

extension Decimal: JSONLeaf {
    fileprivate func tree(at path: CodingPath) -> JSONTree { .number(description) }
}

extension Optional: JSONLeaf where Wrapped: JSONLeaf {
    fileprivate func tree(at path: CodingPath) throws -> JSONTree { try self?.tree(at: path) ?? .null }
}

/// Where a value is, built into a coding path only when an error or a nested encoder needs one.
private struct CodingPath {
    let parent: [any CodingKey]
    let key: (any CodingKey)?

    init(_ parent: [any CodingKey], _ key: (any CodingKey)? = nil) {
        self.parent = parent
        self.key = key
    }

    var keys: [any CodingKey] { key.map { parent + [$0] } ?? parent }
}

// Room reserved up front: the extraction's objects have up to eleven keys, its arrays are mostly spans of two.
private final class ObjectNode {
    var members: [(key: String, value: JSONTree)]

    init() {
        members = []
        members.reserveCapacity(12)
    }
}

private final class ArrayNode {
    var elements: [JSONTree]

    init() {
        elements = []
        elements.reserveCapacity(4)
    }
}

/// Where an encoder's value goes: set once by a single-value container, or an object or array that containers fill.
private final class TreeEncoder: Encoder {
    let codingPath: [any CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }
    var result: JSONTree?

    init(codingPath: [any CodingKey]) {
        self.codingPath = codingPath
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        let node = JSONTree.objectNode(reusing: result) { result = $0 }
        return KeyedEncodingContainer(KeyedContainer<Key>(node: node, codingPath: codingPath))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        UnkeyedContainer(node: JSONTree.arrayNode(reusing: result) { result = $0 }, codingPath: codingPath)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer { SingleValueContainer(encoder: self) }
}

/// A coding key for array positions in coding paths (errors name them).
private struct IndexKey: CodingKey {
    var intValue: Int?
    var stringValue: String { "Index \(intValue ?? 0)" }
    init(_ index: Int) { intValue = index }
    init?(stringValue: String) { nil }
    init?(intValue: Int) { self.intValue = intValue }
}

private struct KeyedContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let node: ObjectNode
    let codingPath: [any CodingKey]

    private func put(_ value: JSONTree, _ key: Key) { node.members.append((key.stringValue, value)) }

    mutating func encodeNil(forKey key: Key) throws { put(.null, key) }
    mutating func encode(_ value: Bool, forKey key: Key) throws { put(.bool(value), key) }
    mutating func encode(_ value: String, forKey key: Key) throws { put(.string(value), key) }
    mutating func encode(_ value: Double, forKey key: Key) throws { put(try JSONTree.number(value, at: CodingPath(codingPath, key)), key) }
    mutating func encode(_ value: Float, forKey key: Key) throws { put(try JSONTree.number(value, at: CodingPath(codingPath, key)), key) }
    mutating func encode(_ value: Int, forKey key: Key) throws { put(.number(String(value)), key) }
    mutating func encode(_ value: Int8, forKey key: Key) throws { put(.number(String(value)), key) }
    mutating func encode(_ value: Int16, forKey key: Key) throws { put(.number(String(value)), key) }
    mutating func encode(_ value: Int32, forKey key: Key) throws { put(.number(String(value)), key) }
    mutating func encode(_ value: Int64, forKey key: Key) throws { put(.number(String(value)), key) }
    mutating func encode(_ value: UInt, forKey key: Key) throws { put(.number(String(value)), key) }
    mutating func encode(_ value: UInt8, forKey key: Key) throws { put(.number(String(value)), key) }
    mutating func encode(_ value: UInt16, forKey key: Key) throws { put(.number(String(value)), key) }
    mutating func encode(_ value: UInt32, forKey key: Key) throws { put(.number(String(value)), key) }
    mutating func encode(_ value: UInt64, forKey key: Key) throws { put(.number(String(value)), key) }
    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        put(try JSONTree.value(of: value, at: CodingPath(codingPath, key)), key)
    }

    /// The value last written under `key`.
    private func member(_ key: Key) -> JSONTree? {
        node.members.last { $0.key == key.stringValue }?.value
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
        let nested = JSONTree.objectNode(reusing: member(key)) { put($0, key) }
        return KeyedEncodingContainer(KeyedContainer<NestedKey>(node: nested, codingPath: codingPath + [key]))
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        UnkeyedContainer(node: JSONTree.arrayNode(reusing: member(key)) { put($0, key) }, codingPath: codingPath + [key])
    }

    mutating func superEncoder() -> any Encoder { superEncoder(key: "super") }
    mutating func superEncoder(forKey key: Key) -> any Encoder { superEncoder(key: key.stringValue) }

    private func superEncoder(key: String) -> any Encoder {
        let encoder = TreeEncoder(codingPath: codingPath)
        node.members.append((key, .deferred(encoder)))
        return encoder
    }
}

/// The value-writing half shared by the unkeyed and single-value containers (their requirements have the same
/// signatures): each value becomes a tree and goes to `put`.
private protocol ValueSink {
    func put(_ value: JSONTree)
    /// Where the next value goes, for errors and nested encoders.
    var path: CodingPath { get }
}

extension ValueSink {
    mutating func encodeNil() throws { put(.null) }
    mutating func encode(_ value: Bool) throws { put(.bool(value)) }
    mutating func encode(_ value: String) throws { put(.string(value)) }
    mutating func encode(_ value: Double) throws { put(try JSONTree.number(value, at: path)) }
    mutating func encode(_ value: Float) throws { put(try JSONTree.number(value, at: path)) }
    mutating func encode(_ value: Int) throws { put(.number(String(value))) }
    mutating func encode(_ value: Int8) throws { put(.number(String(value))) }
    mutating func encode(_ value: Int16) throws { put(.number(String(value))) }
    mutating func encode(_ value: Int32) throws { put(.number(String(value))) }
    mutating func encode(_ value: Int64) throws { put(.number(String(value))) }
    mutating func encode(_ value: UInt) throws { put(.number(String(value))) }
    mutating func encode(_ value: UInt8) throws { put(.number(String(value))) }
    mutating func encode(_ value: UInt16) throws { put(.number(String(value))) }
    mutating func encode(_ value: UInt32) throws { put(.number(String(value))) }
    mutating func encode(_ value: UInt64) throws { put(.number(String(value))) }
    mutating func encode<T: Encodable>(_ value: T) throws { put(try JSONTree.value(of: value, at: path)) }
}

private struct UnkeyedContainer: UnkeyedEncodingContainer, ValueSink {
    let node: ArrayNode
    let codingPath: [any CodingKey]
    var count: Int { node.elements.count }

    func put(_ value: JSONTree) { node.elements.append(value) }
    var path: CodingPath { CodingPath(codingPath, IndexKey(count)) }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        let nested = ObjectNode()
        let at = path.keys
        put(.object(nested))
        return KeyedEncodingContainer(KeyedContainer<NestedKey>(node: nested, codingPath: at))
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        let nested = ArrayNode()
        let at = path.keys
        put(.array(nested))
        return UnkeyedContainer(node: nested, codingPath: at)
    }

    mutating func superEncoder() -> any Encoder {
        let encoder = TreeEncoder(codingPath: path.keys)
        put(.deferred(encoder))
        return encoder
    }
}

private struct SingleValueContainer: SingleValueEncodingContainer, ValueSink {
    let encoder: TreeEncoder
    var codingPath: [any CodingKey] { encoder.codingPath }

    func put(_ value: JSONTree) { encoder.result = value }
    var path: CodingPath { CodingPath(codingPath) }
}
