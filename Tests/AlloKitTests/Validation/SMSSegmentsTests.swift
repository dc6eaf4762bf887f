import Testing
@testable import AlloKit

extension Validation {
    /// `SMSSegments.count`: GSM-7 versus UCS-2, units, and how a long text is split into parts.
    @Suite("SMS segments")
    struct SMSSegmentsTests {
        @Test("count gives the encoding, units, segments, units per segment and units left", arguments: [
            SegmentCase("empty text is no segment", "", .gsm7, units: 0, segments: 0, per: 160, left: 160),
            SegmentCase("short ASCII", "Hello", .gsm7, units: 5, segments: 1, per: 160, left: 155),
            SegmentCase("160 GSM characters fill one segment", a(160), .gsm7, units: 160, segments: 1, per: 160, left: 0),
            SegmentCase("161 GSM characters take two parts of 153", a(161), .gsm7, units: 161, segments: 2, per: 153, left: 145),
            SegmentCase("306 GSM characters fill two parts", a(306), .gsm7, units: 306, segments: 2, per: 153, left: 0),
            SegmentCase("307 GSM characters take three parts", a(307), .gsm7, units: 307, segments: 3, per: 153, left: 152),
            // Extension characters: two septets each.
            SegmentCase("€ is two septets", "€", .gsm7, units: 2, segments: 1, per: 160, left: 158),
            SegmentCase("every extension character is two septets", "^{}\\[~]|€\u{0C}", .gsm7, units: 20, segments: 1,
                        per: 160, left: 140),
            SegmentCase("158 characters and € exactly fill one segment", a(158) + "€", .gsm7, units: 160, segments: 1,
                        per: 160, left: 0),
            SegmentCase("159 characters and € overflow into two parts", a(159) + "€", .gsm7, units: 161, segments: 2,
                        per: 153, left: 145),
            SegmentCase("€ on a part boundary moves to the next part, whose last slot is lost", a(152) + "€" + a(152), .gsm7,
                        units: 306, segments: 3, per: 153, left: 152),
            SegmentCase("€ that fits the last two slots of a part stays there", a(151) + "€" + a(153), .gsm7,
                        units: 306, segments: 2, per: 153, left: 0),
            SegmentCase("CR LF is two septets", "a\r\nb", .gsm7, units: 4, segments: 1, per: 160, left: 156),
            // What the GSM alphabet holds.
            SegmentCase("é stays GSM-7", "é", .gsm7, units: 1, segments: 1, per: 160, left: 159),
            SegmentCase("ê forces UCS-2", "ê", .ucs2, units: 1, segments: 1, per: 70, left: 69),
            SegmentCase("ç forces UCS-2 though Ç is GSM", "ç", .ucs2, units: 1, segments: 1, per: 70, left: 69),
            SegmentCase("Ç is GSM-7", "Ç", .gsm7, units: 1, segments: 1, per: 160, left: 159),
            SegmentCase("the GSM Greek capitals", "ΔΦΓΛΩΠΨΣΘΞ", .gsm7, units: 10, segments: 1, per: 160, left: 150),
            SegmentCase("the GSM Latin-1 letters and signs", "@£$¥èéùìòÇØøÅåÆæßÉ¤¡¿§ÄÖÑÜäöñüà_", .gsm7, units: 32,
                        segments: 1, per: 160, left: 128),
            SegmentCase("the ohm sign is not the GSM Ω", "\u{2126}", .ucs2, units: 1, segments: 1, per: 70, left: 69),
            SegmentCase("a raw escape character is not sendable as GSM-7", "\u{1B}", .ucs2, units: 1, segments: 1, per: 70,
                        left: 69),
            SegmentCase("a decomposed é needs UCS-2", "e\u{0301}", .ucs2, units: 2, segments: 1, per: 70, left: 68),
            SegmentCase("French text with GSM accents stays GSM-7",
                        "Bonjour ! Votre rendez-vous est confirmé à 14h, rue de la Paix. Répondez STOP pour ne plus recevoir de messages.",
                        .gsm7, units: 112, segments: 1, per: 160, left: 48),
            SegmentCase("French text with ç and ê goes UCS-2",
                        "Votre colis est arrivé. Reçu à 9h, il sera livré demain. Bonne fête !",
                        .ucs2, units: 69, segments: 1, per: 70, left: 1),
            SegmentCase("one ê turns a long text into UCS-2 parts", a(100) + "ê", .ucs2, units: 101, segments: 2, per: 67,
                        left: 33),
            // UCS-2
            SegmentCase("CJK", "您好，您的预约已确认。", .ucs2, units: 11, segments: 1, per: 70, left: 59),
            SegmentCase("70 UCS-2 characters fill one segment", zhe(70), .ucs2, units: 70, segments: 1, per: 70, left: 0),
            SegmentCase("71 UCS-2 characters take two parts of 67", zhe(71), .ucs2, units: 71, segments: 2, per: 67, left: 63),
            SegmentCase("134 UCS-2 characters fill two parts", zhe(134), .ucs2, units: 134, segments: 2, per: 67, left: 0),
            SegmentCase("135 UCS-2 characters take three parts", zhe(135), .ucs2, units: 135, segments: 3, per: 67, left: 66),
            SegmentCase("an emoji is two UTF-16 units", "😀", .ucs2, units: 2, segments: 1, per: 70, left: 68),
            SegmentCase("a flag is two surrogate pairs", "🇫🇷", .ucs2, units: 4, segments: 1, per: 70, left: 66),
            SegmentCase("68 units and an emoji exactly fill one segment", zhe(68) + "😀", .ucs2, units: 70, segments: 1,
                        per: 70, left: 0),
            SegmentCase("69 units and an emoji overflow into two parts", zhe(69) + "😀", .ucs2, units: 71, segments: 2,
                        per: 67, left: 63),
            SegmentCase("an emoji on a part boundary moves to the next part, whose last slot is lost",
                        zhe(66) + "😀" + zhe(66), .ucs2, units: 134, segments: 3, per: 67, left: 66),
            SegmentCase("an emoji that fits the last two slots of a part stays there", zhe(65) + "😀" + zhe(67), .ucs2,
                        units: 134, segments: 2, per: 67, left: 0),
        ])
        func count(_ example: SegmentCase) {
            #expect(SMSSegments.count(example.text) == example.expected)
        }

