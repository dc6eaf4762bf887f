import AlloKit
import ArgumentParser
import Foundation

/// Checks and reading of the webhook commands' arguments: URLs and topics, before any request.
///
/// Topics are checked against the ones allo knows, but the API may add topics before allo does, so a name that has
/// the right form (`UPPER_CASE` for v1, `dotted.lower` for v2) is sent as given, with a note; the API then decides.
/// A name of the other generation's form is refused with the right spelling in the message.
enum WebhookArguments {
    /// Topics as read from `--topic` (repeatable, commas allowed), with the names allo does not know.
    struct Topics<Topic: OpenEnum>: Sendable {
        var topics: [Topic]
        var unknown: [String]
    }

    /// An http(s) URL with a host; the API itself may ask more (public HTTPS).
    static func checkURL(_ text: String, option: String = "--url") throws {
        guard OptionChecks.isHTTPURL(text) else {
            throw ValidationError("\(option) '\(text)' is not an http(s) URL with a host, "
                                  + "e.g. https://example.com/hooks/allo")
        }
    }

    /// `--topic` values split on commas, trimmed, without empties or repeats (first spelling kept).
    static func names(_ values: [String]) -> [String] {
        var seen = Set<String>()
        return values.flatMap { $0.split(separator: ",") }
            .map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty && seen.insert($0.lowercased()).inserted }
    }

    static let v1Known = V1WebhookTopic.wireValues.map(\.1)
    static let v2Known = WebhookEventTopic.wireValues.map(\.1)

    /// v1 topics: `CALL_RECEIVED` etc., any case; an unknown `UPPER_CASE` name is sent upper-cased.
    static func v1Topics(_ values: [String]) throws -> Topics<V1WebhookTopic> {
        let names = names(values)
        guard !names.isEmpty else {
            throw ValidationError("give at least one --topic (\(v1Known.joined(separator: ", ")))")
        }
        var result = Topics<V1WebhookTopic>(topics: [], unknown: [])
        for name in names {
            let topic = V1WebhookTopic(wireValue: name)
            if v1Known.contains(topic.wireValue) {
                result.topics.append(topic)
            } else if name.contains(".") {
                throw ValidationError("'\(name)' is a v2 topic; v1 topics are \(v1Known.joined(separator: ", ")) "
                                      + "(for v2 topics use `allo webhooks endpoints create`)")
            } else if name.wholeMatch(of: /[A-Za-z][A-Za-z0-9_]*/) != nil {
                result.topics.append(.unknown(name.uppercased()))
                result.unknown.append(name.uppercased())
            } else {
                throw ValidationError("'\(name)' is not a v1 topic; they are \(v1Known.joined(separator: ", "))")
            }
        }
        return result
    }

    /// v2 topics: `call.received` etc., any case; an unknown `dotted.name` is sent lower-cased.
    static func v2Topics(_ values: [String]) throws -> Topics<WebhookEventTopic> {
        let names = names(values)
        guard !names.isEmpty else {
            throw ValidationError("give at least one --topic, e.g. call.completed (see `allo webhooks endpoints events`)")
        }
        var result = Topics<WebhookEventTopic>(topics: [], unknown: [])
        for name in names {
            let topic = WebhookEventTopic(wireValue: name)
            if v2Known.contains(topic.wireValue) {
                result.topics.append(topic)
            } else if name.lowercased().wholeMatch(of: /[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)+/) != nil {
                result.topics.append(.unknown(name.lowercased()))
                result.unknown.append(name.lowercased())
            } else {
                let dotted = name.lowercased().replacingOccurrences(of: "_", with: ".")
                let guess = v2Known.contains(dotted) ? " (did you mean \(dotted)?)" : ""
                throw ValidationError("'\(name)' is not a v2 topic\(guess); v2 topics are dotted: "
                                      + v2Known.joined(separator: ", "))
            }
        }
        return result
    }

    /// The note for topics allo does not know, printed before the request.
    static func noteUnknown(_ unknown: [String], _ output: Output) {
        guard !unknown.isEmpty else { return }
        output.note("note: allo does not know the topic\(unknown.count == 1 ? "" : "s") \(unknown.joined(separator: ", ")); "
                    + "sent as given, the API refuses \(unknown.count == 1 ? "it" : "them") if unknown there too")
    }

    /// One v2 endpoint for people.
    static func showEndpoint(_ endpoint: WebhookEndpoint, _ output: Output) {
        output.fields([
            ("id", endpoint.id),
            ("url", endpoint.url),
            ("topics", endpoint.topics.map(\.wireValue).joined(separator: ", ")),
            ("description", endpoint.description),
            ("enabled", Formats.yesNo(endpoint.enabled)),
            ("created", Formats.date(endpoint.createdAt)),
            ("signing secret", endpoint.signingSecret),
        ])
    }
}
