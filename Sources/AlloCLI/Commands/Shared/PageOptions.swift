import ArgumentParser

/// `--page N --size N --all` for list commands. Pages count from 1 in every command; the SDK turns that into the
/// API's own numbering (v1 pages start at 0, v2 at 1).
struct PageOptions: ParsableArguments, Sendable {
    @Option(help: "The page to show, from 1.")
    var page: Int = 1

    @Option(help: "Entries per page (1-100).")
    var size: Int = 20

    @Flag(help: "Fetch every page (a few pages in flight); --json prints one array.")
    var all = false

    /// The page for a v1 call, which counts from 0.
    var v1Page: Int { page - 1 }

    func validate() throws {
        guard page >= 1 else { throw ValidationError("--page counts from 1") }
        guard (1...100).contains(size) else { throw ValidationError("--size must be between 1 and 100") }
    }
}
