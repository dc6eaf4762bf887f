/// The fixed part of the seeded account: its lines, team members and team.
/// Numbers are fictional; each line exists to exercise one rule of the contract.
enum SeedAccount {
    static func lines() -> [Line] {
        [
            Line(kind: .number, number: "+33184807512", senderID: nil, senderIDActive: false, name: "Paris — Showroom",
                 country: "FR", isShared: false, capabilities: ["VOICE", "SMS"], sms: .supported,
                 userIndices: [0, 1, 4], language: .french, utcOffsetHours: 1),
            Line(kind: .number, number: "+33757012288", senderID: nil, senderIDActive: false, name: "Support France",
                 country: "FR", isShared: true, capabilities: ["VOICE", "SMS"], sms: .supported,
                 userIndices: [0, 1, 3], language: .french, utcOffsetHours: 1),
            Line(kind: .number, number: "+14155550100", senderID: nil, senderIDActive: false, name: "Sales US",
                 country: "US", isShared: false, capabilities: ["VOICE", "SMS", "MMS"], sms: .supported,
                 userIndices: [0, 2], language: .english, utcOffsetHours: -8),
            // SMS-less: a voice-only line; `POST /v1/api/sms` from it fails with NUMBER_NOT_SMS_ENABLED.
            Line(kind: .number, number: "+12125550147", senderID: nil, senderIDActive: false, name: "NYC Front Desk",
                 country: "US", isShared: true, capabilities: ["VOICE"], sms: .notEnabled,
                 userIndices: [2, 3], language: .english, utcOffsetHours: -5),
            // Receives SMS in the app, but its carrier has no API sending: PROVIDER_NOT_SUPPORTED.
            Line(kind: .number, number: "+442071838750", senderID: nil, senderIDActive: false, name: "London Studio",
                 country: "GB", isShared: false, capabilities: ["VOICE", "SMS"], sms: .providerNotSupported,
                 userIndices: [0, 3], language: .english, utcOffsetHours: 0),
            Line(kind: .senderID, number: nil, senderID: "MaisonLum", senderIDActive: true, name: "Maison Lumière",
                 country: "FR", isShared: false, capabilities: ["SMS"], sms: .supported,
                 userIndices: [], language: .french, utcOffsetHours: 1),
            // Declared but never verified: SENDER_ID_NOT_ACTIVE.
            Line(kind: .senderID, number: nil, senderID: "PROMO2026", senderIDActive: false, name: "Promo 2026",
                 country: "FR", isShared: false, capabilities: ["SMS"], sms: .supported,
                 userIndices: [], language: .french, utcOffsetHours: 1),
        ]
    }

    /// Lines that carry seeded conversations, with their share of contacts.
    static let conversationLineWeights: [(Int, Double)] = [(0, 0.30), (1, 0.25), (2, 0.25), (3, 0.10), (4, 0.10)]
    static let activeSenderIDLine = 5

    static func users(_ rng: inout SeededRandom) -> [User] {
        let people: [(String, String, String, String)] = [
            ("Adrien Martin", "adrien", "ADMIN", "ACTIVE"),
            ("Chloé Dubois", "chloe", "MANAGER", "ACTIVE"),
            ("Sam Carter", "sam", "MEMBER", "ACTIVE"),
            ("王芳", "fang.wang", "MEMBER", "ACTIVE"),
            ("Léo Garnier", "leo", "MEMBER", "BLOCKED"),
        ]
        return people.map { name, login, role, status in
            let id = "usr-" + rng.token(12)
            return User(id: id, name: name, email: "\(login)@maisonlumiere.fr", role: role, status: status,
                        imageURL: role == "MEMBER" ? nil : "https://cdn.withallo.com/avatars/\(id).png")
        }
    }

    /// A fictional mobile number of the line's country (US, GB, otherwise France).
    static func randomNumber(country: String, rng: inout SeededRandom) -> String {
        switch country {
        case "US":
            let area = rng.pick(["415", "628", "650", "212", "646", "718", "312", "617", "305", "206"])
            return "+1" + area + String(Int.random(in: 2...9, using: &rng)) + rng.digits(6)
        case "GB":
            return "+447" + String(Int.random(in: 4...9, using: &rng)) + rng.digits(8)
        default:
            return "+33" + rng.pick(["6", "7"]) + rng.digits(8)
        }
    }

    /// Moves a time back into office hours (8:00–19:00 local): never later, so histories stay in order and in the past.
    static func officeHours(_ time: Int64, utcOffsetHours: Int, rng: inout SeededRandom) -> Int64 {
        let offset = Int64(utcOffsetHours) * 3600
        let local = time + offset
        let day = local >= 0 ? local / 86_400 : (local - 86_399) / 86_400
        let second = local - day * 86_400
        let evening = Int64.random(in: 16 * 3600...(19 * 3600 - 60), using: &rng)
        if second < 8 * 3600 { return (day - 1) * 86_400 + evening - offset }
        if second >= 19 * 3600 { return day * 86_400 + evening - offset }
        return time
    }
}
