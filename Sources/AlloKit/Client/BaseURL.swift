import Foundation

extension URL {
    /// The API root (`https://api.withallo.com`), whatever form it was given in: the seed SDK's `…/v1/api`, a
    /// `…/v2/api`, or a trailing slash all come back to the root that `/v1/api` and `/v2/api` hang from.
    func alloAPIRoot() -> String {
        var text = absoluteString
        while text.hasSuffix("/") { text.removeLast() }
        for suffix in ["/v1/api", "/v2/api", "/v1", "/v2"] where text.lowercased().hasSuffix(suffix) {
            text.removeLast(suffix.count)
            break
        }
        while text.hasSuffix("/") { text.removeLast() }
        return text
    }
}
