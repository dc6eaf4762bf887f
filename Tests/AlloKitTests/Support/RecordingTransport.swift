import Foundation
import Synchronization
import AlloKit

/// A transport that records every request and answers from a script, then with `fallback` (200 `{"data":[]}` unless set).
final class RecordingTransport: HTTPTransport {
    enum Reply: Sendable {
        case response(HTTPResponse)
        case failure(TransportFailure)
    }

    private let state: Mutex<(requests: [HTTPRequest], replies: [Reply])>
    private let fallback: HTTPResponse

    init(_ replies: [Reply] = [], fallback: HTTPResponse = HTTPResponse(status: 200, body: Data(#"{"data":[]}"#.utf8))) {
        state = Mutex(([], replies))
        self.fallback = fallback
    }

    /// Answers every request with the same response.
    convenience init(status: Int = 200, json: String, headers: [String: String] = [:]) {
        self.init([], fallback: HTTPResponse(status: status, headers: headers, body: Data(json.utf8)))
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
        case nil: return fallback
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
