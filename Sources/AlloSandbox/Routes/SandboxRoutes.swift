/// Every operation the sandbox serves, with the scope each needs (§2.3). `/v2/api/me` lists these.
enum SandboxRoutes {
    static let api: [Route] = v1 + v2

    static let v1: [Route] = [
        Route("GET", "/v1/api/calls", scope: .conversationsRead, "Search calls of an Allo number", V1Calls.search),
        Route("GET", "/v1/api/numbers", scope: .conversationsRead, "List Allo numbers", V1Calls.numbers),
        Route("GET", "/v1/api/contacts", scope: .contactsRead, "List contacts", V1Contacts.list),
        Route("POST", "/v1/api/contacts", scope: .contactsReadWrite, "Create a contact", V1Contacts.create),
        Route("PUT", "/v1/api/contacts/{contact_id}", scope: .contactsReadWrite, "Update a contact", V1Contacts.update),
        Route("GET", "/v1/api/contact/{contact_id}", scope: .contactsRead, "Get a contact", V1Contacts.get),
        Route("GET", "/v1/api/contact/{contact_id}/conversation", scope: .conversationsRead,
              "A contact's calls and messages", V1Contacts.conversation),
        Route("POST", "/v1/api/sms", scope: .smsSend, "Send an SMS", V1SMS.send),
        Route("GET", "/v1/api/webhooks", scope: .webhooksReadWrite, "List webhooks", V1Webhooks.list),
        Route("POST", "/v1/api/webhooks", scope: .webhooksReadWrite, "Create a webhook", V1Webhooks.create),
        Route("DELETE", "/v1/api/webhooks/{webhook_id}", scope: .webhooksReadWrite, "Delete a webhook", V1Webhooks.delete),
    ]

    static let v2: [Route] = [
        Route("GET", "/v2/api/me", scope: nil, "Identify the API key: scopes, endpoints, rate limits", V2Account.me),
        Route("GET", "/v2/api/users", scope: .usersRead, "List users", V2Account.users),
        Route("GET", "/v2/api/users/{id}", scope: .usersRead, "Get a user", V2Account.user),
        Route("GET", "/v2/api/numbers", scope: .phoneNumbersRead,
              "List phone numbers with capabilities and member access", V2Account.numbers),
        Route("GET", "/v2/api/tags", scope: .tagsRead, "List tags", V2Account.tags),
        Route("GET", "/v2/api/conversations", scope: .conversationsRead,
              "List conversations grouped by contact number", V2Conversations.list),
        Route("POST", "/v2/api/conversations/items/search", scope: .conversationsRead,
              "Search calls and messages", V2ItemSearch.search),
        Route("POST", "/v2/api/conversations/items/batch", scope: .conversationsRead,
              "Get up to 100 calls and messages by id", V2Items.batch),
        Route("GET", "/v2/api/conversations/items/{id}", scope: .conversationsRead,
              "Get a call or a message", V2Items.get),
        // A write guarded by a READ scope, as documented (§2.3).
        Route("PUT", "/v2/api/conversations/{contact_number}/action", scope: .conversationsRead,
              "Mark a conversation read, unread, archived or unarchived", V2Conversations.action),
        Route("POST", "/v2/api/conversations/items/{id}/tags", scope: .tagsWrite, "Add tags to a call", V2Items.addTags),
        Route("DELETE", "/v2/api/conversations/items/{id}/tags/{tag}", scope: .tagsWrite,
              "Remove a tag from a call", V2Items.removeTag),
        Route("GET", "/v2/api/webhooks", scope: .webhooksReadWrite, "List webhook endpoints", V2Webhooks.list),
        Route("POST", "/v2/api/webhooks", scope: .webhooksReadWrite, "Create a webhook endpoint", V2Webhooks.create),
        Route("GET", "/v2/api/webhooks/event_types", scope: .webhooksReadWrite, "List webhook event types", V2Webhooks.eventTypes),
        Route("GET", "/v2/api/webhooks/{webhook_id}", scope: .webhooksReadWrite, "Get a webhook endpoint", V2Webhooks.get),
        Route("PUT", "/v2/api/webhooks/{webhook_id}", scope: .webhooksReadWrite, "Update a webhook endpoint", V2Webhooks.update),
        Route("DELETE", "/v2/api/webhooks/{webhook_id}", scope: .webhooksReadWrite, "Delete a webhook endpoint", V2Webhooks.delete),
    ]
}
