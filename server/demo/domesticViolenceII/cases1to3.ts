/**
 * Cases 1 to 3 of the "Domestic Violence II" demo audit (see index.ts): data, transcribed line by line
 * from the seed briefing, in the briefing's order.
 */
import type { DemoAudit } from "../demoAudit.types.ts";

export const cases1to3: DemoAudit["cases"] = [
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
];
