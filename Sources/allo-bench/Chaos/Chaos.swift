import Foundation

/// `allo-bench chaos`: prints its figures; the last line is exactly
/// `chaos: N sends, D duplicates, L lost, U untruthful states`.
enum Chaos {
    @MainActor
    static func main(_ arguments: [String]) async -> Int32 {
        let options: ChaosOptions
        do {
            options = try ChaosOptions(arguments)
        } catch {
            FileHandle.standardError.write(Data("allo-bench: \(error)\n".utf8))
            return 2
        }
        let window = Double(options.window / .milliseconds(1)) / 1000
        let timeout = Double(options.timeout / .milliseconds(1)) / 1000
        print("chaos: \(options.sends) sends, fault rate \(options.faultRate), seed \(options.seed), client timeout "
              + "\(timeout) s, check window \(window) s, \(options.inFlight) in flight")
        let result: ChaosRun.Result
        do {
            result = try await ChaosRun(options: options).run { print($0) }
        } catch {
            print("chaos: stopped: \(error)")
            return 1
        }
        print("  POST /v1/api/sms: \(result.posts) (\(result.sends) messages; \(result.retries) sent again after "
              + "\"not sent\", \(result.resends) after \"not found on the server yet\")")
        print("  rounds of looks on the server: \(result.unclear) (\(result.checksAgain) asked again after a failed check); "
              + "not found after the window: \(result.notFound)")
        print("  states shown and checked against the server: \(result.statesChecked)")
        for problem in result.untruthful.prefix(20) { print("  untruthful: \(problem)") }
        print(String(format: "  took %.1f s", result.seconds))
        print("chaos: \(result.sends) sends, \(result.duplicates) duplicates, \(result.lost) lost, "
              + "\(result.untruthful.count) untruthful states")
        return result.duplicates == 0 && result.lost == 0 && result.untruthful.isEmpty ? 0 : 1
    }
}
