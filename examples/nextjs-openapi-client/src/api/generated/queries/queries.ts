// generated with @7nohe/openapi-react-query-codegen@3.0.2 

import { useMutation, useQuery, type UseMutationOptions, type UseQueryOptions } from "@tanstack/react-query";
import { createApiKey, createInvoice, createReport, createUser, getHealth, getInvoice, getReport, getUser, listApiKeys, listInvoices, revokeApiKey, type Options } from "../requests/sdk.gen";
import type { CreateApiKeyData, CreateApiKeyError, CreateInvoiceData, CreateInvoiceError, CreateReportData, CreateReportError, CreateUserData, CreateUserError, GetHealthData, GetHealthError, GetInvoiceData, GetInvoiceError, GetReportData, GetReportError, GetUserData, GetUserError, ListApiKeysData, ListApiKeysError, ListInvoicesData, ListInvoicesError, RevokeApiKeyData, RevokeApiKeyError } from "../requests/types.gen";
import * as Common from "./common";

/**
 * Liveness and readiness, with a database ping and dependency checks
 *
 * For load balancers and orchestrators: no authentication. Pings the database and, when the service uses it (`REDIS_URL`), Redis (2 s each). 503 when the database is down, and as soon as shutdown starts, so traffic moves away while in-flight requests finish. Redis down is 200 with `status: degraded` and `checks.redis: down`: requests are still answered. Limited per client address (bucket `health`).
 */
export const useGetHealth = <TData = Common.GetHealthDefaultResponse, TError = GetHealthError, TQueryKey extends Array<unknown> = unknown[]>(clientOptions: Options<GetHealthData, true> = {}, queryKey?: TQueryKey, options?: Omit<UseQueryOptions<TData, TError>, "queryKey" | "queryFn">) => useQuery<TData, TError>({ queryKey: Common.UseGetHealthKeyFn(clientOptions, queryKey), queryFn: ({ signal }) => getHealth({ ...clientOptions, signal, throwOnError: true }).then(response => response.data as TData) as TData, ...options });
/**
 * Read a user
 *
 * Your own user, or any user with scope `users:admin`. Requires scope `users:read`. Another user's id answers 404, exactly like an unknown id.
 */
export const useGetUser = <TData = Common.GetUserDefaultResponse, TError = GetUserError, TQueryKey extends Array<unknown> = unknown[]>(clientOptions: Options<GetUserData, true>, queryKey?: TQueryKey, options?: Omit<UseQueryOptions<TData, TError>, "queryKey" | "queryFn">) => useQuery<TData, TError>({ queryKey: Common.UseGetUserKeyFn(clientOptions, queryKey), queryFn: ({ signal }) => getUser({ ...clientOptions, signal, throwOnError: true }).then(response => response.data as TData) as TData, ...options });
/**
 * List the caller's invoices
 *
 * Newest first. Requires scope `invoices:read`.
 */
export const useListInvoices = <TData = Common.ListInvoicesDefaultResponse, TError = ListInvoicesError, TQueryKey extends Array<unknown> = unknown[]>(clientOptions: Options<ListInvoicesData, true> = {}, queryKey?: TQueryKey, options?: Omit<UseQueryOptions<TData, TError>, "queryKey" | "queryFn">) => useQuery<TData, TError>({ queryKey: Common.UseListInvoicesKeyFn(clientOptions, queryKey), queryFn: ({ signal }) => listInvoices({ ...clientOptions, signal, throwOnError: true }).then(response => response.data as TData) as TData, ...options });
/**
 * Read one of your invoices
 *
 * Requires scope `invoices:read`. Another user's invoice answers 404, exactly like an unknown id.
 */
export const useGetInvoice = <TData = Common.GetInvoiceDefaultResponse, TError = GetInvoiceError, TQueryKey extends Array<unknown> = unknown[]>(clientOptions: Options<GetInvoiceData, true>, queryKey?: TQueryKey, options?: Omit<UseQueryOptions<TData, TError>, "queryKey" | "queryFn">) => useQuery<TData, TError>({ queryKey: Common.UseGetInvoiceKeyFn(clientOptions, queryKey), queryFn: ({ signal }) => getInvoice({ ...clientOptions, signal, throwOnError: true }).then(response => response.data as TData) as TData, ...options });
/**
 * Read a report and its progress
 *
 * Requires scope `reports:read`. Another user's report answers 404, exactly like an unknown id.
 */
export const useGetReport = <TData = Common.GetReportDefaultResponse, TError = GetReportError, TQueryKey extends Array<unknown> = unknown[]>(clientOptions: Options<GetReportData, true>, queryKey?: TQueryKey, options?: Omit<UseQueryOptions<TData, TError>, "queryKey" | "queryFn">) => useQuery<TData, TError>({ queryKey: Common.UseGetReportKeyFn(clientOptions, queryKey), queryFn: ({ signal }) => getReport({ ...clientOptions, signal, throwOnError: true }).then(response => response.data as TData) as TData, ...options });
/**
 * List your API keys
 *
 * Your keys that are not revoked (expired ones included), newest first, at most 100. Never the keys themselves. Requires scope `keys:read` and a bearer token.
 */
