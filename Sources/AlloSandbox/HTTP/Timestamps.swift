/// Timestamps as the contract writes them (§1): v1 without a zone (`2024-01-15T10:30:00`), v2 in UTC with `Z`.
/// Civil-date arithmetic by hand: no DateFormatter on the hot path, no locale, no time zone database.
enum Timestamp {
    /// `2024-01-15T10:30:00`
    static func v1(_ seconds: Int64) -> String { format(seconds, zone: "") }
    /// `2024-01-15T10:30:00Z`
    static func v2(_ seconds: Int64) -> String { format(seconds, zone: "Z") }
    /// `2025-03-15T14:30:45.123456Z`, the webhook envelope's `timestamp` (§8.3).
    static func v2Fractional(_ seconds: Double) -> String {
        let whole = Int64(seconds.rounded(.down))
        let micros = Int64(((seconds - Double(whole)) * 1_000_000).rounded(.down))
        return format(whole, zone: "") + "." + pad(micros, 6) + "Z"
    }

    /// `2024-01-15`
    static func day(_ seconds: Int64) -> String {
        let (y, m, d) = civil(fromDays: floorDiv(seconds, 86_400))
        return "\(pad(y, 4))-\(pad(m, 2))-\(pad(d, 2))"
    }

    private static func format(_ seconds: Int64, zone: String) -> String {
        let days = floorDiv(seconds, 86_400)
        let rest = seconds - days * 86_400
        let (y, m, d) = civil(fromDays: days)
        return "\(pad(y, 4))-\(pad(m, 2))-\(pad(d, 2))T\(pad(rest / 3600, 2)):\(pad(rest % 3600 / 60, 2)):\(pad(rest % 60, 2))\(zone)"
    }

    /// Parses `YYYY-MM-DD`, `YYYY-MM-DDTHH:MM[:SS[.fff…]]` with an optional `Z` or `±HH:MM` (no zone means UTC).
    static func parse(_ text: String) -> Int64? {
        let bytes = Array(text.utf8)
        var index = 0
        func number(_ digits: Int) -> Int64? {
            guard index + digits <= bytes.count else { return nil }
            var value: Int64 = 0
            for b in bytes[index..<index + digits] {
                guard b >= 48, b <= 57 else { return nil }
                value = value * 10 + Int64(b - 48)
            }
            index += digits
            return value
        }
        func expect(_ c: Character) -> Bool {
            guard index < bytes.count, bytes[index] == c.asciiValue else { return false }
            index += 1
            return true
        }
        guard let y = number(4), expect("-"), let mo = number(2), expect("-"), let d = number(2),
              (1...12).contains(mo), (1...daysIn(month: mo, year: y)).contains(d) else { return nil }
        var seconds = days(fromCivil: y, mo, d) * 86_400
        if index == bytes.count { return seconds }
        guard expect("T") || expect(" "), let h = number(2), expect(":"), let mi = number(2),
              h < 24, mi < 60 else { return nil }
        seconds += h * 3600 + mi * 60
        if expect(":") {
            guard let s = number(2), s < 61 else { return nil }
            seconds += s
            if expect(".") {
                let start = index
                while index < bytes.count, bytes[index] >= 48, bytes[index] <= 57 { index += 1 }
                guard index > start else { return nil }
            }
        }
        if index == bytes.count || expect("Z") || expect("z") {
            return index == bytes.count ? seconds : nil
        }
        let sign: Int64
        if expect("+") { sign = 1 } else if expect("-") { sign = -1 } else { return nil }
        guard let oh = number(2) else { return nil }
        _ = expect(":")
        guard let om = number(2), index == bytes.count, oh < 24, om < 60 else { return nil }
        return seconds - sign * (oh * 3600 + om * 60)
    }

    private static func pad(_ value: Int64, _ width: Int) -> String {
        let s = String(value)
        return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
    }

    private static func floorDiv(_ a: Int64, _ b: Int64) -> Int64 {
        a >= 0 ? a / b : -((-a + b - 1) / b)
    }

    private static func daysIn(month: Int64, year: Int64) -> Int64 {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    // Howard Hinnant's days_from_civil / civil_from_days.
    private static func days(fromCivil y0: Int64, _ m: Int64, _ d: Int64) -> Int64 {
        let y = m <= 2 ? y0 - 1 : y0
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    private static func civil(fromDays z0: Int64) -> (Int64, Int64, Int64) {
        let z = z0 + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (m <= 2 ? yoe + era * 400 + 1 : yoe + era * 400, m, d)
    }
}
