/**
 * Data, not logic: kept as one file (over the usual size) so it can be checked line by line
 * against the seed it transcribes.
 *
 * Demo audit fixture transcribed from the published multi-agency case audit
 * 6 Step Briefing "Domestic Violence II" (seed 002_27900a5e0b22eff9).
 *
 * workingWell = "The Identified Strengths" (verbatim), worried = "The Findings" (verbatim),
 * needsToHappen = actions derived from "Recommendation Outcomes, Good Practice and Evidence"
 * and the findings. Case labels are the briefing's own pseudonymised labels.
 */
import type { DemoAudit } from "./demoAudit.types.ts";

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
  cases: [
    {
      label: "Case 1",
      summary:
        "The family moved out of county and returned a few days later without professionals being aware. The eldest child is electively home educated and the two youngest children have low attendance at school.",
      columns: {
        workingWell: [
          {
            text: "Both the Health Visitor and School Nurse were proactive in communicating with agencies to understand current status of the children.",
            agency: "health-visiting",
          },
          {
            text: "Whilst Youth Offending Service's involvement with this case was minimal, it was managed appropriately.",
            agency: "youth-offending-service",
          },
          {
            text: "Northampton Women's Aid supported VOICE by calling the mother to offer support.",
            agency: "womens-aid",
          },
          {
            text: "Early Help colleagues sought support from the School when they were unsuccessful making contact with the mother.",
            agency: "early-help",
          },
        ],
        worried: [
          {
            text: "There was a missed opportunity by Northamptonshire Police to make a referral regarding the perpetrator.",
            agency: "police",
          },
          {
            text: "The mother missed many health appointments for the children but her lack of engagement and disguised compliance was not challenged.",
            agency: "health-visiting",
          },
          {
            text: "If a professional has a working relationship with a family, this should be used pro-actively to introduce the family to other services such as Early Help.",
            agency: "partnership",
          },
          {
            text: "A robust contingency plan was not in place for this family when they moved out of county, therefore, professionals were not aware they moved back into the county just a few days after leaving.",
            agency: "partnership",
          },
          {
            text: "Changes in staff led to safety plans not being followed up in a timely manner.",
            agency: "partnership",
          },
          {
            text: "The voices, wishes and feelings of the children were not appropriately listened to or recorded by agencies.",
            agency: "partnership",
          },
          {
            text: "The parents have not yet provided a work programme for the eldest child who is Electively Home Educated.",
            agency: "education",
          },
          {
            text: "The two youngest children have low attendance at School and those present at the MACA were worried that the parents may consider electively home educating these children as well.",
            agency: "education",
          },
        ],
        needsToHappen: [
          {
            text: "Put a contingency plan in place so professionals are told when the family returns to the county.",
            agency: "partnership",
          },
          {
            text: "Make the Health Visitor aware that the oldest child is electively home educated, so she is mindful of that child's situation when visiting the younger children.",
            agency: "health-visiting",
          },
          {
            text: "School to review the low attendance of the two youngest children.",
            agency: "education",
          },
        ],
      },
    },
    {
      label: "Case 2",
      summary:
        "Father (the perpetrator) was released from prison a few days before Christmas and lives very close to the family home, where there is a new baby. The family has debt from repair costs for damage the perpetrator caused to the property.",
      columns: {
        workingWell: [
          {
            text: "Social Worker continues to robustly challenge Housing colleagues regarding the risk of domestic violence to the family and the safeguarding needs of the children (perpetrator lives very close by). Previous damage sustained to the property by the perpetrator resulted in repair costs which the mother is unable to pay.",
            agency: "childrens-social-care",
          },
          {
            text: "Health professionals recorded good intra-agency working and this is documented well within the children's individual records.",
            agency: "health-visiting",
          },
          {
            text: "The Health Visitor has good engagement with mother.",
            agency: "health-visiting",
          },
          {
            text: "The School is working closely with the children to engage them in drawing and talking sessions.",
            agency: "education",
          },
          {
            text: "The mother engaged well with the Freedom Programme and voluntarily attends drop in sessions at Women's Aid.",
            agency: "womens-aid",
          },
        ],
        worried: [
          {
            text: "Lack of father's (perpetrator's) voice recorded by agencies.",
            agency: "partnership",
          },
          {
            text: "Historically, the children's voices were not heard. However, a newly recorded strength is the work the School is undertaking to record their wishes and feelings.",
            agency: "partnership",
          },
          {
            text: "Following father's release from prison, there was a lack of understanding of the risk the perpetrator posed to the children; taking into account Christmas was only a few days away, there was a new baby in the family home (not the perpetrator's), and the perpetrator living in very close proximity to the family home.",
            agency: "partnership",
          },
          {
            text: "There was a focus on family debt rather than considering the risk posed to this family remaining at their current address in respect of safeguarding the children and the threat of domestic violence.",
            agency: "housing",
          },
          {
            text: "Mother is vociferous in safeguarding her children and her frustrations can be misinterpreted by professionals who could interpret her as being volatile and difficult to work with.",
            agency: "partnership",
          },
        ],
        needsToHappen: [
          {
            text: "Hold a meeting between key partners and Housing colleagues to review the family's debt, so that safeguarding the children remains the key focus.",
            agency: "housing",
          },
          {
            text: "Share the outcomes of MARAC meetings with the allocated Social Worker, with Social Workers attending MARAC meetings.",
            agency: "childrens-social-care",
          },
          {
            text: "Assess the risk the perpetrator poses to the children since his release from prison, given he lives very close to the family home.",
            agency: "partnership",
          },
        ],
      },
    },
    {
      label: "Case 3",
      summary:
        "Mother was 16 weeks pregnant when the audit was undertaken and the Pre-Birth Assessment had not been initiated. On his release from prison the perpetrator (the children's step-father) went to the family home and seriously attacked mother, witnessed by the children.",
      columns: {
        workingWell: [
          {
            text: "There is evidence of good recording of the eldest child's wishes and feelings.",
            agency: "childrens-social-care",
          },
          {
            text: "Home sessions are being undertaken with the children, which include the Police, to encourage and improve relations with them.",
            agency: "police",
          },
        ],
        worried: [
          {
            text: "Mother continues to minimise domestic violence incidents and does not understand the significant risk posed to her and her children and, in this respect, she is not prioritising her children's needs or their safety.",
            agency: "childrens-social-care",
          },
          {
            text: "The children had expressed their fear of the perpetrator, but the Safety Plan had not been updated to reflect this.",
            agency: "childrens-social-care",
          },
          {
            text: "The Independent Reviewing Officer had expressed that the perpetrator be drug-free for five months before he visited the family home following his release from Prison; however, this was not communicated by agencies and, upon release, the perpetrator went to the family home where he perpetrated a serious attack on mother that was witnessed by the children.",
            agency: "partnership",
          },
          {
            text: "Mother was 16 weeks pregnant when this audit was undertaken and the Pre-Birth Assessment had not been initiated.",
            agency: "childrens-social-care",
          },
          {
            text: "The oldest child is particularly vulnerable and has a Statement of Educational Need.",
            agency: "education",
          },
          {
            text: "Contact for the children with the perpetrator, who is the children's step-father, has been via the perpetrator's mother who lives out of county.",
            agency: "childrens-social-care",
          },
          {
            text: "There appears to be a focus on the needs of the parents, rather than safeguarding measures for the children.",
            agency: "partnership",
          },
          {
            text: "The mother clearly wants to be with the perpetrator but it is not clear if a contingency plan was in place to safeguard the children from going to the perpetrator's mother's house for Christmas.",
            agency: "childrens-social-care",
          },
        ],
        needsToHappen: [
          {
            text: "Initiate the Pre-Birth Assessment for mother's pregnancy.",
            agency: "childrens-social-care",
          },
          {
            text: "Allocate mother to a Vulnerable Mothers' Midwife, a specialist in recognising signs of domestic violence.",
            agency: "midwifery",
          },
          {
            text: "Share the outcomes of MARAC meetings with the allocated Social Worker, with Social Workers attending MARAC meetings.",
            agency: "childrens-social-care",
          },
        ],
      },
    },
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
  ],
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
