// generated with @7nohe/openapi-react-query-codegen@3.0.2 

import { useSuspenseQuery, type UseSuspenseQueryOptions } from "@tanstack/react-query";
import { getHealth, getInvoice, getReport, getUser, listApiKeys, listInvoices, type Options } from "../requests/sdk.gen";
import type { GetHealthData, GetHealthError, GetInvoiceData, GetInvoiceError, GetReportData, GetReportError, GetUserData, GetUserError, ListApiKeysData, ListApiKeysError, ListInvoicesData, ListInvoicesError } from "../requests/types.gen";
import * as Common from "./common";

/**
 * Liveness and readiness, with a database ping and dependency checks
 *
 * For load balancers and orchestrators: no authentication. Pings the database and, when the service uses it (`REDIS_URL`), Redis (2 s each). 503 when the database is down, and as soon as shutdown starts, so traffic moves away while in-flight requests finish. Redis down is 200 with `status: degraded` and `checks.redis: down`: requests are still answered. Limited per client address (bucket `health`).
 */
export const useGetHealthSuspense = <TData = NonNullable<Common.GetHealthDefaultResponse>, TError = GetHealthError, TQueryKey extends Array<unknown> = unknown[]>(clientOptions: Options<GetHealthData, true> = {}, queryKey?: TQueryKey, options?: Omit<UseSuspenseQueryOptions<TData, TError>, "queryKey" | "queryFn">) => useSuspenseQuery<TData, TError>({ queryKey: Common.UseGetHealthKeyFn(clientOptions, queryKey), queryFn: ({ signal }) => getHealth({ ...clientOptions, signal, throwOnError: true }).then(response => response.data as TData) as TData, ...options });
/**
 * Read a user
 *
 * Your own user, or any user with scope `users:admin`. Requires scope `users:read`. Another user's id answers 404, exactly like an unknown id.
 */
export const useGetUserSuspense = <TData = NonNullable<Common.GetUserDefaultResponse>, TError = GetUserError, TQueryKey extends Array<unknown> = unknown[]>(clientOptions: Options<GetUserData, true>, queryKey?: TQueryKey, options?: Omit<UseSuspenseQueryOptions<TData, TError>, "queryKey" | "queryFn">) => useSuspenseQuery<TData, TError>({ queryKey: Common.UseGetUserKeyFn(clientOptions, queryKey), queryFn: ({ signal }) => getUser({ ...clientOptions, signal, throwOnError: true }).then(response => response.data as TData) as TData, ...options });
/**
 * List the caller's invoices
 *
 * Newest first. Requires scope `invoices:read`.
 */
export const useListInvoicesSuspense = <TData = NonNullable<Common.ListInvoicesDefaultResponse>, TError = ListInvoicesError, TQueryKey extends Array<unknown> = unknown[]>(clientOptions: Options<ListInvoicesData, true> = {}, queryKey?: TQueryKey, options?: Omit<UseSuspenseQueryOptions<TData, TError>, "queryKey" | "queryFn">) => useSuspenseQuery<TData, TError>({ queryKey: Common.UseListInvoicesKeyFn(clientOptions, queryKey), queryFn: ({ signal }) => listInvoices({ ...clientOptions, signal, throwOnError: true }).then(response => response.data as TData) as TData, ...options });
/**
 * Read one of your invoices
 *
 * Requires scope `invoices:read`. Another user's invoice answers 404, exactly like an unknown id.
 */
export const useGetInvoiceSuspense = <TData = NonNullable<Common.GetInvoiceDefaultResponse>, TError = GetInvoiceError, TQueryKey extends Array<unknown> = unknown[]>(clientOptions: Options<GetInvoiceData, true>, queryKey?: TQueryKey, options?: Omit<UseSuspenseQueryOptions<TData, TError>, "queryKey" | "queryFn">) => useSuspenseQuery<TData, TError>({ queryKey: Common.UseGetInvoiceKeyFn(clientOptions, queryKey), queryFn: ({ signal }) => getInvoice({ ...clientOptions, signal, throwOnError: true }).then(response => response.data as TData) as TData, ...options });
/**
 * Read a report and its progress
 *
 * Requires scope `reports:read`. Another user's report answers 404, exactly like an unknown id.
 */
export const useGetReportSuspense = <TData = NonNullable<Common.GetReportDefaultResponse>, TError = GetReportError, TQueryKey extends Array<unknown> = unknown[]>(clientOptions: Options<GetReportData, true>, queryKey?: TQueryKey, options?: Omit<UseSuspenseQueryOptions<TData, TError>, "queryKey" | "queryFn">) => useSuspenseQuery<TData, TError>({ queryKey: Common.UseGetReportKeyFn(clientOptions, queryKey), queryFn: ({ signal }) => getReport({ ...clientOptions, signal, throwOnError: true }).then(response => response.data as TData) as TData, ...options });
/**
 * List your API keys
 *
 * Your keys that are not revoked (expired ones included), newest first, at most 100. Never the keys themselves. Requires scope `keys:read` and a bearer token.
 */
export const useListApiKeysSuspense = <TData = NonNullable<Common.ListApiKeysDefaultResponse>, TError = ListApiKeysError, TQueryKey extends Array<unknown> = unknown[]>(clientOptions: Options<ListApiKeysData, true> = {}, queryKey?: TQueryKey, options?: Omit<UseSuspenseQueryOptions<TData, TError>, "queryKey" | "queryFn">) => useSuspenseQuery<TData, TError>({ queryKey: Common.UseListApiKeysKeyFn(clientOptions, queryKey), queryFn: ({ signal }) => listApiKeys({ ...clientOptions, signal, throwOnError: true }).then(response => response.data as TData) as TData, ...options });
