/**
 * The host API: the only public import path of the package.
 */
export {
  ConnectorError,
  HttpError,
  ValidationError,
  isConnectorError,
  isHttpError,
  isValidationError,
  describeError,
} from "./errors.js";
export type { ErrorCode, ErrorKind, AkeneoErrorDetail, ValidationIssue } from "./errors.js";
export { createLogger, silentLogger } from "./logger.js";
export type { Logger, LoggerOptions, LogFormat, LogLevel } from "./logger.js";
export { systemClock } from "./clock.js";
export type { Clock } from "./clock.js";
export { loadEntityDefinitions, getEntityDefinition } from "./manifest/entity-definitions.js";
export type { EntityDefinition } from "./manifest/entity-definitions.js";
export { compileMapping } from "./mapping/compile-mapping.js";
export type { CompileMappingOptions, CompiledMapping } from "./mapping/compile-mapping.js";
export { createMapper } from "./mapping/create-mapper.js";
export type { CreateMapperOptions } from "./mapping/create-mapper.js";
export { createMappingCatalog, toCatalogAttribute } from "./mapping/create-mapping-catalog.js";
export type { MappingCatalogInput, OptionLabelsData } from "./mapping/create-mapping-catalog.js";
export { compareRoundTrip, ROUND_TRIP_FIELDS } from "./mapping/compare-round-trip.js";
export type { RoundTripDifference, RoundTripOptions } from "./mapping/compare-round-trip.js";
export { MappingSyntaxError } from "./mapping/mapping-syntax-error.js";
export { resolveMappingSettings, DEFAULT_MAPPING_SETTINGS, DEFAULT_MAPPING_LIMITS } from "./mapping/mapping-settings.js";
export type { CatalogAttribute, LookupTables, Mapper, MappingCatalog, MappingDirection, MappingLimits, MappingSettings, MappingSource, MapResult, OptionLabels } from "./mapping/mapping-types.js";
export type { CanonicalProduct } from "./types/canonical-products.generated.js";
export type { CanonicalProductModel } from "./types/canonical-product-models.generated.js";
export type { CanonicalCategory } from "./types/canonical-categories.generated.js";
export type { CanonicalFamily } from "./types/canonical-families.generated.js";
export type { CanonicalAttribute } from "./types/canonical-attributes.generated.js";
export type { CanonicalAttributeOption } from "./types/canonical-attribute-options.generated.js";
export type { CanonicalChannel } from "./types/canonical-channels.generated.js";
export type { CanonicalLocale } from "./types/canonical-locales.generated.js";
export type { CanonicalCurrency } from "./types/canonical-currencies.generated.js";
export { loadManifest } from "./manifest/load-manifest.js";
export type { ConnectorManifest, CredentialField, ManifestField, ManifestEntity, VerificationCheck, AuthMode, FieldGroup } from "./manifest/load-manifest.js";
export { buildForm } from "./manifest/build-form.js";
export type { Form } from "./manifest/build-form.js";
export { buildConfigSchema } from "./manifest/build-config-schema.js";
export type { ConfigSchemaOptions, FormPart } from "./manifest/build-config-schema.js";
export type { JsonSchema } from "./manifest/build-field-schema.js";
export type { UiSchema } from "./manifest/build-ui-schema.js";
export { loadConfig } from "./config/load-config.js";
export type { LoadConfigOptions } from "./config/load-config.js";
export { parseConfig } from "./config/parse-config.js";
export type { ParseConfigOptions } from "./config/parse-config.js";
export type { SubscriptionConfig, SubscriptionConfigFile, SubscriptionCredentials, ConnectionCredentials, AppCredentials, SubscriptionSettings, PullFilters, MappingOverrides } from "./config/subscription-config.js";
export { createAkeneoClient } from "./akeneo/create-akeneo-client.js";
export type { AkeneoClient, AkeneoRecord, ListParams, Page, UpsertResult, SearchFilter, SearchCondition, MediaDownload, MediaStream, MediaUpload } from "./akeneo/akeneo-client.js";
export type { AkeneoClientOptions, ClientLimits, RetryOptions } from "./akeneo/client-options.js";
export { buildSearch } from "./akeneo/build-search.js";
export type { SearchInput } from "./akeneo/build-search.js";
export { formatAkeneoDate } from "./akeneo/format-akeneo-date.js";
export type { AkeneoDateFormat } from "./akeneo/format-akeneo-date.js";
export { createMemoryTokenStore } from "./auth/token-store.js";
export type { TokenSet, TokenStore } from "./auth/token-store.js";
export type { AuthOptions, PasswordCredentials } from "./auth/authenticator.js";
export { authorizeApp, DEFAULT_APP_PORT } from "./auth/authorize-app.js";
export type { AppAuthorization, AppAuthorizationUrls, AuthorizeAppOptions } from "./auth/authorize-app.js";
export { loadAppToken, saveAppToken, APP_TOKEN_KEY } from "./auth/load-app-token.js";
export type { AppToken, AppTokenOwner } from "./auth/load-app-token.js";
export { requiredAppScopes } from "./auth/required-app-scopes.js";
export type { ScopeDirection } from "./auth/required-app-scopes.js";
export { compareScopes } from "./auth/compare-scopes.js";
export type { ScopeComparison } from "./auth/compare-scopes.js";
export { buildAuthorizeUrl, createAuthorizationState } from "./auth/build-authorize-url.js";
export type { AuthorizeUrlOptions } from "./auth/build-authorize-url.js";
export { validateAppCallback } from "./auth/validate-app-callback.js";
export { exchangeAppCode } from "./auth/exchange-app-code.js";
export type { AppTokenGrant, ExchangeAppCodeOptions } from "./auth/exchange-app-code.js";
export type { RetryInfo, RateLimitInfo } from "./http/pipeline.js";
export type { RequestStats } from "./http/request-stats.js";
export type { HttpMethod, HttpRequest, HttpResponse, ResponseType } from "./http/http-request.js";
export { createSubscription } from "./flows/subscription.js";
export type { Subscription, SubscriptionOptions, PullRun, PushRun } from "./flows/subscription.js";
export type { PullBatch, PullOptions, PullReport } from "./flows/pull-entity.js";
export type { PushOptions } from "./flows/push-entity.js";
export type { PushReport, PushResult, PushOutcome } from "./flows/push-report.js";
export type { RecordFailure } from "./flows/flow-types.js";
export { createFileStateStore } from "./state/file-state-store.js";
export { createMemoryStateStore } from "./state/state-store.js";
export type { StateStore } from "./state/state-store.js";
export { verifyConfig } from "./verify/verify-config.js";
export type { VerifyConfigOptions } from "./verify/verify-config.js";
export { verifySubscription } from "./verify/verify-subscription.js";
export { formatVerifyReport } from "./verify/format-verify-report.js";
export type { CheckName, CheckResult, CheckStatus, VerifyOptions, VerifyReport } from "./verify/verify-types.js";
export { loadConnector } from "./connector.js";
export type { Connector } from "./connector.js";
export { tuneHeapForStreaming } from "./tune-heap-for-streaming.js";
