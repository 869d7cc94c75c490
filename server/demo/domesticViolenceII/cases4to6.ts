/**
 * Cases 4 to 6 of the "Domestic Violence II" demo audit (see index.ts): data, transcribed line by line
 * from the seed briefing, in the briefing's order.
 */
import type { DemoAudit } from "../demoAudit.types.ts";

export const cases4to6: DemoAudit["cases"] = [
  {
    label: "Case 4",
    summary:
      "Probation reported that mother is now in a relationship with a new male who is in prison for firearms offences. The case drifted during extended sick leave in two agencies until it was transferred; the Acute Trust held birth plans for the 2 youngest children and referred the family to MASH.",
    columns: {
      workingWell: [
        {
          text: "The School Nurse worked well with colleagues out of county to understand the children's needs.",
          agency: "school-nursing",
        },
        {
          text: "Acute Trust colleagues undertook a good assessment of the children and recognised the need for ensuring appropriate safeguarding measures were in place.",
          agency: "acute-trust",
        },
        {
          text: "The Acute Trust held comprehensive birth plans for the 2 youngest children and appropriately referred the family to MASH.",
          agency: "acute-trust",
        },
        {
          text: "The mother engaged very positively with Hospital professionals.",
          agency: "acute-trust",
        },
        {
          text: "The School Nurse has seen all the children individually to assess their needs.",
          agency: "school-nursing",
        },
      ],
      worried: [
        {
          text: "Although recorded, the children's voices or wishes do not appear to have been considered.",
          agency: "partnership",
        },
        {
          text: "The case drifted due to extended sick leave by professionals from two agencies. However, once the case was transferred, it was urgently dealt with.",
          agency: "partnership",
        },
        {
          text: "Probation Service informed agencies that mother is now in a relationship with a new male who is currently in prison due to firearms offences; however, at the time of the audit, it was not clear if this had been followed up.",
          agency: "probation",
        },
      ],
      needsToHappen: [
        {
          text: "Follow up the Probation Service's information that mother is in a relationship with a new male who is in prison for firearms offences.",
          agency: "childrens-social-care",
        },
        {
          text: "Make sure the children's recorded voices and wishes are considered in decisions about them.",
          agency: "partnership",
        },
        {
          text: "Make sure cases do not drift when professionals are on extended sick leave.",
          agency: "partnership",
        },
      ],
    },
  },
  {
    label: "Case 5",
    summary:
      "The children are living with their maternal grandmother after mother admitted prioritising taking drugs over their care. In July 2013 the eldest child disclosed he had been kicked and punched by his father; the case is now being actively progressed, with legal advice being taken.",
    columns: {
      workingWell: [
        {
          text: "The Social Worker worked well with the children who were initially very guarded, but have since opened up and are discussing their wishes and feelings, which are clearly recorded.",
          agency: "childrens-social-care",
        },
        {
          text: "The Social Worker worked well with the maternal grandmother to help her understand the safeguarding risks to her grandchildren by their mother (her daughter). The children are currently living with the grandmother as mother had admitted prioritising taking drugs over the care of her children.",
          agency: "childrens-social-care",
        },
        {
          text: "The School Nurse proactively challenged colleagues to ensure the children were appropriately safeguarded.",
          agency: "school-nursing",
        },
        {
          text: "The mother is attending support services for her mental health issues.",
          agency: "adult-mental-health",
        },
        {
          text: "The School are aware that the mother enters relationships with risky males and are using Protective Behaviours training to monitor the children.",
          agency: "education",
        },
      ],
      worried: [
        {
          text: "In July 2013, the eldest child disclosed that he had been kicked and punched by his father. It appears that there was minimal support to help him come to terms with what had happened.",
          agency: "partnership",
        },
        {
          text: "Completing this audit raised concerns about some of the decisions made; however, the case is now being actively progressed, with legal advice being taken.",
          agency: "childrens-social-care",
        },
        {
          text: "Whilst services are working well with the children and their mother, there may have previously been an over-reliance on maternal grandmother safeguarding her grandchildren, whilst also supporting her daughter (the children's mother).",
          agency: "partnership",
        },
      ],
      needsToHappen: [
        {
          text: "Continue to actively progress the case, with legal advice being taken.",
          agency: "childrens-social-care",
        },
        {
          text: "Offer the eldest child support to come to terms with being kicked and punched by his father.",
          agency: "partnership",
        },
        {
          text: "Do not rely on the maternal grandmother alone to safeguard the children while she is also supporting their mother.",
          agency: "childrens-social-care",
        },
      ],
    },
  },
  {
    label: "Case 6",
    plan: "cin",
    summary:
      "A Restraining Order is in place on father and both parents breached a Non-Molestation Order; the case was closed despite further domestic violence incidents. The children disclosed that their mother's partner would hit them, and separate CIN meetings are now held.",
    columns: {
      workingWell: [
        {
          text: "The most recent activity undertaken by the Social Work Academy has been done extremely well, with biological parents and step-parents fully involved in the process.",
          agency: "childrens-social-care",
        },
        {
          text: "The Social Worker sensitively arranged for separate CIN meetings to take place due to the Restraining Order being in place on father. This allowed all views to be heard without breaching the Order.",
          agency: "childrens-social-care",
        },
        {
          text: "The School Nurse has undertaken protective behaviours work with the eldest child.",
          agency: "school-nursing",
        },
      ],
      worried: [
        {
          text: "The case was closed by Safeguarding Children's Services due to a Non-Molestation Order being in place; however, there were several further domestic violence incidents that should have triggered the re-opening of the case.",
          agency: "childrens-social-care",
        },
        {
          text: "The case was reviewed four times due to breaches of the Non-Molestation Order by both parents, but the outcomes were not shared with partner agencies.",
          agency: "childrens-social-care",
        },
        {
          text: "A request for Early Help was made by the Health Visitor in August 2016, but it does not appear there was any support put in place.",
          agency: "early-help",
        },
        {
          text: "The mother requested support in November 2016, but it was not clear what support was offered.",
          agency: "partnership",
        },
        {
          text: "Historically, the children spent the weekend with their father and they stated they did not want to return home to their mother - disclosing that their mother's partner would hit them; but this was not acted on by professionals.",
          agency: "partnership",
        },
        {
          text: "School attendance by the two youngest children is low and there are occasions where they have been off ill together. This does not appear to have been reviewed by the School.",
          agency: "education",
        },
      ],
      needsToHappen: [
        {
          text: "School to review the attendance of the two youngest children, including the occasions they have been off ill together.",
          agency: "education",
        },
        {
          text: "Share the outcomes of reviews of Non-Molestation Order breaches with partner agencies.",
          agency: "childrens-social-care",
        },
        {
          text: "Put support in place following the Health Visitor's request for Early Help.",
          agency: "early-help",
        },
      ],
    },
  },
];
