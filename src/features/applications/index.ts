import type { Feature } from "../feature.js";
import { requirePerson } from "../../http/policy.js";
import { mountArea } from "./areas.js";
import { allowedTo } from "./applications.policy.js";
import { charterPages } from "./charter/charter.routes.js";
import { charterEditor } from "./charter/editor.routes.js";
import { reassessmentBoardPages, selfReassessment } from "./reassess.routes.js";
import { applyPage, roundPages, roundsAdmin } from "./rounds/rounds.routes.js";
import { candidateFiles } from "./applications.routes.js";
import { reviewThread } from "./review.routes.js";
import { ballotBox, decisionPages, proposals } from "./votes/decisions.routes.js";
import { applicationJobs } from "./applications.jobs.js";
import { dashboardPanel, memberPagePanel } from "./panels.js";
import { seedApplicationsDemo } from "./demo.js";

export const applicationsFeature: Feature = {
  name: "applications",
  pages(router) {
    // One line per area: where it lives and who may enter it. An area's fixed paths come before
    // the public parameterised ones they sit next to (/rounds/new before /rounds/:id).
    mountArea(router, "/charter/admin", allowedTo("charter.edit"), charterEditor());
    mountArea(router, "/charter/reassessments", allowedTo("reassessment.list"), reassessmentBoardPages());
    mountArea(router, "/charter/reassessments", requirePerson, selfReassessment());
    mountArea(router, "/charter", null, charterPages());
    mountArea(router, "/apply", null, applyPage());
    mountArea(router, "/rounds", allowedTo("round.manage"), roundsAdmin());
    mountArea(router, "/rounds", null, roundPages());
    mountArea(router, "/applications", requirePerson, candidateFiles());
    mountArea(router, "/applications", requirePerson, reviewThread());
    mountArea(router, "/decisions", allowedTo("decision.propose"), proposals());
    mountArea(router, "/decisions", requirePerson, ballotBox());
    mountArea(router, "/decisions", null, decisionPages());
  },
  jobs: applicationJobs,
  seedDemo: seedApplicationsDemo,
  dashboardPanel,
  memberPagePanel,
};
