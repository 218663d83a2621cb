// generated with @7nohe/openapi-react-query-codegen@3.0.2 

import { useMutation, useQuery, type UseMutationOptions, type UseQueryOptions } from "@tanstack/react-query";
import { createInvoice, createUser, getHealth, getInvoice, getUser, listInvoices, type Options } from "../requests/sdk.gen";
import type { CreateInvoiceData, CreateInvoiceError, CreateUserData, CreateUserError, GetHealthData, GetHealthError, GetInvoiceData, GetInvoiceError, GetUserData, GetUserError, ListInvoicesData, ListInvoicesError } from "../requests/types.gen";
import * as Common from "./common";

/**
 * Liveness and readiness, with a database ping
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
