// Sentences about the publication or the publisher rather than the threat: programme notes, calls to action, site
// furniture and vendor marketing. The summary never leads with them and severity never quotes them as evidence.

// Text about the publication or the publisher, not about the threat. Word-bounded, bounded gaps, no nesting.
const BOILERPLATE: RegExp[] = [
  // Programme notes: "This joint advisory is part of an ongoing #Campaign effort…", "Note: this report was updated…"
  /\bis part of an? (?:ongoing|continuing|wider|larger) (?:\S+ ){0,3}(?:effort|series|campaign|initiative|program(?:me)?)\b/i,
  /(?:^|\s)#[A-Z]\w{2,40}\b/i, // programme hashtags (#StopRansomware…)
  /^(?:note|disclaimer|editor['’]?s note|update[ds]?|tlp|summary of changes)\s*[:—–-]/i,
  /\b(?:this|the) (?:joint )?(?:cybersecurity )?(?:advisory|alert|bulletin|report|post|article|blog)\b.{1,60}\b(?:(?:was|has been|is being) (?:updated|released|published|revised)|contains? (?:the following|updated))\b/i,
  // Calls to action and site furniture.
  /\b(?:visit|see|read|download|view) (?:our|the full|the complete|the pdf|this (?:page|report) at)\b/i,
  /\b(?:contact us|learn more|request a demo|book a demo|free trial|get started|subscribe|sign up|newsletter|follow us|click here|share this|all rights reserved|privacy (?:policy|statement)|cookies?)\b/i,
  // Marketing: the vendor talking about itself.
  /\b(?:our|we)\b.{1,60}\b(?:24\/7|round[- ]the[- ]clock|SOCs?\b|customers|clients|services|solutions|platform|products|experts|award|industry[- ]leading|leading provider|trusted by)/i,
  /\bdon['’]t work 9[- ]to[- ]5\b|\bwork 9-5\b/i,
  /(?:^|\s)[Oo]ur (?:[A-Z][\w-]*\s){1,4}/, // "our Threat Response Unit", "Our Security Operations Centers": the vendor's own teams and products
  /\bwe\b.{1,40}\b(?:some of the|the) most (?:dangerous|advanced|sophisticated|significant|notable)\b/i,
  /\b(?:provides|offers) (?:a|an) (?:summary|overview|recap) of (?:a|the|our) (?:recent|latest)\b/i,
];


export function isBoilerplateSentence(s: string): boolean {
  return BOILERPLATE.some((re) => re.test(s));
}
