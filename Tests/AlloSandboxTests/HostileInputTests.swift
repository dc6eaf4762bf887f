import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One hostile request and what the sandbox must answer. `expectedCode` nil means a success (2xx with `data`).
struct HostileRequest: Sendable, CustomTestStringConvertible {
    let name: String
    let method: String
    /// Sent exactly as written, query included.
    let path: String
    let body: [UInt8]?
    let contentType: String?
    let expectedStatus: Int
    let expectedCode: String?
    /// The `Allow` header a 405 must carry.
    var allow: String? = nil
    /// Bytes URLSession would re-encode (a bare `%zz`) go through a raw socket instead.
    var raw = false

    var testDescription: String { name }

    static func json(_ name: String, _ method: String, _ path: String, _ text: String, _ status: Int, _ code: String?) -> HostileRequest {
        HostileRequest(name: name, method: method, path: path, body: Array(text.utf8), contentType: "application/json",
                       expectedStatus: status, expectedCode: code)
    }

    static func bytes(_ name: String, _ method: String, _ path: String, _ bytes: [UInt8], _ status: Int, _ code: String?) -> HostileRequest {
        HostileRequest(name: name, method: method, path: path, body: bytes, contentType: "application/json",
                       expectedStatus: status, expectedCode: code)
    }

    static func get(_ name: String, _ path: String, _ status: Int, _ code: String?) -> HostileRequest {
        HostileRequest(name: name, method: "GET", path: path, body: nil, contentType: nil, expectedStatus: status, expectedCode: code)
    }
}

enum HostileTable {
    static let contacts = "/v1/api/contacts"
    static let search = "/v2/api/conversations/items/search"
    static let conversations = "/v2/api/conversations?allo_number=%2B14155550100"
    static let sms = "/v1/api/sms"
    static let oneMiB = 1 << 20

    /// A JSON object padded with spaces to exactly `count` bytes.
    static func padded(_ json: String, to count: Int) -> [UInt8] {
        Array(json.utf8) + Array(repeating: UInt8(ascii: " "), count: count - json.utf8.count)
    }

    /// A query string of exactly `bytes` bytes after the `?`.
    static func longQuery(_ base: String, bytes: Int) -> String {
        let prefix = "size=10&pad="
        return base + "?" + prefix + String(repeating: "a", count: bytes - prefix.utf8.count)
    }

