import Testing

/// Checks the SDK makes before the network: E.164 numbers, SMS segments, SMS rules. One namespace, so
/// `swift test --filter Validation` runs them all.
@Suite("Validation")
enum Validation {}
