public import AlloTUI
import CNcursesw

/// One thing `wget_wch` returned: a character (`OK`) or a key code (`KEY_CODE_YES`).
public enum RawInput: Equatable, Sendable {
    case scalar(UInt32)
    case key(CursesKey)
}

/// The curses key codes the client understands, named so the decoder is tested without curses.
public enum CursesKey: Equatable, Sendable {
    case up, down, left, right, home, end, pageUp, pageDown
    case backspace, delete, backTab, enter, resize
    case function(Int)
    case other(Int32)

    /// The name of a `KEY_*` code from `wget_wch`.
    public init(code: Int32) {
        switch code {
        case KEY_UP: self = .up
        case KEY_DOWN: self = .down
        case KEY_LEFT: self = .left
        case KEY_RIGHT: self = .right
        case KEY_HOME, KEY_FIND, KEY_A1: self = .home
        case KEY_END, KEY_SELECT, KEY_C1: self = .end
        case KEY_PPAGE, KEY_A3: self = .pageUp
        case KEY_NPAGE, KEY_C3: self = .pageDown
        case KEY_BACKSPACE: self = .backspace
        case KEY_DC: self = .delete
        case KEY_BTAB: self = .backTab
        case KEY_ENTER: self = .enter
        case KEY_RESIZE: self = .resize
        case allo_key_f(1)...allo_key_f(63): self = .function(Int(code - allo_key_f(0)))
        default: self = .other(code)
        }
    }
}

/// What the loop acts on.
public enum TerminalEvent: Equatable, Sendable {
    case key(KeyEvent)
    /// The terminal changed size (`KEY_RESIZE`): re-read it and draw everything.
    case resize
    /// The terminal's answer to a mode query (DECRQM, `CSI ? mode ; value $ y`): 0 unknown, 1 set, 2 reset,
    /// 3 permanently set, 4 permanently reset.
    case modeReport(mode: Int, value: Int)
}

/// Turns what `wget_wch` returns into key events: control characters, Alt as Esc-prefix, CSI sequences curses did not
/// know (bracketed paste markers; anything else is dropped, never typed), combining marks joined to their character.
///
/// Input comes in batches (one drain of curses' queue). A lone Esc at the end of a batch is the Esc key: curses has
/// already waited `ESCDELAY` for more. An escape sequence cut at the end of a batch, or a paste without its end marker,
/// is held (`isWaiting`); the loop calls `expire()` when nothing more came in time.
public struct KeyDecoder: Sendable {
    private var paste = BracketedPaste()
    private var pending: [RawInput] = []

    public init() {}

    /// Something is held until more input or `expire()`.
    public var isWaiting: Bool { paste.active || !pending.isEmpty }
    /// Inside a bracketed paste (the loop waits longer for its end than for the rest of an escape sequence).
    public var isPasting: Bool { paste.active }

    public mutating func decode(_ batch: [RawInput]) -> [TerminalEvent] {
        let input = pending + batch
        pending = []
        var events: [TerminalEvent] = []
        var index = 0
        while index < input.count {
            if paste.active {
                if case let .scalar(value) = input[index], let text = paste.feed(value) {
                    events.append(.key(.paste(text)))
                } else if case .key(.enter) = input[index] {
                    _ = paste.feed(0x0D)
                }
                index += 1
                continue
            }
            switch input[index] {
            case let .key(key):
                if let event = Self.event(for: key) { events.append(event) }
                index += 1
            case .scalar(0x1B):
                index = escape(input, at: index, into: &events)
            case let .scalar(value):
                append(Self.event(forScalar: value), to: &events)
                index += 1
            }
        }
        return events
    }

    /// Nothing more came: a paste ends with what arrived, a cut escape sequence is read as Alt and plain characters.
    public mutating func expire() -> [TerminalEvent] {
        if paste.active {
            return paste.expire().map { [.key(.paste($0))] } ?? []
        }
        guard pending.count >= 2 else {
            let hadEscape = !pending.isEmpty
            pending = []
            return hadEscape ? [.key(.escape)] : []
        }
        let rest = Array(pending.dropFirst(2))
        pending = []
        return [.key(.alt("["))] + decode(rest)
    }

