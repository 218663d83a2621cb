// generated with @7nohe/openapi-react-query-codegen@3.0.2 

import { type EnsureQueryDataOptions, type QueryClient } from "@tanstack/react-query";
import { getHealth, getInvoice, getUser, listInvoices, type Options } from "../requests/sdk.gen";
import type { GetHealthData, GetInvoiceData, GetUserData, ListInvoicesData } from "../requests/types.gen";
import * as Common from "./common";

/**
 * Liveness and readiness, with a database ping
 */
export const ensureUseGetHealthData = (queryClient: QueryClient, clientOptions: Options<GetHealthData, true> = {}, options?: Omit<EnsureQueryDataOptions<Common.GetHealthDefaultResponse>, "queryKey" | "queryFn">) => queryClient.ensureQueryData({ queryKey: Common.UseGetHealthKeyFn(clientOptions), queryFn: ({ signal }) => getHealth({ ...clientOptions, signal, throwOnError: true }).then(response => response.data), ...options });
/**
 * Read a user
 *
 * Your own user, or any user with scope `users:admin`. Requires scope `users:read`. Another user's id answers 404, exactly like an unknown id.
 */
export const ensureUseGetUserData = (queryClient: QueryClient, clientOptions: Options<GetUserData, true>, options?: Omit<EnsureQueryDataOptions<Common.GetUserDefaultResponse>, "queryKey" | "queryFn">) => queryClient.ensureQueryData({ queryKey: Common.UseGetUserKeyFn(clientOptions), queryFn: ({ signal }) => getUser({ ...clientOptions, signal, throwOnError: true }).then(response => response.data), ...options });
/**
 * List the caller's invoices
 *
 * Newest first. Requires scope `invoices:read`.
 */
export const ensureUseListInvoicesData = (queryClient: QueryClient, clientOptions: Options<ListInvoicesData, true> = {}, options?: Omit<EnsureQueryDataOptions<Common.ListInvoicesDefaultResponse>, "queryKey" | "queryFn">) => queryClient.ensureQueryData({ queryKey: Common.UseListInvoicesKeyFn(clientOptions), queryFn: ({ signal }) => listInvoices({ ...clientOptions, signal, throwOnError: true }).then(response => response.data), ...options });
/**
 * Read one of your invoices
 *
 * Requires scope `invoices:read`. Another user's invoice answers 404, exactly like an unknown id.
 */
export const ensureUseGetInvoiceData = (queryClient: QueryClient, clientOptions: Options<GetInvoiceData, true>, options?: Omit<EnsureQueryDataOptions<Common.GetInvoiceDefaultResponse>, "queryKey" | "queryFn">) => queryClient.ensureQueryData({ queryKey: Common.UseGetInvoiceKeyFn(clientOptions), queryFn: ({ signal }) => getInvoice({ ...clientOptions, signal, throwOnError: true }).then(response => response.data), ...options });
