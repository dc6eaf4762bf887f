import Foundation
import AlloSandbox

// allo-bench: reproducible performance figures, side by side in one run. See README "Performance".
//   swift run -c release allo-bench           the full set
//   swift run -c release allo-bench --quick   a reduced set in well under a minute (CI runs it in debug)
//   … --json                                   machine-readable output
//   swift run -c release allo-bench chaos      sends under injected faults: duplicates, lost, untruthful states
//   swift run -c release allo-bench killtrials kill -9 at random moments: drafts and sends lost, duplicates
//   swift run -c release allo-bench render     only the frame-rendering figures (to compare two builds quickly)

// The peak-memory figure's child process (see MemoryBenchmarks): loads the state, prints its peak, exits.
let argv = Array(CommandLine.arguments.dropFirst())
if argv.first == MemoryBenchmarks.childFlag, argv.count == 3, let contacts = Int(argv[1]), let items = Int(argv[2]) {
    print(MemoryBenchmarks.child(contacts: contacts, items: items))
    exit(0)
}

if argv.first == "chaos" { exit(await Chaos.main(Array(argv.dropFirst()))) }
if argv.first == "killtrials" { exit(await KillTrials.main(Array(argv.dropFirst()))) }
if argv.first == "render" {
    let figures = RenderBenchmarks(histories: [1_000, 100_000, 1_000_000], rounds: 100).run()
    print(argv.contains("--json") ? Report.json(figures, machine: [:]) : Report.table(figures))
    exit(0)
}

let arguments = Set(argv)
let unknown = arguments.subtracting(["--quick", "--json", "--help", "-h"])
if arguments.contains("--help") || arguments.contains("-h") || !unknown.isEmpty {
    if !unknown.isEmpty { FileHandle.standardError.write(Data("allo-bench: unknown option \(unknown.sorted().joined(separator: " "))\n".utf8)) }
    print("usage: allo-bench [--quick] [--json]\n       allo-bench chaos [--sends N] [--fault-rate F] [--seed S]\n       allo-bench killtrials [--trials N] [--seed S]\n       allo-bench render [--json]")
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
figures += try await DecodeBenchmarks(environment: environment, rounds: quick ? 3 : 7, iterations: quick ? 10 : 50).run()
await environment.server.stop()

let histories = quick ? [1_000, 10_000] : [1_000, 100_000, 1_000_000]
log("reducing actions over long histories…")
figures += StoreBenchmarks(histories: histories, rounds: quick ? 3 : 7, perRound: quick ? 200 : 2_000).run()
log("rendering frames…")
figures += RenderBenchmarks(histories: histories, rounds: quick ? 10 : 100).run()
log("peak memory in a child process…")
figures += try await MemoryBenchmarks(contacts: quick ? 10_000 : 100_000, items: quick ? 100_000 : 1_000_000,
                                      runs: quick ? 1 : 3).run()

log("terminal client figures…")
figures += try await TerminalBenchmarks(quick: quick).run()

let machine: [String: String] = [
    "build": build,
    "cores": "\(ProcessInfo.processInfo.activeProcessorCount)",
    "memory_gib": String(format: "%.0f", Double(ProcessInfo.processInfo.physicalMemory) / 1_073_741_824),
    "os": ProcessInfo.processInfo.operatingSystemVersionString,
    "quick": "\(quick)",
    "seconds": "\((ContinuousClock.now - started).components.seconds)",
]
if asJSON {
    print(Report.json(figures, machine: machine))
} else {
    print(Report.table(figures))
    let seconds = (ContinuousClock.now - started).components.seconds
    print("\(machine["cores"]!) cores, \(machine["memory_gib"]!) GiB, \(build) build, \(machine["os"]!); took \(seconds) s")
}