        @Test("The GSM 03.38 default alphabet has 128 positions with escape at 0x1B, and 10 extension characters")
        func alphabetTables() {
            #expect(GSM7Alphabet.table.count == 128)
            #expect(GSM7Alphabet.table[0x1B] == "\u{1B}")
            #expect(GSM7Alphabet.table[0x00] == "@" && GSM7Alphabet.table[0x24] == "¤" && GSM7Alphabet.table[0x40] == "¡")
            #expect(GSM7Alphabet.table[0x5F] == "§" && GSM7Alphabet.table[0x60] == "¿" && GSM7Alphabet.table[0x7F] == "à")
            #expect(GSM7Alphabet.basic.count == 127)
            #expect(GSM7Alphabet.extended.count == 10)
            #expect(GSM7Alphabet.basic.isDisjoint(with: GSM7Alphabet.extended))
        }

        @Test("Segments never decrease as a text grows one character at a time", arguments: ["a", "€", "Ж", "😀"])
        func segmentsGrowMonotonically(_ unit: String) {
            var previous = 0
            var text = ""
            for _ in 0..<400 {
                text += unit
                let segments = SMSSegments.count(text).segments
                #expect(segments >= previous)
                previous = segments
            }
        }
    }
}

private func a(_ count: Int) -> String { String(repeating: "a", count: count) }
/// `Ж` (U+0416): one UTF-16 unit, outside the GSM alphabet.
private func zhe(_ count: Int) -> String { String(repeating: "Ж", count: count) }

/// One row of the segment table: a label, the text and the full expected result.
struct SegmentCase: Sendable, CustomTestStringConvertible {
    let label: String
    let text: String
    let expected: SMSSegmentInfo

    init(_ label: String, _ text: String, _ encoding: SMSSegmentInfo.Encoding, units: Int, segments: Int, per: Int, left: Int) {
        self.label = label
        self.text = text
        expected = SMSSegmentInfo(encoding: encoding, units: units, segments: segments, perSegment: per, remainingInSegment: left)
    }

    var testDescription: String { label }
}
