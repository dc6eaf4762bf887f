/// ITU-T E.164 country calling codes and the ISO 3166 alpha-2 region each one stands for.
///
/// Calling codes form a prefix code (none is the start of another), so the 1-, 2- or 3-digit prefix that is in the
/// table is the only one; the lookup still tries the longest first. NANP (+1) regions live in `NANP`.
enum CallingCodes {
    /// The longest assigned calling code `digits` starts with (digits without the `+`), or nil when none is assigned.
    static func code(startingWith digits: some StringProtocol) -> String? {
        for length in stride(from: 3, through: 1, by: -1) where digits.count > length {
            let prefix = String(digits.prefix(length))
            if prefix == "1" || mainRegion[prefix] != nil || withoutMainRegion.contains(prefix) { return prefix }
        }
        return nil
    }

    /// The region of a number from its calling code and national significant number; nil when the code is shared
    /// and the national digits do not say which member it is, or when the code belongs to no country (+800, +882 …).
    static func region(code: String, national: some StringProtocol) -> String? {
        if code == "1" { return NANP.region(national: national) }
        if let members = territories[code], let member = members.first(where: { national.hasPrefix($0.prefix) }) {
            return member.region
        }
        return mainRegion[code]
    }

    /// Calling codes that belong to no single country: international freephone and shared-cost (+800, +808),
    /// satellite and networks (+870, +878, +881, +882, +883, +888, +979), and +590, which Guadeloupe, Saint-Barthélemy
    /// and Saint-Martin share without a prefix that tells them apart; +599 is resolved by `territories` only.
    static let withoutMainRegion: Set<String> = ["590", "599", "800", "808", "870", "878", "881", "882", "883", "888", "979"]

    /// Smaller members of a shared calling code, told apart by the first digits of the national number. A number that
    /// matches none belongs to the code's main region (`mainRegion`).
    static let territories: [String: [(prefix: String, region: String)]] = [
        "7": [("6", "KZ"), ("7", "KZ")],
        "39": [("06698", "VA")],
        "44": [("1481", "GG"), ("7781", "GG"), ("7839", "GG"), ("79111", "GG"), ("79117", "GG"),
               ("1534", "JE"), ("7509", "JE"), ("7797", "JE"), ("7829", "JE"), ("7937", "JE"),
               ("1624", "IM"), ("7524", "IM"), ("7624", "IM"), ("7924", "IM")],
        "47": [("79", "SJ")],
        "61": [("89162", "CC"), ("89164", "CX")],
        "212": [("5288", "EH"), ("5289", "EH")],
        "262": [("269", "YT"), ("639", "YT")],
        "290": [("8", "TA")],
        "358": [("18", "AX")],
        "599": [("3", "BQ"), ("4", "BQ"), ("7", "BQ"), ("9", "CW")],
    ]

    /// Every geographic calling code except +1, with the country it belongs to (the main one when shared).
    static let mainRegion: [String: String] = [
        "7": "RU",
        // Zones 2 to 9, two digits.
        "20": "EG", "27": "ZA", "30": "GR", "31": "NL", "32": "BE", "33": "FR", "34": "ES", "36": "HU", "39": "IT",
        "40": "RO", "41": "CH", "43": "AT", "44": "GB", "45": "DK", "46": "SE", "47": "NO", "48": "PL", "49": "DE",
        "51": "PE", "52": "MX", "53": "CU", "54": "AR", "55": "BR", "56": "CL", "57": "CO", "58": "VE",
        "60": "MY", "61": "AU", "62": "ID", "63": "PH", "64": "NZ", "65": "SG", "66": "TH",
        "81": "JP", "82": "KR", "84": "VN", "86": "CN",
        "90": "TR", "91": "IN", "92": "PK", "93": "AF", "94": "LK", "95": "MM", "98": "IR",
        // Zone 2: Africa and the South Atlantic.
        "211": "SS", "212": "MA", "213": "DZ", "216": "TN", "218": "LY",
        "220": "GM", "221": "SN", "222": "MR", "223": "ML", "224": "GN", "225": "CI", "226": "BF", "227": "NE",
        "228": "TG", "229": "BJ", "230": "MU", "231": "LR", "232": "SL", "233": "GH", "234": "NG", "235": "TD",
        "236": "CF", "237": "CM", "238": "CV", "239": "ST", "240": "GQ", "241": "GA", "242": "CG", "243": "CD",
        "244": "AO", "245": "GW", "246": "IO", "247": "AC", "248": "SC", "249": "SD", "250": "RW", "251": "ET",
        "252": "SO", "253": "DJ", "254": "KE", "255": "TZ", "256": "UG", "257": "BI", "258": "MZ", "260": "ZM",
        "261": "MG", "262": "RE", "263": "ZW", "264": "NA", "265": "MW", "266": "LS", "267": "BW", "268": "SZ",
        "269": "KM", "290": "SH", "291": "ER", "297": "AW", "298": "FO", "299": "GL",
        // Zones 3 and 4: Europe.
        "350": "GI", "351": "PT", "352": "LU", "353": "IE", "354": "IS", "355": "AL", "356": "MT", "357": "CY",
        "358": "FI", "359": "BG", "370": "LT", "371": "LV", "372": "EE", "373": "MD", "374": "AM", "375": "BY",
        "376": "AD", "377": "MC", "378": "SM", "379": "VA", "380": "UA", "381": "RS", "382": "ME", "383": "XK",
        "385": "HR", "386": "SI", "387": "BA", "389": "MK", "420": "CZ", "421": "SK", "423": "LI",
        // Zone 5: Central and South America.
        "500": "FK", "501": "BZ", "502": "GT", "503": "SV", "504": "HN", "505": "NI", "506": "CR", "507": "PA",
        "508": "PM", "509": "HT", "591": "BO", "592": "GY", "593": "EC", "594": "GF", "595": "PY", "596": "MQ",
        "597": "SR", "598": "UY",
        // Zone 6: Oceania and South-East Asia.
        "670": "TL", "672": "NF", "673": "BN", "674": "NR", "675": "PG", "676": "TO", "677": "SB", "678": "VU",
        "679": "FJ", "680": "PW", "681": "WF", "682": "CK", "683": "NU", "685": "WS", "686": "KI", "687": "NC",
        "688": "TV", "689": "PF", "690": "TK", "691": "FM", "692": "MH",
        // Zone 8: East Asia.
        "850": "KP", "852": "HK", "853": "MO", "855": "KH", "856": "LA", "880": "BD", "886": "TW",
        // Zone 9: West, Central and South Asia.
        "960": "MV", "961": "LB", "962": "JO", "963": "SY", "964": "IQ", "965": "KW", "966": "SA", "967": "YE",
        "968": "OM", "970": "PS", "971": "AE", "972": "IL", "973": "BH", "974": "QA", "975": "BT", "976": "MN",
        "977": "NP", "992": "TJ", "993": "TM", "994": "AZ", "995": "GE", "996": "KG", "998": "UZ",
    ]
}
