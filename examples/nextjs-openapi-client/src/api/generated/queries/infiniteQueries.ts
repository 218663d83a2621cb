// generated with @7nohe/openapi-react-query-codegen@3.0.2 

