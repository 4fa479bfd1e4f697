import { describe, expect, it } from "vitest";
import { toTokenError } from "../../src/auth/token-error.js";
import { ConnectorError, HttpError } from "../../src/errors.js";

const http422 = (message?: string, status = 422) =>
  new HttpError(`[auth] token request failed: POST /api/oauth/v1/token → ${status}`, {
    code: "HTTP_UNPROCESSABLE",
    kind: "data",
    status,
    ...(message === undefined ? {} : { akeneoMessage: message }),
  });

describe("toTokenError", () => {
  it.each<[string | undefined, "password" | "refresh_token", string, string]>([
    ['Parameter "client_id" is missing or does not match any client, or secret is invalid', "password", "AUTH_INVALID_CLIENT", "check the clientId and clientSecret fields"],
    ['Parameter "client_id" is missing or does not match any client, or secret is invalid', "refresh_token", "AUTH_INVALID_CLIENT", "clientSecret"],
    ["This grant type is not authorized for this client", "password", "AUTH_INVALID_CLIENT", "clientId"],
    ["No user found for the given username and password", "password", "AUTH_INVALID_CREDENTIALS", "check the username and password fields"],
    ['Parameter "grant_type", "username" or "password" is missing, empty or invalid', "password", "AUTH_INVALID_CREDENTIALS", "username and password"],
    ["Refresh token is invalid or has expired", "refresh_token", "AUTH_REFRESH_FAILED", "refresh token was rejected"],
    ['Parameter "grant_type" or "refresh_token" is missing or empty', "refresh_token", "AUTH_REFRESH_FAILED", "refresh token was rejected"],
    ["Something else", "password", "AUTH_INVALID_CREDENTIALS_OR_CLIENT", "clientId, clientSecret, username and password"],
    [undefined, "password", "AUTH_INVALID_CREDENTIALS_OR_CLIENT", "(no message)"],
  ])("%s (%s grant) → %s", (message, grant, code, mentions) => {
    const error = toTokenError(http422(message), grant) as ConnectorError;
    expect(error).toBeInstanceOf(ConnectorError);
    expect(error).toMatchObject({ code, kind: "auth", retryable: false, status: 422, method: "POST" });
    expect(error.message).toMatch(/^\[auth\] .+: POST \/api\/oauth\/v1\/token → 422 /);
    expect(error.message).toContain(mentions);
  });

  it("maps a 400 the same way", () => {
    expect((toTokenError(http422("No user found for the given username and password", 400), "password") as ConnectorError).code).toBe("AUTH_INVALID_CREDENTIALS");
  });

  it("passes other errors through", () => {
    const server = new HttpError("x", { code: "HTTP_SERVER", kind: "transient", status: 503 });
    const network = new Error("reset");
    expect(toTokenError(server, "password")).toBe(server);
    expect(toTokenError(network, "refresh_token")).toBe(network);
  });
});
