// generated with @7nohe/openapi-react-query-codegen@3.0.2 

import { type UseQueryResult } from "@tanstack/react-query";
import { createApiKey, createInvoice, createReport, createUser, getHealth, getInvoice, getReport, getUser, listApiKeys, listInvoices, revokeApiKey, type Options } from "../requests/sdk.gen";
import type { GetHealthData, GetInvoiceData, GetReportData, GetUserData, ListApiKeysData, ListInvoicesData } from "../requests/types.gen";

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

export type GetReportDefaultResponse = Awaited<ReturnType<typeof getReport>>["data"];
export type GetReportQueryResult<TData = GetReportDefaultResponse, TError = unknown> = UseQueryResult<TData, TError>;

export const useGetReportKey = "GetReport";
export const UseGetReportKeyFn = (clientOptions: Options<GetReportData, true>, queryKey?: Array<unknown>) => [useGetReportKey, ...(queryKey ?? [clientOptions])];

export type ListApiKeysDefaultResponse = Awaited<ReturnType<typeof listApiKeys>>["data"];
export type ListApiKeysQueryResult<TData = ListApiKeysDefaultResponse, TError = unknown> = UseQueryResult<TData, TError>;

export const useListApiKeysKey = "ListApiKeys";
export const UseListApiKeysKeyFn = (clientOptions: Options<ListApiKeysData, true> = {}, queryKey?: Array<unknown>) => [useListApiKeysKey, ...(queryKey ?? [clientOptions])];

export type CreateUserMutationResult = Awaited<ReturnType<typeof createUser>>;

export const useCreateUserKey = "CreateUser";
export const UseCreateUserKeyFn = (mutationKey?: Array<unknown>) => [useCreateUserKey, ...(mutationKey ?? [])];

export type CreateInvoiceMutationResult = Awaited<ReturnType<typeof createInvoice>>;

export const useCreateInvoiceKey = "CreateInvoice";
export const UseCreateInvoiceKeyFn = (mutationKey?: Array<unknown>) => [useCreateInvoiceKey, ...(mutationKey ?? [])];

export type CreateReportMutationResult = Awaited<ReturnType<typeof createReport>>;

export const useCreateReportKey = "CreateReport";
export const UseCreateReportKeyFn = (mutationKey?: Array<unknown>) => [useCreateReportKey, ...(mutationKey ?? [])];

export type CreateApiKeyMutationResult = Awaited<ReturnType<typeof createApiKey>>;

export const useCreateApiKeyKey = "CreateApiKey";
export const UseCreateApiKeyKeyFn = (mutationKey?: Array<unknown>) => [useCreateApiKeyKey, ...(mutationKey ?? [])];

export type RevokeApiKeyMutationResult = Awaited<ReturnType<typeof revokeApiKey>>;

export const useRevokeApiKeyKey = "RevokeApiKey";
export const UseRevokeApiKeyKeyFn = (mutationKey?: Array<unknown>) => [useRevokeApiKeyKey, ...(mutationKey ?? [])];
