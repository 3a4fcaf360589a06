import type { DB } from "../../db/adapter.js";
import type { Locale } from "../../i18n/index.js";
import { normalizeUrl } from "../../probe/probe.js";
import { dailyOf } from "../../probe/history.repository.js";
import { directoryServices, structures } from "./directory.port.js";
import * as repo from "./entraide.repository.js";
import { visitsOf } from "./daily.repository.js";
import { summarise, windowStart, type InstanceSummary } from "./aggregates.js";

/**
 * An instance with what the pages show about it: its portal service, and, from the directory, its
 * service's address and software and its structure's name.
 */
export interface InstanceView extends repo.Instance {
  serviceName: Record<Locale, string>;
  /** The directory service's address now (the reviewed one when the service is gone). */
  url: string;
  software: string | null;
  directoryServiceName: string | null;
  memberSlug: string;
  memberName: string;
  /** The directory gives another address than the reviewed one: it goes back to review. */
  moved: boolean;
  /** Its directory service and structure are still listed. */
  listed: boolean;
}

export async function describeInstances(db: DB, list: repo.Instance[]): Promise<InstanceView[]> {
  const [services, directory, members] = await Promise.all([
    repo.listServices(db),
    directoryServices(
      db,
      list.flatMap((i) => (i.directoryServiceId ? [i.directoryServiceId] : [])),
    ),
    structures(
      db,
      list.map((i) => i.memberId),
    ),
  ]);
  const portal = new Map(services.map((s) => [s.id, s]));
  const position = (v: InstanceView) => portal.get(v.serviceId)?.position ?? 0;
  const views = list.map((i): InstanceView => {
    const service = i.directoryServiceId ? directory.get(i.directoryServiceId) : undefined;
    const member = members.get(i.memberId);
    const url = service ? normalizeUrl(service.url) : i.reviewedUrl;
    return {
      ...i,
      serviceName: portal.get(i.serviceId)?.name ?? { fr: i.serviceId, en: i.serviceId, de: i.serviceId },
      url,
      software: service?.software ?? null,
      directoryServiceName: service?.name ?? null,
      memberSlug: member?.slug ?? "",
      memberName: member?.name ?? "",
      moved: url !== i.reviewedUrl,
      listed: service?.listed ?? false,
    };
  });
  // Lists show the portal's services in their order, then the structures by name.
  return views.sort(
    (a, b) =>
      position(a) - position(b) || (a.memberName < b.memberName ? -1 : a.memberName > b.memberName ? 1 : 0),
  );
}

export async function describeInstance(db: DB, instance: repo.Instance): Promise<InstanceView> {
  const [view] = await describeInstances(db, [instance]);
  if (!view) throw new Error("an instance always describes");
  return view;
}

/** The last 30 days of these instances: observations of their addresses and visitors sent. */
export async function history(
  db: DB,
  list: InstanceView[],
  now: Date,
): Promise<Map<string, InstanceSummary>> {
  const from = windowStart(now);
  const [daily, visits] = await Promise.all([
    dailyOf(
      db,
      list.map((i) => i.url),
      from,
    ),
    visitsOf(
      db,
      list.map((i) => i.id),
      from,
    ),
  ]);
  return summarise(list, daily, visits);
}
