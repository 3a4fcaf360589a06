import type { AppContext } from "../../http/context.js";
import { href } from "../../http/context.js";
import type { LiveInstance, LiveService } from "./live.js";
import type { Alternative } from "./directory.port.js";
import { softwareName } from "./software.js";
import { PortalLayout } from "./portal.layout.js";
import { ReplacesNote } from "../directory/published.views.js";
import { writtenText } from "../../i18n/index.js";
import { Written } from "../../views/written.js";

/** Member-entered addresses are linked only when they are web addresses. */
const isWebUrl = (url: string | null): url is string => !!url && /^https?:\/\//i.test(url);

const serviceLink = (c: AppContext, service: LiveService, query = "") =>
  `${href(c, `/entraide/${service.id}`)}${query}`;

function Icon({ service }: { service: LiveService }) {
  return <img src={`/assets/entraide/${service.icon}.svg`} alt="" width="40" height="40" />;
}

function HostList({ c, service, except }: { c: AppContext; service: LiveService; except?: string }) {
  return (
    <ul>
      {service.instances
        .filter((i) => i.id !== except)
        .map((i) => (
          <li>
            <a href={serviceLink(c, service, `?instance=${encodeURIComponent(i.id)}`)} rel="nofollow">
              {i.memberName}
            </a>
          </li>
        ))}
    </ul>
  );
}

function ServiceCard({ c, service }: { c: AppContext; service: LiveService }) {
  const t = c.get("t");
  const name = writtenText(t.locale, service.name);
  const description = writtenText(t.locale, service.description);
  const count = service.instances.length;
  return (
    <li class="p-service">
      <h2>
        <Icon service={service} />
        <span lang={name.lang}>{name.text}</span>
      </h2>
      <p lang={description.lang}>{description.text}</p>
      <ReplacesNote c={c} categoryId={service.categoryId} class="p-muted" />
      <p class="p-muted">
        {t("entraide.portal.software", { software: service.software.map(softwareName).join(", ") })}
      </p>
      {count > 0 ? (
        <p class="p-muted">{t.plural("entraide.portal.hosts", count)}</p>
      ) : (
        <p class="p-off">{t("entraide.portal.none_now")}</p>
      )}
      <a class="p-button" href={serviceLink(c, service)} rel="nofollow">
        {t("entraide.portal.use")}{" "}
        <span class="p-hidden">
          : <span lang={name.lang}>{name.text}</span>
        </span>
      </a>
      {count > 1 ? (
        <details>
          <summary>{t("entraide.portal.choose")}</summary>
          <HostList c={c} service={service} />
        </details>
      ) : null}
    </li>
  );
}

export function PortalPage({ c, services }: { c: AppContext; services: LiveService[] }) {
  const t = c.get("t");
  const { config } = c.get("deps");
  return (
    <PortalLayout c={c} title={t("entraide.portal.title")} description={t("entraide.portal.description")}>
      <h1>{t("entraide.portal.title")}</h1>
      <p class="p-lead">{t("entraide.portal.lead", { collective: config.collective.name })}</p>
      <ul class="p-services">
        {services.map((s) => (
          <ServiceCard c={c} service={s} />
        ))}
      </ul>
      <section>
        <h2>{t("entraide.portal.how.title")}</h2>
        <p>{t("entraide.portal.how.random")}</p>
        <p>{t("entraide.portal.how.terms")}</p>
        <p>{t("entraide.portal.how.privacy")}</p>
        <p>
          <a href={href(c, "/dashboard")}>{t("entraide.portal.volunteer")}</a>
        </p>
      </section>
    </PortalLayout>
  );
}

export function GoPage(props: {
  c: AppContext;
  service: LiveService;
  instance: LiveInstance;
  /** The visitor asked for a member that is not available now. */
  choiceUnavailable: boolean;
}) {
  const { c, service, instance } = props;
  const t = c.get("t");
  const name = writtenText(t.locale, service.name).text;
  const vars = { service: name, member: instance.memberName };
  return (
    <PortalLayout c={c} title={t("entraide.go.title", vars)} refreshTo={instance.url}>
      <div class="p-go">
        {props.choiceUnavailable ? (
          <p class="p-notice" role="status">
            {t("entraide.go.unavailable_choice")}
          </p>
        ) : null}
        <h1>
          <Icon service={service} /> {t("entraide.go.heading", vars)}
        </h1>
        <p>
          {t("entraide.go.hosted_by")}{" "}
          <a href={href(c, `/members/${instance.memberSlug}`)}>
            <strong>{instance.memberName}</strong>
          </a>{" "}
          ({softwareName(instance.software)}).
        </p>
        <p>
          {isWebUrl(instance.tosUrl) ? (
            <a href={instance.tosUrl} rel="noreferrer">
              {t("entraide.go.terms")}
            </a>
          ) : (
            t("entraide.go.no_terms")
          )}
        </p>
        <p>
          <a class="p-button" href={instance.url} rel="noreferrer" id="continue">
            {t("entraide.go.continue", { service: name })}
          </a>
        </p>
        <p class="p-muted">{t("entraide.go.auto")}</p>
        {service.instances.length > 1 ? (
          <>
            <p>
              <a href={serviceLink(c, service, `?not=${encodeURIComponent(instance.id)}`)} rel="nofollow">
                {t("entraide.go.another")}
              </a>
            </p>
            <details>
              <summary>{t("entraide.go.choose")}</summary>
              <HostList c={c} service={service} except={instance.id} />
            </details>
          </>
        ) : null}
        <p>
          <a href={href(c, "/entraide")}>{t("entraide.go.back")}</a>
        </p>
      </div>
    </PortalLayout>
  );
}

export function NonePage({
  c,
  service,
  others,
}: {
  c: AppContext;
  service: LiveService;
  others: Alternative[];
}) {
  const t = c.get("t");
  const title = t("entraide.none.title", { service: writtenText(t.locale, service.name).text });
  return (
    <PortalLayout c={c} title={title}>
      <div class="p-go">
        <h1>
          <Icon service={service} /> {title}
        </h1>
        <p>{t("entraide.none.body")}</p>
        {others.length > 0 ? (
          <>
            <p>{t("entraide.none.outside")}</p>
            <ul>
              {others.map((o) => (
                <li>
                  <a href={href(c, `/members/${o.slug}`)}>{o.name}</a> — {o.serviceName} (
                  {o.access === "none" ? t("entraide.access.none") : t("entraide.access.open")}) —{" "}
                  {isWebUrl(o.url) ? (
                    <a href={o.url} rel="noreferrer">
                      {o.url}
                    </a>
                  ) : null}
                </li>
              ))}
            </ul>
          </>
        ) : (
          <p>{t("entraide.none.no_alternatives")}</p>
        )}
        <p>
          <a href={href(c, "/entraide")}>{t("entraide.go.back")}</a>
        </p>
      </div>
    </PortalLayout>
  );
}

export function UnknownPage({ c, services }: { c: AppContext; services: LiveService[] }) {
  const t = c.get("t");
  return (
    <PortalLayout c={c} title={t("entraide.unknown.title")}>
      <h1>{t("entraide.unknown.title")}</h1>
      <p>{t("entraide.unknown.body")}</p>
      <ul>
        {services.map((s) => (
          <li>
            <a href={serviceLink(c, s)} rel="nofollow">
              <Written locale={t.locale} texts={s.name} />
            </a>{" "}
            — <Written locale={t.locale} texts={s.description} />
          </li>
        ))}
      </ul>
    </PortalLayout>
  );
}
