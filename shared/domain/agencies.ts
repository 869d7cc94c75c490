/**
 * The agencies that take part in multi-agency case audits, as named in the partnerships'
 * published audit outputs. An audit picks its participants from this list and may add its own.
 */
export interface Agency {
  /** Stable slug stored on cards; never shown to people. */
  id: string;
  /** The name people see. */
  name: string;
}

export const DEFAULT_AGENCIES: readonly Agency[] = [
  { id: "childrens-social-care", name: "Children's Social Care" },
  { id: "police", name: "Police" },
  { id: "health-visiting", name: "Health Visiting" },
  { id: "school-nursing", name: "School Nursing" },
  { id: "gp", name: "GP" },
  { id: "acute-trust", name: "Acute Trust" },
  { id: "camhs", name: "CAMHS" },
  { id: "education", name: "Education" },
  { id: "youth-offending-service", name: "Youth Offending Service" },
  { id: "probation", name: "Probation" },
  { id: "housing", name: "Housing" },
  { id: "early-help", name: "Early Help" },
  { id: "womens-aid", name: "Women's Aid / DA service" },
  { id: "midwifery", name: "Midwifery" },
  { id: "adult-mental-health", name: "Adult Mental Health" },
  { id: "substance-misuse", name: "Substance Misuse Service" },
  { id: "edt", name: "Emergency Duty Team" },
  { id: "independent-reviewing", name: "Independent Reviewing Service" },
  { id: "partnership", name: "Safeguarding Partnership" },
];

/** Turns a free-typed agency name into the slug used as its id. */
export function agencySlug(name: string): string {
  return name
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60);
}

/** Looks an agency up by id in a list, falling back to the id itself as its name. */
export function agencyName(agencies: readonly Agency[], id: string): string {
  return agencies.find((a) => a.id === id)?.name ?? id;
}
