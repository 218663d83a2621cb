// generated with @7nohe/openapi-react-query-codegen@3.0.2 

import { type FetchQueryOptions, type QueryClient } from "@tanstack/react-query";
import { getHealth, getInvoice, getReport, getUser, listApiKeys, listInvoices, type Options } from "../requests/sdk.gen";
import type { GetHealthData, GetInvoiceData, GetReportData, GetUserData, ListApiKeysData, ListInvoicesData } from "../requests/types.gen";
import * as Common from "./common";

/**
 * Liveness and readiness, with a database ping and dependency checks
 *
 * For load balancers and orchestrators: no authentication. Pings the database and, when the service uses it (`REDIS_URL`), Redis (2 s each). 503 when the database is down, and as soon as shutdown starts, so traffic moves away while in-flight requests finish. Redis down is 200 with `status: degraded` and `checks.redis: down`: requests are still answered. Limited per client address (bucket `health`).
 */
export const prefetchUseGetHealth = (queryClient: QueryClient, clientOptions: Options<GetHealthData, true> = {}, options?: Omit<FetchQueryOptions<Common.GetHealthDefaultResponse>, "queryKey" | "queryFn">) => queryClient.prefetchQuery({ queryKey: Common.UseGetHealthKeyFn(clientOptions), queryFn: ({ signal }) => getHealth({ ...clientOptions, signal, throwOnError: true }).then(response => response.data), ...options });
/**
 * Read a user
 *
 * Your own user, or any user with scope `users:admin`. Requires scope `users:read`. Another user's id answers 404, exactly like an unknown id.
 */
export const prefetchUseGetUser = (queryClient: QueryClient, clientOptions: Options<GetUserData, true>, options?: Omit<FetchQueryOptions<Common.GetUserDefaultResponse>, "queryKey" | "queryFn">) => queryClient.prefetchQuery({ queryKey: Common.UseGetUserKeyFn(clientOptions), queryFn: ({ signal }) => getUser({ ...clientOptions, signal, throwOnError: true }).then(response => response.data), ...options });
/**
 * List the caller's invoices
 *
 * Newest first. Requires scope `invoices:read`.
 */
export const prefetchUseListInvoices = (queryClient: QueryClient, clientOptions: Options<ListInvoicesData, true> = {}, options?: Omit<FetchQueryOptions<Common.ListInvoicesDefaultResponse>, "queryKey" | "queryFn">) => queryClient.prefetchQuery({ queryKey: Common.UseListInvoicesKeyFn(clientOptions), queryFn: ({ signal }) => listInvoices({ ...clientOptions, signal, throwOnError: true }).then(response => response.data), ...options });
/**
 * Read one of your invoices
 *
 * Requires scope `invoices:read`. Another user's invoice answers 404, exactly like an unknown id.
 */
export const prefetchUseGetInvoice = (queryClient: QueryClient, clientOptions: Options<GetInvoiceData, true>, options?: Omit<FetchQueryOptions<Common.GetInvoiceDefaultResponse>, "queryKey" | "queryFn">) => queryClient.prefetchQuery({ queryKey: Common.UseGetInvoiceKeyFn(clientOptions), queryFn: ({ signal }) => getInvoice({ ...clientOptions, signal, throwOnError: true }).then(response => response.data), ...options });
/**
 * Read a report and its progress
 *
 * Requires scope `reports:read`. Another user's report answers 404, exactly like an unknown id.
 */
export const prefetchUseGetReport = (queryClient: QueryClient, clientOptions: Options<GetReportData, true>, options?: Omit<FetchQueryOptions<Common.GetReportDefaultResponse>, "queryKey" | "queryFn">) => queryClient.prefetchQuery({ queryKey: Common.UseGetReportKeyFn(clientOptions), queryFn: ({ signal }) => getReport({ ...clientOptions, signal, throwOnError: true }).then(response => response.data), ...options });
/**
 * List your API keys
 *
 * Your keys that are not revoked (expired ones included), newest first, at most 100. Never the keys themselves. Requires scope `keys:read` and a bearer token.
 */
export const prefetchUseListApiKeys = (queryClient: QueryClient, clientOptions: Options<ListApiKeysData, true> = {}, options?: Omit<FetchQueryOptions<Common.ListApiKeysDefaultResponse>, "queryKey" | "queryFn">) => queryClient.prefetchQuery({ queryKey: Common.UseListApiKeysKeyFn(clientOptions), queryFn: ({ signal }) => listApiKeys({ ...clientOptions, signal, throwOnError: true }).then(response => response.data), ...options });
