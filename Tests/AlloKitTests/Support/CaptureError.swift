import Testing
import AlloKit

/// The `AlloError` that `body` throws; records an issue and returns nil when it throws nothing or something else.
func alloError(sourceLocation: SourceLocation = #_sourceLocation, _ body: () async throws -> Void) async -> AlloError? {
    do {
        try await body()
        Issue.record("expected an AlloError, but the call succeeded", sourceLocation: sourceLocation)
    } catch let error as AlloError {
        return error
    } catch {
        Issue.record("expected an AlloError, got \(error)", sourceLocation: sourceLocation)
    }
    return nil
}
