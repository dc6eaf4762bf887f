import AlloTUI
import Testing
@testable import AlloTerminal

@Suite struct ColorPairsTests {
    @Test func defaultStaysDefault() {
        let pairs = ColorPairs(colors: 256, capacity: 256)
        #expect(pairs.resolve(.default) == -1)
    }

    @Test func rgbTo256() {
        let pairs = ColorPairs(colors: 256, capacity: 65536)
        #expect(pairs.resolve(.rgb(255, 0, 0)) == 196)
        #expect(pairs.resolve(.rgb(0, 0, 0)) == 16)
        #expect(pairs.resolve(.rgb(255, 255, 255)) == 231)
        #expect(pairs.resolve(.rgb(128, 128, 128)) == 244)
        #expect(pairs.resolve(.rgb(0x87, 0xAF, 0xFF)) == 111)
        #expect(pairs.resolve(.indexed(202)) == 202)
        #expect(pairs.resolve(.indexed(3)) == 3)
    }

    @Test func degradesTo16And8() {
        let sixteen = ColorPairs(colors: 16, capacity: 256)
        #expect(sixteen.resolve(.rgb(250, 10, 10)) == 9)
        #expect(sixteen.resolve(.rgb(200, 0, 0)) == 1)
        #expect(sixteen.resolve(.indexed(196)) == 9)
        #expect(sixteen.resolve(.indexed(232)) == 0)
        #expect(sixteen.resolve(.indexed(12)) == 12)
        let eight = ColorPairs(colors: 8, capacity: 64)
        #expect(eight.resolve(.rgb(250, 10, 10)) == 1)
        #expect(eight.resolve(.indexed(12)) == 4)
        #expect(eight.resolve(.indexed(255)) == 7)
    }

    @Test func noColoursMeansDefault() {
        let none = ColorPairs(colors: 0, capacity: 0)
        #expect(none.resolve(.rgb(1, 2, 3)) == -1)
        #expect(none.resolve(.indexed(5)) == -1)
    }

    @Test func directColour() {
        let direct = ColorPairs(colors: 1 << 24, capacity: 65536)
        #expect(direct.resolve(.rgb(0x12, 0x34, 0x56)) == 0x123456)
        #expect(direct.resolve(.indexed(1)) == 1)
        #expect(direct.resolve(.indexed(196)) == 0xFF0000)
    }

    @Test func pairsAreAllocatedOnceAndLazily() {
        var pairs = ColorPairs(colors: 256, capacity: 4)
        #expect(pairs.pair(foreground: -1, background: -1) == (0, false))
        #expect(pairs.pair(foreground: 1, background: -1) == (1, true))
        #expect(pairs.pair(foreground: 1, background: -1) == (1, false))
        #expect(pairs.pair(foreground: -1, background: 1) == (2, true))
        #expect(pairs.pair(foreground: 2, background: 3) == (3, true))
        #expect(pairs.count == 3)
        // Out of pairs: the default pair, never a crash or a wrong colour reused.
        #expect(pairs.pair(foreground: 4, background: 5) == (0, false))
        #expect(pairs.pair(foreground: 2, background: 3) == (3, false))
    }

    @Test func manyPairsPast256() {
        var pairs = ColorPairs(colors: 256, capacity: 65536)
        for foreground in Int32(0)..<256 { _ = pairs.pair(foreground: foreground, background: 17) }
        #expect(pairs.pair(foreground: 5, background: 18) == (257, true))
    }
}
