import Testing

/// Every v1 endpoint of the sandbox over loopback HTTP (§5.1, §6.1–6.6, §6.9, §6.10), v1 conventions throughout:
/// 0-based pages, per-endpoint metadata, flat `{"code","details"}` errors, timestamps without a zone.
@Suite("v1 endpoints")
struct V1EndpointTests {
    // MARK: - GET /v1/api/numbers (§6.9)

    @Test("GET /v1/api/numbers lists the five Allo numbers with their names, countries and sharing, and no sender IDs")
    func numbersListsTheFiveLines() async throws {
        try await withSandbox { sandbox in
            let response = try await sandbox.get("/v1/api/numbers")
            #expect(response.status == 200)
            #expect(response.json.keys == ["data"])
            let numbers = response.json["data"].array
            #expect(numbers.count == 5)
            for number in numbers {
                #expect(number.keys == ["number", "name", "country", "is_shared_number"])
            }
            let rows = Set(numbers.map { V1Row(number: $0["number"].string, name: $0["name"].string,
                                               country: $0["country"].string, shared: $0["is_shared_number"].bool) })
            #expect(rows == [
                V1Row(number: "+33184807512", name: "Paris — Showroom", country: "FR", shared: false),
                V1Row(number: "+33757012288", name: "Support France", country: "FR", shared: true),
                V1Row(number: "+14155550100", name: "Sales US", country: "US", shared: false),
                V1Row(number: "+12125550147", name: "NYC Front Desk", country: "US", shared: true),
                V1Row(number: "+442071838750", name: "London Studio", country: "GB", shared: false),
            ])
            #expect(!response.text.contains("MaisonLum"))
            #expect(!response.text.contains("PROMO2026"))
        }
    }

    // MARK: - GET /v1/api/calls (§6.1)

    @Test("GET /v1/api/calls without allo_number is 400 MISSING_PARAMETER naming the parameter")
    func callsRequireAlloNumber() async throws {
        try await withSandbox { sandbox in
            for path in ["/v1/api/calls", "/v1/api/calls?contact_number=%2B14155551234&page=0"] {
                expectV1Error(try await sandbox.get(path), 400, "MISSING_PARAMETER", field: "allo_number")
            }
        }
    }

    @Test("GET /v1/api/calls rejects phone values that are not E.164 or not ours", arguments: [
        V1EndpointPhoneCase(query: "allo_number=%2B14155550199", code: "PHONE_NUMBER_NOT_FOUND", field: "allo_number", hintsEncoding: false),
        V1EndpointPhoneCase(query: "allo_number=%2B33612345678", code: "PHONE_NUMBER_NOT_FOUND", field: "allo_number", hintsEncoding: false),
        V1EndpointPhoneCase(query: "allo_number=+14155550100", code: "INVALID_PHONE_FORMAT", field: "allo_number", hintsEncoding: true),
        V1EndpointPhoneCase(query: "allo_number=14155550100", code: "INVALID_PHONE_FORMAT", field: "allo_number", hintsEncoding: false),
        V1EndpointPhoneCase(query: "allo_number=%2B1415555", code: "INVALID_PHONE_FORMAT", field: "allo_number", hintsEncoding: false),
        V1EndpointPhoneCase(query: "allo_number=sales", code: "INVALID_PHONE_FORMAT", field: "allo_number", hintsEncoding: false),
        V1EndpointPhoneCase(query: "allo_number=%2B14155550100&contact_number=+14155551234", code: "INVALID_PHONE_FORMAT",
                    field: "contact_number", hintsEncoding: true),
        V1EndpointPhoneCase(query: "allo_number=%2B14155550100&contact_number=415-555-1234", code: "INVALID_PHONE_FORMAT",
                    field: "contact_number", hintsEncoding: false),
    ])
    func callsRejectBadPhoneValues(_ c: V1EndpointPhoneCase) async throws {
        try await withSandbox { sandbox in
            let response = try await sandbox.get("/v1/api/calls?\(c.query)")
            expectV1Error(response, 400, c.code, field: c.field)
            let message = response.json["details"][0]["message"].string ?? ""
            #expect(message.contains("%2B") == c.hintsEncoding, "message: \(message)")
        }
    }

    @Test("GET /v1/api/calls with %2B lists that line's calls only, in flat metadata, 10 per page by default")
    func callsOfOneLine() async throws {
        try await withSandbox { sandbox in
            let response = try await sandbox.get("/v1/api/calls?allo_number=%2B14155550100")
            #expect(response.status == 200)
            #expect(response.json["data"].keys == ["results", "metadata"])
            let metadata = response.json["data"]["metadata"]
            #expect(metadata.keys == ["total_pages", "current_page"])
            #expect(metadata["current_page"].int == 0)
            #expect((metadata["total_pages"].int ?? 0) > 1)
            let calls = response.json["data"]["results"].array
            #expect(calls.count == 10)
            for call in calls {
                #expect(involves(call, "+14155550100"), "\(call)")
            }
            // Pages are 0-based: page=1 is the second page and does not repeat the first.
            let second = try await sandbox.get("/v1/api/calls?allo_number=%2B14155550100&page=1")
            #expect(second.json["data"]["metadata"]["current_page"].int == 1)
            let firstIDs = Set(calls.compactMap { $0["id"].string })
            let secondIDs = Set(second.json["data"]["results"].array.compactMap { $0["id"].string })
            #expect(secondIDs.count == 10)
            #expect(firstIDs.isDisjoint(with: secondIDs))
        }
    }

    @Test("Walking every page of every line's calls gives total_pages pages, no duplicates, newest first")
    func callsWalkToTheEnd() async throws {
        try await withSandbox { sandbox in
            var allIDs: [String] = []
            for number in v1AlloNumbers {
                let walk = try await walkV1(sandbox, "/v1/api/calls?allo_number=\(encoded(number))", size: 7, nested: false)
                let ids = walk.results.compactMap { $0["id"].string }
                #expect(ids.count == walk.results.count)
                #expect(Set(ids).count == ids.count, "duplicate call ids on \(number)")
                let dates = walk.results.compactMap { $0["start_date"].string }
                #expect(dates.count == ids.count)
                #expect(zip(dates, dates.dropFirst()).allSatisfy { $0 >= $1 }, "not newest first on \(number)")
                #expect(walk.results.allSatisfy { involves($0, number) })
                // The same set as the v2 item search sees for that line.
                let v2 = try await sandbox.post("/v2/api/conversations/items/search",
                                                #"{"allo_number":"\#(number)","type":"CALL","size":1}"#)
                #expect(v2.json["pagination"]["total_count"].int == ids.count, "calls on \(number)")
                // Past the end: an empty page, still reporting the page asked for.
                let beyond = try await sandbox.get("/v1/api/calls?allo_number=\(encoded(number))&size=7&page=\(walk.totalPages)")
                #expect(beyond.status == 200)
                #expect(beyond.json["data"]["results"].count == 0)
                #expect(beyond.json["data"]["metadata"]["current_page"].int == walk.totalPages)
                allIDs += ids
            }
            #expect(Set(allIDs).count == allIDs.count, "a call listed under two lines")
            #expect(allIDs.count > 100)
        }
    }

    @Test("GET /v1/api/calls filters by contact_number, anonymous included, and an unknown party gives no pages")
    func callsFilterByContactNumber() async throws {
        try await withSandbox { sandbox in
            let first = try await sandbox.get("/v1/api/calls?allo_number=%2B14155550100&size=20")
            let party = try #require(first.json["data"]["results"].array.compactMap { counterpart(of: $0, "+14155550100") }
                .first { $0 != "anonymous" })
            let filtered = try await walkV1(sandbox, "/v1/api/calls?allo_number=%2B14155550100&contact_number=\(encoded(party))",
                                            size: 3, nested: false)
            #expect(!filtered.results.isEmpty)
            #expect(filtered.results.allSatisfy { counterpart(of: $0, "+14155550100") == party })
            let v2 = try await sandbox.post("/v2/api/conversations/items/search",
                                            #"{"allo_number":"+14155550100","contact_number":"\#(party)","type":"CALL","size":1}"#)
            #expect(v2.json["pagination"]["total_count"].int == filtered.results.count)

            // The anonymous caller rings the Paris line.
            let anonymous = try await sandbox.get("/v1/api/calls?allo_number=%2B33184807512&contact_number=anonymous&size=100")
            #expect(anonymous.status == 200)
            let calls = anonymous.json["data"]["results"].array
            #expect(!calls.isEmpty)
            #expect(calls.allSatisfy { $0["from_number"].string == "anonymous" && $0["type"].string == "INBOUND" })

            let nobody = try await sandbox.get("/v1/api/calls?allo_number=%2B14155550100&contact_number=%2B14155559999")
            #expect(nobody.status == 200)
            #expect(nobody.json["data"]["results"].count == 0)
            #expect(nobody.json["data"]["metadata"]["total_pages"].int == 0)
            #expect(nobody.json["data"]["metadata"]["current_page"].int == 0)
        }
    }

    @Test("v1 lists accept size 1 to 100 and page from 0; anything else is a 400 naming the parameter", arguments: [
        "/v1/api/calls?allo_number=%2B33184807512", "/v1/api/contacts",
    ], [
        ("size=0", "INVALID_PAGE_SIZE", "size"), ("size=101", "INVALID_PAGE_SIZE", "size"),
        ("size=-5", "INVALID_PAGE_SIZE", "size"), ("size=ten", "INVALID_PAGE_SIZE", "size"),
        ("size=2.5", "INVALID_PAGE_SIZE", "size"), ("page=-1", "INVALID_PARAMETER", "page"),
        ("page=first", "INVALID_PARAMETER", "page"),
    ])
    func pageAndSizeBounds(path: String, bad: (query: String, code: String, field: String)) async throws {
        try await withSandbox { sandbox in
            let separator = path.contains("?") ? "&" : "?"
            expectV1Error(try await sandbox.get(path + separator + bad.query), 400, bad.code, field: bad.field)
            for size in [1, 100] {
                let ok = try await sandbox.get(path + separator + "size=\(size)")
                #expect(ok.status == 200)
                let count = ok.json["data"]["results"].count
                #expect(count >= 1 && count <= size)
            }
        }
    }

    @Test("A v1 call has the §6.1 fields; the account shows every transcript source, several results and an anonymous caller")
    func callObjectFields() async throws {
        try await withSandbox { sandbox in
            var calls: [J] = []
            for number in v1AlloNumbers {
                calls += try await walkV1(sandbox, "/v1/api/calls?allo_number=\(encoded(number))", size: 100, nested: false).results
            }
            var sources = Set<String>(), results = Set<String>(), fromNumbers = Set<String>()
            var withTranscript = 0
            for call in calls {
                #expect(call.keys == v1CallKeys, "\(call)")
                #expect(call["id"].string?.hasPrefix("call_") == true)
                let from = try #require(call["from_number"].string)
                fromNumbers.insert(from)
                #expect(from == "anonymous" || from.hasPrefix("+"))
                #expect(call["to_number"].string?.hasPrefix("+") == true)
                #expect(["INBOUND", "OUTBOUND"].contains(call["type"].string ?? ""))
                #expect(v1CallResults.contains(call["result"].string ?? ""), "result \(call["result"])")
                results.insert(call["result"].string ?? "")
                #expect((call["length_in_minutes"].double ?? -1) >= 0)
                #expect(call["summary"].isNull || call["summary"].string != nil)
                #expect(call["tag"].isNull || call["tag"].string != nil)
                #expect(call["recording_url"].isNull || call["recording_url"].string?.hasPrefix("https://") == true)
                #expect(isV1Timestamp(call["start_date"].string))
                if call["transcript"].isNull { continue }
                let rows = call["transcript"].array
                #expect(!rows.isEmpty)
                withTranscript += 1
                for row in rows {
                    #expect(row.keys == ["source", "text", "time", "start_seconds", "end_seconds"])
                    sources.insert(row["source"].string ?? "")
                    #expect(!(row["text"].string ?? "").isEmpty)
                    #expect(isV1Timestamp(row["time"].string))
                    #expect((row["time"].string ?? "") >= (call["start_date"].string ?? ""))
                    let start = try #require(row["start_seconds"].double), end = try #require(row["end_seconds"].double)
                    #expect(start >= 0 && start <= end)
                }
            }
            #expect(sources == ["AGENT", "EXTERNAL", "USER"])
            #expect(results.count >= 5, "results seen: \(results.sorted())")
            #expect(results.isSuperset(of: ["ANSWERED", "VOICEMAIL"]))
            #expect(fromNumbers.contains("anonymous"))
            #expect(withTranscript > 0 && withTranscript < calls.count)
        }
    }

    // MARK: - GET /v1/api/contacts (§6.2)

    @Test("GET /v1/api/contacts pages 10 contacts in the list form, nested metadata, no emails")
    func contactsListShape() async throws {
        try await withSandbox { sandbox in
            let response = try await sandbox.get("/v1/api/contacts")
            #expect(response.status == 200)
            #expect(response.json["data"].keys == ["results", "metadata"])
            #expect(response.json["data"]["metadata"].keys == ["pagination"])
            #expect(response.json["data"]["metadata"]["pagination"].keys == ["total_pages", "current_page"])
            #expect(response.json["data"]["metadata"]["pagination"]["total_pages"].int == 6)
            #expect(response.json["data"]["metadata"]["pagination"]["current_page"].int == 0)
            let contacts = response.json["data"]["results"].array
            #expect(contacts.count == 10)
            for contact in contacts {
                expectV1ListContact(contact)
            }
        }
    }

    @Test("Walking every contacts page yields each contact once, as many as were seeded", arguments: [(60, 7), (25, 10), (3, 100)])
    func contactsWalkToTheEnd(seeded: Int, size: Int) async throws {
        try await withSandbox(contacts: seeded) { sandbox in
            let walk = try await walkV1(sandbox, "/v1/api/contacts", size: size, nested: true)
            #expect(walk.totalPages == (seeded + size - 1) / size)
            let ids = walk.results.compactMap { $0["id"].string }
            #expect(ids.count == seeded)
            #expect(Set(ids).count == seeded)
            var engagements = Set<String>()
            for contact in walk.results {
                expectV1ListContact(contact)
                engagements.insert(contact["engagement"].string ?? "null")
            }
            if seeded == 60 { #expect(engagements.isSuperset(of: ["ENGAGED", "COOLING"]), "engagement values seen: \(engagements.sorted())") }
        }
    }

    // MARK: - POST /v1/api/contacts (§6.3)

    @Test("POST /v1/api/contacts answers 200 with the list form; the contact is listed last and readable by id")
    func createContact() async throws {
        try await withSandbox { sandbox in
            let created = try await sandbox.post("/v1/api/contacts", v1NewContactBody)
            #expect(created.status == 200)
            let contact = created.json["data"]
            expectV1ListContact(contact)
            let id = try #require(contact["id"].string)
            #expect(contact["name"].string == "Ada")
            #expect(contact["last_name"].string == "Lovelace")
            #expect(contact["job_title"].string == "Analyst")
            #expect(contact["website"].string == "https://ada.example")
            #expect(contact["numbers"] == .array([.string("+14155559876"), .string("+33612340000")]))
            #expect(contact["company"].isNull)
            #expect(contact["is_archived"].bool == false)
            #expect(contact["created_at"].string == "2026-11-18T11:16:40")
            #expect(contact["updated_at"].string == "2026-11-18T11:16:40")
            #expect(contact["last_activity_date"].isNull)
            #expect(contact["engagement"].isNull)

            // Creation order: the new contact ends the list.
            let list = try await sandbox.get("/v1/api/contacts?size=100")
            let results = list.json["data"]["results"].array
            #expect(results.count == 61)
            #expect(results.last == contact)

            let read = try await sandbox.get("/v1/api/contact/\(id)")
            #expect(read.status == 200)
            #expect(read.json["data"]["emails"] == .array([.string("ada@example.com"), .string("a.l@example.org")]))
            #expect(read.json["data"]["numbers"] == contact["numbers"])
            #expect(read.json["data"]["name"].string == "Ada")
        }
    }

    @Test("POST /v1/api/contacts needs only numbers and ignores unknown keys such as company")
    func createContactIgnoresUnknownKeys() async throws {
        try await withSandbox { sandbox in
            let created = try await sandbox.post("/v1/api/contacts",
                                                 #"{"numbers":["+14155559877"],"company":"Acme","favourite_colour":"blue"}"#)
            #expect(created.status == 200)
            let contact = created.json["data"]
            expectV1ListContact(contact)
            #expect(contact["company"].isNull)
            #expect(contact["name"].isNull)
            #expect(contact["numbers"] == .array([.string("+14155559877")]))
            #expect(!created.text.contains("favourite_colour"))
            let read = try await sandbox.get("/v1/api/contact/\(contact["id"].string ?? "")")
            #expect(read.json["data"]["company"].isNull)
            #expect(read.json["data"]["emails"] == .array([]))
        }
    }

    @Test("POST /v1/api/contacts rejects a bad body with a v1 error naming the field, and creates nothing", arguments: [
        V1EndpointBodyCase(#"{}"#, "INVALID_REQUEST_BODY", field: "numbers"),
        V1EndpointBodyCase(#"{"name":"Ada"}"#, "INVALID_REQUEST_BODY", field: "numbers"),
        V1EndpointBodyCase(#"{"numbers":null}"#, "INVALID_REQUEST_BODY", field: "numbers"),
        V1EndpointBodyCase(#"{"numbers":[]}"#, "INVALID_REQUEST_BODY", field: "numbers"),
        V1EndpointBodyCase(#"{"numbers":["0612345678"]}"#, "INVALID_PHONE_NUMBER", field: "numbers"),
        V1EndpointBodyCase(#"{"numbers":["+1415555"]}"#, "INVALID_PHONE_NUMBER", field: "numbers"),
        V1EndpointBodyCase(#"{"numbers":["+14155551234","+33 6 12 34 56 78"]}"#, "INVALID_PHONE_NUMBER", field: "numbers"),
        V1EndpointBodyCase(#"{"numbers":"+14155551234"}"#, "INVALID_REQUEST_BODY", field: "numbers"),
        V1EndpointBodyCase(#"{"numbers":[14155551234]}"#, "INVALID_REQUEST_BODY", field: "numbers"),
        V1EndpointBodyCase(#"{"numbers":["+14155551234"],"name":42}"#, "INVALID_REQUEST_BODY", field: "name"),
        V1EndpointBodyCase(#"{"numbers":["+14155551234"],"website":["https://a.example"]}"#, "INVALID_REQUEST_BODY", field: "website"),
        V1EndpointBodyCase(#"{"numbers":["+14155551234"],"emails":"ada@example.com"}"#, "INVALID_REQUEST_BODY", field: "emails"),
        V1EndpointBodyCase(#"{"numbers":["+14155551234"],"emails":["not-an-address"]}"#, "INVALID_REQUEST_BODY", field: "emails"),
        V1EndpointBodyCase(#"{"numbers":["+14155551234"],"job_title":"\#(String(repeating: "x", count: 256))"}"#,
                   "INVALID_REQUEST_BODY", field: "job_title", label: "job_title of 256 characters"),
        V1EndpointBodyCase("{\"numbers\":[" + (0..<21).map { "\"+1415555\(1000 + $0)\"" }.joined(separator: ",") + "]}",
                   "INVALID_REQUEST_BODY", field: "numbers", label: "21 numbers"),
        V1EndpointBodyCase(#"[{"numbers":["+14155551234"]}]"#, "INVALID_REQUEST_BODY", field: nil),
        V1EndpointBodyCase(#"{"numbers":["+14155551234"]"#, "INVALID_REQUEST_BODY", field: nil, label: "truncated JSON"),
    ])
    func createContactValidation(_ c: V1EndpointBodyCase) async throws {
        try await withSandbox { sandbox in
            let response = try await sandbox.post("/v1/api/contacts", c.body)
            expectV1Error(response, 400, c.code, field: c.field)
            let list = try await sandbox.get("/v1/api/contacts?size=1")
            #expect(list.json["data"]["metadata"]["pagination"]["total_pages"].int == 60)
        }
    }

    // MARK: - PUT /v1/api/contacts/{id} (§6.4)

    @Test("PUT /v1/api/contacts/{id} changes only the fields given, replaces arrays, clears with null and moves updated_at")
    func updateContactIsPartial() async throws {
        try await withSandbox { sandbox in
            let created = try await sandbox.post("/v1/api/contacts", v1NewContactBody).json["data"]
            let id = try #require(created["id"].string)
            sandbox.clock.advance(by: 90)

            let titled = try await sandbox.request("PUT", "/v1/api/contacts/\(id)", json: #"{"job_title":"Chief Analyst"}"#)
            #expect(titled.status == 200)
            let after = titled.json["data"]
            expectV1ListContact(after)
            #expect(after["job_title"].string == "Chief Analyst")
            #expect(after["updated_at"].string == "2026-11-18T11:18:10")
            for field in ["id", "name", "last_name", "website", "numbers", "company", "created_at", "status", "is_archived"] {
                #expect(after[field] == created[field], "\(field) changed")
            }
            var read = try await sandbox.get("/v1/api/contact/\(id)").json["data"]
            #expect(read["emails"] == .array([.string("ada@example.com"), .string("a.l@example.org")]))

            let replaced = try await sandbox.request("PUT", "/v1/api/contacts/\(id)",
                                                     json: #"{"numbers":["+14155550123"],"emails":["new@example.com"]}"#)
            #expect(replaced.json["data"]["numbers"] == .array([.string("+14155550123")]))
            read = try await sandbox.get("/v1/api/contact/\(id)").json["data"]
            #expect(read["emails"] == .array([.string("new@example.com")]))
            #expect(read["job_title"].string == "Chief Analyst")

            let cleared = try await sandbox.request("PUT", "/v1/api/contacts/\(id)", json: #"{"website":null,"name":null,"emails":[]}"#)
            #expect(cleared.status == 200)
            #expect(cleared.json["data"]["website"].isNull)
            #expect(cleared.json["data"]["name"].isNull)
            #expect(cleared.json["data"]["last_name"].string == "Lovelace")
            #expect(cleared.json["data"]["numbers"] == .array([.string("+14155550123")]))
            read = try await sandbox.get("/v1/api/contact/\(id)").json["data"]
            #expect(read["emails"] == .array([]))
            #expect(read["website"].isNull)
        }
    }

    @Test("PUT on a seeded contact changes it in place in the list")
    func updateSeededContact() async throws {
        try await withSandbox { sandbox in
            let before = try await sandbox.get("/v1/api/contacts?size=5").json["data"]["results"].array
            let target = before[2]
            let id = try #require(target["id"].string)
            let updated = try await sandbox.request("PUT", "/v1/api/contacts/\(id)", json: #"{"last_name":"Renommé-Ünïcode"}"#)
            #expect(updated.status == 200)
            let after = try await sandbox.get("/v1/api/contacts?size=5").json["data"]["results"].array
            #expect(after.map { $0["id"] } == before.map { $0["id"] })
            #expect(after[2]["last_name"].string == "Renommé-Ünïcode")
            #expect(after[2]["name"] == target["name"])
            #expect(after[2]["numbers"] == target["numbers"])
            #expect(after[2]["updated_at"].string == "2026-11-18T11:16:40")
            #expect(after[1] == before[1])
        }
    }

    @Test("PUT /v1/api/contacts/{id} validates like create and leaves the contact unchanged", arguments: [
        V1EndpointBodyCase(#"{"numbers":[]}"#, "INVALID_REQUEST_BODY", field: "numbers"),
        V1EndpointBodyCase(#"{"numbers":["+1"]}"#, "INVALID_PHONE_NUMBER", field: "numbers"),
        V1EndpointBodyCase(#"{"numbers":"+14155551234"}"#, "INVALID_REQUEST_BODY", field: "numbers"),
        V1EndpointBodyCase(#"{"name":7}"#, "INVALID_REQUEST_BODY", field: "name"),
        V1EndpointBodyCase(#"{"last_name":false}"#, "INVALID_REQUEST_BODY", field: "last_name"),
        V1EndpointBodyCase(#"{"emails":["nope"]}"#, "INVALID_REQUEST_BODY", field: "emails"),
        V1EndpointBodyCase(#""Ada""#, "INVALID_REQUEST_BODY", field: nil),
    ])
    func updateContactValidation(_ c: V1EndpointBodyCase) async throws {
        try await withSandbox { sandbox in
            let created = try await sandbox.post("/v1/api/contacts", v1NewContactBody).json["data"]
            let id = try #require(created["id"].string)
            sandbox.clock.advance(by: 30)
            expectV1Error(try await sandbox.request("PUT", "/v1/api/contacts/\(id)", json: c.body), 400, c.code, field: c.field)
            let list = try await sandbox.get("/v1/api/contacts?size=100").json["data"]["results"].array
            #expect(list.last == created)
        }
    }

    // MARK: - Unknown contacts and path shapes (§6.4–6.6)

    @Test("An unknown contact id is 400 CONTACT_NOT_FOUND on get, conversation and update", arguments: [
        ("GET", "/v1/api/contact/%@"), ("GET", "/v1/api/contact/%@/conversation"), ("PUT", "/v1/api/contacts/%@"),
    ], ["cnt_nobody00000", "cnt_", "nobody", "call_0000000000"])
    func unknownContact(endpoint: (method: String, template: String), id: String) async throws {
        try await withSandbox { sandbox in
            let path = endpoint.template.replacingOccurrences(of: "%@", with: id)
            let response = try await sandbox.request(endpoint.method, path, json: endpoint.method == "PUT" ? #"{"name":"X"}"# : nil)
            expectV1Error(response, 400, "CONTACT_NOT_FOUND", field: "contact_id")
        }
    }

    @Test("The plural path is for updates only (GET is 405, Allow: PUT) and the singular path has no list (404)")
    func contactPathShapes() async throws {
        try await withSandbox { sandbox in
            let id = try #require(try await sandbox.get("/v1/api/contacts?size=1").json["data"]["results"][0]["id"].string)

            let pluralGet = try await sandbox.get("/v1/api/contacts/\(id)")
            expectV1Error(pluralGet, 405, "METHOD_NOT_ALLOWED", field: nil)
            #expect(pluralGet[header: "Allow"] == "PUT")

            let singularPut = try await sandbox.request("PUT", "/v1/api/contact/\(id)", json: #"{"name":"X"}"#)
            expectV1Error(singularPut, 405, "METHOD_NOT_ALLOWED", field: nil)
            #expect(singularPut[header: "Allow"] == "GET")

            expectV1Error(try await sandbox.get("/v1/api/contact"), 404, "ROUTE_NOT_FOUND", field: nil)
            expectV1Error(try await sandbox.post("/v1/api/contact", #"{"numbers":["+14155551234"]}"#), 404, "ROUTE_NOT_FOUND", field: nil)
        }
    }

    // MARK: - GET /v1/api/contact/{id} (§6.5)

    @Test("GET /v1/api/contact/{id} returns the context form, matching the list form, without engagement or activity")
    func contactContextForm() async throws {
        try await withSandbox { sandbox in
            let list = try await sandbox.get("/v1/api/contacts?size=100").json["data"]["results"].array
            #expect(list.count == 60)
            var integrations = 0, withEmails = 0, withCustomProperties = 0
            for summary in list {
                let id = try #require(summary["id"].string)
                let response = try await sandbox.get("/v1/api/contact/\(id)")
                #expect(response.status == 200)
                let contact = response.json["data"]
                #expect(contact.keys == v1ContextKeys, "\(contact)")
                for field in ["id", "name", "last_name", "numbers", "company", "job_title", "website"] {
                    #expect(contact[field] == summary[field], "\(field) of \(id)")
                }
                #expect(contact["emails"].array.allSatisfy { $0.string?.contains("@") == true })
                if !contact["emails"].array.isEmpty { withEmails += 1 }
                guard case .object(let integration) = contact["integration_data"] else {
                    Issue.record("integration_data of \(id) is not an object: \(contact["integration_data"])")
                    continue
                }
                #expect(integration.keys.allSatisfy { ["HUBSPOT", "SALESFORCE", "PIPEDRIVE"].contains($0) })
                if !integration.isEmpty { integrations += 1 }
                if case .object = contact["custom_properties"] { withCustomProperties += 1 } else {
                    #expect(contact["custom_properties"].isNull)
                }
                #expect(contact["conversation_url"].string == "/v1/api/contact/\(id)/conversation")
            }
            #expect(integrations > 0)
            #expect(withEmails > 0 && withEmails < 60)
            #expect(withCustomProperties > 0)
        }
    }

    @Test("extend=engagement and extend=activity add those fields, alone or together", arguments: [
        ("engagement", ["engagement"]), ("activity", ["activity"]), ("engagement,activity", ["engagement", "activity"]),
        ("activity&extend=engagement", ["engagement", "activity"]),
    ])
    func contactExtend(query: String, added: [String]) async throws {
        try await withSandbox { sandbox in
            let summary = try await sandbox.get("/v1/api/contacts?size=1").json["data"]["results"][0]
            let id = try #require(summary["id"].string)
            let response = try await sandbox.get("/v1/api/contact/\(id)?extend=\(query)")
            #expect(response.status == 200)
            let contact = response.json["data"]
            #expect(contact.keys == v1ContextKeys.union(added))
            if added.contains("engagement") {
                #expect(contact["engagement"] == summary["engagement"])
            }
            if added.contains("activity") {
                #expect(!contact["activity"].array.isEmpty)
            }
        }
    }

    @Test("Activity lists the 20 newest calls and messages, matching the conversation, with allo_number on calls and content on SMS")
    func contactActivity() async throws {
        try await withSandbox { sandbox in
            let contacts = try await sandbox.get("/v1/api/contacts?size=100").json["data"]["results"].array
            var kinds = Set<String>()
            for summary in contacts.prefix(15) {
                let id = try #require(summary["id"].string)
                let activity = try await sandbox.get("/v1/api/contact/\(id)?extend=activity").json["data"]["activity"].array
                let conversation = try await sandbox.get("/v1/api/contact/\(id)/conversation?size=20").json["data"]["results"].array
                #expect(activity.count == conversation.count)
                for (event, entry) in zip(activity, conversation) {
                    #expect(event.keys == ["type", "made_by", "made_at", "allo_number", "content"])
                    let type = try #require(event["type"].string)
                    kinds.insert(type)
                    let isCall = type.hasSuffix("_CALL")
                    let item = isCall ? entry["call"] : entry["message"]
                    #expect(entry["type"].string == (isCall ? "CALL" : "TEXT_MESSAGE"))
                    #expect(type.hasPrefix(item["type"].string ?? "?"))
                    #expect(event["made_at"] == item["start_date"])
                    #expect(event["made_by"].isNull || event["made_by"].string != nil)
                    if isCall {
                        #expect(event["allo_number"].string?.hasPrefix("+") == true)
                        #expect(event["content"].isNull)
                    } else {
                        #expect(event["allo_number"].isNull)
                        #expect(event["content"] == item["content"])
                    }
                }
            }
            #expect(kinds == ["INBOUND_CALL", "OUTBOUND_CALL", "INBOUND_SMS", "OUTBOUND_SMS"])
        }
    }

    @Test("An extend value other than engagement or activity is 400 UNSUPPORTED_EXTEND_VALUE",
          arguments: ["transcript", "engagement,emails", "ACTIVITY", "*"])
    func contactBadExtend(value: String) async throws {
        try await withSandbox { sandbox in
            let id = try #require(try await sandbox.get("/v1/api/contacts?size=1").json["data"]["results"][0]["id"].string)
            let response = try await sandbox.get("/v1/api/contact/\(id)?extend=\(value)")
            expectV1Error(response, 400, "UNSUPPORTED_EXTEND_VALUE", field: "extend")
        }
    }

    // MARK: - GET /v1/api/contact/{id}/conversation (§6.6)

    @Test("A contact's conversation holds calls and messages, exactly one of call/message set, newest first, in nested metadata")
    func contactConversation() async throws {
        try await withSandbox { sandbox in
            let contacts = try await sandbox.get("/v1/api/contacts?size=100").json["data"]["results"].array
            var sawCall = false, sawMessage = false, sawSenderID = false
            for summary in contacts.prefix(20) {
                let id = try #require(summary["id"].string)
                let first = try await sandbox.get("/v1/api/contact/\(id)/conversation")
                #expect(first.status == 200)
                #expect(first.json["data"].keys == ["results", "metadata"])
                #expect(first.json["data"]["metadata"]["pagination"].keys == ["total_pages", "current_page"])

                let walk = try await walkV1(sandbox, "/v1/api/contact/\(id)/conversation", size: 3, nested: true)
                var dates: [String] = []
                var expected = 0
                for number in summary["numbers"].array.compactMap(\.string) {
                    let v2 = try await sandbox.post("/v2/api/conversations/items/search", #"{"contact_number":"\#(number)","size":1}"#)
                    expected += v2.json["pagination"]["total_count"].int ?? 0
                }
                #expect(walk.results.count == expected, "entries of \(id)")
                for entry in walk.results {
                    #expect(entry.keys == ["type", "call", "message"])
                    switch entry["type"].string {
                    case "CALL"?:
                        sawCall = true
                        #expect(entry["message"].isNull)
                        #expect(entry["call"].keys == v1CallKeys.union(["tags"]))
                        #expect(entry["call"]["id"].string?.hasPrefix("call_") == true)
                        #expect(summary["numbers"].array.contains(entry["call"][entry["call"]["type"].string == "INBOUND" ? "from_number" : "to_number"]))
                        dates.append(entry["call"]["start_date"].string ?? "")
                    case "TEXT_MESSAGE"?:
                        sawMessage = true
                        let message = entry["message"]
                        #expect(entry["call"].isNull)
                        #expect(message.keys == ["from_number", "sender_id", "to_number", "type", "content", "start_date"])
                        #expect(["INBOUND", "OUTBOUND"].contains(message["type"].string ?? ""))
                        #expect(!(message["content"].string ?? "").isEmpty)
                        #expect(isV1Timestamp(message["start_date"].string))
                        if message["sender_id"].string == "MaisonLum" {
                            sawSenderID = true
                            #expect(message["from_number"].isNull)
                            #expect(message["type"].string == "OUTBOUND")
                        } else {
                            #expect(message["sender_id"].isNull)
                            #expect(message["from_number"].string?.hasPrefix("+") == true)
                        }
                        dates.append(message["start_date"].string ?? "")
                    default:
                        Issue.record("unexpected entry \(entry)")
                    }
                }
                #expect(zip(dates, dates.dropFirst()).allSatisfy { $0 >= $1 }, "not newest first for \(id)")
            }
            #expect(sawCall && sawMessage && sawSenderID)
        }
    }

    @Test("allo_number narrows a contact's conversation to one line; the lines and sender-ID messages add up to the whole")
    func contactConversationByLine() async throws {
        try await withSandbox { sandbox in
            let contacts = try await sandbox.get("/v1/api/contacts?size=100").json["data"]["results"].array
            var narrowed = 0
            for summary in contacts.prefix(12) {
                let id = try #require(summary["id"].string)
                let all = try await walkV1(sandbox, "/v1/api/contact/\(id)/conversation", size: 100, nested: true).results
                var perLine = 0
                for number in v1AlloNumbers {
                    let some = try await walkV1(sandbox, "/v1/api/contact/\(id)/conversation?allo_number=\(encoded(number))",
                                                size: 100, nested: true).results
                    perLine += some.count
                    for entry in some {
                        let item = entry["call"].isNull ? entry["message"] : entry["call"]
                        #expect(item["from_number"].string == number || item["to_number"].string == number, "\(entry)")
                    }
                    if !some.isEmpty && some.count < all.count { narrowed += 1 }
                }
                let senderID = all.filter { $0["message"]["sender_id"].string != nil }.count
                #expect(perLine + senderID == all.count, "lines of \(id)")
            }
            #expect(narrowed > 0)

            let id = try #require(contacts.first?["id"].string)
            expectV1Error(try await sandbox.get("/v1/api/contact/\(id)/conversation?allo_number=%2B14155550199"),
                          400, "PHONE_NUMBER_NOT_FOUND", field: "allo_number")
            expectV1Error(try await sandbox.get("/v1/api/contact/\(id)/conversation?allo_number=+14155550100"),
                          400, "INVALID_PHONE_FORMAT", field: "allo_number")
            expectV1Error(try await sandbox.get("/v1/api/contact/\(id)/conversation?size=101"), 400, "INVALID_PAGE_SIZE", field: "size")
        }
    }

    @Test("A contact with no history has an empty conversation with zero pages")
    func emptyConversation() async throws {
        try await withSandbox { sandbox in
            let id = try #require(try await sandbox.post("/v1/api/contacts", #"{"numbers":["+14155559871"]}"#).json["data"]["id"].string)
            let response = try await sandbox.get("/v1/api/contact/\(id)/conversation")
            #expect(response.status == 200)
            #expect(response.json["data"]["results"] == .array([]))
            #expect(response.json["data"]["metadata"]["pagination"]["total_pages"].int == 0)
            #expect(response.json["data"]["metadata"]["pagination"]["current_page"].int == 0)
        }
    }

    @Test("Saving an unsaved caller's number as a contact brings its history; renumbering the contact takes it away")
    func contactHistoryFollowsItsNumbers() async throws {
        try await withSandbox { sandbox in
            let conversations = try await sandbox.get("/v2/api/conversations?allo_number=%2B14155550100&size=100").json["data"].array
            let stranger = try #require(conversations.first { $0["contacts"].count == 0 }?["contact_number"].string)
            let items = try await sandbox.post("/v2/api/conversations/items/search", #"{"contact_number":"\#(stranger)","size":1}"#)
            let expected = try #require(items.json["pagination"]["total_count"].int)
            #expect(expected > 0)

            let created = try await sandbox.post("/v1/api/contacts", #"{"numbers":["\#(stranger)"]}"#).json["data"]
            let id = try #require(created["id"].string)
            #expect(!created["last_activity_date"].isNull)
            #expect(!created["engagement"].isNull)
            let history = try await walkV1(sandbox, "/v1/api/contact/\(id)/conversation", size: 100, nested: true).results
            #expect(history.count == expected)

            let renumbered = try await sandbox.request("PUT", "/v1/api/contacts/\(id)", json: #"{"numbers":["+14155559872"]}"#)
            #expect(renumbered.json["data"]["last_activity_date"].isNull)
            #expect(renumbered.json["data"]["engagement"].isNull)
            let after = try await sandbox.get("/v1/api/contact/\(id)/conversation")
            #expect(after.json["data"]["results"].count == 0)
        }
    }

    // MARK: - v1 webhooks (§6.10)

    @Test("v1 webhooks: none at first; create is 200 with an id, defaults to enabled, dedups topics, and is listed with its id")
    func webhookCreateAndList() async throws {
        try await withSandbox { sandbox in
            let empty = try await sandbox.get("/v1/api/webhooks")
            #expect(empty.status == 200)
            #expect(empty.json == .object(["data": .array([])]))

            let created = try await sandbox.post("/v1/api/webhooks", #"""
                {"allo_number":"+14155550100","url":"https://hooks.example.com/allo",
                 "topics":["CALL_RECEIVED","SMS_RECEIVED","CALL_RECEIVED"]}
                """#)
            #expect(created.status == 200)
            let webhook = created.json["data"]
            #expect(webhook.keys == ["id", "allo_number", "enabled", "url", "topics"])
            #expect(webhook["id"].string?.hasPrefix("web-") == true)
            #expect(webhook["allo_number"].string == "+14155550100")
            #expect(webhook["enabled"].bool == true)
            #expect(webhook["url"].string == "https://hooks.example.com/allo")
            #expect(webhook["topics"] == .array([.string("CALL_RECEIVED"), .string("SMS_RECEIVED")]))

            let loopback = try await sandbox.post("/v1/api/webhooks", #"""
                {"allo_number":"+33184807512","url":"http://127.0.0.1:9/hook","topics":["PING","SMS_SENT","CONTACT_CREATED","CONTACT_UPDATED"],"enabled":false}
                """#)
            #expect(loopback.status == 200)
            #expect(loopback.json["data"]["enabled"].bool == false)

            let list = try await sandbox.get("/v1/api/webhooks").json["data"].array
            #expect(list == [webhook, loopback.json["data"]])
        }
    }

    @Test("Creating a v1 webhook for a number that has one replaces its config and keeps its id")
    func webhookReplacePerNumber() async throws {
        try await withSandbox { sandbox in
            let first = try await sandbox.post("/v1/api/webhooks",
                                               #"{"allo_number":"+14155550100","url":"https://a.example.com/1","topics":["CALL_RECEIVED"]}"#)
            let id = try #require(first.json["data"]["id"].string)
            let second = try await sandbox.post("/v1/api/webhooks", #"""
                {"allo_number":"+14155550100","url":"https://b.example.com/2","topics":["SMS_RECEIVED","SMS_SENT"],"enabled":false}
                """#)
            #expect(second.status == 200)
            #expect(second.json["data"]["id"].string == id)
            #expect(second.json["data"]["url"].string == "https://b.example.com/2")
            #expect(second.json["data"]["topics"] == .array([.string("SMS_RECEIVED"), .string("SMS_SENT")]))
            #expect(second.json["data"]["enabled"].bool == false)

            let list = try await sandbox.get("/v1/api/webhooks").json["data"].array
            #expect(list == [second.json["data"]])

            let other = try await sandbox.post("/v1/api/webhooks",
                                               #"{"allo_number":"+12125550147","url":"https://a.example.com/1","topics":["CALL_RECEIVED"]}"#)
            #expect(other.json["data"]["id"].string != id)
            #expect(try await sandbox.get("/v1/api/webhooks").json["data"].count == 2)
        }
    }

    @Test("Deleting a v1 webhook is 204; an unknown id is 404 with exactly {\"error\":\"WEBHOOK_NOT_FOUND\"}")
    func webhookDelete() async throws {
        try await withSandbox { sandbox in
            let keep = try await sandbox.post("/v1/api/webhooks",
                                              #"{"allo_number":"+33757012288","url":"https://a.example.com/k","topics":["PING"]}"#)
            let drop = try await sandbox.post("/v1/api/webhooks",
                                              #"{"allo_number":"+33184807512","url":"https://a.example.com/d","topics":["PING"]}"#)
            let id = try #require(drop.json["data"]["id"].string)

            let deleted = try await sandbox.request("DELETE", "/v1/api/webhooks/\(id)")
            #expect(deleted.status == 204)
            #expect(deleted.data.isEmpty)
            #expect(try await sandbox.get("/v1/api/webhooks").json["data"].array == [keep.json["data"]])

            for missing in [id, "web-doesnotexist", "nothing"] {
                let again = try await sandbox.request("DELETE", "/v1/api/webhooks/\(missing)")
                #expect(again.status == 404)
                #expect(again.json == .object(["error": .string("WEBHOOK_NOT_FOUND")]))
            }
        }
    }

    @Test("Creating a v1 webhook rejects a bad body with a v1 error and creates nothing", arguments: [
        V1EndpointBodyCase(#"{"url":"https://a.example.com","topics":["PING"]}"#, "INVALID_REQUEST_BODY", field: "allo_number"),
        V1EndpointBodyCase(#"{"allo_number":"+14155550199","url":"https://a.example.com","topics":["PING"]}"#,
                   "PHONE_NUMBER_NOT_FOUND", field: "allo_number"),
        V1EndpointBodyCase(#"{"allo_number":"14155550100","url":"https://a.example.com","topics":["PING"]}"#,
                   "INVALID_PHONE_FORMAT", field: "allo_number"),
        V1EndpointBodyCase(#"{"allo_number":"+14155550100","topics":["PING"]}"#, "INVALID_REQUEST_BODY", field: "url"),
        V1EndpointBodyCase(#"{"allo_number":"+14155550100","url":"http://hooks.example.com/allo","topics":["PING"]}"#,
                   "INVALID_REQUEST_BODY", field: "url"),
        V1EndpointBodyCase(#"{"allo_number":"+14155550100","url":"ftp://hooks.example.com/allo","topics":["PING"]}"#,
                   "INVALID_REQUEST_BODY", field: "url"),
        V1EndpointBodyCase(#"{"allo_number":"+14155550100","url":"not a url","topics":["PING"]}"#, "INVALID_REQUEST_BODY", field: "url"),
        V1EndpointBodyCase(#"{"allo_number":"+14155550100","url":"https://a.example.com"}"#, "INVALID_REQUEST_BODY", field: "topics"),
        V1EndpointBodyCase(#"{"allo_number":"+14155550100","url":"https://a.example.com","topics":[]}"#, "INVALID_REQUEST_BODY", field: "topics"),
        V1EndpointBodyCase(#"{"allo_number":"+14155550100","url":"https://a.example.com","topics":"PING"}"#, "INVALID_REQUEST_BODY", field: "topics"),
        V1EndpointBodyCase(#"{"allo_number":"+14155550100","url":"https://a.example.com","topics":["PING","call.completed"]}"#,
                   "INVALID_EVENT_TYPE", field: "topics"),
        V1EndpointBodyCase(#"{"allo_number":"+14155550100","url":"https://a.example.com","topics":["ping"]}"#, "INVALID_EVENT_TYPE", field: "topics"),
        V1EndpointBodyCase(#"{"allo_number":"+14155550100","url":"https://a.example.com","topics":["PING"],"enabled":"yes"}"#,
                   "INVALID_REQUEST_BODY", field: "enabled"),
    ])
    func webhookValidation(_ c: V1EndpointBodyCase) async throws {
        try await withSandbox { sandbox in
            expectV1Error(try await sandbox.post("/v1/api/webhooks", c.body), 400, c.code, field: c.field)
            #expect(try await sandbox.get("/v1/api/webhooks").json["data"] == .array([]))
        }
    }
}

// MARK: - Helpers

private struct V1Row: Hashable {
    var number: String?
    var name: String?
    var country: String?
    var shared: Bool?
}

struct V1EndpointPhoneCase: Sendable, CustomTestStringConvertible {
    var query: String
    var code: String
    var field: String
    var hintsEncoding: Bool
    var testDescription: String { query }
}

/// A request body that a v1 endpoint must refuse with `code`, naming `field` in `details[0].field`.
struct V1EndpointBodyCase: Sendable, CustomTestStringConvertible {
    var body: String
    var code: String
    var field: String?
    var label: String?

    init(_ body: String, _ code: String, field: String?, label: String? = nil) {
        self.body = body
        self.code = code
        self.field = field
        self.label = label
    }

    var testDescription: String { label ?? body }
}

private let v1AlloNumbers = ["+33184807512", "+33757012288", "+14155550100", "+12125550147", "+442071838750"]

private let v1CallKeys: Set<String> = [
    "id", "from_number", "to_number", "length_in_minutes", "type", "result", "summary", "tag", "recording_url", "start_date",
    "transcript",
]

private let v1CallResults: Set<String> = [
    "ANSWERED", "VOICEMAIL", "TRANSFERRED_AI", "TRANSFERRED_EXTERNAL", "BLOCKED", "FAILED", "FAILED_EXTERNAL", "RECEIVED", "CLOSED",
]

private let v1ListContactKeys: Set<String> = [
    "id", "name", "last_name", "company", "job_title", "website", "status", "is_archived", "created_at", "updated_at", "numbers",
    "is_whitelisted", "last_activity_date", "engagement",
]

private let v1ContextKeys: Set<String> = [
    "id", "name", "last_name", "numbers", "emails", "company", "job_title", "website", "integration_data", "custom_properties",
    "conversation_url",
]

private let v1NewContactBody = #"""
    {"name":"Ada","last_name":"Lovelace","job_title":"Analyst","website":"https://ada.example",
     "emails":["ada@example.com","a.l@example.org"],"numbers":["+14155559876","+33612340000"]}
    """#

/// `+` written as `%2B`, as a query value must carry it (§1).
private func encoded(_ number: String) -> String {
    number.replacingOccurrences(of: "+", with: "%2B")
}

/// `2024-01-15T10:30:00`: a v1 timestamp, no zone, no fraction (§1).
private func isV1Timestamp(_ text: String?) -> Bool {
    guard let text else { return false }
    let pattern = Array("0000-00-00T00:00:00")
    let characters = Array(text)
    guard characters.count == pattern.count else { return false }
    return zip(characters, pattern).allSatisfy { c, p in p == "0" ? c.isASCII && c.isNumber : c == p }
}

/// True when a v1 call involves `number` on our side.
private func involves(_ call: J, _ number: String) -> Bool {
    call["type"].string == "INBOUND" ? call["to_number"].string == number : call["from_number"].string == number
}

/// The other party of a v1 call made on `line`.
private func counterpart(of call: J, _ line: String) -> String? {
    call["type"].string == "INBOUND" ? call["from_number"].string : call["to_number"].string
}

/// The v1 error shape (§3.1): `{"code", "details":[{"message","field"}]}` and nothing else.
private func expectV1Error(_ response: HTTPResult, _ status: Int, _ code: String, field: String?,
                           sourceLocation: SourceLocation = #_sourceLocation) {
    #expect(response.status == status, "body: \(response.text)", sourceLocation: sourceLocation)
    #expect(response.json.keys == ["code", "details"], "body: \(response.text)", sourceLocation: sourceLocation)
    #expect(response.json["code"].string == code, sourceLocation: sourceLocation)
    let details = response.json["details"].array
    #expect(details.count == 1, sourceLocation: sourceLocation)
    #expect(details.first?.keys == ["message", "field"], sourceLocation: sourceLocation)
    let message = details.first?["message"].string ?? ""
    #expect(!message.isEmpty, sourceLocation: sourceLocation)
    if let field {
        #expect(details.first?["field"].string == field, "body: \(response.text)", sourceLocation: sourceLocation)
    }
}

/// The list form of a contact (`ContactWithEngagement`, §6.2).
private func expectV1ListContact(_ contact: J, sourceLocation: SourceLocation = #_sourceLocation) {
    #expect(contact.keys == v1ListContactKeys, "\(contact)", sourceLocation: sourceLocation)
    #expect(contact["id"].string?.hasPrefix("cnt_") == true, sourceLocation: sourceLocation)
    #expect(!contact["numbers"].array.isEmpty, sourceLocation: sourceLocation)
    #expect(contact["numbers"].array.allSatisfy { $0.string?.hasPrefix("+") == true }, sourceLocation: sourceLocation)
    #expect(contact["is_archived"].bool != nil && contact["is_whitelisted"].bool != nil, sourceLocation: sourceLocation)
    #expect(isV1Timestamp(contact["created_at"].string) && isV1Timestamp(contact["updated_at"].string), sourceLocation: sourceLocation)
    #expect((contact["created_at"].string ?? "") <= (contact["updated_at"].string ?? ""), sourceLocation: sourceLocation)
    #expect(contact["company"].isNull || contact["company"].keys == ["name", "id"], sourceLocation: sourceLocation)
    let engagement = contact["engagement"]
    #expect(engagement.isNull || ["ENGAGED", "COOLING", "COLD"].contains(engagement.string ?? ""), sourceLocation: sourceLocation)
    // No activity, no engagement; some activity, some engagement.
    #expect(engagement.isNull == contact["last_activity_date"].isNull, sourceLocation: sourceLocation)
    if !contact["last_activity_date"].isNull {
        #expect(isV1Timestamp(contact["last_activity_date"].string), sourceLocation: sourceLocation)
    }
}

private struct V1Walk {
    var results: [J]
    var totalPages: Int
}

/// Fetches pages 0, 1, … of a v1 list until `total_pages`, checking each page's metadata on the way.
private func walkV1(_ sandbox: TestSandbox, _ path: String, size: Int, nested: Bool,
                    sourceLocation: SourceLocation = #_sourceLocation) async throws -> V1Walk {
    let separator = path.contains("?") ? "&" : "?"
    var results: [J] = []
    var totalPages: Int?
    var page = 0
    repeat {
        let response = try await sandbox.get("\(path)\(separator)page=\(page)&size=\(size)")
        try #require(response.status == 200, "\(path) page \(page): \(response.text)", sourceLocation: sourceLocation)
        let metadata = nested ? response.json["data"]["metadata"]["pagination"] : response.json["data"]["metadata"]
        #expect(metadata["current_page"].int == page, sourceLocation: sourceLocation)
        let total = try #require(metadata["total_pages"].int, sourceLocation: sourceLocation)
        if let totalPages { #expect(total == totalPages, sourceLocation: sourceLocation) }
        totalPages = total
        let batch = response.json["data"]["results"].array
        // Every page is full but the last, which is not empty.
        if page < total - 1 { #expect(batch.count == size, sourceLocation: sourceLocation) }
        if page == total - 1 { #expect(!batch.isEmpty && batch.count <= size, sourceLocation: sourceLocation) }
        results += batch
        page += 1
        try #require(page <= 10_000, "runaway pagination", sourceLocation: sourceLocation)
    } while page < (totalPages ?? 0)
    return V1Walk(results: results, totalPages: totalPages ?? 0)
}
