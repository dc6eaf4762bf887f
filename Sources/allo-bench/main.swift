import Foundation
import AlloSandbox

// allo-bench: reproducible performance figures, side by side in one run. See README "Performance".
//   swift run -c release allo-bench           the full set
//   swift run -c release allo-bench --quick   a reduced set in well under a minute (CI runs it in debug)
//   … --json                                   machine-readable output

let arguments = Set(CommandLine.arguments.dropFirst())
let unknown = arguments.subtracting(["--quick", "--json", "--help", "-h"])
if arguments.contains("--help") || arguments.contains("-h") || !unknown.isEmpty {
    if !unknown.isEmpty { FileHandle.standardError.write(Data("allo-bench: unknown option \(unknown.sorted().joined(separator: " "))\n".utf8)) }
    print("usage: allo-bench [--quick] [--json]")
    exit(unknown.isEmpty ? 0 : 2)
}
let quick = arguments.contains("--quick")
let asJSON = arguments.contains("--json")

func log(_ text: String) {
    if !asJSON { FileHandle.standardError.write(Data((text + "\n").utf8)) }
}

#if DEBUG
let build = "debug"
#else
let build = "release"
#endif

let started = ContinuousClock.now
let contacts = quick ? 2_000 : 10_000
log("allo-bench (\(build) build\(quick ? ", --quick" : "")): starting a sandbox with \(contacts) contacts…")
let environment = try await BenchEnvironment.start(contacts: contacts)
log("sandbox ready on \(environment.server.baseURL) in \(String(format: "%.2f", environment.server.startupSeconds)) s")
var figures: [Figure] = []
figures += try await SDKBenchmarks(environment: environment, rounds: quick ? 3 : 7, roundSeconds: quick ? 0.5 : 1.5,
                                  walkRuns: quick ? 2 : 5).run()
await environment.server.stop()
log("reducing actions over long histories…")
figures += StoreBenchmarks(histories: quick ? [1_000, 10_000] : [1_000, 100_000], rounds: quick ? 3 : 7,
                           perRound: quick ? 200 : 2_000).run()

log("terminal client figures…")
figures += try await TerminalBenchmarks(quick: quick).run()

let machine: [String: String] = [
    "build": build,
    "cores": "\(ProcessInfo.processInfo.activeProcessorCount)",
    "memory_gib": String(format: "%.0f", Double(ProcessInfo.processInfo.physicalMemory) / 1_073_741_824),
    "os": ProcessInfo.processInfo.operatingSystemVersionString,
    "quick": "\(quick)",
]
if asJSON {
    print(Report.json(figures, machine: machine))
} else {
    print(Report.table(figures))
    let seconds = (ContinuousClock.now - started).components.seconds
    print("\(machine["cores"]!) cores, \(machine["memory_gib"]!) GiB, \(build) build, \(machine["os"]!); took \(seconds) s")
}
