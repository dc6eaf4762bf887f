import AlloStore
import AlloTUI
import Foundation
import ProcessTools

/// Issue 7 §7: peak memory of a process holding `contacts` v1 contacts in the inbox and `items` timeline items in the
/// open conversation, one frame rendered. Each run is a fresh child (this binary with `--peak-memory-child`), so what
/// the other benchmarks allocated does not count; the figure is the child's VmHWM (peak resident set) from /proc.
struct MemoryBenchmarks {
    let contacts: Int
    let items: Int
    let runs: Int

    static let childFlag = "--peak-memory-child"

    func run() async throws -> [Figure] {
        let me = try FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")
        var baseline: [Double] = []
        var peak: [Double] = []
        for _ in 0..<runs {
            let (status, output) = try await Tool.run(me, [Self.childFlag, "\(contacts)", "\(items)"], timeout: .seconds(300))
            let fields = output.split(whereSeparator: \.isNewline).last?.split(separator: " ").compactMap { Double($0) } ?? []
            guard status == 0, fields.count == 2 else { throw BenchError("peak memory child failed (\(status)): \(output)") }
            baseline.append(fields[0] / 1024)
            peak.append(fields[1] / 1024)
        }
        let group = "peak memory (VmHWM of a fresh process)"
        return [Figure(group: group, name: "at start, nothing loaded", unit: "MiB", samples: baseline, higherIsBetter: false),
                Figure(group: group, name: "\(contacts.formatted()) contacts and \(items.formatted()) timeline items loaded, one frame rendered",
                       unit: "MiB", samples: peak, higherIsBetter: false)]
    }

    /// The child's side: loads the state, renders one 120×40 frame, prints "baseline-KiB peak-KiB".
    static func child(contacts: Int, items: Int) -> String {
        let baseline = kibibytes("VmHWM")
        var scenario = StoreBenchmarks.Scenario(inbox: contacts, timeline: items, source: .contacts, headroom: 0)
        scenario.state.navigation.focus = .timeline
        let canvas = render(scenario.state, size: Size(width: 120, height: 40), theme: .default, chrome: Chrome())
        let peak = withExtendedLifetime((scenario, canvas)) { kibibytes("VmHWM") }
        return "\(baseline) \(peak)"
    }

    /// A `kB` line of /proc/self/status.
    private static func kibibytes(_ field: String) -> Int {
        let status = (try? String(contentsOfFile: "/proc/self/status", encoding: .utf8)) ?? ""
        let line = status.split(separator: "\n").first { $0.hasPrefix(field + ":") } ?? ""
        return Int(line.split(separator: " ").dropFirst().first ?? "") ?? 0
    }
}
