import Foundation
import AlloKit

enum AlloKitClient {
    /// A client pointing nowhere, for effects that never reach the API.
    static func offline() throws -> AlloClient {
        try AlloClient(apiKey: "ak_live_offline", baseURL: URL(string: "http://127.0.0.1:9")!, retry: .never)
    }
}
