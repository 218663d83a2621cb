// generated with @7nohe/openapi-react-query-codegen@3.0.2 

import { type UseQueryResult } from "@tanstack/react-query";
import { createInvoice, createUser, getHealth, getInvoice, getUser, listInvoices, type Options } from "../requests/sdk.gen";
import type { GetHealthData, GetInvoiceData, GetUserData, ListInvoicesData } from "../requests/types.gen";

export type GetHealthDefaultResponse = Awaited<ReturnType<typeof getHealth>>["data"];
export type GetHealthQueryResult<TData = GetHealthDefaultResponse, TError = unknown> = UseQueryResult<TData, TError>;

export const useGetHealthKey = "GetHealth";
export const UseGetHealthKeyFn = (clientOptions: Options<GetHealthData, true> = {}, queryKey?: Array<unknown>) => [useGetHealthKey, ...(queryKey ?? [clientOptions])];

export type GetUserDefaultResponse = Awaited<ReturnType<typeof getUser>>["data"];
export type GetUserQueryResult<TData = GetUserDefaultResponse, TError = unknown> = UseQueryResult<TData, TError>;

export const useGetUserKey = "GetUser";
export const UseGetUserKeyFn = (clientOptions: Options<GetUserData, true>, queryKey?: Array<unknown>) => [useGetUserKey, ...(queryKey ?? [clientOptions])];

export type ListInvoicesDefaultResponse = Awaited<ReturnType<typeof listInvoices>>["data"];
export type ListInvoicesQueryResult<TData = ListInvoicesDefaultResponse, TError = unknown> = UseQueryResult<TData, TError>;

export const useListInvoicesKey = "ListInvoices";
export const UseListInvoicesKeyFn = (clientOptions: Options<ListInvoicesData, true> = {}, queryKey?: Array<unknown>) => [useListInvoicesKey, ...(queryKey ?? [clientOptions])];

export type GetInvoiceDefaultResponse = Awaited<ReturnType<typeof getInvoice>>["data"];
export type GetInvoiceQueryResult<TData = GetInvoiceDefaultResponse, TError = unknown> = UseQueryResult<TData, TError>;

export const useGetInvoiceKey = "GetInvoice";
export const UseGetInvoiceKeyFn = (clientOptions: Options<GetInvoiceData, true>, queryKey?: Array<unknown>) => [useGetInvoiceKey, ...(queryKey ?? [clientOptions])];

export type CreateUserMutationResult = Awaited<ReturnType<typeof createUser>>;

export const useCreateUserKey = "CreateUser";
export const UseCreateUserKeyFn = (mutationKey?: Array<unknown>) => [useCreateUserKey, ...(mutationKey ?? [])];

export type CreateInvoiceMutationResult = Awaited<ReturnType<typeof createInvoice>>;

export const useCreateInvoiceKey = "CreateInvoice";
export const UseCreateInvoiceKeyFn = (mutationKey?: Array<unknown>) => [useCreateInvoiceKey, ...(mutationKey ?? [])];
