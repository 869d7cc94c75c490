/**
 * Data, not logic, checked line by line against the seed it transcribes; the cases are in
 * cases1to3.ts and cases4to6.ts, in the briefing's order.
 *
 * Demo audit fixture transcribed from the published multi-agency case audit
 * 6 Step Briefing "Domestic Violence II" (seed 002_27900a5e0b22eff9).
 *
 * workingWell = "The Identified Strengths" (verbatim), worried = "The Findings" (verbatim),
 * needsToHappen = actions derived from "Recommendation Outcomes, Good Practice and Evidence"
 * and the findings. Case labels are the briefing's own pseudonymised labels.
 */
import type { DemoAudit } from "../demoAudit.types.ts";
import { cases1to3 } from "./cases1to3.ts";
import { cases4to6 } from "./cases4to6.ts";

export const domesticViolenceII: DemoAudit = {
  title: "Domestic Violence II",
  theme: "Domestic Violence",
  selection:
    "Quality Assurance Sub Group members nominate cases. Cases are currently selected to ensure there is a cross selection of children, their requirements and service intervention. All cases selected for this audit involved between 3 and 5 children per case and concern for vulnerable mothers who have/are living in abusive relationships.",
  agencies: [
    "childrens-social-care",
    "police",
    "health-visiting",
    "school-nursing",
    "acute-trust",
    "education",
    "youth-offending-service",
    "probation",
    "housing",
    "early-help",
    "womens-aid",
    "midwifery",
    "adult-mental-health",
    "independent-reviewing",
    "partnership",
  ],
  cases: [...cases1to3, ...cases4to6],
  acrossCases: [
    "In almost all cases, all mothers showed disguised compliance with professionals and refused to engage with services.",
    "In the majority of cases, the mothers prioritised their relationships with violent partners over the needs and safety of their children.",
    "There is evidence in several cases of mothers not taking their children to health appointments.",
    "In the majority of cases there are concerns regarding the children's low attendance at school.",
    "One child is electively home educated and parents have not provided work plans for the children.",
    "Some of the families have significant debt. Professionals have focussed support on this issue and the safeguarding of the children has become secondary. In one case, this was particularly significant - as there was an increased safeguarding risk to the children when father was released from prison.",
    "In some cases, professionals focussed on the needs of the parents rather than the safeguarding measures for the children.",
    "Social Workers were not always made aware of the outcomes of MARAC meetings.",
    "Core Groups and Child Protection Conferences must include children's feelings and wishes.",
  ],
};