    static let rows: [HostileRequest] = [
        // Malformed JSON.
        .json("truncated object (v1)", "POST", contacts, #"{"numbers":["+14155550123""#, 400, "INVALID_REQUEST_BODY"),
        .json("truncated string (v2)", "POST", search, #"{"type":"CA"#, 400, "INVALID_REQUEST_BODY"),
        .json("trailing garbage after the object", "POST", contacts, #"{"numbers":["+14155550123"]} xyz"#, 400, "INVALID_REQUEST_BODY"),
        .json("two top-level objects", "POST", search, #"{"type":"CALL"}{"type":"SMS"}"#, 400, "INVALID_REQUEST_BODY"),
        .json("single quotes", "POST", search, "{'type':'CALL'}", 400, "INVALID_REQUEST_BODY"),
        .json("NaN as a number", "POST", search, #"{"page":NaN}"#, 400, "INVALID_REQUEST_BODY"),
        .json("a trailing comma in an object", "POST", search, #"{"type":"CALL",}"#, 400, "INVALID_REQUEST_BODY"),
        .json("a trailing comma in an array", "POST", contacts, #"{"numbers":["+14155550123",]}"#, 400, "INVALID_REQUEST_BODY"),
        .json("a bare string body", "POST", contacts, #""hello""#, 400, "INVALID_REQUEST_BODY"),
        .json("an array where an object is expected", "POST", search, #"[{"type":"CALL"}]"#, 400, "INVALID_REQUEST_BODY"),
        .bytes("invalid UTF-8 inside a string (v2)", "PUT", "/v2/api/conversations/%2B14155559999/action",
               Array(#"{"action":"RE"#.utf8) + [0xFF, 0xFE] + Array(#"AD"}"#.utf8), 400, "INVALID_REQUEST_BODY"),
        .bytes("invalid UTF-8 inside a string (v1)", "POST", sms,
               Array(#"{"from":"+1415555010"#.utf8) + [0xC3, 0x28] + Array(#"","to":"+14155550123","message":"hi"}"#.utf8),
               400, "INVALID_REQUEST_BODY"),
        .bytes("a UTF-8 byte order mark before the object is ignored", "POST", search,
               [0xEF, 0xBB, 0xBF] + Array(#"{"type":"CALL","size":1}"#.utf8), 200, nil),
        .json("an empty object where numbers are required", "POST", contacts, "{}", 400, "INVALID_REQUEST_BODY"),
        .json("an empty object where url and topics are required", "POST", "/v2/api/webhooks", "{}", 400, "INVALID_REQUEST_BODY"),
        .json("an empty SMS has no sender", "POST", sms, "{}", 400, "FROM_NUMBER_NOT_FOUND"),
        .bytes("no body where one is required", "POST", contacts, [], 400, "INVALID_REQUEST_BODY"),

        // Wrong types.
        .json("a number for a string", "POST", contacts, #"{"numbers":["+14155550123"],"name":42}"#, 400, "INVALID_REQUEST_BODY"),
        .json("a number for the SMS message", "POST", sms, #"{"from":"+14155550100","to":"+14155550123","message":123}"#,
              400, "INVALID_REQUEST_BODY"),
        .json("a string for an array", "POST", contacts, #"{"numbers":"+14155550123"}"#, 400, "INVALID_REQUEST_BODY"),
        .json("an array of numbers for an array of strings (v1)", "POST", contacts, #"{"numbers":[14155550123]}"#,
              400, "INVALID_REQUEST_BODY"),
        .json("an array of numbers for an array of strings (v2)", "POST", "/v2/api/conversations/items/batch", #"{"ids":[1,2]}"#,
              400, "INVALID_REQUEST_BODY"),
        .json("an object for a bool (v2)", "POST", search, #"{"unread":{}}"#, 400, "INVALID_REQUEST_BODY"),
        .json("an object for a bool (v1)", "POST", "/v1/api/webhooks",
              #"{"allo_number":"+14155550100","url":"https://example.com/h","topics":["PING"],"enabled":{"yes":true}}"#,
              400, "INVALID_REQUEST_BODY"),
        .json("a string for an integer", "POST", search, #"{"size":"10"}"#, 400, "INVALID_REQUEST_BODY"),
        .json("a string for an object", "POST", search, #"{"date":"2026-01-01"}"#, 400, "INVALID_REQUEST_BODY"),
        .json("a fractional page", "POST", search, #"{"page":1.5}"#, 400, "INVALID_REQUEST_BODY"),

        // null where an object is required.
        .json("a null body (v1)", "POST", contacts, "null", 400, "INVALID_REQUEST_BODY"),
        .json("a null body (v2)", "POST", search, "null", 400, "INVALID_REQUEST_BODY"),

        // Bodies over 1 MiB, and one of exactly 1 MiB.
        HostileRequest(name: "a body one byte over 1 MiB (v1)", method: "POST", path: contacts,
                       body: padded(#"{"numbers":["+14155550123"]}"#, to: oneMiB + 1), contentType: "application/json",
                       expectedStatus: 413, expectedCode: "PAYLOAD_TOO_LARGE"),
        HostileRequest(name: "a 3 MiB body (v2)", method: "POST", path: search, body: padded("{}", to: 3 * oneMiB),
                       contentType: "application/json", expectedStatus: 413, expectedCode: "PAYLOAD_TOO_LARGE"),
        HostileRequest(name: "a body of exactly 1 MiB is read", method: "POST", path: search,
                       body: padded(#"{"size":1}"#, to: oneMiB), contentType: "application/json", expectedStatus: 200, expectedCode: nil),

        // Deep nesting must not take the process down.
        .bytes("100 000 open brackets", "POST", search, Array(repeating: UInt8(ascii: "["), count: 100_000), 400, "INVALID_REQUEST_BODY"),
        .bytes("100 000 balanced brackets", "POST", contacts,
               Array(repeating: UInt8(ascii: "["), count: 100_000) + Array(repeating: UInt8(ascii: "]"), count: 100_000),
               400, "INVALID_REQUEST_BODY"),
        .json("100 000 nested objects", "POST", search, String(repeating: #"{"a":"#, count: 100_000), 400, "INVALID_REQUEST_BODY"),

        // Page and size.
        .get("a size beyond any integer (v1)", contacts + "?size=999999999999999999999999", 400, "INVALID_PAGE_SIZE"),
        .get("a negative page (v1)", contacts + "?page=-1", 400, "INVALID_PARAMETER"),
        .get("size 0 (v1)", contacts + "?size=0", 400, "INVALID_PAGE_SIZE"),
        .get("a size that is not a number (v1)", contacts + "?size=abc", 400, "INVALID_PAGE_SIZE"),
        .get("a page beyond any integer (v1)", contacts + "?page=999999999999999999999999", 400, "INVALID_PARAMETER"),
        .get("a page past the end is empty (v1)", contacts + "?page=99999", 200, nil),
        .get("page 0 (v2)", conversations + "&page=0", 400, "INVALID_PARAMETER"),
        .get("size 101 (v2)", conversations + "&size=101", 400, "INVALID_PAGE_SIZE"),
        .get("a size beyond any integer (v2)", conversations + "&size=999999999999999999999999", 400, "INVALID_PAGE_SIZE"),
        .json("a size beyond any integer in a search body", "POST", search, #"{"size":999999999999999999999999}"#,
              400, "INVALID_PAGE_SIZE"),

        // Query strings around 8 KiB.
        .get("a query one byte over 8 KiB (v1)", longQuery(contacts, bytes: 8193), 414, "URI_TOO_LONG"),
        .get("a 20 KiB query (v2)", longQuery("/v2/api/me", bytes: 20_000), 414, "URI_TOO_LONG"),
        .get("a query of exactly 8 KiB is fine", longQuery(contacts, bytes: 8192), 200, nil),

        // Percent-encoding.
        .get("a path segment that decodes to invalid UTF-8 (v1)", "/v1/api/contact/%FF", 400, "INVALID_PARAMETER"),
        .get("a query value that decodes to invalid UTF-8 (v1)", contacts + "?size=%FF", 400, "INVALID_PARAMETER"),
        .get("a truncated multi-byte sequence in the query (v2)", conversations + "&size=%E2%82", 400, "INVALID_PARAMETER"),
        HostileRequest(name: "a bare %zz in the path (v2)", method: "GET", path: "/v2/api/users/%zz", body: nil, contentType: nil,
                       expectedStatus: 400, expectedCode: "INVALID_PARAMETER", raw: true),
        HostileRequest(name: "a lone % at the end of the query (v1)", method: "GET", path: contacts + "?size=%", body: nil,
                       contentType: nil, expectedStatus: 400, expectedCode: "INVALID_PARAMETER", raw: true),

        // Unknown paths.
        .get("an unknown v1 path", "/v1/api/nope", 404, "ROUTE_NOT_FOUND"),
        .get("an unknown v2 path", "/v2/api/nope", 404, "ROUTE_NOT_FOUND"),
        .get("an extra segment after a v1 resource", "/v1/api/contact/cnt_x/conversation/more", 404, "ROUTE_NOT_FOUND"),
        .get("an extra segment after a v2 resource", "/v2/api/users/usr-x/more", 404, "ROUTE_NOT_FOUND"),
        .get("the v2 prefix without a trailing slash", "/v2/api", 404, "ROUTE_NOT_FOUND"),

        // Wrong methods.
        HostileRequest(name: "DELETE on the v1 contacts collection", method: "DELETE", path: contacts, body: nil, contentType: nil,
                       expectedStatus: 405, expectedCode: "METHOD_NOT_ALLOWED", allow: "GET, POST"),
        HostileRequest(name: "GET on the v1 SMS endpoint", method: "GET", path: sms, body: nil, contentType: nil,
                       expectedStatus: 405, expectedCode: "METHOD_NOT_ALLOWED", allow: "POST"),
        HostileRequest(name: "PATCH on /v2/api/me", method: "PATCH", path: "/v2/api/me", body: nil, contentType: nil,
                       expectedStatus: 405, expectedCode: "METHOD_NOT_ALLOWED", allow: "GET"),
        HostileRequest(name: "POST on the v2 conversation list", method: "POST", path: conversations, body: Array("{}".utf8),
                       contentType: "application/json", expectedStatus: 405, expectedCode: "METHOD_NOT_ALLOWED", allow: "GET"),

        // Wrong Content-Type.
        HostileRequest(name: "valid JSON sent as text/plain (v1)", method: "POST", path: contacts,
                       body: Array(#"{"numbers":["+14155550123"]}"#.utf8), contentType: "text/plain",
                       expectedStatus: 415, expectedCode: "UNSUPPORTED_MEDIA_TYPE"),
        HostileRequest(name: "a form body (v2)", method: "POST", path: search, body: Array("type=CALL".utf8),
                       contentType: "application/x-www-form-urlencoded", expectedStatus: 415, expectedCode: "UNSUPPORTED_MEDIA_TYPE"),

        // Control characters and bidirectional overrides.
        .json("escaped control characters and an RTL override in a phone number", "POST", contacts,
              #"{"numbers":["+1415\u202E5550123\u0000"],"name":"\u0007\u001b[31mred"}"#, 400, "INVALID_PHONE_NUMBER"),
        .json("a search made only of control characters and overrides", "POST", search,
              #"{"search":"\u202E\u0000\u001b\u200F"}"#, 400, "INVALID_SEARCH_QUERY"),
        .bytes("a raw control character inside a string", "POST", search,
               Array(#"{"search":"a"#.utf8) + [0x07] + Array(#"b"}"#.utf8), 400, "INVALID_REQUEST_BODY"),
        .get("an RTL override before a phone filter", "/v1/api/calls?allo_number=%E2%80%AE%2B14155550100", 400, "INVALID_PHONE_FORMAT"),
        .get("a NUL byte in a path id", "/v1/api/contact/cnt_%00%1B", 400, "CONTACT_NOT_FOUND"),

        // Oversized strings.
        .json("a 10 000-character contact name", "POST", contacts,
              #"{"numbers":["+14155550123"],"name":""# + String(repeating: "n", count: 10_000) + #""}"#, 400, "INVALID_REQUEST_BODY"),
        .json("a 10 000-character webhook description", "POST", "/v2/api/webhooks",
              #"{"url":"https://example.com/h","topics":["call.completed"],"description":""# + String(repeating: "d", count: 10_000) + #""}"#,
              400, "INVALID_REQUEST_BODY"),

        // Duplicate keys are ambiguous (parsers keep the first or the last): refused.
        .json("duplicate keys, first valid then invalid", "POST", search, #"{"size":1,"size":500}"#, 400, "INVALID_REQUEST_BODY"),
        .json("duplicate keys, first invalid then valid", "POST", search, #"{"size":500,"size":1}"#, 400, "INVALID_REQUEST_BODY"),
    ]
}

@Suite("hostile input")
struct HostileInputTests {
    @Test("Each hostile request gets its documented status and code in the shape of its path's version",
          arguments: HostileTable.rows)
    func hostileRequest(_ row: HostileRequest) async throws {
        try await withSandbox { sandbox in
            let response = try await send(row, to: sandbox)
            check(response, against: row)
        }
    }

    @Test("After every hostile request in a row the sandbox still answers and its world is unchanged")
    func worldSurvivesHostileRequests() async throws {
        try await withSandbox { sandbox in
            let before = try await snapshot(sandbox)
            #expect(before.total == 60)
            for row in HostileTable.rows {
                let response = try await send(row, to: sandbox)
                #expect(response.status == row.expectedStatus, "\(row.name)")
            }
            #expect(try await sandbox.control("GET", "").status == 200)
            let after = try await snapshot(sandbox)
            #expect(after.total == before.total)
            #expect(after.contacts == before.contacts)
            #expect(after.conversations == before.conversations)
        }
    }

    // MARK: - Helpers

    private struct World: Equatable {
        var total: Int?
        var contacts: Data
        var conversations: Data
    }

    /// The v1 contacts total (total_pages at size 1) and the raw first pages of a v1 and a v2 list.
    private func snapshot(_ sandbox: TestSandbox) async throws -> World {
        let total = try await sandbox.get("/v1/api/contacts?size=1")
        let contacts = try await sandbox.get("/v1/api/contacts")
        let conversations = try await sandbox.get(HostileTable.conversations)
        #expect(contacts.status == 200)
        #expect(conversations.status == 200)
        return World(total: total.json["data"]["metadata"]["pagination"]["total_pages"].int, contacts: contacts.data,
                     conversations: conversations.data)
    }

    private func send(_ row: HostileRequest, to sandbox: TestSandbox) async throws -> HTTPResult {
        if row.raw {
            return try await RawHTTP.send(method: row.method, target: row.path, port: sandbox.server.port,
                                          headers: ["Authorization": "Api-Key \(sandbox.fullKey)"])
        }
        // Megabyte bodies upload slowly through corelibs URLSession while the whole suite shares two cores.
        let large = (row.body?.count ?? 0) > 100_000
        return try await sandbox.request(row.method, row.path, body: row.body.map { Data($0) }, contentType: row.contentType,
                                         timeout: large ? 180 : 30)
    }

    private func check(_ response: HTTPResult, against row: HostileRequest) {
        #expect(response.status == row.expectedStatus)
        let json = response.json
        guard let code = row.expectedCode else {
            #expect(!json["data"].isMissing, "a success carries data: \(response.text.prefix(200))")
            return
        }
        if row.path.hasPrefix("/v1/") {
            #expect(json.keys == ["code", "details"], "v1 shape: \(response.text.prefix(200))")
            #expect(json["code"].string == code)
            #expect(json["details"].isNull || !json["details"].array.isEmpty)
        } else {
            let error = json["error"]
            #expect(json.keys == ["error"], "v2 shape: \(response.text.prefix(200))")
            #expect(error["code"].string == code)
            #expect(error["type"].string == Self.type(of: row.expectedStatus))
            #expect(error["message"].string?.isEmpty == false)
            #expect(error["retryable"].bool == false)
            #expect(error["request_id"].string?.hasPrefix("req_") == true)
        }
        #expect(response[header: "X-Request-Id"] != nil)
        if let allow = row.allow {
            #expect(response[header: "Allow"] == allow)
        }
    }

    private static func type(of status: Int) -> String {
        switch status {
        case 401: "authentication_error"
        case 403: "permission_error"
        case 404: "not_found_error"
        case 409: "conflict_error"
        case 429: "rate_limit_error"
        case 500...: "server_error"
        default: "validation_error"
        }
    }
}

/// HTTP/1.1 over a plain loopback socket, for request targets URLSession would rewrite (it turns `%zz` into `%25zz`).
enum RawHTTP {
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    static func send(method: String, target: String, port: Int, headers: [String: String] = [:]) async throws -> HTTPResult {
        // Blocking socket calls run on their own thread: on a 2-core machine two of them would otherwise hold the whole
        // cooperative pool, and the in-process sandbox could never answer.
        try await withCheckedThrowingContinuation { continuation in
            Thread {
                continuation.resume(with: Result { try exchange(method: method, target: target, port: port, headers: headers) })
            }.start()
        }
    }

    private static func exchange(method: String, target: String, port: Int, headers: [String: String]) throws -> HTTPResult {
        #if canImport(Glibc)
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #else
        let fd = socket(AF_INET, SOCK_STREAM, 0)
        #endif
        guard fd >= 0 else { throw Failure(description: "socket() failed") }
        defer { close(fd) }
        // Generous: the whole suite, the tmux end-to-end tests included, shares two cores; 10 s was once not enough.
        var timeout = timeval(tv_sec: 60, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else { throw Failure(description: "connect() failed") }

        var head = "\(method) \(target) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nConnection: close\r\n"
        for (name, value) in headers { head += "\(name): \(value)\r\n" }
        let out = Array((head + "\r\n").utf8)
        var sent = 0
        while sent < out.count {
            let n = out[sent...].withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
            guard n > 0 else { throw Failure(description: "write() failed") }
            sent += n
        }
        var received: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if n < 0 { throw Failure(description: "read() failed or timed out") }
            if n == 0 { break }
            received += buffer[0..<n]
        }
        return try parse(received)
    }

    private static func parse(_ bytes: [UInt8]) throws -> HTTPResult {
        let separator: [UInt8] = [13, 10, 13, 10]
        guard let end = (0...(max(0, bytes.count - 4))).first(where: { Array(bytes[$0..<min(bytes.count, $0 + 4)]) == separator }) else {
            throw Failure(description: "no header end in \(bytes.count) bytes")
        }
        let lines = String(decoding: bytes[..<end], as: UTF8.self).components(separatedBy: "\r\n")
        let statusParts = lines[0].split(separator: " ")
        guard statusParts.count >= 2, let status = Int(statusParts[1]) else { throw Failure(description: "bad status line \(lines[0])") }
        var fields: [String: String] = [:]
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            fields[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        var body = Array(bytes[(end + 4)...])
        if fields["transfer-encoding"]?.lowercased() == "chunked" { body = dechunk(body) }
        return HTTPResult(status: status, headers: fields, data: Data(body))
    }

    private static func dechunk(_ bytes: [UInt8]) -> [UInt8] {
        var out: [UInt8] = [], index = 0
        while index < bytes.count {
            guard let lineEnd = (index..<bytes.count - 1).first(where: { bytes[$0] == 13 && bytes[$0 + 1] == 10 }),
                  let size = Int(String(decoding: bytes[index..<lineEnd], as: UTF8.self), radix: 16), size > 0 else { break }
            let start = lineEnd + 2
            out += bytes[start..<min(bytes.count, start + size)]
            index = start + size + 2
        }
        return out
    }
}