export const useListApiKeys = <TData = Common.ListApiKeysDefaultResponse, TError = ListApiKeysError, TQueryKey extends Array<unknown> = unknown[]>(clientOptions: Options<ListApiKeysData, true> = {}, queryKey?: TQueryKey, options?: Omit<UseQueryOptions<TData, TError>, "queryKey" | "queryFn">) => useQuery<TData, TError>({ queryKey: Common.UseListApiKeysKeyFn(clientOptions, queryKey), queryFn: ({ signal }) => listApiKeys({ ...clientOptions, signal, throwOnError: true }).then(response => response.data as TData) as TData, ...options });
/**
 * Register the caller as a user
 *
 * Creates the user whose id is the token `sub`. Requires scope `users:write`.
 */
export const useCreateUser = <TData = Common.CreateUserMutationResult, TError = CreateUserError, TQueryKey extends Array<unknown> = unknown[], TContext = unknown>(mutationKey?: TQueryKey, options?: Omit<UseMutationOptions<TData, TError, Options<CreateUserData, true>, TContext>, "mutationKey" | "mutationFn">) => useMutation<TData, TError, Options<CreateUserData, true>, TContext>({ mutationKey: Common.UseCreateUserKeyFn(mutationKey), mutationFn: clientOptions => createUser({ ...clientOptions, throwOnError: true }) as unknown as Promise<TData>, ...options });
/**
 * Create an invoice for the caller
 *
 * The owner is always the caller. Requires scope `invoices:write` and a registered user (`POST /v1/users`).
 */
export const useCreateInvoice = <TData = Common.CreateInvoiceMutationResult, TError = CreateInvoiceError, TQueryKey extends Array<unknown> = unknown[], TContext = unknown>(mutationKey?: TQueryKey, options?: Omit<UseMutationOptions<TData, TError, Options<CreateInvoiceData, true>, TContext>, "mutationKey" | "mutationFn">) => useMutation<TData, TError, Options<CreateInvoiceData, true>, TContext>({ mutationKey: Common.UseCreateInvoiceKeyFn(mutationKey), mutationFn: clientOptions => createInvoice({ ...clientOptions, throwOnError: true }) as unknown as Promise<TData>, ...options });
/**
 * Queue a report
 *
 * Queues the report for the background worker and answers at once with its id; poll `Location`. A retried request with the same `Idempotency-Key` (and body) returns the same report, not a second one. Requires scope `reports:write` and a registered user. Strictly rate limited (bucket `reports`).
 */
export const useCreateReport = <TData = Common.CreateReportMutationResult, TError = CreateReportError, TQueryKey extends Array<unknown> = unknown[], TContext = unknown>(mutationKey?: TQueryKey, options?: Omit<UseMutationOptions<TData, TError, Options<CreateReportData, true>, TContext>, "mutationKey" | "mutationFn">) => useMutation<TData, TError, Options<CreateReportData, true>, TContext>({ mutationKey: Common.UseCreateReportKeyFn(mutationKey), mutationFn: clientOptions => createReport({ ...clientOptions, throwOnError: true }) as unknown as Promise<TData>, ...options });
/**
 * Create an API key for an integration
 *
 * The key acts for you with the scopes you give it (a subset of your token’s), for at most 90 days. The answer is the only time the key is shown: only its hash is stored. Rotate by creating a new key, moving the integration to it, then revoking the old one (both work in between). Requires scope `keys:write` and a bearer token.
 */
export const useCreateApiKey = <TData = Common.CreateApiKeyMutationResult, TError = CreateApiKeyError, TQueryKey extends Array<unknown> = unknown[], TContext = unknown>(mutationKey?: TQueryKey, options?: Omit<UseMutationOptions<TData, TError, Options<CreateApiKeyData, true>, TContext>, "mutationKey" | "mutationFn">) => useMutation<TData, TError, Options<CreateApiKeyData, true>, TContext>({ mutationKey: Common.UseCreateApiKeyKeyFn(mutationKey), mutationFn: clientOptions => createApiKey({ ...clientOptions, throwOnError: true }) as unknown as Promise<TData>, ...options });
/**
 * Revoke an API key
 *
 * From this request on, the key answers 401. Requires scope `keys:write` and a bearer token.
 */
export const useRevokeApiKey = <TData = Common.RevokeApiKeyMutationResult, TError = RevokeApiKeyError, TQueryKey extends Array<unknown> = unknown[], TContext = unknown>(mutationKey?: TQueryKey, options?: Omit<UseMutationOptions<TData, TError, Options<RevokeApiKeyData, true>, TContext>, "mutationKey" | "mutationFn">) => useMutation<TData, TError, Options<RevokeApiKeyData, true>, TContext>({ mutationKey: Common.UseRevokeApiKeyKeyFn(mutationKey), mutationFn: clientOptions => revokeApiKey({ ...clientOptions, throwOnError: true }) as unknown as Promise<TData>, ...options });