    /// Decodes from the Esc at `start`; returns where to go on.
    private mutating func escape(_ input: [RawInput], at start: Int, into events: inout [TerminalEvent]) -> Int {
        let next = start + 1
        guard next < input.count else {
            events.append(.key(.escape))
            return next
        }
        switch input[next] {
        case .scalar(0x5B):
            return controlSequence(input, at: start, into: &events)
        case .scalar(0x0D), .scalar(0x0A), .key(.enter):
            events.append(.key(.altEnter))
            return next + 1
        case let .scalar(value) where value >= 0x20 && value != 0x7F:
            if let scalar = Unicode.Scalar(value) { events.append(.key(.alt(Character(scalar)))) }
            return next + 1
        default:
            events.append(.key(.escape))
            return next
        }
    }

    /// `ESC [ params intermediates final`: the paste start marker begins a paste; other sequences are dropped.
    private mutating func controlSequence(_ input: [RawInput], at start: Int, into events: inout [TerminalEvent]) -> Int {
        var body: [UInt32] = []
        var index = start + 2
        while index < input.count {
            guard case let .scalar(value) = input[index], value >= 0x20, value <= 0x7E, body.count < 32 else {
                // Not a sequence after all: Alt-[ and whatever follows, read normally.
                events.append(.key(.alt("[")))
                return start + 2
            }
            body.append(value)
            index += 1
            if value >= 0x40 {
                if body == [0x32, 0x30, 0x30, 0x7E] { paste.begin() }
                if let report = Self.modeReport(body) { events.append(report) }
                return index
            }
        }
        pending = Array(input[start...])
        return input.count
    }

    /// `? mode ; value $ y`, a DECRQM answer; nil for any other sequence.
    static func modeReport(_ body: [UInt32]) -> TerminalEvent? {
        guard body.count >= 5, body.first == 0x3F, body.suffix(2) == [0x24, 0x79] else { return nil }
        let text = String(String.UnicodeScalarView(body.dropFirst().dropLast(2).compactMap(Unicode.Scalar.init)))
        let parts = text.split(separator: ";", omittingEmptySubsequences: false)
        guard parts.count == 2, let mode = Int(parts[0]), let value = Int(parts[1]) else { return nil }
        return .modeReport(mode: mode, value: value)
    }

    /// A character, joined to the one before when it is a combining mark or part of an emoji sequence.
    private func append(_ event: TerminalEvent?, to events: inout [TerminalEvent]) {
        guard let event else { return }
        if case let .key(.character(new)) = event, case let .key(.character(previous))? = events.last {
            let joined = String(previous) + String(new)
            if joined.count == 1 {
                events[events.count - 1] = .key(.character(Character(joined)))
                return
            }
        }
        events.append(event)
    }

    static func event(for key: CursesKey) -> TerminalEvent? {
        switch key {
        case .up: .key(.up)
        case .down: .key(.down)
        case .left: .key(.left)
        case .right: .key(.right)
        case .home: .key(.home)
        case .end: .key(.end)
        case .pageUp: .key(.pageUp)
        case .pageDown: .key(.pageDown)
        case .backspace: .key(.backspace)
        case .delete: .key(.delete)
        case .backTab: .key(.backTab)
        case .enter: .key(.enter)
        case .resize: .resize
        case let .function(number): .key(.function(number))
        case .other: nil
        }
    }

    static func event(forScalar value: UInt32) -> TerminalEvent? {
        switch value {
        case 0x0D: return .key(.enter)
        case 0x09: return .key(.tab)
        case 0x08, 0x7F: return .key(.backspace)
        case 0x1B: return .key(.escape)
        case 0x00: return .key(.control(" "))
        case 0x01...0x1A: return .key(.control(Character(Unicode.Scalar(UInt8(0x60 + value)))))
        case 0x1C...0x1F: return .key(.control(Character(Unicode.Scalar(UInt8(0x40 + value)))))
        case 0x80..<0xA0: return nil
        default: return Unicode.Scalar(value).map { .key(.character(Character($0))) }
        }
    }
}
