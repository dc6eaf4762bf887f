import Foundation

extension APIRequest {
    /// A request whose body is `value` encoded as the API's JSON.
    init<Body: Encodable>(_ method: String, _ version: Version, _ path: [String], json value: Body,
                          safety: Safety? = nil, idempotencyKey: Bool = false) {
        // Encoding our own request structs cannot fail: they hold only strings, numbers, bools and arrays of them.
        let body = try! JSONCoding.encoder().encode(value)
        self.init(method, version, path, body: body, safety: safety, idempotencyKey: idempotencyKey)
    }
}
