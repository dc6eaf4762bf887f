import AlloSandbox
import Testing

/// The sandbox's clock is manual here: a window only moves when the test advances it, so counts are exact.
@Suite("Rate limits and quotas (§4)")
struct RateLimitTests {
    @Test("Every response carries X-RateLimit-Limit, -Remaining and -Reset (the window's end)")
    func headersOnEveryResponse() async throws {
        try await withSandbox(rateLimits: RateLimitsFixture.standard) { sandbox in
            let first = try await sandbox.get("/v1/api/numbers")
            #expect(first[header: "X-RateLimit-Limit"] == "20")
            #expect(first[header: "X-RateLimit-Remaining"] == "19")
            #expect(first[header: "X-RateLimit-Reset"] == String(Int(sandbox.clock.now()) + 1))
            let write = try await sandbox.post("/v1/api/contacts", #"{"numbers":["+33612340001"]}"#)
            #expect(write[header: "X-RateLimit-Limit"] == "5")
            #expect(write[header: "X-RateLimit-Remaining"] == "4")
            let error = try await sandbox.get("/v2/api/users/usr-nobody")
            #expect(error.status == 404)
            #expect(error[header: "X-RateLimit-Remaining"] == "18")
        }
    }

    @Test("The 21st read in one second is a v2 429 with Retry-After and retry_after_seconds")
    func readsAreLimitedOnV2() async throws {
        try await withSandbox(rateLimits: RateLimitsFixture.standard) { sandbox in
            for _ in 0..<20 { #expect(try await sandbox.get("/v2/api/me").status == 200) }
            let limited = try await sandbox.get("/v2/api/me")
            #expect(limited.status == 429)
            #expect(limited[header: "Retry-After"] == "1")
            #expect(limited[header: "X-RateLimit-Remaining"] == "0")
            #expect(limited.json["error"]["type"].string == "rate_limit_error")
            #expect(limited.json["error"]["code"].string == "RATE_LIMIT_EXCEEDED")
            #expect(limited.json["error"]["retryable"].bool == true)
            #expect(limited.json["error"]["retry_after_seconds"].int == 1)

            sandbox.clock.advance(by: 1)
            #expect(try await sandbox.get("/v2/api/me").status == 200)
        }
    }

    @Test("Writes have their own limit of 5 per second, and a v1 429 has the flat shape")
    func writesAreLimitedOnV1() async throws {
        try await withSandbox(rateLimits: RateLimitsFixture.standard) { sandbox in
            for index in 0..<5 {
                let created = try await sandbox.post("/v1/api/contacts", #"{"numbers":["+3361234000\#(index)"]}"#)
                #expect(created.status == 200)
            }
            let limited = try await sandbox.post("/v1/api/contacts", #"{"numbers":["+33612349999"]}"#)
            #expect(limited.status == 429)
            #expect(limited[header: "Retry-After"] == "1")
            #expect(limited.json["code"].string == "RATE_LIMIT_EXCEEDED")
            #expect(limited.json["details"][0]["message"].string == "limit=5;type=SECOND;reset_in=1")
            // Reads are still allowed in the same second.
            #expect(try await sandbox.get("/v1/api/numbers").status == 200)
        }
    }

    @Test("Limits count per key")
    func limitsArePerKey() async throws {
        try await withSandbox(rateLimits: RateLimits(readsPerSecond: 2, writesPerSecond: 1)) { sandbox async throws in
            #expect(try await sandbox.get("/v1/api/numbers").status == 200)
            #expect(try await sandbox.get("/v1/api/numbers").status == 200)
            #expect(try await sandbox.get("/v1/api/numbers").status == 429)
            #expect(try await sandbox.get("/v1/api/numbers", key: sandbox.seedV1Key).status == 200)
        }
    }

    @Test("With limits off nothing is refused, and the headers are still sent")
    func limitsOff() async throws {
        try await withSandbox(rateLimits: RateLimits(readsPerSecond: 2, writesPerSecond: 1, enforced: false)) { sandbox in
            for _ in 0..<10 {
                let response = try await sandbox.get("/v2/api/me")
                #expect(response.status == 200)
                #expect(response[header: "X-RateLimit-Limit"] == "2")
            }
        }
    }

    @Test("The v1 daily quota answers API_KEY_QUOTA_EXCEEDED with reset_in, on v1 paths only")
    func dailyQuota() async throws {
        try await withSandbox(rateLimits: RateLimits(enforced: false, dailyQuota: 3)) { sandbox in
            for _ in 0..<3 { #expect(try await sandbox.get("/v1/api/numbers").status == 200) }
            let over = try await sandbox.get("/v1/api/numbers")
            #expect(over.status == 429)
            #expect(over.json["code"].string == "API_KEY_QUOTA_EXCEEDED")
            #expect(over.json["details"][0]["field"].string == "DAILY")
            let now = Int(sandbox.clock.now())
            let resetIn = 86_400 - now % 86_400
            #expect(over.json["details"][0]["message"].string == "limit=3;type=DAILY;reset_in=\(resetIn)")
            #expect(try await sandbox.get("/v2/api/me").status == 200)

            sandbox.clock.advance(by: Double(resetIn))
            #expect(try await sandbox.get("/v1/api/numbers").status == 200)
        }
    }

    @Test("Rate limits can be changed at run time through the control API")
    func changedAtRunTime() async throws {
        try await withSandbox(rateLimits: RateLimitsFixture.standard) { sandbox in
            let changed = try await sandbox.control("PUT", "/rate-limits", json: #"{"read_per_second":1}"#)
            #expect(changed.json["data"]["read_per_second"].int == 1)
            #expect(try await sandbox.get("/v2/api/me").status == 200)
            #expect(try await sandbox.get("/v2/api/me").status == 429)
            #expect(try await sandbox.get("/v2/api/me").json["error"]["message"].string?.contains("1 requests per second") == true)
        }
    }
}
