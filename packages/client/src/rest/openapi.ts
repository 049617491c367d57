// Generated from openapi.json by `npm run openapi`: do not edit.

export interface paths {
    "/members/sync": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Create or update a member of the organization, optionally with a subscription and a payment, in one transaction
         * @description Calls the tRPC procedure `members.sync`. Scope: `members:write`.
         */
        post: operations["members:sync"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/members/sync/batch": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Sync up to 1,000 members, each with every rule of sync and in its own transaction; a result per item
         * @description Calls the tRPC procedure `members.syncBatch`. Scope: `members:write`.
         */
        post: operations["members:sync_batch"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/members": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The organization's members, newest first, a cursor page at a time; search by email or name, filter by role and approval
         * @description Calls the tRPC procedure `members.list`. Scope: `members:read`.
         */
        get: operations["members:list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/members/{lookup}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A member of the organization by email or id, with subscriptions and payments
         * @description Calls the tRPC procedure `members.lookup`. Scope: `members:read`.
         */
        get: operations["members:lookup"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/members/access": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * One lifecycle step on a member's subscription, or deleting the member
         * @description Calls the tRPC procedure `members.access`. Scope: `members:write`.
         */
        post: operations["members:access"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The organization's events in the order they committed, oldest first, those the key's scopes may read
         * @description Calls the tRPC procedure `events.list`. Scope: `api_key`.
         */
        get: operations["events:list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/audit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The organization's audit trail, newest first: who changed which records and which fields, never the values
         * @description Calls the tRPC procedure `audit.list`. Scope: `admin`.
         */
        get: operations["audit:list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/webhooks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The organization's Kardow webhook subscriptions
         * @description Calls the tRPC procedure `webhooks.subscriptions.list`. Scope: `admin`.
         */
        get: operations["webhooks:list"];
        put?: never;
        /**
         * Subscribe a URL to a Kardow event (the same event and URL again returns the existing subscription)
         * @description Calls the tRPC procedure `webhooks.subscriptions.create`. Scope: `admin`.
         */
        post: operations["webhooks:subscribe"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/webhooks/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Remove a Kardow webhook subscription
         * @description Calls the tRPC procedure `webhooks.subscriptions.delete`. Scope: `admin`.
         */
        delete: operations["webhooks:unsubscribe"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/members/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List customers' members
         * @description Calls the tRPC procedure `customerMembers.list`. Scope: `members:read`.
         */
        get: operations["members:list_members"];
        put?: never;
        /**
         * Create a member of a customer
         * @description Calls the tRPC procedure `customerMembers.create`. Scope: `members:write`.
         */
        post: operations["members:create_member"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/members/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a member of a customer
         * @description Calls the tRPC procedure `customerMembers.get`. Scope: `members:read`.
         */
        get: operations["members:get_member"];
        put?: never;
        post?: never;
        /**
         * Delete a member of a customer
         * @description Calls the tRPC procedure `customerMembers.delete`. Scope: `members:write`.
         */
        delete: operations["members:delete_member"];
        options?: never;
        head?: never;
        /**
         * Update a member of a customer; role owner transfers ownership
         * @description Calls the tRPC procedure `customerMembers.update`. Scope: `members:write`.
         */
        patch: operations["members:update_member"];
        trace?: never;
    };
    "/v1/members/external/{external_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a member of a customer by external id
         * @description Calls the tRPC procedure `customerMembers.getByExternalId`. Scope: `members:read`.
         */
        get: operations["members:get_member_by_external_id"];
        put?: never;
        post?: never;
        /**
         * Delete a member of a customer by external id
         * @description Calls the tRPC procedure `customerMembers.deleteByExternalId`. Scope: `members:write`.
         */
        delete: operations["members:delete_member_by_external_id"];
        options?: never;
        head?: never;
        /**
         * Update a member of a customer by external id
         * @description Calls the tRPC procedure `customerMembers.updateByExternalId`. Scope: `members:write`.
         */
        patch: operations["members:update_member_by_external_id"];
        trace?: never;
    };
    "/v1/customers/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List customers
         * @description Calls the tRPC procedure `customers.list`. Scope: `customers:read`.
         */
        get: operations["customers:list"];
        put?: never;
        /**
         * Create a customer and its owner member
         * @description Calls the tRPC procedure `customers.create`. Scope: `customers:write`.
         */
        post: operations["customers:create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/customers/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The organization's customers as CSV, as Polar's export writes it, streamed
         * @description Calls the tRPC procedure `customers.export`. Scope: `customers:read`.
         */
        get: operations["customers:export"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/customers/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a customer
         * @description Calls the tRPC procedure `customers.get`. Scope: `customers:read`.
         */
        get: operations["customers:get"];
        put?: never;
        post?: never;
        /**
         * Delete a customer and its members (soft: their email and external ids are free again)
         * @description Calls the tRPC procedure `customers.delete`. Scope: `customers:write`.
         */
        delete: operations["customers:delete"];
        options?: never;
        head?: never;
        /**
         * Update a customer
         * @description Calls the tRPC procedure `customers.update`. Scope: `customers:write`.
         */
        patch: operations["customers:update"];
        trace?: never;
    };
    "/v1/customers/external/{external_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a customer by external id
         * @description Calls the tRPC procedure `customers.getByExternalId`. Scope: `customers:read`.
         */
        get: operations["customers:get_external"];
        put?: never;
        post?: never;
        /**
         * Delete a customer by external id, and its members
         * @description Calls the tRPC procedure `customers.deleteByExternalId`. Scope: `customers:write`.
         */
        delete: operations["customers:delete_external"];
        options?: never;
        head?: never;
        /**
         * Update a customer by external id
         * @description Calls the tRPC procedure `customers.updateByExternalId`. Scope: `customers:write`.
         */
        patch: operations["customers:update_external"];
        trace?: never;
    };
    "/v1/customers/{id}/members": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List the members of one customer, named by its id or external id (404 when there is no such customer)
         * @description Calls the tRPC procedure `customerMembers.listOfCustomer`. Scope: `members:read`.
         */
        get: operations["customers:members:list"];
        put?: never;
        /**
         * Create a member of the customer named by its id or external id
         * @description Calls the tRPC procedure `customerMembers.createForCustomer`. Scope: `members:write`.
         */
        post: operations["customers:members:create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/customers/external/{external_id}/members": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List the members of one customer, named by its id or external id (404 when there is no such customer)
         * @description Calls the tRPC procedure `customerMembers.listOfCustomer`. Scope: `members:read`.
         */
        get: operations["customers:members:list_external"];
        put?: never;
        /**
         * Create a member of the customer named by its id or external id
         * @description Calls the tRPC procedure `customerMembers.createForCustomer`. Scope: `members:write`.
         */
        post: operations["customers:members:create_external"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/customers/external/{external_id}/members/{member_external_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a member of a customer by external id
         * @description Calls the tRPC procedure `customerMembers.getByExternalId`. Scope: `members:read`.
         */
        get: operations["customers:members:get_external"];
        put?: never;
        post?: never;
        /**
         * Delete a member of a customer by external id
         * @description Calls the tRPC procedure `customerMembers.deleteByExternalId`. Scope: `members:write`.
         */
        delete: operations["customers:members:delete_external"];
        options?: never;
        head?: never;
        /**
         * Update a member of a customer by external id
         * @description Calls the tRPC procedure `customerMembers.updateByExternalId`. Scope: `members:write`.
         */
        patch: operations["customers:members:update_external"];
        trace?: never;
    };
    "/v1/customers/{id}/members/{member_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a member of a customer
         * @description Calls the tRPC procedure `customerMembers.get`. Scope: `members:read`.
         */
        get: operations["customers:members:get"];
        put?: never;
        post?: never;
        /**
         * Delete a member of a customer
         * @description Calls the tRPC procedure `customerMembers.delete`. Scope: `members:write`.
         */
        delete: operations["customers:members:delete"];
        options?: never;
        head?: never;
        /**
         * Update a member of a customer; role owner transfers ownership
         * @description Calls the tRPC procedure `customerMembers.update`. Scope: `members:write`.
         */
        patch: operations["customers:members:update"];
        trace?: never;
    };
    "/v1/customer-sessions/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Create a customer portal session for a member of a customer (the token is shown once)
         * @description Calls the tRPC procedure `customerSessions.create`. Scope: `customer_sessions:write`.
         */
        post: operations["customer-sessions:create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/customer-portal/members": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The session's team
         * @description Calls the tRPC procedure `customerPortal.members.list`. Scope: `customer_portal:write`.
         */
        get: operations["customer_portal:members:list_members"];
        put?: never;
        /**
         * Add a member to the team (an email already in it returns that member)
         * @description Calls the tRPC procedure `customerPortal.members.add`. Scope: `customer_portal:write`.
         */
        post: operations["customer_portal:members:add_member"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/customer-portal/members/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Remove a member from the team
         * @description Calls the tRPC procedure `customerPortal.members.remove`. Scope: `customer_portal:write`.
         */
        delete: operations["customer_portal:members:remove_member"];
        options?: never;
        head?: never;
        /**
         * Change a member's name or role; role owner transfers ownership (the owner's to give)
         * @description Calls the tRPC procedure `customerPortal.members.update`. Scope: `customer_portal:write`.
         */
        patch: operations["customer_portal:members:update_member"];
        trace?: never;
    };
    "/v1/webhooks/endpoints": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List webhook endpoints
         * @description Calls the tRPC procedure `webhooks.endpoints.list`. Scope: `admin`.
         */
        get: operations["webhooks:list_webhook_endpoints"];
        put?: never;
        /**
         * Create a webhook endpoint
         * @description Calls the tRPC procedure `webhooks.endpoints.create`. Scope: `admin`.
         */
        post: operations["webhooks:create_webhook_endpoint"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhooks/endpoints/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a webhook endpoint
         * @description Calls the tRPC procedure `webhooks.endpoints.get`. Scope: `admin`.
         */
        get: operations["webhooks:get_webhook_endpoint"];
        put?: never;
        post?: never;
        /**
         * Delete a webhook endpoint
         * @description Calls the tRPC procedure `webhooks.endpoints.delete`. Scope: `admin`.
         */
        delete: operations["webhooks:delete_webhook_endpoint"];
        options?: never;
        head?: never;
        /**
         * Update a webhook endpoint
         * @description Calls the tRPC procedure `webhooks.endpoints.update`. Scope: `admin`.
         */
        patch: operations["webhooks:update_webhook_endpoint"];
        trace?: never;
    };
    "/v1/webhooks/endpoints/{id}/secret": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Reset a webhook endpoint's secret
         * @description Calls the tRPC procedure `webhooks.endpoints.resetSecret`. Scope: `admin`.
         */
        patch: operations["webhooks:reset_webhook_endpoint_secret"];
        trace?: never;
    };
    "/v1/webhooks/deliveries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List webhook delivery attempts
         * @description Calls the tRPC procedure `webhooks.deliveries.list`. Scope: `admin`.
         */
        get: operations["webhooks:list_webhook_deliveries"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhooks/events/{id}/redeliver": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Deliver a webhook event again to its endpoints
         * @description Calls the tRPC procedure `webhooks.events.redeliver`. Scope: `admin`.
         */
        post: operations["webhooks:redeliver_webhook_event"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export interface webhooks {
    "user.created": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** user.created (Kardow subscriptions) */
        post: operations["webhook:user.created"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "user.updated": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** user.updated (Kardow subscriptions) */
        post: operations["webhook:user.updated"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "user.deleted": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** user.deleted (Kardow subscriptions) */
        post: operations["webhook:user.deleted"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "subscription.created": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** subscription.created (Kardow subscriptions) */
        post: operations["webhook:subscription.created"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "subscription.updated": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** subscription.updated (Kardow subscriptions) */
        post: operations["webhook:subscription.updated"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "subscription.canceled": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** subscription.canceled (Kardow subscriptions) */
        post: operations["webhook:subscription.canceled"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "payment.received": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** payment.received (Kardow subscriptions) */
        post: operations["webhook:payment.received"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "member.created": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** member.created (Polar endpoints) */
        post: operations["webhook:member.created"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "member.updated": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** member.updated (Polar endpoints) */
        post: operations["webhook:member.updated"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "member.deleted": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** member.deleted (Polar endpoints) */
        post: operations["webhook:member.deleted"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "customer.created": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** customer.created (Polar endpoints) */
        post: operations["webhook:customer.created"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "customer.updated": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** customer.updated (Polar endpoints) */
        post: operations["webhook:customer.updated"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "customer.deleted": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** customer.deleted (Polar endpoints) */
        post: operations["webhook:customer.deleted"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export interface components {
    schemas: {
        KardowError: {
            error: {
                /** @enum {string} */
                code: "invalid_json" | "bad_request" | "unauthorized" | "forbidden" | "not_found" | "event_id_expired" | "method_not_allowed" | "conflict" | "idempotency_key_in_use" | "payload_too_large" | "unsupported_media_type" | "validation_failed" | "unknown_plan" | "idempotency_key_reused" | "rate_limited" | "internal_error" | "unavailable";
                message: string;
                issues: {
                    path: (string | number)[];
                    message: string;
                }[];
            };
        };
        PolarValidationError: {
            /** @constant */
            error: "RequestValidationError";
            detail: {
                type: string;
                loc: (string | number)[];
                msg: string;
                input: unknown;
            }[];
        };
        PolarError: {
            /** @enum {string} */
            error: "BadRequest" | "ResourceNotFound" | "Unauthorized" | "NotPermitted" | "MethodNotAllowed" | "Conflict" | "PayloadTooLarge" | "UnsupportedMediaType" | "TooManyRequests" | "InternalServerError" | "ServiceUnavailable";
            detail: string;
        };
        MemberSyncResult: {
            member: components["schemas"]["OrganizationMember"];
            created: boolean;
            access: components["schemas"]["Access"] | null;
            payment: components["schemas"]["Payment"] | null;
        };
        OrganizationMember: {
            id: string;
            organizationId: number;
            email: string;
            name: string;
            /** @enum {string} */
            role: "employee" | "business" | "both" | "jobseeker" | "employer";
            /** @enum {string} */
            approvalStatus: "approved" | "pending" | "rejected";
            profilePicture: string | null;
            description: string | null;
            customFields: {
                [key: string]: unknown;
            } | null;
        };
        Access: {
            id: string;
            organizationId: number;
            userId: string;
            planId: string;
            /** @enum {string} */
            status: "active" | "trialing" | "past_due" | "canceled" | "expired";
            stripeSubscriptionId: string | null;
            currentPeriodStart: string | null;
            currentPeriodEnd: string | null;
            cancelAt: string | null;
            canceledAt: string | null;
            jobsRemaining: number | null;
            metadata: {
                [key: string]: unknown;
            } | null;
        };
        Payment: {
            id: string;
            organizationId: number;
            userId: string;
            jobId: string;
            planId: string | null;
            amount: number;
            currency: string;
            /** @enum {string} */
            status: "pending" | "completed" | "failed" | "refunded";
            paymentProvider: string | null;
            stripeSessionId: string | null;
            stripePaymentIntentId: string | null;
            metadata: {
                [key: string]: unknown;
            } | null;
        };
        MemberSyncBatchResult: {
            results: {
                index: number;
                status: number;
                created?: boolean;
                member?: components["schemas"]["OrganizationMember"];
                error?: {
                    /** @enum {string} */
                    code: "invalid_json" | "bad_request" | "unauthorized" | "forbidden" | "not_found" | "event_id_expired" | "method_not_allowed" | "conflict" | "idempotency_key_in_use" | "payload_too_large" | "unsupported_media_type" | "validation_failed" | "unknown_plan" | "idempotency_key_reused" | "rate_limited" | "internal_error" | "unavailable";
                    message: string;
                    issues: {
                        path: (string | number)[];
                        message: string;
                    }[];
                };
            }[];
            created: number;
            updated: number;
            failed: number;
        };
        MemberList: {
            data: components["schemas"]["OrganizationMember"][];
            nextCursor: string | null;
            totalCount: number;
        };
        MemberDetail: {
            member: components["schemas"]["OrganizationMember"];
            subscriptions: components["schemas"]["Access"][];
            payments: components["schemas"]["Payment"][];
            hasValidPaywallSubscription: boolean;
        };
        MemberAccessResult: components["schemas"]["Access"] | {
            deleted: components["schemas"]["MemberRemoval"];
        };
        MemberRemoval: {
            memberId: string;
            email: string;
            subscriptions: number;
            payments: number;
            erased: components["schemas"]["ErasureReceipt"];
        };
        ErasureReceipt: {
            members: number;
            subscriptions: number;
            payments: number;
            customers: number;
            customerMembers: number;
            events: number;
            storedAnswers: number;
            portalSessions: number;
        };
        EventList: {
            data: components["schemas"]["Event"][];
            nextCursor: string | null;
            hasMore: boolean;
        };
        Event: {
            id: string;
            /** @constant */
            surface: "kardow";
            /** @constant */
            type: "user.created";
            createdAt: string;
            data: {
                member: components["schemas"]["OrganizationMember"];
            };
        } | {
            id: string;
            /** @constant */
            surface: "kardow";
            /** @constant */
            type: "user.updated";
            createdAt: string;
            data: {
                member: components["schemas"]["OrganizationMember"];
            };
        } | {
            id: string;
            /** @constant */
            surface: "kardow";
            /** @constant */
            type: "user.deleted";
            createdAt: string;
            data: {
                member: components["schemas"]["OrganizationMember"];
            };
        } | {
            id: string;
            /** @constant */
            surface: "kardow";
            /** @constant */
            type: "subscription.created";
            createdAt: string;
            data: {
                access: components["schemas"]["Access"];
            };
        } | {
            id: string;
            /** @constant */
            surface: "kardow";
            /** @constant */
            type: "subscription.updated";
            createdAt: string;
            data: {
                access: components["schemas"]["Access"];
            };
        } | {
            id: string;
            /** @constant */
            surface: "kardow";
            /** @constant */
            type: "subscription.canceled";
            createdAt: string;
            data: {
                access: components["schemas"]["Access"];
            };
        } | {
            id: string;
            /** @constant */
            surface: "kardow";
            /** @constant */
            type: "payment.received";
            createdAt: string;
            data: {
                payment: components["schemas"]["Payment"];
            };
        } | {
            id: string;
            /** @constant */
            surface: "polar";
            /** @constant */
            type: "member.created";
            createdAt: string;
            data: {
                /** Format: uuid4 */
                id: string;
                /** Format: date-time */
                createdAt: string;
                modifiedAt: string | null;
                /** Format: uuid4 */
                customerId: string;
                email: string;
                name: string | null;
                externalId: string | null;
                /** @enum {string} */
                role: "owner" | "billing_manager" | "member";
            };
        } | {
            id: string;
            /** @constant */
            surface: "polar";
            /** @constant */
            type: "member.updated";
            createdAt: string;
            data: {
                /** Format: uuid4 */
                id: string;
                /** Format: date-time */
                createdAt: string;
                modifiedAt: string | null;
                /** Format: uuid4 */
                customerId: string;
                email: string;
                name: string | null;
                externalId: string | null;
                /** @enum {string} */
                role: "owner" | "billing_manager" | "member";
            };
        } | {
            id: string;
            /** @constant */
            surface: "polar";
            /** @constant */
            type: "member.deleted";
            createdAt: string;
            data: {
                /** Format: uuid4 */
                id: string;
                /** Format: date-time */
                createdAt: string;
                modifiedAt: string | null;
                /** Format: uuid4 */
                customerId: string;
                email: string;
                name: string | null;
                externalId: string | null;
                /** @enum {string} */
                role: "owner" | "billing_manager" | "member";
            };
        } | {
            id: string;
            /** @constant */
            surface: "polar";
            /** @constant */
            type: "customer.created";
            createdAt: string;
            data: {
                /** Format: uuid4 */
                id: string;
                /** Format: date-time */
                createdAt: string;
                modifiedAt: string | null;
                metadata: {
                    [key: string]: string | number | boolean;
                };
                externalId: string | null;
                email: string | null;
                emailVerified: boolean;
                /** @enum {string} */
                type: "individual" | "team";
                name: string | null;
                billingName: null;
                billingAddress: null;
                taxId: null;
                locale: null;
                /** Format: uuid4 */
                organizationId: string;
                defaultPaymentMethodId: null;
                deletedAt: null;
                firstUserEventAt: null;
                avatarUrl: string;
            };
        } | {
            id: string;
            /** @constant */
            surface: "polar";
            /** @constant */
            type: "customer.updated";
            createdAt: string;
            data: {
                /** Format: uuid4 */
                id: string;
                /** Format: date-time */
                createdAt: string;
                modifiedAt: string | null;
                metadata: {
                    [key: string]: string | number | boolean;
                };
                externalId: string | null;
                email: string | null;
                emailVerified: boolean;
                /** @enum {string} */
                type: "individual" | "team";
                name: string | null;
                billingName: null;
                billingAddress: null;
                taxId: null;
                locale: null;
                /** Format: uuid4 */
                organizationId: string;
                defaultPaymentMethodId: null;
                deletedAt: null;
                firstUserEventAt: null;
                avatarUrl: string;
            };
        } | {
            id: string;
            /** @constant */
            surface: "polar";
            /** @constant */
            type: "customer.deleted";
            createdAt: string;
            data: {
                /** Format: uuid4 */
                id: string;
                /** Format: date-time */
                createdAt: string;
                modifiedAt: string | null;
                metadata: {
                    [key: string]: string | number | boolean;
                };
                externalId: string | null;
                email: string | null;
                emailVerified: boolean;
                /** @enum {string} */
                type: "individual" | "team";
                name: string | null;
                billingName: null;
                billingAddress: null;
                taxId: null;
                locale: null;
                /** Format: uuid4 */
                organizationId: string;
                defaultPaymentMethodId: null;
                deletedAt: null;
                firstUserEventAt: null;
                avatarUrl: string;
            };
        };
        AuditList: {
            data: components["schemas"]["AuditEntry"][];
            nextCursor: string | null;
        };
        AuditEntry: {
            id: string;
            at: string;
            actor: {
                /** @enum {string} */
                kind: "api_key" | "portal_member" | "cli";
                id: string | null;
                name: string | null;
            };
            /** @enum {string} */
            surface: "rest" | "trpc" | "console" | "portal" | "cli";
            requestId: string | null;
            procedure: string;
            records: {
                type: string;
                id: string;
            }[];
            fields: string[];
        };
        KardowWebhookSubscription: {
            id: string;
            event: string;
            /** @enum {string} */
            target_type: "webhook" | "discord" | "slack";
            target_url: string;
            is_enabled: boolean;
            created_at: string;
            updated_at: string;
        };
        CustomerMember: {
            /** Format: uuid4 */
            id: string;
            /** Format: date-time */
            created_at: string;
            modified_at: string | null;
            /** Format: uuid4 */
            customer_id: string;
            email: string;
            name: string | null;
            external_id: string | null;
            /** @enum {string} */
            role: "owner" | "billing_manager" | "member";
        };
        CustomerMemberList: {
            items: components["schemas"]["CustomerMember"][];
            pagination: components["schemas"]["Pagination"];
        };
        Pagination: {
            total_count: number;
            max_page: number;
        };
        Customer: {
            /** Format: uuid4 */
            id: string;
            /** Format: date-time */
            created_at: string;
            modified_at: string | null;
            metadata: {
                [key: string]: string | number | boolean;
            };
            external_id: string | null;
            email: string | null;
            email_verified: boolean;
            /** @enum {string} */
            type: "individual" | "team";
            name: string | null;
            billing_name: null;
            billing_address: null;
            tax_id: null;
            locale: null;
            /** Format: uuid4 */
            organization_id: string;
            default_payment_method_id: null;
            deleted_at: null;
            first_user_event_at: null;
            avatar_url: string;
        };
        CustomerList: {
            items: components["schemas"]["Customer"][];
            pagination: components["schemas"]["Pagination"];
        };
        CustomerSession: {
            /** Format: date-time */
            created_at: string;
            modified_at: string | null;
            /** Format: uuid4 */
            id: string;
            token: string;
            /** Format: date-time */
            expires_at: string;
            return_url: string | null;
            customer_portal_url: string;
            /** Format: uuid4 */
            customer_id: string;
            customer: components["schemas"]["Customer"];
        };
        CustomerPortalMemberList: {
            items: components["schemas"]["CustomerPortalMember"][];
            pagination: components["schemas"]["Pagination"];
        };
        CustomerPortalMember: {
            /** Format: date-time */
            created_at: string;
            modified_at: string | null;
            /** Format: uuid4 */
            id: string;
            email: string;
            name: string | null;
            /** @enum {string} */
            role: "owner" | "billing_manager" | "member";
        };
        WebhookEndpointList: {
            items: components["schemas"]["WebhookEndpoint"][];
            pagination: components["schemas"]["Pagination"];
        };
        WebhookEndpoint: {
            /** Format: date-time */
            created_at: string;
            modified_at: string | null;
            /** Format: uuid4 */
            id: string;
            url: string;
            name: string | null;
            /** @enum {string} */
            format: "raw" | "discord" | "slack";
            secret: string;
            /** Format: uuid4 */
            organization_id: string;
            events: ("checkout.created" | "checkout.updated" | "checkout.expired" | "customer.created" | "customer.updated" | "customer.deleted" | "customer.state_changed" | "customer_seat.assigned" | "customer_seat.claimed" | "customer_seat.revoked" | "member.created" | "member.updated" | "member.deleted" | "order.created" | "order.updated" | "order.paid" | "order.refunded" | "subscription.created" | "subscription.updated" | "subscription.active" | "subscription.canceled" | "subscription.uncanceled" | "subscription.revoked" | "subscription.past_due" | "refund.created" | "refund.updated" | "product.created" | "product.updated" | "benefit.created" | "benefit.updated" | "benefit_grant.created" | "benefit_grant.cycled" | "benefit_grant.updated" | "benefit_grant.revoked" | "organization.updated")[];
            enabled: boolean;
        };
        WebhookDeliveryList: {
            items: components["schemas"]["WebhookDelivery"][];
            pagination: components["schemas"]["Pagination"];
        };
        WebhookDelivery: {
            /** Format: date-time */
            created_at: string;
            modified_at: string | null;
            /** Format: uuid4 */
            id: string;
            succeeded: boolean;
            http_code: number | null;
            response: string | null;
            webhook_event: components["schemas"]["WebhookEvent"];
        };
        WebhookEvent: {
            /** Format: date-time */
            created_at: string;
            modified_at: string | null;
            /** Format: uuid4 */
            id: string;
            last_http_code: number | null;
            succeeded: boolean | null;
            skipped: boolean;
            payload: string | null;
            /** @enum {string} */
            type: "checkout.created" | "checkout.updated" | "checkout.expired" | "customer.created" | "customer.updated" | "customer.deleted" | "customer.state_changed" | "customer_seat.assigned" | "customer_seat.claimed" | "customer_seat.revoked" | "member.created" | "member.updated" | "member.deleted" | "order.created" | "order.updated" | "order.paid" | "order.refunded" | "subscription.created" | "subscription.updated" | "subscription.active" | "subscription.canceled" | "subscription.uncanceled" | "subscription.revoked" | "subscription.past_due" | "refund.created" | "refund.updated" | "product.created" | "product.updated" | "benefit.created" | "benefit.updated" | "benefit_grant.created" | "benefit_grant.cycled" | "benefit_grant.updated" | "benefit_grant.revoked" | "organization.updated";
            is_archived: boolean;
        };
    };
    responses: {
        /** @description The body is not JSON */
        KardowError400: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "error": {
                 *         "code": "invalid_json",
                 *         "message": "The request body is not valid JSON",
                 *         "issues": []
                 *       }
                 *     }
                 */
                "application/json": components["schemas"]["KardowError"];
            };
        };
        /** @description No API key, or an unknown or revoked one */
        KardowError401: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "error": {
                 *         "code": "unauthorized",
                 *         "message": "The API key is unknown or revoked",
                 *         "issues": []
                 *       }
                 *     }
                 */
                "application/json": components["schemas"]["KardowError"];
            };
        };
        /** @description The key lacks the scope, or the action is not permitted */
        KardowError403: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "error": {
                 *         "code": "forbidden",
                 *         "message": "This API key lacks the members:write scope",
                 *         "issues": []
                 *       }
                 *     }
                 */
                "application/json": components["schemas"]["KardowError"];
            };
        };
        /** @description Not found (records of other organizations included) */
        KardowError404: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "error": {
                 *         "code": "not_found",
                 *         "message": "No member with userId 3c90c3cc-0d44-4b50-8888-8dd25736052a",
                 *         "issues": []
                 *       }
                 *     }
                 */
                "application/json": components["schemas"]["KardowError"];
            };
        };
        /** @description Conflicts with another record */
        KardowError409: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "error": {
                 *         "code": "conflict",
                 *         "message": "Another member already has the email member@example.com",
                 *         "issues": []
                 *       }
                 *     }
                 */
                "application/json": components["schemas"]["KardowError"];
            };
        };
        /** @description The body is over the size limit */
        KardowError413: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "error": {
                 *         "code": "payload_too_large",
                 *         "message": "The request body is too large",
                 *         "issues": []
                 *       }
                 *     }
                 */
                "application/json": components["schemas"]["KardowError"];
            };
        };
        /** @description Validation failed: every problem is listed */
        KardowError422: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "error": {
                 *         "code": "validation_failed",
                 *         "message": "The request is invalid: 2 problem(s)",
                 *         "issues": [
                 *           {
                 *             "path": [
                 *               "email"
                 *             ],
                 *             "message": "Invalid email address"
                 *           },
                 *           {
                 *             "path": [
                 *               "payment",
                 *               "currency"
                 *             ],
                 *             "message": "must be a 3-letter ISO-4217 currency code"
                 *           }
                 *         ]
                 *       }
                 *     }
                 */
                "application/json": components["schemas"]["KardowError"];
            };
        };
        /** @description Rate limited: retry after the Retry-After seconds */
        KardowError429: {
            headers: {
                /** @description Seconds to wait */
                "Retry-After"?: number;
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "error": {
                 *         "code": "rate_limited",
                 *         "message": "Too many requests; retry in 1s",
                 *         "issues": []
                 *       }
                 *     }
                 */
                "application/json": components["schemas"]["KardowError"];
            };
        };
        /** @description No API key, or an unknown or revoked one */
        PolarError401: {
            headers: {
                "WWW-Authenticate"?: "Bearer";
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "error": "Unauthorized",
                 *       "detail": "Unauthorized"
                 *     }
                 */
                "application/json": components["schemas"]["PolarError"];
            };
        };
        /** @description The key lacks the scope, or the action is not permitted */
        PolarError403: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "error": "NotPermitted",
                 *       "detail": "An individual customer cannot have members other than its owner"
                 *     }
                 */
                "application/json": components["schemas"]["PolarError"];
            };
        };
        /** @description Not found (records of other organizations included) */
        PolarError404: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "error": "ResourceNotFound",
                 *       "detail": "Member not found"
                 *     }
                 */
                "application/json": components["schemas"]["PolarError"];
            };
        };
        /** @description Validation failed: every problem is listed */
        PolarError422: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "error": "RequestValidationError",
                 *       "detail": [
                 *         {
                 *           "type": "missing",
                 *           "loc": [
                 *             "body",
                 *             "email"
                 *           ],
                 *           "msg": "Field required",
                 *           "input": {}
                 *         }
                 *       ]
                 *     }
                 */
                "application/json": components["schemas"]["PolarValidationError"];
            };
        };
        /** @description Rate limited: retry after the Retry-After seconds */
        PolarError429: {
            headers: {
                /** @description Seconds to wait */
                "Retry-After"?: number;
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "error": "TooManyRequests",
                 *       "detail": "Too many requests; retry in 1s"
                 *     }
                 */
                "application/json": components["schemas"]["PolarError"];
            };
        };
    };
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    "members:sync": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    email: string;
                    /** Format: uuid */
                    userId?: string;
                    name?: string;
                    /** @enum {string} */
                    role?: "employee" | "business" | "both" | "jobseeker" | "employer";
                    /** @enum {string} */
                    approvalStatus?: "approved" | "pending" | "rejected";
                    profilePicture?: string | null;
                    description?: string | null;
                    customFields?: {
                        [key: string]: unknown;
                    } | null;
                    access?: {
                        /** Format: uuid */
                        planId?: string;
                        stripePriceId?: string;
                        paypalPlanId?: string;
                        planName?: string;
                        /** @enum {string} */
                        status?: "active" | "trialing" | "past_due" | "canceled" | "expired";
                        stripeSubscriptionId?: string | null;
                        currentPeriodStart?: string | null;
                        currentPeriodEnd?: string | null;
                        cancelAt?: string | null;
                        canceledAt?: string | null;
                        jobsRemaining?: number | null;
                        metadata?: {
                            [key: string]: unknown;
                        } | null;
                    };
                    payment?: {
                        /** Format: uuid */
                        jobId: string;
                        amount: number;
                        currency: string;
                        /**
                         * @default completed
                         * @enum {string}
                         */
                        status?: "pending" | "completed" | "failed" | "refunded";
                        paymentProvider?: string | null;
                        stripeSessionId?: string | null;
                        stripePaymentIntentId?: string | null;
                        metadata?: {
                            [key: string]: unknown;
                        } | null;
                    };
                };
            };
        };
        responses: {
            /** @description Updated existing member */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["MemberSyncResult"];
                    };
                };
            };
            /** @description Created a member */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": {
                     *         "member": {
                     *           "id": "11111111-1111-1111-1111-111111111111",
                     *           "organizationId": 42,
                     *           "email": "member@example.com",
                     *           "name": "Taylor Member",
                     *           "role": "employee",
                     *           "approvalStatus": "approved",
                     *           "profilePicture": null,
                     *           "description": null,
                     *           "customFields": null
                     *         },
                     *         "access": null,
                     *         "payment": null,
                     *         "created": true
                     *       }
                     *     }
                     */
                    "application/json": {
                        data: components["schemas"]["MemberSyncResult"];
                    };
                };
            };
            400: components["responses"]["KardowError400"];
            401: components["responses"]["KardowError401"];
            403: components["responses"]["KardowError403"];
            404: components["responses"]["KardowError404"];
            409: components["responses"]["KardowError409"];
            413: components["responses"]["KardowError413"];
            422: components["responses"]["KardowError422"];
            429: components["responses"]["KardowError429"];
        };
    };
    "members:sync_batch": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    members: unknown[];
                };
            };
        };
        responses: {
            /** @description Every item synced or refused, in item order */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["MemberSyncBatchResult"];
                    };
                };
            };
            400: components["responses"]["KardowError400"];
            401: components["responses"]["KardowError401"];
            403: components["responses"]["KardowError403"];
            413: components["responses"]["KardowError413"];
            422: components["responses"]["KardowError422"];
            429: components["responses"]["KardowError429"];
        };
    };
    "members:list": {
        parameters: {
            query?: {
                limit?: number;
                cursor?: string;
                q?: string;
                role?: "employee" | "business" | "both" | "jobseeker" | "employer";
                approvalStatus?: "approved" | "pending" | "rejected";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of members, newest first, with the cursor of the next page */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MemberList"];
                };
            };
            401: components["responses"]["KardowError401"];
            403: components["responses"]["KardowError403"];
            422: components["responses"]["KardowError422"];
            429: components["responses"]["KardowError429"];
        };
    };
    "members:lookup": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                lookup: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The member, with subscriptions and payments */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["MemberDetail"];
                    };
                };
            };
            401: components["responses"]["KardowError401"];
            403: components["responses"]["KardowError403"];
            404: components["responses"]["KardowError404"];
            429: components["responses"]["KardowError429"];
        };
    };
    "members:access": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    email?: string;
                    /** Format: uuid */
                    userId?: string;
                    /** @enum {string} */
                    action: "activate" | "expire_now" | "cancel_now" | "cancel_at_period_end" | "reactivate" | "mark_past_due" | "delete_member";
                    /** Format: uuid */
                    planId?: string;
                    stripePriceId?: string;
                    paypalPlanId?: string;
                    planName?: string;
                    stripeSubscriptionId?: string;
                    /** Format: date-time */
                    effectiveAt?: string;
                };
            };
        };
        responses: {
            /** @description The subscription after the step, or what was removed */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["MemberAccessResult"];
                    };
                };
            };
            400: components["responses"]["KardowError400"];
            401: components["responses"]["KardowError401"];
            403: components["responses"]["KardowError403"];
            404: components["responses"]["KardowError404"];
            409: components["responses"]["KardowError409"];
            413: components["responses"]["KardowError413"];
            422: components["responses"]["KardowError422"];
            429: components["responses"]["KardowError429"];
        };
    };
    "events:list": {
        parameters: {
            query?: {
                after?: string;
                types?: ("user.created" | "user.updated" | "user.deleted" | "subscription.created" | "subscription.updated" | "subscription.canceled" | "payment.received" | "member.created" | "member.updated" | "member.deleted" | "customer.created" | "customer.updated" | "customer.deleted")[];
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of the event log, oldest first, with the cursor to read on from (now or later) and whether more were there */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EventList"];
                };
            };
            401: components["responses"]["KardowError401"];
            403: components["responses"]["KardowError403"];
            422: components["responses"]["KardowError422"];
            429: components["responses"]["KardowError429"];
        };
    };
    "audit:list": {
        parameters: {
            query?: {
                actor?: string;
                record?: string;
                procedure?: string;
                since?: string;
                until?: string;
                after?: string;
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of the audit trail, newest first: who changed which records and which fields (never the values), and the cursor to the next page */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuditList"];
                };
            };
            401: components["responses"]["KardowError401"];
            403: components["responses"]["KardowError403"];
            422: components["responses"]["KardowError422"];
            429: components["responses"]["KardowError429"];
        };
    };
    "webhooks:list": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The organization's subscriptions */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["KardowWebhookSubscription"][];
                    };
                };
            };
            401: components["responses"]["KardowError401"];
            403: components["responses"]["KardowError403"];
            429: components["responses"]["KardowError429"];
        };
    };
    "webhooks:subscribe": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @enum {string} */
                    event: "user.created" | "user.updated" | "user.deleted" | "subscription.created" | "subscription.updated" | "subscription.canceled" | "payment.received" | "*";
                    /** @enum {string} */
                    target_type: "webhook" | "discord" | "slack";
                    /** Format: uri */
                    target_url: string;
                    secret?: string;
                };
            };
        };
        responses: {
            /** @description The subscription with this event and URL, which existed already */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: {
                            id: string;
                            event: string;
                            /** @enum {string} */
                            target_type: "webhook" | "discord" | "slack";
                            target_url: string;
                            is_enabled: boolean;
                            created_at: string;
                            updated_at: string;
                            secret?: string;
                        };
                    };
                };
            };
            /** @description Created a member */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: {
                            id: string;
                            event: string;
                            /** @enum {string} */
                            target_type: "webhook" | "discord" | "slack";
                            target_url: string;
                            is_enabled: boolean;
                            created_at: string;
                            updated_at: string;
                            secret?: string;
                        };
                    };
                };
            };
            400: components["responses"]["KardowError400"];
            401: components["responses"]["KardowError401"];
            403: components["responses"]["KardowError403"];
            404: components["responses"]["KardowError404"];
            409: components["responses"]["KardowError409"];
            413: components["responses"]["KardowError413"];
            422: components["responses"]["KardowError422"];
            429: components["responses"]["KardowError429"];
        };
    };
    "webhooks:unsubscribe": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The subscription removed */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["KardowWebhookSubscription"];
                    };
                };
            };
            401: components["responses"]["KardowError401"];
            403: components["responses"]["KardowError403"];
            404: components["responses"]["KardowError404"];
            422: components["responses"]["KardowError422"];
            429: components["responses"]["KardowError429"];
        };
    };
    "members:list_members": {
        parameters: {
            query?: {
                customer_id?: string;
                external_customer_id?: string;
                role?: "owner" | "billing_manager" | "member";
                page?: number;
                limit?: number;
                sorting?: ("created_at" | "-created_at")[];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CustomerMemberList"];
                };
            };
            401: components["responses"]["PolarError401"];
            403: components["responses"]["PolarError403"];
            404: components["responses"]["PolarError404"];
            422: components["responses"]["PolarError422"];
            429: components["responses"]["PolarError429"];
        };
    };
    "members:create_member": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** Format: uuid4 */
                    customer_id: string;
                    email: string;
                    name?: string | null;
                    external_id?: string | null;
                    /**
                     * @default member
                     * @enum {string}
                     */
                    role?: "member" | "billing_manager";
                };
            };
        };
        responses: {
            /** @description Member created. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CustomerMember"];
                };
            };
            401: components["responses"]["PolarError401"];
            403: components["responses"]["PolarError403"];
            404: components["responses"]["PolarError404"];
            422: components["responses"]["PolarError422"];
            429: components["responses"]["PolarError429"];
        };
    };
    "members:get_member": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CustomerMember"];
                };
            };
            401: components["responses"]["PolarError401"];
            403: components["responses"]["PolarError403"];
            404: components["responses"]["PolarError404"];
            422: components["responses"]["PolarError422"];
            429: components["responses"]["PolarError429"];
        };
    };
    "members:delete_member": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Member deleted. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            401: components["responses"]["PolarError401"];
            403: components["responses"]["PolarError403"];
            404: components["responses"]["PolarError404"];
            422: components["responses"]["PolarError422"];
            429: components["responses"]["PolarError429"];
        };
    };
    "members:update_member": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name?: string | null;
                    email?: string | null;
                    role?: ("owner" | "billing_manager" | "member") | null;
                };
            };
        };
        responses: {
            /** @description Member updated. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CustomerMember"];
                };
            };
            401: components["responses"]["PolarError401"];
            403: components["responses"]["PolarError403"];
            404: components["responses"]["PolarError404"];
            422: components["responses"]["PolarError422"];
            429: components["responses"]["PolarError429"];
        };
    };
    "members:get_member_by_external_id": {
        parameters: {
            query?: {
                customer_id?: string;
                external_customer_id?: string;
            };
            header?: never;
            path: {
                external_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CustomerMember"];
                };
            };
            401: components["responses"]["PolarError401"];
            403: components["responses"]["PolarError403"];
            404: components["responses"]["PolarError404"];
            422: components["responses"]["PolarError422"];
            429: components["responses"]["PolarError429"];
        };
    };
    "members:delete_member_by_external_id": {
        parameters: {
            query?: {
                customer_id?: string;
                external_customer_id?: string;
            };
            header?: never;
            path: {
                external_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Member deleted. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            401: components["responses"]["PolarError401"];
            403: components["responses"]["PolarError403"];
            404: components["responses"]["PolarError404"];
            422: components["responses"]["PolarError422"];
            429: components["responses"]["PolarError429"];
        };
    };
    "members:update_member_by_external_id": {
        parameters: {
            query?: {
                customer_id?: string;
                external_customer_id?: string;
            };
            header?: never;
            path: {
                external_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name?: string | null;
                    email?: string | null;
                    role?: ("owner" | "billing_manager" | "member") | null;
                };
            };
        };
        responses: {
            /** @description Member updated. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CustomerMember"];
                };
            };
            401: components["responses"]["PolarError401"];
            403: components["responses"]["PolarError403"];
            404: components["responses"]["PolarError404"];
            422: components["responses"]["PolarError422"];
            429: components["responses"]["PolarError429"];
        };
    };
    "customers:list": {
        parameters: {
            query?: {
                organization_id?: string | string[];
                email?: string;
                query?: string;
                active?: (boolean | ("0" | "1" | "true" | "false" | "yes" | "no" | "on" | "off")) | null;
                metadata?: {
                    [key: string]: string | string[];
                };
                page?: number;
                limit?: number;
                sorting?: ("created_at" | "-created_at" | "email" | "-email" | "name" | "-name")[];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CustomerList"];
                };
            };
            401: components["responses"]["PolarError401"];
            403: components["responses"]["PolarError403"];
            404: components["responses"]["PolarError404"];
            422: components["responses"]["PolarError422"];
            429: components["responses"]["PolarError429"];
        };
    };
    "customers:create": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    email?: string | null;
                    name?: string | null;
                    external_id?: string | null;
                    /**
                     * @default individual
                     * @enum {string}
                     */
                    type?: "individual" | "team";
                    metadata?: {
                        [key: string]: string | number | boolean;
                    };
                    owner?: {
                        email: string;
                        name?: string | null;
                        external_id?: string | null;
                    } | null;
                    organization_id?: string | null;
                    billing_address?: {
                        [key: string]: unknown;
                    } | null;
                    tax_id?: string | null;
                    locale?: string | null;
                };
            };
        };
        responses: {
            /** @description Customer created. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Customer"];
                };
            };
            401: components["responses"]["PolarError401"];
            403: components["responses"]["PolarError403"];
            404: components["responses"]["PolarError404"];
            422: components["responses"]["PolarError422"];
            429: components["responses"]["PolarError429"];
        };
    };
    "customers:export": {
        parameters: {
            query?: {
                organization_id?: string | string[];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The organization's customers as CSV */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/csv": string;
                };
            };
            401: components["responses"]["PolarError401"];
            403: components["responses"]["PolarError403"];
            404: components["responses"]["PolarError404"];
            422: components["responses"]["PolarError422"];
            429: components["responses"]["PolarError429"];
        };
    };
    "customers:get": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Customer"];
                };
            };
            401: components["responses"]["PolarError401"];
            403: components["responses"]["PolarError403"];
            404: components["responses"]["PolarError404"];
            422: components["responses"]["PolarError422"];
            429: components["responses"]["PolarError429"];
        };
    };
    "customers:delete": {
        parameters: {
            query?: {
                anonymize?: boolean | ("0" | "1" | "true" | "false" | "yes" | "no" | "on" | "off");
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Customer deleted. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            401: components["responses"]["PolarError401"];
            403: components["responses"]["PolarError403"];
            404: components["responses"]["PolarError404"];
            422: components["responses"]["PolarError422"];
            429: components["responses"]["PolarError429"];
        };
    };
    "customers:update": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    metadata?: {
                        [key: string]: string | number | boolean;
                    } | null;
                    email?: string | null;
                    name?: string | null;
                    billing_address?: {
                        [key: string]: unknown;
                    } | null;
                    tax_id?: string | null;
                    locale?: string | null;
                    external_id?: string | null;
                    type?: ("individual" | "team") | null;
                };
            };
        };
        responses: {
            /** @description Customer updated. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Customer"];
                };
            };
            401: components["responses"]["PolarError401"];
            403: components["responses"]["PolarError403"];
            404: components["responses"]["PolarError404"];
            422: components["responses"]["PolarError422"];
            429: components["responses"]["PolarError429"];
        };
    };
    "customers:get_external": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                external_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Customer"];
                };
            };
            401: components["responses"]["PolarError401"];
            403: components["responses"]["PolarError403"];
            404: components["responses"]["PolarError404"];
            422: components["responses"]["PolarError422"];
            429: components["responses"]["PolarError429"];
        };
    };
    "customers:delete_external": {
        parameters: {
            query?: {
                anonymize?: boolean | ("0" | "1" | "true" | "false" | "yes" | "no" | "on" | "off");
            };
            header?: never;
            path: {
                external_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Customer deleted. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            401: components["responses"]["PolarError401"];
            403: components["responses"]["PolarError403"];
            404: components["responses"]["PolarError404"];
            422: components["responses"]["PolarError422"];
            429: components["responses"]["PolarError429"];
        };
    };
    "customers:update_external": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                external_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    metadata?: {
                        [key: string]: string | number | boolean;
                    } | null;
                    email?: string | null;
                    name?: string | null;
                    billing_address?: {
                        [key: string]: unknown;
                    } | null;
                    tax_id?: string | null;
                    locale?: string | null;
                };
            };
        };
        responses: {
            /** @description Customer updated. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Customer"];
                };
            };
            401: components["responses"]["PolarError401"];
            403: components["responses"]["PolarError403"];
            404: components["responses"]["PolarError404"];
            422: components["responses"]["PolarError422"];
            429: components["responses"]["PolarError429"];
        };
    };
    "customers:members:list": {
        parameters: {
            query?: {
                role?: "owner" | "billing_manager" | "member";
                page?: number;
                limit?: number;
                sorting?: ("created_at" | "-created_at")[];
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CustomerMemberList"];
                };
            };
            401: components["responses"]["PolarError401"];
            403: components["responses"]["PolarError403"];
            404: components["responses"]["PolarError404"];
            422: components["responses"]["PolarError422"];
            429: components["responses"]["PolarError429"];
        };
    };
    "customers:members:create": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    email: string;
                    name?: string | null;
                    external_id?: string | null;
                    /**
                     * @default member
                     * @enum {string}
                     */
                    role?: "member" | "billing_manager";
                };
            };
        };
        responses: {
            /** @description Member created. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CustomerMember"];
                };
            };
            401: components["responses"]["PolarError401"];
            403: components["responses"]["PolarError403"];
            404: components["responses"]["PolarError404"];
            422: components["responses"]["PolarError422"];
            429: components["responses"]["PolarError429"];
        };
    };
    "customers:members:list_external": {
        parameters: {
            query?: {
                role?: "owner" | "billing_manager" | "member";
                page?: number;
                limit?: number;
                sorting?: ("created_at" | "-created_at")[];
            };
            header?: never;
            path: {
                external_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CustomerMemberList"];
                };
            };
            401: components["responses"]["PolarError401"];
            403: components["responses"]["PolarError403"];
            404: components["responses"]["PolarError404"];
            422: components["responses"]["PolarError422"];
            429: components["responses"]["PolarError429"];
        };
    };
    "customers:members:create_external": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                external_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    email: string;
                    name?: string | null;
                    external_id?: string | null;
                    /**
                     * @default member
                     * @enum {string}
                     */
                    role?: "member" | "billing_manager";
                };
            };
        };
        responses: {
            /** @description Member created. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CustomerMember"];
                };
            };
            401: components["responses"]["PolarError401"];
            403: components["responses"]["PolarError403"];
            404: components["responses"]["PolarError404"];
            422: components["responses"]["PolarError422"];
            429: components["responses"]["PolarError429"];
        };
    };
    "customers:members:get_external": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                external_id: string;
                member_external_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Member retrieved. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CustomerMember"];
                };
            };
            401: components["responses"]["PolarError401"];
            403: components["responses"]["PolarError403"];
            404: components["responses"]["PolarError404"];
            422: components["responses"]["PolarError422"];
            429: components["responses"]["PolarError429"];
        };
    };
    "customers:members:delete_external": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                external_id: string;
                member_external_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Member deleted. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            401: components["responses"]["PolarError401"];
            403: components["responses"]["PolarError403"];
            404: components["responses"]["PolarError404"];
            422: components["responses"]["PolarError422"];
            429: components["responses"]["PolarError429"];
        };
    };
    "customers:members:update_external": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                external_id: string;
                member_external_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name?: string | null;
                    email?: string | null;
                    role?: ("owner" | "billing_manager" | "member") | null;
                };
            };
        };
        responses: {
            /** @description Member updated. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CustomerMember"];
                };
            };
            401: components["responses"]["PolarError401"];
            403: components["responses"]["PolarError403"];
            404: components["responses"]["PolarError404"];
            422: components["responses"]["PolarError422"];
            429: components["responses"]["PolarError429"];
        };
    };
    "customers:members:get": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                member_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CustomerMember"];
                };
            };
            401: components["responses"]["PolarError401"];
            403: components["responses"]["PolarError403"];
            404: components["responses"]["PolarError404"];
            422: components["responses"]["PolarError422"];
            429: components["responses"]["PolarError429"];
        };
    };
    "customers:members:delete": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                member_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Member deleted. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            401: components["responses"]["PolarError401"];
            403: components["responses"]["PolarError403"];
            404: components["responses"]["PolarError404"];
            422: components["responses"]["PolarError422"];
            429: components["responses"]["PolarError429"];
        };
    };
    "customers:members:update": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                member_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name?: string | null;
                    email?: string | null;
                    role?: ("owner" | "billing_manager" | "member") | null;
                };
            };
        };
        responses: {
            /** @description Member updated. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CustomerMember"];
                };
            };
            401: components["responses"]["PolarError401"];
            403: components["responses"]["PolarError403"];
            404: components["responses"]["PolarError404"];
            422: components["responses"]["PolarError422"];
            429: components["responses"]["PolarError429"];
        };
    };
    "customer-sessions:create": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** Format: uuid4 */
                    customer_id?: string;
                    external_customer_id?: string;
                    member_id?: string | null;
                    external_member_id?: string | null;
                    return_url?: string | null;
                };
            };
        };
        responses: {
            /** @description Customer session created. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CustomerSession"];
                };
            };
            401: components["responses"]["PolarError401"];
            403: components["responses"]["PolarError403"];
            404: components["responses"]["PolarError404"];
            422: components["responses"]["PolarError422"];
            429: components["responses"]["PolarError429"];
        };
    };
    "customer_portal:members:list_members": {
        parameters: {
            query?: {
                page?: number;
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CustomerPortalMemberList"];
                };
            };
            401: components["responses"]["PolarError401"];
            403: components["responses"]["PolarError403"];
            404: components["responses"]["PolarError404"];
            422: components["responses"]["PolarError422"];
            429: components["responses"]["PolarError429"];
        };
    };
    "customer_portal:members:add_member": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    email: string;
                    name?: string | null;
                    /**
                     * @default member
                     * @enum {string}
                     */
                    role?: "owner" | "billing_manager" | "member";
                };
            };
        };
        responses: {
            /** @description Member added. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CustomerPortalMember"];
                };
            };
            401: components["responses"]["PolarError401"];
            403: components["responses"]["PolarError403"];
            404: components["responses"]["PolarError404"];
            422: components["responses"]["PolarError422"];
            429: components["responses"]["PolarError429"];
        };
    };
    "customer_portal:members:remove_member": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Member removed. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            401: components["responses"]["PolarError401"];
            403: components["responses"]["PolarError403"];
            404: components["responses"]["PolarError404"];
            422: components["responses"]["PolarError422"];
            429: components["responses"]["PolarError429"];
        };
    };
    "customer_portal:members:update_member": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name?: string | null;
                    role?: ("owner" | "billing_manager" | "member") | null;
                };
            };
        };
        responses: {
            /** @description Member updated. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CustomerPortalMember"];
                };
            };
            401: components["responses"]["PolarError401"];
            403: components["responses"]["PolarError403"];
            404: components["responses"]["PolarError404"];
            422: components["responses"]["PolarError422"];
            429: components["responses"]["PolarError429"];
        };
    };
    "webhooks:list_webhook_endpoints": {
        parameters: {
            query?: {
                organization_id?: string | string[];
                page?: number;
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookEndpointList"];
                };
            };
            401: components["responses"]["PolarError401"];
            403: components["responses"]["PolarError403"];
            404: components["responses"]["PolarError404"];
            422: components["responses"]["PolarError422"];
            429: components["responses"]["PolarError429"];
        };
    };
    "webhooks:create_webhook_endpoint": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** Format: uri */
                    url: string;
                    name?: string | null;
                    /** @enum {string} */
                    format: "raw" | "discord" | "slack";
                    events: ("checkout.created" | "checkout.updated" | "checkout.expired" | "customer.created" | "customer.updated" | "customer.deleted" | "customer.state_changed" | "customer_seat.assigned" | "customer_seat.claimed" | "customer_seat.revoked" | "member.created" | "member.updated" | "member.deleted" | "order.created" | "order.updated" | "order.paid" | "order.refunded" | "subscription.created" | "subscription.updated" | "subscription.active" | "subscription.canceled" | "subscription.uncanceled" | "subscription.revoked" | "subscription.past_due" | "refund.created" | "refund.updated" | "product.created" | "product.updated" | "benefit.created" | "benefit.updated" | "benefit_grant.created" | "benefit_grant.cycled" | "benefit_grant.updated" | "benefit_grant.revoked" | "organization.updated")[];
                    organization_id?: string | null;
                };
            };
        };
        responses: {
            /** @description Webhook endpoint created. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookEndpoint"];
                };
            };
            401: components["responses"]["PolarError401"];
            403: components["responses"]["PolarError403"];
            404: components["responses"]["PolarError404"];
            422: components["responses"]["PolarError422"];
            429: components["responses"]["PolarError429"];
        };
    };
    "webhooks:get_webhook_endpoint": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookEndpoint"];
                };
            };
            401: components["responses"]["PolarError401"];
            403: components["responses"]["PolarError403"];
            404: components["responses"]["PolarError404"];
            422: components["responses"]["PolarError422"];
            429: components["responses"]["PolarError429"];
        };
    };
    "webhooks:delete_webhook_endpoint": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Webhook endpoint deleted. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            401: components["responses"]["PolarError401"];
            403: components["responses"]["PolarError403"];
            404: components["responses"]["PolarError404"];
            422: components["responses"]["PolarError422"];
            429: components["responses"]["PolarError429"];
        };
    };
    "webhooks:update_webhook_endpoint": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    url?: string | null;
                    name?: string | null;
                    format?: ("raw" | "discord" | "slack") | null;
                    events?: ("checkout.created" | "checkout.updated" | "checkout.expired" | "customer.created" | "customer.updated" | "customer.deleted" | "customer.state_changed" | "customer_seat.assigned" | "customer_seat.claimed" | "customer_seat.revoked" | "member.created" | "member.updated" | "member.deleted" | "order.created" | "order.updated" | "order.paid" | "order.refunded" | "subscription.created" | "subscription.updated" | "subscription.active" | "subscription.canceled" | "subscription.uncanceled" | "subscription.revoked" | "subscription.past_due" | "refund.created" | "refund.updated" | "product.created" | "product.updated" | "benefit.created" | "benefit.updated" | "benefit_grant.created" | "benefit_grant.cycled" | "benefit_grant.updated" | "benefit_grant.revoked" | "organization.updated")[] | null;
                    enabled?: boolean | null;
                };
            };
        };
        responses: {
            /** @description Webhook endpoint updated. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookEndpoint"];
                };
            };
            401: components["responses"]["PolarError401"];
            403: components["responses"]["PolarError403"];
            404: components["responses"]["PolarError404"];
            422: components["responses"]["PolarError422"];
            429: components["responses"]["PolarError429"];
        };
    };
    "webhooks:reset_webhook_endpoint_secret": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Webhook endpoint secret reset. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookEndpoint"];
                };
            };
            401: components["responses"]["PolarError401"];
            403: components["responses"]["PolarError403"];
            404: components["responses"]["PolarError404"];
            422: components["responses"]["PolarError422"];
            429: components["responses"]["PolarError429"];
        };
    };
    "webhooks:list_webhook_deliveries": {
        parameters: {
            query?: {
                endpoint_id?: string | string[];
                start_timestamp?: string;
                end_timestamp?: string;
                succeeded?: (boolean | ("0" | "1" | "true" | "false" | "yes" | "no" | "on" | "off")) | null;
                query?: string;
                http_code_class?: "2xx" | "3xx" | "4xx" | "5xx";
                event_type?: ("checkout.created" | "checkout.updated" | "checkout.expired" | "customer.created" | "customer.updated" | "customer.deleted" | "customer.state_changed" | "customer_seat.assigned" | "customer_seat.claimed" | "customer_seat.revoked" | "member.created" | "member.updated" | "member.deleted" | "order.created" | "order.updated" | "order.paid" | "order.refunded" | "subscription.created" | "subscription.updated" | "subscription.active" | "subscription.canceled" | "subscription.uncanceled" | "subscription.revoked" | "subscription.past_due" | "refund.created" | "refund.updated" | "product.created" | "product.updated" | "benefit.created" | "benefit.updated" | "benefit_grant.created" | "benefit_grant.cycled" | "benefit_grant.updated" | "benefit_grant.revoked" | "organization.updated") | ("checkout.created" | "checkout.updated" | "checkout.expired" | "customer.created" | "customer.updated" | "customer.deleted" | "customer.state_changed" | "customer_seat.assigned" | "customer_seat.claimed" | "customer_seat.revoked" | "member.created" | "member.updated" | "member.deleted" | "order.created" | "order.updated" | "order.paid" | "order.refunded" | "subscription.created" | "subscription.updated" | "subscription.active" | "subscription.canceled" | "subscription.uncanceled" | "subscription.revoked" | "subscription.past_due" | "refund.created" | "refund.updated" | "product.created" | "product.updated" | "benefit.created" | "benefit.updated" | "benefit_grant.created" | "benefit_grant.cycled" | "benefit_grant.updated" | "benefit_grant.revoked" | "organization.updated")[];
                page?: number;
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookDeliveryList"];
                };
            };
            401: components["responses"]["PolarError401"];
            403: components["responses"]["PolarError403"];
            404: components["responses"]["PolarError404"];
            422: components["responses"]["PolarError422"];
            429: components["responses"]["PolarError429"];
        };
    };
    "webhooks:redeliver_webhook_event": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Webhook event re-delivery scheduled. */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        redelivered: number;
                    };
                };
            };
            401: components["responses"]["PolarError401"];
            403: components["responses"]["PolarError403"];
            404: components["responses"]["PolarError404"];
            422: components["responses"]["PolarError422"];
            429: components["responses"]["PolarError429"];
        };
    };
    "webhook:user.created": {
        parameters: {
            query?: never;
            header: {
                /** @description sha256=<hex HMAC-SHA256 of the body, keyed by the subscription secret> */
                "X-Kardow-Signature": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @constant */
                    event: "user.created";
                    /** Format: date-time */
                    timestamp: string;
                    data: {
                        member: components["schemas"]["OrganizationMember"];
                    };
                };
            };
        };
        responses: {
            /** @description Received; any other answer (or none within the timeout) is retried with backoff */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    "webhook:user.updated": {
        parameters: {
            query?: never;
            header: {
                /** @description sha256=<hex HMAC-SHA256 of the body, keyed by the subscription secret> */
                "X-Kardow-Signature": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @constant */
                    event: "user.updated";
                    /** Format: date-time */
                    timestamp: string;
                    data: {
                        member: components["schemas"]["OrganizationMember"];
                    };
                };
            };
        };
        responses: {
            /** @description Received; any other answer (or none within the timeout) is retried with backoff */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    "webhook:user.deleted": {
        parameters: {
            query?: never;
            header: {
                /** @description sha256=<hex HMAC-SHA256 of the body, keyed by the subscription secret> */
                "X-Kardow-Signature": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @constant */
                    event: "user.deleted";
                    /** Format: date-time */
                    timestamp: string;
                    data: {
                        member: components["schemas"]["OrganizationMember"];
                    };
                };
            };
        };
        responses: {
            /** @description Received; any other answer (or none within the timeout) is retried with backoff */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    "webhook:subscription.created": {
        parameters: {
            query?: never;
            header: {
                /** @description sha256=<hex HMAC-SHA256 of the body, keyed by the subscription secret> */
                "X-Kardow-Signature": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @constant */
                    event: "subscription.created";
                    /** Format: date-time */
                    timestamp: string;
                    data: {
                        access: components["schemas"]["Access"];
                    };
                };
            };
        };
        responses: {
            /** @description Received; any other answer (or none within the timeout) is retried with backoff */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    "webhook:subscription.updated": {
        parameters: {
            query?: never;
            header: {
                /** @description sha256=<hex HMAC-SHA256 of the body, keyed by the subscription secret> */
                "X-Kardow-Signature": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @constant */
                    event: "subscription.updated";
                    /** Format: date-time */
                    timestamp: string;
                    data: {
                        access: components["schemas"]["Access"];
                    };
                };
            };
        };
        responses: {
            /** @description Received; any other answer (or none within the timeout) is retried with backoff */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    "webhook:subscription.canceled": {
        parameters: {
            query?: never;
            header: {
                /** @description sha256=<hex HMAC-SHA256 of the body, keyed by the subscription secret> */
                "X-Kardow-Signature": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @constant */
                    event: "subscription.canceled";
                    /** Format: date-time */
                    timestamp: string;
                    data: {
                        access: components["schemas"]["Access"];
                    };
                };
            };
        };
        responses: {
            /** @description Received; any other answer (or none within the timeout) is retried with backoff */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    "webhook:payment.received": {
        parameters: {
            query?: never;
            header: {
                /** @description sha256=<hex HMAC-SHA256 of the body, keyed by the subscription secret> */
                "X-Kardow-Signature": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @constant */
                    event: "payment.received";
                    /** Format: date-time */
                    timestamp: string;
                    data: {
                        payment: components["schemas"]["Payment"];
                    };
                };
            };
        };
        responses: {
            /** @description Received; any other answer (or none within the timeout) is retried with backoff */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    "webhook:member.created": {
        parameters: {
            query?: never;
            header: {
                /** @description The delivery's id (Standard Webhooks) */
                "webhook-id": string;
                /** @description Seconds since the epoch when the attempt was signed */
                "webhook-timestamp": string;
                /** @description v1,<base64 HMAC-SHA256 of id.timestamp.body>, keyed by the endpoint secret */
                "webhook-signature": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @constant */
                    type: "member.created";
                    /** Format: date-time */
                    timestamp: string;
                    data: components["schemas"]["CustomerMember"];
                };
            };
        };
        responses: {
            /** @description Received; any other answer (or none within the timeout) is retried with backoff */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    "webhook:member.updated": {
        parameters: {
            query?: never;
            header: {
                /** @description The delivery's id (Standard Webhooks) */
                "webhook-id": string;
                /** @description Seconds since the epoch when the attempt was signed */
                "webhook-timestamp": string;
                /** @description v1,<base64 HMAC-SHA256 of id.timestamp.body>, keyed by the endpoint secret */
                "webhook-signature": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @constant */
                    type: "member.updated";
                    /** Format: date-time */
                    timestamp: string;
                    data: components["schemas"]["CustomerMember"];
                };
            };
        };
        responses: {
            /** @description Received; any other answer (or none within the timeout) is retried with backoff */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    "webhook:member.deleted": {
        parameters: {
            query?: never;
            header: {
                /** @description The delivery's id (Standard Webhooks) */
                "webhook-id": string;
                /** @description Seconds since the epoch when the attempt was signed */
                "webhook-timestamp": string;
                /** @description v1,<base64 HMAC-SHA256 of id.timestamp.body>, keyed by the endpoint secret */
                "webhook-signature": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @constant */
                    type: "member.deleted";
                    /** Format: date-time */
                    timestamp: string;
                    data: components["schemas"]["CustomerMember"];
                };
            };
        };
        responses: {
            /** @description Received; any other answer (or none within the timeout) is retried with backoff */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    "webhook:customer.created": {
        parameters: {
            query?: never;
            header: {
                /** @description The delivery's id (Standard Webhooks) */
                "webhook-id": string;
                /** @description Seconds since the epoch when the attempt was signed */
                "webhook-timestamp": string;
                /** @description v1,<base64 HMAC-SHA256 of id.timestamp.body>, keyed by the endpoint secret */
                "webhook-signature": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @constant */
                    type: "customer.created";
                    /** Format: date-time */
                    timestamp: string;
                    data: components["schemas"]["Customer"];
                };
            };
        };
        responses: {
            /** @description Received; any other answer (or none within the timeout) is retried with backoff */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    "webhook:customer.updated": {
        parameters: {
            query?: never;
            header: {
                /** @description The delivery's id (Standard Webhooks) */
                "webhook-id": string;
                /** @description Seconds since the epoch when the attempt was signed */
                "webhook-timestamp": string;
                /** @description v1,<base64 HMAC-SHA256 of id.timestamp.body>, keyed by the endpoint secret */
                "webhook-signature": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @constant */
                    type: "customer.updated";
                    /** Format: date-time */
                    timestamp: string;
                    data: components["schemas"]["Customer"];
                };
            };
        };
        responses: {
            /** @description Received; any other answer (or none within the timeout) is retried with backoff */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    "webhook:customer.deleted": {
        parameters: {
            query?: never;
            header: {
                /** @description The delivery's id (Standard Webhooks) */
                "webhook-id": string;
                /** @description Seconds since the epoch when the attempt was signed */
                "webhook-timestamp": string;
                /** @description v1,<base64 HMAC-SHA256 of id.timestamp.body>, keyed by the endpoint secret */
                "webhook-signature": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @constant */
                    type: "customer.deleted";
                    /** Format: date-time */
                    timestamp: string;
                    data: components["schemas"]["Customer"];
                };
            };
        };
        responses: {
            /** @description Received; any other answer (or none within the timeout) is retried with backoff */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
}
