/// The North American Numbering Plan (+1): which member an area code belongs to, and the shape of a +1 number.
enum NANP {
    /// True for ten national digits whose area code and exchange both start with 2–9 (`NPA-NXX-XXXX`).
    static func isWellFormed(national: some StringProtocol) -> Bool {
        let digits = Array(national.utf8)
        return digits.count == 10 && digits[0] >= UInt8(ascii: "2") && digits[3] >= UInt8(ascii: "2")
    }

    /// `CA` for a Canadian area code, the member's region for a Caribbean or Pacific one, nil for the toll-free codes
    /// every member shares, `US` otherwise.
    static func region(national: some StringProtocol) -> String? {
        let areaCode = String(national.prefix(3))
        if canadianAreaCodes.contains(areaCode) { return "CA" }
        if let region = otherMembers[areaCode] { return region }
        if tollFree.contains(areaCode) { return nil }
        return "US"
    }

    /// Geographic area codes of Canada, and its non-geographic 600 and 622.
    static let canadianAreaCodes: Set<String> = [
        "204", "226", "236", "249", "250", "257", "263", "289", "306", "343", "354", "365", "367", "368", "382", "387",
        "403", "416", "418", "428", "431", "437", "438", "450", "460", "468", "474", "506", "514", "519", "548", "579",
        "581", "584", "587", "600", "604", "613", "622", "639", "647", "672", "683", "705", "709", "742", "753", "778",
        "780", "782", "807", "819", "825", "867", "873", "879", "902", "905", "942",
    ]

    /// Area codes of the NANP members other than the United States and Canada, with the region each belongs to
    /// (US territories such as Puerto Rico have ISO codes of their own).
    static let otherMembers: [String: String] = [
        "242": "BS", "246": "BB", "264": "AI", "268": "AG", "284": "VG", "340": "VI", "345": "KY", "441": "BM",
        "473": "GD", "649": "TC", "658": "JM", "664": "MS", "670": "MP", "671": "GU", "684": "AS", "721": "SX",
        "758": "LC", "767": "DM", "784": "VC", "787": "PR", "809": "DO", "829": "DO", "849": "DO", "868": "TT",
        "869": "KN", "876": "JM", "939": "PR",
    ]

    /// Toll-free area codes, valid across the whole plan.
    static let tollFree: Set<String> = ["800", "833", "844", "855", "866", "877", "888"]
}
