// generated with @7nohe/openapi-react-query-codegen@3.0.2 

import { queryOptions } from "@tanstack/react-query";
import { getHealth, getInvoice, getUser, listInvoices, type Options } from "../requests/sdk.gen";
import type { GetHealthData, GetInvoiceData, GetUserData, ListInvoicesData } from "../requests/types.gen";
import * as Common from "./common";

/**
 * Liveness and readiness, with a database ping
 */
export const getHealthOptions = (clientOptions: Options<GetHealthData, true> = {}, queryKey?: Array<unknown>) => queryOptions({ queryKey: Common.UseGetHealthKeyFn(clientOptions, queryKey), queryFn: ({ signal }) => getHealth({ ...clientOptions, signal, throwOnError: true }).then(response => response.data) });
/**
 * Read a user
 *
 * Your own user, or any user with scope `users:admin`. Requires scope `users:read`. Another user's id answers 404, exactly like an unknown id.
 */
export const getUserOptions = (clientOptions: Options<GetUserData, true>, queryKey?: Array<unknown>) => queryOptions({ queryKey: Common.UseGetUserKeyFn(clientOptions, queryKey), queryFn: ({ signal }) => getUser({ ...clientOptions, signal, throwOnError: true }).then(response => response.data) });
/**
 * List the caller's invoices
 *
 * Newest first. Requires scope `invoices:read`.
 */
export const listInvoicesOptions = (clientOptions: Options<ListInvoicesData, true> = {}, queryKey?: Array<unknown>) => queryOptions({ queryKey: Common.UseListInvoicesKeyFn(clientOptions, queryKey), queryFn: ({ signal }) => listInvoices({ ...clientOptions, signal, throwOnError: true }).then(response => response.data) });
/**
 * Read one of your invoices
 *
 * Requires scope `invoices:read`. Another user's invoice answers 404, exactly like an unknown id.
 */
export const getInvoiceOptions = (clientOptions: Options<GetInvoiceData, true>, queryKey?: Array<unknown>) => queryOptions({ queryKey: Common.UseGetInvoiceKeyFn(clientOptions, queryKey), queryFn: ({ signal }) => getInvoice({ ...clientOptions, signal, throwOnError: true }).then(response => response.data) });
