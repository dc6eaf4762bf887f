import Foundation

/// The figures as an aligned table for people, or JSON for machines.
enum Report {
    static func table(_ figures: [Figure]) -> String {
        var rows: [[String]] = [["figure", "median", "min", "p90", "max", "unit", "runs"]]
        var group = ""
        var lines: [String] = []
        for figure in figures {
            if figure.group != group {
                group = figure.group
                rows.append(["## " + group, "", "", "", "", "", ""])
            }
            rows.append(["  " + figure.name, format(figure.median), format(figure.min), format(figure.percentile(90)),
                         format(figure.max), figure.unit, "\(figure.samples.count)"])
        }
        let widths = (0..<7).map { column in rows.filter { !$0[0].hasPrefix("## ") }.map { $0[column].count }.max() ?? 0 }
        for row in rows {
            if row[0].hasPrefix("## ") {
                lines.append(row[0].dropFirst(3).description)
                continue
            }
            let cells = row.enumerated().map { index, cell in
                index == 0 || index == 5 ? cell.padding(toLength: widths[index], withPad: " ", startingAt: 0)
                    : String(repeating: " ", count: widths[index] - cell.count) + cell
            }
            lines.append(cells.joined(separator: "  "))
        }
        return lines.joined(separator: "\n")
    }

    static func json(_ figures: [Figure], machine: [String: String]) -> String {
        let entries: [[String: Any]] = figures.map { figure in
            ["group": figure.group, "name": figure.name, "unit": figure.unit, "median": figure.median, "min": figure.min,
             "p90": figure.percentile(90), "max": figure.max, "runs": figure.samples.count,
             "higher_is_better": figure.higherIsBetter]
        }
        let object: [String: Any] = ["machine": machine, "figures": entries]
        let data = try! JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys])
        return String(decoding: data, as: UTF8.self)
    }

    static func format(_ value: Double) -> String {
        switch abs(value) {
        case 1000...: return String(format: "%.0f", value)
        case 100...: return String(format: "%.1f", value)
        case 1...: return String(format: "%.2f", value)
        default: return String(format: "%.3f", value)
        }
    }
}
