/// v1 contacts: list, create, update (plural path), get and conversation (singular path) — §6.2–6.6.
enum V1Contacts {
    static func list(_ request: APIRequest, _ world: inout World) throws(APIError) -> Reply {
        let page = try Page.v1(request.query)
        let results = page.slice(world.contacts).map { world.v1Contact($0, now: request.nowSeconds) }
        return page.v1Nested(results, total: world.contacts.count)
    }

    static func create(_ request: APIRequest, _ world: inout World) throws(APIError) -> Reply {
        let input = try ContactInput(try request.object(), creating: true)
        let now = request.nowSeconds
        var contact = Contact(token: world.newToken(10), name: nil, lastName: nil, jobTitle: nil, website: nil, emails: [],
                              numbers: [], company: nil, status: nil, isArchived: false, isWhitelisted: false,
                              createdAt: now, updatedAt: now, customProperties: nil, integration: nil)
        input.apply(to: &contact)
        let index = world.addContact(contact)
        world.emitContact(world.contacts[index], created: true, now: request.now)
        // 200, not 201 (§6.3).
        return .data(world.v1Contact(world.contacts[index], now: now))
    }

    static func update(_ request: APIRequest, _ world: inout World) throws(APIError) -> Reply {
        let index = try contact(request, world)
        let input = try ContactInput(try request.object(), creating: false)
        world.updateContact(index) { contact in
            input.apply(to: &contact)
            contact.updatedAt = request.nowSeconds
        }
        world.emitContact(world.contacts[index], created: false, now: request.now)
        return .data(world.v1Contact(world.contacts[index], now: request.nowSeconds))
    }

    static func get(_ request: APIRequest, _ world: inout World) throws(APIError) -> Reply {
        let index = try contact(request, world)
        let extend = request.query.list("extend")
        for value in extend where !["engagement", "activity"].contains(value) {
            throw APIError(400, "UNSUPPORTED_EXTEND_VALUE", "'extend' accepts engagement and activity; got '\(value.prefix(40))'.",
                           param: "extend")
        }
        let contact = world.contacts[index]
        var fields: [(String, JSON)] = [
            ("id", .string("cnt_" + contact.token)),
            ("name", .optional(contact.name)),
            ("last_name", .optional(contact.lastName)),
            ("numbers", .strings(contact.numbers)),
            ("emails", .strings(contact.emails)),
            ("company", world.v1Company(contact.company)),
            ("job_title", .optional(contact.jobTitle)),
            ("website", .optional(contact.website)),
            ("integration_data", .object(contact.integration.map { [($0, .object([
                ("id", .string(contact.token.lowercased())),
                ("url", .string("https://app.\($0.lowercased()).com/contacts/\(contact.token)")),
            ]))] } ?? [])),
            ("custom_properties", contact.customProperties.map { properties in
                .object(properties.sorted { $0.key < $1.key }.map { ($0.key, .string($0.value)) })
            } ?? .null),
        ]
        if extend.contains("engagement") {
            fields.append(("engagement", .optional(world.engagement(lastActivity: world.lastActivity(of: contact), now: request.nowSeconds))))
        }
        if extend.contains("activity") {
            fields.append(("activity", .array(activity(of: contact, in: &world))))
        }
        fields.append(("conversation_url", .string("/v1/api/contact/cnt_\(contact.token)/conversation")))
        return .data(.object(fields))
    }

    static func conversation(_ request: APIRequest, _ world: inout World) throws(APIError) -> Reply {
        let index = try contact(request, world)
        let line = try request.query["allo_number"].map { number throws(APIError) in
            try world.requireLine(number: number, param: "allo_number", version: .v1)
        }
        let page = try Page.v1(request.query)
        let entries = history(of: world.contacts[index], in: &world).filter { line == nil || $0.item.line == line }
        let results = page.slice(entries).map { world.v1ConversationEntry($0.item, party: world.parties[$0.party]) }
        return page.v1Nested(results, total: entries.count)
    }

    // MARK: - Helpers

    private static func contact(_ request: APIRequest, _ world: World) throws(APIError) -> Int {
        let id = request.param("contact_id")
        guard let index = world.contactIndex(id: id) else {
            // 400, not 404 (§6.5, §12.6).
            throw APIError(400, "CONTACT_NOT_FOUND", "No contact with id '\(id.prefix(80))'.", param: "contact_id")
        }
        return index
    }

    /// Calls and messages with any of the contact's numbers, newest first.
    private static func history(of contact: Contact, in world: inout World) -> [(party: Int, item: Item)] {
        var entries: [(party: Int, item: Item)] = []
        for number in Set(contact.numbers) {
            guard let party = world.partyByNumber[number] else { continue }
            entries += world.itemsNewestFirst(of: party).map { (party, $0) }
        }
        return entries.sorted { $0.item.date > $1.item.date }
    }

    private static func activity(of contact: Contact, in world: inout World) -> [JSON] {
        history(of: contact, in: &world).prefix(20).map { entry in
            let item = entry.item
            let kind = (item.direction == .inbound ? "INBOUND_" : "OUTBOUND_") + (item.kind == .call ? "CALL" : "SMS")
            let madeBy = item.direction == .inbound ? contact.fullName : item.user.map { world.users[$0].name }
            return .object([
                ("type", .string(kind)),
                ("made_by", .optional(madeBy)),
                ("made_at", .string(Timestamp.v1(item.date))),
                ("allo_number", item.kind == .call ? .optional(world.lines[item.line].number) : .null),
                ("content", item.kind == .sms ? .optional(item.content) : .null),
            ])
        }
    }
}

/// The fields of a contact create or update. Update changes only the fields present; arrays replace (§6.4).
struct ContactInput {
    var name: String??
    var lastName: String??
    var jobTitle: String??
    var website: String??
    var emails: [String]?
    var numbers: [String]?

    init(_ body: Fields, creating: Bool) throws(APIError) {
        func text(_ key: String) throws(APIError) -> String?? {
            guard body.has(key) else { return .none }
            let value = try body.string(key)
            if let value, value.count > 255 { throw .invalidBody("'\(key)' is longer than 255 characters.", field: key) }
            return .some(value)
        }
        name = try text("name")
        lastName = try text("last_name")
        jobTitle = try text("job_title")
        website = try text("website")
        if let emails = try body.strings("emails") {
            guard emails.count <= 20 else { throw .invalidBody("'emails' holds at most 20 addresses.", field: "emails") }
            for email in emails where !email.contains("@") || email.count > 254 {
                throw APIError(400, "INVALID_REQUEST_BODY", "'\(email.prefix(80))' is not an e-mail address.", param: "emails")
            }
            self.emails = emails
        } else if body.has("emails") {
            self.emails = []
        }
        if let numbers = try body.strings("numbers") {
            guard !numbers.isEmpty, numbers.count <= 20 else {
                throw .invalidBody("'numbers' needs 1 to 20 phone numbers.", field: "numbers")
            }
            for number in numbers where !PhoneNumber.isValid(number) {
                throw .invalidPhone("numbers", number, code: "INVALID_PHONE_NUMBER")
            }
            self.numbers = numbers
        } else if creating {
            throw .invalidBody("'numbers' is required: at least one E.164 phone number.", field: "numbers")
        }
    }

    func apply(to contact: inout Contact) {
        if let name { contact.name = name }
        if let lastName { contact.lastName = lastName }
        if let jobTitle { contact.jobTitle = jobTitle }
        if let website { contact.website = website }
        if let emails { contact.emails = emails }
        if let numbers { contact.numbers = numbers }
    }
}
