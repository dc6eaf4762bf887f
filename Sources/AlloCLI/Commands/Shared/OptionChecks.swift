import AlloKit
import ArgumentParser
import Foundation

/// Checks of command-line values that several commands share, for their `validate()` (a failure is exit 2, before
/// any request).
enum OptionChecks {
    /// Throws unless `number`, when given, is E.164.
    static func e164(_ number: String?, option: String) throws {
        guard let number, !E164.isValid(number) else { return }
        throw ValidationError("\(option) '\(number)' is not an E.164 number (e.g. +14155550100)")
    }

    /// An http(s) URL with a host: what a base URL or a webhook address must be.
    static func isHTTPURL(_ text: String) -> Bool {
        guard let components = URLComponents(string: text), let scheme = components.scheme?.lowercased(),
              ["http", "https"].contains(scheme), let host = components.host else { return false }
        return !host.isEmpty
    }
}
