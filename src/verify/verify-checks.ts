import { apiReachable } from "./api-reachable.js";
import { authentication } from "./authentication.js";
import { configValid } from "./config-valid.js";
import { permissions } from "./permissions.js";
import { samplePull } from "./sample-pull.js";
import { samplePush } from "./sample-push.js";
import { settingsExist } from "./settings-exist.js";
import { throttleSane } from "./throttle-sane.js";
import type { VerifyCheck } from "./verify-types.js";

/**
 * Every check, in the order they run (the manifest's `checks` list, same names and titles).
 * Dependencies: config-valid → api-reachable → authentication → permissions and settings-exist →
 * sample-pull → sample-push; throttle-sane needs only a valid config.
 */
export const VERIFY_CHECKS: readonly VerifyCheck[] = [configValid, apiReachable, authentication, permissions, settingsExist, samplePull, samplePush, throttleSane];
