import Foundation
import Testing

@Suite("v2 account")
struct V2AccountTests {
    private static let userKeys: Set<String> = ["id", "name", "email", "role", "status", "image_url"]

    @Test("Users list holds only active users by default, each in the documented shape, without pagination")
    func usersDefaultToActive() async throws {
        try await withSandbox { sandbox in
            let response = try await sandbox.get("/v2/api/users")
            #expect(response.status == 200)
            #expect(response.json.keys == ["data"])
            let users = response.json["data"].array
            #expect(users.count == 4)
            for user in users {
                #expect(user.keys == Self.userKeys)
                #expect(user["id"].string?.hasPrefix("usr-") == true)
                #expect(user["name"].string?.isEmpty == false)
                #expect(user["email"].string?.contains("@") == true)
                #expect(["ADMIN", "MANAGER", "MEMBER"].contains(user["role"].string ?? ""))
                #expect(user["status"].string == "ACTIVE")
                #expect(user["image_url"].isNull || user["image_url"].string?.hasPrefix("https://") == true)
            }
            #expect(Set(users.compactMap { $0["id"].string }).count == users.count)
        }
    }

    @Test("status=BLOCKED lists the blocked user only")
    func blockedFilter() async throws {
        try await withSandbox { sandbox in
            let blocked = try await sandbox.get("/v2/api/users?status=BLOCKED").json["data"].array
            #expect(blocked.count == 1)
            #expect(blocked.allSatisfy { $0["status"].string == "BLOCKED" })
            let active = try await sandbox.get("/v2/api/users").json["data"].array.compactMap { $0["id"].string }
            #expect(!active.contains(blocked.first?["id"].string ?? ""))
        }
    }

    @Test("role filter keeps only users of that role, among active ones", arguments: [
        ("ADMIN", 1), ("MANAGER", 1), ("MEMBER", 2),
    ])
    func roleFilter(role: String, count: Int) async throws {
        try await withSandbox { sandbox in
            let users = try await sandbox.get("/v2/api/users?role=\(role)").json["data"].array
            #expect(users.count == count)
            #expect(users.allSatisfy { $0["role"].string == role && $0["status"].string == "ACTIVE" })
        }
    }

    @Test("role and status combine")
    func roleAndStatusCombine() async throws {
        try await withSandbox { sandbox in
            let blockedMembers = try await sandbox.get("/v2/api/users?role=MEMBER&status=BLOCKED").json["data"].array
            #expect(blockedMembers.count == 1)
            let blockedAdmins = try await sandbox.get("/v2/api/users?role=ADMIN&status=BLOCKED")
            #expect(blockedAdmins.status == 200)
            #expect(blockedAdmins.json["data"].count == 0)
        }
    }

    @Test("A bad role or status is 400 INVALID_PARAMETER in the v2 error shape", arguments: [
        "role=OWNER", "status=DELETED", "role=admin",
    ])
    func badUserFilter(query: String) async throws {
        try await withSandbox { sandbox in
            let response = try await sandbox.get("/v2/api/users?\(query)")
            #expect(response.status == 400)
            let error = response.json["error"]
            #expect(error["type"].string == "validation_error")
            #expect(error["code"].string == "INVALID_PARAMETER")
            #expect(error["retryable"].bool == false)
            #expect(error["request_id"].string?.hasPrefix("req_") == true)
            #expect(error["request_id"].string == response[header: "X-Request-Id"])
            #expect(error["message"].string?.isEmpty == false)
            #expect(error["param"].string == String(query.prefix { $0 != "=" }))
            #expect(error["doc_url"].string?.hasSuffix("#INVALID_PARAMETER") == true)
        }
    }

    @Test("A user is fetched by the id the list gave, in the same shape")
    func userByID() async throws {
        try await withSandbox { sandbox in
            let listed = try await sandbox.get("/v2/api/users?status=BLOCKED").json["data"][0]
            let id = try #require(listed["id"].string)
            let response = try await sandbox.get("/v2/api/users/\(id)")
            #expect(response.status == 200)
            #expect(response.json["data"] == listed)
            // §1 also shows user ids written with an underscore.
            let underscored = try await sandbox.get("/v2/api/users/usr_\(id.dropFirst(4))")
            #expect(underscored.json["data"] == listed)
        }
    }

