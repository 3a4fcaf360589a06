import type { Cast } from "./matrix-setup.js";

/** Turns a route pattern into a concrete path acting on the cast's records. */
export function concretePath(pattern: string, cast: Cast): string {
  const p = cast.params;
  const idFor = (path: string): string => {
    if (path.startsWith("/fr/admin/categories/")) return p.category ?? "";
    // A catalogue entry shipped with the platform.
    if (path.startsWith("/fr/admin/alternatives/")) return "doodle";
    if (path.startsWith("/fr/admin/entraide/services/")) return p.portalService ?? "";
    if (path.includes("/entraide/") && path.includes("/instances/")) return p.instance ?? "";
    if (path.startsWith("/fr/charter/admin/")) return p.charter ?? "";
    if (path.startsWith("/fr/rounds/")) return p.round ?? "";
    if (path.startsWith("/fr/applications/")) return p.application ?? "";
    if (path.startsWith("/fr/decisions/")) return p.decision ?? "";
    if (path.startsWith("/fr/contact/desk/")) return p.contactMessage ?? "";
    if (path.startsWith("/fr/meetings/")) return p.meeting ?? "";
    if (path.startsWith("/fr/news/")) return p.news ?? "";
    if (path.startsWith("/fr/mediation/reports/")) return p.report ?? "";
    // Taking a turn changes who may release it: those two act on different turns.
    if (path.startsWith("/fr/chores/requests/")) return p.choreRequest ?? "";
    if (path.startsWith("/fr/chores/turns/")) return (path.endsWith("/take") ? p.turn : p.otherTurn) ?? "";
    return "x";
  };
  return pattern
    .replace(":criterion?", p.criterion ?? "")
    .replace(":criterion", p.criterion ?? "")
    .replace(":letter", p.letter ?? "")
    .replace(":service", p.service ?? "")
    .replace(":token", p.token ?? "")
    .replace(":name", p.job ?? "")
    .replace(/^\/fr\/chores\/:slug/, `/fr/chores/${p.chore ?? ""}`)
    .replace(":slug", p.slug ?? "")
    .replace(":id", idFor(pattern));
}
