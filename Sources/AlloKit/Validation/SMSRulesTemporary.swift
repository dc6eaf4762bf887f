enum SMSRules {
    static func validate(from: String, to: String, message: String) throws(AlloError) {}
    static func validateFrance(senderID: String, to: String, message: String) throws(AlloError) {}
}
