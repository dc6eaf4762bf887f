public import AlloTUI

/// Colours as the terminal can show them, and the colour pairs a frame needs, allocated lazily.
///
/// Pure bookkeeping (no curses here), so the degradation and the allocation are tested without a terminal:
/// `CursesScreen` asks for a pair and calls `init_extended_pair` only when `pair(foreground:background:)` says it is new.
public struct ColorPairs: Sendable {
    /// How many colours the terminal has (`COLORS`): 0 when it has none, 8, 16, 88, 256, or 2^24 for direct colour.
    public let colors: Int
    /// How many pairs it has (`COLOR_PAIRS`); pair 0 is the terminal's default pair and never allocated.
    public let capacity: Int
    private var table: [Key: Int32] = [:]
    private var next: Int32 = 1

    private struct Key: Hashable {
        var foreground: Int32
        var background: Int32
    }

    public init(colors: Int, capacity: Int) {
        self.colors = max(0, colors)
        self.capacity = max(0, capacity)
    }

    /// Pairs allocated so far.
    public var count: Int { table.count }

    /// The curses colour number for `color`: -1 for the terminal default (`use_default_colors`), else an index the
    /// terminal has, or a packed `0xRRGGBB` on a direct-colour terminal.
    public func resolve(_ color: Color) -> Int32 {
        if colors < 8 { return -1 }
        switch color {
        case .default:
            return -1
        case let .indexed(index):
            if colors >= Self.directColors {
                // Direct colour keeps 0–7 as the ANSI colours; anything else is sent as its RGB value.
                return index < 8 ? Int32(index) : Self.packed(Palette.rgb(of: index))
            }
            if Int(index) < colors, colors >= 256 || index < 16 { return Int32(index) }
            return Int32(Palette.nearest(Palette.rgb(of: index), among: min(colors, 16)))
        case let .rgb(r, g, b):
            if colors >= Self.directColors { return Self.packed((r, g, b)) }
            if colors >= 256 { return Int32(Palette.nearest256((r, g, b))) }
            return Int32(Palette.nearest((r, g, b), among: min(colors, 16)))
        }
    }

    /// The pair for two resolved colours, and whether it was just allocated (the caller then initialises it).
    /// Default on default is pair 0. When the terminal's pairs run out the answer is pair 0: text stays readable.
    public mutating func pair(foreground: Int32, background: Int32) -> (pair: Int32, isNew: Bool) {
        if foreground == -1, background == -1 { return (0, false) }
        let key = Key(foreground: foreground, background: background)
        if let known = table[key] { return (known, false) }
        guard Int(next) < capacity else { return (0, false) }
        let pair = next
        next += 1
        table[key] = pair
        return (pair, true)
    }

    static let directColors = 1 << 24

    static func packed(_ rgb: (UInt8, UInt8, UInt8)) -> Int32 {
        Int32(rgb.0) << 16 | Int32(rgb.1) << 8 | Int32(rgb.2)
    }
}

/// The xterm palette: 16 named colours, the 6×6×6 cube (16–231) and 24 greys (232–255).
enum Palette {
    typealias RGB = (UInt8, UInt8, UInt8)

    /// xterm's defaults for the 16 named colours.
    static let named: [RGB] = [
        (0, 0, 0), (205, 0, 0), (0, 205, 0), (205, 205, 0), (0, 0, 238), (205, 0, 205), (0, 205, 205), (229, 229, 229),
        (127, 127, 127), (255, 0, 0), (0, 255, 0), (255, 255, 0), (92, 92, 255), (255, 0, 255), (0, 255, 255),
        (255, 255, 255),
    ]
    static let cubeLevels: [UInt8] = [0, 95, 135, 175, 215, 255]

    static func rgb(of index: UInt8) -> RGB {
        switch index {
        case 0..<16:
            return named[Int(index)]
        case 16..<232:
            let value = Int(index) - 16
            return (cubeLevels[value / 36], cubeLevels[value / 6 % 6], cubeLevels[value % 6])
        default:
            let level = UInt8(8 + (Int(index) - 232) * 10)
            return (level, level, level)
        }
    }

    /// The nearest of the first `count` indexed colours (8 or 16), by squared distance.
    static func nearest(_ color: RGB, among count: Int) -> UInt8 {
        var best: UInt8 = 0
        var bestDistance = Int.max
        for index in 0..<max(1, min(count, 16)) {
            let distance = Self.distance(color, named[index])
            if distance < bestDistance { best = UInt8(index); bestDistance = distance }
        }
        return best
    }

    /// The nearest of the cube and the grey ramp (16–255); the named 16 are left out because terminals redefine them.
    static func nearest256(_ color: RGB) -> UInt8 {
        func level(_ component: UInt8) -> Int {
            let value = Int(component)
            if value < 48 { return 0 }
            if value < 115 { return 1 }
            return (value - 35) / 40
        }
        let r = level(color.0), g = level(color.1), b = level(color.2)
        let cube = UInt8(16 + 36 * r + 6 * g + b)
        let average = (Int(color.0) + Int(color.1) + Int(color.2)) / 3
        let greyStep = average > 238 ? 23 : max(0, (average - 3) / 10)
        let grey = UInt8(232 + min(23, greyStep))
        return distance(color, rgb(of: grey)) < distance(color, rgb(of: cube)) ? grey : cube
    }

    static func distance(_ a: RGB, _ b: RGB) -> Int {
        let dr = Int(a.0) - Int(b.0), dg = Int(a.1) - Int(b.1), db = Int(a.2) - Int(b.2)
        return dr * dr + dg * dg + db * db
    }
}
