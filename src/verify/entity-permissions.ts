/**
 * Which Web API permission (ACL) of the connection's role each entity needs, as Akeneo names it
 * under System → Roles → <role> → Web API permissions. Product models share the product ACLs
 * (Akeneo's product-model controllers check `pim_api_product_list`). Connected Apps ask for the
 * scopes in connector/<entity>.json `requiredScopes` instead.
 */
import { getEntityDefinition } from "../manifest/entity-definitions.js";

/** One ACL: its label in the role screen and its code. */
export interface AclName {
  label: string;
  code: string;
}

interface EntityAcls {
  list: AclName;
  edit?: AclName;
}

const acl = (label: string, code: string): AclName => ({ label, code });

const ENTITY_ACLS: Readonly<Record<string, EntityAcls>> = {
  products: { list: acl("List products", "pim_api_product_list"), edit: acl("Create and update products", "pim_api_product_edit") },
  product_models: { list: acl("List products", "pim_api_product_list"), edit: acl("Create and update products", "pim_api_product_edit") },
  categories: { list: acl("List categories", "pim_api_category_list"), edit: acl("Create and update categories", "pim_api_category_edit") },
  families: { list: acl("List families", "pim_api_family_list"), edit: acl("Create and update families", "pim_api_family_edit") },
  attributes: { list: acl("List attributes", "pim_api_attribute_list"), edit: acl("Create and update attributes", "pim_api_attribute_edit") },
  attribute_options: {
    list: acl("List attribute options", "pim_api_attribute_option_list"),
    edit: acl("Create and update attribute options", "pim_api_attribute_option_edit"),
  },
  channels: { list: acl("List channels", "pim_api_channel_list") },
  locales: { list: acl("List locales", "pim_api_locale_list") },
  currencies: { list: acl("List currencies", "pim_api_currency_list") },
};

/**
 * What to grant so that `entity` can be read (`pull`) or written (`push`): the role's ACL, the
 * overall API access, and the Connected-App scopes. One sentence, ready for a report's `fix`.
 */
export function describeMissingPermission(entity: string, direction: "pull" | "push" = "pull"): string {
  const acls = ENTITY_ACLS[entity];
  const needed = direction === "push" ? acls?.edit : acls?.list;
  const scopes = getEntityDefinition(entity).requiredScopes[direction] ?? [];
  const role = needed
    ? `give the connection's user role the Web API permission "${needed.label}" (${needed.code}) under System → Roles → <role> → Web API permissions, with "Overall Web API access" on`
    : `give the connection's user role the Web API permissions for ${entity} under System → Roles → <role> → Web API permissions`;
  const app = scopes.length > 0 ? `; for a Connected App, grant the scope ${scopes.join(", ")}` : "";
  return `${role}${app}`;
}

/** `describeMissingPermission` for several entities at once: one sentence naming every ACL and scope. */
export function describeMissingPermissions(entities: readonly string[], direction: "pull" | "push" = "pull"): string {
  if (entities.length === 1) return describeMissingPermission(entities[0]!, direction);
  const labels = new Set<string>();
  const scopes = new Set<string>();
  for (const entity of entities) {
    const acls = ENTITY_ACLS[entity];
    const needed = direction === "push" ? acls?.edit : acls?.list;
    labels.add(needed ? `"${needed.label}"` : `the ${entity} permissions`);
    for (const scope of getEntityDefinition(entity).requiredScopes[direction] ?? []) scopes.add(scope);
  }
  const app = scopes.size > 0 ? `; for a Connected App, grant the scopes ${[...scopes].join(", ")}` : "";
  return `give the connection's user role the Web API permissions ${[...labels].join(", ")} under System → Roles → <role> → Web API permissions, with "Overall Web API access" on${app}`;
}