    @Test("An unknown user id is 404 USER_NOT_FOUND")
    func unknownUser() async throws {
        try await withSandbox { sandbox in
            let response = try await sandbox.get("/v2/api/users/usr-doesnotexist0")
            #expect(response.status == 404)
            #expect(response.json["error"]["type"].string == "not_found_error")
            #expect(response.json["error"]["code"].string == "USER_NOT_FOUND")
            #expect(response.json["error"]["retryable"].bool == false)
            #expect(response.json["error"]["message"].string?.contains("usr-doesnotexist0") == true)
        }
    }

    @Test("Numbers list the five Allo numbers and the two sender IDs, without pagination")
    func numbersAndSenderIDs() async throws {
        try await withSandbox { sandbox in
            let response = try await sandbox.get("/v2/api/numbers")
            #expect(response.status == 200)
            #expect(response.json.keys == ["data"])
            let entries = response.json["data"].array
            #expect(entries.count == 7)
            for entry in entries {
                #expect(entry.keys == ["number", "name", "country", "type", "capabilities", "users"])
            }
            let numbers = entries.filter { $0["type"].string == "NUMBER" }
            #expect(Set(numbers.compactMap { $0["number"].string })
                    == ["+33184807512", "+33757012288", "+14155550100", "+12125550147", "+442071838750"])
            let senderIDs = entries.filter { $0["type"].string == "SENDER_ID" }
            #expect(senderIDs.count == 2)
            for senderID in senderIDs {
                #expect(senderID["number"].isNull)
                #expect(senderID["capabilities"] == .array([.string("SMS")]))
                #expect(senderID["name"].string?.isEmpty == false)
            }
        }
    }

    @Test("Each number carries its capabilities, country and the users with access")
    func numberDetails() async throws {
        try await withSandbox { sandbox in
            let entries = try await sandbox.get("/v2/api/numbers").json["data"].array
            let sales = try #require(entries.first { $0["number"].string == "+14155550100" })
            #expect(sales["name"].string == "Sales US")
            #expect(sales["country"].string == "US")
            #expect(sales["capabilities"].array.compactMap(\.string) == ["VOICE", "SMS", "MMS"])
            let nyc = try #require(entries.first { $0["number"].string == "+12125550147" })
            #expect(nyc["capabilities"].array.compactMap(\.string) == ["VOICE"])
            let london = try #require(entries.first { $0["number"].string == "+442071838750" })
            #expect(london["country"].string == "GB")

            let active = try await sandbox.get("/v2/api/users").json["data"].array
            let blocked = try await sandbox.get("/v2/api/users?status=BLOCKED").json["data"].array
            let allUsers = active + blocked
            let knownIDs = Set(allUsers.compactMap { $0["id"].string })
            for entry in entries where entry["type"].string == "NUMBER" {
                let refs = entry["users"].array
                #expect(!refs.isEmpty)
                for ref in refs {
                    #expect(ref.keys == ["id", "name", "email"])
                    #expect(knownIDs.contains(ref["id"].string ?? ""))
                    let user = allUsers.first { $0["id"] == ref["id"] }
                    #expect(user?["name"] == ref["name"])
                    #expect(user?["email"] == ref["email"])
                }
            }
        }
    }

    @Test("Tags list the eight seeded tags with tag- ids and #RRGGBB colours, without pagination")
    func tags() async throws {
        try await withSandbox { sandbox in
            let response = try await sandbox.get("/v2/api/tags")
            #expect(response.status == 200)
            #expect(response.json.keys == ["data"])
            let tags = response.json["data"].array
            #expect(Set(tags.compactMap { $0["name"].string }) == [
                "interested", "follow_up_later", "to_call_back", "not_interested", "meeting_booked", "billing", "support", "vip",
            ])
            #expect(tags.count == 8)
            for tag in tags {
                #expect(tag.keys == ["id", "name", "color"])
                #expect(tag["id"].string?.hasPrefix("tag-") == true)
                let color = tag["color"].string ?? ""
                #expect(color.count == 7 && color.hasPrefix("#") && color.dropFirst().allSatisfy(\.isHexDigit), "\(color)")
            }
            #expect(Set(tags.compactMap { $0["id"].string }).count == 8)
        }
    }
}
