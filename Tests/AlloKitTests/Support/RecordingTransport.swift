import Foundation
import Synchronization
import AlloKit

/// A transport that records every request and answers from a script (or 200 `{"data":[]}` once the script runs out).
final class RecordingTransport: HTTPTransport {
    enum Reply: Sendable {
        case response(HTTPResponse)
        case failure(TransportFailure)
    }

    private let state: Mutex<(requests: [HTTPRequest], replies: [Reply])>

    init(_ replies: [Reply] = []) { state = Mutex(([], replies)) }

    convenience init(status: Int = 200, json: String, headers: [String: String] = [:]) {
        self.init([.response(HTTPResponse(status: status, headers: headers, body: Data(json.utf8)))])
    }

    var requests: [HTTPRequest] { state.withLock { $0.requests } }
    var last: HTTPRequest? { requests.last }

    func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        let reply: Reply? = state.withLock { state in
            state.requests.append(request)
            return state.replies.isEmpty ? nil : state.replies.removeFirst()
        }
        switch reply {
        case .response(let response)?: return response
        case .failure(let failure)?: throw failure
        case nil: return HTTPResponse(status: 200, body: Data(#"{"data":[]}"#.utf8))
        }
    }
}

extension HTTPRequest {
    /// Path and query exactly as on the wire, e.g. `/v1/api/calls?allo_number=%2B33…`.
    var pathAndQuery: String {
        let text = url.absoluteString
        guard let range = text.range(of: "/v") else { return text }
        return String(text[range.lowerBound...])
    }

    var bodyText: String? { body.map { String(decoding: $0, as: UTF8.self) } }
}
