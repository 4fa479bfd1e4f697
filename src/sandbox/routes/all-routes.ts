/** Every route the sandbox serves, in matching order (downloads before media GETs, lists before items). */
import { mediaRoutes } from "./media-routes.js";
import { productModelRoutes } from "./product-model-routes.js";
import { productRoutes } from "./product-routes.js";
import { rootRoutes } from "./root-routes.js";
import type { Route } from "./router.js";
import { structureRoutes } from "./structure-routes.js";

/** Build the route table; the API root lists every route in it. */
export function createRoutes(): Route[] {
  const routes: Route[] = [];
  routes.push(...rootRoutes(() => routes), ...productRoutes("uuid"), ...productRoutes("identifier"), ...productModelRoutes(), ...structureRoutes(), ...mediaRoutes());
  return routes;
}
